//! Secrets: key, vault and report files are private (0600), and the key itself
//! never appears in any output, log or error.

use crate::util::{casescrub, fixture};
use std::path::Path;

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn key_never_leaks_and_sensitive_files_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("case.key");
    let keygen = casescrub().arg("keygen").arg(&key).output().unwrap();
    assert!(keygen.status.success(), "{keygen:?}");
    let hex = std::fs::read_to_string(&key).unwrap().trim().to_string();
    assert_eq!(hex.len(), 64);
    let policy = dir.path().join("p.toml");
    std::fs::write(&policy, "default = \"pseudonym\"\n").unwrap();
    let (out, report, vault) = (
        dir.path().join("out.txt"),
        dir.path().join("report.json"),
        dir.path().join("vault.json"),
    );
    let mut seen = Vec::new();
    seen.extend(keygen.stdout);
    seen.extend(keygen.stderr);
    for extra in [&["--vault", vault.to_str().unwrap()][..], &[], &["--diff"]] {
        let run = casescrub()
            .arg("redact")
            .arg(fixture("seed-imr-determination-01.txt"))
            .arg("-o")
            .arg(&out)
            .arg("--report")
            .arg(&report)
            .arg("--policy")
            .arg(&policy)
            .arg("--key-file")
            .arg(&key)
            .arg("--shift-key")
            .arg(&key)
            .args(extra)
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
        seen.extend(run.stdout);
        seen.extend(run.stderr);
        for file in [&out, &report, &vault] {
            seen.extend(std::fs::read(file).unwrap());
        }
    }
    // A wrong key is an error that does not echo the file's contents.
    let bad = dir.path().join("bad.key");
    std::fs::write(&bad, format!("{}zz\n", &hex[..62])).unwrap();
    let run = casescrub()
        .args(["redact", "-", "--policy"])
        .arg(&policy)
        .arg("--key-file")
        .arg(&bad)
        .write_stdin("Dr. Alan Smith")
        .output()
        .unwrap();
    assert!(!run.status.success());
    seen.extend(run.stderr);
    let seen = String::from_utf8_lossy(&seen).to_lowercase();
    assert!(!seen.contains(&hex[..16]), "the key appears in an output");
    assert!(
        !seen.contains(&hex[..62][..16]),
        "the bad key appears in an error"
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&key), 0o600, "key");
        assert_eq!(mode(&report), 0o600, "report");
        assert_eq!(mode(&vault), 0o600, "vault");
        assert_eq!(mode(&out), 0o644, "redacted output");
    }
}

#[test]
fn help_says_which_outputs_hold_identifying_text() {
    let help = casescrub().arg("--help").output().unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    for needle in ["--report", "--diff", "scan", "vault"] {
        assert!(
            text.contains(needle),
            "--help does not mention {needle}: {text}"
        );
    }
    let readme = std::fs::read_to_string(fixture("../README.md")).unwrap();
    assert!(readme.contains("Which outputs contain identifying text"));
    assert!(readme.contains("SECURITY.md"));
}
