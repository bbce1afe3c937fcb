//! Flag groups shared by several commands: the pattern library, detection (policy,
//! case, encoding), assessment, and how diffs look.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

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
    pub policy: PolicyArgs,
    #[command(flatten)]
    pub case: CaseArgs,
    #[command(flatten)]
    pub encoding: EncodingArgs,
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

/// Which policy to apply and the secrets it may need.
#[derive(Debug, Args)]
#[command(next_help_heading = "Policy")]
pub struct PolicyArgs {
    /// Policy file (TOML): the action per kind or rule, allow- and deny-lists.
    #[arg(long, value_name = "FILE", conflicts_with = "profile")]
    pub policy: Option<PathBuf>,
    /// Built-in profile: strict (default), safe-harbor, publication, research, court-filing.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Secret key for `pseudonym` (and `surrogate`) tokens; create one with `casescrub keygen`.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Key that fixes the date-shift offset: every document shifted with it moves by
    /// the same number of days (one key per subject).
    #[arg(long, value_name = "FILE")]
    pub shift_key: Option<PathBuf>,
    /// Vault (JSON, mode 0600): keeps placeholders, the date offset and surrogates the
    /// same across every file of a case, and lets `casescrub restore` undo the redaction.
    #[arg(long, value_name = "FILE")]
    pub vault: Option<PathBuf>,
}

/// Case-aware redaction.
#[derive(Debug, Args)]
#[command(next_help_heading = "Case")]
pub struct CaseArgs {
    /// Case roster (TOML): parties with roles, numbers, addresses and dates of the
    /// case, always redacted in every variant (see `casescrub case init`).
    #[arg(long = "case", value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// `numbered` ([PERSON-1]) or `roles` ([APPLICANT], [TREATING-PHYSICIAN-1],
    /// [DATE-OF-INJURY], from the roster or the words before a name).
    #[arg(long, value_enum, default_value_t = Placeholders::Numbered)]
    pub placeholders: Placeholders,
    /// Write every date as its distance from this date: a roster date role
    /// (`date-of-injury` → [DOI+1522d]) or a date (`2002-06-18` → [D0+1522d]).
    /// Dates use the `relative` action unless the policy already does.
    #[arg(long, value_name = "ROLE|DATE")]
    pub anchor: Option<String>,
}

/// What `redact --report` and the `review` page add beyond the findings.
#[derive(Debug, Args)]
#[command(
    next_help_heading = "Assessment (added to the --report of redact, or to the review page)"
)]
pub struct AssessArgs {
    /// Add the HIPAA Safe Harbor checklist (18 classes: found, removed, remaining, all
    /// counted from what the detector found) and the residue list: capitalised words
    /// left in the output that are not in the safe vocabulary, for a person to check.
    #[arg(long)]
    pub coverage: bool,
    /// Add re-identification risk: quasi-identifiers left in each file and the files
    /// whose combination is rare enough to single a person out.
    #[arg(long)]
    pub risk: bool,
    /// Rare diagnoses (one a line) for --risk: left in a document with age, sex or
    /// place, they flag it. Implies --risk.
    #[arg(long, value_name = "FILE")]
    pub rare: Option<PathBuf>,
}

/// Placeholder style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Placeholders {
    /// `[KIND-n]` (the `--placeholder` template).
    Numbered,
    /// What the entity is to the case: `[APPLICANT]`, falling back to `[PERSON-n]`.
    Roles,
}

impl CaseArgs {
    /// Whether any case flag asks for the case engine.
    pub fn wanted(&self) -> bool {
        self.roster.is_some() || self.placeholders == Placeholders::Roles
    }
}
