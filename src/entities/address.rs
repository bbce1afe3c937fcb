//! Address blocks completed from their street line. A street line found by the
//! pattern rules (`13931 Poppy Avenue`, `Rt. 8 Box 317`, `PO Box 9204`) puts what
//! follows it in an address position, whatever its words and their case: unit
//! continuations (`, Bldg D, Apt 14`, `Space 20`), then the city line on the next
//! line (`Moga California 94967`, `pago pago washington 93900`, `Woodlake Calif.
//! 95636`), or in prose the town after a comma or `in` (`..., Pago Pago on July
//! 10`, `... rd. in tamale at the time`), with its state and ZIP. A city is any
//! one to four words there; in prose it must end where a clause does. A state or
//! a foreign region after a comma vouches for the town before it when a place
//! cue comes first (`in King City, California`, `born in Zacatepec, Puebla`).

use super::lists::fold;
use super::vocab::vocab;
use crate::kind::Kind;
use crate::resolve::Finding;
use regex::Regex;
use std::sync::{Arc, OnceLock};

/// Rule id: the city of an address line after a street line.
pub const CITY: &str = "place.address-city";
/// Rule id: the state of an address line after a street line, in any case.
pub const STATE: &str = "state.address-line";
/// Rule id: the ZIP code of an address line after a street line.
pub const ZIP: &str = "zip.address-line";
/// Rule id: a unit line of an address block (`Suite 501` on its own line).
pub const UNIT: &str = "address.unit-line";
/// Rule id: the town before a state or region after a place cue.
pub const TOWN: &str = "place.before-region";

/// The regular expressions of this module, compiled once.
struct Shapes {
    /// Unit designators after a street: `, Bldg D, Apt 14`, ` Space 20`, ` #54`.
    units: Regex,
    /// After the city words: `[,] STATE[.][,] ZIP`.
    state_zip: Regex,
    /// After the city words in prose: `, STATE-NAME` or `, Calif.` (no ZIP).
    state_name: Regex,
    /// After the city words: `[,] ZIP`.
    zip: Regex,
    /// What may follow a town in prose: a clause word or punctuation.
    prose_end: Regex,
}

/// State names (any case), two-letter codes and the traditional abbreviations
/// (`Calif.`, `Tex.`), as one alternation, longest first.
fn states_alternation() -> String {
    let mut names: Vec<String> = include_str!("../../patterns/words/us-states.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
    names.extend(ABBREVIATIONS.iter().map(|a| a.to_string()));
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    let names: Vec<String> = names
        .iter()
        .map(|n| regex::escape(n).replace(' ', "[ \\t]+"))
        .collect();
    format!("(?:{}|{CODES})", names.join("|"))
}

/// Traditional (pre-ZIP, GPO style) state abbreviations longer than two letters.
pub const ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "kans", "mass", "mich", "minn",
    "miss", "mont", "nebr", "nev", "okla", "oreg", "penn", "tenn", "tex", "wash", "wis", "wyo",
];

/// USPS state and territory codes.
const CODES: &str = "(?:a[klrsz]|c[aot]|d[ce]|fl|g[au]|hi|i[adln]|k[sy]|la|m[adeinopst]|n[cdehjmvy]|o[hkr]|p[ar]|ri|s[cd]|t[nx]|ut|v[ait]|w[aivy])";

fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let states = states_alternation();
        let zip = "[0-9]{5}(?:-[0-9]{4})?";
        let build = |re: &str| Regex::new(re).expect("address shapes compile");
        Shapes {
            units: build(
                r"^(?i:(?:,?[ \t]*(?:(?:apt|apartment|suite|ste|unit|space|spc|lot|bldg|building|trlr|trailer)\b\.?[ \t]*#?[ \t]*|#[ \t]*)(?:[0-9][0-9a-z-]*|[a-z])\b){1,3})",
            ),
            state_zip: build(&format!(
                r"^(?i:,?[ \t]+(?P<state>{states})\b(?:\.)?,?[ \t]+(?P<zip>{zip}))\b"
            )),
            state_name: build(&format!(
                r"^(?i:,[ \t]+(?P<state>{}))\b\.?",
                states.replacen(&format!("|{CODES}"), "", 1)
            )),
            zip: build(&format!(r"^,?[ \t]+(?P<zip>{zip})\b")),
            prose_end: build(
                r"^(?:[ \t]+(?i:on|at|since|with|until|for|from|and|in|where|when|by|before|after|during|to|but|or)\b|[ \t]*(?:[.;:)!?,]|\r?\n|$))",
            ),
        }
    })
}

