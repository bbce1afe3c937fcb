//! Blocks of lines: the name under a letter's closing ("Sincerely," then
//! "ANNA K. BERG, RRT"), and the parties of a court caption (names in capitals
//! above "Plaintiff and Respondent,").

/// Closings after which the signer's name follows within a few lines.
const CLOSINGS: &[&str] = &[
    "signed",
    "sincerely",
    "sincerely yours",
    "yours sincerely",
    "respectfully",
    "respectfully submitted",
    "respectfully yours",
    "regards",
    "best regards",
    "kind regards",
    "warm regards",
    "with regards",
    "best",
    "thank you",
    "thanks",
    "cordially",
    "yours truly",
    "very truly yours",
    "truly yours",
    "electronically signed",
    "signed electronically",
    "reviewed and signed",
    "attest",
];

/// Words of a party's role in a caption ("Plaintiff and Respondent").
const ROLES: &[&str] = &[
    "plaintiff",
    "plaintiffs",
    "defendant",
    "defendants",
    "petitioner",
    "petitioners",
    "respondent",
    "respondents",
    "appellant",
    "appellants",
    "appellee",
    "appellees",
    "cross-complainant",
    "cross-complainants",
    "cross-defendant",
    "cross-defendants",
    "cross-appellant",
    "cross-appellant",
    "cross-respondent",
    "intervenor",
    "intervener",
    "claimant",
    "applicant",
    "movant",
    "objector",
    "real",
    "party",
    "parties",
    "in",
    "interest",
    "and",
    "the",
];

/// Words that make a party an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "inc",
    "llc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llp",
    "lp",
    "bank",
    "county",
    "city",
    "state",
    "department",
    "dept",
    "board",
    "district",
    "authority",
    "insurance",
    "school",
    "hospital",
    "university",
    "college",
    "association",
    "services",
    "group",
    "trust",
    "agency",
    "commission",
    "fund",
    "partners",
    "holdings",
    "industries",
    "systems",
    "center",
    "institute",
    "church",
    "foundation",
    "society",
    "union",
    "club",
    "office",
    "bureau",
    "administration",
    "enterprises",
    "international",
    "incorporated",
    "limited",
    "mutual",
    "assurance",
    "health",
    "medical",
    "clinic",
    "court",
    "people",
    "republic",
    "government",
    "ministry",
    "council",
    "management",
    "farms",
    "farm",
    "produce",
    "indemnity",
    "landscaping",
    "construction",
    "roofing",
    "solutions",
    "logistics",
    "transport",
    "transportation",
    "foods",
    "market",
    "markets",
    "restaurant",
    "restaurants",
    "motors",
    "builders",
    "contractors",
    "electric",
    "plumbing",
    "manufacturing",
    "packing",
    "dairy",
    "ranch",
    "nursery",
    "hotel",
    "resort",
    "casino",
    "stores",
    "store",
    "warehouse",
    "staffing",
    "healthcare",
    "care",
    "technologies",
    "labs",
    "risk",
    "casualty",
    "underwriters",
    "express",
    "airlines",
    "realty",
    "properties",
    "apartments",
    "associates",
    "cooperative",
    "coop",
    "plc",
    "pc",
    "pllc",
];

/// Whether the line is a letter's closing ("Sincerely," "Signed,").
pub fn is_closing(line: &str) -> bool {
    let t = line.trim().trim_end_matches([',', '.', ':', '!']).trim();
    if t.is_empty() || t.len() > 30 {
        return false;
    }
    CLOSINGS.contains(&t.to_lowercase().as_str())
}

/// Whether a line under a closing says nothing yet ("/s/", "______", "(signature)").
pub fn is_signature_filler(line: &str) -> bool {
    let t = line.trim();
    t.is_empty()
        || t.eq_ignore_ascii_case("/s/")
        || t.chars()
            .all(|c| matches!(c, '_' | '-' | '=' | '*' | ' ' | '.'))
        || t.eq_ignore_ascii_case("(signature)")
        || t.eq_ignore_ascii_case("[signature]")
}

