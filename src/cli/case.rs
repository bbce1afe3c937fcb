//! `casescrub case init`: a proposed roster from the documents of a case.

use super::config::InitPlan;
use anyhow::{bail, Context as _, Result};

/// Runs `casescrub case init` (its flags checked by [`super::config`]); returns the
/// text for stdout (empty when written to a file).
pub fn init(plan: InitPlan) -> Result<String> {
    let args = plan.args;
    let scrubber = casescrub::Scrubber::new(&super::setup::load_library(&args.library)?)?;
    let files = super::setup::expand(std::slice::from_ref(&args.input))?;
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
            casescrub::io::write_atomic_new(path, roster.as_bytes(), true)
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
