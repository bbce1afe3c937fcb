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
