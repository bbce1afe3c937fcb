//! Hostile or broken user pattern files: every problem is an error naming the file
//! and the line, never a panic.

use crate::util::casescrub;

const GOOD: &str = r#"
[[rule]]
id = "x.good"
kind = "ID"
description = "A badge number."
regex = '\bBDG-[0-9]{4}\b'
examples = { match = ["BDG-1234"] }
"#;

/// Runs `scan --patterns DIR` with `file` as `user.toml`; returns stderr.
fn load_error(file: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("user.toml"), file).unwrap();
    let out = casescrub()
        .args(["scan", "--patterns"])
        .arg(dir.path())
        .write_stdin("abc")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("user.toml"), "no file name: {stderr}");
    stderr
}

fn rule(id: &str, body: &str) -> String {
    format!("\n[[rule]]\nid = \"{id}\"\nkind = \"ID\"\ndescription = \"Test rule.\"\n{body}\n")
}

#[test]
fn invalid_regex_names_file_line_and_rule() {
    let file = format!(
        "{GOOD}{}",
        rule(
            "x.broken",
            "regex = '(abc'\nexamples = { match = [\"abc\"] }"
        )
    );
    let err = load_error(&file);
    assert!(
        err.contains("line 10: rule `x.broken`: invalid regex"),
        "{err}"
    );
}

#[test]
fn over_large_regex_is_refused_quickly() {
    let file = rule(
        "x.huge",
        "regex = '\\w{1000}{1000}'\nexamples = { match = [\"abc\"] }",
    );
    let started = std::time::Instant::now();
    let err = load_error(&file);
    assert!(err.contains("line 3: rule `x.huge`"), "{err}");
    assert!(err.contains("invalid regex"), "{err}");
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn rule_without_examples_names_the_line() {
    let file = format!("{GOOD}{}", rule("x.bare", "regex = 'abc'"));
    let err = load_error(&file);
    assert!(err.contains("user.toml"), "{err}");
    // Missing `examples` is a parse error: toml names the line of the table.
    assert!(err.contains("line 9") || err.contains("line 10"), "{err}");
    let file = format!(
        "{GOOD}{}",
        rule(
            "x.empty",
            "regex = 'abc'\nexamples = { no_match = [\"x\"] }"
        )
    );
    let err = load_error(&file);
    assert!(
        err.contains("line 10: rule `x.empty`: no `examples.match`"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_name_both_lines() {
    let file = format!("{GOOD}{GOOD}");
    let err = load_error(&file);
    assert!(
        err.contains("line 10: rule `x.good`: duplicate id (already used at line 3"),
        "{err}"
    );
}

#[test]
fn syntax_errors_and_unknown_fields_name_the_line() {
    let err = load_error("[[rule]]\nid = \"x\"\nkind = ID\n");
    assert!(err.contains("line 3"), "{err}");
    let file = rule("x.typo", "regex = 'abc'\nexampels = { match = [\"abc\"] }");
    let err = load_error(&file);
    assert!(err.contains("line 7") && err.contains("exampels"), "{err}");
}

#[test]
fn garbage_pattern_files_never_panic() {
    for garbage in [
        "[[rule]]",
        "[[rule]]\nid = \"\"\n",
        "rule = 5",
        "[fragments]\nA = '{{A}}'\n",
        "[fragments]\nA = '{{'\n",
        &rule(
            "x.w",
            "words_file = '../../../etc/passwd'\nexamples = { match = [\"a\"] }",
        ),
        &rule(
            "x.k",
            "regex = '(?P<k_NOPE>a)'\nexamples = { match = [\"a\"] }",
        ),
        &rule("x.e", "regex = ''\nexamples = { match = [\"a\"] }"),
    ] {
        load_error(garbage);
    }
    // An empty file (or one holding only a BOM) is a valid file with no rules.
    casescrub()
        .args(["patterns", "list", "--patterns"])
        .arg({
            let dir = tempfile::tempdir().unwrap().keep();
            std::fs::write(dir.join("empty.toml"), "\u{feff}").unwrap();
            dir
        })
        .assert()
        .success();
}
