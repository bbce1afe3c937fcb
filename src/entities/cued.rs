//! Organisations and places by cue where case says nothing. In a line written all
//! in capitals or all in lower case a run of capitalised words means nothing, so a
//! name is the stretch of words after a cue (`employed by`, `attends`, `works as a
//! cutter at`, `lives in`, `born in`, `X county`), bounded by clause words,
//! punctuation and the organisation head, not by capitals. A place after a street
//! address (`4484 mesquite drive in porterville`, `Apt 58, Pago Pago on`) is found
//! here in any case.

use super::classify::{Ctx, Span};
use super::lists::Lists;
use super::position::is_safe;
use super::vocab::{vocab, Phrases};
use crate::kind::Kind;
use crate::resolve::Finding;

/// Rule id: an organisation after an organisation or employer cue, any case.
pub const ORG_CUE: &str = "org.after-cue-caseless";
/// Rule id: a run closed by an organisation head after a preposition, any case.
pub const ORG_HEAD: &str = "org.head-caseless";
/// Rule id: a place after a residence or birth cue, any case.
pub const PLACE_CUE: &str = "place.after-cue-caseless";
/// Rule id: a place right after a street address.
pub const PLACE_ADDRESS: &str = "place.after-address";
/// Rule id of county names (shared with the run classifier).
pub const PLACE_COUNTY: &str = "place.county";

/// Per token: its line carries no case information (all capitals, or at least
/// three words and none capitalised as `written`: the text before the truecased
/// view of [`crate::truecase`] gave some of its words a capital).
fn caseless_tokens(ctx: &Ctx, written: &str) -> Vec<bool> {
    let tokens = ctx.tokens;
    let mut out = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let line_end = ctx.text[tokens[i].start..]
            .find('\n')
            .map_or(ctx.text.len(), |p| tokens[i].start + p);
        let mut j = i;
        while j < tokens.len() && tokens[j].start < line_end {
            j += 1;
        }
        let lower = j - i >= 3
            && tokens[i..j]
                .iter()
                .all(|t| !written[t.start..].starts_with(char::is_uppercase));
        for (o, caps) in out[i..j].iter_mut().zip(&ctx.caps[i..j]) {
            *o = lower || *caps;
        }
        i = j.max(i + 1);
    }
    out
}

/// What the words before a run say it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// An employer or organisation cue: a name that is not common English counts.
    Org,
    /// A preposition: only a run closed by an organisation head counts.
    Preposition,
    /// A party or facility cue (`defendant`, `emergency department of`): a run
    /// closed by any organisation head counts.
    Headed,
    /// A residence or birth cue.
    Place,
}

/// The cue phrases of `cues` that end right before token `i` (spaces between; a
/// comma allowed after the cue when `comma`).
fn cued(ctx: &Ctx, cues: &Phrases, i: usize, comma: bool) -> bool {
    let gap = |a: usize, b: usize| &ctx.text[ctx.tokens[a].end..ctx.tokens[b].start];
    cues.iter().any(|cue| {
        i >= cue.len()
            && cue.iter().enumerate().all(|(j, w)| {
                let t = i - cue.len() + j;
                let g = gap(t, t + 1);
                ctx.tokens[t].folded == *w && (g == " " || comma && j + 1 == cue.len() && g == ", ")
            })
    })
}

/// `works as a lettuce cutter at`: "as a" or "as an" at most five words before the
/// preposition at token `i - 1`, on one line.
fn as_a_before(ctx: &Ctx, i: usize) -> bool {
    let from = i.saturating_sub(7);
    (from..i.saturating_sub(2)).any(|k| {
        ctx.tokens[k].folded == "as"
            && matches!(ctx.tokens[k + 1].folded, "a" | "an")
            && !ctx.text[ctx.tokens[k].start..ctx.tokens[i - 1].end].contains(['\n', '.', ','])
    })
}

