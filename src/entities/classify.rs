//! Classifies one run of capitalized words: counties and district offices,
//! organisations (by suffix), places (gazetteer) and person names (word lists
//! plus layout and kinship context).

use super::lists::{lists, Lists, Set};
pub use super::span::{Ctx, Span};
use super::tokens::Token;
use super::vocab::vocab;
use crate::kind::Kind;

fn has(list: &Set, word: &str) -> bool {
    list.contains(word)
}

impl Ctx<'_> {
    fn tok(&self, i: usize) -> &Token<'_> {
        &self.tokens[i]
    }
    fn word(&self, i: usize) -> &str {
        self.tokens[i].folded
    }
    /// A capitalized word that could be part of a name or place.
    fn namey(&self, l: &Lists, i: usize) -> bool {
        let t = self.tok(i);
        t.capitalized && !t.is_connector() && !l.is_stop(t.folded) && self.cover[i].is_none()
    }
    /// The lower-cased word before token `i` (across punctuation), if any.
    fn word_before(&self, i: usize) -> Option<&str> {
        (i > 0).then(|| self.word(i - 1))
    }
    /// The text between token `i` and the next line break.
    fn rest_of_line(&self, i: usize) -> &str {
        let after = &self.text[self.tok(i).end..];
        &after[..after.find('\n').unwrap_or(after.len())]
    }
    fn start_of_line(&self, i: usize) -> &str {
        let before = &self.text[..self.tok(i).start];
        &before[before.rfind('\n').map_or(0, |p| p + 1)..]
    }
}

/// Classifies the run `run` (token indices), appending spans to `out`.
pub fn classify(ctx: &Ctx, run: &[usize], out: &mut Vec<Span>) {
    let l = lists();
    let mut used = vec![false; run.len()];
    counties(ctx, l, run, &mut used, out);
    // Every organisation of the run, the last first (at most one per word).
    for _ in 0..run.len() {
        if !organisation(ctx, l, run, &mut used, out) {
            break;
        }
    }
    places(ctx, l, run, &mut used, out, false);
    names(ctx, l, run, &mut used, out);
    places(ctx, l, run, &mut used, out, true);
    after_cue(ctx, l, run, &mut used, out);
    super::position::positional(ctx, l, run, &mut used, out);
}

/// A place no list knows, right after a residence cue ("lives in Penrith", "moved
/// back to Southwark"), or an organisation after an employer cue ("employed by
/// Etibank"): the run's first free capitalized words (three for a place, four for
/// an organisation).
fn after_cue(ctx: &Ctx, l: &Lists, run: &[usize], used: &mut [bool], out: &mut Vec<Span>) {
    let first = run[0];
    if used[0] || !ctx.namey(l, first) || ctx.tok(first).initial {
        return;
    }
    if has(&vocab().not_residence, ctx.word(first)) {
        return;
    }
    // The cue's words end right before the run, with only spaces (or, for a
    // place, "the") between.
    let plain_gap =
        |a: usize, b: usize| ctx.text[ctx.tok(a).end..ctx.tok(b).start].trim().is_empty();
    let cued = |cues: &super::vocab::Phrases, k: usize| {
        cues.iter().any(|cue| {
            k >= cue.len()
                && cue.iter().enumerate().all(|(j, w)| {
                    let t = k - cue.len() + j;
                    ctx.word(t) == *w && plain_gap(t, t + 1)
                })
        })
    };
    let mut k = first;
    if k > 0 && ctx.word(k - 1) == "the" && !ctx.tok(k - 1).capitalized {
        k -= 1;
    }
    let (kind, rule, most) = if cued(&vocab().residence_cues, k) {
        (Kind::Location, "place.after-residence-cue", 3)
    } else if cued(&vocab().employer_cues, first) {
        (Kind::Org, "org.after-employer-cue", 4)
    } else {
        return;
    };
    let mut len = 1;
    while len < most && len < run.len() && !used[len] && ctx.namey(l, run[len]) {
        len += 1;
    }
    while len > 1 && ctx.tok(run[len - 1]).is_connector() {
        len -= 1;
    }
    out.push(span(ctx, run, 0, len - 1, kind, rule));
    used[..len].iter_mut().for_each(|u| *u = true);
}

