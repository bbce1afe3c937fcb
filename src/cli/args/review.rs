//! Flags of `review`, `explain` and `verify`.

use super::shared::{AssessArgs, DetectionArgs, LibraryArgs, PLACEHOLDER_HELP};
use clap::Args;
use std::path::PathBuf;

/// Flags of `casescrub review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Files to review (one section per file, with an index); a folder stands for
    /// every file under it, in path order (the order folder mode numbers them in).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write the page (mode 0600: it contains original identifying text).
    #[arg(short, long, value_name = "review.html")]
    pub output: PathBuf,
    // Help text in PLACEHOLDER_HELP: clap turns a literal `{n}` in help into a newline.
    #[arg(long, help = PLACEHOLDER_HELP, default_value = casescrub::placeholder::DEFAULT_TEMPLATE, value_name = "TEMPLATE")]
    pub placeholder: String,
    /// Reviewer decisions to show and apply (JSON `casescrub.decisions/1`).
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,
    // The detection flags of `redact` (a --vault is read, so placeholders match an
    // earlier run, and never written).
    #[command(flatten)]
    pub detection: DetectionArgs,
    #[command(flatten)]
    pub assess: AssessArgs,
}

/// Flags of `casescrub explain`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("place").required(true).multiple(true).args(["at", "text"])))]
pub struct ExplainArgs {
    /// The file (or `-` for stdin).
    pub file: PathBuf,
    /// The place: 1-based LINE:COL (column in characters). Repeatable.
    #[arg(long, value_name = "LINE:COL")]
    pub at: Vec<String>,
    /// The place: every occurrence of this exact text in the file.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Also list the rule matches rejected because they start inside another word.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub detection: DetectionArgs,
}

/// Flags of `casescrub verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The original file, or the folder of originals of a bulk run.
    pub original: PathBuf,
    /// The redacted file, or the bulk output folder.
    pub redacted: PathBuf,
    /// The JSON report written by `redact --report` (lists the files and findings).
    #[arg(long, value_name = "REPORT.json")]
    pub report: PathBuf,
    #[command(flatten)]
    pub library: LibraryArgs,
}
