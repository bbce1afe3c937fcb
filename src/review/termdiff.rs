//! Terminal diffs built from the applied changes, so every changed line is followed
//! by the kind and rule id of each change on it.
//!
//! The diff is computed from the changes themselves, not by a text-diff heuristic:
//! a line is shown as changed exactly when a finding touches it, and the tag lines
//! say which finding did what.

use crate::redact::Change;
use std::fmt::Write as _;

/// How to lay out a terminal diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `-`/`+` lines, like `diff -u`.
    Unified,
    /// Original and redacted text in two columns fitted to `width` characters.
    Side {
        /// Total width of a row, in characters (at least 40 is used).
        width: usize,
    },
}

/// Options for [`render`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Unchanged lines shown around each change.
    pub context: usize,
    /// ANSI colour: removed text red, added text green, changed spans inverted.
    pub color: bool,
    /// Unified or side by side.
    pub layout: Layout,
}

/// A run of text on one line; `marked` when it is part of a change.
type Piece = (String, bool);
/// One display line as pieces.
type Line = Vec<Piece>;

/// A group of consecutive input lines touched by changes.
struct Block {
    /// First input line (0-based).
    first: usize,
    /// Last input line (0-based, inclusive).
    last: usize,
    /// Indices into the changes.
    changes: Vec<usize>,
}

/// Renders the diff of `original` redacted by `changes` (sorted, non-overlapping,
/// as in a [`crate::Redaction`]). Returns an empty string when nothing changed.
pub fn render(original: &str, changes: &[Change], name: &str, opts: Options) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        return out;
    }
    let starts = line_starts(original);
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
    // Blocks of changed lines.
    let mut blocks: Vec<Block> = Vec::new();
    for (i, c) in changes.iter().enumerate() {
        let first = line_of(c.start);
        let last = line_of(c.end.saturating_sub(1).max(c.start));
        match blocks.last_mut() {
            Some(b) if first <= b.last => {
                b.last = b.last.max(last);
                b.changes.push(i);
            }
            _ => blocks.push(Block {
                first,
                last,
                changes: vec![i],
            }),
        }
    }
    // Hunks: blocks closer than twice the context share one.
    let mut hunks: Vec<Vec<Block>> = Vec::new();
    for b in blocks {
        match hunks.last_mut() {
            Some(h) if b.first <= h.last().expect("non-empty").last + 1 + 2 * opts.context => {
                h.push(b)
            }
            _ => hunks.push(vec![b]),
        }
    }
    let paint = Paint::new(opts.color);
    let _ = writeln!(out, "{}--- {name} (original){}", paint.bold, paint.reset);
    let _ = writeln!(out, "{}+++ {name} (redacted){}", paint.bold, paint.reset);
    let n_lines = starts.len() - 1;
    let text_line = |i: usize| -> &str { trim_eol(&original[starts[i]..starts[i + 1]]) };
    // Line-count difference so far (redacted minus original), for new-side numbers.
    let mut shift: isize = 0;
    for hunk in hunks {
        let first = hunk[0].first.saturating_sub(opts.context);
        let last = (hunk.last().expect("non-empty").last + opts.context).min(n_lines - 1);
        let mut rows = String::new();
        let mut new_count = 0usize;
        let mut cursor = first;
        let mut hunk_shift = 0isize;
        for block in &hunk {
            for i in cursor..block.first {
                context_row(&mut rows, i, text_line(i), opts, &paint);
                new_count += 1;
            }
            let (old, new) = block_lines(original, &starts, block, changes);
            new_count += new.len();
            hunk_shift += new.len() as isize - old.len() as isize;
            change_rows(&mut rows, block.first, &old, &new, opts, &paint);
            for &ci in &block.changes {
                tag_row(&mut rows, &changes[ci], opts, &paint);
            }
            cursor = block.last + 1;
        }
        for i in cursor..=last {
            context_row(&mut rows, i, text_line(i), opts, &paint);
            new_count += 1;
        }
        let old_count = last + 1 - first;
        let new_first = (first as isize + 1 + shift).max(1);
        match opts.layout {
            Layout::Unified => {
                let _ = writeln!(
                    out,
                    "{}@@ -{},{} +{},{} @@{}",
                    paint.cyan,
                    first + 1,
                    old_count,
                    new_first,
                    new_count,
                    paint.reset
                );
            }
            Layout::Side { .. } => {
                let _ = writeln!(
                    out,
                    "{}@@ lines {}-{} @@{}",
                    paint.cyan,
                    first + 1,
                    last + 1,
                    paint.reset
                );
            }
        }
        out.push_str(&rows);
        shift += hunk_shift;
    }
    out
}

