//! Streaming atomic output: bytes go to a temporary file next to the target, which
//! is renamed over the target only when everything was written and flushed.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// A file being written; nothing appears at the target path until [`AtomicFile::commit`].
/// Dropping it without committing deletes the temporary file.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    private: bool,
    writer: BufWriter<NamedTempFile>,
    _in_flight: InFlight,
}

/// Temporary files being written, removed by [`remove_temporaries`] so an
/// interrupted run leaves no partial file behind.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Deletes every temporary file still being written and returns how many there
/// were. The binary calls it from its Ctrl-C (SIGINT, SIGTERM) handler before it
/// exits; the library itself never installs handlers, prints or exits. Files
/// already committed, and the manifest lines written for them, stay: `--resume`
/// finishes the rest.
pub fn remove_temporaries() -> usize {
    let paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    for path in paths.iter() {
        let _ = std::fs::remove_file(path);
    }
    paths.len()
}

fn track(path: &Path, in_flight: bool) {
    let mut paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    if in_flight {
        paths.push(path.to_path_buf());
    } else if let Some(i) = paths.iter().position(|p| p == path) {
        paths.swap_remove(i);
    }
}

/// Keeps a temporary file on the interrupt list while it exists.
#[derive(Debug)]
struct InFlight(PathBuf);

impl Drop for InFlight {
    fn drop(&mut self) {
        track(&self.0, false);
    }
}

impl AtomicFile {
    /// Starts writing `path` (its folder must exist). With `private`, mode 0600.
    pub fn create(path: &Path, private: bool) -> Result<Self> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".casescrub-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source: crate::io::without_temporary_path(source),
            })?;
        track(tmp.path(), true);
        Ok(AtomicFile {
            _in_flight: InFlight(tmp.path().to_path_buf()),
            path: path.to_path_buf(),
            private,
            writer: BufWriter::with_capacity(1 << 16, tmp),
        })
    }

    /// Flushes, syncs, sets the mode and renames the temporary file over the target.
    pub fn commit(self) -> Result<()> {
        self.finish(true)
    }

    /// Like [`commit`](Self::commit), but fails if the target already exists.
    pub fn commit_new(self) -> Result<()> {
        self.finish(false)
    }

    /// Shared tail of [`commit`](Self::commit) and [`commit_new`](Self::commit_new).
    fn finish(self, replace: bool) -> Result<()> {
        let path = self.path;
        let io = |source| Error::Io {
            path: path.clone(),
            source: crate::io::without_temporary_path(source),
        };
        let tmp = self.writer.into_inner().map_err(|e| io(e.into_error()))?;
        tmp.as_file().sync_all().map_err(io)?;
        set_mode(tmp.path(), self.private).map_err(io)?;
        if replace {
            tmp.persist(&path).map_err(|e| io(e.error))?;
        } else {
            tmp.persist_noclobber(&path).map_err(|e| io(e.error))?;
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.writer.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, private: bool) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if private { 0o600 } else { 0o644 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _private: bool) -> std::io::Result<()> {
    Ok(())
}

/// Writes `contents` to a new file at `path`, failing if it exists (mode 0600 with `private`).
pub fn write_new(path: &Path, contents: &[u8], private: bool) -> Result<()> {
    let mut file = AtomicFile::create(path, private)?;
    file.write_all(contents).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    file.commit_new()
}

/// Writes `contents` to `path` through a temporary file and a rename, without
/// waiting for the disk: atomic if the process dies, durable only after
/// [`sync_filesystem`]. Folder mode uses this and syncs once at the end of the run,
/// instead of one fsync per file (which made a run of small files disk-bound).
pub fn write_unsynced(path: &Path, contents: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source: crate::io::without_temporary_path(source),
    };
    let mut file = AtomicFile::create(path, false)?;
    file.write_all(contents).map_err(io)?;
    let tmp = file.writer.into_inner().map_err(|e| io(e.into_error()))?;
    set_mode(tmp.path(), false).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Flushes everything written to the filesystem holding `path` to disk.
pub fn sync_filesystem(path: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = std::fs::File::open(path).map_err(io)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: `dir` is an open file descriptor for the duration of the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(io(std::io::Error::last_os_error()));
        }
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        // SAFETY: sync() takes no arguments and cannot fail.
        unsafe { libc::sync() };
    }
    dir.sync_all().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_appears_until_commit_and_drop_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        let mut f = AtomicFile::create(&target, false).unwrap();
        f.write_all(b"half").unwrap();
        assert!(!target.exists());
        drop(f);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let mut f = AtomicFile::create(&target, false).unwrap();
        f.write_all(b"whole").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"whole");
        assert!(write_new(&target, b"again", true).is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"whole");
    }
}
