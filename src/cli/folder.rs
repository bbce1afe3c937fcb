//! `casescrub redact IN_DIR -o OUT_DIR`: folder mode on the command line (progress
//! bar, summary, exit code); the work itself is [`casescrub::bulk`].

use super::args::RedactArgs;
use super::config::FolderPlan;
use anyhow::Result;
use casescrub::bulk::{self, Options, Progress, Status};
use casescrub::engine::PolicyEngine;
use casescrub::{io, Numbering, Scrubber};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;

/// Runs folder mode; exit code 1 if any file failed.
pub fn run(args: RedactArgs, plan: FolderPlan, scrubber: &Scrubber) -> Result<i32> {
    let FolderPlan {
        target,
        manifest,
        threads,
    } = plan;
    let mut numbering = Numbering::new(&args.placeholder);
    let mut prepared =
        super::setup::prepare(&args.detection.policy, scrubber.rule_ids(), &mut numbering)?;
    let case = args.detection.case.case()?;
    prepared.secrets.anchor = args.detection.case.anchor(&case, &mut prepared.policy)?;
    let options = Options {
        input: args.input.clone(),
        target,
        globs: args.bulk.globs.clone(),
        threads,
        resume: args.bulk.resume,
        manifest: manifest.clone(),
        report: args.report.clone(),
        policy_name: Some(prepared.policy.name().to_string()),
        assess: args.assess.assess(args.report.as_deref())?,
    };
    let bar = Bar::new(!args.bulk.quiet && std::io::stderr().is_terminal());
    let (vault_path, vault) = match &mut prepared.vault {
        Some((path, vault)) => (Some(path.clone()), Some(vault)),
        None => (None, None),
    };
    let engine: Box<dyn casescrub::engine::Engine> = if args.detection.case.wanted() {
        let roles = args.detection.case.placeholders == super::args::Placeholders::Roles;
        Box::new(
            casescrub::case::CaseEngine::new(
                scrubber,
                &prepared.policy,
                &prepared.secrets,
                &case,
                roles,
            )
            .with_vault(vault),
        )
    } else {
        Box::new(PolicyEngine::new(
            scrubber,
            &prepared.policy,
            &prepared.secrets,
            vault,
        ))
    };
    let decisions = super::decisions::load_decisions(args.decisions.as_deref())?;
    let decided = decisions
        .as_ref()
        .map(|d| casescrub::review::decided::Decided::new(engine.as_ref(), d));
    let run_engine: &dyn casescrub::engine::Engine = match &decided {
        Some(d) => d,
        None => engine.as_ref(),
    };
    let summary = bulk::run(run_engine, numbering, &options, &bar)?;
    let decided = decided.map(|d| d.summary());
    drop(engine);
    bar.bar.finish_and_clear();
    if let (Some(path), Some((_, vault))) = (vault_path, &prepared.vault) {
        io::write_atomic(&path, vault.to_json().as_bytes(), true)?;
    }

    for e in &summary.entries {
        if e.status == Status::Failed {
            eprintln!(
                "casescrub: failed: {}",
                e.error.as_deref().unwrap_or("unknown error")
            );
        }
    }
    if let Some(decided) = &decided {
        super::decisions::print_decisions(decided, true);
    }
    let failed = summary.count(Status::Failed);
    if !args.bulk.quiet {
        eprintln!(
            "casescrub: {} {}, {:.1} MB: {} redacted, {} already up to date, {} skipped, {} failed; manifest {}",
            summary.entries.len(),
            super::output::plural(summary.entries.len() as u64, "file", "files"),
            summary.bytes() as f64 / 1e6,
            summary.count(Status::Redacted),
            summary.count(Status::Resumed),
            summary.count(Status::Skipped),
            failed,
            manifest.display()
        );
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

/// The progress bar: bytes done of bytes found, on stderr only when it is a terminal.
/// Decimal megabytes like the summary line, and at most about 66 columns.
struct Bar {
    bar: ProgressBar,
    files: Mutex<usize>,
}

impl Bar {
    fn new(visible: bool) -> Self {
        let bar = ProgressBar::with_draw_target(
            Some(0),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:20} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {msg} eta {eta}",
            )
            .expect("valid template"),
        );
        Bar {
            bar,
            files: Mutex::new(0),
        }
    }
}

impl Progress for Bar {
    fn start(&self, files: usize, bytes: u64) {
        self.bar.set_length(bytes);
        self.bar.set_message(format!(
            "0/{files} {}",
            super::output::plural(files as u64, "file", "files")
        ));
        *self.files.lock().unwrap_or_else(|p| p.into_inner()) = 0;
        self.bar.set_prefix(files.to_string());
    }

    fn file_done(&self, bytes: u64) {
        // One lock around count and message, so the count shown never goes back.
        let mut done = self.files.lock().unwrap_or_else(|p| p.into_inner());
        *done += 1;
        self.bar.inc(bytes);
        let total = self.bar.prefix();
        let unit = if total == "1" { "file" } else { "files" };
        self.bar.set_message(format!("{done}/{total} {unit}"));
    }
}
