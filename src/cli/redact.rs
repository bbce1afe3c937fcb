//! `casescrub redact`: picks the mode (a folder, a dataset, one file streamed or
//! whole) and runs one file itself.

use super::args::{OutputEncoding, RedactArgs};
use super::config::{Mode, RedactPlan};
use super::decisions::{decision_summary, load_decisions};
use super::output::{display, terminal_diff, write_stdout};
use super::setup::{load_library, prepare_run};
use anyhow::Result;
use casescrub::encoding::Encoding;
use casescrub::report::{FileReport, Report};
use casescrub::review::decided::redact_decided;
use casescrub::{encoding, io, Scrubber};
use std::path::Path;

/// Runs `redact`'s plan; returns the exit code.
pub fn redact(plan: RedactPlan) -> Result<i32> {
    let RedactPlan {
        args,
        mode,
        encoding,
    } = plan;
    let library = load_library(&args.detection.library)?;
    let scrubber = match &mode {
        Mode::Folder(plan) => Scrubber::with_threads(&library, plan.threads)?,
        _ => Scrubber::new(&library)?,
    };
    match mode {
        Mode::Folder(plan) => super::folder::run(args, plan, &scrubber),
        Mode::Dataset(dataset) => super::stream::run(args, dataset, &scrubber),
        Mode::Streamed => {
            // No roster here (`config` streams no case run), but an --anchor date may
            // be given alone.
            let (numbering, prepared, _) =
                prepare_run(&args.detection, &args.placeholder, &scrubber)?;
            super::chunked::redact_file(&args, &scrubber, encoding, numbering, prepared)
        }
        Mode::Whole => redact_whole(args, &scrubber, encoding),
    }
}

/// Redacts one file read whole (a diff, a vault, a case roster, reviewer decisions
/// or an assessment needs the text; `config` picked this mode).
fn redact_whole(
    args: RedactArgs,
    scrubber: &Scrubber,
    label: Option<&'static Encoding>,
) -> Result<i32> {
    let (mut numbering, mut prepared, case) =
        prepare_run(&args.detection, &args.placeholder, scrubber)?;
    let decisions = load_decisions(args.decisions.as_deref())?;
    let assess =
        super::setup::assessments(&args.assess)?.map(|a| a.with_rules(scrubber.hipaa_classes()));
    let (text, source) = encoding::read_text(&args.input, label)?;
    let engine = super::setup::engine(
        &args.detection.case,
        scrubber,
        &prepared.policy,
        &prepared.secrets,
        &case,
    );
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
