//! The layout stage: reads the structure of a text — fields, forms, tables and
//! blocks — and gives every value the label it sits under, so a value under an
//! identifying label is redacted as that kind whatever its shape.
//!
//! One linear pass over the lines, no I/O: [`lines`] cuts a line into cells,
//! [`tables`] recognizes a header row and reads the rows under it, [`fields`]
//! finds `Label: value` forms on the other lines, [`blocks`] finds signers and
//! caption parties, [`values`] bounds each value by its kind, and [`apply`]
//! merges the values with the pattern findings. The labels come from the
//! `[[label]]` tables of the pattern library ([`crate::label_lexicon`]).

pub mod apply;
pub mod blocks;
pub mod fields;
pub mod lines;
pub mod tables;
pub mod values;

pub use crate::label_lexicon::{Label, LabelId, Lexicon, Shape};

use crate::kind::Kind;
use lines::Cell;

/// What structure a field value was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// `Label: value` and the other one-line forms.
    Field,
    /// A table cell under a header.
    Table,
    /// The name under a letter's closing.
    Signature,
    /// A party of a court caption.
    Caption,
}

/// One value and the label it sits under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The label (or column header) rule.
    pub label: LabelId,
    /// What the value is (the label's kind; a caption party may be an ORG).
    pub kind: Kind,
    /// Byte span of the label text, column header, closing or role line.
    pub label_span: (usize, usize),
    /// Byte span of the value, bounded by its kind.
    pub start: usize,
    /// End of the value.
    pub end: usize,
    /// 1-based line of the label.
    pub line: usize,
    /// Where it was found.
    pub container: Container,
}

/// Most words of a value on the line under its label.
const MAX_VALUE_WORDS: usize = 8;

/// Lines to look at under a closing for the signer's name.
const SIGNATURE_REACH: usize = 4;

/// What the layout stage read in a text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Every field value under a label that says something, in text order, not
    /// overlapping.
    pub fields: Vec<Field>,
    /// Byte spans no rule may redact: the cells of a table's header row, and the
    /// values under an identifying label that say nothing (`N/A`, `NONE`,
    /// `declined`). Sorted by start; they may overlap field values' labels.
    pub quiet: Vec<(usize, usize)>,
}

/// Every field value of `text` under a label of `lex` that says something, in
/// text order, not overlapping. Values of [`Kind::Allow`] labels are left out.
pub fn fields(text: &str, lex: &Lexicon) -> Vec<Field> {
    read(text, lex).fields
}

/// The fields of `text` (see [`fields`]) and the spans to leave as they are.
pub fn read(text: &str, lex: &Lexicon) -> Layout {
    let mut layout = Layout::default();
    if lex.is_empty() {
        return layout;
    }
    let signature = lex
        .labels()
        .iter()
        .position(|l| &*l.id == "label.signature");
    let party = lex.labels().iter().position(|l| &*l.id == "label.party");
    let mut cells: Vec<Cell> = Vec::new();
    let mut raw = Vec::new();
    let mut table: Option<(tables::Table, usize)> = None;
    let mut block = false; // the line before held a field
    let mut closing: Option<(usize, (usize, usize), usize)> = None; // (line, span, lines left)
    let mut prev: Option<lines::Line> = None; // the last non-blank line
    let mut label_line: Vec<usize> = Vec::new();
    // A label alone on its line: (label, its span, its line).
    let mut pending: Option<(LabelId, (usize, usize), usize)> = None;
    for line in lines::lines(text) {
        // Lines of a megabyte are read as one line, still in one pass.
        lines::cells(line.text, line.start, &mut cells);
        // After a blank line, a line of labels is the next table's header
        // ("Applicant  Employer", then "Adjuster  Phone").
        if table.as_ref().is_some_and(|(t, _)| {
            t.after_blank()
                && !lines::is_blank(line.text)
                && tables::header(text, line.text, &cells, lex).is_some()
        }) {
            table = None;
        }
        if let Some((t, header_line)) = table.as_mut() {
            // A header of two lines: "Date of" over "Birth".
            if let Some(spans) = t.header_below(text, &cells, lex) {
                layout.quiet.extend(spans);
                continue;
            }
            match t.row(text, line.text, &cells) {
                tables::Row::Cells(row) => {
                    for (s, e, i) in row {
                        let col = t.columns[i];
                        let Some(label) = col.label else { continue };
                        push_value(
                            text,
                            lex,
                            label,
                            col.span,
                            (s, e),
                            *header_line,
                            Container::Table,
                            &mut layout,
                        );
                    }
                    continue;
                }
                tables::Row::Skip => continue,
                tables::Row::End => table = None,
            }
        }
        if lines::is_blank(line.text) {
            block = false;
            // One blank line may sit between a label and its value.
            pending = pending.filter(|p| p.2 + 1 == line.number);
            continue;
        }
        let dangling = pending.take();
        if let Some(mut t) = tables::header(text, line.text, &cells, lex) {
            // The header's first line right above it ("Date of" over "Birth").
            if let Some(above) = prev.filter(|p| p.number + 1 == line.number) {
                let mut above_cells = Vec::new();
                lines::cells(above.text, above.start, &mut above_cells);
                if let Some(spans) = t.header_above(text, &above_cells, lex) {
                    layout.quiet.extend(spans);
                }
            }
            layout.quiet.extend(t.header_spans());
            table = Some((t, line.number));
            block = false;
            prev = Some(line);
            continue;
        }
        // The signer under a closing.
        if let Some((at, span, left)) = closing.take() {
            if blocks::is_signature_filler(line.text) {
                closing = (left > 1).then_some((at, span, left - 1));
            } else if let (Some(sig), Some(value)) =
                (signature, blocks::signer(line.text, line.start))
            {
                push_value(
                    text,
                    lex,
                    sig as LabelId,
                    span,
                    value,
                    at,
                    Container::Signature,
                    &mut layout,
                );
                prev = Some(line);
                continue;
            }
        }
        if blocks::is_closing(line.text) {
            closing = Some((
                line.number,
                (line.start, line.start + line.text.len()),
                SIGNATURE_REACH,
            ));
            prev = Some(line);
            block = false;
            continue;
        }
        // A caption party above its role line.
        if blocks::is_role_line(line.text) {
            if let (Some(p), Some(above)) = (party, prev) {
                for ((s, e), org) in blocks::parties(above.text, above.start) {
                    let kind = if org { Kind::Org } else { Kind::Person };
                    let span = (line.start, line.start + line.text.len());
                    let field = Site {
                        label: p as LabelId,
                        label_span: span,
                        line: line.number,
                        container: Container::Caption,
                    };
                    push_kind(text, lex, field, (s, e), Some(kind), &mut layout);
                }
            }
            prev = Some(line);
            block = false;
            continue;
        }
        raw.clear();
        fields::line_fields(text, &cells, lex, block, &mut raw);
        label_line.clear();
        let mut had_value = false;
        // `Patient Name:` on the line before, the value on this one.
        let value_line =
            |t: &str| !t.contains(':') && t.split_whitespace().nth(MAX_VALUE_WORDS).is_none();
        if let Some((label, span, at)) =
            dangling.filter(|_| raw.is_empty() && value_line(line.text))
        {
            let t = line.text.trim();
            let s = line.start + (line.text.len() - line.text.trim_start().len());
            push_value(
                text,
                lex,
                label,
                span,
                (s, s + t.len()),
                at,
                Container::Field,
                &mut layout,
            );
            had_value = true;
        } else if raw.is_empty() {
            pending = fields::dangling(text, &cells, lex).map(|(l, span)| (l, span, line.number));
        }
        let had = had_value || !raw.is_empty();
        for f in &raw {
            push_value(
                text,
                lex,
                f.label,
                f.label_span,
                f.value,
                line.number,
                Container::Field,
                &mut layout,
            );
        }
        block = had;
        prev = Some(line);
    }
    // Values found out of order (a caption party above its role line) sorted in.
    layout.fields.sort_by_key(|f| (f.start, f.end));
    let mut last_end = 0;
    layout.fields.retain(|f| {
        let keep = f.start >= last_end;
        if keep {
            last_end = f.end;
        }
        keep
    });
    layout.quiet.sort_unstable();
    layout.quiet.dedup();
    layout
}

