//! The review page in a real browser (headless Chromium). These tests never skip:
//! without Chromium they fail and say how to install it (`.ci/run` does).

use crate::util::{casescrub, fixture};
use casescrub::review::html::{self, ReviewFile};
use casescrub::{Change, Kind};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The Chromium binary: `$CASESCRUB_CHROMIUM`, else `chromium` / `chromium-browser` /
/// `google-chrome` on PATH. Panics (never skips) when there is none.
fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("CASESCRUB_CHROMIUM") {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "BROWSER TESTS CANNOT RUN: no Chromium found (tried $CASESCRUB_CHROMIUM, chromium, \
         chromium-browser, google-chrome on PATH). Install it: `apt-get install -y chromium` \
         (.ci/run does this). These tests fail rather than skip."
    );
}

/// What one headless Chromium run produced.
struct Run {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium with a fresh profile and the flags the CI policy requires.
fn run_chromium(extra: &[String]) -> Run {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(extra)
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("Chromium starts");
    // Read both pipes on threads so a full pipe cannot stall the browser.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).unwrap();
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).unwrap();
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("Chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Run {
        stdout: String::from_utf8_lossy(&t_out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&t_err.join().unwrap()).into_owned(),
    }
}

fn url(page: &Path, fragment: &str) -> String {
    format!(
        "file://{}{fragment}",
        page.canonicalize().unwrap().display()
    )
}

/// Console messages and page errors are failures.
fn assert_no_console_errors(run: &Run, dom: &str) {
    let console: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .collect();
    assert!(console.is_empty(), "console output: {console:#?}");
    assert!(
        dom.contains("<pre id=\"errors\" hidden=\"\"></pre>"),
        "the page recorded errors: {}",
        between(dom, "<pre id=\"errors\"", "</pre>")
    );
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let Some(i) = s.find(start) else { return "" };
    let rest = &s[i..];
    let from = start.len().min(rest.len());
    &rest[..rest[from..]
        .find(end)
        .map_or(rest.len(), |j| from + j + end.len())]
}

/// `(kind, data-i, column)` of every highlight in a section of the dumped DOM,
/// where column is `o` (original) or `r` (redacted).
fn highlights(section: &str) -> Vec<(String, usize, char)> {
    let mut out = Vec::new();
    let rows = &section[section.find("<div class=\"rows\">").unwrap_or(0)..];
    let mut column = 'o';
    let mut rest = rows;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<div class=\"o\">") {
            column = 'o';
        } else if rest.starts_with("<div class=\"r\">") {
            column = 'r';
        } else if let Some(tag) = rest.strip_prefix("<mark class=\"k-") {
            let kind: String = tag.chars().take_while(|c| c.is_ascii_uppercase()).collect();
            let i = between(tag, "data-i=\"", "\"");
            let n: usize = i["data-i=\"".len()..i.len() - 1].parse().unwrap();
            out.push((kind, n, column));
        }
        rest = &rest[1..];
    }
    out
}

#[test]
fn review_page_in_chromium_highlights_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    let names = [
        "seed-imr-determination-01.txt",
        "case-note-crlf.txt",
        "court-summary.txt",
    ];
    let mut cmd = casescrub();
    cmd.arg("review");
    for n in names {
        cmd.arg(fixture(n));
    }
    cmd.arg("-o").arg(&page).assert().success();
    let source = std::fs::read_to_string(&page).unwrap();
    // Self-contained: nothing is fetched.
    for external in [
        "<script src",
        "<link",
        "@import",
        "url(",
        "@font-face",
        "<iframe",
        "<img",
    ] {
        assert!(
            !source.contains(external),
            "page loads something: {external}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the page holds original text");
    }

    let run = run_chromium(&["--dump-dom".into(), url(&page, "#selftest")]);
    let dom = &run.stdout;
    assert!(
        dom.contains("data-ready="),
        "the script did not finish:\n{}",
        run.stderr
    );
    assert_no_console_errors(&run, dom);
    assert!(
        dom.contains("<pre id=\"selftest\" data-result=\"pass\"></pre>"),
        "keyboard self-test failed: {}",
        between(dom, "<pre id=\"selftest\"", "</pre>")
    );
    assert!(dom.contains("This page contains original identifying text"));

    // Every finding of every file is highlighted in both columns, in its kind's colour.
    let sections: Vec<&str> = dom.split("<section class=\"file\"").skip(1).collect();
    assert_eq!(sections.len(), names.len());
    for (name, section) in names.iter().zip(&sections) {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let expected = crate::util::scrubber()
            .redact(&text, &mut casescrub::Numbering::default())
            .changes;
        assert!(!expected.is_empty());
        let marks = highlights(section);
        for (i, c) in expected.iter().enumerate() {
            for column in ['o', 'r'] {
                assert!(
                    marks
                        .iter()
                        .any(|(k, n, col)| *n == i && *col == column && k == c.kind.as_str()),
                    "{name}: finding {i} ({} {:?}) not highlighted in column {column}",
                    c.kind,
                    c.original
                );
            }
        }
        // Legend counts match.
        for (kind, n) in expected.iter().fold(
            std::collections::BTreeMap::<Kind, usize>::new(),
            |mut m, c| {
                *m.entry(c.kind).or_default() += 1;
                m
            },
        ) {
            let key = format!("data-kind=\"{kind}\">{kind} <b>{n}</b>");
            assert!(section.contains(&key), "{name}: legend lacks {key}");
        }
    }
    // The index links every file.
    for i in 0..names.len() {
        assert!(dom.contains(&format!("<a href=\"#file-{i}\">")));
    }
}