/// Whether `f` is a street line the pattern rules found.
fn is_street(f: &Finding) -> bool {
    f.kind == Kind::Location
        && (f.rule.starts_with("address.street") || &*f.rule == "address.po-box")
}

/// The words of a possible city from `at`: letters, apostrophes, hyphens and inner
/// dots (`St.` keeps its dot), separated by spaces or tabs; at most four.
fn words_from(text: &str, at: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = at;
    while out.len() < 4 {
        let rest = &text[i..];
        let len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
            .map(char::len_utf8)
            .sum();
        let word = &rest[..len];
        let abbrev = matches!(fold(word).as_str(), "st." | "ft." | "mt.");
        let word = if abbrev {
            word
        } else {
            word.trim_end_matches('.')
        };
        if !word.starts_with(char::is_alphabetic) {
            break;
        }
        out.push((i, i + word.len()));
        let gap: usize = text[i + word.len()..]
            .chars()
            .take_while(|c| matches!(c, ' ' | '\t'))
            .count();
        if gap == 0 || word.len() < len {
            break;
        }
        i += word.len() + gap;
    }
    out
}

/// A found city line: the city and, when written, its state and ZIP.
struct CityLine {
    city: (usize, usize),
    state: Option<(usize, usize)>,
    zip: Option<(usize, usize)>,
}

/// Whether the word may be part of a town in prose (not a function word, month
/// or other word that never starts a place).
fn town_word(word: &str, first: bool) -> bool {
    let w = fold(word);
    let v = vocab();
    let inner = matches!(
        w.as_str(),
        "de" | "del" | "la" | "las" | "los" | "da" | "do"
    );
    if first && (inner || v.not_residence.contains(&w)) {
        return false;
    }
    inner || !v.clause_words.contains(&w)
}

/// The city line at `at`: one to four words, then `[,] STATE[.][,] ZIP` (any case).
/// In `prose` the town may also stand alone before a clause word or punctuation,
/// or before a state written out (`, California`, `, Calif.`).
fn city_at(text: &str, at: usize, prose: bool) -> Option<CityLine> {
    let s = shapes();
    let words = words_from(text, at);
    for n in 1..=words.len() {
        let (_, end) = words[n - 1];
        if !town_word(&text[words[n - 1].0..end], n == 1) {
            return None;
        }
        let city = (at, end);
        let rest = &text[end..];
        if let Some(c) = s.state_zip.captures(rest) {
            let state = c.name("state").map(|m| (end + m.start(), end + m.end()));
            let zip = c.name("zip").map(|m| (end + m.start(), end + m.end()));
            return Some(CityLine { city, state, zip });
        }
        if let Some(c) = s.zip.captures(rest) {
            let zip = c.name("zip").map(|m| (end + m.start(), end + m.end()));
            return Some(CityLine {
                city,
                state: None,
                zip,
            });
        }
        if !prose {
            continue;
        }
        if let Some(c) = s.state_name.captures(rest) {
            let tail = &rest[c.get(0).map_or(0, |m| m.end())..];
            if s.prose_end.is_match(tail) {
                let state = c.name("state").map(|m| (end + m.start(), end + m.end()));
                return Some(CityLine {
                    city,
                    state,
                    zip: None,
                });
            }
        }
        if s.prose_end.is_match(rest) && n <= 3 {
            return Some(CityLine {
                city,
                state: None,
                zip: None,
            });
        }
    }
    None
}

fn finding(start: usize, end: usize, kind: Kind, rule: &str) -> Finding {
    Finding {
        start,
        end,
        kind,
        rule: Arc::from(rule),
        action: crate::matcher::DefaultAction::Placeholder,
        key: None,
    }
}

