//! CSV with a header row: the named columns are redacted; every record without a
//! change is copied byte for byte (its quoting and line ending included), and a
//! changed record is re-quoted only where CSV needs it.
//!
//! Fails closed: a record with more fields than the header (whose extra fields no
//! column name covers) or too few to hold a named column stops the run with the
//! line number, unless the options say what to do with it ([`Extra::Redact`],
//! `allow_missing`).

use super::{redact_value, FieldFinding, Stats};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::Numbering;
use std::cell::RefCell;
use std::io::{Read, Write};
use std::path::Path;
use std::rc::Rc;

/// What to redact in each record.
#[derive(Debug, Clone)]
pub struct Options {
    /// Columns to redact, by header name.
    pub columns: Vec<String>,
    /// Add a `findings` column holding each record's findings as JSON.
    pub findings: bool,
    /// Field delimiter (default `,`).
    pub delimiter: u8,
    /// Pass records too short to hold a named column through, counted in
    /// [`Stats::missing`], instead of stopping with an error.
    pub allow_missing: bool,
    /// What to do with the fields of a record beyond the header's columns.
    pub extra: Extra,
}

/// Fields of a record beyond the header's last column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Extra {
    /// Stop with an error naming the line (default).
    #[default]
    Error,
    /// Redact them as text, like a named column (counted in [`Stats::extra`]).
    Redact,
}

fn record_error(path: &Path, line: u64, message: String) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("line {line}: {message}"),
        ),
    }
}

/// Keeps every byte read since the last record boundary, so unchanged records can
/// be written out exactly as they came in.
struct Recorder<R> {
    inner: R,
    seen: Rc<RefCell<Seen>>,
}

#[derive(Default)]
struct Seen {
    /// Absolute offset of `bytes[0]`.
    base: u64,
    bytes: Vec<u8>,
}

impl<R: Read> Read for Recorder<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen.borrow_mut().bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl Seen {
    /// Takes the bytes `[base, end)` out of the buffer.
    fn take(&mut self, end: u64) -> Vec<u8> {
        let len = (end - self.base) as usize;
        let rest = self.bytes.split_off(len);
        self.base = end;
        std::mem::replace(&mut self.bytes, rest)
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e
        .position()
        .map(|p| format!("line {}: ", p.line()))
        .unwrap_or_default();
    Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{line}{e}")),
    }
}

/// Redacts CSV from `input` to `output`. `name` names the input in errors.
pub fn redact(
    engine: &dyn Engine,
    numbering: &mut Numbering,
    options: &Options,
    name: &Path,
    input: impl Read,
    output: &mut dyn Write,
) -> Result<Stats> {
    let out_err = |source| Error::Io {
        path: Path::new("-").to_path_buf(),
        source,
    };
    let seen = Rc::new(RefCell::new(Seen::default()));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter)
        .from_reader(Recorder {
            inner: input,
            seen: Rc::clone(&seen),
        });
    let mut record = csv::ByteRecord::new();
    if !reader
        .read_byte_record(&mut record)
        .map_err(|e| csv_error(name, e))?
    {
        return Ok(Stats::default());
    }
    let headers: Vec<String> = record
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let mut targets = Vec::new();
    for column in &options.columns {
        match headers.iter().position(|h| h == column) {
            Some(i) => targets.push((i, column.clone())),
            None => {
                return Err(Error::Io {
                    path: name.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        format!(
                            "no column `{column}` in the header (columns: {})",
                            headers.join(", ")
                        ),
                    ),
                })
            }
        }
    }
    if options.findings && headers.iter().any(|h| h == "findings") {
        return Err(Error::Io {
            path: name.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "already has a `findings` column; --findings would duplicate it",
            ),
        });
    }
    let header_raw = seen.borrow_mut().take(reader.position().byte());
    if options.findings {
        let mut head = record.clone();
        head.push_field(b"findings");
        output
            .write_all(&rewrite(&head, &header_raw, options.delimiter))
            .map_err(out_err)?;
    } else {
        output.write_all(&header_raw).map_err(out_err)?;
    }

    let mut stats = Stats::default();
    let source = name.display().to_string();
    loop {
        if !reader
            .read_byte_record(&mut record)
            .map_err(|e| csv_error(name, e))?
        {
            break;
        }
        let raw = seen.borrow_mut().take(reader.position().byte());
        stats.records += 1;
        let line = record.position().map_or(0, |p| p.line());
        let mut findings: Vec<FieldFinding> = Vec::new();
        let mut changed: Vec<(usize, String)> = Vec::new();
        let mut row_targets: Vec<(usize, String)> = Vec::new();
        if record.len() > headers.len() {
            if options.extra == Extra::Error {
                return Err(record_error(
                    name,
                    line,
                    format!(
                        "{} fields, but the header has {} columns; the extra fields would pass \
                         through unredacted (pass --extra-fields redact to redact them as text)",
                        record.len(),
                        headers.len()
                    ),
                ));
            }
            stats.extra += 1;
            row_targets.extend((headers.len()..record.len()).map(|i| (i, format!("#{}", i + 1))));
        }
        if let Some((_, column)) = targets.iter().find(|(i, _)| *i >= record.len()) {
            if !options.allow_missing {
                return Err(record_error(
                    name,
                    line,
                    format!(
                        "{} field(s), too few to hold column `{column}`; pass --allow-missing-field \
                         to pass such records through",
                        record.len()
                    ),
                ));
            }
            stats.missing += 1;
        }
        for (index, column) in targets.iter().chain(&row_targets) {
            let Some(bytes) = record.get(*index) else {
                continue;
            };
            let text = std::str::from_utf8(bytes).map_err(|e| Error::Io {
                path: name.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "line {line}: column `{column}` is not valid UTF-8 (byte {})",
                        e.valid_up_to()
                    ),
                ),
            })?;
            let pointer = format!("/{}", column.replace('~', "~0").replace('/', "~1"));
            if let Some(new) = redact_value(
                engine,
                numbering,
                &source,
                text,
                column,
                &pointer,
                &mut findings,
                &mut stats,
            ) {
                changed.push((*index, new));
            }
        }
        if changed.is_empty() && !options.findings {
            output.write_all(&raw).map_err(out_err)?;
            continue;
        }
        if !changed.is_empty() {
            stats.changed += 1;
        }
        let mut out = csv::ByteRecord::new();
        for (i, field) in record.iter().enumerate() {
            match changed.iter().find(|(c, _)| *c == i) {
                Some((_, new)) => out.push_field(new.as_bytes()),
                None => out.push_field(field),
            }
        }
        if options.findings {
            out.push_field(
                serde_json::to_string(&findings)
                    .expect("findings serialize")
                    .as_bytes(),
            );
        }
        output
            .write_all(&rewrite(&out, &raw, options.delimiter))
            .map_err(out_err)?;
    }
    // Whatever follows the last record (its `\n`, blank lines) is copied as is.
    let rest = std::mem::take(&mut seen.borrow_mut().bytes);
    output.write_all(&rest).map_err(out_err)?;
    output.flush().map_err(out_err)?;
    Ok(stats)
}

