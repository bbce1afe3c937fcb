//! Keyed pseudonyms: `[KIND-TOKEN]`, where the token is the start of
//! HMAC-SHA-256(key, kind + normalized value) in upper-case hex. The same value gets
//! the same token in every file, on every machine, in any order, with no shared
//! state; without the key a token reveals nothing about the value (it is a MAC,
//! not a bare hash that could be reversed by hashing candidate names).

use super::key::{hex, Key};
use crate::kind::Kind;
use crate::normalize::value_key;

/// Default token length in hex digits (32 bits).
pub const DEFAULT_LENGTH: usize = 8;

/// The pseudonym of `text` of `kind` under `key`, with `length` hex digits.
pub fn pseudonym(key: &Key, kind: Kind, text: &str, length: usize) -> String {
    pseudonym_for_value(key, kind, &value_key(kind, text), length)
}

/// The pseudonym of an already-normalized value (the numbering key that joins a
/// person's mentions: "Ms. Lopez" under the key of "Maria Lopez").
pub fn pseudonym_for_value(key: &Key, kind: Kind, value: &str, length: usize) -> String {
    let mac = key.mac(
        "casescrub/pseudonym/v1",
        &[kind.as_str().as_bytes(), value.as_bytes()],
    );
    let token = hex(&mac).to_uppercase();
    format!("[{kind}-{}]", &token[..length.clamp(1, 64)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_normalized_and_keyed() {
        let a = Key::from_bytes([1; 32]);
        let b = Key::from_bytes([2; 32]);
        let t = pseudonym(&a, Kind::Person, "Maria Lopez", 8);
        assert_eq!(t.len(), "[PERSON-]".len() + 8);
        assert_eq!(t, pseudonym(&a, Kind::Person, "MARIA  LOPEZ's", 8));
        assert_ne!(t, pseudonym(&b, Kind::Person, "Maria Lopez", 8));
        assert_ne!(t, pseudonym(&a, Kind::Person, "Mario Lopez", 8));
        // The kind is part of the message: same text, other kind, other token.
        assert_ne!(
            t[8..],
            pseudonym(&a, Kind::Org, "Maria Lopez", 8)[5..].to_string()
        );
        assert_eq!(
            pseudonym(&a, Kind::Date, "6/18/02", 6),
            pseudonym(&a, Kind::Date, "June 18, 2002", 6)
        );
    }
}
