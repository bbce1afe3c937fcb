//! How safe a redacted text is: the HIPAA Safe Harbor checklist ([`coverage`]) and
//! re-identification risk from the quasi-identifiers left ([`risk`]). Both read a
//! scan of the redacted output, so they see exactly what a reader would.

pub mod coverage;
pub mod residue;
pub mod risk;

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
}
