//! Contact rows written as comma-separated values: `Smith,Itandehui,916-555-0132,partner`
//! (a surname, a first name, then a phone number or a relation). The first two
//! cells of such a row are a person's name parts whatever their case; the row says
//! so by its shape (no spaces after the commas, a later cell that is a phone number
//! or a relative), not by a list.

use super::lists::{fold, lists};
use super::position::{in_lexicon, is_safe};
use super::vocab::vocab;
use crate::kind::Kind;
use crate::resolve::Finding;

/// Rule id of a name cell of a contact row.
pub const RULE: &str = "person.contact-row";

/// The name cells of the contact rows of `text`, added to `found` as PERSON
/// findings where no other finding overlaps them.
pub fn contact_rows(text: &str, found: &mut Vec<Finding>) {
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if line.matches(',').count() >= 2 {
            row_names(line.trim_end_matches(['\n', '\r']), start, &mut cells);
        }
    }
    if cells.is_empty() {
        return;
    }
    cells.retain(|&(s, e)| !found.iter().any(|f| f.start < e && f.end > s));
    found.extend(
        cells
            .into_iter()
            .map(|(s, e)| super::finding(s, e, Kind::Person, RULE)),
    );
    found.sort_by_key(|f| f.start);
}

/// The first two cells of `line` (at byte `base`) when it is a contact row.
fn row_names(line: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    let cells: Vec<&str> = line.split(',').collect();
    if cells.len() < 3 || cells.len() > 8 {
        return;
    }
    let v = vocab();
    let vouched = cells[2..].iter().any(|c| {
        let c = c.trim();
        c.chars().filter(char::is_ascii_digit).count() >= 7 || v.kinship.contains(fold(c).as_str())
    });
    if !vouched || !name_cell(cells[0]) || !name_cell(cells[1]) {
        return;
    }
    let second = cells[0].len() + 1;
    out.push((base, base + cells[0].len()));
    out.push((base + second, base + second + cells[1].len()));
}

/// One word of two letters or more (apostrophes and hyphens inside), not a
/// vocabulary word unless a name lexicon holds it (Price, June).
fn name_cell(cell: &str) -> bool {
    let l = lists();
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || !cell.starts_with(char::is_alphabetic)
        || !cell
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    {
        return false;
    }
    let f = fold(cell);
    !l.is_stop(&f) && (!is_safe(l, &f) || in_lexicon(l, &f))
}

#[cfg(test)]
mod tests {
    fn names(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        super::contact_rows(text, &mut found);
        found
            .iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn the_name_cells_of_contact_rows_are_people() {
        assert_eq!(
            names("contacts (last,first,phone,relation): \nsmith,itandehui,916-555-0132 ext. 966,partner\nO'Donnell,Thuy,+84 28 5555 4249,partner\n"),
            ["smith", "itandehui", "O'Donnell", "Thuy"]
        );
        assert_eq!(
            names("ADEYEMI,YAW,(530) 555-0108,PARTNER\nPrice,Hope,daughter,none\n"),
            ["ADEYEMI", "YAW", "Price", "Hope"]
        );
    }

    #[test]
    fn other_comma_rows_are_left_alone() {
        for text in [
            "last,first,phone,relation\n",
            "date,type,worker,person\n",
            "pain,swelling,5550100123,none\n",
            "M,F,5550100123,son\n",
            "Fresno, CA, 93721\n",
            "Fresno,CA,93721,USA\n",
        ] {
            assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
        }
    }
}
