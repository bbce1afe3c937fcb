//! Tables: a header row whose cells are labels names the columns, and every
//! row under it gives each cell its column's label. Pipe tables (with or without
//! a `|---|` rule), tab-separated and space-aligned columns, and comma-separated
//! rows.

use super::lines::{is_blank, is_rule, Cell, Sep};
use crate::label_lexicon::{LabelId, Lexicon, MAX_BYTES};

/// How the columns of a table are set apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `| a | b |`: cells by index.
    Pipe,
    /// Tabs: cells by index when a row has as many as the header, else by column.
    Tab,
    /// Two or more spaces: cells by the display column they start in.
    Spaces,
    /// Commas: cells by index.
    Csv,
}

/// One column: the header cell and its label.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The label of the header cell (`None`: not in the lexicon).
    pub label: Option<LabelId>,
    /// Byte span of the header cell.
    pub span: (usize, usize),
    /// Display column where the header cell starts.
    pub column: usize,
}

/// A table being read: its header and how far it has got.
#[derive(Debug, Clone)]
pub struct Table {
    /// How its cells are set apart.
    pub style: Style,
    /// Its columns, left to right.
    pub columns: Vec<Column>,
    /// Blank lines seen since the last row.
    blanks: usize,
    /// Rows read so far.
    rows: usize,
    /// Tab style whose header has one tab between cells: a row's cells are the
    /// pieces between single tabs, so an empty cell (`Ana\t\tF`) keeps its index.
    single_tab: bool,
}

/// The table whose header is this line, if it is one: at least two cells, none
/// long, holding a colon, or holding a digit unless it is a label (SpO2); at
/// least two and three in five of them labels, one of them an identifying or a
/// measurement label.
pub fn header(text: &str, line: &str, cells: &[Cell], lex: &Lexicon) -> Option<Table> {
    let (style, spans): (Style, Vec<(usize, usize, usize)>) = if cells.len() >= 2 {
        let style = if line.contains('|') {
            Style::Pipe
        } else if line.contains('\t') {
            Style::Tab
        } else {
            Style::Spaces
        };
        (
            style,
            cells.iter().map(|c| (c.start, c.end, c.column)).collect(),
        )
    } else if cells.len() == 1 && line.matches(',').count() >= 2 {
        let c = cells[0];
        (
            Style::Csv,
            csv_cells(text, c.start, c.end)
                .into_iter()
                .map(|(s, e)| (s, e, 0))
                .collect(),
        )
    } else {
        return None;
    };
    let mut columns = Vec::with_capacity(spans.len());
    let (mut known, mut identifying, mut filled) = (0, false, 0);
    for &(s, e, column) in &spans {
        let t = &text[s..e];
        if t.is_empty() {
            columns.push(Column {
                label: None,
                span: (s, e),
                column,
            });
            continue;
        }
        filled += 1;
        if t.len() > MAX_BYTES || t.contains(':') {
            return None;
        }
        let label = lex.lookup(t);
        // A digit says data, unless the cell is a label that holds one (SpO2).
        if label.is_none() && t.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Some(l) = label {
            known += 1;
            // A table of measurements is read too: its cells are kept.
            let label = lex.label(l);
            identifying |=
                label.kind != crate::kind::Kind::Allow || label.shape == super::Shape::Measurement;
        }
        columns.push(Column {
            label,
            span: (s, e),
            column,
        });
    }
    // `Marital status<TAB>Married`, `| Occupation | Caregiver |`: a status or a
    // job that is also a label word is the value of a demographic label, no column.
    if filled == 2 && style != Style::Csv {
        let mut labels = columns.iter().filter_map(|c| c.label);
        if let (Some(a), Some(b)) = (labels.next(), labels.next()) {
            let (a, b) = (lex.label(a).kind, lex.label(b).kind);
            if super::fields::takes_word_values(a) && (b == a || b == crate::kind::Kind::Person) {
                return None;
            }
        }
    }
    // `Name | Ana Ruiz | DOB | | Sex | F`: labels each followed by a cell that is
    // none (or empty) are fields, not a header.
    if style != Style::Csv && alternates(&columns) {
        return None;
    }
    let enough = if style == Style::Csv {
        known == filled
    } else {
        known * 5 >= filled * 3
    };
    let single_tab = style == Style::Tab
        && !line.contains("\t\t")
        && cells.iter().skip(1).all(|c| c.sep == Sep::Tab);
    (filled >= 2 && known >= 2 && enough && identifying).then_some(Table {
        style,
        columns,
        blanks: 0,
        rows: 0,
        single_tab,
    })
}

