//! The detector the flags of [`DetectionArgs`] describe, built the same way for
//! `redact`, `scan`, `explain` and `review`, and the folder expansion `scan` and
//! `review` share.

use super::args::DetectionArgs;
use super::commands::{display, load_library};
use super::policy::Prepared;
use anyhow::Result;
use casescrub::bulk::Engine;
use casescrub::case::Case;
use casescrub::{Numbering, Scrubber};
use std::path::{Path, PathBuf};

/// The compiled library, policy and case roster of one run.
pub struct Detector {
    /// The compiled pattern library.
    pub scrubber: Scrubber,
    /// The policy with its secrets (a `--vault` is read, never written here).
    pub prepared: Prepared,
    /// The case roster (empty without `--case`).
    pub case: Case,
}

impl Detector {
    /// Compiles what `args` name; `numbering` receives a vault's placeholders.
    pub fn new(args: &DetectionArgs, numbering: &mut Numbering) -> Result<Self> {
        let scrubber = Scrubber::new(&load_library(&args.library)?)?;
        let mut prepared = super::policy::prepare(&args.policy, scrubber.rule_ids(), numbering)?;
        let case = args.case.case()?;
        prepared.secrets.anchor = args.case.anchor(&case, &mut prepared.policy)?;
        Ok(Detector {
            scrubber,
            prepared,
            case,
        })
    }

    /// The engine `redact` would use with these flags.
    pub fn engine<'a>(&'a self, args: &DetectionArgs) -> Box<dyn Engine + 'a> {
        args.case.engine(
            &self.scrubber,
            &self.prepared.policy,
            &self.prepared.secrets,
            &self.case,
        )
    }
}

/// Reads one input as `redact` would (`--encoding`; `-` is stdin).
pub fn read(args: &DetectionArgs, path: &Path) -> Result<String> {
    Ok(casescrub::encoding::read_text(path, args.encoding.label()?)?.0)
}

/// The files of `inputs`, every folder expanded to the files under it in path order
/// (hidden files included, as in folder mode); what cannot be read is reported on
/// stderr and skipped.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        for found in casescrub::bulk::walk::collect(input, &[])? {
            let path = input.join(&found.rel);
            match &found.problem {
                None => out.push(path),
                Some(problem) => {
                    use casescrub::bulk::walk::Problem;
                    let why = match problem {
                        Problem::Symlink => "a symbolic link (not followed)".to_string(),
                        Problem::Leftover => "a temporary file of an interrupted run".to_string(),
                        Problem::Walk(e) => e.clone(),
                    };
                    eprintln!("casescrub: skipped {}: {why}", display(&path));
                }
            }
        }
    }
    Ok(out)
}
