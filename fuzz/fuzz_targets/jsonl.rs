//! The JSON Lines reader and writer on arbitrary bytes: no panic; a refused input
//! gets an error naming the input; an accepted one gives one output line per input
//! line, each a JSON object with the same keys in the same order, every field other
//! than `text` unchanged, and `text` redacted exactly as the string alone would be,
//! its findings reproducing the output.
#![no_main]

use casescrub::stream::jsonl::{redact, Options};
use casescrub::{Numbering, Scrubber};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use std::path::Path;
use std::sync::OnceLock;

fn scrubber() -> &'static Scrubber {
    static S: OnceLock<Scrubber> = OnceLock::new();
    S.get_or_init(|| Scrubber::with_default_patterns().expect("library compiles"))
}

fn as_usize(v: &Value) -> usize {
    v.as_u64().expect("offset is a number") as usize
}

fuzz_target!(|data: &[u8]| {
    let options = Options {
        fields: vec!["text".into()],
        findings: true,
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
        let a: Map<String, Value> = serde_json::from_str(a).expect("accepted line is an object");
        let mut b: Map<String, Value> = serde_json::from_str(b).expect("output line is an object");
        let findings = b.remove("findings").expect("--findings adds a findings array");
        let keys_a: Vec<&String> = a.keys().collect();
        let keys_b: Vec<&String> = b.keys().collect();
        assert_eq!(keys_a, keys_b, "keys changed");
        for (key, value) in &a {
            if key != "text" {
                assert_eq!(value, &b[key], "field {key} changed");
            }
        }
        // The redacted `text` is exactly what redacting that string alone gives:
        // every finding covered, and the findings' replacements applied at them.
        let (Some(Value::String(original)), Some(Value::String(redacted))) =
            (a.get("text"), b.get("text"))
        else {
            continue;
        };
        let expected: Vec<(usize, usize)> = scrubber()
            .detect(original)
            .iter()
            .map(|f| (f.start, f.end))
            .collect();
        let findings = findings.as_array().expect("findings is an array");
        let spans: Vec<(usize, usize)> = findings
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
        for (f, &(start, end)) in findings.iter().zip(&spans) {
            assert_eq!(f["original"].as_str(), Some(&original[start..end]));
            rebuilt.push_str(&original[at..start]);
            rebuilt.push_str(f["replacement"].as_str().expect("replacement"));
            at = end;
        }
        rebuilt.push_str(&original[at..]);
        assert_eq!(&rebuilt, redacted, "findings do not reproduce the field");
    }
});
