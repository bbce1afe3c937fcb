//! Flags of `redact` (one file, a folder, a dataset) and `scan`.

use super::shared::{AssessArgs, ColorChoice, DetectionArgs, DiffLayout, PLACEHOLDER_HELP};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct RedactArgs {
    /// Input file, folder (folder mode: every file, recursively), or `-` for stdin.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// Where to write the redacted text (default: stdout; with --diff, not written).
    /// For a folder input: the output folder, which mirrors the input tree.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Write a JSON report of every change (contains the original values; mode 0600).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print a diff of original and redacted text to stdout, each change tagged with its
    /// kind and rule id (contains original values). `--diff` or `--diff=unified`: -/+
    /// lines; `--diff=side`: two columns fitted to the terminal width.
    #[arg(long, value_enum, num_args = 0..=1, require_equals = true,
          default_missing_value = "unified", value_name = "LAYOUT")]
    pub diff: Option<DiffLayout>,
    /// Reviewer decisions to apply (JSON `casescrub.decisions/1`: accept / reject / add).
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,
    /// Width of `--diff=side` (default: the terminal's, or $COLUMNS, or 120).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Lines of context around each change in the diff.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub context: usize,
    // Help text in PLACEHOLDER_HELP: clap turns a literal `{n}` in help into a newline.
    #[arg(long, help = PLACEHOLDER_HELP, default_value = casescrub::placeholder::DEFAULT_TEMPLATE, value_name = "TEMPLATE")]
    pub placeholder: String,
    /// When to colour the diff.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Allow writing the output over the input file (folder mode: needs --backup).
    #[arg(long)]
    pub in_place: bool,
    /// Output encoding: `same` as the input (default) or `utf-8`.
    #[arg(long, value_enum, default_value_t = OutputEncoding::Same, value_name = "ENC")]
    pub output_encoding: OutputEncoding,
    /// Bytes per window when streaming (testing aid).
    #[arg(long, hide = true, value_name = "BYTES")]
    pub chunk_size: Option<usize>,
    // Groups with their own help headings come last: a group's heading stays in force
    // for every option declared after it.
    #[command(flatten)]
    pub detection: DetectionArgs,
    #[command(flatten)]
    pub assess: AssessArgs,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub stream: StreamArgs,
}

/// `--output-encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputEncoding {
    /// The encoding the input came in (UTF-16 keeps its BOM).
    Same,
    /// UTF-8.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
}

/// Folder mode (the input is a folder).
#[derive(Debug, Args)]
#[command(next_help_heading = "Folder mode (INPUT is a folder)")]
pub struct BulkArgs {
    /// Include files matching GLOB (`*.txt`); `!GLOB` excludes. Repeatable.
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Worker threads (default: the number of cores). Outputs are identical for any N.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Only rewrite files whose manifest entry does not match the input and output hashes.
    #[arg(long)]
    pub resume: bool,
    /// The manifest (one JSON line per file) [default: OUT_DIR/casescrub-manifest.jsonl].
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// With --in-place: folder that receives a copy of every original (mode 0600).
    #[arg(long, value_name = "DIR")]
    pub backup: Option<PathBuf>,
    /// No progress bar and no summary (failures are still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

impl BulkArgs {
    /// The first folder-mode flag given, if any (they make no sense for one file).
    pub fn folder_only_flag(&self) -> Option<&'static str> {
        [
            (!self.globs.is_empty(), "--glob"),
            (self.jobs.is_some(), "--jobs"),
            (self.resume, "--resume"),
            (self.manifest.is_some(), "--manifest"),
            (self.backup.is_some(), "--backup"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag))
    }
}

/// Dataset mode: JSON Lines or CSV, streamed with constant memory.
#[derive(Debug, Args)]
#[command(next_help_heading = "Dataset mode (JSON Lines or CSV, streamed)")]
pub struct StreamArgs {
    /// Input is JSON Lines: redact the string values of each --field.
    #[arg(long, conflicts_with_all = ["csv", "diff"], requires = "fields")]
    pub jsonl: bool,
    /// Field of each JSON line to redact (repeatable; every string inside is redacted).
    #[arg(long = "field", value_name = "NAME", requires = "jsonl")]
    pub fields: Vec<String>,
    /// Input is CSV with a header row: redact each --column, keep every other column.
    #[arg(long, conflicts_with = "diff", requires = "columns")]
    pub csv: bool,
    /// CSV column to redact, by header name (repeatable).
    #[arg(long = "column", value_name = "NAME", requires = "csv")]
    pub columns: Vec<String>,
    /// Add the findings of each record (same schema as the report, plus the field).
    /// JSONL: a `findings` array per line; CSV: a `findings` column holding JSON.
    #[arg(long)]
    pub findings: bool,
    /// Pass records that lack a --field (or hold null in it) or a --column through
    /// unredacted, and count them on stderr (default: stop with an error naming the line).
    #[arg(long)]
    pub allow_missing_field: bool,
    /// CSV rows with more fields than the header: `error` (default: stop, naming the
    /// line) or `redact` (redact the extra fields as text).
    #[arg(long, value_enum, default_value_t = ExtraFields::Error, value_name = "WHAT", requires = "csv")]
    pub extra_fields: ExtraFields,
}

/// `--extra-fields`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtraFields {
    /// Stop with an error naming the line.
    Error,
    /// Redact the extra fields as text.
    Redact,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Input file, folder (every file under it, recursively, in path order), or `-`
    /// for stdin.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// Print the findings as a JSON report instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Placeholder template, as for `redact` (the replacements in the JSON report).
    #[arg(long, default_value = casescrub::placeholder::DEFAULT_TEMPLATE, value_name = "TEMPLATE")]
    pub placeholder: String,
    #[command(flatten)]
    pub detection: DetectionArgs,
}
