//! Compiles a pattern library once into combined automata: one multi-pattern
//! regex for every regex rule and one Aho-Corasick automaton per case mode for
//! every word-list rule.

use crate::error::{Error, Result};
use crate::kind::Kind;
use crate::patterns::{Context, LabelSpec, Library, RuleSpec, Validator};
use crate::rule_regex::{RuleCache, RuleRegex};
use crate::scanner::{ScanCache, Scanner};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use std::sync::{Arc, OnceLock};

/// Scratch space of one thread: the lazy DFAs' states and the rule regexes' caches.
#[derive(Debug)]
pub(crate) struct Scratch {
    pub(crate) scan: Option<ScanCache>,
    pub(crate) rules: Vec<RuleCache>,
    pub(crate) caps: Vec<Captures>,
}

/// Creates a thread's [`Scratch`].
pub(crate) type ScratchFn =
    Box<dyn Fn() -> Scratch + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// How a finding is rewritten by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultAction {
    /// `[KIND-n]` placeholder.
    Placeholder,
    /// A gender-neutral word (pronouns and titles).
    Neutralize,
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    /// Rule id.
    pub id: Arc<str>,
    /// What the rule finds.
    pub kind: Kind,
    /// Overlap priority (higher wins).
    pub priority: i32,
    /// Validator, if any.
    pub validator: Option<Validator>,
    /// Context words, lower-cased.
    pub context: Option<Context>,
    /// Default rewrite.
    pub action: DefaultAction,
    /// The context's `before` and `after` positions, compiled (see [`Position`]).
    pub position: Option<Arc<Position>>,
}

/// A rule's position: regexes that must match the text right before and right after
/// a match, in any letter case. They let a large word list (run by the fast
/// word-list automaton) be taken only in a grammatical slot.
#[derive(Debug)]
pub struct Position {
    /// Must match a suffix of the text before the match (`(?i:RE)\z`).
    pub before: Option<regex::Regex>,
    /// Must match a prefix of the text after the match (`\A(?i:RE)`).
    pub after: Option<regex::Regex>,
}

impl Position {
    /// Compiles a context's `before` and `after` (`None` when it has neither).
    fn new(context: &Context) -> Result<Option<Self>> {
        if context.before.is_none() && context.after.is_none() {
            return Ok(None);
        }
        let compile = |source: &Option<String>, shape: fn(&str) -> String| {
            source
                .as_deref()
                .map(|s| regex::Regex::new(&shape(s)))
                .transpose()
                .map_err(|e| Error::Pattern {
                    file: "(context position)".into(),
                    message: format!("invalid regex: {e}"),
                })
        };
        Ok(Some(Position {
            before: compile(&context.before, |s| format!("(?i:{s})\\z"))?,
            after: compile(&context.after, |s| format!("\\A(?i:{s})"))?,
        }))
    }

    /// Whether the text before (`before`) and after (`after`) a match fit.
    pub(crate) fn allows(&self, before: &str, after: &str) -> bool {
        self.before.as_ref().is_none_or(|re| re.is_match(before))
            && self.after.as_ref().is_none_or(|re| re.is_match(after))
    }
}

/// Word-list automaton plus, per automaton pattern, the rules that listed it.
#[derive(Debug)]
pub(crate) struct WordAutomaton {
    pub(crate) ac: AhoCorasick,
    pub(crate) rules_of_pattern: Vec<Vec<usize>>,
}

/// The compiled library: build it once, share it read-only (it is `Send + Sync`).
#[derive(Debug)]
pub struct Matcher {
    pub(crate) rules: Vec<CompiledRule>,
    /// Every regex rule's source, in pattern order.
    pub(crate) regex_sources: Vec<String>,
    /// Finds where the combined regex matches (see [`crate::scanner`]); `None` when
    /// only `meta::Regex` can (a pattern matches the empty string).
    pub(crate) scanner: Option<Scanner>,
    /// The combined regex as a `meta::Regex`, built on first need: when there is no
    /// scanner or its lazy DFAs give up on a text.
    pub(crate) fallback: OnceLock<meta::Regex>,
    /// Regex pattern index → that rule's regex alone, used (anchored at a match of the
    /// combined regex) to read capture groups.
    pub(crate) single: Vec<RuleRegex>,
    /// Per-thread scratch space for the scanner and the rule regexes.
    pub(crate) scratch: Pool<Scratch, ScratchFn>,
    /// Regex pattern index → rule index.
    pub(crate) regex_rules: Vec<usize>,
    /// Regex pattern index → its `k_KIND` capture groups (group index, kind).
    pub(crate) regex_kind_groups: Vec<Vec<(usize, Kind)>>,
    pub(crate) words_folded: Option<WordAutomaton>,
    pub(crate) words_exact: Option<WordAutomaton>,
    /// The longest text any rule can match, in bytes (`None`: some regex is unbounded).
    longest_match: Option<usize>,
    /// The widest context window of any rule, in bytes.
    widest_context: usize,
    /// The field labels of the layout stage; their rules are at the end of `rules`.
    pub(crate) lexicon: crate::label_lexicon::Lexicon,
}

