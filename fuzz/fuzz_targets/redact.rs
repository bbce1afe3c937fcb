//! The detector and redactor on arbitrary bytes: no panic, and every invariant of
//! `casescrub::invariants::check` holds (spans sorted, disjoint, on UTF-8 boundaries;
//! the report reproduces the output; no original left in place; a second pass finds
//! nothing).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn scrubber() -> &'static casescrub::Scrubber {
    static S: OnceLock<casescrub::Scrubber> = OnceLock::new();
    S.get_or_init(|| casescrub::Scrubber::with_default_patterns().expect("library compiles"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(problem) = casescrub::invariants::check(scrubber(), &text) {
        panic!("invariant broken: {problem}\ninput: {text:?}");
    }
});