/// Whether the columns go label, non-label, label, non-label, ... from the
/// first, with at least two such pairs and at least one non-label cell filled.
fn alternates(columns: &[Column]) -> bool {
    let pairs = columns.len() / 2;
    pairs >= 2
        && columns.chunks(2).all(|p| match p {
            [l, v] => l.label.is_some() && v.label.is_none(),
            [l] => l.label.is_some(),
            _ => false,
        })
        && columns
            .chunks(2)
            .any(|p| matches!(p, [_, v] if v.span.0 < v.span.1))
}

/// What a line does to a table.
#[derive(Debug, PartialEq, Eq)]
pub enum Row {
    /// A row: each cell's byte span and the index of its column.
    Cells(Vec<(usize, usize, usize)>),
    /// A rule or a single blank line: the table goes on.
    Skip,
    /// Not part of the table: it has ended.
    End,
}

impl Table {
    /// Reads one line under the table.
    pub fn row(&mut self, text: &str, line: &str, cells: &[Cell]) -> Row {
        if is_blank(line) {
            self.blanks += 1;
            return if self.blanks >= 2 {
                Row::End
            } else {
                Row::Skip
            };
        }
        if is_rule(line) {
            return Row::Skip;
        }
        let fits = match self.style {
            Style::Pipe => line.contains('|'),
            Style::Tab => line.contains('\t'),
            Style::Csv => line.contains(','),
            Style::Spaces => {
                cells.len() >= 2
                    || cells
                        .first()
                        .is_some_and(|c| self.lone_cell_continues(text, c))
            }
        };
        // After a blank line, an aligned table goes on only with a row that
        // lines up under its header: the next block ("TIME<TAB>BP<TAB>HR")
        // is another table, not more rows of this one.
        if !fits || (self.blanks > 0 && self.style == Style::Spaces && !self.aligned(cells)) {
            return Row::End;
        }
        self.blanks = 0;
        self.rows += 1;
        let n = self.columns.len();
        let by_index = |spans: Vec<(usize, usize)>| {
            Row::Cells(
                spans
                    .into_iter()
                    .enumerate()
                    .filter(|(i, (s, e))| *i < n && s < e)
                    .map(|(i, (s, e))| (s, e, i))
                    .collect(),
            )
        };
        match self.style {
            Style::Pipe => by_index(cells.iter().map(|c| (c.start, c.end)).collect()),
            Style::Csv => {
                let spans = cells
                    .iter()
                    .flat_map(|c| csv_cells(text, c.start, c.end))
                    .collect();
                by_index(spans)
            }
            Style::Tab if self.single_tab && line.bytes().filter(|&b| b == b'\t').count() < n => {
                // Pieces between single tabs: an empty piece is an empty cell.
                let base = line.as_ptr() as usize - text.as_ptr() as usize;
                let mut at = base;
                let spans = line
                    .split('\t')
                    .map(|piece| {
                        let lead = piece.len() - piece.trim_start().len();
                        let span = (at + lead, at + lead + piece.trim().len());
                        at += piece.len() + 1;
                        span
                    })
                    .collect();
                by_index(spans)
            }
            Style::Tab if cells.len() == n => {
                by_index(cells.iter().map(|c| (c.start, c.end)).collect())
            }
            Style::Tab | Style::Spaces => Row::Cells(
                cells
                    .iter()
                    .filter(|c| c.start < c.end)
                    .filter_map(|c| {
                        // The header cell whose start is nearest.
                        let j = (0..self.columns.len())
                            .min_by_key(|&j| self.columns[j].column.abs_diff(c.column))?;
                        Some((c.start, c.end, j))
                    })
                    .collect(),
            ),
        }
    }
}

