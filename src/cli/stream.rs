//! `casescrub redact --jsonl --field F` / `--csv --column C`: dataset mode on the
//! command line; the work itself is [`casescrub::stream`].

use super::args::RedactArgs;
use super::config::Dataset;
use super::output::plural;
use anyhow::Result;
use casescrub::bulk::atomic::AtomicFile;
use casescrub::engine::PolicyEngine;
use casescrub::{stream, Numbering, Scrubber};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

/// Runs dataset mode (its flags checked, its options resolved by [`super::config`]).
pub fn run(args: RedactArgs, dataset: Dataset, scrubber: &Scrubber) -> Result<i32> {
    let mut numbering = Numbering::new(&args.placeholder);
    let prepared =
        super::setup::prepare(&args.detection.policy, scrubber.rule_ids(), &mut numbering)?;
    let engine = PolicyEngine::new(scrubber, &prepared.policy, &prepared.secrets, None);

    let stdin = args.input == Path::new("-");
    let input: Box<dyn Read + Send> = if stdin {
        Box::new(std::io::stdin())
    } else {
        let file = std::fs::File::open(&args.input).map_err(|source| casescrub::Error::Io {
            path: args.input.clone(),
            source,
        })?;
        Box::new(file)
    };
    let input = BufReader::with_capacity(1 << 16, input);
    let to_file = args.output.as_ref().filter(|p| *p != Path::new("-"));
    let mut file = match to_file {
        Some(path) => Some(AtomicFile::create(path, false)?),
        None => None,
    };
    let mut stdout = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let output: &mut dyn Write = match &mut file {
        Some(f) => f,
        None => &mut stdout,
    };
    let result = match &dataset {
        Dataset::Jsonl(options) => {
            stream::jsonl::redact(&engine, &mut numbering, options, &args.input, input, output)
        }
        Dataset::Csv(options) => {
            stream::csv::redact(&engine, &mut numbering, options, &args.input, input, output)
        }
    };
    let stats = match result {
        Ok(stats) => stats,
        Err(casescrub::Error::Io { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            return Ok(0)
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(f) = file {
        f.commit()?;
    }
    let what = if args.stream.jsonl { "field" } else { "column" };
    if stats.missing > 0 {
        eprintln!(
            "casescrub: {} of {} {} had no {what} {} and passed through unredacted (--allow-missing-field)",
            stats.missing,
            stats.records,
            plural(stats.records, "record", "records"),
            names(if args.stream.jsonl { &args.stream.fields } else { &args.stream.columns }),
        );
    }
    if stats.extra > 0 {
        eprintln!(
            "casescrub: {} {} had more fields than the header; the extra fields were redacted as text",
            stats.extra,
            plural(stats.extra, "record", "records"),
        );
    }
    Ok(0)
}

/// `a`, `b` or `c` for messages.
fn names(list: &[String]) -> String {
    let quoted: Vec<String> = list.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}
