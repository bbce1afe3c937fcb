//! The layout stage on table- and form-shaped input built from arbitrary bytes:
//! the bytes are cut into cells and lines with the separators tables and forms
//! use (`|`, tabs, runs of spaces, commas, `Label:`), under a header of real
//! labels, so the fuzzer spends its time in ragged tables, empty cells, labels
//! with no value and huge rows rather than in plain prose. Every invariant of
//! `casescrub::invariants::check` must hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn scrubber() -> &'static casescrub::Scrubber {
    static S: OnceLock<casescrub::Scrubber> = OnceLock::new();
    S.get_or_init(|| casescrub::Scrubber::with_default_patterns().expect("library compiles"))
}

const SEPARATORS: [&str; 6] = [" | ", "\t", "    ", ",", ": ", " ..... "];
const HEADERS: [&str; 4] = [
    "| Name | Relation | Age | Sex | DOB |\n|---|---|---|---|---|\n",
    "Name\tAge\tSex\tPhone\n",
    "Name                Age   Sex   Birth Date\n",
    "TIME\tBP\tHR\tSPO2\tPAIN\n",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let mut text = String::from(HEADERS[usize::from(first) % HEADERS.len()]);
    // Byte 0xFF ends a line, 0xFE ends a cell; the separator of each cell comes
    // from the byte after it.
    let mut cell = Vec::new();
    let mut bytes = rest.iter().copied();
    while let Some(b) = bytes.next() {
        match b {
            0xFF => {
                text.push_str(&String::from_utf8_lossy(&cell));
                text.push('\n');
                cell.clear();
            }
            0xFE => {
                text.push_str(&String::from_utf8_lossy(&cell));
                let pick = bytes.next().unwrap_or(0);
                text.push_str(SEPARATORS[usize::from(pick) % SEPARATORS.len()]);
                cell.clear();
            }
            _ => cell.push(b),
        }
    }
    text.push_str(&String::from_utf8_lossy(&cell));
    if let Err(problem) = casescrub::invariants::check(scrubber(), &text) {
        panic!("invariant broken: {problem}\ninput: {text:?}");
    }
});
