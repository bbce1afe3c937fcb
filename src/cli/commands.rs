//! Which command runs: one match from the parsed command line to the command's file.

use super::args::{CaseCommand, Cli, Command, PatternsCommand};
use super::output::{display, write_stdout};
use anyhow::{bail, Result};
use casescrub::io;
use std::path::Path;

/// Runs the parsed command; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    let stdout_input = match &cli.command {
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
    match cli.command {
        Command::Redact(args) => super::redact::redact(*args),
        Command::Scan(args) => super::scan::scan(args),
        Command::Verify(args) => super::verify::verify(args),
        Command::Review(args) => super::review::review(*args),
        Command::Explain(args) => super::explain::explain(args),
        Command::Patterns(PatternsCommand::List { json, library }) => {
            super::patterns::list(&library, json)
        }
        Command::Patterns(PatternsCommand::Test { library }) => super::patterns::test(&library),
        Command::Policy(cmd) => {
            write_stdout(super::policy::policy_command(cmd)?.as_bytes())?;
            Ok(0)
        }
        Command::Keygen(args) => {
            eprint!("{}", super::policy::keygen(args)?);
            Ok(0)
        }
        Command::Restore(args) => {
            write_stdout(&super::policy::restore(args)?)?;
            Ok(0)
        }
        Command::Case(CaseCommand::Init(args)) => {
            write_stdout(super::case::init(args)?.as_bytes())?;
            Ok(0)
        }
    }
}
