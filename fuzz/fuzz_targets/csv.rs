//! The CSV reader and writer on arbitrary bytes: no panic; a refused input gets an
//! error naming the input; an accepted one keeps the number of records and of
//! fields in each, every column but `text` byte for byte, and redacts `text`
//! exactly as the string alone would be.
#![no_main]

use casescrub::stream::csv::{redact, Options};
use casescrub::{Numbering, Scrubber};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn scrubber() -> &'static Scrubber {
    static S: OnceLock<Scrubber> = OnceLock::new();
    S.get_or_init(|| Scrubber::with_default_patterns().expect("library compiles"))
}

fn records(bytes: &[u8]) -> Vec<csv::ByteRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .byte_records()
        .collect::<Result<_, _>>()
        .expect("output parses as CSV")
}

fuzz_target!(|data: &[u8]| {
    // Every input has a `text` column: the fuzzer varies the rest.
    let mut input = b"id,text,note\n".to_vec();
    input.extend_from_slice(data);
    let options = Options {
        columns: vec!["text".into()],
        findings: false,
        delimiter: b',',
        allow_missing: true,
        extra: casescrub::stream::csv::Extra::Redact,
    };
    let mut output = Vec::new();
    let result = redact(
        scrubber(),
        &mut Numbering::default(),
        &options,
        Path::new("fuzz.csv"),
        &input[..],
        &mut output,
    );
    if let Err(e) = result {
        assert!(e.to_string().contains("fuzz.csv"), "error does not name the input: {e}");
        return;
    }
    let before = records(&input);
    let after = records(&output);
    assert_eq!(before.len(), after.len(), "record count changed");
    for (a, b) in before.iter().zip(&after).skip(1) {
        assert_eq!(a.len(), b.len(), "field count changed");
        for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
            if i != 1 {
                assert_eq!(x, y, "column {i} changed");
            } else if let Ok(text) = std::str::from_utf8(x) {
                let alone = scrubber().redact(text, &mut Numbering::default()).output;
                let strip = |s: &str| -> String {
                    // Placeholder numbers depend on earlier records; compare without them.
                    let mut out = String::new();
                    let mut in_tag = false;
                    for c in s.chars() {
                        match c {
                            '[' => in_tag = true,
                            ']' => in_tag = false,
                            c if in_tag && c.is_ascii_digit() => continue,
                            _ => {}
                        }
                        out.push(c);
                    }
                    out
                };
                let got = std::str::from_utf8(y).expect("redacted field is UTF-8");
                assert_eq!(strip(got), strip(&alone), "text redacted differently");
            }
        }
    }
});
