//! `redact`'s flags resolved into what runs: the mode (a folder, a dataset, or one
//! file streamed or whole) with everything that mode needs.

use super::super::args::{DiffLayout, ExtraFields, OutputEncoding, RedactArgs};
use super::super::output::display;
use super::checks::{detection_flags, template};
use anyhow::{bail, Result};
use casescrub::bulk::{self, Target};
use casescrub::encoding::Encoding;
use casescrub::{io, stream};
use std::path::{Path, PathBuf};

/// Default manifest file name, inside the output (or backup) folder.
pub const MANIFEST_NAME: &str = "casescrub-manifest.jsonl";

/// `redact`, checked: its flags, the mode they pick and the input encoding.
#[derive(Debug)]
pub struct RedactPlan {
    /// The flags.
    pub args: RedactArgs,
    /// What runs.
    pub mode: Mode,
    /// The input encoding named by `--encoding` (one file only).
    pub encoding: Option<&'static Encoding>,
}

/// What `redact` runs.
#[derive(Debug)]
pub enum Mode {
    /// Folder mode: every file of a tree.
    Folder(FolderPlan),
    /// Dataset mode: JSON Lines or CSV records, streamed.
    Dataset(Dataset),
    /// One text file (or stdin), streamed window by window in bounded memory.
    Streamed,
    /// One text file read whole: a diff, a vault (which records the output's
    /// SHA-256), a case roster, reviewer decisions or an assessment needs the text.
    Whole,
}

/// Where folder mode writes and how many workers it runs.
#[derive(Debug)]
pub struct FolderPlan {
    /// The output folder, or in place with a backup folder.
    pub target: Target,
    /// The manifest file.
    pub manifest: PathBuf,
    /// Worker threads.
    pub threads: usize,
}

/// The records of dataset mode and what to redact in them.
#[derive(Debug)]
pub enum Dataset {
    /// JSON Lines, with the fields to redact.
    Jsonl(stream::jsonl::Options),
    /// CSV with a header row, with the columns to redact.
    Csv(stream::csv::Options),
}

/// Checks every flag of `redact` against the others and picks the mode.
pub fn resolve(args: RedactArgs) -> Result<RedactPlan> {
    let encoding = detection_flags(&args.detection)?;
    let mode = mode(&args)?;
    Ok(RedactPlan {
        args,
        mode,
        encoding,
    })
}

fn mode(args: &RedactArgs) -> Result<Mode> {
    template(&args.placeholder)?;
    let dataset = args.stream.jsonl || args.stream.csv;
    let folder = args.input.is_dir();
    let assess = args.assess.coverage || args.assess.risk || args.assess.rare.is_some();
    if args.decisions.is_some() && dataset {
        bail!("--decisions applies to files and folders (dataset mode does not take it yet)");
    }
    if (folder || dataset)
        && (args.detection.encoding.encoding.is_some()
            || args.output_encoding != OutputEncoding::Same)
    {
        bail!("--encoding and --output-encoding apply to one text file (folder and dataset modes read UTF-8)");
    }
    if args.width.is_some() && args.diff != Some(DiffLayout::Side) {
        bail!("--width sets the columns of --diff=side; add --diff=side, or leave --width out");
    }
    if folder {
        return Ok(Mode::Folder(folder_plan(args, assess)?));
    }
    if let Some(flag) = args.bulk.folder_only_flag() {
        bail!(
            "{flag} only applies when the input is a folder ({} is not)",
            display(&args.input)
        );
    }
    if args.in_place && args.output.as_deref().is_none_or(|o| o == Path::new("-")) {
        bail!(
            "--in-place writes the output over the input: give -o {} --in-place \
             (or leave --in-place out to write to standard output)",
            display(&args.input)
        );
    }
    if dataset {
        if args.detection.case.wanted() || args.detection.case.anchor.is_some() {
            bail!("--case, --placeholders roles and --anchor apply to files and folders, not to --jsonl/--csv");
        }
        if args.report.is_some() {
            bail!("--report is for files and folders; in dataset mode use --findings (a findings array per record)");
        }
        if assess {
            bail!("--coverage, --risk and --rare add sections to a --report, which dataset mode does not write; \
                   run them on files or folders (use --findings for what each record held)");
        }
        if args.detection.policy.vault.is_some() {
            bail!("--vault is not available in dataset mode; use --key-file with a pseudonym policy for tokens that are stable across runs and machines");
        }
        if args.chunk_size.is_some() {
            bail!("--chunk-size applies to one text file streamed, not to --jsonl/--csv");
        }
        not_over_input(
            args,
            args.output.as_deref().filter(|p| *p != Path::new("-")),
        )?;
        return Ok(Mode::Dataset(dataset_plan(args)));
    }
    if args.stream.findings {
        bail!("--findings needs --jsonl or --csv");
    }
    needs_report(args, assess)?;
    not_over_input(args, args.output.as_deref())?;
    let whole = args.diff.is_some()
        || args.detection.policy.vault.is_some()
        || args.detection.case.wanted()
        || args.decisions.is_some()
        || assess;
    if whole && args.chunk_size.is_some() {
        bail!(
            "--chunk-size applies when the file is streamed; --diff, --vault, --case, \
             --placeholders roles, --decisions, --coverage, --risk and --rare read it whole"
        );
    }
    Ok(if whole { Mode::Whole } else { Mode::Streamed })
}

