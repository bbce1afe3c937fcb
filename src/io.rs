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
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
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
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