/// The last words of every cue phrase: a word that is none of them starts no cue
/// check (most words).
fn cue_ends() -> &'static super::lists::Set {
    static ENDS: std::sync::OnceLock<super::lists::Set> = std::sync::OnceLock::new();
    ENDS.get_or_init(|| {
        let v = vocab();
        [
            &v.employer_cues,
            &v.org_cues,
            &v.org_cues_headed,
            &v.residence_cues,
        ]
        .iter()
        .flat_map(|l| l.iter())
        .filter_map(|cue| cue.last().map(|w| w.to_string()))
        .collect()
    })
}

fn cue_before(ctx: &Ctx, i: usize) -> Option<Cue> {
    let v = vocab();
    if i == 0 {
        return None;
    }
    let prev = ctx.tokens[i - 1].folded;
    let phrase = cue_ends().contains(prev);
    if phrase && (cued(ctx, &v.employer_cues, i, false) || cued(ctx, &v.org_cues, i, true)) {
        return Some(Cue::Org);
    }
    if phrase && cued(ctx, &v.org_cues_headed, i, false) {
        return Some(Cue::Headed);
    }
    let plain = &ctx.text[ctx.tokens[i - 1].end..ctx.tokens[i].start] == " ";
    if phrase && cued(ctx, &v.residence_cues, i, false)
        || plain && prev == "in" && i >= 2 && {
            let p = ctx.tokens[i - 2].folded;
            p == "born" && &ctx.text[ctx.tokens[i - 2].end..ctx.tokens[i - 1].start] == " "
        }
    {
        return Some(Cue::Place);
    }
    if plain && matches!(prev, "at" | "for") && as_a_before(ctx, i) {
        return Some(Cue::Org);
    }
    if plain && matches!(prev, "at" | "for" | "from" | "of" | "by" | "to" | "with") {
        return Some(Cue::Preposition);
    }
    None
}

/// Whether `w` is an organisation head (a last word such as Cannery, Inc, & Sons).
fn is_head(w: &str, prev: Option<&str>, strict: bool) -> bool {
    let v = vocab();
    if strict {
        return v.org_heads_caseless.contains(w);
    }
    v.org_suffix.contains(w)
        || v.org_heads_caseless.contains(w)
        || prev.is_some_and(|p| {
            v.org_suffix_pair_ends.contains(w) && v.org_suffix_pairs.contains(&format!("{p} {w}"))
        })
}

/// The run of words from token `i`: same line, free, no clause word (but "and"
/// before a head, "of" after one), spaces, " & " or ", Inc" between; at most `most`.
fn run_from(ctx: &Ctx, taken: &[bool], caseless: &[bool], i: usize, most: usize) -> Vec<usize> {
    let v = vocab();
    let mut run = vec![i];
    let mut k = i + 1;
    while k < ctx.tokens.len() && run.len() < most && !taken[k] && caseless[k] {
        let gap = &ctx.text[ctx.tokens[k - 1].end..ctx.tokens[k].start];
        let w = ctx.tokens[k].folded;
        let plain = gap == " " || gap == " & " && v.org_suffix.contains(w);
        let incorporated = gap == ", " && matches!(w, "inc" | "llc" | "ltd" | "corp" | "co");
        if !(plain || incorporated) || ctx.tokens[k].initial {
            break;
        }
        let next = ctx.tokens.get(k + 1).map(|t| t.folded);
        let joins = w == "and" && next.is_some_and(|n| is_head(n, None, false))
            || w == "of" && is_head(ctx.tokens[k - 1].folded, None, false);
        if v.clause_words.contains(w) && !joins || ends_clause(w) {
            break;
        }
        run.push(k);
        k += 1;
    }
    // Never end on a connector ("wat redwood and").
    while run.len() > 1 && matches!(ctx.tokens[*run.last().unwrap_or(&i)].folded, "and" | "of") {
        run.pop();
    }
    run
}

/// A past-tense verb of the safe vocabulary ends a name: "wat redwood visited".
fn ends_clause(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && is_safe(super::lists::lists(), w)
}

fn span(ctx: &Ctx, a: usize, b: usize, kind: Kind, rule: &'static str) -> Span {
    Span {
        start: ctx.tokens[a].start,
        end: ctx.tokens[b].end,
        kind,
        rule,
    }
}