/// The assessments go into the report: they need one.
fn needs_report(args: &RedactArgs, assess: bool) -> Result<()> {
    if assess && args.report.is_none() {
        bail!("--coverage, --risk and --rare add sections to the report: give --report FILE");
    }
    Ok(())
}

/// The output file `out` must not be the input, unless `--in-place` says so.
fn not_over_input(args: &RedactArgs, out: Option<&Path>) -> Result<()> {
    if let Some(out) = out {
        if !args.in_place && io::same_file(&args.input, out) {
            bail!(
                "{}: output is the input file; pass --in-place to overwrite it",
                display(out)
            );
        }
    }
    Ok(())
}

/// What dataset mode redacts, from `--field`/`--column` and its options.
fn dataset_plan(args: &RedactArgs) -> Dataset {
    let s = &args.stream;
    if s.jsonl {
        Dataset::Jsonl(stream::jsonl::Options {
            fields: s.fields.clone(),
            findings: s.findings,
            allow_missing: s.allow_missing_field,
        })
    } else {
        Dataset::Csv(stream::csv::Options {
            columns: s.columns.clone(),
            findings: s.findings,
            delimiter: b',',
            allow_missing: s.allow_missing_field,
            extra: match s.extra_fields {
                ExtraFields::Error => stream::csv::Extra::Error,
                ExtraFields::Redact => stream::csv::Extra::Redact,
            },
        })
    }
}

/// The flags of a folder run, checked: where it writes, its manifest, its workers,
/// and no vault inside the input folder.
fn folder_plan(args: &RedactArgs, assess: bool) -> Result<FolderPlan> {
    if args.stream.jsonl || args.stream.csv || args.stream.findings {
        bail!("--jsonl/--csv/--findings read one file or stdin, not a folder");
    }
    if args.diff.is_some() {
        bail!("--diff is not available for a folder input; use --report for every change");
    }
    if args.chunk_size.is_some() {
        bail!("--chunk-size applies to one text file streamed, not to a folder");
    }
    if args.decisions.is_some() && args.bulk.resume {
        bail!(
            "--resume cannot tell which outputs changed decisions would change; \
             run with --decisions without --resume"
        );
    }
    let target = match (&args.output, args.in_place, &args.bulk.backup) {
        (Some(_), true, _) => bail!("give either -o OUT_DIR or --in-place, not both"),
        (None, true, Some(backup)) => Target::InPlace {
            backup: backup.clone(),
        },
        (None, true, None) => bail!(
            "--in-place on a folder needs --backup DIR (a folder outside the input that receives every original)"
        ),
        (Some(out), false, None) => Target::Folder(out.clone()),
        (Some(_), false, Some(_)) => bail!("--backup only applies with --in-place"),
        (None, false, _) => bail!(
            "{} is a folder: give -o OUT_DIR for the redacted tree (or --in-place --backup DIR)",
            args.input.display()
        ),
    };
    needs_report(args, assess)?;
    let manifest = match (&args.bulk.manifest, &target) {
        (Some(m), _) => m.clone(),
        (None, Target::Folder(out)) => out.join(MANIFEST_NAME),
        (None, Target::InPlace { backup }) => backup.join(MANIFEST_NAME),
    };
    if let Some(vault) = &args.detection.policy.vault {
        let input = bulk::paths::resolve(&args.input)?;
        if bulk::paths::resolve(vault)?.starts_with(&input) {
            bail!(
                "{}: the vault is inside the input folder; casescrub never writes inside the input folder",
                vault.display()
            );
        }
    }
    let threads = match args.bulk.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    Ok(FolderPlan {
        target,
        manifest,
        threads,
    })
}
