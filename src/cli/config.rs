//! `redact`'s flags resolved once into what runs: the mode (a folder, a dataset, or
//! one file) with everything that mode needs, every flag combination checked here
//! and nowhere else, each refusal saying what to do instead (as ripgrep's `HiArgs`
//! stands between clap's parsed flags and the search).

use super::args::{OutputEncoding, RedactArgs};
use super::output::display;
use anyhow::{bail, Result};
use casescrub::bulk::{self, Target};
use casescrub::{io, placeholder};
use std::path::{Path, PathBuf};

/// Default manifest file name, inside the output (or backup) folder.
pub const MANIFEST_NAME: &str = "casescrub-manifest.jsonl";

/// What `redact` runs.
#[derive(Debug)]
pub enum Mode {
    /// Folder mode: every file of a tree.
    Folder(FolderPlan),
    /// Dataset mode: JSON Lines or CSV records, streamed.
    Dataset,
    /// One text file (or stdin).
    File,
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

/// Whether the flags ask for dataset mode.
pub fn dataset(args: &RedactArgs) -> bool {
    args.stream.jsonl || args.stream.csv
}

/// Checks every flag of `redact` against the others and picks the mode.
pub fn redact_mode(args: &RedactArgs) -> Result<Mode> {
    placeholder::check_template(&args.placeholder).map_err(anyhow::Error::msg)?;
    let dataset = dataset(args);
    let folder = args.input.is_dir();
    if args.decisions.is_some() && dataset {
        bail!("--decisions applies to files and folders (dataset mode does not take it yet)");
    }
    if (folder || dataset)
        && (args.detection.encoding.encoding.is_some()
            || args.output_encoding != OutputEncoding::Same)
    {
        bail!("--encoding and --output-encoding apply to one text file (folder and dataset modes read UTF-8)");
    }
    if folder {
        return Ok(Mode::Folder(folder_plan(args)?));
    }
    if let Some(flag) = args.bulk.folder_only_flag() {
        bail!(
            "{flag} only applies when the input is a folder ({} is not)",
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
        if args.detection.policy.vault.is_some() {
            bail!("--vault is not available in dataset mode; use --key-file with a pseudonym policy for tokens that are stable across runs and machines");
        }
        not_over_input(
            args,
            args.output.as_deref().filter(|p| *p != Path::new("-")),
        )?;
        return Ok(Mode::Dataset);
    }
    if args.stream.findings {
        bail!("--findings needs --jsonl or --csv");
    }
    not_over_input(args, args.output.as_deref())?;
    Ok(Mode::File)
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

/// The flags of a folder run, checked: where it writes, its manifest, its workers,
/// and no vault inside the input folder.
fn folder_plan(args: &RedactArgs) -> Result<FolderPlan> {
    if args.stream.jsonl || args.stream.csv || args.stream.findings {
        bail!("--jsonl/--csv/--findings read one file or stdin, not a folder");
    }
    if args.diff.is_some() {
        bail!("--diff is not available for a folder input; use --report for every change");
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
