//! What each subcommand does.

use super::args::{
    Cli, Command, LibraryArgs, OutputEncoding, PatternsCommand, RedactArgs, ScanArgs,
};
use anyhow::{bail, Context as _, Result};
use casescrub::report::{FileReport, Report};
use casescrub::{encoding, io, placeholder, selftest, Library, Numbering, Scrubber};
use std::io::Write;
use std::path::Path;

/// Runs the parsed command; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    let stdout_input = match &cli.command {
        Command::Redact(a)
            if a.output.as_deref().is_none_or(|o| o == Path::new("-")) || a.diff.is_some() =>
        {
            Some(a.input.as_path())
        }
        Command::Scan(a) => Some(a.input.as_path()),
        Command::Restore(a) if a.output.is_none() => Some(a.input.as_path()),
        Command::Explain(a) => Some(a.file.as_path()),
        _ => None,
    };
    if let Some(input) = stdout_input.filter(|p| *p != Path::new("-")) {
        if io::stdout_is(input) {
            bail!(
                "{}: standard output is the input file; writing to it would destroy the input \
                 (write to another file with -o, or use -o FILE --in-place to replace it)",
                display(input)
            );
        }
    }
    match cli.command {
        Command::Redact(args) => redact(*args),
        Command::Scan(args) => scan(args),
        Command::Verify(args) => super::review::verify(args),
        Command::Review(args) => super::review::review(*args),
        Command::Explain(args) => super::review::explain(args),
        Command::Patterns(PatternsCommand::List { json, library }) => list(&library, json),
        Command::Patterns(PatternsCommand::Test { library }) => test(&library),
        Command::Policy(cmd) => {
            write_stdout(super::policy::policy_command(cmd)?.as_bytes())?;
            Ok(0)
        }
        Command::Keygen(args) => {
            eprint!("{}", super::policy::keygen(args)?);
            Ok(0)
        }
        Command::Restore(args) => {
            write_stdout(&super::policy::restore(args)?)?;
            Ok(0)
        }
        Command::Case(super::case::CaseCommand::Init(args)) => {
            write_stdout(super::case::init(args)?.as_bytes())?;
            Ok(0)
        }
    }
}

pub(super) fn load_library(args: &LibraryArgs) -> Result<Library> {
    let mut library = Library::embedded().context("the embedded pattern library is invalid")?;
    if let Some(dir) = &args.patterns {
        library.add_dir(dir)?;
    }
    Ok(library)
}

pub(super) fn display(path: &Path) -> String {
    path.display().to_string()
}

fn redact(args: RedactArgs) -> Result<i32> {
    placeholder::check_template(&args.placeholder).map_err(anyhow::Error::msg)?;
    if args.decisions.is_some() && super::stream::wanted(&args) {
        bail!("--decisions applies to files and folders (dataset mode does not take it yet)");
    }
    if (args.input.is_dir() || super::stream::wanted(&args))
        && (args.detection.encoding.encoding.is_some()
            || args.output_encoding != OutputEncoding::Same)
    {
        bail!("--encoding and --output-encoding apply to one text file (folder and dataset modes read UTF-8)");
    }
    if args.input.is_dir() {
        let library = load_library(&args.detection.library)?;
        let scrubber = Scrubber::with_threads(&library, super::folder::threads(&args))?;
        return super::folder::run(args, &scrubber);
    }
    if let Some(flag) = args.bulk.folder_only_flag() {
        bail!(
            "{flag} only applies when the input is a folder ({} is not)",
            display(&args.input)
        );
    }
    if super::stream::wanted(&args) {
        if args.detection.case.wanted() || args.detection.case.anchor.is_some() {
            bail!("--case, --placeholders roles and --anchor apply to files and folders, not to --jsonl/--csv");
        }
        let scrubber = Scrubber::new(&load_library(&args.detection.library)?)?;
        return super::stream::run(args, &scrubber);
    }
    if args.stream.findings {
        bail!("--findings needs --jsonl or --csv");
    }
    if let Some(out) = &args.output {
        if !args.in_place && io::same_file(&args.input, out) {
            bail!(
                "{}: output is the input file; pass --in-place to overwrite it",
                display(out)
            );
        }
    }
    let library = load_library(&args.detection.library)?;
    let scrubber = Scrubber::new(&library)?;
    let label = args.detection.encoding.label()?;
    let mut numbering = Numbering::new(&args.placeholder);
    let mut prepared =
        super::policy::prepare(&args.detection.policy, scrubber.rule_ids(), &mut numbering)?;
    let decisions = super::review::load_decisions(args.decisions.as_deref())?;
    let case = args.detection.case.case()?;
    prepared.secrets.anchor = args.detection.case.anchor(&case, &mut prepared.policy)?;
    let assess = args.assess.assess(args.report.as_deref())?;
    // Streamed in bounded memory, unless the whole text is needed: a diff, a vault
    // (which records the output's SHA-256), a case roster, reviewer decisions or a
    // coverage/risk assessment.
    if args.diff.is_none()
        && prepared.vault.is_none()
        && !args.detection.case.wanted()
        && decisions.is_none()
        && assess.is_none()
    {
        return super::chunked::redact_file(&args, &scrubber, label, numbering, prepared);
    }
    let (text, source) = encoding::read_text(&args.input, label)?;
    let engine = args
        .detection
        .case
        .engine(&scrubber, &prepared.policy, &prepared.secrets, &case);
    let (redaction, applied) = super::review::redact_decided(
        engine.as_ref(),
        &text,
        &mut numbering,
        decisions.as_ref(),
        &display(&args.input),
    );
    let target = match args.output_encoding {
        OutputEncoding::Same => source,
        OutputEncoding::Utf8 => encoding::Source::UTF8,
    };
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        Some(path) => {
            let bytes = encoding::encode(path, &redaction.output, target)?;
            io::write_atomic(path, &bytes, false)?
        }
        None if args.diff.is_none() => write_stdout(&encoding::encode(
            Path::new("-"),
            &redaction.output,
            target,
        )?)?,
        None => {}
    }
    if let Some(layout) = args.diff {
        let diff = super::review::terminal_diff(
            &text,
            &redaction.changes,
            &display(&args.input),
            layout,
            args.width,
            args.context,
            args.color.enabled(),
        );
        write_stdout(diff.as_bytes())?;
    }
    if let Some(path) = &args.report {
        let output = args.output.as_deref().map(display).unwrap_or("-".into());
        let mut report = Report::new(vec![FileReport::new(
            display(&args.input),
            Some(output),
            redaction.changes.clone(),
        )]);
        report.policy = Some(prepared.policy.name().to_string());
        if let Some(assess) = &assess {
            let remaining = engine.detect(&redaction.output);
            let file = &mut report.files[0];
            assess.fill(
                file,
                &text,
                &redaction.changes,
                &redaction.output,
                &remaining,
            );
            (report.coverage, report.risk) = assess.totals(&report.files);
        }
        io::write_atomic(path, report.to_json().as_bytes(), true)?;
    }
    if let Some((path, vault)) = &mut prepared.vault {
        vault.record(&display(&args.input), &redaction, &numbering);
        io::write_atomic(path, vault.to_json().as_bytes(), true)?;
    }
    if let Some(applied) = &applied {
        super::review::decision_summary(&text, applied);
    }
    Ok(0)
}

