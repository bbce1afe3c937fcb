//! The flags of the commands around redaction resolved into what runs (`case init`;
//! `patterns`, `policy`, `keygen` and `restore` have nothing to combine beyond the
//! library folder, checked in `mod.rs`).

use super::super::args::InitArgs;
use super::super::output::display;
use super::checks::library_flags;
use anyhow::{bail, Result};

/// `case init`, checked: the roster it writes is new and outside the case folder.
#[derive(Debug)]
pub struct InitPlan {
    /// The flags.
    pub args: InitArgs,
}

/// Checks `case init`'s flags: `-o` never overwrites a roster, nor writes inside
/// the folder of documents (the roster holds original identifying text).
pub fn init(args: InitArgs) -> Result<InitPlan> {
    library_flags(&args.library)?;
    if let Some(path) = &args.output {
        if path.exists() {
            bail!(
                "{}: already exists; casescrub case init never overwrites a roster \
                 (give another -o FILE)",
                display(path)
            );
        }
        if args.input.is_dir() {
            let folder = casescrub::bulk::paths::resolve(&args.input)?;
            if casescrub::bulk::paths::resolve(path)?.starts_with(&folder) {
                bail!(
                    "{}: the roster would be written inside the case folder {}; casescrub never \
                     writes inside an input folder (the roster holds original identifying text)",
                    display(path),
                    display(&args.input)
                );
            }
        }
    }
    Ok(InitPlan { args })
}
