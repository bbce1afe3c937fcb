//! Policies through the real binary: every action and profile pinned on fixtures,
//! Safe Harbor coverage, keyed tokens, vault round trips, key hygiene, and the
//! date-shift interval property.

use crate::util::{casescrub, fixture};
use casescrub::normalize::parse_date;
use casescrub::policy::dates::days_from_civil;
use casescrub::policy::{CompiledPolicy, Secrets};
use casescrub::Numbering;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A fixed test key (never used outside tests).
const KEY_A: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const KEY_B: &str = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

const ACTIONS: [&str; 12] = [
    "placeholder",
    "last4",
    "initials",
    "mask",
    "remove",
    "keep",
    "year-only",
    "shift",
    "generalize",
    "neutralize",
    "pseudonym",
    "surrogate",
];

const PROFILES: [&str; 5] = [
    "strict",
    "safe-harbor",
    "publication",
    "research",
    "court-filing",
];

fn policy_fixture(name: &str) -> PathBuf {
    fixture("policy").join(name)
}

fn write_key(dir: &Path, name: &str, hex: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("{hex}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

/// Runs `casescrub redact` with `args`; returns stdout.
fn redact(input: &Path, args: &[&std::ffi::OsStr]) -> String {
    let out = casescrub()
        .arg("redact")
        .arg(input)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "redact failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn every_action_is_pinned_on_the_actions_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let key = write_key(dir.path(), "key", KEY_A);
    let input = policy_fixture("actions.txt");
    for action in ACTIONS {
        let policy = dir.path().join(format!("{action}.toml"));
        std::fs::write(&policy, format!("default = \"{action}\"\n")).unwrap();
        let out = redact(
            &input,
            &[
                os("--policy"),
                policy.as_os_str(),
                os("--key-file"),
                key.as_os_str(),
                os("--shift-key"),
                key.as_os_str(),
            ],
        );
        insta::assert_snapshot!(format!("action-{action}"), out);
    }
}

#[test]
fn every_profile_is_pinned_on_every_policy_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let key = write_key(dir.path(), "key", KEY_A);
    for name in ["actions.txt", "safe-harbor-18.txt"] {
        for profile in PROFILES {
            let out = redact(
                &policy_fixture(name),
                &[
                    os("--profile"),
                    os(profile),
                    os("--key-file"),
                    key.as_os_str(),
                    os("--shift-key"),
                    key.as_os_str(),
                ],
            );
            insta::assert_snapshot!(format!("profile-{profile}@{name}"), out);
        }
    }
}

#[test]
fn strict_profile_is_the_default_and_matches_plain_redact() {
    for name in ["seed-imr-determination-01.txt", "progress-report.txt"] {
        let plain = redact(&fixture(name), &[]);
        let strict = redact(&fixture(name), &[os("--profile"), os("strict")]);
        assert_eq!(plain, strict, "{name}");
    }
}

#[test]
fn safe_harbor_removes_all_18_identifier_classes_and_keeps_states_and_years() {
    let input = policy_fixture("safe-harbor-18.txt");
    let out = redact(&input, &[os("--profile"), os("safe-harbor")]);
    let gone = [
        // (A) names of the individual, relatives, employer
        "Rosa",
        "Delgado",
        "Elena",
        "Sunrise Bakery",
        // (B) geography smaller than a state
        "1420 Alder Street",
        "Millbrae",
        "94030",
        "Fresno County",
        // (C) date elements except the year; ages over 89; a year that reveals one
        "03/14",
        "1931",
        "June 2",
        "6/9",
        "07-01",
        "94-year",
        "91",
        // (D, E) phone, fax
        "555-0187",
        "555-0142",
        // (F) e-mail
        "rosa.delgado@example.com",
        // (G) SSN
        "123-45-6789",
        // (H) medical record number
        "00918273",
        // (I) health plan beneficiary number
        "XJH-44817263",
        // (J) account number
        "33019822",
        // (K) certificate/licence number
        "C1265879",
        // (L) vehicle identifiers
        "7ABC123",
        "1HGCM82633A004352",
        // (M) device serial number
        "SN-88231-X",
        // (N) URL
        "portal.example-health.org",
        // (O) IP address
        "192.168.10.45",
        // (P) biometric identifier
        "FP-20391",
        // (Q) full-face photograph
        "IMG_20240602",
        // (R) any other unique number
        "44-1902",
    ];
    for g in gone {
        assert!(!out.contains(g), "safe-harbor kept {g:?}:\n{out}");
    }
    // The ZIP keeps its first three digits (their area holds more than 20,000 people).
    for kept in ["CA 940XX", "Oregon", "2024", "1990", "90 or older"] {
        assert!(out.contains(kept), "safe-harbor removed {kept:?}:\n{out}");
    }
}

#[test]
fn court_filing_follows_rule_5_2() {
    let out = redact(
        &policy_fixture("actions.txt"),
        &[os("--profile"), os("court-filing")],
    );
    assert!(out.contains("SSN XXX-XX-6789"), "{out}");
    assert!(out.contains("Account #: XXXXXXXX6789"), "{out}");
    assert!(out.contains("DOB: 1962"), "{out}");
    assert!(out.contains("The minor T.L. attends"), "{out}");
    // Everything else stays as filed.
    assert!(out.contains("Maria J. Lopez"), "{out}");
    assert!(out.contains("June 18, 2013"), "{out}");
}

/// The `[KIND-TOKEN]` tokens of `text`, in order.
fn tokens(text: &str) -> Vec<String> {
    let re = regex::Regex::new(r"\[[A-Z]+-[0-9A-F]{8}\]").unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn pseudonyms_are_stable_across_runs_and_orders_and_differ_between_keys() {
    let dir = tempfile::tempdir().unwrap();
    let key_a = write_key(dir.path(), "a.key", KEY_A);
    let key_b = write_key(dir.path(), "b.key", KEY_B);
    let one = dir.path().join("one.txt");
    let two = dir.path().join("two.txt");
    std::fs::write(&one, "Claimant: Maria Lopez\nSeen by Dr. Ana Ruiz.\n").unwrap();
    std::fs::write(&two, "Seen by Dr. Ana Ruiz.\nClaimant: Maria Lopez\n").unwrap();
    let run = |input: &Path, key: &Path, vault: Option<&Path>| {
        let mut args = vec![
            os("--profile"),
            os("research"),
            os("--key-file"),
            key.as_os_str(),
        ];
        if let Some(v) = vault {
            args.extend([os("--vault"), v.as_os_str()]);
        }
        redact(input, &args)
    };
    let a1 = run(&one, &key_a, None);
    let a1_again = run(&one, &key_a, None);
    assert_eq!(a1, a1_again, "two runs, same key, same output");
    let t1 = tokens(&a1);
    assert_eq!(t1.len(), 2, "{a1}");
    // The other file, processed first into a fresh vault, then the first: same tokens.
    let vault = dir.path().join("case.vault.json");
    let a2 = run(&two, &key_a, Some(&vault));
    let a1_after = run(&one, &key_a, Some(&vault));
    let t2: BTreeSet<String> = tokens(&a2).into_iter().collect();
    assert_eq!(t2, t1.iter().cloned().collect::<BTreeSet<_>>());
    assert_eq!(tokens(&a1_after), t1);
    // Another key: unrelated tokens.
    let b1 = run(&one, &key_b, None);
    let tb = tokens(&b1);
    assert_eq!(tb.len(), 2);
    for t in &tb {
        assert!(!t1.contains(t), "{t} appears under both keys");
    }
    // No original text in the output.
    assert!(!a1.contains("Lopez") && !a1.contains("Ruiz"), "{a1}");
}

#[test]
fn pseudonym_without_a_key_is_an_error_that_says_what_to_do() {
    casescrub()
        .args(["redact", "--profile", "research"])
        .arg(policy_fixture("actions.txt"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--key-file"))
        .stderr(predicates::str::contains("casescrub keygen"));
}

#[test]
fn restore_round_trips_byte_for_byte_under_every_profile() {
    let dir = tempfile::tempdir().unwrap();
    let key = write_key(dir.path(), "key", KEY_A);
    for (input, profiles) in [
        (policy_fixture("actions.txt"), &PROFILES[..]),
        (fixture("case-note-crlf.txt"), &PROFILES[..]),
        (
            policy_fixture("safe-harbor-18.txt"),
            &["strict", "research"][..],
        ),
        (
            fixture("seed-imr-determination-01.txt"),
            &["safe-harbor", "court-filing"][..],
        ),
    ] {
        for &profile in profiles {
            let vault = dir.path().join(format!("{profile}.vault.json"));
            let redacted = dir.path().join("redacted.txt");
            let restored = dir.path().join("restored.txt");
            casescrub()
                .arg("redact")
                .arg(&input)
                .args(["--profile", profile, "-o"])
                .arg(&redacted)
                .arg("--key-file")
                .arg(&key)
                .arg("--vault")
                .arg(&vault)
                .assert()
                .success();
            casescrub()
                .arg("restore")
                .arg(&redacted)
                .arg("--vault")
                .arg(&vault)
                .arg("-o")
                .arg(&restored)
                .assert()
                .success()
                .stderr("");
            assert_eq!(
                std::fs::read(&restored).unwrap(),
                std::fs::read(&input).unwrap(),
                "{profile} on {}",
                input.display()
            );
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                for private in [&vault, &restored] {
                    let mode = std::fs::metadata(private).unwrap().permissions().mode() & 0o777;
                    assert_eq!(mode, 0o600, "{}", private.display());
                }
            }
        }
    }
}

#[test]
fn a_vault_keeps_placeholders_and_the_date_offset_across_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.txt");
    let two = dir.path().join("two.txt");
    std::fs::write(&one, "Claimant: Maria Lopez. Seen 6/18/02.\n").unwrap();
    std::fs::write(
        &two,
        "Claimant: Ana Ruiz. Claimant: Maria Lopez. Seen 6/28/02.\n",
    )
    .unwrap();
    let vault = dir.path().join("case.json");
    let policy = dir.path().join("p.toml");
    std::fs::write(&policy, "[kinds]\nDATE = \"shift\"\n").unwrap();
    let run = |input: &Path| {
        redact(
            input,
            &[
                os("--policy"),
                policy.as_os_str(),
                os("--vault"),
                vault.as_os_str(),
            ],
        )
    };
    let out1 = run(&one);
    let out2 = run(&two);
    assert!(out1.contains("Claimant: [PERSON-1]."), "{out1}");
    assert!(
        out2.contains("Claimant: [PERSON-2]. Claimant: [PERSON-1]."),
        "{out2}"
    );
    // The two dates were ten days apart; with the case's one offset they still are.
    let date = |s: &str| {
        let re = regex::Regex::new(r"Seen ([0-9/]+)\.").unwrap();
        let d = parse_date(&re.captures(s).unwrap()[1]).unwrap();
        days_from_civil(d.year.unwrap(), d.month.unwrap(), d.day.unwrap())
    };
    assert_eq!(date(&out2) - date(&out1), 10, "{out1}{out2}");
    assert!(!out1.contains("6/18/02"));
}

#[test]
fn shift_key_moves_every_document_by_the_same_offset() {
    let dir = tempfile::tempdir().unwrap();
    let key = write_key(dir.path(), "subject.key", KEY_B);
    let one = dir.path().join("one.txt");
    std::fs::write(&one, "Seen 6/18/02.\n").unwrap();
    let args = [
        os("--profile"),
        os("research"),
        os("--key-file"),
        key.as_os_str(),
    ];
    let random1 = redact(&one, &args);
    let with_key = |_: u8| {
        let mut a = args.to_vec();
        a.extend([os("--shift-key"), key.as_os_str()]);
        redact(&one, &a)
    };
    assert_eq!(with_key(1), with_key(2));
    assert!(!random1.contains("6/18/02"));
}

#[test]
fn report_under_a_policy_reproduces_the_output_and_names_the_policy() {
    let dir = tempfile::tempdir().unwrap();
    let key = write_key(dir.path(), "key", KEY_A);
    let input = policy_fixture("actions.txt");
    let original = std::fs::read_to_string(&input).unwrap();
    for profile in PROFILES {
        let out = dir.path().join("out.txt");
        let report = dir.path().join("report.json");
        casescrub()
            .arg("redact")
            .arg(&input)
            .args(["--profile", profile, "-o"])
            .arg(&out)
            .arg("--report")
            .arg(&report)
            .arg("--key-file")
            .arg(&key)
            .assert()
            .success();
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        assert_eq!(json["schema"], "casescrub.report/1");
        assert_eq!(json["policy"], profile);
        let changes: Vec<casescrub::Change> = json["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| casescrub::Change {
                start: f["start"].as_u64().unwrap() as usize,
                end: f["end"].as_u64().unwrap() as usize,
                line: 0,
                column: 0,
                kind: serde_json::from_value(f["kind"].clone()).unwrap(),
                rule: f["rule"].as_str().unwrap().into(),
                original: f["original"].as_str().unwrap().into(),
                replacement: f["replacement"].as_str().unwrap().into(),
            })
            .collect();
        let rebuilt = casescrub::redact::apply_changes(&original, &changes).unwrap();
        assert_eq!(rebuilt, std::fs::read_to_string(&out).unwrap(), "{profile}");
    }
}

#[test]
fn the_key_is_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("new.key");
    let keygen = casescrub().arg("keygen").arg(&key).output().unwrap();
    assert!(keygen.status.success());
    let secret = std::fs::read_to_string(&key).unwrap().trim().to_string();
    assert_eq!(secret.len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // A second keygen refuses and keeps the key.
    casescrub()
        .arg("keygen")
        .arg(&key)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim(), secret);

    let report = dir.path().join("r.json");
    let vault = dir.path().join("v.json");
    let run = casescrub()
        .arg("redact")
        .arg(policy_fixture("actions.txt"))
        .args(["--profile", "research", "--diff", "--key-file"])
        .arg(&key)
        .arg("--shift-key")
        .arg(&key)
        .arg("--report")
        .arg(&report)
        .arg("--vault")
        .arg(&vault)
        .output()
        .unwrap();
    assert!(run.status.success());
    // A broken key file: the error names the file, not the content.
    let bad = dir.path().join("bad.key");
    std::fs::write(&bad, format!("{}zz\n", &secret[..40])).unwrap();
    let err = casescrub()
        .arg("redact")
        .arg(policy_fixture("actions.txt"))
        .args(["--profile", "research", "--key-file"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&err.stderr).to_string();
    assert!(stderr.contains("bad.key"), "{stderr}");
    for (what, text) in [
        (
            "keygen stdout",
            String::from_utf8_lossy(&keygen.stdout).to_string(),
        ),
        (
            "keygen stderr",
            String::from_utf8_lossy(&keygen.stderr).to_string(),
        ),
        (
            "redact stdout",
            String::from_utf8_lossy(&run.stdout).to_string(),
        ),
        (
            "redact stderr",
            String::from_utf8_lossy(&run.stderr).to_string(),
        ),
        ("report", std::fs::read_to_string(&report).unwrap()),
        ("vault", std::fs::read_to_string(&vault).unwrap()),
        ("error", stderr.clone()),
    ] {
        assert!(!text.contains(&secret), "the key appears in {what}");
        assert!(
            !text.contains(&secret[..40]),
            "part of the key appears in {what}"
        );
    }
}

#[test]
fn policy_show_prints_a_profile_that_redacts_like_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    for profile in ["strict", "publication", "court-filing", "safe-harbor"] {
        let shown = casescrub()
            .args(["policy", "show", profile])
            .output()
            .unwrap();
        assert!(shown.status.success());
        let file = dir.path().join(format!("{profile}.toml"));
        std::fs::write(&file, &shown.stdout).unwrap();
        let input = policy_fixture("actions.txt");
        assert_eq!(
            redact(&input, &[os("--policy"), file.as_os_str()]),
            redact(&input, &[os("--profile"), os(profile)]),
            "{profile}"
        );
    }
    casescrub()
        .args(["policy", "show", "lenient"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("unknown profile `lenient`"))
        .stderr(predicates::str::contains("safe-harbor"));
    let list = casescrub().args(["policy", "list"]).output().unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    for profile in PROFILES {
        assert!(list.contains(profile), "{list}");
    }
}

#[test]
fn bad_policy_files_are_errors_naming_the_file_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    for (body, expect) in [
        ("defualt = \"keep\"\n", "defualt"),
        ("[kinds]\nDATE = \"blur\"\n", "unknown action `blur`"),
        ("[kinds]\nAGE = { action = \"keep\", band = 5 }\n", "band"),
        ("[allow]\nregex = [\"(\"]\n", "allow.regex"),
        ("[[deny]]\nwords = [\"x\"]\n", "kind"),
    ] {
        let file = dir.path().join("bad-policy.toml");
        std::fs::write(&file, body).unwrap();
        casescrub()
            .arg("redact")
            .arg(policy_fixture("actions.txt"))
            .arg("--policy")
            .arg(&file)
            .assert()
            .code(1)
            .stderr(predicates::str::contains("bad-policy.toml"))
            .stderr(predicates::str::contains(expect));
    }
    casescrub()
        .args(["redact", "--profile", "strict", "--policy", "x.toml", "-"])
        .assert()
        .code(2);
}

