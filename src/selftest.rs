//! Runs every rule's own examples: `match` strings must be found, `no_match`
//! strings must not.

use crate::matcher::Matcher;
use crate::patterns::{LabelSpec, Library, RuleSpec};
use crate::resolve::resolve_with;
use crate::Scrubber;

/// One example that did not behave as its rule promised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule id.
    pub rule: String,
    /// The file that defines the rule.
    pub source: String,
    /// The example string.
    pub example: String,
    /// What went wrong.
    pub problem: String,
}

/// Marks that delimit the expected span inside a `match` example.
const OPEN: char = '«';
const CLOSE: char = '»';

/// Tests the examples of every rule in `library`; an empty result means all passed.
///
/// A rule with its own engine is tested alone; a rule made by a stage (the entity
/// pass) is tested through the whole detector of `library`.
pub fn test_library(library: &Library) -> Vec<ExampleFailure> {
    let mut failures: Vec<ExampleFailure> = library
        .rules()
        .filter(|r| r.is_compiled())
        .flat_map(test_rule)
        .collect();
    let labels: Vec<_> = library.labels().collect();
    let lex = crate::layout::Lexicon::new(labels.iter().copied().zip(0..));
    failures.extend(labels.iter().flat_map(|l| test_label(l, &lex)));
    let staged: Vec<&RuleSpec> = library.rules().filter(|r| !r.is_compiled()).collect();
    if staged.is_empty() {
        return failures;
    }
    match Scrubber::new(library) {
        Ok(scrubber) => {
            for spec in staged {
                failures.extend(test_staged_rule(&scrubber, spec));
            }
        }
        Err(e) => failures.push(ExampleFailure {
            rule: "(library)".into(),
            source: String::new(),
            example: String::new(),
            problem: format!("does not compile: {e}"),
        }),
    }
    failures
}

/// What a detector gave for one example: the spans that count for the rule under
/// test, and everything it found, as shown in a failure message.
struct Found {
    mine: Vec<(usize, usize)>,
    shown: Vec<String>,
}

/// The words of the failure messages of one kind of rule.
struct Wording {
    /// "expected the marked text to be {found}; found [...]".
    found: &'static str,
    /// "{not_found}, but found [...]".
    not_found: &'static str,
}

/// Runs `examples` of the rule `id` (defined in `source`) through `detect`: every
/// marked span of a `match` string (or the whole string) must be one of its spans;
/// a `no_match` string must give none.
fn check_examples(
    id: &str,
    source: &str,
    examples: &crate::patterns::Examples,
    detect: impl Fn(&str) -> Found,
    wording: Wording,
) -> Vec<ExampleFailure> {
    let fail = |example: &str, problem: String| ExampleFailure {
        rule: id.to_string(),
        source: source.to_string(),
        example: example.to_string(),
        problem,
    };
    let mut failures = Vec::new();
    for example in &examples.must_match {
        let (text, expected) = strip_marks(example);
        let found = detect(&text);
        let ok = match &expected {
            Some(marked) => marked.iter().all(|span| found.mine.contains(span)),
            None => found.mine.iter().any(|&(s, e)| s == 0 && e == text.len()),
        };
        if !ok {
            failures.push(fail(
                example,
                format!(
                    "expected the marked text to be {}; found {:?}",
                    wording.found, found.shown
                ),
            ));
        }
    }
    for example in &examples.no_match {
        let found = detect(example);
        if !found.mine.is_empty() {
            let got: Vec<&str> = found.mine.iter().map(|&(s, e)| &example[s..e]).collect();
            failures.push(fail(
                example,
                format!("{}, but found {got:?}", wording.not_found),
            ));
        }
    }
    failures
}

/// Tests the examples of a rule that a stage makes, through `scrubber`'s whole
/// detector: each marked span must be a finding of this rule; a `no_match` string
/// must have no finding of this rule.
pub fn test_staged_rule(scrubber: &Scrubber, spec: &RuleSpec) -> Vec<ExampleFailure> {
    let detect = |text: &str| {
        let found = scrubber.detect(text);
        Found {
            mine: found
                .iter()
                .filter(|f| *f.rule == *spec.id)
                .map(|f| (f.start, f.end))
                .collect(),
            shown: found
                .iter()
                .map(|f| format!("{} ({})", &text[f.start..f.end], f.rule))
                .collect(),
        }
    };
    let wording = Wording {
        found: "found by this rule",
        not_found: "must not match",
    };
    check_examples(&spec.id, &spec.source, &spec.examples, detect, wording)
}

