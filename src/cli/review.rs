//! `casescrub review`: the HTML review page of one or more files; the page itself
//! is built by [`casescrub::review::page`].

use super::args::ReviewArgs;
use super::decisions::{load_decisions, print_decisions};
use super::output::display;
use anyhow::{bail, Result};
use casescrub::io;
use casescrub::review::page::PageBuilder;
use std::path::{Path, PathBuf};

/// The files named on the command line, folders expanded (sorted, hidden files
/// included as in folder mode); the page is never one of them, nor written inside
/// an input folder.
fn review_inputs(args: &ReviewArgs) -> Result<Vec<PathBuf>> {
    let page = &args.output;
    let out = super::setup::expand(&args.files, |input: &Path, folder| {
        if !folder {
            if io::same_file(input, page) {
                bail!("{}: the page would overwrite an input file", display(page));
            }
            return Ok(());
        }
        let folder = casescrub::bulk::paths::resolve(input)?;
        if casescrub::bulk::paths::resolve(page)?.starts_with(&folder) {
            bail!(
                "{}: the page would be written inside the input folder {}; casescrub never \
                 writes inside an input folder (the page holds original identifying text)",
                display(page),
                display(input)
            );
        }
        Ok(())
    })?;
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
    let assess = args
        .assess
        .assessments()?
        .map(|a| a.with_rules(detector.scrubber.hipaa_classes()));
    let engine = detector.engine(&args.detection);
    let mut page = PageBuilder::new(engine.as_ref(), decisions.as_ref(), assess);
    for input in &inputs {
        let text = super::setup::read(&args.detection, input)?;
        page.add(display(input), text, &mut numbering);
    }
    let page = page.finish();
    io::write_atomic(&args.output, page.html.as_bytes(), true)?;
    eprintln!(
        "casescrub: wrote {} ({}, {}); it contains original identifying text (mode 0600)",
        display(&args.output),
        super::output::count(page.files, "file", "files"),
        super::output::count(page.findings, "finding", "findings"),
    );
    if let Some((flagged, files)) = page.risk {
        eprintln!(
            "casescrub: risk: {flagged} of {} flagged",
            super::output::count(files, "file", "files")
        );
    }
    if let Some(summary) = &page.decisions {
        print_decisions(summary, page.files > 1);
    }
    Ok(0)
}
