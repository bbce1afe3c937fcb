//! The review commands: `review`, `explain`, `verify` (and the terminal diff used by
//! `redact --diff`).

use super::args::{DiffLayout, LibraryArgs};
use super::commands::{display, escape, load_library, write_stdout};
use anyhow::{bail, Context as _, Result};
use casescrub::bulk::Engine;
use casescrub::redact::Change;
use casescrub::redact::Redaction;
use casescrub::report::FileReport;
use casescrub::review::decided::{RunSummary, Tally};
use casescrub::review::decisions::{self, Applied, Decisions};
use casescrub::review::html::{self, Mark, ReviewFile};
use casescrub::review::safety::{FileSafety, Safety};
use casescrub::review::termdiff::{self, Layout, Options};
use casescrub::review::verify::{self, Mismatch, ReportIn, ReportedFile, Verdict};
use casescrub::{io, Scrubber};
use clap::Args;
use std::path::{Path, PathBuf};

/// Renders `redact --diff`.
pub fn terminal_diff(
    text: &str,
    changes: &[Change],
    name: &str,
    layout: DiffLayout,
    width: Option<usize>,
    context: usize,
    color: bool,
) -> String {
    let layout = match layout {
        DiffLayout::Unified => Layout::Unified,
        DiffLayout::Side => Layout::Side {
            width: width.unwrap_or_else(terminal_width),
        },
    };
    termdiff::render(
        text,
        changes,
        name,
        Options {
            context,
            color,
            layout,
        },
    )
}

/// The terminal's width, else `$COLUMNS`, else 120.
fn terminal_width() -> usize {
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c > 0)
        .unwrap_or(120)
}

/// Reads `--decisions FILE`.
pub fn load_decisions(path: Option<&Path>) -> Result<Option<Decisions>> {
    let Some(path) = path else { return Ok(None) };
    let json = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the decisions", display(path)))?;
    Ok(Some(
        Decisions::parse(&json, path).map_err(anyhow::Error::msg)?,
    ))
}

/// Detects with `engine`, applies the reviewer's decisions (if any) on top of its
/// findings, and rewrites with it. The same for the plain policy engine and the case
/// engine: a decision is about a span, whichever rule or roster entry found it.
pub fn redact_decided(
    engine: &dyn Engine,
    text: &str,
    numbering: &mut casescrub::Numbering,
    decisions: Option<&Decisions>,
    name: &str,
) -> (Redaction, Option<Applied>) {
    let findings = engine.detect(text);
    let Some(decisions) = decisions else {
        return (engine.redact(name, text, &findings, numbering), None);
    };
    let applied = decisions::apply(text, findings, &decisions.for_file(name));
    let redaction = engine.redact(name, text, &applied.findings, numbering);
    (redaction, Some(applied))
}

/// Prints what the decisions did to one file, and allow-list rules for rejected
/// findings, to stderr.
pub fn decision_summary(text: &str, applied: &Applied) {
    print_decisions(
        &RunSummary {
            files: 1,
            rejected: applied.rejected.len(),
            accepted: applied.accepted.len(),
            added: applied.added,
            unmatched: applied.unmatched.clone(),
            rejected_texts: applied
                .rejected
                .iter()
                .map(|f| (f.text(text).to_string(), f.rule.to_string()))
                .collect(),
        },
        false,
    );
}

/// Prints what the decisions did over a run (`files`: say how many files), and
/// allow-list rules for rejected findings, to stderr.
pub fn print_decisions(summary: &RunSummary, files: bool) {
    eprintln!(
        "casescrub: decisions: {} rejected, {} accepted, {} added, {} matched nothing{}",
        summary.rejected,
        summary.accepted,
        summary.added,
        summary.unmatched.len(),
        if files {
            format!(" (over {})", super::count(summary.files, "file", "files"))
        } else {
            String::new()
        }
    );
    for d in &summary.unmatched {
        eprintln!(
            "casescrub: decision matched nothing: {}",
            serde_json::to_string(d).unwrap_or_default()
        );
    }
    let toml = decisions::allow_list_suggestions(&summary.rejected_texts);
    if !toml.is_empty() {
        eprintln!(
            "casescrub: rejected findings that a rule matched; to stop finding them, save \
             these allow-list rules in a folder and pass it with --patterns DIR:\n\n{}",
            toml.trim_end()
        );
    }
}

