//! Redacts a text of any size in bounded memory, window by window, with output
//! identical to redacting the whole text at once.
//!
//! Each window holds `overlap` bytes already written (context looking back), the
//! next `chunk` bytes, and `overlap` bytes beyond (context looking ahead). Findings
//! are detected on the whole window, but only those starting in the middle part are
//! applied; the rest wait for the next window, which starts `overlap` bytes before
//! the first byte not yet written. The overlap is larger than the longest possible
//! match plus the widest context window, so every finding is seen whole and with its
//! full context, exactly as on the whole text (tests compare the two on every
//! fixture and on generated documents cut at every size). The entity pass links
//! bare mentions of a name to its full form across the document; streamed, the full
//! names of each window are carried forward ([`crate::entities::KnownNames`]), so
//! only a bare mention more than a window (8 MiB by default) *before* the full name
//! is missed.

use crate::error::Result;
use crate::redact::{redact_range, Change, Redaction, Replacer};
use crate::resolve::Finding;
use crate::Scrubber;

/// Window sizes, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunking {
    /// Bytes committed per window.
    pub chunk: usize,
    /// Bytes of context kept before and read after each chunk.
    pub overlap: usize,
}

/// The default chunk: 8 MiB. A text up to this size is redacted in one window,
/// exactly as a whole; longer texts are cut into windows. The pattern rules only
/// look at a bounded neighbourhood, so they give the same result in any window; the
/// entity pass's propagation ("every later mention of a name found earlier") only
/// links mentions within one window.
pub const DEFAULT_CHUNK: usize = 8 << 20;

/// The smallest overlap used, and the one used when some rule's regex has no upper
/// bound on its match length (64 KiB, far longer than any identifier).
pub const MIN_OVERLAP: usize = 64 * 1024;

impl Chunking {
    /// Chunks of [`DEFAULT_CHUNK`] with an overlap of twice the longest possible
    /// match plus the widest context window of `scrubber`'s rules (at least
    /// [`MIN_OVERLAP`], to leave room for folded look-alike characters).
    pub fn for_scrubber(scrubber: &Scrubber) -> Self {
        let m = scrubber.matcher();
        let needed = m
            .longest_match()
            .map_or(0, |l| 2 * (l + 2 * m.widest_context()) + 64);
        Chunking {
            chunk: DEFAULT_CHUNK,
            overlap: needed.max(MIN_OVERLAP),
        }
    }
}

/// Line and character column at a byte position, advanced over the text that is
/// dropped from the front of the window (same rules as the report: `\n`, `\r\n` or
/// a lone `\r` ends a line).
#[derive(Debug, Clone, Copy)]
struct Position {
    line: usize,
    column: usize,
}

impl Position {
    fn advance(&mut self, bytes: &[u8], next: Option<u8>) {
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => (self.line, self.column) = (self.line + 1, 0),
                b'\r' if bytes.get(i + 1).copied().or(next) != Some(b'\n') => {
                    (self.line, self.column) = (self.line + 1, 0)
                }
                b if b & 0xC0 != 0x80 => self.column += 1,
                _ => {}
            }
        }
    }
}

/// Redacts the text that `read` supplies, handing the output to `write` piece by
/// piece and every change (offsets, line and column in the whole text) to
/// `on_change`.
///
/// `read(buf, n)` appends at least `n` bytes of text to `buf` (fewer only at the end)
/// and returns `false` once the input is exhausted. `detect` finds the findings of a
/// window (the scrubber's, after a policy's lists); `replacer` rewrites them.
pub fn redact_chunks(
    chunking: Chunking,
    detect: &mut dyn FnMut(&str) -> Vec<Finding>,
    replacer: &mut dyn Replacer,
    read: &mut dyn FnMut(&mut String, usize) -> Result<bool>,
    write: &mut dyn FnMut(&str) -> Result<()>,
    on_change: &mut dyn FnMut(Change),
) -> Result<()> {
    let chunk = chunking.chunk.max(4);
    let overlap = chunking.overlap;
    let mut buf = String::new();
    // Absolute offset of buf[0]; the next byte to write; line/column at buf[0].
    let mut buf_start = 0usize;
    let mut cursor = 0usize;
    let mut base = Position { line: 1, column: 0 };
    let mut more = true;
    loop {
        let want = cursor + chunk + overlap;
        while more && buf_start + buf.len() < want {
            let need = want - buf_start - buf.len();
            more = read(&mut buf, need)?;
        }
        let rel_cursor = cursor - buf_start;
        let rel_cut = if more {
            floor_char(&buf, buf.len() - overlap)
        } else {
            buf.len()
        };
        let findings = detect(&buf);
        let first = findings.partition_point(|f| f.start < rel_cursor);
        let last = findings.partition_point(|f| f.start < rel_cut);
        let limit = findings.get(last).map_or(buf.len(), |f| f.start);
        let redaction = redact_range(&buf, &findings[first..last], replacer, rel_cursor, limit);
        let done_to = redaction.changes.last().map_or(0, |c| c.end).max(rel_cut);
        // The output after the last change is the input copied verbatim.
        let tail = buf.len() - done_to;
        write(&redaction.output[..redaction.output.len() - tail])?;
        for mut c in redaction.changes {
            if c.line == 1 {
                c.column += base.column;
            }
            c.line += base.line - 1;
            c.start += buf_start;
            c.end += buf_start;
            on_change(c);
        }
        cursor = buf_start + done_to;
        if !more && done_to == buf.len() {
            return Ok(());
        }
        // Keep `overlap` bytes before the cursor as context for the next window.
        let mut keep = floor_char(&buf, done_to.saturating_sub(overlap));
        if keep > 0 && buf.as_bytes()[keep - 1] == b'\r' && buf.as_bytes().get(keep) == Some(&b'\n')
        {
            keep -= 1;
        }
        base.advance(&buf.as_bytes()[..keep], buf.as_bytes().get(keep).copied());
        buf.drain(..keep);
        buf_start += keep;
    }
}

/// Largest char boundary of `text` at or below `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Redacts `text` window by window (as a stream would be) and collects the result:
/// the same [`Redaction`] as [`Scrubber::redact`], which tests check.
pub fn redact_str_chunked(
    scrubber: &Scrubber,
    text: &str,
    numbering: &mut crate::Numbering,
    chunking: Chunking,
) -> Redaction {
    let secrets = crate::policy::Secrets::default();
    let mut rewriter =
        crate::policy::Rewriter::new(crate::policy::CompiledPolicy::strict(), &secrets, numbering);
    let mut pos = 0;
    let mut read = |buf: &mut String, n: usize| {
        let end = ceil_char(text, (pos + n).min(text.len()));
        buf.push_str(&text[pos..end]);
        pos = end;
        Ok(pos < text.len())
    };
    let mut output = String::with_capacity(text.len());
    let mut known = crate::entities::KnownNames::default();
    let mut changes = Vec::new();
    redact_chunks(
        chunking,
        &mut |window| scrubber.detect_known(window, &mut known),
        &mut rewriter,
        &mut read,
        &mut |piece| {
            output.push_str(piece);
            Ok(())
        },
        &mut |c| changes.push(c),
    )
    .expect("reading from and writing to memory cannot fail");
    Redaction { output, changes }
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
