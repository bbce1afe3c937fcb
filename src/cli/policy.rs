//! Policy flags and the `policy`, `keygen` and `restore` commands.

use anyhow::{bail, Context as _, Result};
use casescrub::policy::rewrite::{random_shift, shift_from_key};
use casescrub::policy::vault::Vault;
use casescrub::policy::{profiles, Action, CompiledPolicy, Key, Secrets};
use casescrub::{io, Numbering};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

/// Which policy to apply and the secrets it may need.
#[derive(Debug, Args)]
#[command(next_help_heading = "Policy")]
pub struct PolicyArgs {
    /// Policy file (TOML): the action per kind or rule, allow- and deny-lists.
    #[arg(long, value_name = "FILE", conflicts_with = "profile")]
    pub policy: Option<PathBuf>,
    /// Built-in profile: strict (default), safe-harbor, publication, research, court-filing.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Secret key for `pseudonym` (and `surrogate`) tokens; create one with `casescrub keygen`.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Key that fixes the date-shift offset: every document shifted with it moves by
    /// the same number of days (one key per subject).
    #[arg(long, value_name = "FILE")]
    pub shift_key: Option<PathBuf>,
    /// Vault (JSON, mode 0600): keeps placeholders, the date offset and surrogates the
    /// same across every file of a case, and lets `casescrub restore` undo the redaction.
    #[arg(long, value_name = "FILE")]
    pub vault: Option<PathBuf>,
}

/// `casescrub policy ...`
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// List the built-in profiles.
    List,
    /// Print a built-in profile as TOML, to start a policy file from.
    Show {
        /// Profile name.
        name: String,
    },
    /// Check a policy file and print the action for every kind.
    Check {
        /// Policy file.
        file: PathBuf,
    },
}

/// `casescrub keygen FILE`
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Where to write the new key (created with mode 0600; never overwritten).
    pub file: PathBuf,
}

/// `casescrub restore REDACTED --vault FILE`
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Redacted file, or `-` for stdin.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// The vault written by `redact --vault`.
    #[arg(long, value_name = "FILE")]
    pub vault: PathBuf,
    /// Where to write the restored text (mode 0600; default: stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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

/// Runs `casescrub policy ...`.
pub fn policy_command(cmd: PolicyCommand) -> Result<String> {
    match cmd {
        PolicyCommand::List => {
            let mut out = String::new();
            for name in profiles::names() {
                let p = CompiledPolicy::profile(name)?;
                out.push_str(&format!(
                    "{:<13} {}\n",
                    name,
                    p.policy().description.as_deref().unwrap_or("")
                ));
            }
            Ok(out)
        }
        PolicyCommand::Show { name } => match profiles::source(&name) {
            Some(text) => Ok(text.to_string()),
            None => Err(casescrub::policy::PolicyError::UnknownProfile(name).into()),
        },
        PolicyCommand::Check { file } => {
            let p = CompiledPolicy::from_file(&file)?;
            let mut out = format!("{}: valid policy `{}`\n", file.display(), p.name());
            for kind in casescrub::Kind::ALL {
                if kind == casescrub::Kind::Allow {
                    continue;
                }
                let rw = p.policy().kinds.get(&kind).unwrap_or(&p.policy().default);
                out.push_str(&format!("  {:<12} {}\n", kind.as_str(), rw.action));
            }
            for (rule, rw) in &p.policy().rules {
                out.push_str(&format!("  rule {rule:<20} {}\n", rw.action));
            }
            Ok(out)
        }
    }
}

/// Runs `casescrub keygen FILE`.
pub fn keygen(args: KeygenArgs) -> Result<String> {
    Key::create_file(&args.file)?;
    Ok(format!(
        "wrote a new key to {} (mode 0600). Keep it secret: anyone with it can test guesses against pseudonyms.\n",
        args.file.display()
    ))
}

/// Runs `casescrub restore`; returns the text for stdout (empty when written to a file).
pub fn restore(args: RestoreArgs) -> Result<Vec<u8>> {
    let vault = Vault::load(&args.vault)?;
    let redacted = io::read_text(&args.input)?;
    let restored = vault.restore(&redacted);
    if !restored.exact {
        eprintln!(
            "casescrub: warning: {} is not a document recorded in {} (was it edited?); \
             restored {} placeholders by value, left {} that stand for several originals",
            args.input.display(),
            args.vault.display(),
            restored.restored,
            restored.ambiguous
        );
    }
    match &args.output {
        Some(path) if path != Path::new("-") => {
            io::write_atomic(path, restored.text.as_bytes(), true)
                .with_context(|| "writing the restored text".to_string())?;
            Ok(Vec::new())
        }
        _ => Ok(restored.text.into_bytes()),
    }
}
