//! Hostile input: look-alike and invisible characters, encodings, line endings,
//! binary and invalid input, extreme sizes.

use crate::util::{casescrub, scrubber};
use casescrub::redact::apply_changes;
use casescrub::Numbering;

/// Redacts `text` with the default library and checks the report reproduces it.
fn redact(text: &str) -> casescrub::Redaction {
    let r = scrubber().redact(text, &mut Numbering::default());
    assert_eq!(
        apply_changes(text, &r.changes).as_deref(),
        Some(r.output.as_str())
    );
    r
}

#[test]
fn look_alike_and_invisible_characters_are_still_caught() {
    let cases = [
        ("SSN 123\u{2010}45\u{2010}6789.", "SSN [SSN-1]."),
        ("SSN 123\u{2011}45\u{2212}6789.", "SSN [SSN-1]."),
        ("seen June\u{a0}18,\u{a0}2002.", "seen [DATE-1]."),
        ("seen on 6\u{2215}18\u{2044}02.", "seen on [DATE-1]."),
        ("seen on ６/１８/０２.", "seen on [DATE-1]."),
        ("seen on 6/1\u{200b}8/02.", "seen on [DATE-1]."),
        ("call (555)\u{a0}234\u{2013}5678.", "call [PHONE-1]."),
        ("write a.b\u{200b}@example.com.", "write [EMAIL-1]."),
        ("MRN 0012\u{200d}3456.", "MRN [ID-1]."),
        ("MRN\u{a0}00123456.", "MRN\u{a0}[ID-1]."),
    ];
    for (input, expected) in cases {
        assert_eq!(redact(input).output, expected, "input {input:?}");
    }
}

#[test]
fn folding_keeps_every_byte_outside_findings() {
    // Look-alikes that are not part of a finding stay exactly as written.
    let input = "Pain 5\u{2044}10 \u{2014} improving;\u{a0}seen 6\u{2010}18\u{2010}02 ﬁne\u{200b}.";
    let r = redact(input);
    assert_eq!(
        r.output,
        "Pain 5\u{2044}10 \u{2014} improving;\u{a0}seen [DATE-1] ﬁne\u{200b}."
    );
    assert_eq!(r.changes.len(), 1);
    assert_eq!(r.changes[0].original, "6\u{2010}18\u{2010}02");
}

#[test]
fn look_alike_values_share_the_placeholder_of_the_plain_value() {
    let r = redact("SSN 123-45-6789; again SSN 123\u{2010}45\u{2010}6789.");
    assert_eq!(r.output, "SSN [SSN-1]; again SSN [SSN-1].");
}

#[test]
fn cli_catches_look_alikes() {
    casescrub()
        .args(["redact", "-"])
        .write_stdin("SSN 123\u{2010}45\u{2010}6789\n")
        .assert()
        .success()
        .stdout("SSN [SSN-1]\n");
}

/// Runs `redact` on `input` bytes written to a temporary file, with `args`;
/// returns the output file's bytes.
fn redact_file(input: &[u8], args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let (inp, out) = (dir.path().join("in.txt"), dir.path().join("out.txt"));
    std::fs::write(&inp, input).unwrap();
    casescrub()
        .arg("redact")
        .arg(&inp)
        .arg("-o")
        .arg(&out)
        .args(args)
        .assert()
        .success();
    std::fs::read(&out).unwrap()
}

const NOTE: &str = "Seen on 6/18/02 by Dr. Alan Smith.\r\nSSN 123-45-6789.\rPain 5/10.\n";
const NOTE_OUT: &str = "Seen on [DATE-1] by Dr. [PERSON-1].\r\nSSN [SSN-1].\rPain 5/10.\n";

#[test]
fn utf8_bom_crlf_and_lone_cr_are_kept_byte_for_byte() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(NOTE.as_bytes());
    let mut expected = b"\xEF\xBB\xBF".to_vec();
    expected.extend_from_slice(NOTE_OUT.as_bytes());
    assert_eq!(redact_file(&input, &[]), expected);
    assert_eq!(redact_file(NOTE.as_bytes(), &[]), NOTE_OUT.as_bytes());
}

