//! Person names found by their position rather than by a list: after a title or
//! a role or kinship cue, in a court panel (`Alvarez, P.J.`), as an initial and a
//! surname, as a `Last, First` pair, or as a capitalized run holding a word of the
//! population name lexicons. In such a position a word is a name unless it is
//! known to be safe vocabulary (common English, clinical, legal words).

use super::lexicon::{COMMUNITY_NAMES, FIRST_NAMES, SAFE_TERMS, SAFE_WORDS, SURNAMES};
use super::lists::{Lists, Set};
use super::span::{Ctx, Span};
use super::tokens::Token;
use super::vocab::vocab;
use crate::kind::Kind;
use std::sync::OnceLock;

/// What made a position name-bearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Dr, Mr, Hon., Judge: a name-lexicon word counts even if it is a word.
    Title,
    /// Petitioner, interpreter, SW, wife, son: an unknown word counts; a
    /// name-lexicon word that is also a word counts after a relative only.
    Role { kin: bool },
    /// A phrase of prose (my name is, calls me, directed by): an unknown word
    /// counts, not a place.
    Phrase,
}

/// Whether `folded` is known safe vocabulary: a common English word or one of the
/// hand-written clinical, legal and header words (`not-names.txt`). A hyphenated
/// word is safe when every part is (follow-up, Swan-Ganz).
pub fn is_safe(l: &Lists, folded: &str) -> bool {
    let safe = safe_set();
    let one = |w: &str| safe.contains(w) || l.is_stop(w);
    // A contraction of a safe word: I'm, we'll, don't.
    let contraction = ["'m", "'re", "'ll", "'ve", "'d", "n't"]
        .iter()
        .any(|suffix| folded.strip_suffix(suffix).is_some_and(one));
    one(folded) || contraction || folded.contains('-') && folded.split('-').all(one)
}

/// The safe words and terms as a hash set, built on first use (looked up for
/// every capitalized word, so hashing beats the binary search here).
fn safe_set() -> &'static Set {
    static SAFE: OnceLock<Set> = OnceLock::new();
    SAFE.get_or_init(|| {
        SAFE_WORDS
            .iter()
            .chain(SAFE_TERMS.iter())
            .map(str::to_string)
            .collect()
    })
}

/// Whether `folded` is in a name lexicon (the Census and SSA lists, the 1990
/// lists, the community names); a hyphenated word when one of its parts is.
pub fn in_lexicon(l: &Lists, folded: &str) -> bool {
    let one = |w: &str| {
        l.is_first(w)
            || l.is_last(w)
            || FIRST_NAMES.contains(w)
            || SURNAMES.contains(w)
            || COMMUNITY_NAMES.contains(w)
    };
    one(folded) || folded.contains('-') && folded.split('-').any(one)
}

/// Whether the line of each token is written in capitals (case then says nothing
/// about names): most of its words of two letters or more are all upper case.
pub fn caps_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        // The tokens of this line: up to the next line break.
        let line_end = text[tokens[i].start..]
            .find('\n')
            .map_or(text.len(), |p| tokens[i].start + p);
        let mut j = i;
        let (mut caps, mut lower) = (0usize, 0usize);
        while j < tokens.len() && tokens[j].start < line_end {
            let t = &tokens[j];
            if t.end - t.start >= 2 {
                if t.all_caps {
                    caps += 1;
                } else {
                    lower += 1;
                }
            }
            j += 1;
        }
        let regime = caps >= 2 && lower * 5 <= caps;
        out[i..j].iter_mut().for_each(|c| *c = regime);
        i = j.max(i + 1);
    }
    out
}

fn span(ctx: &Ctx, from: usize, to: usize, rule: &'static str) -> Span {
    Span {
        start: ctx.tokens[from].start,
        end: ctx.tokens[to].end,
        kind: Kind::Person,
        rule,
    }
}

/// The cue right before token `i`, if any, with only a space, a period or a comma
/// between.
fn cue_before(ctx: &Ctx, i: usize) -> Option<Cue> {
    let v = vocab();
    let prev = ctx.tokens.get(i.checked_sub(1)?)?;
    let gap = &ctx.text[prev.end..ctx.tokens[i].start];
    let w = prev.folded;
    if v.title_cues.contains(w) && matches!(gap, " " | ". " | "." | "\t" | ".\t") {
        return Some(Cue::Title);
    }
    if gap == " " && phrase_before(ctx, i) {
        return Some(Cue::Phrase);
    }
    if matches!(gap, " " | ", " | "\t") {
        let kin = v.kinship.contains(w) || v.kinship.contains(w.trim_end_matches('s'));
        if kin || v.role_cues.contains(w) {
            let kin = kin || matches!(w, "dtr" | "children" | "kids" | "siblings" | "wife");
            return Some(Cue::Role { kin });
        }
    }
    None
}