#[test]
fn allow_and_deny_lists_apply_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(
        &input,
        "Claimant: Maria Lopez. Opposing party Acme Freight paid Jon Doe. Code ZX-99.\n",
    )
    .unwrap();
    let policy = dir.path().join("p.toml");
    std::fs::write(
        &policy,
        r#"
[allow]
words = ["maria lopez"]
[[deny]]
kind = "ORG"
words = ["Acme Freight"]
[[deny]]
kind = "PERSON"
words = ["Jon Doe"]
regex = ['ZX-\d+']
"#,
    )
    .unwrap();
    let out = redact(&input, &[os("--policy"), policy.as_os_str()]);
    assert_eq!(
        out,
        "Claimant: Maria Lopez. Opposing party [ORG-1] paid [PERSON-1]. Code [PERSON-2].\n"
    );
}

#[test]
fn policy_check_lists_the_action_for_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(&file, "default = \"keep\"\n[kinds]\nSSN = \"last4\"\n").unwrap();
    let out = casescrub()
        .args(["policy", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("SSN          last4"), "{out}");
    assert!(out.contains("PERSON       keep"), "{out}");
}

/// A date written in one of the common formats.
fn format_date(y: i32, m: u32, d: u32, style: u8) -> String {
    let name = casescrub::validate::MONTH_NAMES[m as usize - 1];
    match style % 6 {
        0 => format!("{m}/{d}/{:02}", y % 100),
        1 => format!("{m:02}/{d:02}/{y}"),
        2 => format!("{m}-{d}-{y}"),
        3 => format!("{y}-{m:02}-{d:02}"),
        4 => format!("{name} {d}, {y}"),
        _ => format!("{} {d}, {y}", &name[..3]),
    }
}

