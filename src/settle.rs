//! Settling a finding set: what a second pass over the redacted text would find is
//! found now, so redacting an output again changes nothing.
//!
//! Replacing a value changes the context around it: "SAN FRANCISCO, CALIFORNIA"
//! becomes "[LOCATION-1], CALIFORNIA", where "CALIFORNIA" now reads as a state;
//! "7/2Janet" becomes "[DATE-1]Janet", where "Janet" now starts a word. Each such
//! case is a value the first pass let through. [`settle`] redacts the text, scans
//! the output, maps every new finding back to the input and adds what is not
//! already covered, until a scan finds nothing new (a few rounds at most).
//!
//! A replacement changes the context of its own paragraph only (a line, and what
//! reads across lines: a label above its value, a table's header above its rows),
//! so the rescan reads the paragraphs of the output that hold a change
//! ([`Window`]), not the whole output: about half of a typical case file.

use crate::placeholder::Numbering;
use crate::redact::{self, Change};
use crate::resolve::Finding;

/// Rounds of redact-and-rescan before giving up on a fixed point (each round only
/// adds findings, and real texts settle in one or two).
const MAX_ROUNDS: usize = 4;

/// Adds to `found` (sorted, disjoint findings of `text`) everything `detect` finds
/// in the redacted text that is not part of a replacement, mapped back to `text`.
pub fn settle(
    text: &str,
    mut found: Vec<Finding>,
    detect: impl Fn(&str) -> Vec<Finding>,
) -> Vec<Finding> {
    for _ in 0..MAX_ROUNDS {
        if found.is_empty() {
            break; // nothing replaced: the output is the text, already scanned
        }
        let redaction = redact::redact(text, &found, &mut Numbering::default());
        let map = OutputMap::new(&redaction.changes);
        let window = Window::around(&redaction.output, &map.spans);
        let mut extra = Vec::new();
        for g in detect(window.text(&redaction.output)) {
            let Some((start, end)) = window.to_output(g.start, g.end) else {
                continue;
            };
            let Some((start, end)) = map.to_input(start, end) else {
                continue;
            };
            for (start, end) in uncovered(text, &found, start, end) {
                extra.push(Finding {
                    start,
                    end,
                    ..g.clone()
                });
            }
        }
        if extra.is_empty() {
            break;
        }
        found.extend(extra);
        found.sort_by_key(|f| f.start);
    }
    found
}

/// The parts of `start..end` in `text` outside every finding of `found` that hold
/// a letter or a digit. Where a part meets a finding, its punctuation and spaces
/// go ("[LOCATION-1], CALIFORNIA" adds "CALIFORNIA", not ", CALIFORNIA").
fn uncovered(text: &str, found: &[Finding], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut cursor = (start, false);
    let first = found.partition_point(|f| f.end <= start);
    for f in found[first..].iter().take_while(|f| f.start < end) {
        if f.start > cursor.0 {
            parts.push((cursor, (f.start, true)));
        }
        if f.end > cursor.0 {
            cursor = (f.end, true);
        }
    }
    if cursor.0 < end {
        parts.push((cursor, (end, false)));
    }
    let cut = |c: char| !c.is_alphanumeric();
    parts
        .into_iter()
        .filter_map(|((s, cut_start), (e, cut_end))| {
            let mut piece = &text[s..e];
            let s = if cut_start {
                let t = piece.trim_start_matches(cut);
                let lead = piece.len() - t.len();
                piece = t;
                s + lead
            } else {
                s
            };
            if cut_end {
                piece = piece.trim_end_matches(cut);
            }
            piece
                .contains(char::is_alphanumeric)
                .then_some((s, s + piece.len()))
        })
        .collect()
}

/// Lines of a redacted output that a rescan reads: every paragraph (lines between
/// blank lines) a change touches, whole, so that a table row keeps its header and a
/// value its label; joined by a blank line where paragraphs are left out.
struct Window {
    /// The joined paragraphs; `None` when they are the whole output.
    text: Option<String>,
    /// Each run of lines kept: its offset in `text`, its offset in the output, its length.
    pieces: Vec<(usize, usize, usize)>,
}

