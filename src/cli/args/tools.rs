//! Flags of the commands around redaction: `patterns`, `policy`, `keygen`,
//! `restore` and `case init`.

use super::shared::LibraryArgs;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PatternsCommand {
    /// Print every rule: id, kind, priority, source and description.
    List {
        /// Print the rules as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        library: LibraryArgs,
    },
    /// Run every rule's must-match and must-not-match examples.
    Test {
        #[command(flatten)]
        library: LibraryArgs,
    },
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

/// `casescrub case ...`
#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Propose a roster from the documents of one case, for a person to confirm.
    Init(InitArgs),
}

/// `casescrub case init FOLDER`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder (or file) holding the documents of one case.
    pub input: PathBuf,
    /// Where to write the proposed roster (mode 0600; default: stdout). Never overwritten.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How many of the most frequent names without a role to propose.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub names: usize,
    #[command(flatten)]
    pub library: LibraryArgs,
}