/// Whether the word says something a dictionary does not (a name, a foreign word).
fn distinctive(l: &Lists, w: &str) -> bool {
    let v = vocab();
    !is_safe(l, w)
        && !v.org_generic.contains(w)
        && !v.clause_words.contains(w)
        && w.chars().count() >= 2
}

/// An organisation in `run` after a cue, as a span, if the run is one.
fn organisation(ctx: &Ctx, l: &Lists, run: &[usize], cue: Cue) -> Option<Span> {
    let v = vocab();
    let w = |q: usize| ctx.tokens[run[q]].folded;
    let strict = cue == Cue::Preposition;
    let head = (0..run.len())
        .rev()
        .find(|&q| q > 0 && is_head(w(q), Some(w(q - 1)), strict));
    if let Some(h) = head {
        // A word that is not itself a head or a generic word makes it a name
        // (Central Valley Cannery; not "the county hospital").
        let named = (0..h).any(|q| {
            let x = w(q);
            !v.org_generic.contains(x)
                && !v.clause_words.contains(x)
                && !is_head(x, None, false)
                && x.chars().count() >= 2
        });
        let rule = if cue == Cue::Org { ORG_CUE } else { ORG_HEAD };
        return named.then(|| span(ctx, run[0], run[h], Kind::Org, rule));
    }
    if v.org_prefix.contains(w(0)) && run.len() >= 2 && cue != Cue::Place {
        return Some(span(ctx, run[0], run[run.len() - 1], Kind::Org, ORG_CUE));
    }
    if cue != Cue::Org {
        return None;
    }
    // No head: the name must hold a word that is not common English; trailing
    // common words are left out ("employed by tupou yesterday").
    let mut end = run.len().min(4);
    while end > 0 && !distinctive(l, w(end - 1)) {
        end -= 1;
    }
    (end > 0).then(|| span(ctx, run[0], run[end - 1], Kind::Org, ORG_CUE))
}

/// A place in `run` (a residence or birth cue or an address before it).
fn place(ctx: &Ctx, l: &Lists, run: &[usize]) -> Option<(usize, usize)> {
    let w = |q: usize| ctx.tokens[run[q]].folded;
    if vocab().not_residence.contains(w(0)) {
        return None;
    }
    // "fresno county": the name before "county".
    let end = (0..run.len())
        .find(|&q| w(q) == "county")
        .unwrap_or(run.len());
    if end == 0 {
        return None;
    }
    let words: Vec<&str> = (0..end).map(w).collect();
    let known = l.is_place(&words.join(" ")) || l.is_state(&ctx.text[ctx.tokens[run[0]].start..]);
    let named = words.iter().any(|x| distinctive(l, x));
    (known || named).then(|| (run[0], run[end - 1]))
}

