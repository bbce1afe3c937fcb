//! Ids of findings that are made outside the pattern library: by a policy's deny
//! list, by a reviewer's decision, or by verification against known values. The
//! modules that make them re-export their own; the scrubber lists them beside the
//! library's rules so a policy may name them.

/// Findings of a policy's `[[deny]]` list.
pub const POLICY_DENY: &str = "policy.deny";
/// Findings a reviewer added in a decisions file.
pub const REVIEW_ADDED: &str = "review.added";
/// Known values (`verify --known`) found again in a redacted text.
pub const VERIFY_KNOWN_VALUE: &str = "verify.known-value";

/// Every id above.
pub const ALL: &[&str] = &[POLICY_DENY, REVIEW_ADDED, VERIFY_KNOWN_VALUE];
