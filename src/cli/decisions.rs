//! `--decisions`: reading the file and telling the user on stderr what the decisions did.

use super::output::display;
use anyhow::{Context as _, Result};
use casescrub::review::decided::RunSummary;
use casescrub::review::decisions::{self, Applied, Decisions};
use std::path::Path;

/// Reads `--decisions FILE`.
pub fn load_decisions(path: Option<&Path>) -> Result<Option<Decisions>> {
    let Some(path) = path else { return Ok(None) };
    let json = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the decisions", display(path)))?;
    Ok(Some(
        Decisions::parse(&json, path).map_err(anyhow::Error::msg)?,
    ))
}

/// Prints what the decisions did to one file, and allow-list rules for rejected
/// findings, to stderr.
pub fn decision_summary(text: &str, applied: &Applied) {
    print_decisions(
        &RunSummary {
            files: 1,
            rejected: applied.rejected.len(),
            accepted: applied.accepted.len(),
            added: applied.added,
            unmatched: applied.unmatched.clone(),
            rejected_texts: applied
                .rejected
                .iter()
                .map(|f| (f.text(text).to_string(), f.rule.to_string()))
                .collect(),
        },
        false,
    );
}

/// Prints what the decisions did over a run (`files`: say how many files), and
/// allow-list rules for rejected findings, to stderr.
pub fn print_decisions(summary: &RunSummary, files: bool) {
    eprintln!(
        "casescrub: decisions: {} rejected, {} accepted, {} added, {} matched nothing{}",
        summary.rejected,
        summary.accepted,
        summary.added,
        summary.unmatched.len(),
        if files {
            format!(
                " (over {})",
                super::output::count(summary.files, "file", "files")
            )
        } else {
            String::new()
        }
    );
    for d in &summary.unmatched {
        eprintln!(
            "casescrub: decision matched nothing: {}",
            serde_json::to_string(d).unwrap_or_default()
        );
    }
    let toml = decisions::allow_list_suggestions(&summary.rejected_texts);
    if !toml.is_empty() {
        eprintln!(
            "casescrub: rejected findings that a rule matched; to stop finding them, save \
             these allow-list rules in a folder and pass it with --patterns DIR:\n\n{}",
            toml.trim_end()
        );
    }
}