/// Completes the address blocks of `found` (sorted, non-overlapping): street
/// findings grow over their unit continuations, and the city line after each
/// becomes findings. A new finding never overlaps an old one except a PERSON
/// finding wholly inside a city, which it replaces.
pub fn complete(text: &str, found: &mut Vec<Finding>) {
    towns_before_regions(text, found);
    if !found.iter().any(is_street) {
        return;
    }
    let s = shapes();
    let mut added: Vec<Finding> = Vec::new();
    let mut gone = vec![false; found.len()];
    for k in 0..found.len() {
        if gone[k] || !is_street(&found[k]) {
            continue;
        }
        // Units to the end of the line; findings the units wholly cover (a
        // field value `Lot 16`) join the street.
        let from = found[k].end;
        let line_end = text[from..].find('\n').map_or(text.len(), |p| from + p);
        if let Some(m) = s.units.find(&text[from..line_end]) {
            let new_end = from + m.end();
            let inside = found[k + 1..]
                .iter()
                .take_while(|n| n.start < new_end)
                .count();
            if found[k + 1..k + 1 + inside]
                .iter()
                .all(|n| n.end <= new_end)
            {
                gone[k + 1..k + 1 + inside]
                    .iter_mut()
                    .for_each(|g| *g = true);
                found[k].end = new_end;
            }
        }
        let end = found[k].end;
        let rest = &text[end..];
        let line_break = rest
            .strip_prefix(|c: char| c == ' ' || c == '\t' || c == ',')
            .unwrap_or(rest)
            .trim_start_matches([' ', '\t']);
        let line_break = line_break
            .strip_prefix("\r\n")
            .or_else(|| line_break.strip_prefix('\n'));
        let (at, prose) = if let Some(next) = line_break {
            let line = next.trim_start_matches([' ', '\t', '>']);
            (text.len() - line.len(), false)
        } else if let Some(r) = rest.strip_prefix(", ").or_else(|| {
            rest.strip_prefix(" in ")
                .or_else(|| rest.strip_prefix(". in "))
                .or_else(|| rest.strip_prefix("., "))
        }) {
            (text.len() - r.len(), true)
        } else {
            continue;
        };
        if !prose {
            // A unit on the line after the street: `Suite 501`.
            let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
            let line = text[at..line_end].trim_end();
            if let Some(m) = s.units.find(line).filter(|m| m.end() == line.len()) {
                added.push(finding(at, at + m.end(), Kind::Location, UNIT));
                continue;
            }
        }
        let Some(c) = city_at(text, at, prose) else {
            continue;
        };
        added.push(finding(c.city.0, c.city.1, Kind::Location, CITY));
        if let Some((a, b)) = c.state {
            added.push(finding(a, b, Kind::State, STATE));
        }
        if let Some((a, b)) = c.zip {
            added.push(finding(a, b, Kind::Zip, ZIP));
        }
    }
    let mut gone = gone.into_iter();
    found.retain(|_| !gone.next().unwrap_or(false));
    merge(found, added);
}

/// Whether `f` is a state or a foreign region that may follow a town and a comma.
fn is_region(f: &Finding) -> bool {
    matches!(
        &*f.rule,
        "state.name" | "state.abbreviation" | "place.region"
    )
}

/// The words a cue ends before a town: `in`, `from`, `near`, `to`, `of`.
fn place_cue(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "in" | "from" | "near" | "to" | "of" | "outside"
    )
}

