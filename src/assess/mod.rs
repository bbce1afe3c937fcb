//! How safe a redacted text is: the HIPAA Safe Harbor checklist ([`coverage`]) and
//! re-identification risk from the quasi-identifiers left ([`risk`]). Both read a
//! scan of the redacted output, so they see exactly what a reader would.

pub mod coverage;
pub mod residue;
pub mod risk;

use crate::redact::Change;
use crate::report::FileReport;
use crate::resolve::Finding;
pub use coverage::Coverage;
pub use risk::{RareList, Risk, RunRisk};

/// Which assessments a run adds to its report.
#[derive(Debug, Clone, Default)]
pub struct Assess {
    /// Add the Safe Harbor checklist (`--coverage`).
    pub coverage: bool,
    /// Add the re-identification risk section (`--risk`).
    pub risk: bool,
    /// Rare diagnoses for the risk rules (`--rare FILE`).
    pub rare: RareList,
}

impl Assess {
    /// Whether anything is assessed.
    pub fn any(&self) -> bool {
        self.coverage || self.risk
    }

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
            report.coverage = Some(Coverage::for_file(input, changes, output, remaining));
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