impl Table {
    /// Whether a row of one cell still belongs to an aligned table: indented
    /// under a later column (a wrapped cell), or a short cell under the first
    /// column that ends before the second one starts (a wrapped name, a row
    /// with only a name, the other cells blank). A sentence, a `Label:` line or
    /// a heading wider than the column ends the table.
    fn lone_cell_continues(&self, text: &str, c: &Cell) -> bool {
        let first = self.columns[0].column;
        if c.column > first {
            return true;
        }
        if c.column + ALIGN_SLACK < first {
            return false;
        }
        let t = &text[c.start..c.end];
        let width = self
            .columns
            .get(1)
            .map_or(usize::MAX, |next| next.column.saturating_sub(c.column));
        let words = t.split(' ').filter(|w| !w.is_empty()).count();
        let sentence = t.ends_with(['?', '!'])
            || t.strip_suffix('.').is_some_and(|head| {
                let last = head.rsplit(' ').next().unwrap_or(head);
                last.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            });
        t.chars().count() < width && words <= 4 && !t.contains(':') && !sentence
    }

    /// Whether a blank line came after the last row (the next line may start
    /// another table).
    pub fn after_blank(&self) -> bool {
        self.blanks > 0
    }

    /// Reads the line right under the header as the header's second line when
    /// every cell of it, joined to the header cell above, is a label ("Date of"
    /// over "Birth", "Relationship" over "to Client"): the columns take the
    /// joined labels, and the spans returned are kept as they are. `None` when
    /// rows have been read already or the line is no such continuation.
    pub fn header_below(
        &mut self,
        text: &str,
        cells: &[Cell],
        lex: &Lexicon,
    ) -> Option<Vec<(usize, usize)>> {
        if self.rows > 0 || self.blanks > 0 || self.style == Style::Csv {
            return None;
        }
        let joined = self.joined(text, cells, lex, false)?;
        Some(self.take_labels(joined))
    }

    /// Reads the line right above the header as the header's first line (see
    /// [`Table::header_below`]): "Date of" above "Birth".
    pub fn header_above(
        &mut self,
        text: &str,
        cells: &[Cell],
        lex: &Lexicon,
    ) -> Option<Vec<(usize, usize)>> {
        if self.style == Style::Csv {
            return None;
        }
        let joined = self.joined(text, cells, lex, true)?;
        Some(self.take_labels(joined))
    }

    /// For every cell of another header line, the column it sits over and the
    /// label the two cells make joined, or `None` when one cell makes no label.
    fn joined(
        &self,
        text: &str,
        cells: &[Cell],
        lex: &Lexicon,
        above: bool,
    ) -> Option<Vec<Joined>> {
        let filled: Vec<&Cell> = cells.iter().filter(|c| c.start < c.end).collect();
        if filled.is_empty() || filled.len() > self.columns.len() {
            return None;
        }
        let mut out = Vec::with_capacity(filled.len());
        let mut joined = String::new();
        for (i, c) in filled.iter().enumerate() {
            let j = if self.style == Style::Pipe {
                cells.iter().position(|x| x.start == c.start)?
            } else {
                let j = (0..self.columns.len())
                    .min_by_key(|&j| self.columns[j].column.abs_diff(c.column))?;
                // Columns are read left to right, one cell each.
                if i > 0 && out.last().is_some_and(|&(k, _, _)| k >= j) {
                    return None;
                }
                j
            };
            let col = self.columns.get(j)?;
            let t = &text[c.start..c.end];
            let h = &text[col.span.0..col.span.1];
            if t.len() > MAX_BYTES || h.is_empty() || t.contains(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            joined.clear();
            let (a, b) = if above { (t, h) } else { (h, t) };
            joined.push_str(a);
            joined.push(' ');
            joined.push_str(b);
            out.push((j, (c.start, c.end), lex.lookup(&joined)?));
        }
        Some(out)
    }

    fn take_labels(
        &mut self,
        joined: Vec<(usize, (usize, usize), LabelId)>,
    ) -> Vec<(usize, usize)> {
        joined
            .into_iter()
            .map(|(j, span, label)| {
                self.columns[j].label = Some(label);
                span
            })
            .collect()
    }

    /// Whether every cell of a row starts within two columns of a header
    /// cell's start.
    fn aligned(&self, cells: &[Cell]) -> bool {
        cells.iter().all(|c| {
            self.columns
                .iter()
                .any(|h| h.column.abs_diff(c.column) <= ALIGN_SLACK)
        })
    }

    /// The byte spans of the header's cells that hold text.
    pub fn header_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.columns.iter().map(|c| c.span).filter(|(s, e)| s < e)
    }
}

