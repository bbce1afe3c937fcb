//! `casescrub review`: the HTML review page of one or more files.

use super::args::ReviewArgs;
use super::decisions::{load_decisions, print_decisions};
use super::output::display;
use anyhow::{bail, Result};
use casescrub::io;
use casescrub::redact::Change;
use casescrub::report::FileReport;
use casescrub::review::decided::{redact_decided, Tally};
use casescrub::review::decisions;
use casescrub::review::html::{self, Mark, ReviewFile};
use casescrub::review::safety::{FileSafety, Safety};
use casescrub::review::verify;
use std::path::PathBuf;

/// The files named on the command line, folders expanded (sorted, hidden files
/// included as in folder mode); the page is never one of them, nor written inside
/// an input folder.
fn review_inputs(args: &ReviewArgs) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in &args.files {
        if !input.is_dir() {
            if io::same_file(input, &args.output) {
                bail!(
                    "{}: the page would overwrite an input file",
                    display(&args.output)
                );
            }
            out.push(input.clone());
            continue;
        }
        let folder = casescrub::bulk::paths::resolve(input)?;
        if casescrub::bulk::paths::resolve(&args.output)?.starts_with(&folder) {
            bail!(
                "{}: the page would be written inside the input folder {}; casescrub never \
                 writes inside an input folder (the page holds original identifying text)",
                display(&args.output),
                display(input)
            );
        }
        for found in casescrub::bulk::walk::collect(input, &[])? {
            let path = input.join(&found.rel);
            if let Some(problem) = &found.problem {
                use casescrub::bulk::walk::Problem;
                let why = match problem {
                    Problem::Symlink => "a symbolic link (not followed)".to_string(),
                    Problem::Leftover => "a temporary file of an interrupted run".to_string(),
                    Problem::Walk(e) => e.clone(),
                };
                eprintln!("casescrub: skipped {}: {why}", display(&path));
            } else {
                out.push(path);
            }
        }
    }
    if out.is_empty() {
        bail!("no files to review under the given folder(s)");
    }
    Ok(out)
}

/// `casescrub review`: redacts each file as `redact` would (with the same case
/// flags) and writes the page, with the coverage and risk sections when asked.
pub fn review(args: ReviewArgs) -> Result<i32> {
    casescrub::placeholder::check_template(&args.placeholder).map_err(anyhow::Error::msg)?;
    let inputs = review_inputs(&args)?;
    let decisions = load_decisions(args.decisions.as_deref())?;
    let mut numbering = casescrub::Numbering::new(&args.placeholder);
    let detector = super::setup::Detector::new(&args.detection, &mut numbering)?;
    let assess = args.assess.assessments()?;
    let engine = detector.engine(&args.detection);
    let mut files = Vec::new();
    let mut assessed = Vec::new();
    let mut tally = decisions.as_ref().map(Tally::new);
    for input in &inputs {
        let text = super::setup::read(&args.detection, input)?;
        let name = display(input);
        let (redaction, applied) = redact_decided(
            engine.as_ref(),
            &text,
            &mut numbering,
            decisions.as_ref(),
            &name,
        );
        if let Some(assess) = &assess {
            let remaining = engine.detect(&redaction.output);
            let mut entry = FileReport::new(name.clone(), None, Vec::new());
            assess.fill(
                &mut entry,
                &text,
                &redaction.changes,
                &redaction.output,
                &remaining,
            );
            assessed.push(entry);
        }
        let (marks, rejected) = match &applied {
            None => (Vec::new(), Vec::new()),
            Some(a) => {
                let marks = redaction
                    .changes
                    .iter()
                    .map(|c| {
                        if &*c.rule == decisions::ADDED_RULE {
                            Mark::Add
                        } else if a.accepted.iter().any(|f| f.start == c.start) {
                            Mark::Accept
                        } else {
                            Mark::Pending
                        }
                    })
                    .collect();
                let rejected = a
                    .rejected
                    .iter()
                    .map(|f| {
                        let at = verify::Position::of(&text, f.start);
                        Change {
                            start: f.start,
                            end: f.end,
                            line: at.line,
                            column: at.column,
                            kind: f.kind,
                            rule: f.rule.clone(),
                            original: f.text(&text).to_string(),
                            replacement: f.text(&text).to_string(),
                        }
                    })
                    .collect();
                (marks, rejected)
            }
        };
        if let (Some(a), Some(t), Some(d)) = (&applied, &mut tally, &decisions) {
            t.record(d, &name, &text, a);
        }
        files.push(ReviewFile {
            name,
            original: text,
            marks,
            changes: redaction.changes,
            rejected,
        });
    }
    let safety = assess.map(|assess| {
        let (coverage, risk) = assess.totals(&assessed);
        Safety {
            files: assessed
                .into_iter()
                .map(|f| FileSafety {
                    coverage: f.coverage,
                    risk: f.risk,
                })
                .collect(),
            coverage,
            risk,
        }
    });
    let title = match files.as_slice() {
        [one] => one.name.clone(),
        many => format!("{} files", many.len()),
    };
    let page = html::render_with(&files, &title, safety.as_ref());
    io::write_atomic(&args.output, page.as_bytes(), true)?;
    let findings: usize = files.iter().map(|f| f.changes.len()).sum();
    eprintln!(
        "casescrub: wrote {} ({} file(s), {findings} finding(s)); it contains original identifying text (mode 0600)",
        display(&args.output),
        files.len()
    );
    if let Some(safety) = &safety {
        if let Some(risk) = &safety.risk {
            eprintln!(
                "casescrub: risk: {} of {} file(s) flagged",
                risk.flagged.len(),
                risk.files
            );
        }
    }
    if let (Some(t), Some(d)) = (&tally, &decisions) {
        print_decisions(&t.summary(d), files.len() > 1);
    }
    Ok(0)
}