/// `in King City, California`, `born in Zacatepec, Puebla`: one to three words
/// after a place cue and before `, STATE` (or a region) are a town when they are
/// capitalised in a line that has case, or when one is not common English or the
/// gazetteer holds them.
fn towns_before_regions(text: &str, found: &mut Vec<Finding>) {
    let l = super::lists::lists();
    let v = vocab();
    let mut added = Vec::new();
    for f in found.iter().filter(|f| is_region(f)) {
        let Some(head) = text[..f.start].strip_suffix(", ") else {
            continue;
        };
        let line = &head[head.rfind('\n').map_or(0, |p| p + 1)..];
        let caseless =
            !line.chars().any(char::is_lowercase) || !line.chars().any(char::is_uppercase);
        // Words backwards from the comma.
        let mut end = head.len();
        let town_end = end;
        for n in 1..=3 {
            let before = &head[..end];
            let word_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                .last()
                .map(|(i, _)| i);
            let Some(ws) = word_start else { break };
            let word = &before[ws..];
            let w = fold(word);
            if v.clause_words.contains(&w) && !matches!(w.as_str(), "de" | "del" | "la") {
                break;
            }
            let cue_text = before[..ws].strip_suffix(' ');
            let Some(cue_text) = cue_text else { break };
            let cue_start = cue_text
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(cue_text.len(), |(i, _)| i);
            let cue = &cue_text[cue_start..];
            if place_cue(cue) {
                let town = &head[ws..town_end];
                let words: Vec<String> = town.split_whitespace().map(fold).collect();
                let known = l.is_place(&words.join(" "));
                let capitalised = town
                    .split_whitespace()
                    .all(|x| x.starts_with(char::is_uppercase) || matches!(x, "de" | "del" | "la"));
                let distinctive = words.iter().any(|x| !super::position::is_safe(l, x));
                let first_ok = !v.not_residence.contains(&words[0]);
                if first_ok && (known || distinctive || capitalised && !caseless) {
                    added.push(finding(ws, town_end, Kind::Location, TOWN));
                }
                break;
            }
            let _ = n;
            end = ws - 1;
        }
    }
    merge(found, added);
}

