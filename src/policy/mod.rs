//! Policies: what to remove and how. A policy maps each kind (and optionally a
//! rule id) to an action, and lists words that are never or always redacted.
//! Built-in profiles (`strict`, `safe-harbor`, `publication`, `research`,
//! `court-filing`) are TOML files under `policies/`, embedded in the binary.
//!
//! ```
//! use casescrub::policy::{CompiledPolicy, Secrets};
//! use casescrub::{Numbering, Scrubber};
//! let scrubber = Scrubber::with_default_patterns().unwrap();
//! let policy = CompiledPolicy::profile("publication").unwrap();
//! let out = scrubber.redact_with_policy(
//!     "Seen on 6/18/02 by Dr. Ana Ruiz in California.",
//!     &policy,
//!     &Secrets::default(),
//!     &mut Numbering::default(),
//! );
//! assert_eq!(out.output, "Seen on 2002 by Dr. [PERSON-1] in California.");
//! ```

pub mod actions;
pub mod compiled;
pub mod dates;
pub mod key;
pub mod lists;
pub mod model;
pub mod profiles;
pub mod pseudonym;
pub mod relative;
pub mod rewrite;
pub mod surrogate;
pub mod vault;

pub use compiled::{closest, CompiledPolicy, PolicyError};
pub use key::Key;
pub use model::{Action, Policy, Rewrite};
pub use rewrite::{Rewriter, Secrets};