fn span(ctx: &Ctx, run: &[usize], from: usize, to: usize, kind: Kind, rule: &'static str) -> Span {
    Span {
        start: ctx.tok(run[from]).start,
        end: ctx.tok(run[to]).end,
        kind,
        rule,
    }
}

/// "Kern County" → Kern; "COUNTY OF FRESNO" → FRESNO; "Van Nuys District Office" → Van Nuys.
fn counties(ctx: &Ctx, l: &Lists, run: &[usize], used: &mut [bool], out: &mut Vec<Span>) {
    for p in 0..run.len() {
        let w = ctx.word(run[p]);
        let district = w == "district" && run.get(p + 1).is_some_and(|&n| ctx.word(n) == "office");
        if !(w == "county" || w == "parish" || district) {
            continue;
        }
        let free = |q: usize, used: &[bool]| !used[q] && ctx.namey(l, run[q]);
        let mut from = p;
        while from > 0 && p - from < 3 && free(from - 1, used) {
            from -= 1;
        }
        if from < p {
            out.push(span(ctx, run, from, p - 1, Kind::Location, "place.county"));
            used[from..p].iter_mut().for_each(|u| *u = true);
        } else if !district
            && run.get(p + 1).is_some_and(|&n| ctx.word(n) == "of")
            && p + 2 < run.len()
        {
            let mut to = p + 2;
            while to + 1 < run.len() && to - p < 4 && free(to + 1, used) {
                to += 1;
            }
            if free(p + 2, used) {
                out.push(span(ctx, run, p + 2, to, Kind::Location, "place.county"));
                used[p + 2..=to].iter_mut().for_each(|u| *u = true);
            }
        }
    }
}

/// Organisations ending in a suffix (Sunrise Packing Company, First Baptist Church
/// of the Valley) or starting with a prefix (Temple Beth Shalom); whether one was
/// found (the run may hold another before it).
fn organisation(
    ctx: &Ctx,
    l: &Lists,
    run: &[usize],
    used: &mut [bool],
    out: &mut Vec<Span>,
) -> bool {
    let v = vocab();
    let blocked = |q: usize, used: &[bool]| used[q] || ctx.cover[run[q]] == Some(false);
    // In a line written in capitals the run also holds the clause around the name
    // (EMPLOYED BY X WHO PRESENTS): function words end the name there.
    let caseless = ctx.caps[run[0]];
    let clause = |q: usize| caseless && has(&v.clause_words, ctx.word(run[q]));
    // Prefix form.
    if let Some(p) =
        (0..run.len()).find(|&p| has(&v.org_prefix, ctx.word(run[p])) && !blocked(p, used))
    {
        let mut to = p;
        while to + 1 < run.len()
            && !blocked(to + 1, used)
            && ctx.tok(run[to + 1]).capitalized
            && !clause(to + 1)
        {
            to += 1;
        }
        if to > p {
            out.push(span(ctx, run, p, to, Kind::Org, "org.prefix"));
            used[p..=to].iter_mut().for_each(|u| *u = true);
            return true;
        }
    }
    let is_suffix = |q: usize| {
        let w = ctx.word(run[q]);
        has(&v.org_suffix, w) && (w != "start" || q > 0 && ctx.word(run[q - 1]) == "head")
            || q > 0
                && has(&v.org_suffix_pair_ends, w)
                && has(
                    &v.org_suffix_pairs,
                    &format!("{} {w}", ctx.word(run[q - 1])),
                )
            || w == "district"
                && q > 0
                && ctx.word(run[q - 1]) == "school"
                && ctx.tok(run[q]).capitalized
    };
    let Some(mut s) = (0..run.len())
        .rev()
        .find(|&q| is_suffix(q) && !blocked(q, used))
    else {
        return false;
    };
    let suffix_at = s;
    // "Church of the Valley", "University of California".
    if run.get(s + 1).is_some_and(|&n| ctx.word(n) == "of") {
        let mut to = s + 1;
        while to + 1 < run.len() && !blocked(to + 1, used) {
            to += 1;
        }
        if ctx.tok(run[to]).capitalized && !ctx.tok(run[to]).is_connector() {
            s = to;
        }
    }
    let mut from = suffix_at;
    // "ROOFING AND SONS" keeps its "and"; "BANK OF" its "of".
    let ends_name = |q: usize| {
        clause(q) && {
            let w = ctx.word(run[q]);
            w != "of" && !(w == "and" && is_suffix(q + 1))
        }
    };
    let distinct = |a: usize, b: usize| {
        (a..=b).any(|q| {
            let t = ctx.tok(run[q]);
            !t.is_connector()
                && !has(&v.org_generic, t.folded)
                && !has(&v.org_suffix, t.folded)
                && !has(&v.org_suffix_pair_ends, t.folded)
                && !l.is_stop(t.folded)
        })
    };
    // In mixed case a lower-case "and" after another head or before "the"
    // ends the name (Forrester Research and Nera Consulting; India and the
    // Delhi High Court), and so does an "of" after which the name stands
    // alone (Vidica Zakoc of Fernandez Inc).
    let splits = |q: usize| {
        let t = ctx.tok(run[q]);
        !caseless
            && !t.capitalized
            && (t.folded == "and"
                && (q > 0 && is_suffix(q - 1)
                    || run.get(q + 1).is_some_and(|&n| ctx.word(n) == "the"))
                || t.folded == "of" && suffix_at >= q + 2 && distinct(q + 1, suffix_at))
    };
    while from > 0 && !blocked(from - 1, used) && !ends_name(from - 1) && !splits(from - 1) {
        from -= 1;
    }
    while from < suffix_at
        && (has(&v.org_lead, ctx.word(run[from])) || ctx.tok(run[from]).is_connector())
    {
        from += 1;
    }
    let words = s + 1 - from;
    let distinctive = distinct(from, s);
    // Not a street address: "10001 Cherry Court", "394 Magnolia Court #86".
    let street_word = matches!(
        ctx.word(run[suffix_at]),
        "court" | "center" | "centre" | "plaza" | "square"
    );
    let address = street_word
        && ctx.text[..ctx.tok(run[from]).start]
            .trim_end_matches([' ', '\t'])
            .ends_with(|c: char| c.is_ascii_digit());
    if address {
        return false;
    }
    if words < 2 || !distinctive {
        return false;
    }
    out.push(span(ctx, run, from, s, Kind::Org, "org.suffix"));
    used[from..=s].iter_mut().for_each(|u| *u = true);
    true
}