/// Whether a phrase of `name-cues.txt` ends right before token `i`, its words
/// joined by single spaces (the phrase's first word may be capitalized).
fn phrase_before(ctx: &Ctx, i: usize) -> bool {
    vocab().name_cues.iter().any(|cue| {
        i >= cue.len()
            && cue.iter().enumerate().all(|(j, w)| {
                let t = i - cue.len() + j;
                ctx.tokens[t].folded == *w
                    && (j == 0 || ctx.text[ctx.tokens[t - 1].end..ctx.tokens[t].start] == *" ")
            })
    })
}

/// A cue word itself (never part of the name after it).
fn is_cue_word(folded: &str) -> bool {
    let v = vocab();
    v.title_cues.contains(folded) || v.role_cues.contains(folded) || v.kinship.contains(folded)
}

/// A word that may stand in a name: capitalized, not an initial, not a cue, not
/// safe. `strong`: also in a name lexicon (not a short acronym such as ROM).
fn nameish(ctx: &Ctx, l: &Lists, i: usize) -> Option<bool> {
    let t = &ctx.tokens[i];
    if !t.capitalized || t.initial || ctx.cover[i].is_some() || t.is_connector() {
        return None;
    }
    if is_safe(l, t.folded) || is_cue_word(t.folded) || t.folded.chars().count() < 2 {
        return None;
    }
    let short_acronym = t.all_caps && t.folded.chars().count() <= 3;
    Some(in_lexicon(l, t.folded) && !short_acronym)
}

/// A court panel or opinion: `Alvarez, P.J.`, `Brennan, J., and`, `Okoro, J., concurring`.
fn panel_follows(ctx: &Ctx, i: usize) -> bool {
    let rest = &ctx.text[ctx.tokens[i].end..];
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    ["P.J.", "P. J.", "A.J.", "C.J.", "J.", "JJ.", "A.C.J."]
        .iter()
        .any(|m| {
            rest.strip_prefix(m).is_some_and(|after| {
                after.is_empty()
                    || after.starts_with([',', ' ', '\n', '\r', ')', ';'])
                        && !after.trim_start().starts_with(|c: char| c.is_lowercase())
                    || after.starts_with(", concurring")
                    || after.starts_with(", dissenting")
            })
        })
}

/// Person names in the free stretches of the run (token indices into `ctx.tokens`).
pub fn positional(ctx: &Ctx, l: &Lists, run: &[usize], used: &mut [bool], out: &mut Vec<Span>) {
    let mut p = 0;
    while p < run.len() {
        if used[p] {
            p += 1;
            continue;
        }
        let i = run[p];
        // Tokens of the run that follow `p` and are still free and adjacent in the run.
        let free = |q: usize, used: &[bool]| q < run.len() && !used[q];
        if let Some(cue) = cue_before(ctx, i) {
            let mut q = p;
            let mut last = None;
            while free(q, used) && q - p < 4 {
                let t = &ctx.tokens[run[q]];
                let ok = if t.initial {
                    last.is_some()
                } else if !t.capitalized {
                    vocab().particles.contains(t.folded) && last.is_some()
                } else {
                    let lexicon_word = in_lexicon(l, t.folded) && !l.is_stop(t.folded);
                    let allow_words = match cue {
                        // In capitals a word after a title counts when it is a
                        // first name or a name that is also a word (DR. PRICE),
                        // not any lexicon word (MS. LOPEZ WORKS).
                        Cue::Title => {
                            !(ctx.caps[run[q]] || t.all_caps)
                                || l.is_first(t.folded)
                                || l.is_name_word(t.folded)
                        }
                        Cue::Phrase => false,
                        // In capitals a kinship word says nothing of the word
                        // after it (CHILD WELFARE SERVICES).
                        // A capitalized cue opens a title-case phrase
                        // (Child Welfare Services), not a name.
                        // In capitals only a Census first name counts
                        // (DAUGHTER ROSE, not CHILD WELFARE).
                        Cue::Role { kin } => {
                            let caps = ctx.caps[run[q]] || t.all_caps;
                            kin && (caps && l.is_first(t.folded)
                                || !caps && !ctx.tokens[i - 1].capitalized)
                                && !super::span::sentence_start(ctx.text, t.start)
                        }
                    };
                    let place = cue == Cue::Phrase && l.is_place(t.folded);
                    nameish(ctx, l, run[q]).is_some() && !place || allow_words && lexicon_word
                };
                if !ok {
                    break;
                }
                if t.capitalized && !t.initial {
                    last = Some(q);
                }
                q += 1;
            }
            if let Some(b) = last {
                if !eponym(ctx, run[b]) {
                    let rule = match cue {
                        Cue::Title => "person.after-title-cue",
                        Cue::Role { kin: true } => "person.after-kinship-cue",
                        Cue::Role { kin: false } => "person.after-role-cue",
                        Cue::Phrase => "person.after-name-cue",
                    };
                    out.push(span(ctx, i, run[b], rule));
                    used[p..=b].iter_mut().for_each(|u| *u = true);
                    p = b + 1;
                    continue;
                }
            }
        }
        if nameish(ctx, l, i).is_some() && panel_follows(ctx, i) {
            out.push(span(ctx, i, i, "person.court-panel"));
            used[p] = true;
            p += 1;
            continue;
        }
        if p + 1 == run.len() || used.get(p + 1) == Some(&true) {
            if let Some(end) = reversed(ctx, l, i) {
                out.push(Span {
                    start: ctx.tokens[i].start,
                    end,
                    kind: Kind::Person,
                    rule: "person.last-first",
                });
                used[p] = true;
                p += 1;
                continue;
            }
        }
        // A group of name-like words (an initial may lead or sit inside; an
        // initial between two name words, with or without its period, makes
        // them a name: Sari J. Paavolainen, Mijail C Adomo).
        let mut q = p;
        let (mut strong, mut words, mut last) = (0, 0, None);
        let (mut pending, mut inner) = (false, false);
        while free(q, used) && words < 4 {
            let k = run[q];
            let t = &ctx.tokens[k];
            if t.initial || last.is_some() && bare_initial(ctx, k) {
                pending = last.is_some();
                q += 1;
                continue;
            }
            if !t.capitalized {
                if vocab().particles.contains(t.folded) && last.is_some() {
                    q += 1;
                    continue;
                }
                break;
            }
            match nameish(ctx, l, k) {
                Some(s) => {
                    strong += usize::from(s);
                    words += 1;
                    last = Some(q);
                    inner |= pending;
                    pending = false;
                    q += 1;
                }
                None => break,
            }
        }
        let Some(b) = last else {
            p += 1;
            continue;
        };
        let lead_initial = ctx.tokens[i].initial;
        let accept = !eponym(ctx, run[b])
            && if lead_initial && words == 1 {
                strong == 1 || !ctx.tokens[run[b]].all_caps
            } else {
                // A lone word in capitals in mixed-case text reads as an acronym.
                let acronym = words == 1 && ctx.tokens[run[b]].all_caps;
                !ctx.caps[i]
                    && (strong >= 1 || inner && words >= 2)
                    && (words >= 2 || !acronym && !single_blocked(ctx, l, run[b]))
            };
        if accept {
            out.push(span(ctx, i, run[b], "person.name-lexicon"));
            used[p..=b].iter_mut().for_each(|u| *u = true);
            p = b + 1;
        } else {
            p += 1;
        }
    }
}