/// Adds `added` to `found` where they overlap nothing but PERSON findings they
/// wholly cover (those are dropped), keeping `found` sorted.
fn merge(found: &mut Vec<Finding>, added: Vec<Finding>) {
    if added.is_empty() {
        return;
    }
    let mut gone = vec![false; found.len()];
    let mut keep = Vec::with_capacity(added.len());
    for a in added {
        let from = found.partition_point(|f| f.end <= a.start);
        let to = found.partition_point(|f| f.start < a.end).max(from);
        let clash = found[from..to]
            .iter()
            .any(|f| !(f.kind == Kind::Person && f.start >= a.start && f.end <= a.end));
        if !clash {
            gone[from..to].iter_mut().for_each(|g| *g = true);
            keep.push(a);
        }
    }
    let mut gone = gone.into_iter();
    found.retain(|_| !gone.next().unwrap_or(false));
    found.extend(keep);
    found.sort_by_key(|f| f.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn street(text: &str, street: &str, rule: &str) -> Finding {
        let start = text.find(street).expect("street in text");
        finding(start, start + street.len(), Kind::Location, rule)
    }

    /// The texts of the findings `complete` makes from one street finding.
    fn completed(text: &str, street_text: &str) -> Vec<(String, Kind)> {
        let mut found = vec![street(text, street_text, "address.street")];
        complete(text, &mut found);
        found
            .iter()
            .map(|f| (text[f.start..f.end].to_string(), f.kind))
            .collect()
    }

    fn texts(text: &str, street_text: &str) -> Vec<String> {
        completed(text, street_text)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn the_city_line_after_a_street_line_whatever_its_words() {
        let got = completed(
            "13931 Poppy Avenue\nMoga California 94967\n",
            "13931 Poppy Avenue",
        );
        assert_eq!(got[1], ("Moga".to_string(), Kind::Location));
        assert_eq!(got[2], ("California".to_string(), Kind::State));
        assert_eq!(got[3], ("94967".to_string(), Kind::Zip));
        assert_eq!(
            texts(
                "hc 39 box 130\npago pago washington 93900\n",
                "hc 39 box 130"
            ),
            ["hc 39 box 130", "pago pago", "washington", "93900"]
        );
        assert_eq!(
            texts("PO Box 9204\nWoodlake Calif. 95636\n", "PO Box 9204"),
            ["PO Box 9204", "Woodlake", "Calif", "95636"]
        );
        assert_eq!(
            texts("17957 Alder Ln\nKing City Ca 93938\n", "17957 Alder Ln"),
            ["17957 Alder Ln", "King City", "Ca", "93938"]
        );
        assert_eq!(
            texts(
                "18980 paseo sombra\nhuajuapan de león wa 94397\n",
                "18980 paseo sombra"
            ),
            ["18980 paseo sombra", "huajuapan de león", "wa", "94397"]
        );
    }

    #[test]
    fn unit_continuations_join_the_street() {
        assert_eq!(
            texts(
                "13178 Manzanita Road, Bldg D, Apt 14\nNewman ME 95781\n",
                "13178 Manzanita Road, Bldg D"
            ),
            [
                "13178 Manzanita Road, Bldg D, Apt 14",
                "Newman",
                "ME",
                "95781"
            ]
        );
        assert_eq!(
            texts(
                "2742 East Almond Grove Way Space 20\n",
                "2742 East Almond Grove Way"
            ),
            ["2742 East Almond Grove Way Space 20"]
        );
        assert_eq!(
            texts("1 Main St, unit is clean.", "1 Main St"),
            ["1 Main St"]
        );
        // A unit another rule found joins the street.
        let text = "Residence:\t14147 Birch Ln, Lot 16\nCountry";
        let mut found = vec![
            street(text, "14147 Birch Ln", "address.street"),
            street(text, "Lot 16", "label.address"),
        ];
        complete(text, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "14147 Birch Ln, Lot 16"
        );
    }

    #[test]
    fn towns_after_a_street_in_prose() {
        assert_eq!(
            texts(
                "moved to 23423 W. Hawthorne Ave, Pago Pago on July 10.",
                "23423 W. Hawthorne Ave"
            ),
            ["23423 W. Hawthorne Ave", "Pago Pago"]
        );
        assert_eq!(
            texts(
                "resided at 6034 morelos st. in tamale at the time",
                "6034 morelos st."
            ),
            ["6034 morelos st.", "tamale"]
        );
        assert_eq!(
            texts(
                "lives at 7397 Manzanita Way, Chowchilla Ca 93194-9419.",
                "7397 Manzanita Way"
            ),
            ["7397 Manzanita Way", "Chowchilla", "Ca", "93194-9419"]
        );
        assert_eq!(
            texts(
                "lives at 21979 Los Robles Avenue, Chowchilla, Calif. 93101.",
                "21979 Los Robles Avenue"
            ),
            ["21979 Los Robles Avenue", "Chowchilla", "Calif", "93101"]
        );
    }

    /// The texts of the findings `complete` makes before a region finding.
    fn before_region(text: &str, region: &str, rule: &str) -> Vec<String> {
        let start = text.find(region).expect("region in text");
        let mut found = vec![finding(start, start + region.len(), Kind::State, rule)];
        complete(text, &mut found);
        found
            .iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn towns_before_a_state_or_region_after_a_place_cue() {
        assert_eq!(
            before_region(
                "a packer in King City, California.",
                "California",
                "state.name"
            ),
            ["King City", "California"]
        );
        assert_eq!(
            before_region("born in Zacatepec, Puebla, and", "Puebla", "place.region"),
            ["Zacatepec", "Puebla"]
        );
        assert_eq!(
            before_region(
                "for smith ranch in hagåtña, texas. phalen",
                "texas",
                "state.name"
            ),
            ["hagåtña", "texas"]
        );
        // No cue, a clause word, or common words in a caseless line: no town.
        assert_eq!(
            before_region("Then King City, California.", "California", "state.name"),
            ["California"]
        );
        assert_eq!(
            before_region(
                "she was in pain, California law says",
                "California",
                "state.name"
            ),
            ["California"]
        );
        assert_eq!(
            before_region("he lives in fear, texas is far", "texas", "state.name"),
            ["texas"]
        );
    }

    #[test]
    fn no_town_where_the_words_go_on_or_are_clause_words() {
        // Ordinary words after a street are no town when the clause goes on.
        assert_eq!(
            texts(
                "lives at 1 Main St, with her mother and her brother.",
                "1 Main St"
            ),
            ["1 Main St"]
        );
        assert_eq!(
            texts(
                "lives at 1 Main St, and she drives a very old car.",
                "1 Main St"
            ),
            ["1 Main St"]
        );
        assert_eq!(
            texts("lives at 1 Main St in March 2019.", "1 Main St"),
            ["1 Main St"]
        );
        // The line after a street is a city line only with a state and ZIP.
        assert_eq!(
            texts("1 Main St\nDear Ms. Roe,\n", "1 Main St"),
            ["1 Main St"]
        );
        assert_eq!(
            texts("1 Main St\nRE: claim 12345\n", "1 Main St"),
            ["1 Main St"]
        );
    }
}