/// Writes `record` as CSV with the line-ending bytes around `raw` kept (the reader
/// may leave the `\n` of a `\r\n` to the next record, and blank lines before it).
fn rewrite(record: &csv::ByteRecord, raw: &[u8], delimiter: u8) -> Vec<u8> {
    let is_eol = |b: &u8| *b == b'\n' || *b == b'\r';
    let body_start = raw.iter().position(|b| !is_eol(b)).unwrap_or(raw.len());
    let body_end = raw
        .iter()
        .rposition(|b| !is_eol(b))
        .map_or(body_start, |i| i + 1);
    let (leading, ending) = (&raw[..body_start], &raw[body_end..]);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_byte_record(record).expect("writing to memory");
    let mut bytes = leading.to_vec();
    bytes.extend(writer.into_inner().expect("writing to memory"));
    bytes.pop(); // the '\n' terminator
    bytes.extend_from_slice(ending);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, columns: &[&str], findings: bool) -> Result<String> {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let mut out = Vec::new();
        let options = Options {
            columns: columns.iter().map(|s| s.to_string()).collect(),
            findings,
            delimiter: b',',
            allow_missing: false,
            extra: Extra::Error,
        };
        redact(
            &scrubber,
            &mut Numbering::default(),
            &options,
            Path::new("data.csv"),
            input.as_bytes(),
            &mut out,
        )?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn unchanged_records_are_copied_exactly_and_changed_ones_requoted() {
        let input = "\"id\",note,other\r\n\"1\",\"nothing here\",\"x\"\r\n2,\"DOB 6/18/02, seen\",\"6/18/02\"\r\n3,\"said \"\"hi\"\" on 7/4/19\",y";
        assert_eq!(
            run(input, &["note"], false).unwrap(),
            "\"id\",note,other\r\n\"1\",\"nothing here\",\"x\"\r\n2,\"DOB [DATE-1], seen\",6/18/02\r\n3,\"said \"\"hi\"\" on [DATE-2]\",y"
        );
    }

    #[test]
    fn findings_column_and_errors() {
        let out = run("a,b\n1,DOB 6/18/02\n", &["b"], true).unwrap();
        let mut rdr = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(rdr.headers().unwrap(), vec!["a", "b", "findings"]);
        let rec = rdr.records().next().unwrap().unwrap();
        assert_eq!(&rec[1], "DOB [DATE-1]");
        let f: serde_json::Value = serde_json::from_str(&rec[2]).unwrap();
        assert_eq!(f[0]["field"], "b");
        assert_eq!(f[0]["original"], "6/18/02");
        let e = run("a,b\n1,2\n", &["Findings"], false).unwrap_err();
        assert!(
            e.to_string()
                .contains("no column `Findings` in the header (columns: a, b)"),
            "{e}"
        );
    }
}