/// A capital letter standing alone as a word between two words with single
/// spaces, the next capitalized (`Mijail C Adomo`): a middle initial without its
/// period.
fn bare_initial(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.tokens[k];
    t.end - t.start == 1
        && t.capitalized
        && k > 0
        && ctx.text[ctx.tokens[k - 1].end..t.start] == *" "
        && ctx.tokens.get(k + 1).is_some_and(|n| {
            n.capitalized && n.end - n.start >= 2 && ctx.text[t.end..n.start] == *" "
        })
}

/// A lone lexicon word that is also a place or a state (Austin, Georgia): left to
/// the place rules.
fn single_blocked(ctx: &Ctx, l: &Lists, i: usize) -> bool {
    let t = &ctx.tokens[i];
    l.is_place(t.folded) || l.is_state(&ctx.text[t.start..])
}

fn eponym(ctx: &Ctx, i: usize) -> bool {
    let rest = ctx.text[ctx.tokens[i].end..].trim_start_matches(['\'', '’', 's']);
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    vocab().eponym_next.contains(word.as_str())
}

/// `ROE, MARY`, `Tuilagi-Mason, Sione`: a surname-like word, a comma and a
/// lexicon first name, then the end of the name (punctuation or the line's end).
fn reversed(ctx: &Ctx, l: &Lists, i: usize) -> Option<usize> {
    let (last, first) = (&ctx.tokens[i], ctx.tokens.get(i + 1)?);
    if &ctx.text[last.end..first.start] != ", " || ctx.cover[i + 1].is_some() {
        return None;
    }
    nameish(ctx, l, i)?;
    let first_ok = first.capitalized
        && !first.initial
        && (FIRST_NAMES.contains(first.folded)
            || l.is_first(first.folded)
            || COMMUNITY_NAMES.contains(first.folded))
        && !is_safe(l, first.folded);
    if !first_ok || first.all_caps != last.all_caps {
        return None;
    }
    let mut end = first.end;
    if let Some(middle) = ctx.tokens.get(i + 2).filter(|t| {
        &ctx.text[end..t.start] == " " && (t.initial || t.capitalized && !is_safe(l, t.folded))
    }) {
        end = middle.end;
    }
    // Not inside a list of names: "Matheus, Janet and Kevin", "Ana, Luz, Eva".
    let rest = &ctx.text[end..];
    let listed = rest.starts_with(" and ")
        || rest.starts_with(" or ")
        || rest
            .strip_prefix(", ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()) || r.starts_with("and "));
    let after = rest.chars().next();
    (!listed && after.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '\n' | '\r' | ' ')))
        .then_some(end)
}
