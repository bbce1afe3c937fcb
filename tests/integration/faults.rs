//! Fault injection in folder mode: a full disk, a read-only output folder, a file
//! deleted mid-run and Ctrl-C mid-run. Each must leave no partial output, a manifest
//! that says which files completed, and `--resume` must finish the rest with the
//! same result as an undisturbed run.
//!
//! The disk faults use a small tmpfs, which needs root (as in CI); elsewhere those
//! two tests print why they did not run.

use crate::util::{casescrub, fixture};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A tmpfs mounted for the length of a test.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, options: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            eprintln!("not run: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(Tmpfs(dir.to_path_buf()))
    }

    fn remount(&self, options: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.0)
            .status()
            .unwrap()
            .success();
        assert!(ok, "remount failed");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// `n` input files (copies of the longest fixture, each made distinct).
fn inputs(root: &Path, n: usize, repeat: usize) -> PathBuf {
    let input = root.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let text = std::fs::read_to_string(fixture("seed-imr-determination-01.txt")).unwrap();
    for i in 0..n {
        let body = format!("File {i} of the case.\n{}", text.repeat(repeat));
        std::fs::write(input.join(format!("f{i:03}.txt")), body).unwrap();
    }
    input
}

/// Every file under `dir` (name → bytes), sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap_or_default())
        })
        .collect();
    out.sort();
    out
}

fn manifest(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("torn manifest line {l:?}: {e}"))
        })
        .collect()
}

/// Redacts `input` into a fresh folder, undisturbed: the expected outputs.
fn reference(root: &Path, input: &Path) -> Vec<(String, Vec<u8>)> {
    let out = root.join("reference");
    casescrub()
        .arg("redact")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .args(["--manifest", root.join("ref.jsonl").to_str().unwrap(), "-q"])
        .assert()
        .success();
    files(&out)
}

/// No temporary or partial file: everything in `out` is a complete expected output.
fn assert_only_complete_outputs(out: &Path, expected: &[(String, Vec<u8>)]) -> usize {
    let mut complete = 0;
    for (name, bytes) in files(out) {
        assert!(
            !name.starts_with(".casescrub-"),
            "temporary file left: {name}"
        );
        let want = expected
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("unexpected file {name}"));
        assert!(bytes == want.1, "{name} is partial or wrong");
        complete += 1;
    }
    complete
}

/// Manifest entries say `redacted` exactly for the outputs that exist.
fn assert_manifest_matches(manifest_path: &Path, out: &Path) {
    for line in manifest(manifest_path) {
        let input = Path::new(line["input"].as_str().unwrap());
        let name = input.file_name().unwrap();
        let exists = out.join(name).exists();
        match line["status"].as_str().unwrap() {
            "redacted" | "resumed" => assert!(exists, "{name:?} marked done but missing"),
            "failed" => assert!(!exists, "{name:?} marked failed but written"),
            other => panic!("unexpected status {other}"),
        }
    }
}

#[test]
fn full_disk_leaves_no_partial_output_and_resume_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 12, 1);
    let expected = reference(dir.path(), &input);
    let out = dir.path().join("out");
    let Some(fs) = Tmpfs::mount(&out, "size=24k") else {
        return;
    };
    let m = dir.path().join("m.jsonl");
    let run = casescrub()
        .arg("redact")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--manifest", m.to_str().unwrap(), "-j", "1", "-q"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("No space left on device"), "{stderr}");
    let done = assert_only_complete_outputs(&out, &expected);
    assert!(done < expected.len(), "the disk was not full");
    assert_manifest_matches(&m, &out);
    fs.remount("size=4m");
    casescrub()
        .arg("redact")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--manifest", m.to_str().unwrap(), "--resume", "-q"])
        .assert()
        .success();
    assert_eq!(files(&out), expected);
}

#[test]
fn read_only_output_folder_is_a_clear_error_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 3, 1);
    let out = dir.path().join("out");
    let Some(_fs) = Tmpfs::mount(&out, "ro,size=1m") else {
        return;
    };
    let m = dir.path().join("m.jsonl");
    let run = casescrub()
        .arg("redact")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--manifest", m.to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("Read-only file system"), "{stderr}");
    assert!(files(&out).is_empty(), "something was written");
}

/// Starts a folder run of `input` and waits until `manifest` has a line.
fn start_and_wait(input: &Path, out: &Path, m: &Path) -> std::process::Child {
    let child = Command::new(env!("CARGO_BIN_EXE_casescrub"))
        .arg("redact")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["--manifest", m.to_str().unwrap(), "-j", "1", "-q"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while manifest(m).is_empty() {
        assert!(started.elapsed() < Duration::from_secs(120), "no progress");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

#[test]
fn file_deleted_mid_run_is_reported_and_the_rest_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 40, 40);
    let expected = reference(dir.path(), &input);
    let out = dir.path().join("out");
    let m = dir.path().join("m.jsonl");
    let child = start_and_wait(&input, &out, &m);
    let victim = input.join("f039.txt");
    std::fs::remove_file(&victim).unwrap();
    let run = child.wait_with_output().unwrap();
    let lines = manifest(&m);
    let entry = lines
        .iter()
        .find(|l| l["input"].as_str().unwrap().ends_with("f039.txt"))
        .expect("the deleted file has a manifest line");
    if entry["status"] == "failed" {
        assert_eq!(run.status.code(), Some(1));
        let error = entry["error"].as_str().unwrap();
        assert!(error.contains("f039.txt"), "{error}");
    }
    let done = assert_only_complete_outputs(&out, &expected);
    assert!(done >= 39);
    assert_manifest_matches(&m, &out);
}

#[test]
fn interrupt_mid_run_leaves_no_partial_output_and_resume_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 40, 40);
    let expected = reference(dir.path(), &input);
    let out = dir.path().join("out");
    let m = dir.path().join("m.jsonl");
    let child = start_and_wait(&input, &out, &m);
    let ok = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let run = child.wait_with_output().unwrap();
    let done = assert_only_complete_outputs(&out, &expected);
    assert!(
        done < expected.len(),
        "the run finished before the interrupt: {run:?}"
    );
    assert!(!run.status.success());
    assert_manifest_matches(&m, &out);
    casescrub()
        .arg("redact")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--manifest", m.to_str().unwrap(), "--resume", "-q"])
        .assert()
        .success();
    assert_eq!(files(&out), expected);
}
