//! What every detecting command builds from its (checked) flags the same way: the
//! pattern library, the policy with its secrets, the case roster and its anchor, the
//! engine `redact` would use, the assessments, the input text, and folder expansion
//! for `scan`, `review` and `case init`.

use super::args::{AssessArgs, CaseArgs, DetectionArgs, LibraryArgs, Placeholders, PolicyArgs};
use super::output::display;
use anyhow::{bail, Context as _, Result};
use casescrub::case::{Case, Roster};
use casescrub::encoding::Encoding;
use casescrub::engine::Engine;
use casescrub::kind::Kind;
use casescrub::policy::relative::Anchor;
use casescrub::policy::rewrite::{random_shift, shift_from_key};
use casescrub::policy::vault::Vault;
use casescrub::policy::{profiles, Action, CompiledPolicy, Key, Rewrite, Secrets};
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

/// What a redacting run builds before its first file: the numbering (seeded from a
/// vault), the policy with its secrets and `--anchor`, and the case roster.
pub fn prepare_run(
    args: &DetectionArgs,
    placeholder: &str,
    scrubber: &Scrubber,
) -> Result<(Numbering, Prepared, Case)> {
    let mut numbering = Numbering::new(placeholder);
    let mut prepared = prepare(&args.policy, scrubber.rule_ids(), &mut numbering)?;
    let case = case(&args.case)?;
    prepared.secrets.anchor = anchor(&args.case, &case, &mut prepared.policy)?;
    Ok((numbering, prepared, case))
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
        let case = case(&args.case)?;
        prepared.secrets.anchor = anchor(&args.case, &case, &mut prepared.policy)?;
        Ok(Detector {
            scrubber,
            prepared,
            case,
        })
    }

    /// The engine `redact` would use with these flags.
    pub fn engine<'a>(&'a self, args: &DetectionArgs) -> Box<dyn Engine + 'a> {
        engine(
            &args.case,
            &self.scrubber,
            &self.prepared.policy,
            &self.prepared.secrets,
            &self.case,
        )
    }
}

/// The engine that redacts: the case engine when a case flag asks for it, else the
/// plain policy engine (no vault: single-file callers record it themselves).
pub fn engine<'a>(
    args: &CaseArgs,
    scrubber: &'a Scrubber,
    policy: &'a CompiledPolicy,
    secrets: &'a Secrets,
    case: &'a Case,
) -> Box<dyn Engine + 'a> {
    if args.wanted() {
        let roles = args.placeholders == Placeholders::Roles;
        Box::new(casescrub::case::CaseEngine::new(
            scrubber, policy, secrets, case, roles,
        ))
    } else {
        Box::new(casescrub::engine::PolicyEngine::new(
            scrubber, policy, secrets, None,
        ))
    }
}

/// The compiled roster (empty without `--case`).
pub fn case(args: &CaseArgs) -> Result<Case> {
    let roster = match &args.roster {
        Some(path) => Roster::from_file(path)?,
        None => Roster::default(),
    };
    Ok(Case::new(&roster)?)
}

/// The anchor named by `--anchor`; dates of `policy` become `relative` when it does
/// not use that action yet. Needs the roster (a date role) and the policy (whether
/// it uses `relative`), so it is checked here, once both are loaded.
pub fn anchor(args: &CaseArgs, case: &Case, policy: &mut CompiledPolicy) -> Result<Option<Anchor>> {
    let Some(wanted) = &args.anchor else {
        if policy.uses(Action::Relative) {
            bail!(
                "policy `{}` uses `relative`, which needs --anchor ROLE|DATE \
                 (a date role of the --case roster, or a date such as 2002-06-18)",
                policy.name()
            );
        }
        return Ok(None);
    };
    let from_roster = case
        .entities()
        .iter()
        .find(|e| e.kind == Kind::Date && e.role == *wanted);
    let anchor = match from_roster {
        Some(e) => Anchor::parse(&Anchor::label_for_role(&e.role), &e.canonical),
        None => Anchor::parse("D0", wanted),
    };
    let Some(anchor) = anchor else {
        let roles: Vec<&str> = case
            .entities()
            .iter()
            .filter(|e| e.kind == Kind::Date)
            .map(|e| e.role.as_str())
            .collect();
        bail!(
            "--anchor {wanted}: neither a date role of the roster ({}) nor a full date \
             such as 2002-06-18",
            if roles.is_empty() {
                "none listed".to_string()
            } else {
                roles.join(", ")
            }
        );
    };
    if !policy.uses(Action::Relative) {
        policy.set_kind_rewrite(Kind::Date, Rewrite::new(Action::Relative));
    }
    Ok(Some(anchor))
}

/// The assessments asked for (`--coverage`, `--risk`, `--rare`), with the rare list
/// read; where they go (a report, the page) was checked by `config`.
pub fn assessments(args: &AssessArgs) -> Result<Option<casescrub::assess::Assess>> {
    let risk = args.risk || args.rare.is_some();
    if !args.coverage && !risk {
        return Ok(None);
    }
    let rare = match &args.rare {
        Some(path) => casescrub::assess::RareList::parse(&casescrub::io::read_text(path)?),
        None => Default::default(),
    };
    Ok(Some(casescrub::assess::Assess {
        coverage: args.coverage,
        risk,
        rare,
        rules: Default::default(),
    }))
}

/// Reads one input as `redact` would (`--encoding`, resolved; `-` is stdin).
pub fn read(encoding: Option<&'static Encoding>, path: &Path) -> Result<String> {
    Ok(casescrub::encoding::read_text(path, encoding)?.0)
}

/// The files of `inputs`, every folder expanded by the one walker
/// ([`casescrub::walk::expand`]); what is not read is reported on stderr.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let expanded = casescrub::walk::expand(inputs)?;
    for (path, why) in &expanded.skipped {
        eprintln!("casescrub: skipped {}: {why}", display(path));
    }
    Ok(expanded.files)
}