impl Window {
    /// The paragraphs of `output` holding one of `spans` (sorted by output offset).
    fn around(output: &str, spans: &[Span]) -> Self {
        let bytes = output.as_bytes();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for s in spans {
            if runs.last().is_some_and(|&(_, end)| s.out_end <= end) {
                continue; // inside the last run already
            }
            let start = paragraph_start(bytes, s.out_start.min(bytes.len()));
            let end = paragraph_end(bytes, s.out_end.min(bytes.len()));
            match runs.last_mut() {
                // Touching or overlapping runs make one.
                Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
                _ => runs.push((start, end)),
            }
        }
        if let [(0, end)] = runs[..] {
            if end == bytes.len() {
                return Window {
                    text: None,
                    pieces: vec![(0, 0, output.len())],
                };
            }
        }
        let mut text = String::with_capacity(runs.iter().map(|r| r.1 - r.0 + 2).sum());
        let mut pieces = Vec::with_capacity(runs.len());
        for (start, end) in runs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            pieces.push((text.len(), start, end - start));
            text.push_str(&output[start..end]);
        }
        Window {
            text: Some(text),
            pieces,
        }
    }

    /// The text to rescan.
    fn text<'a>(&'a self, output: &'a str) -> &'a str {
        self.text.as_deref().unwrap_or(output)
    }

    /// The output span behind `start..end` of [`Window::text`]: cut at the end of
    /// its run (a match across the blank line between two runs is no match of the
    /// output); `None` when it starts between runs.
    fn to_output(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let i = self
            .pieces
            .partition_point(|p| p.0 <= start)
            .checked_sub(1)?;
        let (at, out, len) = self.pieces[i];
        if start >= at + len {
            return None;
        }
        let end = end.min(at + len);
        (start < end).then_some((start - at + out, end - at + out))
    }
}