/// Cities and countries from the gazetteer. With `ambiguous`, one-word places that
/// are also words or names count after a place cue or before a state.
fn places(
    ctx: &Ctx,
    l: &Lists,
    run: &[usize],
    used: &mut [bool],
    out: &mut Vec<Span>,
    ambiguous: bool,
) {
    let mut key = String::new();
    let mut p = 0;
    while p < run.len() {
        // The longest run from `p` that can be a place: each shorter part of a
        // place's name starts a longer one (`san` -> `san luis` -> `san luis
        // obispo`), so longer runs are not looked up when a part starts none.
        let most = 4.min(run.len() - p);
        let mut longest = 1;
        key.clear();
        key.push_str(ctx.word(run[p]));
        while longest < most && l.is_place_prefix(&key) {
            key.push(' ');
            key.push_str(ctx.word(run[p + longest]));
            longest += 1;
        }
        let mut found = None;
        for len in (1..=longest).rev() {
            let range = p..p + len;
            // A place of two words or more may hold a soft finding (Czech
            // Republic); the organisation pass absorbs it.
            if range.clone().any(|q| {
                used[q]
                    || ctx.cover[run[q]] == Some(false)
                    || len == 1 && ctx.cover[run[q]].is_some()
            }) {
                continue;
            }
            let (first, last) = (ctx.tok(run[p]), ctx.tok(run[p + len - 1]));
            if first.is_connector() || last.is_connector() || first.initial {
                continue;
            }
            key.clear();
            for q in range.clone() {
                if q > p {
                    key.push(' ');
                }
                key.push_str(ctx.word(run[q]));
            }
            let key = key.as_str();
            if !l.is_place(key) {
                continue;
            }
            if len == 1 {
                if l.is_stop(key) {
                    continue;
                }
                // A country is a place even when it is also a surname
                // (Germany, Portugal), not when it is also a word or chiefly a
                // given name (Turkey, Jordan).
                let country = l.is_country(key) && !l.is_name_word(key);
                let unclear = l.is_place_word(key)
                    || !country && (l.is_first(key) || l.is_last(key) || l.is_name_word(key));
                if unclear && !(ambiguous && place_cue(ctx, run[p])) {
                    continue;
                }
            }
            found = Some(len);
            break;
        }
        match found {
            Some(len) => {
                out.push(span(
                    ctx,
                    run,
                    p,
                    p + len - 1,
                    Kind::Location,
                    "place.gazetteer",
                ));
                used[p..p + len].iter_mut().for_each(|u| *u = true);
                p += len;
            }
            None => p += 1,
        }
    }
}

