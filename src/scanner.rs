//! Where the combined regex of a library matches next, and which pattern matched,
//! with two lazy DFAs: a forward one over every pattern finds the end of the
//! leftmost-first match, and a reverse one, anchored at that end to the pattern
//! that matched, finds its start.
//!
//! `meta::Regex` does the same, except that its reverse search runs every pattern
//! at once: with a whole library that reverse DFA has so many states that building
//! them dominated the run (about a billion instructions per thread and process, more
//! than scanning a MiB of text). Anchoring the reverse search to one pattern keeps
//! its states few. The forward DFA, anchored to one pattern, also tells where that
//! pattern's match at a given place ends, so its captures are read on that span only.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Anchored, Input, MatchKind, PatternID};

/// Forward and per-pattern reverse lazy DFAs of a set of patterns.
#[derive(Debug, Clone)]
pub(crate) struct Scanner {
    forward: DFA,
    reverse: DFA,
}

/// Per-thread scratch space of a [`Scanner`] (the DFAs' states built so far).
#[derive(Debug, Clone)]
pub(crate) struct ScanCache {
    forward: Cache,
    reverse: Cache,
}

/// Why the lazy DFAs could not answer; the caller falls back to `meta::Regex`.
#[derive(Debug)]
pub(crate) struct GaveUp;

impl Scanner {
    /// Builds the DFAs for `sources` (each already compiled alone). `Err` is the
    /// regex crate's message when the patterns do not compile together (too big);
    /// `Ok(None)` when the DFAs cannot be built within `cache_capacity` or a pattern
    /// matches the empty string (the caller then uses `meta::Regex`).
    pub(crate) fn new(
        sources: &[String],
        nfa_size_limit: usize,
        cache_capacity: usize,
    ) -> Result<Option<Scanner>, String> {
        // Parsed once for both directions (`build_many` parses every source again
        // per NFA, with the same syntax settings as `regex_syntax::parse`).
        let hirs = match sources
            .iter()
            .map(|s| regex_syntax::parse(s).ok())
            .collect::<Option<Vec<_>>>()
        {
            Some(hirs) => hirs,
            None => return Err(Self::parse_error(sources, nfa_size_limit)),
        };
        let nfa = |reverse: bool| {
            thompson::Compiler::new()
                .configure(
                    thompson::Config::new()
                        .nfa_size_limit(Some(nfa_size_limit))
                        .which_captures(WhichCaptures::None)
                        .reverse(reverse),
                )
                .build_many_from_hir(&hirs)
                .map_err(|e| e.to_string())
        };
        let config = DFA::config()
            .unicode_word_boundary(true)
            .cache_capacity(cache_capacity)
            // Like `meta::Regex`: give up (and let it use another engine) when the
            // cache is cleared so often that the DFA no longer pays.
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10))
            .starts_for_each_pattern(true);
        let forward_nfa = nfa(false)?;
        let reverse_nfa = nfa(true)?;
        // A pattern that can match the empty string needs the care `meta::Regex`
        // takes with empty matches inside a UTF-8 character: leave those to it.
        if forward_nfa.has_empty() {
            return Ok(None);
        }
        let forward = DFA::builder()
            .configure(config.clone().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(forward_nfa);
        let reverse = DFA::builder()
            .configure(config.match_kind(MatchKind::All))
            .build_from_nfa(reverse_nfa);
        Ok(match (forward, reverse) {
            (Ok(forward), Ok(reverse)) => Some(Scanner { forward, reverse }),
            _ => None,
        })
    }

    /// The message `build_many` gives for sources of which one does not parse.
    fn parse_error(sources: &[String], nfa_size_limit: usize) -> String {
        thompson::Compiler::new()
            .configure(thompson::Config::new().nfa_size_limit(Some(nfa_size_limit)))
            .build_many(sources)
            .err()
            .map_or_else(|| "a rule does not parse".to_string(), |e| e.to_string())
    }

    /// Fresh scratch space.
    pub(crate) fn create_cache(&self) -> ScanCache {
        ScanCache {
            forward: self.forward.create_cache(),
            reverse: self.reverse.create_cache(),
        }
    }

    /// The leftmost-first match in `text[from..]` (look-around sees all of `text`):
    /// its start, its pattern and its end (the end [`Scanner::end_at`] gives for
    /// that pattern at that start: the leftmost-first match is the first pattern's
    /// own leftmost-first match at the leftmost start).
    pub(crate) fn find(
        &self,
        cache: &mut ScanCache,
        text: &str,
        from: usize,
    ) -> Result<Option<(usize, usize, usize)>, GaveUp> {
        let input = Input::new(text).range(from..);
        let Some(end) = self
            .forward
            .try_search_fwd(&mut cache.forward, &input)
            .map_err(|_| GaveUp)?
        else {
            return Ok(None);
        };
        let pattern = end.pattern();
        if end.offset() == from {
            return Ok(Some((from, pattern.as_usize(), from)));
        }
        // Anchored at the end, the reverse DFA of that pattern alone finds the
        // smallest start of a match ending there: the leftmost-first start (an
        // earlier start of the same pattern would have been found first).
        let back = Input::new(text)
            .range(from..end.offset())
            .anchored(Anchored::Pattern(PatternID::new_unchecked(
                pattern.as_usize(),
            )))
            .earliest(false);
        match self.reverse.try_search_rev(&mut cache.reverse, &back) {
            Ok(Some(start)) => Ok(Some((start.offset(), pattern.as_usize(), end.offset()))),
            _ => Err(GaveUp),
        }
    }

    /// Where pattern `pattern`'s leftmost-first match starting at `start` ends, if it
    /// matches there.
    pub(crate) fn end_at(
        &self,
        cache: &mut ScanCache,
        text: &str,
        start: usize,
        pattern: usize,
    ) -> Result<Option<usize>, GaveUp> {
        let input = Input::new(text)
            .range(start..)
            .anchored(Anchored::Pattern(PatternID::new_unchecked(pattern)));
        self.forward
            .try_search_fwd(&mut cache.forward, &input)
            .map(|m| m.map(|m| m.offset()))
            .map_err(|_| GaveUp)
    }
}