/// Organisation and place spans found by cue in the caseless lines of the text (and
/// places after an address in any line), appended to `out`. `taken` (per token:
/// covered by a finding or a span) is updated.
pub fn cued_spans(
    ctx: &Ctx,
    written: &str,
    l: &Lists,
    found: &[Finding],
    taken: &mut [bool],
    out: &mut Vec<Span>,
) {
    let caseless = caseless_tokens(ctx, written);
    let n = ctx.tokens.len();
    // Words a run may take: caseless ones, or capitalised ones after an address.
    let cases: Vec<bool> = (0..n)
        .map(|k| caseless[k] || ctx.tokens[k].capitalized)
        .collect();
    let mut i = 0;
    while i < n {
        if taken[i] {
            i += 1;
            continue;
        }
        let after_address = address_before(ctx, found, i);
        if !(caseless[i] || after_address && ctx.tokens[i].capitalized) {
            i += 1;
            continue;
        }
        let cue = if after_address {
            Some(Cue::Place)
        } else {
            cue_before(ctx, i)
        };
        let Some(cue) = cue else {
            i += 1;
            continue;
        };
        let most = if cue == Cue::Place { 3 } else { 6 };
        let mut run = run_from(ctx, taken, &cases, i, most);
        let mut next = i + 1;
        match cue {
            Cue::Place => {
                // "resided in county of fresno".
                let county_of = ctx.tokens[i].folded == "county"
                    && ctx.tokens.get(i + 1).is_some_and(|t| t.folded == "of")
                    && i + 2 < n
                    && !taken[i + 2]
                    && cases[i + 2];
                if county_of {
                    run = run_from(ctx, taken, &cases, i + 2, 3);
                }
                let rule = if after_address {
                    PLACE_ADDRESS
                } else {
                    PLACE_CUE
                };
                let last = *run.last().unwrap_or(&i);
                // "born in can tho, chiapas": a region after a comma vouches for
                // the town before it.
                let region = (last + 1 < n
                    && !taken[last + 1]
                    && cases[last + 1]
                    && &ctx.text[ctx.tokens[last].end..ctx.tokens[last + 1].start] == ", ")
                    .then(|| run_from(ctx, taken, &cases, last + 1, 3))
                    .and_then(|r| place(ctx, l, &r));
                let town = place(ctx, l, &run).or_else(|| {
                    region
                        .filter(|_| !vocab().not_residence.contains(ctx.tokens[i].folded))
                        .map(|_| (run[0], last))
                });
                if let Some((a, b)) = town {
                    out.push(span(ctx, a, b, Kind::Location, rule));
                    taken[a..=b].iter_mut().for_each(|t| *t = true);
                    next = b + 1;
                    if let Some((c, d)) = region.filter(|_| b == last) {
                        out.push(span(ctx, c, d, Kind::Location, rule));
                        taken[c..=d].iter_mut().for_each(|t| *t = true);
                        next = d + 1;
                    }
                }
            }
            Cue::Org | Cue::Preposition | Cue::Headed => {
                if let Some(s) = organisation(ctx, l, &run, cue) {
                    let b = ctx.tokens.partition_point(|t| t.start < s.end) - 1;
                    taken[i..=b].iter_mut().for_each(|t| *t = true);
                    out.push(s);
                    next = b + 1;
                }
            }
        }
        i = next;
    }
    counties(ctx, &caseless, taken, out);
}

/// A LOCATION finding (a street address) ends right before token `i`, with " in ",
/// ", " or "., " between: the town comes next.
fn address_before(ctx: &Ctx, found: &[Finding], i: usize) -> bool {
    let start = ctx.tokens[i].start;
    let head = &ctx.text[..start];
    let Some(gap_start) = [" in ", ", "]
        .iter()
        .find_map(|g| head.strip_suffix(g).map(str::len))
    else {
        return false;
    };
    let end = ctx.text[..gap_start].trim_end_matches('.').len();
    let k = found.partition_point(|f| f.end < end);
    found.get(k).is_some_and(|f| {
        f.end == end
            && f.kind == Kind::Location
            && f.rule.starts_with("address.")
            && !f.rule.contains("city")
    })
}

/// "san joaquin county" in a caseless line after "in", "of", "from": the name
/// before "county".
fn counties(ctx: &Ctx, caseless: &[bool], taken: &mut [bool], out: &mut Vec<Span>) {
    let v = vocab();
    for c in 1..ctx.tokens.len() {
        if !caseless[c] || taken[c] || ctx.tokens[c].folded != "county" {
            continue;
        }
        let plain = |a: usize| &ctx.text[ctx.tokens[a].end..ctx.tokens[a + 1].start] == " ";
        let mut a = c;
        while a > 0
            && c - a < 3
            && plain(a - 1)
            && caseless[a - 1]
            && !taken[a - 1]
            && !v.clause_words.contains(ctx.tokens[a - 1].folded)
        {
            a -= 1;
        }
        let cue = a > 0
            && plain(a - 1)
            && matches!(
                ctx.tokens[a - 1].folded,
                "in" | "of" | "from" | "near" | "to"
            );
        if a < c && cue {
            out.push(span(ctx, a, c - 1, Kind::Location, PLACE_COUNTY));
            taken[a..c].iter_mut().for_each(|t| *t = true);
        }
    }
}
