//! The grammars of dates, ages, identifying numbers, phones and addresses, and the
//! demographic vocabularies, end to end: the binary redacts a short text of each
//! family, every spelling of one value gets one placeholder, and the traps (scores,
//! doses, vital signs, common words) are kept as written.

use crate::util::casescrub;

/// The binary's redaction of `text` (stdin to stdout).
fn redact(text: &str) -> String {
    let out = casescrub()
        .args(["redact", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// Every placeholder of `kind` in `text`, in order ("[DATE-1]", ...).
fn placeholders(text: &str, kind: &str) -> Vec<String> {
    let open = format!("[{kind}-");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(&open) {
        let tail = &rest[i..];
        let end = tail.find(']').unwrap() + 1;
        out.push(tail[..end].to_string());
        rest = &tail[end..];
    }
    out
}

#[test]
fn every_spelling_of_one_date_gets_one_placeholder() {
    let text = "Injured on April fifth, 2018. The claim form gives 4/5/18; the employer \
                wrote 04/05/2018, the physician the fifth of April, 2018, and the \
                adjuster 5 Apr 18. The next visit is Friday the twelfth.\n";
    let out = redact(text);
    let dates = placeholders(&out, "DATE");
    assert_eq!(dates.len(), 6, "{out}");
    assert!(dates[..5].iter().all(|d| d == &dates[0]), "{out}");
    assert_ne!(dates[5], dates[0], "{out}");
    for gone in ["fifth", "4/5/18", "2018", "Apr 18", "twelfth"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

#[test]
fn record_dates_without_a_year_and_short_years() {
    let out = redact(
        "9/10 0800 pt resting, VSS.\n11/5: called daughter re: discharge.\n\
         Seen 17 Jun 01 and 2 Sep 14; injured at work in 8/87; married in '92.\n",
    );
    for gone in ["9/10", "11/5", "17 Jun 01", "2 Sep 14", "8/87", "'92"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    // The entry's time is a date element too; the entry's words stay.
    assert!(
        out.contains("] pt resting") && !out.contains("0800"),
        "{out}"
    );
}

#[test]
fn clinical_numbers_are_not_dates_or_ages() {
    let text = "Pain 5/10 at rest. Norco 10/325 mg q6h. PSV 10/5, FiO2 40%. \
                BP 128/76, HR in the 90s, temp 98.6. Started 1/2 NS at 75 mL/hr. \
                MRI of C5-6 and L4-5. PT and OR notes; MS stable.\n";
    let out = redact(text);
    assert_eq!(out, text, "a clinical measurement was redacted");
}

#[test]
fn ages_after_names_and_in_shorthand() {
    let out = redact(
        "Mr. Ivo Brandt, 52, was seen with his children Sofia (4) and Mateo (7). \
         His wife, then 61, is a 9 y/o's grandmother; the boy is 17 years of age \
         and his brother a 45 yom.\n",
    );
    for gone in ["52", "(4)", "(7)", "61", "9 y/o", "17 years", "45 yom"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert_eq!(placeholders(&out, "AGE").len(), 7, "{out}");
}

#[test]
fn identifying_numbers_phones_and_addresses_in_prose() {
    let out = redact(
        "CPS referral #5512-19 was made; Pager #12345. Appeal E074215 from 21JV-00456 \
         and 19STCV01234. Call +52 951 555 0199, 310/555/0142, 310.555.0142 or \
         (310)555-0142 x12. She lived at 1840 Calle Sombra, Ventura, then at Avenida \
         Hidalgo 12, Juxtlahuaca.\n",
    );
    for gone in [
        "5512-19",
        "12345",
        "E074215",
        "21JV-00456",
        "19STCV01234",
        "951 555",
        "310/555",
        "310.555",
        "555-0142",
        "Calle Sombra",
        "Ventura",
        "Hidalgo 12",
        "Juxtlahuaca",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert_eq!(placeholders(&out, "PHONE").len(), 4, "{out}");
    assert_eq!(placeholders(&out, "LOCATION").len(), 2, "{out}");
}

#[test]
fn demographic_words_need_their_cue() {
    let out = redact(
        "He is of Zapotec origin, speaks only Zapotec, has limited Spanish and is \
         divorced; his cousin, a Spanish citizen, is of Navajo descent.\n",
    );
    assert_eq!(placeholders(&out, "LANGUAGE").len(), 2, "{out}");
    assert!(out.contains("[NATIONALITY-1] citizen"), "{out}");
    for gone in ["Zapotec", "Spanish", "divorced", "Navajo"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    // The same words with no cue are not demographic findings ("Navajo Street" is a
    // street name, which the name pass may take; it is never an ETHNICITY).
    let text = "A crow sat on the Navajo Street sign; the MS patient went to the OR.\n";
    let out = redact(text);
    for kind in ["ETHNICITY", "NATIONALITY", "LANGUAGE"] {
        assert!(placeholders(&out, kind).is_empty(), "{kind} in {out}");
    }
    assert!(
        out.starts_with("A crow sat on the ") && out.ends_with("the MS patient went to the OR.\n"),
        "{out}"
    );
}

#[test]
fn every_verb_coordinated_with_a_neutral_pronoun_agrees() {
    for (text, want) in [
        (
            "She received the letter and feels better.\n",
            "They received the letter and feel better.\n",
        ),
        (
            "He says he walks and drives daily.\n",
            "They say they walk and drive daily.\n",
        ),
        (
            "She walks, drives, and swims but still tires quickly.\n",
            "They walk, drive, and swim but still tire quickly.\n",
        ),
        (
            "He left work early and then goes home.\n",
            "They left work early and then go home.\n",
        ),
        // A new subject stops it: a pronoun gets its own rewrite, a noun keeps its verb.
        (
            "They received it and she feels better.\n",
            "They received it and they feel better.\n",
        ),
        (
            "She received it and the doctor feels better.\n",
            "They received it and the doctor feels better.\n",
        ),
        // Plural nouns after "and" stay plural; the past tense is unchanged.
        (
            "She has dizziness and falls risk.\n",
            "They have dizziness and falls risk.\n",
        ),
        (
            "She reports pain and needs assessment.\n",
            "They report pain and needs assessment.\n",
        ),
        (
            "She walked home and received the letter.\n",
            "They walked home and received the letter.\n",
        ),
        // A contracted "'s" is "is" or, before a participle, "has".
        (
            "She's tired and he's been off work; she’s had surgery.\n",
            "They're tired and they've been off work; they’ve had surgery.\n",
        ),
    ] {
        assert_eq!(redact(text), want, "{text}");
    }
}

#[test]
fn coordinated_agreement_is_one_change_and_settled() {
    let text = "She received the letter and feels better.\n";
    let s = crate::util::scrubber();
    let red = s.redact(text, &mut casescrub::Numbering::default());
    assert_eq!(red.changes.len(), 1, "{:?}", red.changes);
    let c = &red.changes[0];
    assert_eq!(c.original, "She received the letter and feels");
    assert_eq!(c.replacement, "They received the letter and feel");
    let again = s.redact(&red.output, &mut casescrub::Numbering::default());
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}

#[test]
fn issue_15_more_spellings_of_one_date_get_one_placeholder() {
    let text = "Injured on Sunday, March 4, 2018; seen March 4, 2018, 3/4/2018 and \
                4 Mar 18. Filed dec 2, 2023 (2 dec 23; Dec 2, 2023). Married in dec '15, \
                December 2015.\n";
    let out = redact(text);
    let dates = placeholders(&out, "DATE");
    assert_eq!(dates.len(), 9, "{out}");
    assert!(dates[..4].iter().all(|d| d == &dates[0]), "{out}");
    assert!(dates[4..7].iter().all(|d| d == &dates[4]), "{out}");
    assert!(dates[7..].iter().all(|d| d == &dates[7]), "{out}");
    assert_ne!(dates[0], dates[4], "{out}");
    assert_ne!(dates[4], dates[7], "{out}");
}

#[test]
fn issue_15_entry_stamps_and_ranges() {
    let out = redact("note\n4/23 0350H RT: a&ox3.\npt on unit 12/4/2019-12/15/2019, d/c home.\n");
    for gone in ["4/23", "0350H", "12/4/2019", "12/15/2019", "2019-12"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("] RT: a&ox3."), "{out}");
}

#[test]
fn issue_15_identifier_noun_phrases() {
    let out = redact(
        "Her Medi-Cal number is 76233478V; the case number is 3745-7913-10. \
         His employee badge number is #56061. Emergency response referral R719785 \
         was assigned. Policy PL-58926-81 applies.\nCLM #: 2248 3479 38\n\
         Med Rec No.: 356-137-255\nCourt of Appeal No. JD52937\n(Super. Ct. No. JD96955)\n",
    );
    for gone in [
        "76233478V",
        "3745-7913-10",
        "#56061",
        "56061",
        "R719785",
        "PL-58926-81",
        "2248",
        "3479",
        "356-137-255",
        "JD52937",
        "JD96955",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

#[test]
fn issue_15_ages_genders_and_phones() {
    let out = redact(
        "The injured worker is a seventy-eight y/o M who was 52 years old at the date \
         of injury and 58 today. MISS OKONKWO WAS CREDIBLE. Please call me at \
         0494 92 82 32 or call mrs. Ruiz at 5595550149.\nEdad: 32\n",
    );
    for gone in [
        "seventy-eight",
        " M who",
        "58 today",
        "MISS",
        "0494 92 82 32",
        "5595550149",
        "32\n",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    // The verb "miss" and clinical numbers after a calling cue stay.
    let kept = "Did not miss work. Call if BP 128/76 or HR in the 90s.\n";
    assert_eq!(redact(kept), kept);
}

#[test]
fn issue_15_gram4_ordinal_days_ranges_times_and_compact_dates() {
    let text = "Removed on the 15th by CPS. TTD from June 1 to 5, 2019. Off work 6/1-6/5/2019. \
                Admitted 06/03/2019 14:05; UR decision 10/12/2019 @ 0930. Seen in clinic \
                6.3.19. Specimen collected 03JUN2019.\n";
    let out = redact(text);
    for gone in [
        "15th",
        "June 1",
        "to 5",
        "6/1",
        "6/5/2019",
        "14:05",
        "0930",
        "6.3.19",
        "03JUN2019",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    // 06/03/2019, 6.3.19 and 03JUN2019 are one date (m.d.yy is month first, as 6/3/19).
    let dates = placeholders(&out, "DATE");
    let first_june_third = out.find("Admitted ").unwrap();
    let admitted = placeholders(&out[first_june_third..], "DATE")[0].clone();
    assert_eq!(dates.iter().filter(|d| **d == admitted).count(), 3, "{out}");
    assert!(placeholders(&out, "ID").is_empty(), "{out}");
    // What is no date stays: floors, attempts, versions, a street number after a date.
    let kept = "Moved on the 3rd floor on the second attempt; version 6.3.19 installed.\n";
    assert_eq!(redact(kept), kept);
    // A house number after a date is the street's, not a time of day.
    let out = redact("Seen 06/03/2019 1405 Main Street.\n");
    assert_eq!(placeholders(&out, "DATE").len(), 1, "{out}");
    assert_eq!(placeholders(&out, "LOCATION").len(), 1, "{out}");
}

#[test]
fn issue_15_gram4_clinical_age_shorthand_and_its_traps() {
    let out = redact(
        "45M with hx of HTN presents for f/u. 62F c/o chest pain. The child is an infant \
         of 3 months. The youth, 16, was placed. Mr. Jones is 58 and lives alone. \
         Seen: Pa Nhia Her, 70, also spoke. Pt's 85th birthday today.\n",
    );
    for gone in ["45M", "62F", "3 months", "16,", "58", "70", "85th"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert_eq!(placeholders(&out, "AGE").len(), 7, "{out}");
    let kept = "14F foley placed. Febrile to 101 F with rigors. Walked 5 m with a walker. \
                Mr. Lee is 5 feet tall. The claimant, 3 days later, returned. \
                He worked there for 3 years.\n";
    let out = redact(kept);
    assert!(placeholders(&out, "AGE").is_empty(), "{out}");
    for kept_word in [
        "14F foley",
        "101 F",
        "5 m with",
        "5 feet",
        "3 days",
        "3 years",
    ] {
        assert!(out.contains(kept_word), "{kept_word} gone from {out}");
    }
}

#[test]
fn issue_15_gram4_demographic_positions() {
    let out = redact(
        "the worker is haitian. A 45-year-old mexican man, of Salvadoran descent. \
         Pt is a 62 yo AAF with HTN. She is Black and lives with her aunt. \
         Race: Native Hawaiian or Other Pacific Islander. She got divorced in 2015; \
         a single mother of two. He was a lettuce cutter for ten years.\n",
    );
    for gone in [
        "haitian",
        "mexican",
        "Salvadoran",
        "AAF",
        "Black",
        "Other Pacific",
        "divorced",
        "single",
        "lettuce cutter",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert_eq!(placeholders(&out, "NATIONALITY").len(), 3, "{out}");
    assert_eq!(placeholders(&out, "MARITAL").len(), 2, "{out}");
    let kept = "There is a primary treating physician report. The shoulder separated in \
                the fall. WM Smith signed; the HF clinic called. A single dose.\n";
    let out = redact(kept);
    for kind in ["OCCUPATION", "MARITAL", "ETHNICITY"] {
        assert!(placeholders(&out, kind).is_empty(), "{kind} in {out}");
    }
}

#[test]
fn issue_15_gram4_labelled_numbers_and_phones() {
    let out = redact(
        "CDL N8812345; Lic. No. A-123456; Accession S19-004512; Pager 4471; account \
         ending in 4512. Ph 5595550142. Order at 1-800-FLOWERS.\n",
    );
    for gone in [
        "N8812345",
        "A-123456",
        "S19-004512",
        "4471",
        "4512",
        "5595550142",
        "FLOWERS",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let kept = "Dx M54.5; CPT 99213; Labor Code 4610; page 12; ibuprofen 800 mg tid.\n";
    assert_eq!(redact(kept), kept);
}

/// The realistic lines of `fixtures/grammar/snippets.txt`, each redacted on its own:
/// every «marked» text is gone, every `keep:` line (a trap) is left as written.
#[test]
fn issue_15_gram4_snippet_lines_of_every_kind() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/grammar/snippets.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let s = crate::util::scrubber();
    let (mut marked, mut kept) = (0, 0);
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(trap) = line.strip_prefix("keep: ") {
            let input = format!("{trap}\n");
            let out = s
                .redact(&input, &mut casescrub::Numbering::default())
                .output;
            assert_eq!(out, input, "a trap was changed");
            kept += 1;
            continue;
        }
        let plain = format!("{}\n", line.replace(['«', '»'], ""));
        let out = s
            .redact(&plain, &mut casescrub::Numbering::default())
            .output;
        for target in line.split('«').skip(1).filter_map(|t| t.split('»').next()) {
            let left = out.match_indices(target).any(|(i, _)| {
                let before = out[..i].chars().next_back();
                let after = out[i + target.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            assert!(!left, "{target:?} left in {out:?}");
            marked += 1;
        }
    }
    assert!(marked > 300 && kept > 25, "{marked} marked, {kept} kept");
}