#[test]
fn lone_cr_counts_as_a_line_break_in_the_report() {
    let r = redact("a\rb\r\nSSN 123-45-6789\n");
    assert_eq!((r.changes[0].line, r.changes[0].column), (3, 5));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_is_written_back_as_it_came_or_as_utf8() {
    for be in [false, true] {
        assert_eq!(redact_file(&utf16(NOTE, be), &[]), utf16(NOTE_OUT, be));
        assert_eq!(
            redact_file(&utf16(NOTE, be), &["--output-encoding", "utf-8"]),
            NOTE_OUT.as_bytes()
        );
        // The --diff path (whole text) agrees.
        assert_eq!(
            redact_file(&utf16(NOTE, be), &["--diff"]),
            utf16(NOTE_OUT, be)
        );
    }
}

#[test]
fn windows_1252_via_encoding_flag() {
    // "José Núñez" and "café" in windows-1252, with curly quotes (0x93/0x94).
    let input = b"Patient Jos\xE9 N\xFA\xF1ez, seen 6/18/02 at the caf\xE9, said \x93fine\x94.\n";
    let out = redact_file(input, &["--encoding", "windows-1252"]);
    assert_eq!(
        out,
        b"Patient [PERSON-1], seen [DATE-1] at the caf\xE9, said \x93fine\x94.\n"
    );
    let out = redact_file(
        input,
        &["--encoding", "latin1", "--output-encoding", "utf-8"],
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Patient [PERSON-1], seen [DATE-1] at the café, said \u{201c}fine\u{201d}.\n"
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("legacy.txt");
    std::fs::write(&inp, b"Seen on 6/18/02 by Jos\xE9.\n").unwrap();
    let out = dir.path().join("out.txt");
    casescrub()
        .arg("redact")
        .arg(&inp)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("legacy.txt"))
        .stderr(predicates::str::contains("offset 22"))
        .stderr(predicates::str::contains("--encoding"));
    assert!(!out.exists(), "no output on error");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    casescrub()
        .arg("scan")
        .arg(&inp)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("offset 22"));
}

#[test]
fn binary_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("image.png");
    std::fs::write(&inp, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    casescrub()
        .arg("redact")
        .arg(&inp)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("image.png"))
        .stderr(predicates::str::contains("binary"))
        .stderr(predicates::str::contains("offset 8"));
}

#[test]
fn empty_input_gives_empty_output() {
    assert_eq!(redact_file(b"", &[]), b"");
    assert_eq!(redact_file(b"", &["--diff"]), b"");
    casescrub()
        .args(["redact", "-"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

/// A long single-line document: identifiers every ~100 bytes, no line break.
fn long_line(bytes: usize) -> (String, usize) {
    let unit =
        "the patient reports pain of 5/10 at C4-5 and was seen on 6/18/02 by Dr. Alan Smith; ";
    let n = bytes / unit.len() + 1;
    (unit.repeat(n), n)
}

#[test]
fn one_long_line_streams_with_the_same_output_as_the_whole_text() {
    let (text, n) = long_line(3_000_000);
    let expected = text
        .replace("6/18/02", "[DATE-1]")
        .replace("Alan Smith", "[PERSON-1]");
    // Small windows force hundreds of chunk boundaries inside the one line.
    let out = redact_file(text.as_bytes(), &["--chunk-size", "10000"]);
    assert!(out == expected.as_bytes(), "streamed output differs");
    let dir = tempfile::tempdir().unwrap();
    let (inp, report) = (dir.path().join("in.txt"), dir.path().join("r.json"));
    std::fs::write(&inp, &text).unwrap();
    casescrub()
        .arg("redact")
        .arg(&inp)
        .arg("--report")
        .arg(&report)
        .args(["--chunk-size", "10000", "-o"])
        .arg(dir.path().join("out.txt"))
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let findings = json["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2 * n);
    let last = &findings[2 * n - 1];
    assert_eq!(last["line"], 1);
    assert_eq!(
        last["column"].as_u64().unwrap() as usize,
        text.rfind("Alan Smith").unwrap() + 1
    );
}
