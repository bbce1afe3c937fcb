//! Throughput of detection and redaction on the bundled corpus (every file in
//! `fixtures/`, repeated to about 1 MB), compared in the same run with a plain
//! `regex` scan of the same text — the practical limit for any regex-based tool.
//!
//! Run with `cargo bench --bench throughput`; criterion prints MB/s ("thrpt").

use casescrub::{Numbering, Scrubber};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// The fixtures, concatenated and repeated to at least `target` bytes.
fn corpus(target: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let one: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap() + "\n")
        .collect();
    let mut text = String::with_capacity(target + one.len());
    while text.len() < target {
        text.push_str(&one);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let scrubber = Scrubber::with_default_patterns().unwrap();
    // The practical limits: one plain regex scanning the same text once, and the
    // library's own regexes joined into one plain `regex` alternation (no validators,
    // context, captures, word lists or overlap resolution).
    let plain = regex::Regex::new(r"\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\b").unwrap();
    let library = casescrub::Library::embedded().unwrap();
    let unnamed = regex::Regex::new(r"\(\?P?<[A-Za-z0-9_]+>").unwrap();
    let joined: Vec<String> = library
        .rules()
        .filter_map(|r| {
            let source = unnamed.replace_all(r.regex.as_ref()?, "(?:").into_owned();
            Some(if r.ignores_case() {
                format!("(?i:{source})")
            } else {
                format!("(?:{source})")
            })
        })
        .collect();
    let plain_library = regex::RegexBuilder::new(&joined.join("|"))
        .size_limit(1 << 28)
        .dfa_size_limit(1 << 26)
        .build()
        .unwrap();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("plain_regex_scan", |b| {
        b.iter(|| plain.find_iter(black_box(&text)).count())
    });
    group.bench_function("plain_regex_library_alternation", |b| {
        b.iter(|| plain_library.find_iter(black_box(&text)).count())
    });
    group.bench_function("detect", |b| {
        b.iter(|| scrubber.detect(black_box(&text)).len())
    });
    group.bench_function("redact", |b| {
        b.iter(|| {
            scrubber
                .redact(black_box(&text), &mut Numbering::default())
                .output
                .len()
        })
    });
    group.finish();

    c.bench_function("compile_default_library", |b| {
        b.iter(|| Scrubber::with_default_patterns().unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