fn scan(args: ScanArgs) -> Result<i32> {
    placeholder::check_template(&args.placeholder).map_err(anyhow::Error::msg)?;
    let folder = args.input.is_dir();
    let inputs = super::detection::expand(std::slice::from_ref(&args.input))?;
    let mut numbering = Numbering::new(&args.placeholder);
    let detector = super::detection::Detector::new(&args.detection, &mut numbering)?;
    let engine = detector.engine(&args.detection);
    let mut files = Vec::new();
    let mut out = String::new();
    for input in &inputs {
        let text = super::detection::read(&args.detection, input)?;
        let name = display(input);
        let found = engine.detect(&text);
        let redaction = engine.redact(&name, &text, &found, &mut numbering);
        if !args.json {
            let prefix = if folder {
                format!("{name}:")
            } else {
                String::new()
            };
            for c in &redaction.changes {
                out.push_str(&format!(
                    "{prefix}{}:{}\t{}\t{}\t{}\n",
                    c.line,
                    c.column,
                    c.kind,
                    c.rule,
                    escape(&c.original)
                ));
            }
        }
        files.push(FileReport::new(name, None, redaction.changes));
    }
    if args.json {
        out = Report::new(files).to_json();
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// Escapes control characters so a finding cannot drive the terminal.
pub(super) fn escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn list(args: &LibraryArgs, json: bool) -> Result<i32> {
    let library = load_library(args)?;
    if json {
        // Pattern rules first, then the layout stage's label rules, each with a
        // `engine` saying which stage makes its findings.
        let mut rules: Vec<serde_json::Value> = Vec::new();
        for rule in library.rules() {
            let mut v = serde_json::to_value(rule)?;
            v["engine"] = rule
                .stage
                .map_or(if rule.is_regex() { "regex" } else { "words" }, |s| {
                    s.as_str()
                })
                .into();
            rules.push(v);
        }
        for label in library.labels() {
            let mut v = serde_json::to_value(label)?;
            v["engine"] = "label".into();
            rules.push(v);
        }
        write_stdout(serde_json::to_string_pretty(&rules)?.as_bytes())?;
        write_stdout(b"\n")?;
        return Ok(0);
    }
    let mut out = String::new();
    for rule in library.rules() {
        let engine = if let Some(stage) = rule.stage {
            stage.as_str().to_string()
        } else if rule.is_regex() {
            "regex".to_string()
        } else {
            format!("words({})", rule.loaded_words.len())
        };
        out.push_str(&format!(
            "{:<32} {:<11} {:>4}  {:<10} {}\n",
            rule.id,
            rule.kind.as_str(),
            rule.priority,
            engine,
            rule.description
        ));
    }
    for label in library.labels() {
        out.push_str(&format!(
            "{:<32} {:<11} {:>4}  {:<10} {}\n",
            label.id,
            label.kind.as_str(),
            label.priority,
            format!("labels({})", label.spellings.len()),
            label.description
        ));
    }
    out.push_str(&format!(
        "{} rules, {} labels\n",
        library.len(),
        library.labels().count()
    ));
    write_stdout(out.as_bytes())?;
    Ok(0)
}

fn test(args: &LibraryArgs) -> Result<i32> {
    let library = load_library(args)?;
    let failures = selftest::test_library(&library);
    let examples: usize = library
        .rules()
        .map(|r| r.examples.must_match.len() + r.examples.no_match.len())
        .sum::<usize>()
        + library
            .labels()
            .map(|l| l.examples.must_match.len() + l.examples.no_match.len())
            .sum::<usize>();
    for f in &failures {
        eprintln!(
            "FAIL {} ({}): {:?}: {}",
            f.rule, f.source, f.example, f.problem
        );
    }
    println!(
        "{} rules, {} labels, {} examples, {} failed",
        library.len(),
        library.labels().count(),
        examples,
        failures.len()
    );
    Ok(if failures.is_empty() { 0 } else { 1 })
}

/// Writes to stdout; a closed pipe (e.g. `| head`) ends quietly.
pub(super) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => Ok(other?),
    }
}
