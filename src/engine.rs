//! The seam every mode runs on (files, folders, datasets, cases, review): detection
//! of each text (in parallel) and its rewrite (in order, with the run's shared
//! numbering), under a policy. Case and review decisions are engines that wrap
//! another engine.

use crate::policy::vault::Vault;
use crate::policy::{CompiledPolicy, Rewriter, Secrets};
use crate::redact::{redact_with, Redaction};
use crate::resolve::Finding;
use crate::{Numbering, Scrubber};
use std::sync::Mutex;

/// Detection and rewriting for many texts.
pub trait Engine: Sync {
    /// The findings of `text`; called from any thread, in any order.
    fn detect(&self, text: &str) -> Vec<Finding>;

    /// Rewrites `text`; called in input order with the run's single numbering.
    fn redact(
        &self,
        input: &str,
        text: &str,
        findings: &[Finding],
        numbering: &mut Numbering,
    ) -> Redaction;
}

/// The scrubber under a policy (the default `strict` policy replaces every finding
/// with a numbered placeholder), optionally recording every document in a vault.
#[derive(Debug)]
pub struct PolicyEngine<'a> {
    scrubber: &'a Scrubber,
    policy: &'a CompiledPolicy,
    secrets: &'a Secrets,
    vault: Option<Mutex<&'a mut Vault>>,
}

impl<'a> PolicyEngine<'a> {
    /// An engine; with `vault`, each redacted document is recorded in it, in order.
    pub fn new(
        scrubber: &'a Scrubber,
        policy: &'a CompiledPolicy,
        secrets: &'a Secrets,
        vault: Option<&'a mut Vault>,
    ) -> Self {
        PolicyEngine {
            scrubber,
            policy,
            secrets,
            vault: vault.map(Mutex::new),
        }
    }
}

impl Engine for PolicyEngine<'_> {
    fn detect(&self, text: &str) -> Vec<Finding> {
        self.policy.apply_lists(text, self.scrubber.detect(text))
    }

    fn redact(
        &self,
        input: &str,
        text: &str,
        findings: &[Finding],
        numbering: &mut Numbering,
    ) -> Redaction {
        let redaction = redact_with(
            text,
            findings,
            &mut Rewriter::new(self.policy, self.secrets, numbering),
        );
        if let Some(vault) = &self.vault {
            vault
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .record(input, &redaction, numbering);
        }
        redaction
    }
}

/// The scrubber alone: the default `strict` policy, no keys, no vault.
impl Engine for Scrubber {
    fn detect(&self, text: &str) -> Vec<Finding> {
        Scrubber::detect(self, text)
    }

    fn redact(
        &self,
        _input: &str,
        text: &str,
        findings: &[Finding],
        numbering: &mut Numbering,
    ) -> Redaction {
        crate::redact::redact(text, findings, numbering)
    }
}
