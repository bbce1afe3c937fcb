//! The command line resolved once into what runs (as ripgrep's `HiArgs` stands
//! between clap's parsed flags and the search): [`resolve`] turns the parsed
//! command into a [`Plan`], checking every flag combination of every mode here and
//! nowhere else, each refusal saying what to do instead. The command files then
//! only run their plan.
//!
//! One file per group of commands, as in `args/`: `redact.rs` (one file streamed or
//! whole, a folder, a dataset), `review.rs` (`scan`, `review`, `explain`, `verify`),
//! `tools.rs` (`patterns`, `policy`, `keygen`, `restore`, `case init`), above
//! `checks.rs`, the checks they share; this file picks the command's file.

mod checks;
mod redact;
mod review;
mod tools;

pub use redact::{Dataset, FolderPlan, Mode, RedactPlan};
pub use review::{ExplainPlan, ReviewPlan, ScanPlan, VerifyPlan};
pub use tools::InitPlan;

use super::args::{
    CaseCommand, Cli, Command, KeygenArgs, LibraryArgs, PatternsCommand, PolicyCommand, RestoreArgs,
};
use super::output::display;
use anyhow::{bail, Result};
use casescrub::io;
use std::path::Path;

/// What one run of the binary does, its flags checked.
#[derive(Debug)]
pub enum Plan {
    /// `redact`, with the mode it picked.
    Redact(Box<RedactPlan>),
    /// `scan`.
    Scan(ScanPlan),
    /// `review`.
    Review(Box<ReviewPlan>),
    /// `explain`.
    Explain(ExplainPlan),
    /// `verify`.
    Verify(VerifyPlan),
    /// `patterns list` (`json`: as JSON).
    PatternsList {
        /// The pattern library.
        library: LibraryArgs,
        /// Print JSON.
        json: bool,
    },
    /// `patterns test`.
    PatternsTest(LibraryArgs),
    /// `policy list|show|check`.
    Policy(PolicyCommand),
    /// `keygen`.
    Keygen(KeygenArgs),
    /// `restore`.
    Restore(RestoreArgs),
    /// `case init`.
    CaseInit(InitPlan),
}

/// Checks the parsed command line and resolves it into the plan that runs.
pub fn resolve(cli: Cli) -> Result<Plan> {
    stdout_is_not_input(&cli.command)?;
    Ok(match cli.command {
        Command::Redact(args) => Plan::Redact(Box::new(redact::resolve(*args)?)),
        Command::Scan(args) => Plan::Scan(review::scan(args)?),
        Command::Review(args) => Plan::Review(Box::new(review::review(*args)?)),
        Command::Explain(args) => Plan::Explain(review::explain(args)?),
        Command::Verify(args) => Plan::Verify(review::verify(args)?),
        Command::Patterns(PatternsCommand::List { json, library }) => {
            checks::library_flags(&library)?;
            Plan::PatternsList { library, json }
        }
        Command::Patterns(PatternsCommand::Test { library }) => {
            checks::library_flags(&library)?;
            Plan::PatternsTest(library)
        }
        Command::Policy(cmd) => Plan::Policy(cmd),
        Command::Keygen(args) => Plan::Keygen(args),
        Command::Restore(args) => Plan::Restore(args),
        Command::Case(CaseCommand::Init(args)) => Plan::CaseInit(tools::init(args)?),
    })
}

/// A command that writes to stdout must not have its input there: `casescrub
/// redact note.txt > note.txt` would read an empty file and destroy it.
fn stdout_is_not_input(command: &Command) -> Result<()> {
    let stdout_input = match command {
        Command::Redact(a)
            if a.output.as_deref().is_none_or(|o| o == Path::new("-")) || a.diff.is_some() =>
        {
            Some(a.input.as_path())
        }
        Command::Scan(a) => Some(a.input.as_path()),
        Command::Restore(a) if a.output.is_none() => Some(a.input.as_path()),
        Command::Explain(a) => Some(a.file.as_path()),
        _ => None,
    };
    if let Some(input) = stdout_input.filter(|p| *p != Path::new("-")) {
        if io::stdout_is(input) {
            bail!(
                "{}: standard output is the input file; writing to it would destroy the input \
                 (write to another file with -o, or use -o FILE --in-place to replace it)",
                display(input)
            );
        }
    }
    Ok(())
}