/// Where a value sits: its label, the label's span and line, the container.
#[derive(Debug, Clone, Copy)]
struct Site {
    label: LabelId,
    label_span: (usize, usize),
    line: usize,
    container: Container,
}

#[allow(clippy::too_many_arguments)]
fn push_value(
    text: &str,
    lex: &Lexicon,
    label: LabelId,
    label_span: (usize, usize),
    value: (usize, usize),
    line: usize,
    container: Container,
    out: &mut Layout,
) {
    let site = Site {
        label,
        label_span,
        line,
        container,
    };
    push_kind(text, lex, site, value, None, out);
}

/// Bounds the value at `value` by its kind (the label's, or `kind`) and records it.
fn push_kind(
    text: &str,
    lex: &Lexicon,
    site: Site,
    value: (usize, usize),
    kind: Option<Kind>,
    out: &mut Layout,
) {
    let l = lex.label(site.label);
    let kind = kind.unwrap_or(l.kind);
    // A field's label stays as it is, for the later passes too (and on the
    // settling pass, when its value is a placeholder).
    if site.container == Container::Field {
        out.quiet.push(site.label_span);
    }
    if l.shape == Shape::Measurement {
        out.quiet
            .extend(values::measurement_span(text, value.0, value.1));
        return;
    }
    // `[ ] Male [X] Female`: the ticked options are the values.
    if site.container != Container::Caption {
        let mut ticked = Vec::new();
        if values::ticked_options(text, value.0, value.1, &mut ticked) {
            for option in ticked {
                push_bounded(text, l.shape, site, option, kind, out);
            }
            return;
        }
    }
    push_bounded(text, l.shape, site, value, kind, out);
}

/// Records the value at `value`, bounded by `kind` and the label's `shape`,
/// or keeps it as it is when it says nothing.
fn push_bounded(
    text: &str,
    shape: Shape,
    site: Site,
    value: (usize, usize),
    kind: Kind,
    out: &mut Layout,
) {
    // A middle initial may be a letter that says "yes" elsewhere (`Y`).
    let nothing = (shape != Shape::Initial)
        .then(|| values::nothing_span(text, value.0, value.1, kind))
        .flatten();
    if let Some(span) = nothing {
        out.quiet.push(span);
        return;
    }
    let shape = match (site.container, kind) {
        (Container::Signature | Container::Caption, Kind::Person) => Shape::Name,
        (Container::Caption, _) => Shape::Default,
        _ => shape,
    };
    if let Some((start, end)) = values::bound(text, value.0, value.1, kind, shape) {
        out.fields.push(Field {
            label: site.label,
            kind,
            label_span: site.label_span,
            start,
            end,
            line: site.line,
            container: site.container,
        });
    }
}

#[cfg(test)]
mod tests;
