//! The folder-mode scheduler.
//!
//! Each worker repeatedly takes, in this order of preference:
//! 1. a *sequenced* file (placeholders assigned) and writes its output, manifest line
//!    and report entry;
//! 2. the next file in sorted path order and detects its findings.
//!
//! A detected file is handed to the sequencer, which redacts files strictly in path
//! order with the run's single [`Numbering`], so `[PERSON-3]` means the same value in
//! every file and the outputs do not depend on the thread count. The sequencer is
//! whichever worker detected a file while no other was sequencing; it holds the
//! numbering and redacts without the scheduler's lock, so the other workers keep
//! detecting and writing meanwhile. At most `window` files are detected ahead of the
//! sequencer, which bounds memory.

use super::atomic::{self, AtomicFile};
use super::hash::sha256_hex;
use super::manifest::{self, Appender, ManifestEntry, Status, SCHEMA};
use super::paths;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::redact::Redaction;
use crate::report::{FileReport, SENSITIVE_NOTE};
use crate::resolve::Finding;
use crate::walk::{self, Found, Problem};
use crate::Numbering;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

/// Where redacted files go.
#[derive(Debug, Clone)]
pub enum Target {
    /// A mirrored tree under this folder (must not overlap the input folder).
    Folder(PathBuf),
    /// Over the input files, after copying each original (mode 0600) into a mirrored
    /// tree under `backup`, which must not overlap the input and never overwrites.
    InPlace {
        /// Folder for the originals.
        backup: PathBuf,
    },
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The input folder.
    pub input: PathBuf,
    /// Where outputs go.
    pub target: Target,
    /// Include (`*.txt`) and exclude (`!*.bak`) globs.
    pub globs: Vec<String>,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Skip rewriting files whose manifest entry matches the input and output hashes.
    pub resume: bool,
    /// The manifest file (JSON lines).
    pub manifest: PathBuf,
    /// A `casescrub.report/1` report with every finding (sensitive; mode 0600).
    pub report: Option<PathBuf>,
    /// The policy name written in the report.
    pub policy_name: Option<String>,
    /// Coverage and risk sections added to the report.
    pub assess: Option<crate::assess::Assess>,
}

/// Receives progress; called from worker threads.
pub trait Progress: Sync {
    /// The run found `files` files totalling `bytes` bytes.
    fn start(&self, files: usize, bytes: u64);
    /// One file (of `bytes` bytes) is finished, whatever its status.
    fn file_done(&self, bytes: u64);
}

/// No progress reporting.
impl Progress for () {
    fn start(&self, _: usize, _: u64) {}
    fn file_done(&self, _: u64) {}
}

/// The outcome of a run: one manifest entry per file, in path order.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Every file's entry, sorted by path.
    pub entries: Vec<ManifestEntry>,
}

impl Summary {
    /// How many entries have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.entries.iter().filter(|e| e.status == status).count()
    }

    /// Total input bytes read.
    pub fn bytes(&self) -> u64 {
        self.entries.iter().filter_map(|e| e.bytes).sum()
    }
}

/// A file after detection.
struct Detected {
    found: Found,
    outcome: std::result::Result<Text, Box<ManifestEntry>>,
}

struct Text {
    text: String,
    findings: Vec<Finding>,
    input_sha256: String,
}

/// A file after sequencing: redacted, ready to be written.
struct Ready {
    index: usize,
    found: Found,
    outcome: std::result::Result<(Text, Redaction), Box<ManifestEntry>>,
}

struct State {
    next_detect: usize,
    next_seq: usize,
    pending: BTreeMap<usize, Detected>,
    ready: VecDeque<Ready>,
    numbering: Numbering,
    /// A thread is redacting files in order (it holds the numbering meanwhile).
    sequencing: bool,
    abort: Option<Error>,
}