/// A cell of another header line: the column it sits over, its span, the
/// label it makes with that column's header cell.
type Joined = (usize, (usize, usize), LabelId);

/// How far a row's cell may start from its header cell in an aligned table.
const ALIGN_SLACK: usize = 2;

/// The comma-separated cells of `text[start..end]`, trimmed; a double-quoted
/// cell may hold commas.
pub fn csv_cells(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    let mut cell = start;
    let mut quoted = false;
    while i <= end {
        let at_end = i == end;
        let b = if at_end { b',' } else { bytes[i] };
        if b == b'"' {
            quoted = !quoted;
        } else if b == b',' && (!quoted || at_end) {
            let raw = &text[cell..i];
            let lead = raw.len() - raw.trim_start().len();
            let t = raw.trim();
            let (mut s, mut e) = (cell + lead, cell + lead + t.len());
            if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') {
                (s, e) = (s + 1, e - 1);
            }
            out.push((s, e));
            cell = i + 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::Kind;
    use crate::layout::lines::cells;
    use crate::patterns::{Examples, LabelSpec};

    fn lex() -> Lexicon {
        let spec = |id: &str, kind, spellings: &[&str]| LabelSpec {
            id: id.into(),
            kind,
            description: String::new(),
            spellings: spellings.iter().map(|s| s.to_string()).collect(),
            shape: None,
            priority: 56,
            examples: Examples::default(),
            source: String::new(),
        };
        let specs = [
            spec("label.person", Kind::Person, &["Name", "Last", "First"]),
            spec("label.age", Kind::Age, &["Age"]),
            spec("label.sex", Kind::Gender, &["Sex"]),
            spec("label.dob", Kind::Date, &["DOB", "Date of Birth"]),
            spec("label.neutral", Kind::Allow, &["Relation"]),
        ];
        Lexicon::new(specs.iter().zip(0..))
    }

    fn read(text: &str) -> Vec<(String, usize)> {
        let lex = lex();
        let mut out = Vec::new();
        let mut table: Option<Table> = None;
        let mut cs = Vec::new();
        for line in crate::layout::lines::lines(text) {
            cells(line.text, line.start, &mut cs);
            if let Some(t) = table.as_mut() {
                if t.header_below(text, &cs, &lex).is_some() {
                    continue;
                }
                match t.row(text, line.text, &cs) {
                    Row::Cells(c) => {
                        out.extend(c.iter().map(|&(s, e, i)| (text[s..e].to_string(), i)));
                        continue;
                    }
                    Row::Skip => continue,
                    Row::End => {}
                }
            }
            table = header(text, line.text, &cs, &lex);
        }
        out
    }

    fn cols(p: &[(&str, usize)]) -> Vec<(String, usize)> {
        p.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    #[test]
    fn pipe_tables_with_and_without_rules() {
        let t = "| Name | Relation | Age | Sex |\n|---|---|---|---|\n| Ana Ruiz | Daughter | 7 | F |\n|  | Son | 4 | M |\nThe end.";
        assert_eq!(
            read(t),
            cols(&[
                ("Ana Ruiz", 0),
                ("Daughter", 1),
                ("7", 2),
                ("F", 3),
                ("Son", 1),
                ("4", 2),
                ("M", 3)
            ])
        );
        let t = "Name | Age\nAna Ruiz | 7\n";
        assert_eq!(read(t), cols(&[("Ana Ruiz", 0), ("7", 1)]));
    }

    #[test]
    fn aligned_and_tab_tables() {
        let t =
            "Name          Age   Sex\nAna Ruiz      7     F\nLuis Ruiz           M\n\nProse again.";
        assert_eq!(
            read(t),
            cols(&[
                ("Ana Ruiz", 0),
                ("7", 1),
                ("F", 2),
                ("Luis Ruiz", 0),
                ("M", 2)
            ])
        );
        let t = "Name\tAge\tSex\nAna Ruiz\t7\tF\n";
        assert_eq!(read(t), cols(&[("Ana Ruiz", 0), ("7", 1), ("F", 2)]));
    }

    #[test]
    fn an_aligned_table_ends_at_a_block_that_does_not_line_up() {
        let t =
            "Name          Age   Sex\nAna Ruiz      7     F\n\nTIME\tBP\tHR\n0200\t128/67\t63\n";
        assert_eq!(read(t), cols(&[("Ana Ruiz", 0), ("7", 1), ("F", 2)]));
        // A row that lines up goes on after one blank line.
        let t = "Name          Age   Sex\nAna Ruiz      7     F\n\nLuis Ruiz     4     M\n";
        assert_eq!(
            read(t),
            cols(&[
                ("Ana Ruiz", 0),
                ("7", 1),
                ("F", 2),
                ("Luis Ruiz", 0),
                ("4", 1),
                ("M", 2)
            ])
        );
    }

    #[test]
    fn an_aligned_table_goes_on_after_a_row_of_one_cell() {
        // A row with only a name, a wrapped name, then more rows: every row
        // keeps its columns.
        let t = "Name          Age   Sex\nAna Ruiz      7     F\nLuis Ruiz\nMaria Elena   34    F\n  Lopez-Garcia\nBo Ruiz       2     M\n";
        assert_eq!(
            read(t),
            cols(&[
                ("Ana Ruiz", 0),
                ("7", 1),
                ("F", 2),
                ("Luis Ruiz", 0),
                ("Maria Elena", 0),
                ("34", 1),
                ("F", 2),
                ("Lopez-Garcia", 0),
                ("Bo Ruiz", 0),
                ("2", 1),
                ("M", 2)
            ])
        );
        // A sentence, a field line or a heading wider than the column ends it.
        for after in [
            "The family was seen.",
            "Notes: none",
            "Household income and benefits",
        ] {
            let t = format!(
                "Name          Age   Sex\nAna Ruiz      7     F\n{after}\nBo Ruiz       2     M\n"
            );
            assert_eq!(
                read(&t),
                cols(&[("Ana Ruiz", 0), ("7", 1), ("F", 2)]),
                "{after}"
            );
        }
    }

    #[test]
    fn tab_tables_keep_empty_cells_in_their_column() {
        let t = "Name\tAge\tSex\tDOB\nAna Ruiz\t\tF\t01/02/2010\n\t4\t\t\nBo\t2\n";
        assert_eq!(
            read(t),
            cols(&[
                ("Ana Ruiz", 0),
                ("F", 2),
                ("01/02/2010", 3),
                ("4", 1),
                ("Bo", 0),
                ("2", 1)
            ])
        );
    }

    #[test]
    fn a_header_cell_may_take_two_lines() {
        // The second line under the first.
        let t =
            "Name          Date of      Sex\n              Birth\nAna Ruiz      01/02/2010   F\n";
        assert_eq!(
            read(t),
            cols(&[("Ana Ruiz", 0), ("01/02/2010", 1), ("F", 2)])
        );
        let lex = lex();
        let mut cs = Vec::new();
        let line = "              Birth";
        let text = format!("Name          Date of      Sex\n{line}\n");
        cells(&text[..30], 0, &mut cs);
        let mut table = header(&text, &text[..30], &cs, &lex).unwrap();
        assert_eq!(table.columns[1].label, None);
        cells(line, 31, &mut cs);
        assert_eq!(table.header_below(&text, &cs, &lex), Some(vec![(45, 50)]));
        assert_eq!(table.columns[1].label, lex.lookup("DOB"));
        // A row is no header line.
        let t = "Name          Age   Sex\nAna Ruiz      7     F\n";
        assert_eq!(read(t), cols(&[("Ana Ruiz", 0), ("7", 1), ("F", 2)]));
    }

    #[test]
    fn csv_rows() {
        let t = "Name,Age,Sex\n\"Ruiz, Ana\",7,F\n";
        assert_eq!(read(t), cols(&[("Ruiz, Ana", 0), ("7", 1), ("F", 2)]));
        assert_eq!(read("Name, age, and sex were recorded\nx, y, z"), vec![]);
    }

    #[test]
    fn label_value_rows_are_no_header() {
        assert_eq!(
            read("Last | MORALES | First | TERESA\nx | y | z | w"),
            vec![]
        );
        assert_eq!(read("| Name | Age |\n"), vec![]);
    }
}
