//! `--help` of every subcommand, pinned: options sit under their headings (the
//! clap command itself is checked by `Command::debug_assert` in src/cli/args.rs).

use crate::util::casescrub;

#[test]
fn help_of_every_subcommand_is_pinned() {
    for sub in [
        &[][..],
        &["redact"],
        &["scan"],
        &["review"],
        &["explain"],
        &["verify"],
        &["patterns", "list"],
        &["patterns", "test"],
        &["policy", "list"],
        &["keygen"],
        &["restore"],
        &["case", "init"],
    ] {
        let out = casescrub()
            .args(sub)
            .arg("--help")
            .env("COLUMNS", "100")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let name = if sub.is_empty() {
            "help".to_string()
        } else {
            format!("help_{}", sub.join("_"))
        };
        insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
    }
}

/// In `redact --help`, each option is under its own heading.
#[test]
fn redact_help_headings_hold_the_right_options() {
    let out = casescrub()
        .args(["redact", "--help"])
        .env("COLUMNS", "100")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let heading_of = |flag: &str| -> String {
        let at = out
            .find(&format!(" {flag}"))
            .unwrap_or_else(|| panic!("{flag}"));
        out[..at]
            .lines()
            .rfind(|l| !l.starts_with(' ') && l.ends_with(':'))
            .unwrap()
            .to_string()
    };
    for flag in [
        "--context",
        "--placeholder <",
        "--color",
        "--in-place",
        "--output-encoding",
    ] {
        assert_eq!(heading_of(flag), "Options:", "{flag}");
    }
    assert_eq!(heading_of("--patterns"), "Patterns:");
    assert_eq!(heading_of("--encoding"), "Input:");
    assert!(heading_of("--coverage").starts_with("Assessment"));
    assert!(heading_of("--risk").starts_with("Assessment"));
    assert!(heading_of("--jsonl").starts_with("Dataset mode"));
    assert!(out.contains("`{n}` by"), "say {{n}} plainly");
}
