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
    /// The Safe Harbor class each rule of the run's library declares
    /// ([`crate::Scrubber::hipaa_classes`]); empty, every rule id is read as a label.
    pub rules: crate::patterns::HipaaClasses,
}

impl Assess {
    /// The same assessments with the Safe Harbor classes the rules of the run's
    /// library declare ([`crate::Scrubber::hipaa_classes`]).
    pub fn with_rules(mut self, rules: &crate::patterns::HipaaClasses) -> Self {
        self.rules = rules.clone();
        self
    }

    /// Whether anything is assessed.
    pub fn any(&self) -> bool {
        self.coverage || self.risk
    }
}