/// Flags of `casescrub review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Files to review (one section per file, with an index); a folder stands for
    /// every file under it, in path order (the order folder mode numbers them in).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write the page (mode 0600: it contains original identifying text).
    #[arg(short, long, value_name = "review.html")]
    pub output: PathBuf,
    // Help text in PLACEHOLDER_HELP: clap turns a literal `{n}` in help into a newline.
    #[arg(long, help = super::args::PLACEHOLDER_HELP, default_value = casescrub::placeholder::DEFAULT_TEMPLATE, value_name = "TEMPLATE")]
    pub placeholder: String,
    /// Reviewer decisions to show and apply (JSON `casescrub.decisions/1`).
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,
    // The detection flags of `redact` (a --vault is read, so placeholders match an
    // earlier run, and never written).
    #[command(flatten)]
    pub detection: super::args::DetectionArgs,
    #[command(flatten)]
    pub assess: super::case::AssessArgs,
}

/// The files named on the command line, folders expanded (sorted, hidden files
/// included as in folder mode); the page is never one of them, nor written inside
/// an input folder.
fn review_inputs(args: &ReviewArgs) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in &args.files {
        if !input.is_dir() {
            if io::same_file(input, &args.output) {
                bail!(
                    "{}: the page would overwrite an input file",
                    display(&args.output)
                );
            }
            out.push(input.clone());
            continue;
        }
        let folder = casescrub::bulk::paths::resolve(input)?;
        if casescrub::bulk::paths::resolve(&args.output)?.starts_with(&folder) {
            bail!(
                "{}: the page would be written inside the input folder {}; casescrub never \
                 writes inside an input folder (the page holds original identifying text)",
                display(&args.output),
                display(input)
            );
        }
        for found in casescrub::bulk::walk::collect(input, &[])? {
            let path = input.join(&found.rel);
            if let Some(problem) = &found.problem {
                use casescrub::bulk::walk::Problem;
                let why = match problem {
                    Problem::Symlink => "a symbolic link (not followed)".to_string(),
                    Problem::Leftover => "a temporary file of an interrupted run".to_string(),
                    Problem::Walk(e) => e.clone(),
                };
                eprintln!("casescrub: skipped {}: {why}", display(&path));
            } else {
                out.push(path);
            }
        }
    }
    if out.is_empty() {
        bail!("no files to review under the given folder(s)");
    }
    Ok(out)
}

