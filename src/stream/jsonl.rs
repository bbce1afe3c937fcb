//! JSON Lines: each line is an object; the named fields' string values (and every
//! string nested inside them) are redacted, every other field is copied byte for
//! byte, and key order is kept. A line with no change is written back byte for byte.
//!
//! Fails closed: a record without a named field, or whose named field holds a
//! number, boolean or null (anywhere inside it), stops the run with the line number,
//! since passing it through would pass text the user asked to redact unseen.

use super::{ahead, redact_value, FieldFinding, Stats};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::Numbering;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;
use std::io::{BufRead, Write};
use std::path::Path;

/// What to redact in each line.
#[derive(Debug, Clone)]
pub struct Options {
    /// Top-level fields to redact.
    pub fields: Vec<String>,
    /// Add a `findings` array to each line.
    pub findings: bool,
    /// Pass records that lack a named field (or hold `null` in it) through, counted
    /// in [`Stats::missing`], instead of stopping with an error.
    pub allow_missing: bool,
}

/// A JSON object as its keys and raw values, in input order.
struct RawObject<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for RawObject<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = RawObject<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(
                self,
                mut map: M,
            ) -> std::result::Result<Self::Value, M::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, &'de RawValue>()? {
                    entries.push((k, v));
                }
                Ok(RawObject(entries))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

fn invalid(path: &Path, line: u64, message: impl fmt::Display) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("line {line}: {message}"),
        ),
    }
}

/// Redacts JSON Lines from `input` to `output`. `name` names the input in errors.
/// Stops at the first line that is not a JSON object or not UTF-8 (the error gives
/// the line number): passing a line through unredacted is never an option.
///
/// With more than one core, lines are read ahead and their texts detected on every
/// core while the rewrite runs in order, with `numbering` ([`ahead`]); the output
/// is the same byte for byte. Each line is detected as soon as it is read, so a
/// caller that writes one line and waits for its answer still gets it.
pub fn redact(
    engine: &dyn Engine,
    numbering: &mut Numbering,
    options: &Options,
    name: &Path,
    input: impl BufRead + Send,
    output: &mut dyn Write,
) -> Result<Stats> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut stats = Stats::default();
    let mut out = String::new();
    let source = name.display().to_string();
    let mut line_no = 0u64;
    let read_err = |source| Error::Io {
        path: name.to_path_buf(),
        source,
    };
    if workers < 2 {
        let mut input = input;
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            if input.read_until(b'\n', &mut bytes).map_err(read_err)? == 0 {
                break;
            }
            line_no += 1;
            let line = Line {
                engine,
                options,
                name,
                source: &source,
                line_no,
            };
            line.redact(&bytes, numbering, &mut out, output, &mut stats)?;
        }
    } else {
        ahead::run(
            engine,
            workers,
            input,
            |bytes| texts_of(bytes, options),
            |found, bytes| {
                line_no += 1;
                let bytes = bytes.map_err(read_err)?;
                let line = Line {
                    engine: &found,
                    options,
                    name,
                    source: &source,
                    line_no,
                };
                line.redact(&bytes, numbering, &mut out, output, &mut stats)
            },
        )?;
    }
    output.flush().map_err(out_err)?;
    Ok(stats)
}

fn out_err(source: std::io::Error) -> Error {
    Error::Io {
        path: Path::new("-").to_path_buf(),
        source,
    }
}

/// The texts of a line that its rewrite will detect, in the order it detects them
/// (none when the line will not parse: the rewrite then reports it).
fn texts_of(bytes: &[u8], options: &Options) -> Vec<String> {
    let mut texts = Vec::new();
    let Ok(line) = std::str::from_utf8(bytes) else {
        return texts;
    };
    let (body, _) = split_ending(line);
    let Ok(object) = serde_json::from_str::<RawObject>(body) else {
        return texts;
    };
    for (key, raw) in &object.0 {
        if options.fields.iter().any(|f| f == key) {
            if let Ok(value) = serde_json::from_str::<Value>(raw.get()) {
                strings(value, &mut texts);
            }
        }
    }
    texts
}

