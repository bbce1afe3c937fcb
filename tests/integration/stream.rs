//! Dataset mode: `--jsonl --field` and `--csv --column`, streamed.

use crate::util::casescrub;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn jsonl_fields_are_redacted_and_everything_else_kept() {
    let input = concat!(
        "{\"id\":\"a1\",\"text\":\"Seen by Dr. Maria Lopez on 6/18/02.\",\"score\":1.50,\"title\":\"DOB 6/18/02\"}\n",
        "\n",
        "{\"title\":\"Follow-up 7/4/19\",\"id\":\"a2\",\"text\":\"Seen.\"}\n",
    );
    casescrub()
        .args(["redact", "--jsonl", "--field", "text", "--field", "title"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr("")
        .stdout(concat!(
            "{\"id\":\"a1\",\"text\":\"Seen by Dr. [PERSON-1] on [DATE-1].\",\"score\":1.50,\"title\":\"DOB [DATE-1]\"}\n",
            "\n",
            "{\"title\":\"Follow-up [DATE-2]\",\"id\":\"a2\",\"text\":\"Seen.\"}\n",
        ));
}

/// A repeated key is redacted every time it appears: a reader that keeps the first
/// and one that keeps the last both get a redacted value (found by fuzzing).
#[test]
fn jsonl_repeated_field_is_redacted_each_time() {
    casescrub()
        .args(["redact", "--jsonl", "--field", "text"])
        .write_stdin("{\"text\":\"Seen on 6/18/02\",\"text\":\"Call 805-637-3326\"}\n")
        .assert()
        .success()
        .stdout("{\"text\":\"Seen on [DATE-1]\",\"text\":\"Call [PHONE-1]\"}\n");
}

#[test]
fn jsonl_findings_rebuild_each_field() {
    let original = "Seen by Dr. Maria Lopez on 6/18/02; she called (805) 637-3326.";
    let line = serde_json::json!({"text": original}).to_string();
    let out = casescrub()
        .args(["redact", "--jsonl", "--field", "text", "--findings", "-"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.len() >= 4);
    let mut rebuilt = String::new();
    let mut cursor = 0;
    for f in findings {
        assert_eq!(f["field"], "text");
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&original[s..e], f["original"].as_str().unwrap());
        rebuilt.push_str(&original[cursor..s]);
        rebuilt.push_str(f["replacement"].as_str().unwrap());
        cursor = e;
    }
    rebuilt.push_str(&original[cursor..]);
    assert_eq!(rebuilt, v["text"].as_str().unwrap());
}

#[test]
fn csv_column_is_redacted_with_quoting_and_other_columns_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cases.csv");
    let out = dir.path().join("out.csv");
    std::fs::write(
        &input,
        "case,Findings,\"notes, misc\"\r\n\"17\",\"No identifiers here.\",\"a, b\"\r\n18,\"Dr. Maria Lopez saw the patient on 6/18/02.\",6/18/02\r\n",
    )
    .unwrap();
    casescrub()
        .arg("redact")
        .arg(&input)
        .args(["--csv", "--column", "Findings", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "case,Findings,\"notes, misc\"\r\n\"17\",\"No identifiers here.\",\"a, b\"\r\n18,Dr. [PERSON-1] saw the patient on [DATE-1].,6/18/02\r\n"
    );
}

#[test]
fn bad_input_fails_naming_the_line_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("d.jsonl");
    std::fs::write(&input, "{\"text\":\"DOB 6/18/02\"}\n{\"text\": oops}\n").unwrap();
    let out = dir.path().join("out.jsonl");
    casescrub()
        .arg("redact")
        .arg(&input)
        .args(["--jsonl", "--field", "text", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "d.jsonl: line 2: not a JSON object",
        ));
    assert!(
        !out.exists(),
        "an interrupted stream leaves no partial output"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    casescrub()
        .args(["redact", "--csv", "--column", "Nope"])
        .write_stdin("a,b\n1,2\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no column `Nope` in the header (columns: a, b)",
        ));
    casescrub()
        .args(["redact", "--jsonl"])
        .write_stdin("{}")
        .assert()
        .code(2);
    casescrub()
        .args(["redact", "--findings"])
        .write_stdin("x")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--findings needs --jsonl or --csv",
        ));
}

/// Separate processes (Spark partitions) agree on keyed pseudonyms; numbered
/// placeholders are only consistent inside one process.
#[test]
fn keyed_tokens_agree_across_processes() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key");
    casescrub().arg("keygen").arg(&key).assert().success();
    let policy = dir.path().join("keyed.toml");
    std::fs::write(
        &policy,
        "name = \"keyed\"\ndescription = \"all keyed\"\ndefault = \"pseudonym\"\n",
    )
    .unwrap();
    let run = |input: &str| -> Value {
        let out = casescrub()
            .args(["redact", "--jsonl", "--field", "text", "--policy"])
            .arg(&policy)
            .arg("--key-file")
            .arg(&key)
            .write_stdin(input.to_string())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    let a = run("{\"text\":\"Dr. Maria Lopez, 6/18/02\"}\n");
    let b = run("{\"text\":\"Seen 6/18/2002 by Dr. Maria Lopez\"}\n");
    let words = |v: &Value| -> Vec<String> {
        v["text"]
            .as_str()
            .unwrap()
            .split([' ', ','])
            .filter(|w| w.starts_with('['))
            .map(String::from)
            .collect()
    };
    let (wa, wb) = (words(&a), words(&b));
    assert_eq!(wa.len(), 2);
    assert_eq!(wa[0], wb[1], "same person, same token: {a} / {b}");
    assert_eq!(wa[1], wb[0], "same date, same token: {a} / {b}");
}
