//! `casescrub scan`: findings of a file or folder as a table or a JSON report.

use super::config::ScanPlan;
use super::output::{display, escape, write_stdout};
use anyhow::Result;
use casescrub::report::{FileReport, Report};
use casescrub::Numbering;

/// Runs `scan`'s plan; returns the exit code.
pub fn scan(plan: ScanPlan) -> Result<i32> {
    let ScanPlan {
        args,
        encoding,
        folder,
    } = plan;
    let inputs = super::setup::expand(std::slice::from_ref(&args.input))?;
    let mut numbering = Numbering::new(&args.placeholder);
    let detector = super::setup::Detector::new(&args.detection, &mut numbering)?;
    let engine = detector.engine(&args.detection);
    let mut files = Vec::new();
    let mut out = String::new();
    for input in &inputs {
        let text = super::setup::read(encoding, input)?;
        let name = display(input);
        let found = engine.detect(&text);
        let redaction = engine.redact(&name, &text, &found, &mut numbering);
        if !args.json {
            let prefix = if folder {
                format!("{name}:")
            } else {
                String::new()
            };
            for c in &redaction.changes {
                out.push_str(&format!(
                    "{prefix}{}:{}\t{}\t{}\t{}\n",
                    c.line,
                    c.column,
                    c.kind,
                    c.rule,
                    escape(&c.original)
                ));
            }
        }
        files.push(FileReport::new(name, None, redaction.changes));
    }
    if args.json {
        out = Report::new(files).to_json();
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}
