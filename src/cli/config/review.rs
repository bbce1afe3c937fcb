//! The flags of `scan`, `review`, `explain` and `verify` resolved into what runs.

use super::super::args::{ExplainArgs, ReviewArgs, ScanArgs, VerifyArgs};
use super::super::output::display;
use super::checks::{detection_flags, library_flags, template};
use anyhow::{bail, Result};
use casescrub::encoding::Encoding;
use casescrub::io;

/// `scan`, checked.
#[derive(Debug)]
pub struct ScanPlan {
    /// The flags.
    pub args: ScanArgs,
    /// The input encoding named by `--encoding`.
    pub encoding: Option<&'static Encoding>,
    /// Whether the input is a folder (each finding then names its file).
    pub folder: bool,
}

/// `review`, checked: the page is never an input nor inside an input folder.
#[derive(Debug)]
pub struct ReviewPlan {
    /// The flags.
    pub args: ReviewArgs,
    /// The input encoding named by `--encoding`.
    pub encoding: Option<&'static Encoding>,
}

/// `explain`, checked: every `--at` is a LINE:COL, a `--text` is not empty.
#[derive(Debug)]
pub struct ExplainPlan {
    /// The flags.
    pub args: ExplainArgs,
    /// The input encoding named by `--encoding`.
    pub encoding: Option<&'static Encoding>,
}

/// `verify`, checked: both sides are folders, or neither.
#[derive(Debug)]
pub struct VerifyPlan {
    /// The flags.
    pub args: VerifyArgs,
    /// A bulk run: the folder of originals against the output folder.
    pub folder: bool,
}

/// Checks `scan`'s flags.
pub fn scan(args: ScanArgs) -> Result<ScanPlan> {
    template(&args.placeholder)?;
    let encoding = detection_flags(&args.detection)?;
    let folder = args.input.is_dir();
    Ok(ScanPlan {
        args,
        encoding,
        folder,
    })
}

/// Checks `review`'s flags: the page must not overwrite an input file nor be
/// written inside an input folder (it holds original identifying text).
pub fn review(args: ReviewArgs) -> Result<ReviewPlan> {
    template(&args.placeholder)?;
    let encoding = detection_flags(&args.detection)?;
    let page = &args.output;
    for input in &args.files {
        if !input.is_dir() {
            if io::same_file(input, page) {
                bail!(
                    "{}: the page would overwrite an input file; write it elsewhere with -o",
                    display(page)
                );
            }
            continue;
        }
        let folder = casescrub::bulk::paths::resolve(input)?;
        if casescrub::bulk::paths::resolve(page)?.starts_with(&folder) {
            bail!(
                "{}: the page would be written inside the input folder {}; casescrub never \
                 writes inside an input folder (the page holds original identifying text)",
                display(page),
                display(input)
            );
        }
    }
    Ok(ReviewPlan { args, encoding })
}

/// Checks `explain`'s flags: each `--at` is two numbers from 1, a `--text` has text.
pub fn explain(args: ExplainArgs) -> Result<ExplainPlan> {
    let encoding = detection_flags(&args.detection)?;
    for at in &args.at {
        if line_col(at).is_none() {
            bail!("--at {at}: give the place as LINE:COL, two numbers from 1 (such as --at 12:5)");
        }
    }
    if args.text.as_deref() == Some("") {
        bail!("--text must not be empty: give the exact text to explain, or a place with --at LINE:COL");
    }
    Ok(ExplainPlan { args, encoding })
}

/// `LINE:COL` as two numbers from 1.
fn line_col(at: &str) -> Option<(usize, usize)> {
    let (line, col) = at.split_once(':')?;
    let (line, col): (usize, usize) = (line.trim().parse().ok()?, col.trim().parse().ok()?);
    (line >= 1 && col >= 1).then_some((line, col))
}

/// Checks `verify`'s flags: ORIGINAL and REDACTED are both folders, or both files.
pub fn verify(args: VerifyArgs) -> Result<VerifyPlan> {
    library_flags(&args.library)?;
    let folder = args.original.is_dir();
    if folder && !args.redacted.is_dir() {
        bail!(
            "{}: ORIGINAL is a folder, so REDACTED must be a folder too",
            display(&args.redacted)
        );
    }
    if !folder && args.redacted.is_dir() {
        bail!(
            "{}: REDACTED is a folder, so ORIGINAL must be the folder of originals too \
             (or give the one redacted file)",
            display(&args.redacted)
        );
    }
    Ok(VerifyPlan { args, folder })
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn a_place_is_two_numbers_from_one() {
        assert_eq!(line_col("12:5"), Some((12, 5)));
        assert_eq!(line_col(" 1 : 1 "), Some((1, 1)));
        for bad in ["0:1", "1:0", "12", "a:b", "1:2:3", ""] {
            assert_eq!(line_col(bad), None, "{bad}");
        }
    }
}
