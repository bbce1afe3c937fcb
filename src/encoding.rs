//! Text encodings in and out, streamed in bounded memory.
//!
//! Input: UTF-8 (a BOM is kept as part of the text, so it is written back), UTF-16
//! with a BOM (decoded; written back as UTF-16 with the same BOM, or as UTF-8 when
//! asked), and any encoding named with `--encoding` (`windows-1252`, `latin1`,
//! `iso-8859-15`, `utf-16le`, ...; the labels of the WHATWG Encoding Standard, via
//! `encoding_rs`). Decoding is strict: a byte sequence that does not decode is an
//! error naming the file and the byte offset, never a silent replacement. NUL bytes
//! mean binary input and are refused.

use crate::error::{Error, Result};
pub use encoding_rs::Encoding;
use encoding_rs::{Decoder, DecoderResult, Encoder, EncoderResult};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The encoding a text came in, and so the one it is written back in by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The encoding (`UTF_8`, `UTF_16LE`, `UTF_16BE`, `WINDOWS_1252`, ...).
    pub encoding: &'static Encoding,
    /// Whether the input began with a UTF-16 byte-order mark (a UTF-8 BOM is kept in
    /// the decoded text itself).
    pub utf16_bom: bool,
}

impl Source {
    /// Plain UTF-8.
    pub const UTF8: Source = Source {
        encoding: encoding_rs::UTF_8,
        utf16_bom: false,
    };

    /// The encoding's name, e.g. `UTF-16LE`.
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }
}

/// Resolves an `--encoding` label (case-insensitive; `latin1` and `iso-8859-1` mean
/// windows-1252, as in the WHATWG standard, which decodes every byte).
pub fn for_label(label: &str) -> std::result::Result<&'static Encoding, String> {
    match Encoding::for_label_no_replacement(label.trim().as_bytes()) {
        Some(e) => Ok(e),
        None => Err(format!(
            "unknown encoding `{label}`; try utf-8, windows-1252, latin1, iso-8859-15, utf-16le or utf-16be"
        )),
    }
}

/// How much input to read at a time.
const READ_SIZE: usize = 64 * 1024;

/// Decodes a file (or stdin) incrementally, strictly.
pub struct TextReader {
    inner: Box<dyn Read>,
    path: PathBuf,
    decoder: Decoder,
    source: Source,
    /// Undecoded input bytes; the first is at input offset `offset`.
    pending: Vec<u8>,
    offset: u64,
    eof: bool,
    done: bool,
}

impl std::fmt::Debug for TextReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextReader")
            .field("path", &self.path)
            .field("source", &self.source)
            .field("offset", &self.offset)
            .finish_non_exhaustive()
    }
}

