//! Which command runs: the command line resolved into its plan
//! ([`super::config::resolve`], where every flag is checked), then one match from
//! the plan to the command's file.

use super::args::{Cli, PolicyCommand};
use super::config::{self, Plan};
use super::output::write_stdout;
use anyhow::Result;

/// Resolves and runs the parsed command; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match config::resolve(cli)? {
        Plan::Redact(plan) => super::redact::redact(*plan),
        Plan::Scan(plan) => super::scan::scan(plan),
        Plan::Verify(plan) => super::verify::verify(plan),
        Plan::Review(plan) => super::review::review(*plan),
        Plan::Explain(plan) => super::explain::explain(plan),
        Plan::PatternsList { library, json } => super::patterns::list(&library, json),
        Plan::PatternsTest(library) => super::patterns::test(&library),
        Plan::Policy(cmd) => policy(cmd),
        Plan::Keygen(args) => {
            eprint!("{}", super::policy::keygen(args)?);
            Ok(0)
        }
        Plan::Restore(args) => {
            write_stdout(&super::policy::restore(args)?)?;
            Ok(0)
        }
        Plan::CaseInit(plan) => {
            write_stdout(super::case::init(plan)?.as_bytes())?;
            Ok(0)
        }
    }
}

fn policy(cmd: PolicyCommand) -> Result<i32> {
    write_stdout(super::policy::policy_command(cmd)?.as_bytes())?;
    Ok(0)
}