/// A place cue before token `i` ("in", "at", "from") or a state after it (", CA").
fn place_cue(ctx: &Ctx, i: usize) -> bool {
    if ctx
        .word_before(i)
        .is_some_and(|w| has(&vocab().place_cues, w))
        && ctx.text[..ctx.tok(i).start]
            .trim_end()
            .ends_with(|c: char| c.is_alphabetic())
    {
        return true;
    }
    let rest = ctx.rest_of_line(i);
    let Some(after) = rest.strip_prefix(',') else {
        return false;
    };
    let next = after.trim_start();
    let code: String = next.chars().take_while(char::is_ascii_uppercase).collect();
    code.len() == 2 && !next[2..].starts_with(|c: char| c.is_alphabetic()) || lists().is_state(next)
}

/// Person names in the free stretches of the run.
fn names(ctx: &Ctx, l: &Lists, run: &[usize], used: &mut [bool], out: &mut Vec<Span>) {
    let mut p = 0;
    while p < run.len() {
        // A relative in capitals is no name word (HER HUSBAND JOSE LOPEZ).
        let kin = |q: usize| ctx.tok(run[q]).all_caps && has(&vocab().kinship, ctx.word(run[q]));
        let free = |q: usize| {
            !used[q]
                && !kin(q)
                && (ctx.namey(l, run[q])
                    || ctx.tok(run[q]).initial
                    || !ctx.tok(run[q]).capitalized && has(&vocab().particles, ctx.word(run[q])))
        };
        if !free(p) {
            p += 1;
            continue;
        }
        let mut q = p;
        while q + 1 < run.len() && free(q + 1) {
            q += 1;
        }
        let windows = name_windows(ctx, l, run, p, q);
        if windows.is_empty() && p == q {
            if let Some(end) = reversed_name(ctx, l, run[p]) {
                out.push(Span {
                    start: ctx.tok(run[p]).start,
                    end,
                    kind: Kind::Person,
                    rule: "person.reversed",
                });
                used[p] = true;
            }
        }
        for (a, b) in windows {
            out.push(span(ctx, run, a, b, Kind::Person, "person.word-list"));
            used[a..=b].iter_mut().for_each(|u| *u = true);
        }
        p = q + 1;
    }
}

/// A surname that is not an ordinary word, a comma and a first name ("Robinson,
/// Maria", as in indexes and headers), and nothing but a middle initial, punctuation
/// or a line break after: the end of the name.
fn reversed_name(ctx: &Ctx, l: &Lists, i: usize) -> Option<usize> {
    let (last, first) = (ctx.tok(i), ctx.tokens.get(i + 1)?);
    let free = |k: usize, t: &Token| t.capitalized && !t.initial && ctx.cover[k].is_none();
    // The surname must not be an ordinary word; a first name may be (Maria, May).
    if !free(i, last)
        || !free(i + 1, first)
        || !l.is_last(last.folded)
        || l.is_name_word(last.folded)
        || !l.is_first(first.folded)
        || l.is_stop(first.folded)
    {
        return None;
    }
    if &ctx.text[last.end..first.start] != ", " {
        return None;
    }
    let mut end = first.end;
    // A middle initial or a middle name ("Nguyen, Thi Bich").
    if let Some(middle) = ctx.tokens.get(i + 2).filter(|t| {
        t.start == end + 1
            && &ctx.text[end..t.start] == " "
            && (t.initial || free(i + 2, t) && !l.is_stop(t.folded))
    }) {
        end = middle.end;
    }
    let after = ctx.text[end..].chars().next();
    after
        .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '\n' | '\r'))
        .then_some(end)
}

