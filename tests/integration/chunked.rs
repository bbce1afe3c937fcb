//! Chunked (streaming) redaction gives exactly the whole-text result.

use crate::util::{fixture, scrubber};
use casescrub::chunked::{redact_str_chunked, Chunking};
use casescrub::Numbering;
use proptest::prelude::*;

fn assert_same(text: &str, chunking: Chunking) {
    let whole = scrubber().redact(text, &mut Numbering::default());
    let chunked = redact_str_chunked(scrubber(), text, &mut Numbering::default(), chunking);
    assert_eq!(
        chunked.changes, whole.changes,
        "changes differ for {chunking:?}"
    );
    assert_eq!(
        chunked.output, whole.output,
        "output differs for {chunking:?}"
    );
}

#[test]
fn the_default_overlap_covers_the_longest_match() {
    let m = scrubber().matcher();
    let c = Chunking::for_scrubber(scrubber());
    eprintln!(
        "longest match {:?}, widest context {}, overlap {}",
        m.longest_match(),
        m.widest_context(),
        c.overlap
    );
    if let Some(longest) = m.longest_match() {
        assert!(c.overlap > longest + 2 * m.widest_context());
    }
}

#[test]
fn fixtures_chunked_equal_whole_at_every_chunk_size() {
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // Windows commit a few bytes at a time, so outputs are assembled from many
        // pieces and every finding meets a window edge somewhere. The overlap spans
        // the text: the entity pass links later mentions of a name only within a
        // window (pattern rules are tested at small overlaps below).
        let text = text.repeat(2);
        for chunk in [4, 7, 31, 64, 200, 1000, 1 << 20] {
            assert_same(
                &text,
                Chunking {
                    chunk,
                    overlap: text.len() + 1,
                },
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::proptest_cases(64)))]

    #[test]
    fn generated_documents_chunked_equal_whole(
        (text, _) in crate::invariants::document(),
        chunk in 4usize..300,
        overlap in 300usize..600,
    ) {
        assert_same(&text, Chunking { chunk, overlap });
    }
}

/// A full name in an early window links a bare mention many windows later, as in
/// the whole text ("Lopez" after "Maria Lopez").
#[test]
fn names_found_in_one_window_link_mentions_in_later_windows() {
    let filler = "The request for physical therapy is not medically necessary. ".repeat(40);
    let text = format!(
        "Claimant: Maria Lopez\nDate of injury: 6/18/02\n{filler}\nLopez returned to work. \
         {filler}\nMs. Lopez and Dr. Alan Smith agreed; Smith signed.\n"
    );
    for chunk in [64, 300, 1000] {
        assert_same(
            &text,
            Chunking {
                chunk,
                overlap: 400,
            },
        );
    }
    let chunked = redact_str_chunked(
        scrubber(),
        &text,
        &mut Numbering::default(),
        Chunking {
            chunk: 300,
            overlap: 400,
        },
    );
    assert!(!chunked.output.contains("Lopez"), "{}", chunked.output);
}