/// Runs folder mode. Per-file problems become `failed` entries and the run goes on;
/// an error is returned only when the run as a whole cannot proceed (bad folders,
/// manifest or report not writable).
pub fn run(
    engine: &dyn Engine,
    numbering: Numbering,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Summary> {
    let plan = Plan::new(options)?;
    if plan.backup.is_none() {
        walk::remove_leftovers(&plan.output);
    }
    let files = walk::collect(&options.input, &options.globs)?;
    plan.check_no_clash(options, &files)?;
    let total_bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(options.input.join(&f.rel)).ok())
        .map(|m| m.len())
        .sum();
    progress.start(files.len(), total_bytes);

    let previous = if options.resume {
        manifest::load(&options.manifest)?
    } else {
        HashMap::new()
    };
    let appender = Appender::open(&options.manifest, options.resume)?;
    let report = match &options.report {
        Some(path) => Some(ReportSink::create(path, options.policy_name.as_deref())?),
        None => None,
    };
    let shared = Shared {
        engine,
        plan: &plan,
        previous: &previous,
        appender: &appender,
        report: report.as_ref(),
        assess: options.assess.as_ref().filter(|a| a.any()),
        progress,
        files: &files,
        window: options.threads.max(1) * 4,
        state: Mutex::new(State {
            next_detect: 0,
            next_seq: 0,
            pending: BTreeMap::new(),
            ready: VecDeque::new(),
            numbering,
            sequencing: false,
            abort: None,
        }),
        wake: Condvar::new(),
        entries: Mutex::new(vec![None; files.len()]),
    };
    std::thread::scope(|scope| {
        for _ in 0..options.threads.max(1) {
            scope.spawn(|| shared.work());
        }
    });
    let state = shared.state.into_inner().unwrap_or_else(|p| p.into_inner());
    if let Some(e) = state.abort {
        return Err(e);
    }
    let entries: Vec<ManifestEntry> = shared
        .entries
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|e| e.expect("every file has an entry"))
        .collect();
    // Outputs were renamed into place without one fsync each; make them durable
    // before the manifest says they are done.
    atomic::sync_filesystem(&plan.output)?;
    if let Some(sink) = report {
        sink.finish(options.assess.as_ref())?;
    }
    appender.finish(&entries)?;
    Ok(Summary { entries })
}

/// Resolved, checked paths.
struct Plan {
    input: PathBuf,
    output: PathBuf,
    backup: Option<PathBuf>,
}

