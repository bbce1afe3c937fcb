//! `casescrub case init`: a proposed roster from the documents of a case.

use super::args::InitArgs;
use anyhow::{bail, Result};

/// Runs `casescrub case init`; returns the text for stdout (empty when written to a file).
pub fn init(args: InitArgs) -> Result<String> {
    use anyhow::Context as _;
    let scrubber = casescrub::Scrubber::new(&super::setup::load_library(&args.library)?)?;
    let files = if args.input.is_dir() {
        casescrub::walk::collect(&args.input, &[])?
            .into_iter()
            .map(|f| args.input.join(&f.rel))
            .collect()
    } else {
        vec![args.input.clone()]
    };
    let mut docs = Vec::new();
    for path in files {
        match casescrub::io::read_text(&path) {
            Ok(text) => docs.push((path.display().to_string(), text)),
            Err(e) => eprintln!("casescrub: skipped: {e}"),
        }
    }
    if docs.is_empty() {
        bail!("{}: no readable text files", args.input.display());
    }
    let roster = casescrub::case::init::propose(&scrubber, &docs);
    match &args.output {
        Some(path) => {
            if path.exists() {
                bail!(
                    "{}: already exists; casescrub case init never overwrites a roster",
                    path.display()
                );
            }
            casescrub::io::write_atomic(path, roster.as_bytes(), true)
                .with_context(|| "writing the proposed roster".to_string())?;
            eprintln!(
                "casescrub: proposed a roster from {} document(s) in {} (mode 0600); check it before use",
                docs.len(),
                path.display()
            );
            Ok(String::new())
        }
        None => Ok(roster),
    }
}
