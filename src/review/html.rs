//! The HTML review page: one self-contained file (no network, no external scripts
//! or fonts) with the original and redacted text side by side, every finding
//! highlighted, a legend, a findings list with n/p navigation, and a banner saying
//! that the page holds original identifying text.
//!
//! Text and findings are embedded as JSON; the page's script renders rows in chunks
//! as they scroll into view, so a 10 MB file opens without building a huge DOM.

use crate::kind::Kind;
use crate::redact::Change;
use crate::review::escape::esc;
use crate::review::safety::Safety;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What a reviewer decided about a finding (see [`crate::review::decisions`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Not decided yet.
    Pending,
    /// Confirmed: redact it.
    Accept,
    /// Not an identifier: keep the original text.
    Reject,
    /// Added by a reviewer (not found by a rule).
    Add,
}

/// One file of a review page.
#[derive(Debug, Clone)]
pub struct ReviewFile {
    /// Name shown in the index and section header.
    pub name: String,
    /// The original text.
    pub original: String,
    /// The changes of the redaction, in input order.
    pub changes: Vec<Change>,
    /// A reviewer mark per change (same length as `changes`; empty means all pending).
    pub marks: Vec<Mark>,
    /// Findings a reviewer rejected: shown struck through, not applied.
    pub rejected: Vec<Change>,
}

/// Lines up to which every row is rendered at load; longer files render lazily.
pub const EAGER_LINES: usize = 3000;

const CSS: &str = include_str!("assets/review.css");
const JS: &str = include_str!("assets/review.js");

/// Background colour of a kind's highlight (the same in the legend).
pub fn kind_colour(kind: Kind) -> String {
    let i = Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    // Spread the hues; alternate lightness so neighbours differ.
    let hue = (i * 137) % 360;
    let light = if i % 2 == 0 { 78 } else { 86 };
    format!("hsl({hue} 85% {light}%)")
}

/// One finding as the page's script reads it: [start16, end16, kind, rule,
/// replacement, line, column, byte start, byte end, mark].
type FindingRow<'a> = (
    usize,
    usize,
    usize,
    usize,
    &'a str,
    usize,
    usize,
    usize,
    usize,
    Mark,
);

#[derive(Serialize)]
struct FileData<'a> {
    name: &'a str,
    text: &'a str,
    f: Vec<FindingRow<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    kinds: Vec<&'static str>,
    rules: Vec<&'a str>,
    eager_lines: usize,
}

/// Renders the whole page.
pub fn render(files: &[ReviewFile], title: &str) -> String {
    render_with(files, title, None)
}

