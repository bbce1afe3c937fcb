//! `casescrub review`: the HTML review page of one or more files (its flags checked
//! by [`super::config`]); the page itself is built by [`casescrub::review::page`].

use super::config::ReviewPlan;
use super::decisions::{load_decisions, print_decisions};
use super::output::display;
use anyhow::{bail, Result};
use casescrub::io;
use casescrub::review::page::PageBuilder;

/// `casescrub review`: redacts each file as `redact` would (with the same case
/// flags) and writes the page, with the coverage and risk sections when asked.
pub fn review(plan: ReviewPlan) -> Result<i32> {
    let ReviewPlan { args, encoding } = plan;
    let inputs = super::setup::expand(&args.files)?;
    if inputs.is_empty() {
        bail!("no files to review under the given folder(s)");
    }
    let decisions = load_decisions(args.decisions.as_deref())?;
    let mut numbering = casescrub::Numbering::new(&args.placeholder);
    let detector = super::setup::Detector::new(&args.detection, &mut numbering)?;
    let assess = super::setup::assessments(&args.assess)?
        .map(|a| a.with_rules(detector.scrubber.hipaa_classes()));
    let engine = detector.engine(&args.detection);
    let mut page = PageBuilder::new(engine.as_ref(), decisions.as_ref(), assess);
    for input in &inputs {
        let text = super::setup::read(encoding, input)?;
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
