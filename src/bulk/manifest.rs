//! The manifest: one JSON line per file of a folder run (no identifying values, only
//! paths, hashes, counts and status), appended as files finish so an interrupted run
//! can be resumed, and rewritten sorted when the run ends.

use crate::error::{Error, Result};
use crate::kind::Kind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Schema identifier of manifest lines.
pub const SCHEMA: &str = "casescrub.manifest/1";

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Redacted and written.
    Redacted,
    /// `--resume`: the existing output already matches; not rewritten.
    Resumed,
    /// Not processed on purpose (symbolic links); `error` says why.
    Skipped,
    /// Could not be processed; `error` says why. The run's exit code is non-zero.
    Failed,
}

/// One manifest line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Path relative to the input folder, `/`-separated.
    pub path: String,
    /// The input file as given on the command line.
    pub input: String,
    /// The output file, when one was written (or is up to date).
    pub output: Option<String>,
    /// SHA-256 of the input bytes, when they could be read.
    pub input_sha256: Option<String>,
    /// SHA-256 of the output bytes.
    pub output_sha256: Option<String>,
    /// Input size in bytes.
    pub bytes: Option<u64>,
    /// Findings per kind.
    pub counts: BTreeMap<Kind, usize>,
    /// What happened.
    pub status: Status,
    /// Why it failed or was skipped.
    pub error: Option<String>,
}

/// Reads a manifest; later lines for the same path win, and a torn last line (an
/// interrupted write) is ignored. A missing file is an empty manifest.
pub fn load(path: &Path) -> Result<HashMap<String, ManifestEntry>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(io(e)),
    };
    let mut entries = HashMap::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(io)?;
        if let Ok(entry) = serde_json::from_str::<ManifestEntry>(&line) {
            entries.insert(entry.path.clone(), entry);
        }
    }
    Ok(entries)
}

/// Appends lines to a manifest as files finish (each line flushed whole).
#[derive(Debug)]
pub struct Appender {
    path: PathBuf,
    file: Mutex<File>,
}

impl Appender {
    /// Opens `path` for appending (truncating it unless `keep`), mode 0600.
    pub fn open(path: &Path, keep: bool) -> Result<Self> {
        let mut options = std::fs::OpenOptions::new();
        options.create(true);
        if keep {
            options.append(true);
        } else {
            options.write(true).truncate(true);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Appender {
            path: path.to_path_buf(),
            file: Mutex::new(file),
        })
    }

    /// Appends one entry as a single write.
    pub fn append(&self, entry: &ManifestEntry) -> Result<()> {
        let mut line = serde_json::to_string(entry).expect("manifest entry serializes");
        line.push('\n');
        let mut file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        file.write_all(line.as_bytes())
            .and_then(|_| file.flush())
            .map_err(|source| Error::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// Replaces the log with `entries`, one line each, atomically (mode 0600).
    pub fn finish(self, entries: &[ManifestEntry]) -> Result<()> {
        let mut text = String::new();
        for e in entries {
            text.push_str(&serde_json::to_string(e).expect("manifest entry serializes"));
            text.push('\n');
        }
        drop(self.file);
        crate::io::write_atomic(&self.path, text.as_bytes(), true)
    }
}