/// Largest compiled size allowed for the combined regex (bytes).
const REGEX_SIZE_LIMIT: usize = 256 * 1024 * 1024;

/// Largest compiled size allowed for one rule's regex (bytes): a user rule like
/// `\w{1000}{1000}` is refused at once instead of eating memory.
const RULE_SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// Lazy-DFA cache for the combined regex. The default (2 MiB) is too small for the
/// whole library: the DFA would give up and every search would fall back to the
/// PikeVM, about a thousand times slower.
const HYBRID_CACHE: usize = 64 * 1024 * 1024;

impl Matcher {
    /// Compiles every rule of `library`.
    pub fn new(library: &Library) -> Result<Self> {
        Ok(Self::from_rules(library.rules())?.with_labels(library.labels()))
    }

    /// Like [`Matcher::new`], compiling the combined automaton on a second thread
    /// while this one compiles the rules one by one (the same result, sooner).
    pub fn new_parallel(library: &Library) -> Result<Self> {
        Ok(Self::build(library.rules(), true)?.with_labels(library.labels()))
    }

    /// Adds the field labels of the layout stage: each becomes a rule (its id,
    /// kind and priority; the layout stage finds its matches) and a lexicon entry.
    pub fn with_labels<'a>(mut self, labels: impl IntoIterator<Item = &'a LabelSpec>) -> Self {
        let labels: Vec<&LabelSpec> = labels.into_iter().collect();
        let first = self.rules.len();
        for spec in &labels {
            self.rules.push(CompiledRule {
                id: Arc::from(spec.id.as_str()),
                kind: spec.kind,
                priority: spec.priority,
                validator: None,
                context: None,
                position: None,
                action: if spec.kind == Kind::Gender {
                    DefaultAction::Neutralize
                } else {
                    DefaultAction::Placeholder
                },
            });
        }
        self.lexicon = crate::label_lexicon::Lexicon::new(labels.into_iter().zip(first..));
        self
    }

    /// The field-label lexicon of the layout stage.
    pub fn lexicon(&self) -> &crate::label_lexicon::Lexicon {
        &self.lexicon
    }

    /// Compiles the given rules (used to test a single rule's examples).
    pub fn from_rules<'a>(specs: impl IntoIterator<Item = &'a RuleSpec>) -> Result<Self> {
        Self::build(specs, false)
    }

    fn build<'a>(specs: impl IntoIterator<Item = &'a RuleSpec>, parallel: bool) -> Result<Self> {
        // Rules made by a stage (the entity pass) have no engine to compile.
        let mut specs: Vec<&RuleSpec> = specs.into_iter().filter(|s| s.is_compiled()).collect();
        // Leftmost-first: at one position, the higher-priority regex wins.
        specs.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.id.cmp(&b.id)));
        let sources: Vec<String> = specs
            .iter()
            .filter_map(|spec| Some(regex_source(spec, spec.regex.as_ref()?)))
            .collect();
        let build_scanner = || {
            if sources.is_empty() {
                return Ok(None);
            }
            Scanner::new(&sources, REGEX_SIZE_LIMIT, HYBRID_CACHE).map_err(|e| Error::Pattern {
                file: "(combined library)".into(),
                message: format!("the rules do not compile together: {e}"),
            })
        };
        if !parallel {
            return Self::build_with(&specs, build_scanner);
        }
        std::thread::scope(|scope| {
            let job = scope.spawn(build_scanner);
            Self::build_with(&specs, || {
                job.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
        })
    }

    /// Compiles `specs` (sorted); `scanner` gives the combined automaton of their
    /// regexes, once they have all compiled alone.
    fn build_with(
        specs: &[&RuleSpec],
        scanner: impl FnOnce() -> Result<Option<Scanner>>,
    ) -> Result<Self> {
        let mut rules = Vec::with_capacity(specs.len());
        let mut regex_sources = Vec::new();
        let mut single = Vec::new();
        let mut longest_match = Some(0usize);
        let mut widest_context = 0;
        let mut regex_rules = Vec::new();
        let mut folded = WordLists::default();
        let mut exact = WordLists::default();
        for (index, spec) in specs.iter().enumerate() {
            if let Some(c) = &spec.context {
                widest_context = widest_context.max(c.window);
            }
            rules.push(CompiledRule {
                id: Arc::from(spec.id.as_str()),
                kind: spec.kind,
                priority: spec.priority,
                validator: spec.validator,
                context: spec.context.as_ref().map(|c| Context {
                    require: c.require.iter().map(|w| w.to_lowercase()).collect(),
                    forbid: c.forbid.iter().map(|w| w.to_lowercase()).collect(),
                    window: c.window,
                    side: c.side.clone(),
                    before: c.before.clone(),
                    after: c.after.clone(),
                }),
                position: match &spec.context {
                    Some(c) => Position::new(c)
                        .map_err(|e| match e {
                            Error::Pattern { message, .. } => Error::Pattern {
                                file: spec.source.clone(),
                                message: format!("{}: context {message}", spec.location()),
                            },
                            other => other,
                        })?
                        .map(Arc::new),
                    None => None,
                },
                action: match spec.action.as_deref() {
                    Some("neutralize") => DefaultAction::Neutralize,
                    _ => DefaultAction::Placeholder,
                },
            });
            if let Some(source) = &spec.regex {
                let source = regex_source(spec, source);
                // Compile alone first so an error names the rule.
                let fail = |message: String| Error::Pattern {
                    file: spec.source.clone(),
                    message: format!("{}: {message}", spec.location()),
                };
                // Parsed once; a source that does not parse is compiled from its
                // text for the regex crate's own message.
                let hir = match regex_syntax::parse(&source) {
                    Ok(hir) => hir,
                    Err(e) => {
                        RuleRegex::new(&source, RULE_SIZE_LIMIT)
                            .map_err(|e| fail(format!("invalid regex: {e}")))?;
                        return Err(fail(format!("invalid regex: {e}")));
                    }
                };
                let alone = RuleRegex::from_hir(&hir, RULE_SIZE_LIMIT)
                    .map_err(|e| fail(format!("invalid regex: {e}")))?;
                if hir.properties().minimum_len() == Some(0) {
                    return Err(fail("the regex can match empty text".into()));
                }
                kind_groups(alone.group_info(), 0).map_err(fail)?;
                single.push(alone);
                let longest = hir.properties().maximum_len();
                longest_match = longest_match.zip(longest).map(|(a, b)| a.max(b));
                regex_sources.push(source);
                regex_rules.push(index);
            } else {
                let lists = if spec.ignores_case() {
                    &mut folded
                } else {
                    &mut exact
                };
                let longest = spec.loaded_words.iter().map(|w| w.len() * 3).max();
                longest_match = longest_match.map(|a| a.max(longest.unwrap_or(0)));
                for word in &spec.loaded_words {
                    lists.add(word, index, spec.ignores_case());
                }
            }
        }
        let scanner = scanner()?;
        let regex_kind_groups = single
            .iter()
            .map(|re| kind_groups(re.group_info(), 0))
            .collect::<std::result::Result<_, String>>()
            .map_err(|message| Error::Pattern {
                file: "(combined library)".into(),
                message,
            })?;
        let (scan, rules_of) = (scanner.clone(), single.clone());
        let create: ScratchFn = Box::new(move || Scratch {
            scan: scan.as_ref().map(Scanner::create_cache),
            rules: rules_of.iter().map(RuleRegex::create_cache).collect(),
            caps: rules_of.iter().map(RuleRegex::create_captures).collect(),
        });
        Ok(Matcher {
            rules,
            regex_sources,
            scanner,
            fallback: OnceLock::new(),
            single,
            scratch: Pool::new(create),
            regex_rules,
            regex_kind_groups,
            words_folded: folded.build(true)?,
            words_exact: exact.build(false)?,
            longest_match,
            widest_context,
            lexicon: crate::label_lexicon::Lexicon::default(),
        })
    }

    /// The combined regex as a `meta::Regex` (built on first call).
    pub(crate) fn fallback(&self) -> &meta::Regex {
        self.fallback.get_or_init(|| {
            meta::Regex::builder()
                .configure(
                    meta::Config::new()
                        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                        .hybrid_cache_capacity(HYBRID_CACHE),
                )
                .build_many(&self.regex_sources)
                .expect("the rules compiled together when the matcher was built")
        })
    }

    /// The longest text, in bytes, that any rule can match (`None` when some regex
    /// has no upper bound). Word lists count three bytes per byte, for case folding.
    pub fn longest_match(&self) -> Option<usize> {
        self.longest_match
    }

    /// The widest context window, in bytes, that any rule looks at around a match.
    pub fn widest_context(&self) -> usize {
        self.widest_context
    }

    /// Every compiled rule.
    pub fn rules(&self) -> &[CompiledRule] {
        &self.rules
    }
}

