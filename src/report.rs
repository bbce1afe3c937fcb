//! The JSON report (`casescrub.report/1`): the contract scripts rely on.

use crate::assess::{Assess, Coverage, Risk, RunRisk};
use crate::kind::Kind;
use crate::redact::Change;
use crate::resolve::Finding;
use serde::Serialize;
use std::collections::BTreeMap;

/// Schema identifier written in every report.
pub const SCHEMA: &str = "casescrub.report/1";

/// Warning carried by every report that holds original values.
pub const SENSITIVE_NOTE: &str =
    "This report contains the original identifying text of every finding. Store it like the unredacted file.";

/// A whole report: one entry per processed file.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Says that `original` fields hold identifying text.
    pub sensitive: &'static str,
    /// The policy (profile or file) the redaction applied, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// One entry per file.
    pub files: Vec<FileReport>,
    /// The Safe Harbor checklist over every file (`--coverage`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<crate::assess::Coverage>,
    /// The flagged files (`--risk`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<crate::assess::RunRisk>,
}

/// Findings for one file.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// Input path (`-` for stdin).
    pub input: String,
    /// Output path (`-` for stdout), or null for a scan.
    pub output: Option<String>,
    /// Every change, in input order; offsets are bytes into the input.
    pub findings: Vec<Change>,
    /// Number of findings per kind.
    pub counts: BTreeMap<Kind, usize>,
    /// The Safe Harbor checklist of this file (`--coverage`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<crate::assess::Coverage>,
    /// Quasi-identifiers left and the rules they trigger (`--risk`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<crate::assess::Risk>,
}

impl FileReport {
    /// Builds a file entry and its per-kind counts.
    pub fn new(input: String, output: Option<String>, findings: Vec<Change>) -> Self {
        let mut counts = BTreeMap::new();
        for f in &findings {
            *counts.entry(f.kind).or_insert(0) += 1;
        }
        FileReport {
            input,
            output,
            findings,
            counts,
            coverage: None,
            risk: None,
        }
    }
}

impl Report {
    /// A report over `files`.
    pub fn new(files: Vec<FileReport>) -> Self {
        Report {
            schema: SCHEMA,
            sensitive: SENSITIVE_NOTE,
            policy: None,
            files,
            coverage: None,
            risk: None,
        }
    }

    /// Pretty JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("report serializes")
    }
}

/// Filling a report's assessment sections lives beside the report, so `assess`
/// computes sections and never depends on the report that holds them.
impl Assess {
    /// Fills the sections of one file entry: `input` redacted by `changes` into
    /// `output`, whose own scan found `remaining`.
    pub fn fill(
        &self,
        report: &mut FileReport,
        input: &str,
        changes: &[Change],
        output: &str,
        remaining: &[Finding],
    ) {
        if self.coverage {
            report.coverage = Some(Coverage::for_file(
                input,
                changes,
                output,
                remaining,
                &self.rules,
            ));
        }
        if self.risk {
            report.risk = Some(Risk::assess(output, remaining, &self.rare));
        }
    }

    /// The run sections from the file entries (in path order).
    pub fn totals(&self, files: &[FileReport]) -> (Option<Coverage>, Option<RunRisk>) {
        let coverage = self.coverage.then(|| {
            let mut total = Coverage::empty();
            for c in files.iter().filter_map(|f| f.coverage.as_ref()) {
                total.add(c);
            }
            total
        });
        let risk = self.risk.then(|| {
            RunRisk::new(
                files
                    .iter()
                    .filter_map(|f| f.risk.as_ref().map(|r| (f.input.as_str(), r))),
            )
        });
        (coverage, risk)
    }
}