/// `casescrub review`: redacts each file as `redact` would (with the same case
/// flags) and writes the page, with the coverage and risk sections when asked.
pub fn review(args: ReviewArgs) -> Result<i32> {
    casescrub::placeholder::check_template(&args.placeholder).map_err(anyhow::Error::msg)?;
    let inputs = review_inputs(&args)?;
    let decisions = load_decisions(args.decisions.as_deref())?;
    let mut numbering = casescrub::Numbering::new(&args.placeholder);
    let detector = super::detection::Detector::new(&args.detection, &mut numbering)?;
    let assess = args.assess.assessments()?;
    let engine = detector.engine(&args.detection);
    let mut files = Vec::new();
    let mut assessed = Vec::new();
    let mut tally = decisions.as_ref().map(Tally::new);
    for input in &inputs {
        let text = super::detection::read(&args.detection, input)?;
        let name = display(input);
        let (redaction, applied) = redact_decided(
            engine.as_ref(),
            &text,
            &mut numbering,
            decisions.as_ref(),
            &name,
        );
        if let Some(assess) = &assess {
            let remaining = engine.detect(&redaction.output);
            let mut entry = FileReport::new(name.clone(), None, Vec::new());
            assess.fill(
                &mut entry,
                &text,
                &redaction.changes,
                &redaction.output,
                &remaining,
            );
            assessed.push(entry);
        }
        let (marks, rejected) = match &applied {
            None => (Vec::new(), Vec::new()),
            Some(a) => {
                let marks = redaction
                    .changes
                    .iter()
                    .map(|c| {
                        if &*c.rule == decisions::ADDED_RULE {
                            Mark::Add
                        } else if a.accepted.iter().any(|f| f.start == c.start) {
                            Mark::Accept
                        } else {
                            Mark::Pending
                        }
                    })
                    .collect();
                let rejected = a
                    .rejected
                    .iter()
                    .map(|f| {
                        let at = verify::Position::of(&text, f.start);
                        Change {
                            start: f.start,
                            end: f.end,
                            line: at.line,
                            column: at.column,
                            kind: f.kind,
                            rule: f.rule.clone(),
                            original: f.text(&text).to_string(),
                            replacement: f.text(&text).to_string(),
                        }
                    })
                    .collect();
                (marks, rejected)
            }
        };
        if let (Some(a), Some(t), Some(d)) = (&applied, &mut tally, &decisions) {
            t.record(d, &name, &text, a);
        }
        files.push(ReviewFile {
            name,
            original: text,
            marks,
            changes: redaction.changes,
            rejected,
        });
    }
    let safety = assess.map(|assess| {
        let (coverage, risk) = assess.totals(&assessed);
        Safety {
            files: assessed
                .into_iter()
                .map(|f| FileSafety {
                    coverage: f.coverage,
                    risk: f.risk,
                })
                .collect(),
            coverage,
            risk,
        }
    });
    let title = match files.as_slice() {
        [one] => one.name.clone(),
        many => format!("{} files", many.len()),
    };
    let page = html::render_with(&files, &title, safety.as_ref());
    io::write_atomic(&args.output, page.as_bytes(), true)?;
    let findings: usize = files.iter().map(|f| f.changes.len()).sum();
    eprintln!(
        "casescrub: wrote {} ({}, {}); it contains original identifying text (mode 0600)",
        display(&args.output),
        super::count(files.len(), "file", "files"),
        super::count(findings, "finding", "findings"),
    );
    if let Some(safety) = &safety {
        if let Some(risk) = &safety.risk {
            eprintln!(
                "casescrub: risk: {} of {} flagged",
                risk.flagged.len(),
                super::count(risk.files, "file", "files")
            );
        }
    }
    if let (Some(t), Some(d)) = (&tally, &decisions) {
        print_decisions(&t.summary(d), files.len() > 1);
    }
    Ok(0)
}

/// Flags of `casescrub explain`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("place").required(true).multiple(true).args(["at", "text"])))]
pub struct ExplainArgs {
    /// The file (or `-` for stdin).
    pub file: PathBuf,
    /// The place: 1-based LINE:COL (column in characters). Repeatable.
    #[arg(long, value_name = "LINE:COL")]
    pub at: Vec<String>,
    /// The place: every occurrence of this exact text in the file.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Also list the rule matches rejected because they start inside another word.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub detection: super::args::DetectionArgs,
}

/// Most occurrences of `--text` explained.
const EXPLAIN_LIMIT: usize = 20;

