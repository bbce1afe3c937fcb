//! `casescrub verify`: a redacted file (or folder) against its original and report;
//! the pairing and checking are [`casescrub::review::pairs`].

use super::config::VerifyPlan;
use super::output::{display, escape, write_stdout};
use super::setup::load_library;
use anyhow::{Context as _, Result};
use casescrub::review::pairs;
use casescrub::review::verify::ReportIn;
use casescrub::Scrubber;

/// `casescrub verify`: 0 clean, 3 residue, 4 mismatch (worst over all files).
pub fn verify(plan: VerifyPlan) -> Result<i32> {
    let VerifyPlan { args, folder } = plan;
    let json = std::fs::read_to_string(&args.report)
        .with_context(|| format!("{}: cannot read the report", display(&args.report)))?;
    let report = ReportIn::parse(&json, &args.report).map_err(anyhow::Error::msg)?;
    let library = load_library(&args.library)?;
    let scrubber = Scrubber::new(&library)?;
    let pairs = if folder {
        pairs::folder(&args.original, &args.redacted, &args.report, &report)?
    } else {
        vec![pairs::single(&report, &args.original, &args.redacted).map_err(anyhow::Error::msg)?]
    };
    let mut code = 0;
    let mut out = String::new();
    let (mut clean, mut files) = (0, 0);
    for pair in &pairs {
        files += 1;
        let verdict = pairs::check(&scrubber, pair)?;
        code = pairs::worse(code, verdict.code());
        if verdict.code() == 0 {
            clean += 1;
        }
        pairs::describe(&mut out, pair, &verdict, escape);
    }
    out.push_str(&format!(
        "{clean} of {} verified clean{}\n",
        super::output::count(files, "file", "files"),
        match code {
            0 => String::new(),
            3 => ": residue found (exit 3)".into(),
            _ => ": redacted output does not match the report (exit 4)".into(),
        }
    ));
    write_stdout(out.as_bytes())?;
    Ok(code)
}