/// Whether `line` holds nothing but spaces (a paragraph break).
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// The start of the paragraph holding offset `at`: the start of the first line after
/// the nearest blank line before `at`'s line (or of the text).
fn paragraph_start(bytes: &[u8], at: usize) -> usize {
    let mut start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    while start > 0 {
        let prev = bytes[..start - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        if is_blank(&bytes[prev..start - 1]) {
            break;
        }
        start = prev;
    }
    start
}

/// The end of the paragraph holding offset `at` (before the newline that ends its
/// last line, or the end of the text).
fn paragraph_end(bytes: &[u8], at: usize) -> usize {
    let line_end = |from: usize| {
        bytes[from..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| from + i)
    };
    let mut end = line_end(at);
    while end < bytes.len() {
        let next = line_end(end + 1);
        if is_blank(&bytes[end + 1..next]) {
            break;
        }
        end = next;
    }
    end
}

/// Maps spans of a redacted output back to its input through the changes.
struct OutputMap {
    spans: Vec<Span>,
}

/// One change (or one part of it) as input and output ranges.
#[derive(Debug, Clone, Copy)]
struct Span {
    in_start: usize,
    in_end: usize,
    out_start: usize,
    out_end: usize,
    /// The verb a neutral pronoun's change made agree ("She nurses" → "They
    /// nurse"): written by the change, yet a word of the input.
    verb: bool,
}

impl OutputMap {
    fn new(changes: &[Change]) -> Self {
        let mut spans = Vec::with_capacity(changes.len());
        let mut shift: isize = 0;
        for c in changes {
            let out_start = (c.start as isize + shift) as usize;
            let out_end = out_start + c.replacement.len();
            let whole = Span {
                in_start: c.start,
                in_end: c.end,
                out_start,
                out_end,
                verb: false,
            };
            match agreement_spans(c, out_start) {
                Some(parts) => spans.extend(parts),
                None => spans.push(whole),
            }
            shift += c.replacement.len() as isize - (c.end - c.start) as isize;
        }
        OutputMap { spans }
    }

    /// The input span behind output span `start..end`: a change it touches counts
    /// whole. `None` when the span lies inside one replacement (the placeholder
    /// itself, not something the input let through), unless that is an agreeing
    /// verb: then the input's verb ("They nurse": "nurses" is the input's word, and
    /// a finding once rewritten).
    fn to_input(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let i = self.spans.partition_point(|s| s.out_end <= start);
        if let Some(s) = self.spans.get(i) {
            if s.out_start <= start && end <= s.out_end {
                return s.verb.then_some((s.in_start, s.in_end));
            }
        }
        Some((self.point(start, false), self.point(end, true)))
    }

    /// The input offset of output offset `at`; strictly inside a replacement, the
    /// start of its original (or the end, when `is_end`).
    fn point(&self, at: usize, is_end: bool) -> usize {
        // Changes ending at or before `at`.
        let i = self.spans.partition_point(|s| s.out_end <= at);
        if let Some(s) = self.spans.get(i) {
            if s.out_start < at {
                return if is_end { s.in_end } else { s.in_start };
            }
        }
        match i.checked_sub(1).map(|i| self.spans[i]) {
            Some(s) => at - s.out_end + s.in_end,
            None => at,
        }
    }
}

/// The parts of a neutral pronoun's change ("She received it and feels" → "They
/// received it and feel"): the pronoun, then each agreeing verb (marked `verb`).
/// The words between are copied, so they get no span and map back by the shift,
/// like text outside any change: a second pass that finds something there finds it
/// in the input. `None` for any other change (one span, the whole change).
fn agreement_spans(c: &Change, out_start: usize) -> Option<Vec<Span>> {
    let pronoun = c.replacement.split_whitespace().next();
    if !matches!(pronoun, Some("they" | "They" | "THEY")) {
        return None;
    }
    let words = |s: &str| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, ch) in s.char_indices() {
            match (ch.is_whitespace(), start) {
                (true, Some(b)) => {
                    out.push((b, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(b) = start {
            out.push((b, s.len()));
        }
        out
    };
    let (old, new) = (words(&c.original), words(&c.replacement));
    if old.len() != new.len() || old.len() < 2 {
        return None;
    }
    let spans = old
        .iter()
        .zip(&new)
        .enumerate()
        .filter(|(i, (o, n))| *i == 0 || c.original[o.0..o.1] != c.replacement[n.0..n.1])
        .map(|(i, (o, n))| Span {
            in_start: c.start + o.0,
            in_end: c.start + o.1,
            out_start: out_start + n.0,
            out_end: out_start + n.1,
            verb: i > 0,
        })
        .collect();
    Some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scrubber;

    fn scrubber() -> Scrubber {
        Scrubber::with_default_patterns().unwrap()
    }

    #[test]
    fn output_offsets_map_back_through_changes() {
        let text = "on 6/18/02 Janet";
        let s = scrubber();
        let found = s.detect(text);
        let red = redact::redact(text, &found, &mut Numbering::default());
        let map = OutputMap::new(&red.changes);
        // "[DATE-1]" covers output 3..11; inside it maps to nothing.
        assert_eq!(map.to_input(3, 11), None);
        // Text before and after a change maps by the shift.
        assert_eq!(map.to_input(0, 2), Some((0, 2)));
        // A span touching a change takes the change whole.
        assert_eq!(map.to_input(0, 5), Some((0, 10)));
    }

    #[test]
    fn a_found_word_made_by_verb_agreement_is_the_inputs_verb() {
        // "He hes" became "They he": "he" in the output is the input's "hes".
        let text = "He hes/has been";
        let s = scrubber();
        let pronoun = s.detect("He")[0].clone();
        let red = redact::redact(text, &[pronoun], &mut Numbering::default());
        assert_eq!(red.output, "They he/has been");
        let map = OutputMap::new(&red.changes);
        assert_eq!(map.to_input(5, 7), Some((3, 6)));
        // The pronoun's own replacement still maps to nothing.
        assert_eq!(map.to_input(0, 4), None);
        // And settling takes the verb: nothing is made that a second pass finds.
        let settled = s.redact(text, &mut Numbering::default());
        let again = s.redact(&settled.output, &mut Numbering::default());
        assert!(again.changes.is_empty(), "{:?}", again.changes);
    }

    #[test]
    fn words_copied_between_agreeing_verbs_map_to_the_input() {
        let text = "She met the nurse and feels better";
        let pronoun = scrubber().detect("She")[0].clone();
        let red = redact::redact(text, &[pronoun], &mut Numbering::default());
        assert_eq!(red.output, "They met the nurse and feel better");
        let map = OutputMap::new(&red.changes);
        // "nurse" (output 13..18) was copied: a second pass finding it finds the input's.
        assert_eq!(map.to_input(13, 18), Some((12, 17)));
        // The pronoun maps to nothing; the agreeing verb to the input's verb.
        assert_eq!(map.to_input(0, 4), None);
        assert_eq!(map.to_input(23, 27), Some((22, 27)));
    }

    fn span_at(start: usize, end: usize) -> Span {
        Span {
            in_start: start,
            in_end: end,
            out_start: start,
            out_end: end,
            verb: false,
        }
    }

    #[test]
    fn the_window_holds_each_changed_paragraph_whole() {
        let out = "Intro line\n\n| Name | Age |\n|---|---|\n| [PERSON-1] | 4 |\n\nQuiet text.\n\nSeen [DATE-1].";
        let row = out.find("[PERSON-1]").unwrap();
        let date = out.find("[DATE-1]").unwrap();
        let w = Window::around(out, &[span_at(row, row + 10), span_at(date, date + 8)]);
        // The table keeps its header; the paragraphs without a change are left out.
        assert_eq!(
            w.text(out),
            "| Name | Age |\n|---|---|\n| [PERSON-1] | 4 |\n\nSeen [DATE-1]."
        );
        // Window offsets map back to the output, in either paragraph.
        let at = w.text(out).find("Seen").unwrap();
        let seen = out.find("Seen").unwrap();
        assert_eq!(w.to_output(at, at + 4), Some((seen, seen + 4)));
        assert_eq!(w.to_output(0, 6), Some((12, 18)));
        // A match running across the joint is cut at its paragraph's end; one
        // starting in the joint maps to nothing.
        let joint = w.text(out).find("\n\nSeen").unwrap();
        assert_eq!(
            w.to_output(joint - 3, joint + 6),
            Some((row + 13, row + 16))
        );
        assert_eq!(w.to_output(joint + 1, joint + 6), None);
    }

    #[test]
    fn a_window_over_every_paragraph_is_the_output_itself() {
        let out = "Dear [PERSON-1],\nseen on [DATE-1].";
        let w = Window::around(out, &[span_at(5, 15)]);
        assert!(w.text.is_none());
        assert_eq!(w.text(out), out);
        assert_eq!(w.to_output(3, 9), Some((3, 9)));
        // No change: nothing to read.
        assert_eq!(Window::around(out, &[]).text(out), "");
    }

    #[test]
    fn paragraphs_end_at_blank_lines_of_spaces() {
        let text = b"a\nb\n  \t\nc\nd";
        assert_eq!(paragraph_start(text, 2), 0);
        assert_eq!(paragraph_end(text, 0), 3);
        assert_eq!(paragraph_start(text, 10), 8);
        assert_eq!(paragraph_end(text, 8), text.len());
    }

    #[test]
    fn uncovered_parts_skip_findings_and_spaces() {
        let text = "SAN FRANCISCO, CALIFORNIA";
        let f = scrubber().detect("SAN FRANCISCO")[0].clone();
        let parts = uncovered(text, &[f], 0, text.len());
        assert_eq!(parts, vec![(15, 25)]);
        assert_eq!(&text[15..25], "CALIFORNIA");
    }
}
