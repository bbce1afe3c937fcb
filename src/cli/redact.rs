//! `casescrub redact`: picks the mode (a folder, a dataset, one file streamed or
//! whole) and runs one file itself.

use super::args::{OutputEncoding, RedactArgs};
use super::decisions::{decision_summary, load_decisions};
use super::output::{display, terminal_diff, write_stdout};
use super::setup::{load_library, prepare};
use anyhow::{bail, Result};
use casescrub::report::{FileReport, Report};
use casescrub::review::decided::redact_decided;
use casescrub::{encoding, io, placeholder, Numbering, Scrubber};
use std::path::Path;

/// Runs `redact`; returns the exit code.
pub fn redact(args: RedactArgs) -> Result<i32> {
    placeholder::check_template(&args.placeholder).map_err(anyhow::Error::msg)?;
    if args.decisions.is_some() && super::stream::wanted(&args) {
        bail!("--decisions applies to files and folders (dataset mode does not take it yet)");
    }
    if (args.input.is_dir() || super::stream::wanted(&args))
        && (args.detection.encoding.encoding.is_some()
            || args.output_encoding != OutputEncoding::Same)
    {
        bail!("--encoding and --output-encoding apply to one text file (folder and dataset modes read UTF-8)");
    }
    if args.input.is_dir() {
        let library = load_library(&args.detection.library)?;
        let scrubber = Scrubber::with_threads(&library, super::folder::threads(&args))?;
        return super::folder::run(args, &scrubber);
    }
    if let Some(flag) = args.bulk.folder_only_flag() {
        bail!(
            "{flag} only applies when the input is a folder ({} is not)",
            display(&args.input)
        );
    }
    if super::stream::wanted(&args) {
        if args.detection.case.wanted() || args.detection.case.anchor.is_some() {
            bail!("--case, --placeholders roles and --anchor apply to files and folders, not to --jsonl/--csv");
        }
        let scrubber = Scrubber::new(&load_library(&args.detection.library)?)?;
        return super::stream::run(args, &scrubber);
    }
    if args.stream.findings {
        bail!("--findings needs --jsonl or --csv");
    }
    if let Some(out) = &args.output {
        if !args.in_place && io::same_file(&args.input, out) {
            bail!(
                "{}: output is the input file; pass --in-place to overwrite it",
                display(out)
            );
        }
    }
    let library = load_library(&args.detection.library)?;
    let scrubber = Scrubber::new(&library)?;
    let label = args.detection.encoding.label()?;
    let mut numbering = Numbering::new(&args.placeholder);
    let mut prepared = prepare(&args.detection.policy, scrubber.rule_ids(), &mut numbering)?;
    let decisions = load_decisions(args.decisions.as_deref())?;
    let case = args.detection.case.case()?;
    prepared.secrets.anchor = args.detection.case.anchor(&case, &mut prepared.policy)?;
    let assess = args.assess.assess(args.report.as_deref())?;
    // Streamed in bounded memory, unless the whole text is needed: a diff, a vault
    // (which records the output's SHA-256), a case roster, reviewer decisions or a
    // coverage/risk assessment.
    if args.diff.is_none()
        && prepared.vault.is_none()
        && !args.detection.case.wanted()
        && decisions.is_none()
        && assess.is_none()
    {
        return super::chunked::redact_file(&args, &scrubber, label, numbering, prepared);
    }
    let (text, source) = encoding::read_text(&args.input, label)?;
    let engine = args
        .detection
        .case
        .engine(&scrubber, &prepared.policy, &prepared.secrets, &case);
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
