//! A `verify` run: every original paired with its redacted file and its report
//! entry (a folder run's entries matched under the two folders, redacted files the
//! report does not list added as unverifiable), each pair checked, and the verdict
//! written as the lines `casescrub verify` prints.

use super::verify::{self, Mismatch, Position, ReportIn, ReportedFile, Verdict};
use crate::error::Result;
use crate::{io, Scrubber};
use std::path::{Path, PathBuf};

/// An original and its redacted file, with the report entry (none: not in the report).
#[derive(Debug, Clone)]
pub struct Pair {
    /// The original file.
    pub original: PathBuf,
    /// The redacted file.
    pub redacted: PathBuf,
    /// Its report entry; none when the report does not list it.
    pub entry: Option<ReportedFile>,
}

/// The pair of a single original: the report's only entry, or the one naming it.
pub fn single(
    report: &ReportIn,
    original: &Path,
    redacted: &Path,
) -> std::result::Result<Pair, String> {
    let entry = match report.files.as_slice() {
        [only] => only,
        files => files
            .iter()
            .find(|f| {
                Path::new(&f.input) == original || io::same_file(Path::new(&f.input), original)
            })
            .ok_or_else(|| {
                format!(
                    "{}: the report lists {} files and none of them is this one",
                    original.display(),
                    files.len()
                )
            })?,
    };
    Ok(Pair {
        original: original.to_path_buf(),
        redacted: redacted.to_path_buf(),
        entry: Some(entry.clone()),
    })
}

/// Pairs every report entry with its file under the two folders; redacted files the
/// report does not mention are listed too (they cannot be verified). The report
/// file itself, when it lies in `redacted`, is not one of them.
pub fn folder(
    original: &Path,
    redacted: &Path,
    report_path: &Path,
    report: &ReportIn,
) -> Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    let mut known = std::collections::BTreeSet::new();
    for entry in &report.files {
        let input = Path::new(&entry.input);
        let rel = relative_to(input, original);
        let out = entry
            .output
            .as_deref()
            .map(Path::new)
            .and_then(|o| o.strip_prefix(redacted).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| rel.clone());
        known.insert(out.clone());
        pairs.push(Pair {
            original: original.join(&rel),
            redacted: redacted.join(out),
            entry: Some(entry.clone()),
        });
    }
    let report_path = report_path.canonicalize().ok();
    for rel in crate::walk::visible_files(redacted)? {
        let path = redacted.join(&rel);
        if known.contains(&rel) || path.canonicalize().ok() == report_path {
            continue;
        }
        pairs.push(Pair {
            original: original.join(&rel),
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

/// Checks one pair: the original with the entry's findings applied against the
/// redacted file, and a rescan of the redacted file.
pub fn check(scrubber: &Scrubber, pair: &Pair) -> Result<Verdict> {
    let redacted = io::read_text(&pair.redacted)?;
    let Some(entry) = &pair.entry else {
        // Not in the report: only the rescan is possible, and that alone is a mismatch.
        let mut verdict = verify::verify(scrubber, &redacted, &redacted, &[]);
        verdict.mismatch = Some(Mismatch::Differs {
            at: Position { line: 1, column: 1 },
            original_at: Position { line: 1, column: 1 },
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

/// The worse of two exit codes: 4 (mismatch) beats 3 (residue) beats 0 (clean).
pub fn worse(a: i32, b: i32) -> i32 {
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

/// Appends the lines `verify` prints for one pair: MATCH or DIFFERS, then every
/// RESIDUE, or CLEAN. `escape` makes a finding's text safe for the terminal.
pub fn describe(out: &mut String, pair: &Pair, v: &Verdict, escape: impl Fn(&str) -> String) {
    let red = pair.redacted.display().to_string();
    match &v.mismatch {
        None => out.push_str(&format!(
            "MATCH   {red}: the original with the report's {} finding{} applied\n",
            v.findings,
            if v.findings == 1 { "" } else { "s" }
        )),
        Some(Mismatch::BadFinding { index, at, reason }) => out.push_str(&format!(
            "DIFFERS {}:{at}: finding #{} of the report does not fit the original: {reason}\n",
            pair.original.display(),
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
                pair.original.display()
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
