//! Reading input safely and writing output atomically.

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Reads `path` (or stdin for `-`) as UTF-8 text; refuses binary and invalid UTF-8
/// with an error naming the file and the offending byte offset.
pub fn read_text(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        bytes = std::fs::read(path).map_err(io)?;
    }
    decode(path, bytes)
}

/// Checks `bytes` are text and UTF-8.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Whether `path` is a device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO): such an
/// output is written in place, since renaming a file over it would replace the node.
pub fn is_device_or_pipe(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder is
/// written, flushed and renamed over `path`, so a crash never leaves a partial file.
/// With `private`, the file is readable by its owner only (mode 0600).
pub fn write_atomic(path: &Path, contents: &[u8], private: bool) -> Result<()> {
    write_renamed(path, contents, private, true)
}

/// Like [`write_atomic`], but never replaces a file that exists at `path` when the
/// rename happens (a file created there after any earlier check is kept, and the
/// write fails with "already exists").
pub fn write_atomic_new(path: &Path, contents: &[u8], private: bool) -> Result<()> {
    write_renamed(path, contents, private, false)
}

fn write_renamed(path: &Path, contents: &[u8], private: bool, clobber: bool) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source: without_temporary_path(source),
    };
    // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written in place: renaming
    // a temporary file over it would replace the device node itself.
    if is_device_or_pipe(path) {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(io)?;
        return f.write_all(contents).map_err(io);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".casescrub-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o644 };
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).map_err(io)?;
    }
    #[cfg(not(unix))]
    let _ = private;
    if clobber {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| io(e.error))?;
    }
    Ok(())
}

/// The I/O error without the name of the temporary file the `tempfile` crate adds
/// (`... at path "/out/.casescrub-NRLzuT.tmp"`): errors name the file the user asked
/// for, never casescrub's internal temporaries.
pub(crate) fn without_temporary_path(e: std::io::Error) -> std::io::Error {
    if e.raw_os_error().is_some() || e.get_ref().is_none() {
        return e;
    }
    let text = e.to_string();
    match text.find(" at path \"") {
        Some(i) if text[i..].contains(".casescrub-") => {
            std::io::Error::new(e.kind(), text[..i].to_string())
        }
        _ => e,
    }
}

/// Whether standard output is the file at `path` (same device and inode), as in
/// `casescrub redact notes.txt > notes.txt`: writing would destroy the input, so the
/// caller refuses (as ripgrep does). Always false where this cannot be told.
pub fn stdout_is(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
            return false;
        };
        let (Ok(out), Ok(input)) = (std::fs::File::from(fd).metadata(), std::fs::metadata(path))
        else {
            return false;
        };
        out.is_file() && out.dev() == input.dev() && out.ino() == input.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether `a` and `b` name the same existing file (after resolving links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod write_tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_but_an_existing_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.toml");
        write_atomic_new(&path, b"first", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert!(write_atomic_new(&path, b"second", true).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"first", "kept");
        write_atomic(&path, b"third", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left");
    }
}
