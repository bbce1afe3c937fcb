//! Tests of the whole layout pass with the embedded label lexicon.

use super::*;

fn lexicon() -> Lexicon {
    let library = crate::patterns::Library::embedded().unwrap();
    let labels: Vec<_> = library.labels().cloned().collect();
    Lexicon::new(labels.iter().zip(0..))
}

fn values(text: &str) -> Vec<(String, Kind, &'static str)> {
    let lex = lexicon();
    fields(text, &lex)
        .iter()
        .map(|f| {
            let c = match f.container {
                Container::Field => "field",
                Container::Table => "table",
                Container::Signature => "signature",
                Container::Caption => "caption",
            };
            (text[f.start..f.end].to_string(), f.kind, c)
        })
        .collect()
}

#[test]
fn caption_parties() {
    let got = values("ACME ROOFING, INC.,\n        Defendant and Appellant.\n");
    assert_eq!(
        got,
        vec![("ACME ROOFING, INC.".to_string(), Kind::Org, "caption")]
    );
}
