//! The hash of the library's own word sets and label maps: looked up for every
//! word of every text, keyed by our own lists (not attacker-chosen keys), so it
//! trades SipHash's protection for speed.

use std::hash::Hasher;

/// The multiply-rotate hash of rustc's `FxHasher`: a few instructions per 8 bytes.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    /// Mixes in 8 bytes at a time, little-endian, the last chunk zero-padded.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let mut word = [0u8; 8];
            word[..tail.len()].copy_from_slice(tail);
            self.mix(u64::from_le_bytes(word));
        }
    }

    /// The same as `write(&[i])` (the end marker of every hashed `str`), without
    /// the slice.
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
