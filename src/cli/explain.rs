//! `casescrub explain`: what detection did at a place of a file.

use super::config::ExplainPlan;
use super::output::{display, escape, write_stdout};
use anyhow::{bail, Context as _, Result};
use casescrub::review::explain;
use casescrub::review::verify;

/// Most occurrences of `--text` explained.
const EXPLAIN_LIMIT: usize = 20;

/// `casescrub explain`: prints what detection did at the place (output contains
/// original text). The findings come from the real detector, the one `redact` runs
/// with the same flags (document-level names, propagated mentions, the case roster
/// and the policy included); the rule-by-rule replay around the place follows.
pub fn explain(plan: ExplainPlan) -> Result<i32> {
    let ExplainPlan { args, encoding } = plan;
    let mut numbering = casescrub::Numbering::default();
    let detector = super::setup::Detector::new(&args.detection, &mut numbering)?;
    let engine = detector.engine(&args.detection);
    let text = super::setup::read(encoding, &args.file)?;
    let name = display(&args.file);
    let mut places = Vec::new();
    for at in &args.at {
        let offset = explain::offset_of(&text, at)
            .with_context(|| format!("{name}: --at {at}: no such LINE:COL in the file"))?;
        places.push((offset, offset));
    }
    if let Some(needle) = &args.text {
        let before = places.len();
        places.extend(
            text.match_indices(needle.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .take(EXPLAIN_LIMIT),
        );
        if places.len() == before {
            bail!("{name}: {needle:?} does not occur in the file");
        }
    }
    let findings = engine.detect(&text);
    let mut out = String::new();
    for (start, end) in places {
        let e = explain::explain(detector.scrubber.matcher(), &text, start, end);
        let pos = verify::Position::of(&text, e.start);
        out.push_str(&format!(
            "{name}:{pos}: {:?}\n",
            escape(&text[e.start..e.end])
        ));
        let covering: Vec<_> = findings
            .iter()
            .filter(|f| f.start < e.end && e.start < f.end)
            .collect();
        for f in &covering {
            out.push_str(&format!(
                "  FINDING {:<10} {:<30} {:?} at {}\n      {}\n",
                f.kind.as_str(),
                f.rule,
                escape(f.text(&text)),
                verify::Position::of(&text, f.start),
                explain::finding_origin(
                    detector.scrubber.matcher(),
                    &text,
                    &f.rule,
                    &e.considered,
                    f
                )
            ));
        }
        let shown: Vec<_> = e
            .considered
            .iter()
            .filter(|c| {
                args.verbose
                    || !matches!(
                        c.outcome,
                        explain::Outcome::Rejected(explain::Rejection::InsideWord)
                    )
            })
            .collect();
        if covering.is_empty() && shown.is_empty() {
            out.push_str("  no rule matches here: the text is kept as is\n");
        } else if covering.is_empty() {
            out.push_str(
                "  no finding here: redact keeps the text (the rule matches below did not win)\n",
            );
        }
        if !shown.is_empty() {
            out.push_str("  rule matches around the place:\n");
        }
        for c in shown {
            out.push_str(&format!(
                "  {:<10} {:<30} priority {:<4} {:?} at {}\n      {}\n",
                c.kind.as_str(),
                c.rule,
                c.priority,
                escape(&c.text),
                verify::Position::of(&text, c.start),
                c.outcome
            ));
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}