/// Renders the whole page with the coverage and risk sections of `safety` (its
/// `files` in the order of `files`): the run's after the index, each file's under
/// its legend.
pub fn render_with(files: &[ReviewFile], title: &str, safety: Option<&Safety>) -> String {
    let mut rules: Vec<&str> = Vec::new();
    let mut rule_index = BTreeMap::new();
    let kinds: Vec<&'static str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let mut data = Vec::new();
    for file in files {
        let mut f = Vec::new();
        let mut conv = Utf16Offsets::new(&file.original);
        let all = file
            .changes
            .iter()
            .enumerate()
            .map(|(i, c)| (c, file.marks.get(i).copied().unwrap_or(Mark::Pending)))
            .chain(file.rejected.iter().map(|c| (c, Mark::Reject)));
        let mut all: Vec<_> = all.collect();
        all.sort_by_key(|(c, _)| c.start);
        for (c, mark) in all {
            let rule = *rule_index.entry(c.rule.to_string()).or_insert_with(|| {
                rules.push(&c.rule);
                rules.len() - 1
            });
            let kind = Kind::ALL.iter().position(|&k| k == c.kind).unwrap_or(0);
            f.push((
                conv.at(c.start),
                conv.at(c.end),
                kind,
                rule,
                c.replacement.as_str(),
                c.line,
                c.column,
                c.start,
                c.end,
                mark,
            ));
        }
        data.push(FileData {
            name: &file.name,
            text: &file.original,
            f,
        });
    }
    let meta = Meta {
        kinds: kinds.clone(),
        rules: rules.clone(),
        eager_lines: EAGER_LINES,
    };

    let mut out = String::with_capacity(
        files.iter().map(|f| f.original.len()).sum::<usize>() * 2 + 64 * 1024,
    );
    let total: usize = files.iter().map(|f| f.changes.len()).sum();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — casescrub review (CONTAINS ORIGINAL IDENTIFYING TEXT)</title>\n<style>\n{CSS}",
        esc(title)
    );
    for kind in Kind::ALL {
        let _ = writeln!(
            out,
            ".k-{} {{ background: {}; }}",
            kind.as_str(),
            kind_colour(kind)
        );
    }
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(
        "<div id=\"banner\" role=\"alert\"><strong>This page contains original identifying \
         text.</strong> Treat it like the unredacted files: do not share, upload or attach it. \
         Share only the redacted output.</div>\n",
    );
    let _ = write!(
        out,
        "<header id=\"top\">\n<h1>casescrub review: {}</h1>\n\
         <p id=\"status\" aria-live=\"polite\">{total} finding(s) in {} file(s). \
         Press <kbd>n</kbd> / <kbd>p</kbd> for the next / previous finding.</p>\n\
         <div id=\"tools\"><button id=\"dl\" type=\"button\">Download decisions (JSON)</button> \
         <span class=\"hint\">Click a highlight to cycle accept / reject; select text in the \
         original and press <kbd>a</kbd> to add a finding.</span></div>\n\
         <pre id=\"errors\" hidden></pre>\n</header>\n",
        esc(title),
        files.len()
    );
    // Index.
    out.push_str("<nav id=\"index\"><h2>Files</h2>\n<ol>\n");
    for (i, file) in files.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#file-{i}\">{}</a> — {} finding(s){}{}</li>",
            esc(&file.name),
            file.changes.len(),
            if file.rejected.is_empty() {
                String::new()
            } else {
                format!(", {} rejected", file.rejected.len())
            },
            safety
                .and_then(|s| s.files.get(i))
                .map(super::safety::index_note)
                .unwrap_or_default()
        );
    }
    out.push_str("</ol>\n</nav>\n");
    if let Some(safety) = safety {
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        out.push_str(&super::safety::run_section(safety, &names));
    }
    for (i, file) in files.iter().enumerate() {
        let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
        for c in &file.changes {
            *counts.entry(c.kind).or_insert(0) += 1;
        }
        let _ = write!(
            out,
            "<section class=\"file\" id=\"file-{i}\" data-file=\"{i}\">\n<h2>{}</h2>\n\
             <div class=\"legend\" aria-label=\"Findings per kind\">",
            esc(&file.name)
        );
        for (kind, n) in &counts {
            let _ = write!(
                out,
                "<span class=\"key k-{k}\" data-kind=\"{k}\">{k} <b>{n}</b></span> ",
                k = kind.as_str()
            );
        }
        if counts.is_empty() {
            out.push_str("<span class=\"none\">No findings.</span>");
        }
        out.push_str("</div>\n");
        if let Some(file) = safety.and_then(|s| s.files.get(i)) {
            out.push_str(&super::safety::file_section(file));
        }
        out.push_str(
            "<div class=\"body\">\n<div class=\"list\" tabindex=\"0\" \
             aria-label=\"Findings\"><div class=\"spacer\"></div></div>\n\
             <div class=\"grid\"><div class=\"head\"><span></span><span>Original</span>\
             <span>Redacted</span></div><div class=\"rows\"></div></div>\n</div>\n</section>\n",
        );
    }
    out.push_str("<script type=\"application/json\" id=\"meta\">");
    out.push_str(&script_json(&meta));
    out.push_str("</script>\n");
    for (i, d) in data.iter().enumerate() {
        let _ = write!(out, "<script type=\"application/json\" id=\"data-{i}\">");
        out.push_str(&script_json(d));
        out.push_str("</script>\n");
    }
    out.push_str("<script>\n");
    out.push_str(JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// JSON safe inside a `<script>` element: `<` is escaped so text like `</script>`
/// cannot end it.
fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .expect("review data serializes")
        .replace('<', "\\u003c")
}

/// Converts increasing byte offsets to UTF-16 offsets (JavaScript string indices).
struct Utf16Offsets<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Offsets<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Offsets {
            text,
            byte: 0,
            unit: 0,
        }
    }

    fn at(&mut self, offset: usize) -> usize {
        if offset < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += self.text[self.byte..offset].encode_utf16().count();
        self.byte = offset;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "é😀x";
        let mut c = Utf16Offsets::new(text);
        assert_eq!(c.at(2), 1);
        assert_eq!(c.at(6), 3);
        assert_eq!(c.at(7), 4);
        assert_eq!(c.at(0), 0);
    }

    #[test]
    fn script_data_cannot_close_the_script_element() {
        let s = script_json(&"</script><script>alert(1)</script>");
        assert!(!s.contains('<'));
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script>");
    }

    #[test]
    fn kinds_get_distinct_colours() {
        let colours: std::collections::BTreeSet<String> =
            Kind::ALL.iter().map(|&k| kind_colour(k)).collect();
        assert_eq!(colours.len(), Kind::ALL.len());
    }
}
