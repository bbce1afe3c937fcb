//! Where the combined regex of a library matches next, and which pattern matched,
//! with two lazy DFAs: a forward one over every pattern finds the end of the
//! leftmost-first match, and a reverse one, anchored at that end to the pattern
//! that matched, finds its start.
//!
//! `meta::Regex` does the same, except that its reverse search runs every pattern
//! at once: with a whole library that reverse DFA has so many states that building
//! them dominated the run (about a billion instructions per thread and process, more
//! than scanning a MiB of text). Anchoring the reverse search to one pattern keeps
//! its states few. Both DFAs keep their caches in a pool, one per thread.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind, PatternID};

type CacheFn = Box<
    dyn Fn() -> (Cache, Cache) + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
>;

/// Forward and per-pattern reverse lazy DFAs of a set of patterns.
pub(crate) struct Scanner {
    forward: DFA,
    reverse: DFA,
    caches: Pool<(Cache, Cache), CacheFn>,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner").finish_non_exhaustive()
    }
}

/// Why the lazy DFAs could not answer; the caller falls back to `meta::Regex`.
#[derive(Debug)]
pub(crate) struct GaveUp;

impl Scanner {
    /// Builds the DFAs for `sources` (already valid: the caller compiled them);
    /// `None` when they cannot be built within `nfa_size_limit` / `cache_capacity`
    /// or a pattern matches the empty string.
    pub(crate) fn new(
        sources: &[String],
        nfa_size_limit: usize,
        cache_capacity: usize,
    ) -> Option<Scanner> {
        let nfa = |reverse: bool| {
            thompson::Compiler::new()
                .configure(
                    thompson::Config::new()
                        .nfa_size_limit(Some(nfa_size_limit))
                        .which_captures(WhichCaptures::None)
                        .reverse(reverse),
                )
                .build_many(sources)
                .ok()
        };
        let config = DFA::config()
            .unicode_word_boundary(true)
            .cache_capacity(cache_capacity)
            // Like `meta::Regex`: give up (and let it use another engine) when the
            // cache is cleared so often that the DFA no longer pays.
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let forward_nfa = nfa(false)?;
        // A pattern that can match the empty string needs the care `meta::Regex`
        // takes with empty matches inside a UTF-8 character: leave those to it.
        if forward_nfa.has_empty() {
            return None;
        }
        let forward = DFA::builder()
            .configure(config.clone().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(forward_nfa)
            .ok()?;
        let reverse = DFA::builder()
            .configure(
                config
                    .match_kind(MatchKind::All)
                    .starts_for_each_pattern(true),
            )
            .build_from_nfa(nfa(true)?)
            .ok()?;
        let (f, r) = (forward.clone(), reverse.clone());
        let create: CacheFn = Box::new(move || (f.create_cache(), r.create_cache()));
        Some(Scanner {
            forward,
            reverse,
            caches: Pool::new(create),
        })
    }

    /// The leftmost-first match in `text[from..]` (look-around sees all of `text`):
    /// its start and its pattern.
    pub(crate) fn find(&self, text: &str, from: usize) -> Result<Option<(usize, usize)>, GaveUp> {
        let mut guard = self.caches.get();
        let (fcache, rcache) = &mut *guard;
        let input = Input::new(text).range(from..);
        let Some(end) = self
            .forward
            .try_search_fwd(fcache, &input)
            .map_err(|_| GaveUp)?
        else {
            return Ok(None);
        };
        let pattern = end.pattern();
        if end.offset() == from {
            return Ok(Some((from, pattern.as_usize())));
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
        match self.reverse.try_search_rev(rcache, &back) {
            Ok(Some(start)) => Ok(Some((start.offset(), pattern.as_usize()))),
            _ => Err(GaveUp),
        }
    }
}