impl Plan {
    /// The manifest and report must not be the output of one of the files.
    fn check_no_clash(&self, options: &Options, files: &[Found]) -> Result<()> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        let root = paths::resolve(&self.output).map_err(io(&self.output))?;
        for path in std::iter::once(&options.manifest).chain(&options.report) {
            let resolved = paths::resolve(path).map_err(io(path))?;
            if let Ok(rel) = resolved.strip_prefix(&root) {
                if files.iter().any(|f| f.rel == rel) {
                    return Err(Error::Io {
                        path: path.clone(),
                        source: std::io::Error::new(
                            std::io::ErrorKind::AlreadyExists,
                            format!(
                                "would be overwritten by the output of {}; choose another path",
                                options.input.join(rel).display()
                            ),
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    fn new(options: &Options) -> Result<Self> {
        let bad = |path: &Path, message: String| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, message),
        };
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        if !options.input.is_dir() {
            return Err(bad(&options.input, "not a folder".into()));
        }
        let input = paths::resolve(&options.input).map_err(io(&options.input))?;
        let outside = |path: &Path, what: &str| -> Result<PathBuf> {
            let resolved = paths::resolve(path).map_err(io(path))?;
            if paths::nested(&resolved, &input) {
                return Err(bad(
                    path,
                    format!(
                        "{what} overlaps the input folder {}; casescrub never writes inside the input folder (use --in-place with --backup for that)",
                        options.input.display()
                    ),
                ));
            }
            Ok(resolved)
        };
        let (output, backup) = match &options.target {
            Target::Folder(out) => {
                outside(out, "the output folder")?;
                std::fs::create_dir_all(out).map_err(io(out))?;
                (out.clone(), None)
            }
            Target::InPlace { backup } => {
                outside(backup, "the backup folder")?;
                std::fs::create_dir_all(backup).map_err(io(backup))?;
                (options.input.clone(), Some(backup.clone()))
            }
        };
        outside(&options.manifest, "the manifest")?;
        if let Some(report) = &options.report {
            outside(report, "the report")?;
        }
        Ok(Plan {
            input: options.input.clone(),
            output,
            backup,
        })
    }
}

struct Shared<'a> {
    engine: &'a dyn Engine,
    plan: &'a Plan,
    previous: &'a HashMap<String, ManifestEntry>,
    appender: &'a Appender,
    report: Option<&'a ReportSink>,
    assess: Option<&'a crate::assess::Assess>,
    progress: &'a dyn Progress,
    files: &'a [Found],
    window: usize,
    state: Mutex<State>,
    wake: Condvar,
    entries: Mutex<Vec<Option<ManifestEntry>>>,
}

enum Job {
    Write(Box<Ready>),
    Detect(usize),
}

impl Shared<'_> {
    fn work(&self) {
        let n = self.files.len();
        loop {
            let job = {
                let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                loop {
                    if st.abort.is_some() {
                        return;
                    }
                    if let Some(ready) = st.ready.pop_front() {
                        break Job::Write(Box::new(ready));
                    }
                    if st.next_detect < n && st.next_detect - st.next_seq < self.window {
                        st.next_detect += 1;
                        break Job::Detect(st.next_detect - 1);
                    }
                    if st.next_seq == n {
                        return;
                    }
                    st = self.wake.wait(st).unwrap_or_else(|p| p.into_inner());
                }
            };
            match job {
                Job::Detect(index) => {
                    let detected = self.detect(index);
                    let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                    st.pending.insert(index, detected);
                    if st.sequencing {
                        // The sequencing thread takes it when its turn comes.
                        continue;
                    }
                    // Become the sequencer: take the numbering and redact, in path
                    // order, every file whose turn has come, without holding the
                    // lock (other threads keep detecting and writing meanwhile).
                    st.sequencing = true;
                    let mut numbering = std::mem::take(&mut st.numbering);
                    loop {
                        let next = st.next_seq;
                        let Some(d) = st.pending.remove(&next) else {
                            break;
                        };
                        drop(st);
                        let input = self.plan.input.join(&d.found.rel).display().to_string();
                        let outcome = d.outcome.map(|t| {
                            let r =
                                self.engine
                                    .redact(&input, &t.text, &t.findings, &mut numbering);
                            (t, r)
                        });
                        st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                        st.ready.push_back(Ready {
                            index: next,
                            found: d.found,
                            outcome,
                        });
                        st.next_seq += 1;
                        self.wake.notify_all();
                    }
                    st.numbering = numbering;
                    st.sequencing = false;
                    self.wake.notify_all();
                }
                Job::Write(ready) => {
                    if let Err(e) = self.finish(*ready) {
                        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                        st.abort.get_or_insert(e);
                        self.wake.notify_all();
                        return;
                    }
                }
            }
        }
    }

    fn entry(&self, found: &Found, status: Status, error: Option<String>) -> ManifestEntry {
        ManifestEntry {
            schema: SCHEMA.to_string(),
            path: paths::portable(&found.rel),
            input: self.plan.input.join(&found.rel).display().to_string(),
            output: None,
            input_sha256: None,
            output_sha256: None,
            bytes: None,
            counts: BTreeMap::new(),
            status,
            error,
        }
    }

    fn detect(&self, index: usize) -> Detected {
        let found = self.files[index].clone();
        let outcome = match &found.problem {
            Some(Problem::Symlink) => Err(Box::new(self.entry(
                &found,
                Status::Skipped,
                Some("symbolic link, not followed".into()),
            ))),
            Some(Problem::Leftover) => Err(Box::new(self.entry(
                &found,
                Status::Skipped,
                Some("temporary file of an interrupted casescrub run".into()),
            ))),
            Some(Problem::Walk(reason)) => Err(Box::new(self.entry(
                &found,
                Status::Failed,
                Some(reason.clone()),
            ))),
            None => self.read(&found),
        };
        Detected { found, outcome }
    }

    fn read(&self, found: &Found) -> std::result::Result<Text, Box<ManifestEntry>> {
        let path = self.plan.input.join(&found.rel);
        let bytes = std::fs::read(&path).map_err(|source| {
            let e = Error::Io {
                path: path.clone(),
                source,
            };
            Box::new(self.entry(found, Status::Failed, Some(e.to_string())))
        })?;
        let size = bytes.len() as u64;
        let input_sha256 = sha256_hex(&bytes);
        let text = crate::io::decode(&path, bytes).map_err(|e| {
            let mut entry = self.entry(found, Status::Failed, Some(e.to_string()));
            entry.input_sha256 = Some(input_sha256.clone());
            entry.bytes = Some(size);
            Box::new(entry)
        })?;
        let findings = self.engine.detect(&text);
        Ok(Text {
            text,
            findings,
            input_sha256,
        })
    }

    /// Writes one file's output, manifest line and report entry.
    fn finish(&self, ready: Ready) -> Result<()> {
        let (entry, file_report) = match ready.outcome {
            Err(entry) => {
                let report = FileReport::new(entry.input.clone(), None, Vec::new());
                (*entry, report)
            }
            Ok((text, redaction)) => self.write(&ready.found, text, redaction),
        };
        self.progress.file_done(entry.bytes.unwrap_or(0));
        self.appender.append(&entry)?;
        if let Some(report) = &self.report {
            let line = serde_json::to_string(&ReportEntry {
                file: &file_report,
                status: entry.status,
                error: entry.error.as_deref(),
                input_sha256: entry.input_sha256.as_deref(),
                output_sha256: entry.output_sha256.as_deref(),
            })
            .expect("report entry serializes");
            report.push(ready.index, line, &file_report)?;
        }
        self.entries.lock().unwrap_or_else(|p| p.into_inner())[ready.index] = Some(entry);
        Ok(())
    }

    fn write(
        &self,
        found: &Found,
        text: Text,
        redaction: Redaction,
    ) -> (ManifestEntry, FileReport) {
        let out_path = self.plan.output.join(&found.rel);
        let mut entry = self.entry(found, Status::Redacted, None);
        entry.bytes = Some(text.text.len() as u64);
        entry.input_sha256 = Some(text.input_sha256.clone());
        let output_sha256 = sha256_hex(redaction.output.as_bytes());
        let mut report = FileReport::new(
            entry.input.clone(),
            Some(out_path.display().to_string()),
            redaction.changes,
        );
        if let Some(assess) = self.assess {
            let remaining = self.engine.detect(&redaction.output);
            let changes = std::mem::take(&mut report.findings);
            assess.fill(
                &mut report,
                &text.text,
                &changes,
                &redaction.output,
                &remaining,
            );
            report.findings = changes;
        }
        entry.counts = report.counts.clone();
        let up_to_date = self.previous.get(&entry.path).is_some_and(|prev| {
            matches!(prev.status, Status::Redacted | Status::Resumed)
                && prev.input_sha256.as_deref() == Some(text.input_sha256.as_str())
                && prev.output_sha256.as_deref() == Some(output_sha256.as_str())
                && std::fs::read(&out_path).is_ok_and(|b| sha256_hex(&b) == output_sha256)
        });
        // In place, a completed file already holds its redacted text (redacting it
        // changes nothing) and its original is in the backup: nothing to write.
        let done_in_place = output_sha256 == text.input_sha256
            && self
                .plan
                .backup
                .as_ref()
                .is_some_and(|backup| backup.join(&found.rel).is_file());
        if done_in_place {
            let prev = self.previous.get(&entry.path);
            if let Some(original) = prev.filter(|p| p.output_sha256 == entry.input_sha256) {
                entry.input_sha256 = original.input_sha256.clone();
            }
        }
        let result = if up_to_date || done_in_place {
            entry.status = Status::Resumed;
            Ok(())
        } else {
            self.store(&found.rel, &out_path, &text.text, &redaction.output)
        };
        match result {
            Ok(()) => {
                entry.output = Some(out_path.display().to_string());
                entry.output_sha256 = Some(output_sha256);
            }
            Err(e) => {
                entry.status = Status::Failed;
                entry.error = Some(e.to_string());
            }
        }
        (entry, report)
    }

    fn store(&self, rel: &Path, out_path: &Path, original: &str, output: &str) -> Result<()> {
        let mkdir = |path: &Path| -> Result<()> {
            match path.parent() {
                Some(parent) => std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                    path: parent.to_path_buf(),
                    source,
                }),
                None => Ok(()),
            }
        };
        if let Some(backup) = &self.plan.backup {
            let backup_path = backup.join(rel);
            mkdir(&backup_path)?;
            atomic::write_new(&backup_path, original.as_bytes(), true)?;
        }
        mkdir(out_path)?;
        if self.plan.backup.is_some() {
            // In place: the input is replaced, so its backup and the new text must be
            // on disk before the rename, file by file.
            crate::io::write_atomic(out_path, output.as_bytes(), false)
        } else {
            atomic::write_unsynced(out_path, output.as_bytes())
        }
    }
}

