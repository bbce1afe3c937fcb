//! Unified diff of the original and redacted text, for a person to check.

use similar::{ChangeTag, TextDiff};
use std::fmt::Write as _;

/// Renders a unified diff with `context` lines around each change. With `color`,
/// removed lines are red and added lines green (ANSI escapes).
pub fn unified(original: &str, redacted: &str, name: &str, context: usize, color: bool) -> String {
    let diff = TextDiff::from_lines(original, redacted);
    let mut out = String::new();
    let (red, green, cyan, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    if diff.ratio() == 1.0 {
        return out;
    }
    let _ = writeln!(out, "--- {name} (original)");
    let _ = writeln!(out, "+++ {name} (redacted)");
    for hunk in diff.unified_diff().context_radius(context).iter_hunks() {
        let _ = writeln!(out, "{cyan}{}{reset}", hunk.header());
        for change in hunk.iter_changes() {
            let (sign, colour) = match change.tag() {
                ChangeTag::Delete => ('-', red),
                ChangeTag::Insert => ('+', green),
                ChangeTag::Equal => (' ', ""),
            };
            let line = change.value();
            let body = line.strip_suffix('\n').unwrap_or(line);
            let body = body.strip_suffix('\r').unwrap_or(body);
            let reset = if colour.is_empty() { "" } else { reset };
            let _ = writeln!(out, "{colour}{sign}{body}{reset}");
            if change.missing_newline() {
                let _ = writeln!(out, "\\ No newline at end of file");
            }
        }
    }
    out
}
