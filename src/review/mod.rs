//! The review workflow: what a person needs to check a redaction before it is shared.
//!
//! - [`termdiff`]: terminal diffs (unified or side by side) with every change tagged
//!   by kind and rule id.
//! - [`decisions`]: reviewer decisions (accept, reject, add); [`decided`] applies
//!   them inside any engine, so folder runs take them too.
//! - [`safety`]: the review page's coverage (Safe Harbor checklist) and
//!   re-identification risk sections.
//! - [`verify`]: proves a redacted file is the original with the reported findings
//!   applied, and rescans it for residue; [`pairs`] runs it over a file or a folder.
//! - [`page`]: builds the HTML review page of a run ([`html`] renders it).
//! - [`explain`]: what detection did at a place, from the real detector.
//!
//! Everything here renders original identifying text: callers must treat the output
//! like the unredacted file.

pub mod decided;
pub mod decisions;
pub mod escape;
pub mod explain;
pub mod html;
pub mod page;
pub mod pairs;
pub mod safety;
pub mod termdiff;
pub mod verify;