/// The format of a written date: digit runs (year width, zero padding), letter runs
/// and separators.
fn shape(date: &str) -> String {
    let mut out = String::new();
    let mut chars = date.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut run = c.to_string();
            while let Some(n) = chars.peek().filter(|n| n.is_ascii_digit()) {
                run.push(*n);
                chars.next();
            }
            // Zero-padding and year width are part of the format; a day or month
            // growing from one digit to two is not.
            out.push_str(match run.len() {
                4 => "YYYY",
                2 if run.starts_with('0') => "0N",
                _ => "N",
            });
        } else if c.is_ascii_alphabetic() {
            let mut run = c.to_string();
            while let Some(n) = chars.peek().filter(|n| n.is_ascii_alphabetic()) {
                run.push(*n);
                chars.next();
            }
            out.push('A');
        } else {
            out.push(c);
        }
    }
    out.replace("0N", "N")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::proptest_cases(64)))]

    /// Every pairwise interval between the dates of a document survives a shift, and
    /// every date keeps its format.
    #[test]
    fn shift_preserves_every_interval_and_format(
        dates in proptest::collection::vec((1950i32..2030, 1u32..=12, 1u32..=28, 0u8..6), 2..6),
        offset in -365i64..=365,
    ) {
        prop_assume!(offset != 0);
        let text: String = dates
            .iter()
            .enumerate()
            .map(|(i, &(y, m, d, style))| format!("Visit {i} on {}.\n", format_date(y, m, d, style)))
            .collect();
        let policy = CompiledPolicy::from_toml("test", "[kinds]\nDATE = \"shift\"").unwrap();
        let secrets = Secrets { shift_days: Some(offset), ..Secrets::default() };
        let out = crate::util::scrubber().redact_with_policy(&text, &policy, &secrets, &mut Numbering::default());
        let dated: Vec<_> = out.changes.iter().filter(|c| c.kind == casescrub::Kind::Date).collect();
        prop_assert_eq!(dated.len(), dates.len(), "{}", out.output);
        let mut before = BTreeMap::new();
        let mut after = BTreeMap::new();
        for (i, c) in dated.iter().enumerate() {
            let o = parse_date(&c.original).unwrap();
            let n = parse_date(&c.replacement).unwrap();
            before.insert(i, days_from_civil(o.year.unwrap(), o.month.unwrap(), o.day.unwrap()));
            after.insert(i, days_from_civil(n.year.unwrap(), n.month.unwrap(), n.day.unwrap()));
            prop_assert_eq!(after[&i] - before[&i], offset);
            prop_assert_eq!(shape(&c.original), shape(&c.replacement), "{} -> {}", c.original, c.replacement);
            // A full month name stays full; an abbreviation stays three letters
            // ("May" is both, so it can become either).
            let name = |s: &str| s.split(|ch: char| !ch.is_ascii_alphabetic()).find(|w| !w.is_empty()).map(str::to_string);
            if let (Some(o), Some(n)) = (name(&c.original), name(&c.replacement)) {
                if o != "May" && n != "May" {
                    prop_assert_eq!(o.len() == 3, n.len() == 3, "{} -> {}", c.original, c.replacement);
                }
            }
        }
        for i in 0..dated.len() {
            for j in 0..dated.len() {
                prop_assert_eq!(after[&i] - after[&j], before[&i] - before[&j]);
            }
        }
    }
}
