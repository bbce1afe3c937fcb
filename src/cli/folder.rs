//! `casescrub redact IN_DIR -o OUT_DIR`: folder mode on the command line (progress
//! bar, summary, exit code); the work itself is [`casescrub::bulk`].

use super::args::RedactArgs;
use super::config::FolderPlan;
use anyhow::Result;
use casescrub::bulk::{self, Options, Progress, Status};
use casescrub::engine::PolicyEngine;
use casescrub::{io, Scrubber};
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
    let (numbering, mut prepared, case) =
        super::setup::prepare_run(&args.detection, &args.placeholder, scrubber)?;
    let options = Options {
        input: args.input.clone(),
        target,
        globs: args.bulk.globs.clone(),
        threads,
        resume: args.bulk.resume,
        manifest: manifest.clone(),
        report: args.report.clone(),
        policy_name: Some(prepared.policy.name().to_string()),
        assess: super::setup::assessments(&args.assess)?
            .map(|a| a.with_rules(scrubber.hipaa_classes())),
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
/// Megabytes with one decimal and "N files" like the summary line; at most 70 columns
/// (see [`bar_message`]).
struct Bar {
    bar: ProgressBar,
    /// Files done, and files found.
    files: Mutex<(usize, usize)>,
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
            ProgressStyle::with_template("{bar:20} {msg} eta {eta}").expect("valid template"),
        );
        Bar {
            bar,
            files: Mutex::new((0, 0)),
        }
    }
}

impl Progress for Bar {
    fn start(&self, files: usize, bytes: u64) {
        self.bar.set_length(bytes);
        *self.files.lock().unwrap_or_else(|p| p.into_inner()) = (0, files);
        self.bar.set_message(bar_message(0, bytes, 0, files));
    }

    fn file_done(&self, bytes: u64) {
        // One lock around count and message, so the count shown never goes back.
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files.0 += 1;
        self.bar.inc(bytes);
        let total = self.bar.length().unwrap_or(0);
        self.bar
            .set_message(bar_message(self.bar.position(), total, files.0, files.1));
    }
}

/// The bar's text after the bar itself: "12.3/45.6 MB, 3/10 files", the units of the
/// summary line. With the 20-column bar and " eta 59m" it fits 70 columns up to
/// 99,999.9 MB and 99,999 files.
fn bar_message(done_bytes: u64, total_bytes: u64, done_files: usize, files: usize) -> String {
    format!(
        "{:.1}/{:.1} MB, {done_files}/{}",
        done_bytes as f64 / 1e6,
        total_bytes as f64 / 1e6,
        super::output::count(files, "file", "files")
    )
}

#[cfg(test)]
mod tests {
    use super::bar_message;

    #[test]
    fn bar_message_uses_the_summary_units() {
        assert_eq!(bar_message(0, 1_234_567, 0, 1), "0.0/1.2 MB, 0/1 file");
        assert_eq!(
            bar_message(12_300_000, 45_600_000, 3, 10),
            "12.3/45.6 MB, 3/10 files"
        );
    }

    #[test]
    fn the_bar_fits_70_columns() {
        // "{bar:20} {msg} eta {eta}", with the widest message and eta shown.
        let msg = bar_message(99_999_900_000, 99_999_900_000, 99_999, 99_999);
        let line = format!("{} {msg} eta 59m", "#".repeat(20));
        assert!(
            line.chars().count() <= 70,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}