/// Every string inside `value`, in the order [`redact_json`] visits them.
fn strings(value: Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.into_iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.into_iter().for_each(|(_, v)| strings(v, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// One line of the input and what its rewrite needs.
struct Line<'a> {
    engine: &'a dyn Engine,
    options: &'a Options,
    name: &'a Path,
    source: &'a str,
    line_no: u64,
}

impl Line<'_> {
    /// Rewrites the line's named fields into `output` (the line as it came when
    /// nothing changed).
    fn redact(
        &self,
        bytes: &[u8],
        numbering: &mut Numbering,
        out: &mut String,
        output: &mut dyn Write,
        stats: &mut Stats,
    ) -> Result<()> {
        let Line {
            engine,
            options,
            name,
            source,
            line_no,
        } = *self;
        let line = std::str::from_utf8(bytes).map_err(|e| {
            invalid(
                name,
                line_no,
                format!("not valid UTF-8 (byte {})", e.valid_up_to()),
            )
        })?;
        let (body, ending) = split_ending(line);
        if body.trim().is_empty() {
            output.write_all(line.as_bytes()).map_err(out_err)?;
            return Ok(());
        }
        let object: RawObject = serde_json::from_str(body)
            .map_err(|e| invalid(name, line_no, format!("not a JSON object: {e}")))?;
        stats.records += 1;
        let mut missing = false;
        for field in &options.fields {
            let present = object.0.iter().find(|(k, _)| k == field);
            let null = present.is_some_and(|(_, raw)| raw.get() == "null");
            if present.is_some() && !null {
                continue;
            }
            if !options.allow_missing {
                let problem = if null {
                    format!("field `{field}` is null, not text")
                } else {
                    format!("no field `{field}`")
                };
                return Err(invalid(
                    name,
                    line_no,
                    format!("{problem}; pass --allow-missing-field to pass such records through unredacted"),
                ));
            }
            missing = true;
        }
        if missing {
            stats.missing += 1;
        }
        let mut findings: Vec<FieldFinding> = Vec::new();
        out.clear();
        out.push('{');
        for (i, (key, raw)) in object.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(key).expect("string serializes"));
            out.push(':');
            if options.findings && key == "findings" {
                return Err(invalid(
                    name,
                    line_no,
                    "already has a `findings` field; --findings would overwrite it",
                ));
            }
            if !options.fields.iter().any(|f| f == key) {
                out.push_str(raw.get());
                continue;
            }
            let mut value: Value =
                serde_json::from_str(raw.get()).expect("raw value is valid JSON");
            let pointer = format!("/{}", escape_pointer(key));
            if value.is_null() && options.allow_missing {
                // Counted as missing above.
                out.push_str(raw.get());
                continue;
            }
            if let Some((at, what)) = not_text(&value, &pointer) {
                return Err(invalid(
                    name,
                    line_no,
                    format!("field `{key}` holds {what} at {at}, not text; casescrub redacts strings only"),
                ));
            }
            let changed = redact_json(
                engine,
                numbering,
                source,
                &mut value,
                key,
                &pointer,
                &mut findings,
                stats,
            );
            if changed {
                out.push_str(&serde_json::to_string(&value).expect("value serializes"));
            } else {
                out.push_str(raw.get());
            }
        }
        if options.findings {
            if !object.0.is_empty() {
                out.push(',');
            }
            out.push_str("\"findings\":");
            out.push_str(&serde_json::to_string(&findings).expect("findings serialize"));
        }
        out.push('}');
        out.push_str(ending);
        if findings.is_empty() && !options.findings {
            // Nothing changed: the line goes out exactly as it came in.
            output.write_all(line.as_bytes()).map_err(out_err)?;
            return Ok(());
        }
        if !findings.is_empty() {
            stats.changed += 1;
        }
        output.write_all(out.as_bytes()).map_err(out_err)?;
        Ok(())
    }
}

