//! `redact FILE` without `--diff`: the input is decoded, redacted and encoded window
//! by window, so a file of any size (one 50 MB line, a 1 GB log) runs in bounded
//! memory. The output goes to a temporary file renamed into place only when
//! complete, or to stdout.

use super::args::{OutputEncoding, RedactArgs};
use super::output::display;
use super::setup::Prepared;
use anyhow::Result;
use casescrub::bulk::atomic::AtomicFile;
use casescrub::chunked::{redact_chunks, Chunking};
use casescrub::encoding::{Encoding, Source, TextReader, TextWriter};
use casescrub::report::{FileReport, Report};
use casescrub::{io, policy, Change, Numbering, Scrubber};
use std::path::Path;

/// Streams `args.input` through the redactor; writes the output and the report
/// (the caller keeps runs with a vault or a diff on the whole-text path).
pub fn redact_file(
    args: &RedactArgs,
    scrubber: &Scrubber,
    label: Option<&'static Encoding>,
    mut numbering: Numbering,
    prepared: Prepared,
) -> Result<i32> {
    let mut reader = TextReader::open(&args.input, label)?;
    let target = match args.output_encoding {
        OutputEncoding::Same => reader.source(),
        OutputEncoding::Utf8 => Source::UTF8,
    };
    let mut chunking = Chunking::for_scrubber(scrubber);
    if let Some(bytes) = args.chunk_size {
        chunking.chunk = bytes;
    }
    let keep_changes = args.report.is_some();
    let mut changes: Vec<Change> = Vec::new();
    {
        let policy = &prepared.policy;
        let mut rewriter = policy::Rewriter::new(policy, &prepared.secrets, &mut numbering);
        // Full names found in one window link bare mentions in the next ones.
        let mut known = casescrub::entities::KnownNames::default();
        let mut detect =
            |window: &str| policy.apply_lists(window, scrubber.detect_known(window, &mut known));
        let mut read = |buf: &mut String, n: usize| reader.read_into(buf, n);
        let mut on_change = |c: Change| {
            if keep_changes {
                changes.push(c);
            }
        };
        match args.output.as_deref().filter(|p| *p != Path::new("-")) {
            Some(path) if !io::is_device_or_pipe(path) => {
                let mut out = TextWriter::new(path, AtomicFile::create(path, false)?, target);
                redact_chunks(
                    chunking,
                    &mut detect,
                    &mut rewriter,
                    &mut read,
                    &mut |piece| out.write(piece),
                    &mut on_change,
                )?;
                out.finish()?.commit()?;
            }
            device => {
                // Stdout, or a device or pipe written in place (see io::write_atomic).
                let (name, sink): (&Path, Box<dyn std::io::Write>) = match device {
                    Some(path) => (path, Box::new(open_device(path)?)),
                    None => (Path::new("-"), Box::new(std::io::stdout().lock())),
                };
                let mut out = TextWriter::new(name, sink, target);
                let result = redact_chunks(
                    chunking,
                    &mut detect,
                    &mut rewriter,
                    &mut read,
                    &mut |piece| out.write(piece),
                    &mut on_change,
                )
                .and_then(|()| out.finish().map(drop));
                if let Err(casescrub::Error::Io { source, .. }) = &result {
                    if source.kind() == std::io::ErrorKind::BrokenPipe {
                        std::process::exit(0);
                    }
                }
                result?;
            }
        }
    }
    if let Some(path) = &args.report {
        let output = args.output.as_deref().map(display).unwrap_or("-".into());
        let mut report = Report::new(vec![FileReport::new(
            display(&args.input),
            Some(output),
            changes.clone(),
        )]);
        report.policy = Some(prepared.policy.name().to_string());
        io::write_atomic(path, report.to_json().as_bytes(), true)?;
    }
    Ok(0)
}

fn open_device(path: &Path) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|source| casescrub::Error::Io {
            path: path.to_path_buf(),
            source,
        })
        .map_err(Into::into)
}
