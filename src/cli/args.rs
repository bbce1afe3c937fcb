//! The command-line flags.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// De-identify case files: find identifying details, replace them with stable
/// placeholders and show exactly what changed.
///
/// Outputs that contain original identifying text: `--report` files, `--vault` files
/// and `--backup` folders (all created mode 0600), `scan` output and `--diff` output.
/// The redacted text itself does not; key files (mode 0600) hold no original, and the
/// key is never printed. Threat model: SECURITY.md.
#[derive(Debug, Parser)]
#[command(name = "casescrub", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Redact a file, a folder tree (`IN_DIR -o OUT_DIR`), or a JSONL/CSV stream.
    Redact(Box<RedactArgs>),
    /// List findings without rewriting anything (output contains identifying text).
    Scan(ScanArgs),
    /// Write ONE self-contained HTML page to check redactions: original and redacted side
    /// by side, findings highlighted (the page contains original identifying text).
    Review(Box<super::review::ReviewArgs>),
    /// Explain detection at a place: which rules matched, which won the overlap and why,
    /// which were rejected by a validator, context words or the allow-list.
    Explain(super::review::ExplainArgs),
    /// Check a redacted file (or folder) against the original and the report, and
    /// rescan it: exit 0 clean, 3 residue found, 4 not the original with the report applied.
    Verify(super::review::VerifyArgs),
    /// Inspect or test the pattern library.
    #[command(subcommand)]
    Patterns(PatternsCommand),
    /// List, show or check policies (what to remove and how).
    #[command(subcommand)]
    Policy(super::policy::PolicyCommand),
    /// Create a secret key file (mode 0600) for pseudonyms and date shifts.
    Keygen(super::policy::KeygenArgs),
    /// Put the originals back into a redacted file, using the vault of its run.
    Restore(super::policy::RestoreArgs),
    /// Case rosters: `case init FOLDER` proposes one from the documents of a case.
    #[command(subcommand)]
    Case(super::case::CaseCommand),
}

/// Help of `--placeholder`. clap replaces a literal `{n}` in help text with a
/// newline, so the `n` follows an ANSI reset (`ESC[0m`), which clap leaves alone and
/// strips when stdout is not a terminal: the help reads `{n}` either way.
pub const PLACEHOLDER_HELP: &str = "Placeholder template: `{kind}` is replaced by the kind (PERSON, DATE, ...) and `{\u{1b}[0mn}` by the number of the value within its kind";

/// Pattern-library options shared by every command.
#[derive(Debug, Args)]
#[command(next_help_heading = "Patterns")]
pub struct LibraryArgs {
    /// Folder of extra `*.toml` pattern files; rules with an existing id override it.
    #[arg(long, value_name = "DIR")]
    pub patterns: Option<PathBuf>,
}

/// What to detect and how to read the input: one argument group shared by `redact`,
/// `scan`, `explain` and `review`, so the four find exactly the same things.
#[derive(Debug, Args)]
pub struct DetectionArgs {
    #[command(flatten)]
    pub library: LibraryArgs,
    #[command(flatten)]
    pub policy: super::policy::PolicyArgs,
    #[command(flatten)]
    pub case: super::case::CaseArgs,
    #[command(flatten)]
    pub encoding: EncodingArgs,
}

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
    #[arg(long, help = super::args::PLACEHOLDER_HELP, default_value = casescrub::placeholder::DEFAULT_TEMPLATE, value_name = "TEMPLATE")]
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
    pub assess: super::case::AssessArgs,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub stream: StreamArgs,
}

/// How input bytes are decoded.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct EncodingArgs {
    /// Input encoding when the file has no byte-order mark (default UTF-8; a UTF-16 or
    /// UTF-8 BOM always wins): windows-1252, latin1, iso-8859-15, utf-16le, ...
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
}

impl EncodingArgs {
    /// The encoding named by `--encoding`, if any.
    pub fn label(&self) -> anyhow::Result<Option<&'static casescrub::encoding::Encoding>> {
        self.encoding
            .as_deref()
            .map(casescrub::encoding::for_label)
            .transpose()
            .map_err(anyhow::Error::msg)
    }
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

#[derive(Debug, Subcommand)]
pub enum PatternsCommand {
    /// Print every rule: id, kind, priority, source and description.
    List {
        /// Print the rules as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        library: LibraryArgs,
    },
    /// Run every rule's must-match and must-not-match examples.
    Test {
        #[command(flatten)]
        library: LibraryArgs,
    },
}

/// Layout of `redact --diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffLayout {
    /// `-`/`+` lines, like `diff -u`.
    Unified,
    /// Original and redacted side by side.
    Side,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Resolves `auto` against stdout and NO_COLOR.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