/// The name part of a line under a closing: the line after a "/s/", when it is
/// short and starts with a capital.
pub fn signer(line: &str, base: usize) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_start().len();
    let mut t = &line[lead..];
    let mut start = base + lead;
    if let Some(rest) = t.strip_prefix("/s/").or_else(|| t.strip_prefix("/S/")) {
        let r = rest.trim_start();
        start += t.len() - r.len();
        t = r;
    }
    let t = t.trim_end();
    let words = t.split_whitespace().count();
    ((1..=8).contains(&words) && t.starts_with(|c: char| c.is_uppercase()))
        .then_some((start, start + t.len()))
}

/// Whether the line names a party's role in a caption ("Plaintiff and
/// Respondent,", "Defendants."), with nothing else on it.
pub fn is_role_line(line: &str) -> bool {
    let t = line.trim().trim_end_matches([',', '.', ';']).trim();
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    let lower = t.to_lowercase();
    let mut any_role = false;
    for w in lower.split_whitespace() {
        if !ROLES.contains(&w) {
            return false;
        }
        any_role |= !matches!(w, "in" | "and" | "the");
    }
    any_role
}

/// Every party of a party line ("ACME FARMS; SIERRA RISK MANAGEMENT,"): the
/// parts between semicolons, each as [`party`] reads it.
pub fn parties(line: &str, base: usize) -> Vec<((usize, usize), bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in line.split(';') {
        if let Some(p) = party(piece, base + at) {
            out.push(p);
        }
        at += piece.len() + 1;
    }
    out
}

/// A party line above a role line: its byte span (trimmed, without the trailing
/// comma or "et al.") and whether it is an organisation. `None` for "v.", "THE
/// PEOPLE", lines in lower case, and lines too long to be a caption.
pub fn party(line: &str, base: usize) -> Option<((usize, usize), bool)> {
    let lead = line.len() - line.trim_start().len();
    let mut t = line[lead..].trim_end();
    for tail in [",", ";", ", et al.", " et al.", ", et al", " et al", ","] {
        t = t.strip_suffix(tail).unwrap_or(t).trim_end();
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || t.split_whitespace().count() > 12 {
        return None;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if upper * 10 < letters.len() * 6 {
        return None;
    }
    let lower = t.to_lowercase();
    if matches!(lower.as_str(), "v" | "vs" | "v." | "vs." | "versus")
        || lower.starts_with("the people")
        || lower.starts_with("people of")
        || lower.starts_with("in re")
        || lower.starts_with("in the matter")
    {
        return None;
    }
    let org = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORG_WORDS.contains(&w));
    Some(((base + lead, base + lead + t.len()), org))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closings_and_signers() {
        assert!(is_closing("Sincerely,"));
        assert!(is_closing("  Respectfully submitted,"));
        assert!(!is_closing("Sincerely, the team thanks you for the call"));
        assert!(is_signature_filler("/s/"));
        assert!(is_signature_filler("__________"));
        let line = "/s/ ANNA K. BERG, RRT";
        let (s, e) = signer(line, 0).unwrap();
        assert_eq!(&line[s..e], "ANNA K. BERG, RRT");
        assert_eq!(signer("the end of it", 0), None);
    }

    #[test]
    fn captions() {
        assert!(is_role_line("        Plaintiff and Respondent,"));
        assert!(is_role_line("Defendants and Appellants."));
        assert!(is_role_line("Real Party in Interest."));
        assert!(!is_role_line("The plaintiff filed a motion."));
        assert!(!is_role_line("and"));
        let line = "TERESA MORALES,";
        assert_eq!(party(line, 0), Some(((0, 14), false)));
        let line = "ACME ROOFING, INC., et al.,";
        let ((s, e), org) = party(line, 0).unwrap();
        assert_eq!((&line[s..e], org), ("ACME ROOFING, INC.", true));
        assert_eq!(party("v.", 0), None);
        let line = "EVERGREEN FARMS; SIERRA RISK MANAGEMENT,";
        let got: Vec<&str> = parties(line, 0)
            .iter()
            .map(|((s, e), _)| &line[*s..*e])
            .collect();
        assert_eq!(got, vec!["EVERGREEN FARMS", "SIERRA RISK MANAGEMENT"]);
        assert_eq!(party("THE PEOPLE,", 0), None);
        assert_eq!(party("the court found that", 0), None);
    }
}
