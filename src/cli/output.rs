//! What the commands print: paths, escaped findings, stdout that a closed pipe ends
//! quietly, the terminal diff, plural words.

use super::args::DiffLayout;
use anyhow::Result;
use casescrub::redact::Change;
use casescrub::review::termdiff::{self, Layout, Options};
use std::io::Write;
use std::path::Path;

/// A path as the messages show it.
pub fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Escapes control characters so a finding cannot drive the terminal.
pub fn escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Writes to stdout; a closed pipe (e.g. `| head`) ends quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => Ok(other?),
    }
}

/// `one` for 1, else `many`.
pub fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Renders `redact --diff`.
pub fn terminal_diff(
    text: &str,
    changes: &[Change],
    name: &str,
    layout: DiffLayout,
    width: Option<usize>,
    context: usize,
    color: bool,
) -> String {
    let layout = match layout {
        DiffLayout::Unified => Layout::Unified,
        DiffLayout::Side => Layout::Side {
            width: width.unwrap_or_else(terminal_width),
        },
    };
    termdiff::render(
        text,
        changes,
        name,
        Options {
            context,
            color,
            layout,
        },
    )
}

/// The terminal's width, else `$COLUMNS`, else 120.
fn terminal_width() -> usize {
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c > 0)
        .unwrap_or(120)
}

/// `n` and its noun: "1 file", "3 files".
pub fn count(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", plural(n as u64, one, many))
}
