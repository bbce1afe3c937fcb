//! `casescrub verify`: a redacted file (or folder) against its original and report.

use super::args::VerifyArgs;
use super::output::{display, escape, write_stdout};
use super::setup::load_library;
use anyhow::{bail, Context as _, Result};
use casescrub::review::verify::{self, Mismatch, ReportIn, ReportedFile, Verdict};
use casescrub::{io, Scrubber};
use std::path::{Path, PathBuf};

/// `casescrub verify`: 0 clean, 3 residue, 4 mismatch (worst over all files).
pub fn verify(args: VerifyArgs) -> Result<i32> {
    let json = std::fs::read_to_string(&args.report)
        .with_context(|| format!("{}: cannot read the report", display(&args.report)))?;
    let report = ReportIn::parse(&json, &args.report).map_err(anyhow::Error::msg)?;
    let library = load_library(&args.library)?;
    let scrubber = Scrubber::new(&library)?;
    let pairs = if args.original.is_dir() {
        if !args.redacted.is_dir() {
            bail!(
                "{}: ORIGINAL is a folder, so REDACTED must be a folder too",
                display(&args.redacted)
            );
        }
        folder_pairs(&args, &report)?
    } else {
        let entry = pick_entry(&report, &args.original)?;
        vec![Pair {
            original: args.original.clone(),
            redacted: args.redacted.clone(),
            entry: Some(entry.clone()),
        }]
    };
    let mut code = 0;
    let mut out = String::new();
    let (mut clean, mut files) = (0, 0);
    for pair in &pairs {
        files += 1;
        let verdict = check_pair(&scrubber, pair)?;
        code = worse(code, verdict.code());
        if verdict.code() == 0 {
            clean += 1;
        }
        describe(&mut out, pair, &verdict);
    }
    out.push_str(&format!(
        "{clean} of {files} file(s) verified clean{}\n",
        match code {
            0 => String::new(),
            3 => ": residue found (exit 3)".into(),
            _ => ": redacted output does not match the report (exit 4)".into(),
        }
    ));
    write_stdout(out.as_bytes())?;
    Ok(code)
}

/// 4 beats 3 beats 0.
fn worse(a: i32, b: i32) -> i32 {
    let rank = |c| match c {
        4 => 2,
        3 => 1,
        _ => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// An original and its redacted file, with the report entry (none: not in the report).
struct Pair {
    original: PathBuf,
    redacted: PathBuf,
    entry: Option<ReportedFile>,
}

/// The report entry for a single original: the only one, or the one naming it.
fn pick_entry<'a>(report: &'a ReportIn, original: &Path) -> Result<&'a ReportedFile> {
    if let [only] = report.files.as_slice() {
        return Ok(only);
    }
    report
        .files
        .iter()
        .find(|f| Path::new(&f.input) == original || io::same_file(Path::new(&f.input), original))
        .with_context(|| {
            format!(
                "{}: the report lists {} files and none of them is this one",
                display(original),
                report.files.len()
            )
        })
}

/// Pairs every report entry with its file under the two folders; redacted files the
/// report does not mention are listed too (they cannot be verified).
fn folder_pairs(args: &VerifyArgs, report: &ReportIn) -> Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    let mut known = std::collections::BTreeSet::new();
    for entry in &report.files {
        let input = Path::new(&entry.input);
        let rel = relative_to(input, &args.original);
        let redacted = entry
            .output
            .as_deref()
            .map(Path::new)
            .and_then(|o| o.strip_prefix(&args.redacted).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| rel.clone());
        known.insert(redacted.clone());
        pairs.push(Pair {
            original: args.original.join(&rel),
            redacted: args.redacted.join(redacted),
            entry: Some(entry.clone()),
        });
    }
    let report_path = args.report.canonicalize().ok();
    for rel in walk(&args.redacted)? {
        let path = args.redacted.join(&rel);
        if known.contains(&rel) || path.canonicalize().ok() == report_path {
            continue;
        }
        pairs.push(Pair {
            original: args.original.join(&rel),
            redacted: path,
            entry: None,
        });
    }
    Ok(pairs)
}

/// `input` relative to `dir` when it lies under it; otherwise as written (relative
/// paths) or its file name (absolute paths elsewhere).
fn relative_to(input: &Path, dir: &Path) -> PathBuf {
    if let Ok(rel) = input.strip_prefix(dir) {
        return rel.to_path_buf();
    }
    if let (Ok(i), Ok(d)) = (input.canonicalize(), dir.canonicalize()) {
        if let Ok(rel) = i.strip_prefix(&d) {
            return rel.to_path_buf();
        }
    }
    if input.is_relative() && dir.join(input).exists() {
        return input.to_path_buf();
    }
    input.file_name().map(PathBuf::from).unwrap_or_default()
}

/// Every regular file under `dir` (relative, sorted), skipping hidden names.
fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let abs = dir.join(&rel);
        let entries =
            std::fs::read_dir(&abs).with_context(|| format!("{}: cannot list", display(&abs)))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("{}: cannot list", display(&abs)))?;
            let name = entry.file_name();
            // Hidden files and casescrub's own artifacts (the folder-mode manifest).
            let name_text = name.to_string_lossy();
            if name_text.starts_with('.') || name_text.starts_with("casescrub-") {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(rel.join(&name));
            } else if kind.is_file() {
                out.push(rel.join(&name));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn check_pair(scrubber: &Scrubber, pair: &Pair) -> Result<Verdict> {
    let redacted = io::read_text(&pair.redacted)?;
    let Some(entry) = &pair.entry else {
        // Not in the report: only the rescan is possible, and that alone is a mismatch.
        let mut verdict = verify::verify(scrubber, &redacted, &redacted, &[]);
        verdict.mismatch = Some(Mismatch::Differs {
            at: verify::Position { line: 1, column: 1 },
            original_at: verify::Position { line: 1, column: 1 },
            reason: "this file is not listed in the report".into(),
            expected: String::new(),
            found: String::new(),
        });
        return Ok(verdict);
    };
    let original = io::read_text(&pair.original)?;
    Ok(verify::verify(
        scrubber,
        &original,
        &redacted,
        &entry.findings,
    ))
}

fn describe(out: &mut String, pair: &Pair, v: &Verdict) {
    let red = display(&pair.redacted);
    match &v.mismatch {
        None => out.push_str(&format!(
            "MATCH   {red}: the original with the report's {} finding(s) applied\n",
            v.findings
        )),
        Some(Mismatch::BadFinding { index, at, reason }) => out.push_str(&format!(
            "DIFFERS {}:{at}: finding #{} of the report does not fit the original: {reason}\n",
            display(&pair.original),
            index + 1
        )),
        Some(Mismatch::Differs {
            at,
            original_at,
            reason,
            expected,
            found,
        }) => {
            out.push_str(&format!(
                "DIFFERS {red}:{at}: {reason} (original {}:{original_at})\n",
                display(&pair.original)
            ));
            if !(expected.is_empty() && found.is_empty()) {
                out.push_str(&format!(
                    "        expected {expected:?}\n        found    {found:?}\n"
                ));
            }
        }
    }
    for r in &v.residue {
        out.push_str(&format!(
            "RESIDUE {red}:{}: {} {} {:?}\n",
            r.at,
            r.kind,
            r.rule,
            escape(&r.text)
        ));
    }
    if v.residue.is_empty() {
        out.push_str(&format!("CLEAN   {red}: rescan found nothing\n"));
    }
}
