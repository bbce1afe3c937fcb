//! The pattern-file parser and compiler on arbitrary text: any input is either
//! loaded or refused with an error naming the file; never a panic. Loaded rules
//! are compiled, their examples run, and the compiled library redacts the examples
//! keeping every invariant.
#![no_main]

use casescrub::{invariants, selftest, Library, Scrubber};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut library = Library::default();
    let words =
        |name: &str| (name == "words.txt").then(|| "Alpha\n# comment\nBeta Gamma\n".to_string());
    if let Err(e) = library.add_file("fuzz.toml", text, true, &words) {
        assert!(
            e.to_string().contains("fuzz.toml"),
            "error does not name the file: {e}"
        );
        return;
    }
    let _ = selftest::test_library(&library);
    let Ok(scrubber) = Scrubber::new(&library) else {
        return;
    };
    for rule in library.rules() {
        for example in rule
            .examples
            .must_match
            .iter()
            .chain(&rule.examples.no_match)
        {
            if let Err(problem) = invariants::check(&scrubber, example) {
                panic!("invariant broken: {problem}\ninput: {example:?}");
            }
        }
    }
});