impl TextReader {
    /// Opens `path` (`-` is stdin). `label` is the encoding to assume when the
    /// input has no byte-order mark (default UTF-8); a BOM wins over it.
    pub fn open(path: &Path, label: Option<&'static Encoding>) -> Result<Self> {
        let inner: Box<dyn Read> = if path == Path::new("-") {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?)
        };
        Self::new(path, inner, label)
    }

    /// Reads from `inner`, naming it `path` in errors.
    pub fn new(
        path: &Path,
        mut inner: Box<dyn Read>,
        label: Option<&'static Encoding>,
    ) -> Result<Self> {
        let mut head = Vec::with_capacity(3);
        (&mut inner)
            .take(3)
            .read_to_end(&mut head)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        let (source, skip) = match head.as_slice() {
            [0xFF, 0xFE, ..] => (
                Source {
                    encoding: encoding_rs::UTF_16LE,
                    utf16_bom: true,
                },
                2,
            ),
            [0xFE, 0xFF, ..] => (
                Source {
                    encoding: encoding_rs::UTF_16BE,
                    utf16_bom: true,
                },
                2,
            ),
            [0xEF, 0xBB, 0xBF] => (Source::UTF8, 0),
            _ => (
                Source {
                    encoding: label.unwrap_or(encoding_rs::UTF_8),
                    utf16_bom: false,
                },
                0,
            ),
        };
        Ok(TextReader {
            inner,
            path: path.to_path_buf(),
            // Without BOM handling: a UTF-8 BOM decodes to U+FEFF and stays in the text.
            decoder: source.encoding.new_decoder_without_bom_handling(),
            source,
            pending: head[skip..].to_vec(),
            offset: skip as u64,
            eof: false,
            done: false,
        })
    }

    /// The input's encoding.
    pub fn source(&self) -> Source {
        self.source
    }

    /// Appends at least `min` bytes of decoded text to `out` (fewer only at the end
    /// of input); returns `false` once the whole input has been decoded.
    pub fn read_into(&mut self, out: &mut String, min: usize) -> Result<bool> {
        let target = out.len() + min;
        while !self.done && out.len() < target {
            if self.pending.is_empty() && !self.eof {
                self.fill()?;
            }
            self.check_binary()?;
            let need = self
                .decoder
                .max_utf8_buffer_length_without_replacement(self.pending.len())
                .unwrap_or(self.pending.len() * 3 + 16);
            out.reserve(need.max(16));
            let (result, read) =
                self.decoder
                    .decode_to_string_without_replacement(&self.pending, out, self.eof);
            match result {
                DecoderResult::InputEmpty => {
                    self.consume(read);
                    if self.eof {
                        self.done = true;
                    }
                }
                DecoderResult::OutputFull => self.consume(read),
                DecoderResult::Malformed(bad, extra) => {
                    let offset = self.offset + read as u64 - u64::from(bad) - u64::from(extra);
                    // A binary file usually fails to decode before its first NUL: look
                    // a little further so it is called binary, not mis-encoded text.
                    if !self.eof {
                        self.fill()?;
                    }
                    self.check_binary()?;
                    return Err(self.malformed(offset));
                }
            }
        }
        Ok(!self.done)
    }

    /// Reads the rest of the input into one string.
    pub fn read_to_string(&mut self) -> Result<String> {
        let mut text = String::new();
        while self.read_into(&mut text, READ_SIZE)? {}
        Ok(text)
    }

    fn consume(&mut self, read: usize) {
        self.pending.drain(..read);
        self.offset += read as u64;
    }

    fn fill(&mut self) -> Result<()> {
        let mut buf = vec![0; READ_SIZE];
        loop {
            match self.inner.read(&mut buf) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.pending.extend_from_slice(&buf[..n]);
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(Error::Io {
                        path: self.path.clone(),
                        source,
                    })
                }
            }
        }
    }

    /// Refuses NUL bytes (UTF-16: NUL code units) in the pending input.
    fn check_binary(&self) -> Result<()> {
        let nul = if self.is_utf16() {
            // Code units start at even input offsets (a UTF-16 BOM is two bytes).
            let first = (self.offset % 2) as usize;
            self.pending[first..]
                .chunks_exact(2)
                .position(|u| u == [0, 0])
                .map(|i| first + 2 * i)
        } else {
            self.pending.iter().position(|&b| b == 0)
        };
        match nul {
            Some(i) => Err(Error::Binary {
                path: self.path.clone(),
                offset: (self.offset + i as u64) as usize,
            }),
            None => Ok(()),
        }
    }

    fn is_utf16(&self) -> bool {
        self.source.encoding == encoding_rs::UTF_16LE
            || self.source.encoding == encoding_rs::UTF_16BE
    }

    fn malformed(&self, offset: u64) -> Error {
        if self.source.encoding == encoding_rs::UTF_8 {
            Error::NotUtf8 {
                path: self.path.clone(),
                offset: offset as usize,
            }
        } else {
            Error::Undecodable {
                path: self.path.clone(),
                encoding: self.source.name(),
                offset: offset as usize,
            }
        }
    }
}