/// The regex a rule runs: ASCII word boundaries, its case mode applied.
fn regex_source(spec: &RuleSpec, source: &str) -> String {
    let source = ascii_word_boundaries(source);
    if spec.ignores_case() {
        format!("(?i:{source})")
    } else {
        source
    }
}

/// The `k_KIND` (or `k_KIND_2`) groups of pattern `pid`: each is reported as its own
/// finding of that kind.
fn kind_groups(
    info: &regex_automata::util::captures::GroupInfo,
    pid: usize,
) -> std::result::Result<Vec<(usize, Kind)>, String> {
    let pid = regex_automata::PatternID::new_unchecked(pid);
    let mut out = Vec::new();
    for (index, name) in info.pattern_names(pid).enumerate() {
        let Some(rest) = name.and_then(|n| n.strip_prefix("k_")) else {
            continue;
        };
        let kind_name = rest.split('_').next().unwrap_or(rest);
        let kind: Kind = kind_name
            .parse()
            .map_err(|e| format!("capture group `k_{rest}`: {e}"))?;
        out.push((index, kind));
    }
    Ok(out)
}

/// Word-list entries collected for one automaton, deduplicated.
#[derive(Default)]
struct WordLists {
    index: std::collections::HashMap<String, usize>,
    patterns: Vec<String>,
    rules_of_pattern: Vec<Vec<usize>>,
}