/// The name spans inside the stretch `p..=q` of the run.
fn name_windows(ctx: &Ctx, l: &Lists, run: &[usize], p: usize, q: usize) -> Vec<(usize, usize)> {
    // Trim particles and (trailing) initials at the edges.
    let (mut a, mut b) = (p, q);
    while a < b && !ctx.tok(run[a]).capitalized {
        a += 1;
    }
    while b > a && (!ctx.tok(run[b]).capitalized || ctx.tok(run[b]).initial) {
        b -= 1;
    }
    let core: Vec<usize> = (a..=b)
        .filter(|&k| ctx.tok(run[k]).capitalized && !ctx.tok(run[k]).initial)
        .collect();
    if core.is_empty() {
        return Vec::new();
    }
    if core.len() <= 4 && is_name(ctx, l, run, a, b, &core) {
        return vec![(a, b)];
    }
    if core.len() >= 3 {
        // Try the first two and the last two words.
        let head = name_windows(ctx, l, run, core[0], core[1]);
        if !head.is_empty() {
            return head;
        }
        return name_windows(ctx, l, run, core[core.len() - 2], core[core.len() - 1]);
    }
    Vec::new()
}

fn is_name(ctx: &Ctx, l: &Lists, run: &[usize], a: usize, b: usize, core: &[usize]) -> bool {
    let w = |k: usize| ctx.word(run[k]);
    let first = |k: usize| l.is_first(w(k));
    let last = |k: usize| l.is_last(w(k));
    let word = |k: usize| l.is_name_word(w(k));
    let listed = |k: usize| first(k) || last(k);
    let (x, z) = (core[0], core[core.len() - 1]);
    if eponym_follows(ctx, run[b]) {
        return false;
    }
    let n = core.len();
    let all_caps = core.iter().all(|&k| ctx.tok(run[k]).all_caps);
    // Two or more words: a first name or surname, then a surname or first name
    // (in upper-case text, not two ordinary words: PERSONS LISTED).
    if n >= 2 && listed(x) && (last(z) || first(z)) && !(all_caps && word(x) && word(z)) {
        return true;
    }
    // A first name that is not a word, then an unknown word: Wei Nakagawa.
    if n >= 2 && first(x) && !word(x) && !listed(z) && !all_caps && w(z).chars().count() >= 3 {
        return true;
    }
    // An initial, then a surname: J. Smith.
    if n == 1 && ctx.tok(run[a]).initial && last(z) && !word(z) {
        return true;
    }
    // Alone on its line (address and signature blocks): CARMEN MARTINEZ.
    // (Checked last: finding the line's ends costs a scan of the line.)
    let alone = || {
        ctx.start_of_line(run[a])
            .trim()
            .trim_start_matches(['-', '*', '•'])
            .trim()
            .is_empty()
            && ctx
                .rest_of_line(run[b])
                .trim()
                .trim_end_matches(',')
                .is_empty()
    };
    if (2..=3).contains(&n) && core.iter().any(|&k| listed(k) && !word(k)) && alone() {
        return true;
    }
    // After "Law Offices of": LAW OFFICES OF VICTOR SMITH.
    let start = ctx.tok(run[a]).start;
    let from = crate::detect::floor_char(ctx.text, start.saturating_sub(24));
    let before = ctx.text[from..start].trim_end().to_lowercase();
    if n <= 3
        && (before.ends_with("offices of") || before.ends_with("office of"))
        && core.iter().any(|&k| listed(k))
    {
        return true;
    }
    // A relative: "her son, Thomas", "- Irma Peña, wife,".
    // (Not a safe word no list holds: CHILD WELFARE.)
    let unsafe_name = |k: usize| !word(k) && (listed(k) || !super::position::is_safe(l, w(k)));
    if n <= 3 && core.iter().any(|&k| unsafe_name(k)) && kinship_near(ctx, run[a], run[b]) {
        return true;
    }
    false
}

fn eponym_follows(ctx: &Ctx, i: usize) -> bool {
    let rest = ctx.text[ctx.tok(i).end..].trim_start_matches(['\'', '’', 's']);
    let next = rest.trim_start();
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    has(&vocab().eponym_next, &word)
}

/// Kinship noun just before ("her son, Thomas") or just after ("Irma Peña, wife").
fn kinship_near(ctx: &Ctx, a: usize, b: usize) -> bool {
    let before = ctx.text[..ctx.tok(a).start]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let prev: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_lowercase();
    if has(&vocab().kinship, prev.trim_end_matches('s')) || has(&vocab().kinship, &prev) {
        return true;
    }
    let after = &ctx.text[ctx.tok(b).end..];
    let Some(after) = after.strip_prefix(',') else {
        return false;
    };
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    has(&vocab().kinship, &next)
}