#[test]
fn review_page_screenshot_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    casescrub()
        .arg("review")
        .arg(fixture("case-note-crlf.txt"))
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let shot = dir.path().join("shot.png");
    let run = run_chromium(&[
        "--window-size=1280,900".into(),
        "--hide-scrollbars".into(),
        format!("--screenshot={}", shot.display()),
        url(&page, ""),
    ]);
    assert!(shot.is_file(), "no screenshot written:\n{}", run.stderr);
    let decoder = png::Decoder::new(std::fs::File::open(&shot).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert!(
        channels >= 3,
        "unexpected PNG colour type {:?}",
        info.color_type
    );
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    let colours: std::collections::HashSet<[u8; 3]> =
        pixels.iter().map(|p| [p[0], p[1], p[2]]).collect();
    let non_white = pixels.iter().filter(|p| p[..3] != [255, 255, 255]).count();
    assert!(
        colours.len() > 50,
        "only {} colours: blank page?",
        colours.len()
    );
    assert!(
        non_white * 20 > pixels.len(),
        "less than 5% of the page is painted"
    );
    // The red warning banner is painted across the top.
    let width = info.width as usize;
    let top_row = &pixels[10 * width..11 * width];
    let red = top_row
        .iter()
        .filter(|p| p[0] > 150 && p[1] < 40 && p[2] < 70)
        .count();
    assert!(
        red > width / 2,
        "no red banner at the top ({red} red pixels)"
    );
}

/// A 10 MB file with a finding on every line.
fn large_file() -> ReviewFile {
    let line =
        "Seen on 6/18/02 by Dr. Maria Lopez at the clinic; pain 5/10, follow up in two weeks.\n";
    let lines = 10 * 1024 * 1024 / line.len() + 1;
    let original = line.repeat(lines);
    let mut changes = Vec::with_capacity(lines * 2);
    for i in 0..lines {
        let base = i * line.len();
        for (value, kind, rule, replacement) in [
            ("6/18/02", Kind::Date, "date.mdy-slash", "[DATE-1]"),
            (
                "Maria Lopez",
                Kind::Person,
                "person.after-title",
                "[PERSON-1]",
            ),
        ] {
            let start = base + line.find(value).unwrap();
            changes.push(Change {
                start,
                end: start + value.len(),
                line: i + 1,
                column: line.find(value).unwrap() + 1,
                kind,
                rule: rule.into(),
                original: value.into(),
                replacement: replacement.into(),
            });
        }
    }
    ReviewFile {
        name: "large.txt".into(),
        original,
        changes,
        marks: Vec::new(),
        rejected: Vec::new(),
    }
}

#[test]
fn review_page_opens_a_10_mb_file_without_freezing() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("large.html");
    let file = large_file();
    let findings = file.changes.len();
    std::fs::write(&page, html::render(&[file], "large")).unwrap();
    let started = Instant::now();
    let run = run_chromium(&["--dump-dom".into(), url(&page, "#selftest")]);
    let wall = started.elapsed();
    let dom = &run.stdout;
    assert!(
        dom.contains(&format!("data-ready=\"{findings}\"")),
        "not ready:\n{}",
        run.stderr
    );
    assert_no_console_errors(&run, dom);
    // Keyboard navigation reaches the last finding (rendered on demand) and back.
    assert!(
        dom.contains("<pre id=\"selftest\" data-result=\"pass\"></pre>"),
        "self-test: {}",
        between(dom, "<pre id=\"selftest\"", "</pre>")
    );
    let ready: u64 = between(dom, "data-ready-ms=\"", "\"")["data-ready-ms=\"".len()..]
        .trim_end_matches('"')
        .parse()
        .unwrap();
    eprintln!("10 MB page: script ready after {ready} ms; Chromium run {wall:?}");
    assert!(ready < 15_000, "the page took {ready} ms to become ready");
    // Rows are rendered lazily: a few chunks, not 120 000 lines.
    let rows = dom.matches("<div class=\"row").count();
    assert!(rows > 0 && rows < 2_000, "{rows} rows in the DOM");
}

#[test]
fn review_page_in_chromium_shows_coverage_and_risk() {
    let dir = tempfile::tempdir().unwrap();
    let (source, report) = crate::case_review::page_and_report(dir.path());
    for external in ["<script src", "<link", "@import", "url(", "<iframe", "<img"] {
        assert!(
            !source.contains(external),
            "page loads something: {external}"
        );
    }
    let run = run_chromium(&[
        "--dump-dom".into(),
        url(&dir.path().join("review.html"), "#selftest"),
    ]);
    let dom = &run.stdout;
    assert!(
        dom.contains("data-ready="),
        "the script did not finish:\n{}",
        run.stderr
    );
    assert_no_console_errors(&run, dom);
    // The page's own script still works with the extra sections in place.
    assert!(
        dom.contains("<pre id=\"selftest\" data-result=\"pass\"></pre>"),
        "keyboard self-test failed: {}",
        between(dom, "<pre id=\"selftest\"", "</pre>")
    );
    // The browser's DOM shows every number of the report: the run checklist, each
    // file's checklist, quasi-identifiers and triggers, and the flagged file list.
    crate::case_review::assert_page_matches_report(dom, &report);
    assert!(dom.contains("<details class=\"risk flagged\" open=\"\">"));
    // Sections are in the order of the files, under each file's legend.
    let (_, files) = crate::case_review::sections(dom);
    assert!(files[3].contains("docs/4-case-note.txt"));
    assert!(files[3].contains("<b>FLAGGED</b>"));
}