/// One file in the run report: the `casescrub.report/1` file entry plus run fields.
#[derive(Serialize)]
struct ReportEntry<'a> {
    #[serde(flatten)]
    file: &'a FileReport,
    status: Status,
    error: Option<&'a str>,
    input_sha256: Option<&'a str>,
    output_sha256: Option<&'a str>,
}

/// Streams the report: entries arrive in any order and are written in path order.
struct ReportSink {
    inner: Mutex<SinkState>,
}

struct SinkState {
    file: AtomicFile,
    path: PathBuf,
    next: usize,
    waiting: BTreeMap<usize, String>,
    /// Per-file coverage and risk, kept for the run sections (by path order).
    assessed: BTreeMap<usize, FileReport>,
}

impl ReportSink {
    fn create(path: &Path, policy: Option<&str>) -> Result<Self> {
        let mut file = AtomicFile::create(path, true)?;
        let policy = match policy {
            Some(name) => format!(",\"policy\":{}", serde_json::to_string(name).expect("str")),
            None => String::new(),
        };
        let head = format!(
            "{{\"schema\":{},\"sensitive\":{}{policy},\"files\":[",
            serde_json::to_string(crate::report::SCHEMA).expect("str"),
            serde_json::to_string(SENSITIVE_NOTE).expect("str")
        );
        file.write_all(head.as_bytes())
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(ReportSink {
            inner: Mutex::new(SinkState {
                file,
                path: path.to_path_buf(),
                next: 0,
                waiting: BTreeMap::new(),
                assessed: BTreeMap::new(),
            }),
        })
    }

