//! One rule's regex, used only anchored at a place where the combined regex matched,
//! to read its capture groups.
//!
//! Only a forward NFA is compiled (a `meta::Regex` per rule also compiled a reverse
//! NFA and more, which took most of the library's start-up). Captures come from the
//! bounded backtracker over the match's known span, or from the PikeVM when the span
//! is unknown or too long for the backtracker; both report exactly the captures
//! `meta::Regex` would.

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::{Anchored, Input};

/// A compiled rule regex.
#[derive(Debug, Clone)]
pub(crate) struct RuleRegex {
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
}

/// Per-thread scratch space of one [`RuleRegex`].
#[derive(Debug, Clone)]
pub(crate) struct RuleCache {
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

impl RuleRegex {
    /// Compiles `source`; the error is the regex crate's message.
    pub(crate) fn new(source: &str, nfa_size_limit: usize) -> Result<RuleRegex, String> {
        let nfa = NFA::compiler()
            .configure(NFA::config().nfa_size_limit(Some(nfa_size_limit)))
            .build(source)
            .map_err(|e| e.to_string())?;
        Self::from_nfa(nfa)
    }

    /// Compiles an already parsed `source` (the same NFA as [`RuleRegex::new`]).
    pub(crate) fn from_hir(
        hir: &regex_syntax::hir::Hir,
        nfa_size_limit: usize,
    ) -> Result<RuleRegex, String> {
        let nfa = NFA::compiler()
            .configure(NFA::config().nfa_size_limit(Some(nfa_size_limit)))
            .build_from_hir(hir)
            .map_err(|e| e.to_string())?;
        Self::from_nfa(nfa)
    }

    fn from_nfa(nfa: NFA) -> Result<RuleRegex, String> {
        let backtrack = BoundedBacktracker::builder()
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = PikeVM::builder()
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        Ok(RuleRegex { backtrack, pikevm })
    }

    /// The capture groups (names and indices) of the rule's single pattern.
    pub(crate) fn group_info(&self) -> &GroupInfo {
        self.pikevm.get_nfa().group_info()
    }

    /// Scratch space for [`RuleRegex::captures_at`].
    pub(crate) fn create_cache(&self) -> RuleCache {
        RuleCache {
            backtrack: self.backtrack.create_cache(),
            pikevm: self.pikevm.create_cache(),
        }
    }

    /// Room for every group of the rule.
    pub(crate) fn create_captures(&self) -> Captures {
        self.pikevm.create_captures()
    }

    /// The rule's match anchored at `start` (look-around sees all of `text`), into
    /// `caps`. `end`, when known, is where that match ends.
    pub(crate) fn captures_at(
        &self,
        cache: &mut RuleCache,
        text: &str,
        start: usize,
        end: Option<usize>,
        caps: &mut Captures,
    ) {
        let input = Input::new(text).anchored(Anchored::Yes);
        if let Some(end) = end {
            let input = input.range(start..end);
            if input.get_span().len() <= self.backtrack.max_haystack_len()
                && self
                    .backtrack
                    .try_search(&mut cache.backtrack, &input, caps)
                    .is_ok()
            {
                return;
            }
            self.pikevm.search(&mut cache.pikevm, &input, caps);
            return;
        }
        self.pikevm
            .search(&mut cache.pikevm, &input.range(start..), caps);
    }
}
