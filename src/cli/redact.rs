//! `casescrub redact`: picks the mode (a folder, a dataset, one file streamed or
//! whole) and runs one file itself.

use super::args::{OutputEncoding, RedactArgs};
use super::config::Mode;
use super::decisions::{decision_summary, load_decisions};
use super::output::{display, terminal_diff, write_stdout};
use super::setup::{load_library, prepare};
use anyhow::Result;
use casescrub::report::{FileReport, Report};
use casescrub::review::decided::redact_decided;
use casescrub::{encoding, io, Numbering, Scrubber};
use std::path::Path;

/// Runs `redact`; returns the exit code.
pub fn redact(args: RedactArgs) -> Result<i32> {
    let mode = super::config::redact_mode(&args)?;
    let library = load_library(&args.detection.library)?;
    let scrubber = match &mode {
        Mode::Folder(plan) => Scrubber::with_threads(&library, plan.threads)?,
        _ => Scrubber::new(&library)?,
    };
    match mode {
        Mode::Folder(plan) => super::folder::run(args, plan, &scrubber),
        Mode::Dataset => super::stream::run(args, &scrubber),
        Mode::File => redact_file(args, &scrubber),
    }
}

/// Redacts one file: streamed in bounded memory unless the whole text is needed.
fn redact_file(args: RedactArgs, scrubber: &Scrubber) -> Result<i32> {
    let label = args.detection.encoding.label()?;
    let mut numbering = Numbering::new(&args.placeholder);
    let mut prepared = prepare(&args.detection.policy, scrubber.rule_ids(), &mut numbering)?;
    let decisions = load_decisions(args.decisions.as_deref())?;
    let case = args.detection.case.case()?;
    prepared.secrets.anchor = args.detection.case.anchor(&case, &mut prepared.policy)?;
    let assess = args
        .assess
        .assess(args.report.as_deref())?
        .map(|a| a.with_rules(scrubber.hipaa_classes()));
    // Streamed in bounded memory, unless the whole text is needed: a diff, a vault
    // (which records the output's SHA-256), a case roster, reviewer decisions or a
    // coverage/risk assessment.
    if args.diff.is_none()
        && prepared.vault.is_none()
        && !args.detection.case.wanted()
        && decisions.is_none()
        && assess.is_none()
    {
        return super::chunked::redact_file(&args, scrubber, label, numbering, prepared);
    }
    let (text, source) = encoding::read_text(&args.input, label)?;
    let engine = args
        .detection
        .case
        .engine(scrubber, &prepared.policy, &prepared.secrets, &case);
    let (redaction, applied) = redact_decided(
        engine.as_ref(),
        &text,
        &mut numbering,
        decisions.as_ref(),
        &display(&args.input),
    );
    let target = match args.output_encoding {
        OutputEncoding::Same => source,
        OutputEncoding::Utf8 => encoding::Source::UTF8,
    };
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        Some(path) => {
            let bytes = encoding::encode(path, &redaction.output, target)?;
            io::write_atomic(path, &bytes, false)?
        }
        None if args.diff.is_none() => write_stdout(&encoding::encode(
            Path::new("-"),
            &redaction.output,
            target,
        )?)?,
        None => {}
    }
    if let Some(layout) = args.diff {
        let diff = terminal_diff(
            &text,
            &redaction.changes,
            &display(&args.input),
            layout,
            args.width,
            args.context,
            args.color.enabled(),
        );
        write_stdout(diff.as_bytes())?;
    }
    if let Some(path) = &args.report {
        let output = args.output.as_deref().map(display).unwrap_or("-".into());
        let mut report = Report::new(vec![FileReport::new(
            display(&args.input),
            Some(output),
            redaction.changes.clone(),
        )]);
        report.policy = Some(prepared.policy.name().to_string());
        if let Some(assess) = &assess {
            let remaining = engine.detect(&redaction.output);
            let file = &mut report.files[0];
            assess.fill(
                file,
                &text,
                &redaction.changes,
                &redaction.output,
                &remaining,
            );
            (report.coverage, report.risk) = assess.totals(&report.files);
        }
        io::write_atomic(path, report.to_json().as_bytes(), true)?;
    }
    if let Some((path, vault)) = &mut prepared.vault {
        vault.record(&display(&args.input), &redaction, &numbering);
        io::write_atomic(path, vault.to_json().as_bytes(), true)?;
    }
    if let Some(applied) = &applied {
        decision_summary(&text, applied);
    }
    Ok(0)
}
