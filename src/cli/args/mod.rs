//! The command-line flags (clap derive), one file per group of commands; nothing
//! here runs anything: [`crate::cli::config`] resolves the flags into what the
//! commands use.

mod redact;
mod review;
mod shared;
mod tools;

pub use redact::*;
pub use review::*;
pub use shared::*;
pub use tools::*;

use clap::{Parser, Subcommand};

/// De-identify case files: find identifying details, replace them with stable
/// placeholders and show exactly what changed.
///
/// Outputs that contain original identifying text: `--report` files, `--vault` files
/// and `--backup` folders (all created mode 0600), `scan` output and `--diff` output.
/// The redacted text itself does not; key files (mode 0600) hold no original, and the
/// key is never printed. Threat model: SECURITY.md.
#[derive(Debug, Parser)]
#[command(name = "casescrub", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Redact a file, a folder tree (`IN_DIR -o OUT_DIR`), or a JSONL/CSV stream.
    Redact(Box<RedactArgs>),
    /// List findings without rewriting anything (output contains identifying text).
    Scan(ScanArgs),
    /// Write ONE self-contained HTML page to check redactions: original and redacted side
    /// by side, findings highlighted (the page contains original identifying text).
    Review(Box<ReviewArgs>),
    /// Explain detection at a place: which rules matched, which won the overlap and why,
    /// which were rejected by a validator, context words or the allow-list.
    Explain(ExplainArgs),
    /// Check a redacted file (or folder) against the original and the report, and
    /// rescan it: exit 0 clean, 3 residue found, 4 not the original with the report applied.
    Verify(VerifyArgs),
    /// Inspect or test the pattern library.
    #[command(subcommand)]
    Patterns(PatternsCommand),
    /// List, show or check policies (what to remove and how).
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Create a secret key file (mode 0600) for pseudonyms and date shifts.
    Keygen(KeygenArgs),
    /// Put the originals back into a redacted file, using the vault of its run.
    Restore(RestoreArgs),
    /// Case rosters: `case init FOLDER` proposes one from the documents of a case.
    #[command(subcommand)]
    Case(CaseCommand),
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
