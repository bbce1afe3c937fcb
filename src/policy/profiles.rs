//! The built-in profiles, embedded from `policies/*.toml`. `casescrub policy show
//! NAME` prints a profile's file so users can start from it.

const PROFILES: &[(&str, &str)] = &[
    ("strict", include_str!("../../policies/strict.toml")),
    (
        "safe-harbor",
        include_str!("../../policies/safe-harbor.toml"),
    ),
    (
        "publication",
        include_str!("../../policies/publication.toml"),
    ),
    ("research", include_str!("../../policies/research.toml")),
    (
        "court-filing",
        include_str!("../../policies/court-filing.toml"),
    ),
];

/// The default profile.
pub const DEFAULT: &str = "strict";

/// Every built-in profile name.
pub fn names() -> Vec<&'static str> {
    PROFILES.iter().map(|(n, _)| *n).collect()
}

/// The TOML text of a built-in profile.
pub fn source(name: &str) -> Option<&'static str> {
    PROFILES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
