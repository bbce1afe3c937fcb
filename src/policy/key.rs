//! Secret keys for pseudonyms, surrogates and date shifts.
//!
//! A key is 32 random bytes stored as 64 hex digits in a file created with mode
//! 0600. Every use is an HMAC-SHA-256 under the key with a purpose label, so the
//! same key never yields related values for different purposes, and without the
//! key a token reveals nothing about the value. A key is never printed: its
//! `Debug` shows `Key(<redacted>)` and errors name only the file.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// Key length in bytes.
pub const KEY_BYTES: usize = 32;

/// A secret key.
#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; KEY_BYTES]);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

/// Why a key file could not be used. Messages never contain key material.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The file could not be read or written.
    #[error("key file {path}: {source}")]
    Io {
        /// The key file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file does not hold a key.
    #[error("key file {path}: {reason}; create a key with `casescrub keygen {path}`")]
    Invalid {
        /// The key file.
        path: String,
        /// What is wrong (never the content).
        reason: String,
    },
    /// `keygen` refuses to replace a key: every token made with it would be lost.
    #[error("key file {path} already exists; refusing to overwrite a key (tokens made with it could no longer be reproduced)")]
    Exists {
        /// The key file.
        path: String,
    },
    /// The operating system has no randomness to offer.
    #[error("cannot get random bytes from the operating system: {0}")]
    Random(String),
}

impl Key {
    /// A key from the operating system's random source.
    pub fn generate() -> Result<Key, KeyError> {
        let mut bytes = [0u8; KEY_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(Key(bytes))
    }

    /// A key made from known bytes (tests, or a seed kept in a vault).
    pub fn from_bytes(bytes: [u8; KEY_BYTES]) -> Key {
        Key(bytes)
    }

    /// Parses 64 hex digits (surrounding whitespace allowed).
    pub fn from_hex(text: &str) -> Option<Key> {
        let t = text.trim();
        if t.len() != KEY_BYTES * 2 {
            return None;
        }
        let mut bytes = [0u8; KEY_BYTES];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(t.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Key(bytes))
    }

    /// The key as 64 lower-case hex digits (only ever written to 0600 files).
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    /// Reads a key file written by [`Key::create_file`].
    pub fn read_file(path: &Path) -> Result<Key, KeyError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| KeyError::Io {
            path: shown.clone(),
            source,
        })?;
        Key::from_hex(&text).ok_or(KeyError::Invalid {
            path: shown,
            reason: format!("expected {} hex digits", KEY_BYTES * 2),
        })
    }

    /// Whether the key file can be read by other users (it should be mode 0600).
    pub fn file_is_shared(path: &Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            false
        }
    }

    /// Generates a key and writes it to a new file with mode 0600; never replaces a file.
    pub fn create_file(path: &Path) -> Result<Key, KeyError> {
        let shown = path.display().to_string();
        let key = Key::generate()?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                KeyError::Exists {
                    path: shown.clone(),
                }
            } else {
                KeyError::Io {
                    path: shown.clone(),
                    source,
                }
            }
        })?;
        let io = |source| KeyError::Io {
            path: shown.clone(),
            source,
        };
        file.write_all(format!("{}\n", key.to_hex()).as_bytes())
            .map_err(io)?;
        file.sync_all().map_err(io)?;
        Ok(key)
    }

    /// HMAC-SHA-256 under this key of `purpose` and `parts`, each length-prefixed so
    /// that no two different inputs share a message.
    pub fn mac(&self, purpose: &str, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key");
        for part in std::iter::once(purpose.as_bytes()).chain(parts.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }

    /// A key derived from this one for another purpose.
    pub fn derive(&self, purpose: &str) -> Key {
        Key(self.mac(purpose, &[]))
    }
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc4231_case_2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn hex_round_trip_and_debug_hides_key() {
        let k = Key::from_bytes([7; 32]);
        assert_eq!(Key::from_hex(&k.to_hex()).unwrap(), k);
        assert_eq!(format!("{k:?}"), "Key(<redacted>)");
        assert!(Key::from_hex("abc").is_none());
        assert!(Key::from_hex(&"zz".repeat(32)).is_none());
    }

    #[test]
    fn mac_depends_on_key_purpose_and_part_boundaries() {
        let (a, b) = (Key::from_bytes([1; 32]), Key::from_bytes([2; 32]));
        assert_ne!(a.mac("p", &[b"x"]), b.mac("p", &[b"x"]));
        assert_ne!(a.mac("p", &[b"x"]), a.mac("q", &[b"x"]));
        assert_ne!(a.mac("p", &[b"ab", b"c"]), a.mac("p", &[b"a", b"bc"]));
        assert_eq!(a.mac("p", &[b"x"]), a.mac("p", &[b"x"]));
    }

    #[test]
    fn create_file_is_private_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let key = Key::create_file(&path).unwrap();
        assert_eq!(Key::read_file(&path).unwrap(), key);
        assert!(!Key::file_is_shared(&path));
        assert!(matches!(
            Key::create_file(&path),
            Err(KeyError::Exists { .. })
        ));
    }
}