    fn push(&self, index: usize, entry: String, file: &FileReport) -> Result<()> {
        let mut st = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        st.waiting.insert(index, entry);
        if file.coverage.is_some() || file.risk.is_some() {
            let mut kept = FileReport::new(file.input.clone(), None, Vec::new());
            kept.coverage = file.coverage.clone();
            kept.risk = file.risk.clone();
            st.assessed.insert(index, kept);
        }
        loop {
            let next = st.next;
            let Some(entry) = st.waiting.remove(&next) else {
                return Ok(());
            };
            let sep = if next == 0 { "\n" } else { ",\n" };
            let SinkState { file, path, .. } = &mut *st;
            file.write_all(sep.as_bytes())
                .and_then(|_| file.write_all(entry.as_bytes()))
                .map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
            st.next += 1;
        }
    }

    fn finish(self, assess: Option<&crate::assess::Assess>) -> Result<()> {
        let mut st = self.inner.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut tail = String::from("\n]");
        if let Some(assess) = assess {
            let files: Vec<FileReport> = std::mem::take(&mut st.assessed).into_values().collect();
            let (coverage, risk) = assess.totals(&files);
            if let Some(c) = coverage {
                tail.push_str(",\"coverage\":");
                tail.push_str(&serde_json::to_string(&c).expect("coverage serializes"));
            }
            if let Some(r) = risk {
                tail.push_str(",\"risk\":");
                tail.push_str(&serde_json::to_string(&r).expect("risk serializes"));
            }
        }
        tail.push_str("}\n");
        st.file
            .write_all(tail.as_bytes())
            .map_err(|source| Error::Io {
                path: st.path.clone(),
                source,
            })?;
        st.file.commit()
    }
}
