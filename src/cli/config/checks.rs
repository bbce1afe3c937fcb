//! The checks every group of commands shares: the library folder, the input
//! encoding, the placeholder template.

use super::super::args::{DetectionArgs, EncodingArgs, LibraryArgs};
use super::super::output::display;
use anyhow::{bail, Result};
use casescrub::encoding::Encoding;

/// `--patterns DIR` names a folder of `*.toml` files.
pub fn library_flags(args: &LibraryArgs) -> Result<()> {
    if let Some(dir) = &args.patterns {
        if dir.exists() && !dir.is_dir() {
            bail!(
                "{}: --patterns takes a folder of *.toml rule files, not a file; \
                 put the file in a folder and pass the folder",
                display(dir)
            );
        }
    }
    Ok(())
}

/// The detection flags every detecting command shares, checked: the library folder
/// and the input encoding (resolved to the encoding it names).
pub fn detection_flags(args: &DetectionArgs) -> Result<Option<&'static Encoding>> {
    library_flags(&args.library)?;
    encoding(&args.encoding)
}

/// The encoding named by `--encoding`, if any; an unknown label is refused here,
/// before any input is read.
pub fn encoding(args: &EncodingArgs) -> Result<Option<&'static Encoding>> {
    args.encoding
        .as_deref()
        .map(casescrub::encoding::for_label)
        .transpose()
        .map_err(anyhow::Error::msg)
}

/// A `--placeholder` template is valid.
pub fn template(placeholder: &str) -> Result<()> {
    casescrub::placeholder::check_template(placeholder).map_err(anyhow::Error::msg)
}
