//! Command-line interface: flags (clap derive) and the commands that use them.

mod args;
mod case;
mod chunked;
mod commands;
mod detection;
mod folder;
mod policy;
mod review;
mod stream;

use clap::Parser;

/// On Ctrl-C (SIGINT, SIGTERM), deletes every temporary file still being written and
/// exits with status 130; completed files and their manifest lines stay.
fn remove_temporaries_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        casescrub::bulk::atomic::remove_temporaries();
        eprintln!("casescrub: interrupted; completed files are kept (see the manifest), partial ones removed");
        std::process::exit(130);
    });
}

/// Parses the command line, runs it, and returns the process exit code:
/// 0 done, 1 error, 2 usage error.
pub fn main() -> i32 {
    remove_temporaries_on_interrupt();
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("casescrub: error: {}", message(&e));
            1
        }
    }
}

/// The error and its causes, each said once: a cause whose text the message above it
/// already contains (as `casescrub::Error::Io` contains its I/O error) is left out.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// `one` for 1, else `many`: the one place user-facing counts get their plural.
pub(crate) fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `n` and its noun: "1 file", "3 files".
pub(crate) fn count(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", plural(n as u64, one, many))
}
