//! The `policy`, `keygen` and `restore` commands.

use super::args::{KeygenArgs, PolicyCommand, RestoreArgs};
use anyhow::{Context as _, Result};
use casescrub::io;
use casescrub::policy::vault::Vault;
use casescrub::policy::{profiles, CompiledPolicy, Key};
use std::path::Path;

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
