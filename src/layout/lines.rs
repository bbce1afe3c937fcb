//! Lines and cells: the text cut into lines, and a line cut into cells at field
//! separators (`|`, tabs, two or more spaces).

/// How a cell is set apart from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// The first cell of the line.
    Start,
    /// A `|`.
    Pipe,
    /// One or more tabs.
    Tab,
    /// Two or more spaces.
    Spaces,
}

/// One cell of a line: a byte span of the text, trimmed of spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset past the last byte in the text.
    pub end: usize,
    /// What separates it from the cell before.
    pub sep: Sep,
    /// Display column of its first character (tabs stop every 8 columns).
    pub column: usize,
}

/// One line of a text, without its line break.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// Byte offset of the line in the text.
    pub start: usize,
    /// The line (no `\n`, no trailing `\r`).
    pub text: &'a str,
    /// 1-based line number.
    pub number: usize,
}

/// Every line of `text`, in order.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if start > text.len() || (start == text.len() && number > 0) {
            return None;
        }
        let rest = &text[start..];
        // A lone CR ends a line too.
        let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..len];
        let brk = if rest[len..].starts_with("\r\n") {
            2
        } else {
            1
        };
        number += 1;
        let out = Line {
            start,
            text: line,
            number,
        };
        start += len + brk;
        Some(out)
    })
}

/// Whether the line holds nothing but spaces.
pub fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Whether the line is a table rule: `|---|:--|`, `-----  -----`, `=====`, `+---+`.
pub fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.contains(['-', '=', '_'])
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '|' | ':' | '+' | ' ' | '\t'))
}

/// The cells of `line` (at byte offset `base` of the text), split at `|`, tabs
/// and runs of two or more spaces. An empty cell between two pipes is kept (with
/// `start == end`), so a pipe table's column index stays right; pipes at the
/// ends of the line are borders.
pub fn cells(line: &str, base: usize, out: &mut Vec<Cell>) {
    out.clear();
    let bytes = line.as_bytes();
    let (mut i, mut column) = (0, 0);
    let mut sep = Sep::Start;
    while i < bytes.len() {
        // A run of spaces, tabs and pipes.
        let run_start = i;
        let (mut pipes, mut tabs) = (0, 0);
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'|') {
            match bytes[i] {
                b'|' => pipes += 1,
                b'\t' => tabs += 1,
                _ => {}
            }
            column = if bytes[i] == b'\t' {
                (column / 8 + 1) * 8
            } else {
                column + 1
            };
            i += 1;
        }
        let at_end = i >= bytes.len();
        if pipes > 0 {
            let empties = pipes - 1;
            // Empty cells between pipes: "a || b", "|  | b"; not after the last.
            if !at_end {
                for _ in 0..empties {
                    out.push(Cell {
                        start: base + i,
                        end: base + i,
                        sep: Sep::Pipe,
                        column,
                    });
                }
            }
            sep = Sep::Pipe;
        } else if run_start > 0 && (tabs > 0 || i - run_start >= 2) {
            sep = if tabs > 0 { Sep::Tab } else { Sep::Spaces };
        }
        if at_end {
            break;
        }
        // A cell: up to the next separator run (a single space stays inside).
        let (start, start_column) = (i, column);
        let mut end = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'|' || b == b'\t' {
                break;
            }
            if b == b' ' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'|')) {
                break;
            }
            let len = if b == b' ' { 1 } else { utf8_len(b) };
            i += len;
            column += 1;
            if b != b' ' {
                end = i;
            }
        }
        out.push(Cell {
            start: base + start,
            end: base + end,
            sep,
            column: start_column,
        });
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Length in bytes of a list bullet at the start of `s` ("- ", "* ", "• ",
/// "1. ", "2) ", "a) ", "(b) "), with the spaces after it; 0 when there is none.
pub fn bullet_len(s: &str) -> usize {
    let b = s.as_bytes();
    let after = |n: usize| -> usize {
        let rest = &s[n..];
        if rest.starts_with(' ') || rest.starts_with('\t') {
            n + (rest.len() - rest.trim_start().len())
        } else {
            0
        }
    };
    for bullet in ["-", "*", "•", "·", "◦", "▪", "–", "o"] {
        if s.starts_with(bullet) {
            return after(bullet.len());
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) {
        return after(digits + 1);
    }
    if b.len() >= 2 && b[0].is_ascii_lowercase() && b[1] == b')' {
        return after(2);
    }
    if b.len() >= 3 && b[0] == b'(' && b[1].is_ascii_alphanumeric() && b[2] == b')' {
        return after(3);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(&str, Sep)> {
        let mut out = Vec::new();
        cells(line, 0, &mut out);
        out.iter().map(|c| (&line[c.start..c.end], c.sep)).collect()
    }

    #[test]
    fn lines_have_offsets_and_numbers() {
        let text = "a\r\nbb\n\nc";
        let got: Vec<_> = lines(text).map(|l| (l.start, l.text, l.number)).collect();
        assert_eq!(
            got,
            vec![(0, "a", 1), (3, "bb", 2), (6, "", 3), (7, "c", 4)]
        );
        assert_eq!(lines("").count(), 1);
        assert_eq!(lines("x\n").count(), 1);
    }

    #[test]
    fn cells_split_at_pipes_tabs_and_spaces() {
        assert_eq!(
            texts("Last: MORALES | First: TERESA | M.I.: L"),
            vec![
                ("Last: MORALES", Sep::Start),
                ("First: TERESA", Sep::Pipe),
                ("M.I.: L", Sep::Pipe)
            ]
        );
        assert_eq!(
            texts("| Name | Age |"),
            vec![("Name", Sep::Pipe), ("Age", Sep::Pipe)]
        );
        assert_eq!(
            texts("DOB\t01/02/1980"),
            vec![("DOB", Sep::Start), ("01/02/1980", Sep::Tab)]
        );
        assert_eq!(
            texts("  Name: Ann Lee   Age: 7"),
            vec![("Name: Ann Lee", Sep::Start), ("Age: 7", Sep::Spaces)]
        );
        assert_eq!(
            texts("a||b"),
            vec![("a", Sep::Start), ("", Sep::Pipe), ("b", Sep::Pipe)]
        );
    }

    #[test]
    fn columns_count_characters_and_tab_stops() {
        let mut out = Vec::new();
        cells("Name     Age\tSex", 0, &mut out);
        let cols: Vec<usize> = out.iter().map(|c| c.column).collect();
        assert_eq!(cols, vec![0, 9, 16]);
        cells("Éva      Age", 0, &mut out);
        assert_eq!(out[1].column, 9);
    }

    #[test]
    fn rules_and_bullets() {
        assert!(is_rule("|---|:---:|"));
        assert!(is_rule("-----   -----"));
        assert!(!is_rule("- item"));
        assert_eq!(bullet_len("- Name: X"), 2);
        assert_eq!(bullet_len("12. Name"), 4);
        assert_eq!(bullet_len("(b) Name"), 4);
        assert_eq!(bullet_len("Name"), 0);
        assert_eq!(bullet_len("-5"), 0);
    }
}
