//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The real `casescrub` binary, with colour and user config cleared.
pub fn casescrub() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("casescrub").expect("binary builds");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Path of a file under `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The default scrubber, compiled once per test process.
pub fn scrubber() -> &'static casescrub::Scrubber {
    use std::sync::OnceLock;
    static SCRUBBER: OnceLock<casescrub::Scrubber> = OnceLock::new();
    SCRUBBER.get_or_init(|| casescrub::Scrubber::with_default_patterns().expect("library compiles"))
}

/// Cases for a property test: `PROPTEST_CASES` when it is set to a number, else
/// `default` (proptest's own default reads the variable, `with_cases` does not).
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}
