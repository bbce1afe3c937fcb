//! The JSON Lines reader and writer on arbitrary bytes: no panic; a refused input
//! gets an error naming the input; an accepted one gives one output line per input
//! line, each a JSON object with the same keys in the same order, every field other
//! than `text` unchanged, and `text` redacted exactly as the string alone would be,
//! its findings reproducing the output.
#![no_main]

use casescrub::stream::jsonl::{redact, Options};
use casescrub::{Numbering, Scrubber};
use libfuzzer_sys::fuzz_target;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

fn scrubber() -> &'static Scrubber {
    static S: OnceLock<Scrubber> = OnceLock::new();
    S.get_or_init(|| Scrubber::with_default_patterns().expect("library compiles"))
}

/// A JSON object's entries in order, a repeated key kept each time (a `Map` keeps
/// only the last).
struct Entries(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Entries, M::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V)
    }
}

fn as_usize(v: &Value) -> usize {
    v.as_u64().expect("offset is a number") as usize
}

fuzz_target!(|data: &[u8]| {
    let options = Options {
        fields: vec!["text".into()],
        findings: true,
        allow_missing: true,
    };
    let mut output = Vec::new();
    let result = redact(
        scrubber(),
        &mut Numbering::default(),
        &options,
        Path::new("fuzz.jsonl"),
        data,
        &mut output,
    );
    if let Err(e) = result {
        assert!(e.to_string().contains("fuzz.jsonl"), "error does not name the input: {e}");
        return;
    }
    let input = std::str::from_utf8(data).expect("accepted input is UTF-8");
    let output = std::str::from_utf8(&output).expect("output is UTF-8");
    let ins: Vec<&str> = input.split_inclusive('\n').collect();
    let outs: Vec<&str> = output.split_inclusive('\n').collect();
    assert_eq!(ins.len(), outs.len(), "line count changed\n{input:?}\n{output:?}");
    for (a, b) in ins.iter().zip(&outs) {
        if a.trim().is_empty() {
            assert_eq!(a, b, "blank line changed");
            continue;
        }
        // Keys in order, duplicates kept: a repeated `text` is redacted each time.
        let Entries(a) = serde_json::from_str(a).expect("accepted line is an object");
        let Entries(mut b) = serde_json::from_str(b).expect("output line is an object");
        let (key, findings) = b.pop().expect("--findings adds a findings array");
        assert_eq!(key, "findings", "findings come last");
        let keys_a: Vec<&String> = a.iter().map(|(k, _)| k).collect();
        let keys_b: Vec<&String> = b.iter().map(|(k, _)| k).collect();
        assert_eq!(keys_a, keys_b, "keys changed");
        let findings = findings.as_array().expect("findings is an array").clone();
        let mut findings = findings.iter();
        for ((key, value), (_, out)) in a.iter().zip(&b) {
            if key != "text" {
                assert_eq!(value, out, "field {key} changed");
                continue;
            }
            // The redacted `text` is exactly what redacting that string alone gives:
            // every finding covered, and the findings' replacements applied at them.
            let (Value::String(original), Value::String(redacted)) = (value, out) else {
                continue;
            };
            let expected: Vec<(usize, usize)> = scrubber()
                .detect(original)
                .iter()
                .map(|f| (f.start, f.end))
                .collect();
            let mine: Vec<&Value> = findings.by_ref().take(expected.len()).collect();
            let spans: Vec<(usize, usize)> = mine
                .iter()
                .map(|f| (as_usize(&f["start"]), as_usize(&f["end"])))
                .collect();
            // A change may reach past its finding (a removed word's space, a verb made
            // to agree with "they"), never fall short of it.
            assert_eq!(spans.len(), expected.len(), "findings differ from the string alone");
            for (&(s, e), &(fs, fe)) in spans.iter().zip(&expected) {
                assert!(s <= fs && fe <= e, "change {s}..{e} misses finding {fs}..{fe}");
            }
            let mut rebuilt = String::new();
            let mut at = 0;
            for (f, &(start, end)) in mine.iter().zip(&spans) {
                assert_eq!(f["original"].as_str(), Some(&original[start..end]));
                rebuilt.push_str(&original[at..start]);
                rebuilt.push_str(f["replacement"].as_str().expect("replacement"));
                at = end;
            }
            rebuilt.push_str(&original[at..]);
            assert_eq!(&rebuilt, redacted, "findings do not reproduce the field");
        }
        assert!(findings.next().is_none(), "findings left over");
    }
});