/// Tests one label's examples against the layout stage with the labels of `lex`
/// (the whole library's, which end each other's values): each `match` string must
/// give a value of this label for every marked span (or the whole string); each
/// `no_match` string none. A label of kind `ALLOW` keeps its values: its
/// `match` strings mark the values of other labels it leaves whole, and its
/// `no_match` strings must give no value at all.
pub fn test_label(spec: &LabelSpec, lex: &crate::layout::Lexicon) -> Vec<ExampleFailure> {
    if spec.shape.as_deref() == Some("measurement") {
        return test_measurement(spec, lex);
    }
    let allow = spec.kind == crate::kind::Kind::Allow;
    let detect = |text: &str| {
        let mut found = crate::layout::fields(text, lex);
        found.retain(|f| allow || *lex.label(f.label).id == *spec.id);
        Found {
            mine: found.iter().map(|f| (f.start, f.end)).collect(),
            shown: found
                .iter()
                .map(|f| text[f.start..f.end].to_string())
                .collect(),
        }
    };
    let wording = Wording {
        found: "a field value",
        not_found: "must give no field value",
    };
    check_examples(&spec.id, &spec.source, &spec.examples, detect, wording)
}

/// A measurement label's examples: each `match` string must keep every marked
/// span (or the whole string) as a quiet span; each `no_match` string none.
fn test_measurement(spec: &LabelSpec, lex: &crate::layout::Lexicon) -> Vec<ExampleFailure> {
    let detect = |text: &str| {
        // The labels' own spans are quiet too; only the values (numbers) count.
        let mut quiet = crate::layout::read(text, lex).quiet;
        quiet.retain(|&(s, e)| text[s..e].contains(|c: char| c.is_ascii_digit()));
        Found {
            shown: quiet.iter().map(|&(s, e)| text[s..e].to_string()).collect(),
            mine: quiet,
        }
    };
    let wording = Wording {
        found: "a measurement kept as it is",
        not_found: "must keep no measurement",
    };
    check_examples(&spec.id, &spec.source, &spec.examples, detect, wording)
}

/// Tests one rule's examples against that rule alone.
pub fn test_rule(spec: &RuleSpec) -> Vec<ExampleFailure> {
    let matcher = match Matcher::from_rules([spec]) {
        Ok(m) => m,
        Err(e) => {
            return vec![ExampleFailure {
                rule: spec.id.clone(),
                source: spec.source.clone(),
                example: String::new(),
                problem: format!("does not compile: {e}"),
            }]
        }
    };
    let detect = |text: &str| {
        let found = resolve_with(&matcher, matcher.candidates(text), true);
        Found {
            mine: found.iter().map(|f| (f.start, f.end)).collect(),
            shown: found
                .iter()
                .map(|f| text[f.start..f.end].to_string())
                .collect(),
        }
    };
    let wording = Wording {
        found: "found",
        not_found: "must not match",
    };
    check_examples(&spec.id, &spec.source, &spec.examples, detect, wording)
}

/// Removes `«…»` marks; returns the plain text and the marked byte spans (if any).
fn strip_marks(example: &str) -> (String, Option<Vec<(usize, usize)>>) {
    let mut text = String::with_capacity(example.len());
    let mut spans = Vec::new();
    let mut open = None;
    for c in example.chars() {
        match c {
            OPEN => open = Some(text.len()),
            CLOSE => {
                if let Some(start) = open.take() {
                    spans.push((start, text.len()));
                }
            }
            _ => text.push(c),
        }
    }
    let spans = (!spans.is_empty()).then_some(spans);
    (text, spans)
}

/// How many examples (must-match and must-not-match) the rules and labels of
/// `library` hold: what `patterns test` runs.
pub fn example_count(library: &Library) -> usize {
    let rules: usize = library
        .rules()
        .map(|r| r.examples.must_match.len() + r.examples.no_match.len())
        .sum();
    let labels: usize = library
        .labels()
        .map(|l| l.examples.must_match.len() + l.examples.no_match.len())
        .sum();
    rules + labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_stripped() {
        let (text, spans) = strip_marks("on «6/18» and «7/1»");
        assert_eq!(text, "on 6/18 and 7/1");
        assert_eq!(spans, Some(vec![(3, 7), (12, 15)]));
    }

    #[test]
    fn every_embedded_rule_passes_its_examples() {
        let library = Library::embedded().expect("embedded library loads");
        let failures = test_library(&library);
        assert!(
            failures.is_empty(),
            "{} example(s) failed:\n{}",
            failures.len(),
            failures
                .iter()
                .map(|f| format!(
                    "  {} ({}): {:?}: {}",
                    f.rule, f.source, f.example, f.problem
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn examples_are_counted_and_each_rule_names_its_engine() {
        let toml = r#"
[[rule]]
id = "t.code"
kind = "ID"
description = "A code."
regex = '\bX-[0-9]{3}\b'
examples = { match = ["X-123"], no_match = ["X-12"] }

[[rule]]
id = "t.word"
kind = "ORG"
description = "A word."
words = ["Acme"]
examples = { match = ["Acme"] }
"#;
        let mut library = Library::default();
        library.add_file("t.toml", toml, false, &|_| None).unwrap();
        let engines: Vec<(&str, &str)> = library
            .rules()
            .map(|r| (r.id.as_str(), r.engine()))
            .collect();
        assert_eq!(engines, [("t.code", "regex"), ("t.word", "words")]);
        assert_eq!(example_count(&library), 3);
        assert!(test_library(&library).is_empty());
        let embedded = Library::embedded().unwrap();
        assert!(embedded.rules().any(|r| r.engine() == "entity"));
        assert!(example_count(&embedded) > embedded.len());
    }
}
