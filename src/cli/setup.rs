//! What every detecting command builds from its flags the same way: the pattern
//! library, the policy with its secrets, the case roster, the engine `redact` would
//! use, the input text, and folder expansion for `scan` and `review`.

use super::args::{DetectionArgs, LibraryArgs, PolicyArgs};
use super::output::display;
use anyhow::{bail, Context as _, Result};
use casescrub::case::Case;
use casescrub::engine::Engine;
use casescrub::policy::rewrite::{random_shift, shift_from_key};
use casescrub::policy::vault::Vault;
use casescrub::policy::{profiles, Action, CompiledPolicy, Key, Secrets};
use casescrub::{Library, Numbering, Scrubber};
use std::path::{Path, PathBuf};

/// The embedded pattern library, with the `--patterns` folder added.
pub fn load_library(args: &LibraryArgs) -> Result<Library> {
    let mut library = Library::embedded().context("the embedded pattern library is invalid")?;
    if let Some(dir) = &args.patterns {
        library.add_dir(dir)?;
    }
    Ok(library)
}

/// A policy resolved from the flags, with its secrets and vault.
pub struct Prepared {
    /// The policy.
    pub policy: CompiledPolicy,
    /// Keys and date offset.
    pub secrets: Secrets,
    /// The vault and where to save it.
    pub vault: Option<(PathBuf, Vault)>,
}

fn read_key(path: &Path) -> Result<Key> {
    let key = Key::read_file(path)?;
    if Key::file_is_shared(path) {
        eprintln!(
            "casescrub: warning: key file {} can be read by other users; run `chmod 600 {}`",
            path.display(),
            path.display()
        );
    }
    Ok(key)
}

/// Loads the policy, keys and vault named by the flags; seeds `numbering` from the
/// vault. Every rule id the policy names must be in `known_rules` (sorted).
pub fn prepare(
    args: &PolicyArgs,
    known_rules: &[std::sync::Arc<str>],
    numbering: &mut Numbering,
) -> Result<Prepared> {
    let policy = match (&args.policy, &args.profile) {
        (Some(file), _) => CompiledPolicy::from_file(file)?,
        (None, Some(name)) => CompiledPolicy::profile(name)?,
        (None, None) => CompiledPolicy::profile(profiles::DEFAULT)?,
    };
    policy.check_rule_ids(known_rules)?;
    let key = args.key_file.as_deref().map(read_key).transpose()?;
    if policy.uses(Action::Pseudonym) && key.is_none() {
        bail!(
            "policy `{}` uses `pseudonym`, which needs a secret key: pass --key-file FILE \
             (create one with `casescrub keygen FILE`)",
            policy.name()
        );
    }
    let mut vault = match &args.vault {
        Some(path) => Some((path.clone(), Vault::load_or_new(path)?)),
        None => None,
    };
    if let Some((_, v)) = &vault {
        v.seed(numbering);
    }
    let shift_days = if policy.shifts_dates() {
        let max = policy.max_shift_days();
        Some(match (&args.shift_key, &mut vault) {
            (Some(path), _) => shift_from_key(&read_key(path)?, max),
            (None, Some((_, v))) => match v.shift_days {
                Some(d) => d,
                None => {
                    let d = random_shift(max)?;
                    v.shift_days = Some(d);
                    d
                }
            },
            (None, None) => random_shift(max)?,
        })
    } else {
        None
    };
    let surrogate_key = if policy.uses(Action::Surrogate) {
        Some(match (&key, &mut vault) {
            (Some(k), _) => k.derive("casescrub/surrogate-key/v1"),
            (None, Some((_, v))) => v.surrogate_key()?,
            (None, None) => Key::generate()?,
        })
    } else {
        None
    };
    Ok(Prepared {
        policy,
        secrets: Secrets {
            key,
            surrogate_key,
            shift_days,
            anchor: None,
        },
        vault,
    })
}

/// The compiled library, policy and case roster of one run.
pub struct Detector {
    /// The compiled pattern library.
    pub scrubber: Scrubber,
    /// The policy with its secrets (a `--vault` is read, never written here).
    pub prepared: Prepared,
    /// The case roster (empty without `--case`).
    pub case: Case,
}

impl Detector {
    /// Compiles what `args` name; `numbering` receives a vault's placeholders.
    pub fn new(args: &DetectionArgs, numbering: &mut Numbering) -> Result<Self> {
        let scrubber = Scrubber::new(&load_library(&args.library)?)?;
        let mut prepared = prepare(&args.policy, scrubber.rule_ids(), numbering)?;
        let case = args.case.case()?;
        prepared.secrets.anchor = args.case.anchor(&case, &mut prepared.policy)?;
        Ok(Detector {
            scrubber,
            prepared,
            case,
        })
    }

    /// The engine `redact` would use with these flags.
    pub fn engine<'a>(&'a self, args: &DetectionArgs) -> Box<dyn Engine + 'a> {
        args.case.engine(
            &self.scrubber,
            &self.prepared.policy,
            &self.prepared.secrets,
            &self.case,
        )
    }
}

/// Reads one input as `redact` would (`--encoding`; `-` is stdin).
pub fn read(args: &DetectionArgs, path: &Path) -> Result<String> {
    Ok(casescrub::encoding::read_text(path, args.encoding.label()?)?.0)
}

/// The files of `inputs`, every folder expanded to the files under it in path order
/// (hidden files included, as in folder mode, by the walker folder mode uses); what
/// cannot be read is reported on stderr and skipped. `check` sees each input (and
/// whether it is a folder) before it is expanded, and may refuse it.
pub fn expand(
    inputs: &[PathBuf],
    mut check: impl FnMut(&Path, bool) -> Result<()>,
) -> Result<Vec<PathBuf>> {
    use casescrub::walk::{self, Problem};
    let mut out = Vec::new();
    for input in inputs {
        let folder = input.is_dir();
        check(input, folder)?;
        if !folder {
            out.push(input.clone());
            continue;
        }
        for found in walk::collect(input, &[])? {
            let path = input.join(&found.rel);
            let why = match &found.problem {
                None => {
                    out.push(path);
                    continue;
                }
                Some(Problem::Symlink) => "a symbolic link (not followed)".to_string(),
                Some(Problem::Leftover) => "a temporary file of an interrupted run".to_string(),
                Some(Problem::Walk(e)) => e.clone(),
            };
            eprintln!("casescrub: skipped {}: {why}", display(&path));
        }
    }
    Ok(out)
}