/// `casescrub explain`: prints what detection did at the place (output contains
/// original text). The findings come from the real detector, the one `redact` runs
/// with the same flags (document-level names, propagated mentions, the case roster
/// and the policy included); the rule-by-rule replay around the place follows.
pub fn explain(args: ExplainArgs) -> Result<i32> {
    let mut numbering = casescrub::Numbering::default();
    let detector = super::detection::Detector::new(&args.detection, &mut numbering)?;
    let engine = detector.engine(&args.detection);
    let text = super::detection::read(&args.detection, &args.file)?;
    let name = display(&args.file);
    let mut places = Vec::new();
    for at in &args.at {
        let offset = offset_of(&text, at)
            .with_context(|| format!("{name}: --at {at}: no such LINE:COL in the file"))?;
        places.push((offset, offset));
    }
    if let Some(needle) = &args.text {
        if needle.is_empty() {
            bail!("--text must not be empty");
        }
        let before = places.len();
        places.extend(
            text.match_indices(needle.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .take(EXPLAIN_LIMIT),
        );
        if places.len() == before {
            bail!("{name}: {needle:?} does not occur in the file");
        }
    }
    let findings = engine.detect(&text);
    let mut out = String::new();
    for (start, end) in places {
        let e = casescrub::review::explain::explain(detector.scrubber.matcher(), &text, start, end);
        let pos = verify::Position::of(&text, e.start);
        out.push_str(&format!(
            "{name}:{pos}: {:?}\n",
            escape(&text[e.start..e.end])
        ));
        let covering: Vec<_> = findings
            .iter()
            .filter(|f| f.start < e.end && e.start < f.end)
            .collect();
        for f in &covering {
            out.push_str(&format!(
                "  FINDING {:<10} {:<30} {:?} at {}\n      {}\n",
                f.kind.as_str(),
                f.rule,
                escape(f.text(&text)),
                verify::Position::of(&text, f.start),
                finding_origin(&f.rule, &e.considered, f)
            ));
        }
        let shown: Vec<_> = e
            .considered
            .iter()
            .filter(|c| {
                args.verbose
                    || !matches!(
                        c.outcome,
                        casescrub::review::explain::Outcome::Rejected(
                            casescrub::review::explain::Rejection::InsideWord
                        )
                    )
            })
            .collect();
        if covering.is_empty() && shown.is_empty() {
            out.push_str("  no rule matches here: the text is kept as is\n");
        } else if covering.is_empty() {
            out.push_str(
                "  no finding here: redact keeps the text (the rule matches below did not win)\n",
            );
        }
        if !shown.is_empty() {
            out.push_str("  rule matches around the place:\n");
        }
        for c in shown {
            out.push_str(&format!(
                "  {:<10} {:<30} priority {:<4} {:?} at {}\n      {}\n",
                c.kind.as_str(),
                c.rule,
                c.priority,
                escape(&c.text),
                verify::Position::of(&text, c.start),
                c.outcome
            ));
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// How the detector came to a finding: a rule match that won at the same span, or a
/// pass that works on the whole document.
fn finding_origin(
    rule: &str,
    considered: &[casescrub::review::explain::Considered],
    f: &casescrub::resolve::Finding,
) -> String {
    use casescrub::review::explain::Outcome;
    let won = considered.iter().any(|c| {
        &*c.rule == rule && c.start == f.start && c.end == f.end && c.outcome == Outcome::Won
    });
    if won {
        return "redacted: this rule's match won every overlap".into();
    }
    let pass = match rule.split('.').nth(1).unwrap_or("") {
        "same-document" => "a mention of a name found elsewhere in this document (the document-level name pass links it)",
        _ if rule.starts_with("case.") || rule.starts_with("roster.") => "an entity of the --case roster",
        _ => "found by a document-level pass (names and organisations in context, propagated mentions, settling) rather than by one rule match",
    };
    format!("redacted: {pass}")
}

/// Byte offset of a 1-based `LINE:COL` (column in characters).
fn offset_of(text: &str, at: &str) -> Option<usize> {
    let (line, col) = at.split_once(':')?;
    let (line, col): (usize, usize) = (line.trim().parse().ok()?, col.trim().parse().ok()?);
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line.checked_sub(2)?)?.0 + 1
    };
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let (i, _) = line_text.char_indices().nth(col.checked_sub(1)?)?;
    Some(start + i)
}

/// Flags of `casescrub verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The original file, or the folder of originals of a bulk run.
    pub original: PathBuf,
    /// The redacted file, or the bulk output folder.
    pub redacted: PathBuf,
    /// The JSON report written by `redact --report` (lists the files and findings).
    #[arg(long, value_name = "REPORT.json")]
    pub report: PathBuf,
    #[command(flatten)]
    pub library: LibraryArgs,
}

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
        "{clean} of {} verified clean{}\n",
        super::count(files, "file", "files"),
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
            "MATCH   {red}: the original with the report's {} applied\n",
            super::count(v.findings, "finding", "findings")
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
