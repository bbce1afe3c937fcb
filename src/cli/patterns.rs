//! `casescrub patterns list` and `patterns test`.

use super::args::LibraryArgs;
use super::output::write_stdout;
use super::setup::load_library;
use anyhow::Result;
use casescrub::selftest;

/// Prints every rule (`--json`: as JSON); returns the exit code.
pub fn list(args: &LibraryArgs, json: bool) -> Result<i32> {
    let library = load_library(args)?;
    if json {
        // Pattern rules first, then the layout stage's label rules, each with a
        // `engine` saying which stage makes its findings.
        let mut rules: Vec<serde_json::Value> = Vec::new();
        for rule in library.rules() {
            let mut v = serde_json::to_value(rule)?;
            v["engine"] = rule.engine().into();
            rules.push(v);
        }
        for label in library.labels() {
            let mut v = serde_json::to_value(label)?;
            v["engine"] = "label".into();
            rules.push(v);
        }
        write_stdout(serde_json::to_string_pretty(&rules)?.as_bytes())?;
        write_stdout(b"\n")?;
        return Ok(0);
    }
    let mut out = String::new();
    for rule in library.rules() {
        let engine = match rule.engine() {
            "words" => format!("words({})", rule.loaded_words.len()),
            other => other.to_string(),
        };
        out.push_str(&format!(
            "{:<32} {:<11} {:>4}  {:<10} {}\n",
            rule.id,
            rule.kind.as_str(),
            rule.priority,
            engine,
            rule.description
        ));
    }
    for label in library.labels() {
        out.push_str(&format!(
            "{:<32} {:<11} {:>4}  {:<10} {}\n",
            label.id,
            label.kind.as_str(),
            label.priority,
            format!("labels({})", label.spellings.len()),
            label.description
        ));
    }
    out.push_str(&format!(
        "{} rules, {} labels\n",
        library.len(),
        library.labels().count()
    ));
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// Runs every rule's must-match and must-not-match examples; exit code 1 if one fails.
pub fn test(args: &LibraryArgs) -> Result<i32> {
    let library = load_library(args)?;
    let failures = selftest::test_library(&library);
    let examples = selftest::example_count(&library);
    for f in &failures {
        eprintln!(
            "FAIL {} ({}): {:?}: {}",
            f.rule, f.source, f.example, f.problem
        );
    }
    println!(
        "{} rules, {} labels, {} examples, {} failed",
        library.len(),
        library.labels().count(),
        examples,
        failures.len()
    );
    Ok(if failures.is_empty() { 0 } else { 1 })
}