impl WordLists {
    /// Adds `word` for `rule`. Folded automata only fold ASCII, so a folded word with
    /// other letters is added in lower and in upper case as well ("Otomí", "OTOMÍ").
    fn add(&mut self, word: &str, rule: usize, fold: bool) {
        if fold && !word.is_ascii() {
            self.add_key(word.to_uppercase(), rule);
        }
        let key = if fold {
            word.to_lowercase()
        } else {
            word.to_string()
        };
        self.add_key(key, rule);
    }

    fn add_key(&mut self, key: String, rule: usize) {
        if key.is_empty() {
            return;
        }
        let next = self.patterns.len();
        let slot = *self.index.entry(key.clone()).or_insert(next);
        if slot == next {
            self.patterns.push(key);
            self.rules_of_pattern.push(Vec::new());
        }
        if !self.rules_of_pattern[slot].contains(&rule) {
            self.rules_of_pattern[slot].push(rule);
        }
    }

    fn build(self, fold: bool) -> Result<Option<WordAutomaton>> {
        if self.patterns.is_empty() {
            return Ok(None);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(fold)
            .match_kind(MatchKind::Standard)
            .kind(automaton_kind(self.patterns.iter().map(String::len).sum()))
            .build(&self.patterns)
            .map_err(|e| Error::Pattern {
                file: "(word lists)".into(),
                message: format!("cannot build the word-list automaton: {e}"),
            })?;
        Ok(Some(WordAutomaton {
            ac,
            rules_of_pattern: self.rules_of_pattern,
        }))
    }
}

/// Total pattern bytes above which a word-list automaton is a contiguous NFA instead
/// of a DFA: a DFA over the large vocabularies (ISO 639-3 languages, CDC groups) takes
/// tens of megabytes and a noticeable part of start-up to build, for little gain.
const DFA_PATTERN_BYTES: usize = 20_000;

/// The automaton kind for word lists of `bytes` pattern bytes in all.
fn automaton_kind(bytes: usize) -> Option<aho_corasick::AhoCorasickKind> {
    Some(if bytes <= DFA_PATTERN_BYTES {
        aho_corasick::AhoCorasickKind::DFA
    } else {
        aho_corasick::AhoCorasickKind::ContiguousNFA
    })
}

/// Rewrites `\b` to an ASCII word boundary so the fast DFA engines stay usable on
/// non-ASCII text (Unicode `\b` forces the slow engine whenever the text is not ASCII).
fn ascii_word_boundaries(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut chars = source.chars();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if in_class == 0 => out.push_str("(?-u:\\b)"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ascii_word_boundaries;

    #[test]
    fn rewrites_only_bare_word_boundaries() {
        assert_eq!(ascii_word_boundaries(r"\bab\b"), r"(?-u:\b)ab(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"\\b"), r"\\b");
        assert_eq!(ascii_word_boundaries(r"[\b]"), r"[\b]");
    }
}

#[cfg(test)]
mod parallel_tests {
    use super::Matcher;
    use crate::patterns::Library;

    #[test]
    fn parallel_build_finds_the_same_candidates() {
        let library = Library::embedded().unwrap();
        let (one, two) = (
            Matcher::new(&library).unwrap(),
            Matcher::new_parallel(&library).unwrap(),
        );
        let text = "DOB 6/18/02, call (805) 637-3326, SSN 123-45-6789, Maria Lopez, 46 years old.";
        let key = |m: &Matcher| {
            let mut c: Vec<_> = m
                .candidates(text)
                .into_iter()
                .map(|c| (c.start, c.end, m.rules()[c.rule].id.clone()))
                .collect();
            c.sort();
            c
        };
        assert!(!key(&one).is_empty());
        assert_eq!(key(&one), key(&two));
    }
}