/// Reads all of `path` (`-` is stdin) as text, strictly; see [`TextReader::open`].
pub fn read_text(path: &Path, label: Option<&'static Encoding>) -> Result<(String, Source)> {
    let mut reader = TextReader::open(path, label)?;
    let text = reader.read_to_string()?;
    Ok((text, reader.source()))
}

/// Encodes text incrementally into the encoding it came in (or UTF-8).
pub struct TextWriter<W: Write> {
    inner: W,
    path: PathBuf,
    target: Source,
    encoder: Option<Encoder>,
    started: bool,
    buf: Vec<u8>,
}

impl<W: Write> TextWriter<W> {
    /// Writes to `inner` in `target` (use [`Source::UTF8`] for UTF-8 output), naming
    /// `path` in errors.
    pub fn new(path: &Path, inner: W, target: Source) -> Self {
        let is_utf = matches!(target.encoding.name(), "UTF-8" | "UTF-16LE" | "UTF-16BE");
        TextWriter {
            inner,
            path: path.to_path_buf(),
            target,
            encoder: (!is_utf).then(|| target.encoding.new_encoder()),
            started: false,
            buf: Vec::new(),
        }
    }

    /// Encodes and writes `text`.
    pub fn write(&mut self, text: &str) -> Result<()> {
        self.buf.clear();
        if !self.started {
            self.started = true;
            if self.target.utf16_bom {
                self.buf
                    .extend_from_slice(&utf16_unit(self.target.encoding, 0xFEFF));
            }
        }
        match self.target.encoding.name() {
            "UTF-8" => self.buf.extend_from_slice(text.as_bytes()),
            "UTF-16LE" | "UTF-16BE" => {
                for unit in text.encode_utf16() {
                    self.buf
                        .extend_from_slice(&utf16_unit(self.target.encoding, unit));
                }
            }
            _ => self.encode_legacy(text, false)?,
        }
        let buf = std::mem::take(&mut self.buf);
        let result = self.inner.write_all(&buf);
        self.buf = buf;
        result.map_err(|source| Error::Io {
            path: self.path.clone(),
            source,
        })
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> Result<W> {
        if !self.started && self.target.utf16_bom {
            self.write("")?;
        }
        if self.encoder.is_some() {
            self.buf.clear();
            self.encode_legacy("", true)?;
            let buf = std::mem::take(&mut self.buf);
            self.inner.write_all(&buf).map_err(|source| Error::Io {
                path: self.path.clone(),
                source,
            })?;
        }
        self.inner.flush().map_err(|source| Error::Io {
            path: self.path.clone(),
            source,
        })?;
        Ok(self.inner)
    }

    fn encode_legacy(&mut self, mut text: &str, last: bool) -> Result<()> {
        let Some(encoder) = self.encoder.as_mut() else {
            return Ok(());
        };
        loop {
            let need = encoder
                .max_buffer_length_from_utf8_without_replacement(text.len())
                .unwrap_or(text.len() * 4 + 16);
            self.buf.reserve(need.max(16));
            let (result, read) =
                encoder.encode_from_utf8_to_vec_without_replacement(text, &mut self.buf, last);
            text = &text[read..];
            match result {
                EncoderResult::InputEmpty => return Ok(()),
                EncoderResult::OutputFull => continue,
                EncoderResult::Unmappable(c) => {
                    return Err(Error::Unencodable {
                        path: self.path.clone(),
                        encoding: self.target.name(),
                        character: c,
                    })
                }
            }
        }
    }
}

fn utf16_unit(encoding: &'static Encoding, unit: u16) -> [u8; 2] {
    if encoding == encoding_rs::UTF_16BE {
        unit.to_be_bytes()
    } else {
        unit.to_le_bytes()
    }
}

/// Encodes all of `text` in `target`.
pub fn encode(path: &Path, text: &str, target: Source) -> Result<Vec<u8>> {
    let mut writer = TextWriter::new(path, Vec::with_capacity(text.len()), target);
    writer.write(text)?;
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], label: Option<&str>) -> Result<(String, Source)> {
        let label = label.map(|l| for_label(l).unwrap());
        let mut r = TextReader::new(
            Path::new("t.txt"),
            Box::new(std::io::Cursor::new(bytes.to_vec())),
            label,
        )?;
        let text = r.read_to_string()?;
        Ok((text, r.source()))
    }

    fn round_trip(bytes: &[u8], label: Option<&str>) {
        let (text, source) = decode(bytes, label).unwrap();
        assert_eq!(encode(Path::new("t.txt"), &text, source).unwrap(), bytes);
    }

    #[test]
    fn utf8_bom_and_line_endings_round_trip() {
        round_trip(b"\xEF\xBB\xBFa\r\nb\rc\n", None);
        let (text, source) = decode(b"\xEF\xBB\xBFab", None).unwrap();
        assert_eq!(text, "\u{feff}ab");
        assert_eq!(source, Source::UTF8);
        round_trip(b"", None);
    }

    #[test]
    fn utf16_with_bom_is_decoded_and_written_back() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Jos\u{e9} 6/18/02\r\n\u{1F600}"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let (text, source) = decode(&le, None).unwrap();
        assert_eq!(text, "Jos\u{e9} 6/18/02\r\n\u{1F600}");
        assert_eq!(source.name(), "UTF-16LE");
        round_trip(&le, None);
        let mut be = vec![0xFE, 0xFF];
        be.extend("abc".encode_utf16().flat_map(u16::to_be_bytes));
        round_trip(&be, None);
        round_trip(&[0xFF, 0xFE], None);
    }

    #[test]
    fn windows_1252_round_trips_every_byte_but_nul() {
        let bytes: Vec<u8> = (1..=255).collect();
        round_trip(&bytes, Some("windows-1252"));
        round_trip(&bytes, Some("latin1"));
        let (text, _) = decode(b"Jos\xE9 \x93Q\x94", Some("latin1")).unwrap();
        assert_eq!(text, "Jos\u{e9} \u{201c}Q\u{201d}");
    }

    #[test]
    fn invalid_input_names_the_offset() {
        let err = decode(b"abc\xFFdef", None).unwrap_err().to_string();
        assert!(err.contains("t.txt") && err.contains("offset 3"), "{err}");
        // Truncated multi-byte sequence at the end.
        let err = decode(b"abcd\xE2\x80", None).unwrap_err().to_string();
        assert!(err.contains("offset 4"), "{err}");
        // An unpaired surrogate in UTF-16.
        let err = decode(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0], None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("UTF-16LE") && err.contains("offset 4"),
            "{err}"
        );
        let err = decode(b"ab\0cd", None).unwrap_err().to_string();
        assert!(err.contains("binary") && err.contains("offset 2"), "{err}");
        let err = decode(&[0xFF, 0xFE, b'a', 0, 0, 0], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("binary") && err.contains("offset 4"), "{err}");
    }

    #[test]
    fn offsets_are_exact_across_read_boundaries() {
        let mut bytes = vec![b'a'; READ_SIZE - 1];
        bytes.extend_from_slice("é".as_bytes()); // split across the first read
        bytes.extend_from_slice(b"xyz\xC0");
        let err = decode(&bytes, None).unwrap_err().to_string();
        assert!(err.contains(&format!("offset {}", READ_SIZE + 4)), "{err}");
    }

    #[test]
    fn unmappable_output_is_an_error() {
        let target = Source {
            encoding: for_label("windows-1252").unwrap(),
            utf16_bom: false,
        };
        let err = encode(Path::new("o.txt"), "\u{4e00}", target)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("o.txt") && err.contains("windows-1252"),
            "{err}"
        );
    }
}