/// ANSI escapes, or empty strings without colour.
struct Paint {
    red: &'static str,
    green: &'static str,
    cyan: &'static str,
    dim: &'static str,
    bold: &'static str,
    invert: &'static str,
    uninvert: &'static str,
    reset: &'static str,
}

impl Paint {
    fn new(color: bool) -> Self {
        if color {
            Paint {
                red: "\x1b[31m",
                green: "\x1b[32m",
                cyan: "\x1b[36m",
                dim: "\x1b[2m",
                bold: "\x1b[1m",
                invert: "\x1b[7m",
                uninvert: "\x1b[27m",
                reset: "\x1b[0m",
            }
        } else {
            Paint {
                red: "",
                green: "",
                cyan: "",
                dim: "",
                bold: "",
                invert: "",
                uninvert: "",
                reset: "",
            }
        }
    }
}

/// Byte offset of the start of every line, plus `text.len()` as a sentinel. A text
/// ending in a newline has no empty last line.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        text.bytes()
            .enumerate()
            .filter(|&(i, b)| b == b'\n' && i + 1 < text.len())
            .map(|(i, _)| i + 1),
    );
    starts.push(text.len());
    starts
}

fn trim_eol(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// The original and redacted lines of a block, split into pieces.
fn block_lines(
    original: &str,
    starts: &[usize],
    block: &Block,
    changes: &[Change],
) -> (Vec<Line>, Vec<Line>) {
    let (lo, hi) = (starts[block.first], starts[block.last + 1]);
    let mut old: Vec<Piece> = Vec::new();
    let mut new: Vec<Piece> = Vec::new();
    let mut cursor = lo;
    for &ci in &block.changes {
        let c = &changes[ci];
        let same = &original[cursor..c.start];
        old.push((same.to_string(), false));
        new.push((same.to_string(), false));
        old.push((c.original.clone(), true));
        new.push((c.replacement.clone(), true));
        cursor = c.end;
    }
    let rest = &original[cursor..hi];
    old.push((rest.to_string(), false));
    new.push((rest.to_string(), false));
    (split_lines(old), split_lines(new))
}

/// Splits pieces at newlines (dropping line ends) into display lines.
fn split_lines(pieces: Vec<Piece>) -> Vec<Line> {
    let mut lines: Vec<Line> = vec![Vec::new()];
    for (text, marked) in pieces {
        let mut parts = text.split('\n').peekable();
        while let Some(part) = parts.next() {
            let last = parts.peek().is_none();
            let part = if last {
                part
            } else {
                part.strip_suffix('\r').unwrap_or(part)
            };
            if !part.is_empty() {
                lines
                    .last_mut()
                    .expect("non-empty")
                    .push((part.to_string(), marked));
            }
            if !last {
                lines.push(Vec::new());
            }
        }
    }
    // The block ends at a line end: drop the empty line after it.
    if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    if let Some(last) = lines.last_mut() {
        if let Some((text, _)) = last.last_mut() {
            if text.ends_with('\r') {
                text.pop();
            }
        }
    }
    lines
}

/// Makes text safe and column-stable for a terminal: tabs become spaces, other
/// control characters are escaped.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

fn context_row(out: &mut String, index: usize, text: &str, opts: Options, paint: &Paint) {
    match opts.layout {
        Layout::Unified => {
            let _ = writeln!(out, " {}", clean(text));
        }
        Layout::Side { width } => {
            let line: Line = vec![(text.to_string(), false)];
            side_rows(
                out,
                Some(index + 1),
                Some(&line),
                Some(&line),
                ' ',
                width,
                paint,
            );
        }
    }
}

fn change_rows(
    out: &mut String,
    first: usize,
    old: &[Line],
    new: &[Line],
    opts: Options,
    paint: &Paint,
) {
    match opts.layout {
        Layout::Unified => {
            for line in old {
                unified_row(out, '-', line, paint.red, paint);
            }
            for line in new {
                unified_row(out, '+', line, paint.green, paint);
            }
        }
        Layout::Side { width } => {
            for i in 0..old.len().max(new.len()) {
                let number = (i < old.len()).then_some(first + i + 1);
                side_rows(out, number, old.get(i), new.get(i), '|', width, paint);
            }
        }
    }
}

fn unified_row(out: &mut String, sign: char, line: &Line, colour: &str, paint: &Paint) {
    out.push_str(colour);
    out.push(sign);
    for (text, marked) in line {
        if *marked {
            out.push_str(paint.invert);
            out.push_str(&clean(text));
            out.push_str(paint.uninvert);
        } else {
            out.push_str(&clean(text));
        }
    }
    if !colour.is_empty() {
        out.push_str(paint.reset);
    }
    out.push('\n');
}

fn tag_row(out: &mut String, c: &Change, opts: Options, paint: &Paint) {
    let mut tag = format!(
        "# {}:{} {} {} {:?} -> {:?}",
        c.line, c.column, c.kind, c.rule, c.original, c.replacement
    );
    if let Layout::Side { width } = opts.layout {
        tag = truncate(&tag, width.max(40));
    }
    let _ = writeln!(out, "{}{}{}", paint.dim, clean(&tag), paint.reset);
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// Width of the line-number gutter in side-by-side rows.
const GUTTER: usize = 6;

/// Writes one logical row of the side-by-side layout, wrapped to the column width.
fn side_rows(
    out: &mut String,
    number: Option<usize>,
    left: Option<&Line>,
    right: Option<&Line>,
    marker: char,
    width: usize,
    paint: &Paint,
) {
    let width = width.max(40);
    let column = (width - GUTTER - 3) / 2;
    let wrap_side = |line: Option<&Line>| -> Vec<Vec<(String, bool)>> {
        match line {
            None => vec![Vec::new()],
            Some(line) => wrap(line, column),
        }
    };
    let (l, r) = (wrap_side(left), wrap_side(right));
    let changed = marker != ' ';
    for i in 0..l.len().max(r.len()) {
        let gutter = match (i, number) {
            (0, Some(n)) => format!("{n:>5} "),
            _ => " ".repeat(GUTTER),
        };
        out.push_str(paint.dim);
        out.push_str(&gutter);
        out.push_str(paint.reset);
        let cell = |out: &mut String, row: Option<&Vec<(String, bool)>>, colour: &str| {
            let mut used = 0;
            if let Some(row) = row {
                if changed {
                    out.push_str(colour);
                }
                for (text, marked) in row {
                    used += text.chars().count();
                    if *marked {
                        out.push_str(paint.invert);
                        out.push_str(text);
                        out.push_str(paint.uninvert);
                    } else {
                        out.push_str(text);
                    }
                }
                if changed {
                    out.push_str(paint.reset);
                }
            }
            used
        };
        let used = cell(out, l.get(i), paint.red);
        out.push_str(&" ".repeat(column - used));
        out.push(' ');
        out.push(marker);
        out.push(' ');
        cell(out, r.get(i), paint.green);
        // No trailing spaces: trim what this row added at its end.
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
    }
}

/// Wraps a line of pieces into rows of at most `column` characters, breaking after
/// the last space that fits; a word longer than a row is broken where the row ends.
fn wrap(line: &Line, column: usize) -> Vec<Vec<(String, bool)>> {
    let column = column.max(1);
    let chars: Vec<(char, bool)> = line
        .iter()
        .flat_map(|(text, marked)| {
            clean(text)
                .chars()
                .map(|c| (c, *marked))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut rows = Vec::new();
    let mut start = 0;
    while chars.len() - start > column {
        let window = &chars[start..start + column + 1];
        // The row ends after its last space; a space right after the row may go too.
        let (cut, skip) = match window.iter().rposition(|(c, _)| *c == ' ') {
            Some(i) if i == column => (column, 1),
            Some(i) if i > 0 => (i + 1, 0),
            _ => (column, 0),
        };
        rows.push(pieces(&chars[start..start + cut]));
        start += cut + skip;
    }
    rows.push(pieces(&chars[start..]));
    rows
}

/// Characters regrouped into runs of the same marking.
fn pieces(chars: &[(char, bool)]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for &(c, marked) in chars {
        match out.last_mut() {
            Some((text, m)) if *m == marked => text.push(c),
            _ => out.push((c.to_string(), marked)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Numbering, Scrubber};

    fn diff(text: &str, layout: Layout, context: usize) -> String {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let r = scrubber.redact(text, &mut Numbering::default());
        render(
            text,
            &r.changes,
            "t.txt",
            Options {
                context,
                color: false,
                layout,
            },
        )
    }

    #[test]
    fn unified_tags_every_change_and_numbers_hunks() {
        let text = "a\nb\nSeen 6/18/02.\nc\nd\ne\nf\ng\nh\nDOB 6/18/02\n";
        let out = diff(text, Layout::Unified, 1);
        assert_eq!(
            out,
            "--- t.txt (original)\n+++ t.txt (redacted)\n\
             @@ -2,3 +2,3 @@\n b\n-Seen 6/18/02.\n+Seen [DATE-1].\n\
             # 3:6 DATE date.mdy-slash \"6/18/02\" -> \"[DATE-1]\"\n c\n\
             @@ -9,2 +9,2 @@\n h\n-DOB 6/18/02\n+DOB [DATE-1]\n\
             # 10:5 DATE date.birth \"6/18/02\" -> \"[DATE-1]\"\n"
        );
    }

    #[test]
    fn nothing_changed_is_empty() {
        assert_eq!(diff("pain 5/10\n", Layout::Unified, 3), "");
    }

    #[test]
    fn side_by_side_wraps_at_word_boundaries() {
        let text = "The claimant Maria Lopez reported pain in the lower back after lifting \
                    boxes at work; a supercalifragilisticexpialidocious word breaks hard.\n";
        let out = diff(text, Layout::Side { width: 70 }, 0);
        let rows: Vec<&str> = out.lines().filter(|l| l.contains(" | ")).collect();
        for line in out.lines() {
            assert!(line.chars().count() <= 70, "too wide: {line:?}");
        }
        let left: Vec<String> = rows
            .iter()
            .map(|r| r[6..].split(" | ").next().unwrap().trim_end().to_string())
            .collect();
        assert_eq!(
            left,
            [
                "The claimant Maria Lopez",
                "reported pain in the lower",
                "back after lifting boxes at",
                "work; a",
                // Longer than the 30-character column: broken where the row ends.
                "supercalifragilisticexpialidoc",
                "ious word breaks hard.",
            ],
            "{out}"
        );
    }

    #[test]
    fn a_word_longer_than_the_column_breaks_hard() {
        let line: Line = vec![
            ("ab cdefghij k".to_string(), false),
            ("lm".to_string(), true),
        ];
        let rows: Vec<String> = wrap(&line, 4)
            .iter()
            .map(|r| r.iter().map(|(t, _)| t.as_str()).collect())
            .collect();
        assert_eq!(rows, ["ab ", "cdef", "ghij", "klm"]);
        assert_eq!(
            wrap(&line, 4)[3],
            [("k".to_string(), false), ("lm".to_string(), true)]
        );
    }

    #[test]
    fn side_by_side_fits_the_width() {
        let text =
            "The patient is a female with a work injury dated 6/18/02 and a long tail of words.\n";
        let out = diff(text, Layout::Side { width: 60 }, 0);
        for line in out.lines() {
            assert!(line.chars().count() <= 60, "too wide: {line:?}");
        }
        assert!(out.contains(" | "), "{out}");
        assert!(out.contains("[DATE-1]"), "{out}");
    }
}