/// The first value inside `value` that is not a string, array or object (a
/// number, boolean or null), as its JSON pointer and what it is.
fn not_text(value: &Value, pointer: &str) -> Option<(String, &'static str)> {
    match value {
        Value::String(_) => None,
        Value::Null => Some((pointer.to_string(), "null")),
        Value::Bool(_) => Some((pointer.to_string(), "a boolean")),
        Value::Number(_) => Some((pointer.to_string(), "a number")),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| not_text(item, &format!("{pointer}/{i}"))),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, item)| not_text(item, &format!("{pointer}/{}", escape_pointer(k)))),
    }
}

/// Redacts every string in `value`; returns whether anything changed.
#[allow(clippy::too_many_arguments)]
fn redact_json(
    engine: &dyn Engine,
    numbering: &mut Numbering,
    source: &str,
    value: &mut Value,
    field: &str,
    pointer: &str,
    findings: &mut Vec<FieldFinding>,
    stats: &mut Stats,
) -> bool {
    match value {
        Value::String(s) => {
            match redact_value(
                engine, numbering, source, s, field, pointer, findings, stats,
            ) {
                Some(new) => {
                    *s = new;
                    true
                }
                None => false,
            }
        }
        Value::Array(items) => {
            let mut changed = false;
            for (i, item) in items.iter_mut().enumerate() {
                let p = format!("{pointer}/{i}");
                changed |= redact_json(engine, numbering, source, item, field, &p, findings, stats);
            }
            changed
        }
        Value::Object(map) => {
            let mut changed = false;
            for (k, item) in map.iter_mut() {
                let p = format!("{pointer}/{}", escape_pointer(k));
                changed |= redact_json(engine, numbering, source, item, field, &p, findings, stats);
            }
            changed
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

fn split_ending(line: &str) -> (&str, &str) {
    if let Some(body) = line.strip_suffix("\r\n") {
        (body, "\r\n")
    } else if let Some(body) = line.strip_suffix('\n') {
        (body, "\n")
    } else {
        (line, "")
    }
}

/// Escapes a key for a JSON pointer (RFC 6901).
fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, fields: &[&str], findings: bool) -> Result<String> {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let mut out = Vec::new();
        let options = Options {
            fields: fields.iter().map(|s| s.to_string()).collect(),
            findings,
            allow_missing: false,
        };
        redact(
            &scrubber,
            &mut Numbering::default(),
            &options,
            Path::new("data.jsonl"),
            input.as_bytes(),
            &mut out,
        )?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn redacts_named_fields_and_copies_the_rest_verbatim() {
        let input = "{\"id\": 7, \"text\": \"DOB 6/18/02\", \"n\": 1.50e3, \"note\": \"6/18/02\"}\r\n\n{\"text\": [\"Seen 6/18/02\", {\"x\": \"DOB 7/4/19\"}]}";
        assert_eq!(
            run(input, &["text"], false).unwrap(),
            "{\"id\":7,\"text\":\"DOB [DATE-1]\",\"n\":1.50e3,\"note\":\"6/18/02\"}\r\n\n{\"text\":[\"Seen [DATE-1]\",{\"x\":\"DOB [DATE-2]\"}]}"
        );
    }

    #[test]
    fn findings_array_has_the_report_schema_and_the_pointer() {
        let out = run("{\"a\":{\"b\":\"DOB 6/18/02\"}}\n", &["a"], true).unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        let f = &v["findings"][0];
        assert_eq!(f["field"], "a");
        assert_eq!(f["pointer"], "/a/b");
        assert_eq!(
            (f["start"].as_u64(), f["end"].as_u64()),
            (Some(4), Some(11))
        );
        assert_eq!(f["original"], "6/18/02");
        assert_eq!(f["replacement"], "[DATE-1]");
        assert_eq!(f["kind"], "DATE");
    }

    #[test]
    fn bad_lines_stop_with_the_line_number() {
        let e = run("{\"text\":\"a\"}\n[1,2]\n", &["text"], false).unwrap_err();
        assert!(
            e.to_string()
                .contains("data.jsonl: line 2: not a JSON object"),
            "{e}"
        );
        let e = run("{\"text\":\"a\",\"findings\":1}\n", &["text"], true).unwrap_err();
        assert!(
            e.to_string()
                .contains("line 1: already has a `findings` field"),
            "{e}"
        );
    }
}
