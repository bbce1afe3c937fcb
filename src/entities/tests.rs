//! Must-match and must-not-match examples of the entity pass, run on the whole
//! default library.

use crate::kind::Kind;
use crate::{Numbering, Scrubber};
use std::sync::OnceLock;

fn scrubber() -> &'static Scrubber {
    static S: OnceLock<Scrubber> = OnceLock::new();
    S.get_or_init(|| Scrubber::with_default_patterns().unwrap())
}

/// The texts of the findings of `kind` in `text`.
fn found(text: &str, kind: Kind) -> Vec<String> {
    scrubber()
        .detect(text)
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text(text).to_string())
        .collect()
}

#[track_caller]
fn must(text: &str, kind: Kind, expected: &[&str]) {
    assert_eq!(found(text, kind), expected, "in {text:?}");
}

#[test]
fn names_from_word_lists() {
    must(
        "Applicant's attorney, Brenda Torres, filed a petition.",
        Kind::Person,
        &["Brenda Torres"],
    );
    must(
        "Questions may be directed to Wei Nakagawa at the office.",
        Kind::Person,
        &["Wei Nakagawa"],
    );
    must(
        "LAW OFFICES OF KAREN WILLIAMS\n",
        Kind::Person,
        &["KAREN WILLIAMS"],
    );
    must(
        "IMR FINAL DETERMINATION\n\nHector Peña\n11138 Walnut Rd",
        Kind::Person,
        &["Hector Peña"],
    );
    must(
        "She lives with her son, Thomas. Later he left.",
        Kind::Person,
        &["Thomas"],
    );
    must("- Irma Peña, wife, age 48", Kind::Person, &["Irma Peña"]);
    must(
        "Rose Lopez was seen. Mark Hill signed.",
        Kind::Person,
        &["Rose Lopez", "Mark Hill"],
    );
}

#[test]
fn vocabulary_and_eponyms_stay() {
    for text in [
        "Spurling's test and Tinel sign were negative; Phalen and Hoffmann negative.",
        "Medial Branch Block at the Upper Back Chapter of the Guidelines.",
        "Hydrocodone, Tizanidine and Mobic were requested. Norco 10/325 mg.",
        "Will follow up in June. Hope this helps. Rose from the chair.",
        "Adjuster Phone: (916) 645-5403",
        "Patrick test positive. Thompson test negative.",
    ] {
        let names = found(text, Kind::Person);
        assert!(names.is_empty(), "{names:?} in {text:?}");
        let places = found(text, Kind::Location);
        assert!(places.is_empty(), "{places:?} in {text:?}");
    }
}

#[test]
fn places_and_counties() {
    must(
        "Executed at Modesto, California on 6/19/19.",
        Kind::Location,
        &["Modesto"],
    );
    must(
        "He lives in Long Beach with his son.",
        Kind::Location,
        &["Long Beach"],
    );
    must(
        "has lived in San Bernardino County for 18 years",
        Kind::Location,
        &["San Bernardino County"],
    );
    must(
        "SAN BERNARDINO COUNTY SUPERIOR COURT",
        Kind::Location,
        &["SAN BERNARDINO"],
    );
    must(
        "COUNTY OF SANTA CLARA DEPARTMENT OF SOCIAL SERVICES",
        Kind::Location,
        &["SANTA CLARA"],
    );
    must(
        "Client was born in the Philippines.",
        Kind::Location,
        &["Philippines"],
    );
    must(
        "venued at the Van Nuys District Office",
        Kind::Location,
        &["Van Nuys"],
    );
    // Names that are also places need a place cue.
    must(
        "Miguel Jackson, son, attends school in Jackson.",
        Kind::Location,
        &["Jackson"],
    );
    must("Mission Hospitality Group", Kind::Location, &[]);
}

#[test]
fn organisations() {
    must(
        "Defendant Summit Home Health Services, insured by Pacific Mutual Casualty, disputed",
        Kind::Org,
        &["Summit Home Health Services", "Pacific Mutual Casualty"],
    );
    must(
        "attends services weekly at St. Anthony Catholic Church.",
        Kind::Org,
        &["St. Anthony Catholic Church"],
    );
    must(
        "at First Baptist Church of the Valley.",
        Kind::Org,
        &["First Baptist Church of the Valley"],
    );
    must(
        "services weekly at Temple Beth Shalom.",
        Kind::Org,
        &["Temple Beth Shalom"],
    );
    must(
        "COUNTY OF FRESNO DEPARTMENT OF SOCIAL SERVICES",
        Kind::Org,
        &[],
    );
    must(
        "MAXIMUS Federal Services reviewed the Department of Social Services file.",
        Kind::Org,
        &[],
    );
    must("Physical Therapy Center", Kind::Org, &[]);
}

#[test]
fn one_person_one_placeholder() {
    let text = "Maria Lopez was seen. Ms. Lopez reports pain. Lopez returns; Maria agrees.";
    let out = scrubber().redact(text, &mut Numbering::default());
    assert_eq!(
        out.output,
        "[PERSON-1] was seen. Mx. [PERSON-1] reports pain. [PERSON-1] returns; [PERSON-1] agrees."
    );
    // Two people sharing a surname: the bare surname is not merged with either.
    let text = "Maria Lopez and Juan Lopez came. Lopez left.";
    let out = scrubber().redact(text, &mut Numbering::default());
    assert_eq!(
        out.output,
        "[PERSON-1] and [PERSON-2] came. [PERSON-3] left."
    );
}

#[test]
fn possessive_stays_outside() {
    must(
        "Dr. Wong's report. Maria Lopez's claim; Lopez's pain.",
        Kind::Person,
        &["Wong", "Maria Lopez", "Lopez"],
    );
}

#[test]
fn names_that_are_words_need_context() {
    let text =
        "Patient Name:    Price, June\n\nMs. Price is here. Her daughter, Hope Price, drove. \
June Price reports pain. Rose from the chair. Price's pain is 6/10. Will follow up in June.";
    let out = scrubber().redact(text, &mut Numbering::default());
    assert_eq!(
        out.output,
        "Patient Name:    [PERSON-1], [PERSON-2]\n\nMx. [PERSON-1] is here. Their daughter, [PERSON-3], drove. \
[PERSON-1] reports pain. Rose from the chair. [PERSON-1]'s pain is 6/10. Will follow up in June."
    );
}

#[test]
fn names_grow_to_whole_words_and_initials() {
    must(
        "Dr. Rose Martinez-O'Neil saw her. Martinez-O'Neil agreed.",
        Kind::Person,
        &["Rose Martinez-O'Neil", "Martinez-O'Neil"],
    );
    must(
        "seen by M. Gonzalez, M.D. on 5/1/20",
        Kind::Person,
        &["M. Gonzalez"],
    );
    must(
        "- Jan Kowalski, brother, age 60",
        Kind::Person,
        &["Jan Kowalski"],
    );
    must(
        "She was seen by Dr.\n\nWilson on 2/13/08",
        Kind::Person,
        &["Wilson"],
    );
}

#[test]
fn reversed_names() {
    must(
        "seen for MTUS Robinson, Patricia. denied",
        Kind::Person,
        &["Robinson, Patricia"],
    );
    must(
        "and Okafor, Maria E.\nnext",
        Kind::Person,
        &["Okafor, Maria E."],
    );
    must(
        "seen for Robinson, Maria Thi. denied",
        Kind::Person,
        &["Robinson, Maria Thi"],
    );
    // A surname that is also a word, or a first name followed by more text: no.
    must("Houston, Texas is hot", Kind::Person, &[]);
    must("a Walker, Rose said", Kind::Person, &[]);
}

#[test]
fn places_after_a_residence_cue() {
    must(
        "born in 1923 and lives in Penrith.",
        Kind::Location,
        &["Penrith"],
    );
    must(
        "She moved back to Southwark.",
        Kind::Location,
        &["Southwark"],
    );
    must(
        "The flat was located in Beyoglu, Istanbul.",
        Kind::Location,
        &["Beyoglu", "Istanbul"],
    );
    // Not places: a month, a housing programme.
    must("He lives in March with his son.", Kind::Location, &[]);
    must("She lives in Section 8 housing.", Kind::Location, &[]);
}

#[test]
fn places_after_a_travel_or_presence_cue() {
    must(
        "Mr. Leiva flew to Leppen on Tuesday.",
        Kind::Location,
        &["Leppen"],
    );
    must(
        "I'm in Flateyri, at the conference",
        Kind::Location,
        &["Flateyri"],
    );
    must(
        "Coden is a design agency based in Naantali.",
        Kind::Location,
        &["Naantali"],
    );
    must(
        "We moved here from Feysville last year.",
        Kind::Location,
        &["Feysville"],
    );
    // Not places: a month, a state of mind, a room.
    must("She flew to March meetings twice.", Kind::Location, &[]);
    must("I'm in pain at night.", Kind::Location, &[]);
    must("I am in Room 5 today.", Kind::Location, &[]);
}

#[test]
fn organisations_after_an_employer_cue() {
    must(
        "He was represented by Royds Rdw, solicitors in London.",
        Kind::Org,
        &["Royds Rdw"],
    );
    must(
        "employed to work for Etibank, a State-owned company",
        Kind::Org,
        &["Etibank"],
    );
    must(
        "She worked for Sunrise Bakery as a baker.",
        Kind::Org,
        &["Sunrise Bakery"],
    );
    // A generic body after "the", and a person after a title, are not.
    must("He was employed by the Council.", Kind::Org, &[]);
    must("represented by Mr John Smith, a lawyer", Kind::Org, &[]);
}

#[test]
fn names_by_position_not_by_list() {
    // A court panel.
    must(
        "Before Alvarez, P.J., Brennan, J., and Okoro, J.",
        Kind::Person,
        &["Alvarez", "Brennan", "Okoro"],
    );
    must("Okoro, J., concurring.", Kind::Person, &["Okoro"]);
    // A capitalized run holding a lexicon word; hyphen parts.
    must(
        "Sione Tuilagi-Mason and Mele Tuilagi-Mason attended",
        Kind::Person,
        &["Sione Tuilagi-Mason", "Mele Tuilagi-Mason"],
    );
    must(
        "Catherine is a very sympathetic person.",
        Kind::Person,
        &["Catherine"],
    );
    // After a role or kinship cue, a word no list holds.
    must(
        "Petitioner Quorvani appeared with interpreter Nhia Vang.",
        Kind::Person,
        &["Quorvani", "Nhia Vang"],
    );
    must(
        "Spoke with dtr Xiadani by phone.",
        Kind::Person,
        &["Xiadani"],
    );
    // An initial and a surname, in any case.
    must("Seen by T. NOLAN today.", Kind::Person, &["T. NOLAN"]);
}

#[test]
fn name_words_are_names_only_where_they_name_someone() {
    must("Dr. Price reviewed it.", Kind::Person, &["Price"]);
    must("The price was high.", Kind::Person, &[]);
    must("Her wife Rose drove her in.", Kind::Person, &["Rose"]);
    must("Rose petals were on the table.", Kind::Person, &[]);
    must("Judge Young presided.", Kind::Person, &["Young"]);
    must("Young adults were seen.", Kind::Person, &[]);
    must("Hope is not a plan. Will he return?", Kind::Person, &[]);
    must("Mark the date. Bill the carrier.", Kind::Person, &[]);
}

#[test]
fn safe_vocabulary_and_acronyms_are_not_names() {
    must(
        "Continue Hydrocodone/APAP 10/325 mg. Family receives Medi-Cal.",
        Kind::Person,
        &[],
    );
    must(
        "Positive Spurling test, Tinel sign and Phalen test.",
        Kind::Person,
        &[],
    );
    must("Neighbour drove them to the clinic.", Kind::Person, &[]);
    must(
        "Hi Freddy, I'm calling. We'll talk.",
        Kind::Person,
        &["Freddy"],
    );
    must(
        "They had 3: Matheus, Janet and Quorvina (2).",
        Kind::Person,
        &["Matheus", "Janet", "Quorvina"],
    );
    must(
        "Brian Fitzgerald, MSW, Social Worker II",
        Kind::Person,
        &["Brian Fitzgerald"],
    );
}

#[test]
fn every_written_form_of_a_name_shares_one_placeholder() {
    let s = scrubber();
    for (text, forms) in [
        ("Mary Roe was seen. ROE, MARY signed.", 3),
        (
            "TOBIAS QUINN HARLOW was seen. Tobias Harlow said. Harlow left.",
            3,
        ),
    ] {
        let out = s.redact(text, &mut Numbering::default()).output;
        assert_eq!(out.matches("[PERSON-1]").count(), forms, "{out}");
        assert!(!out.contains("[PERSON-2]"), "{out}");
    }
}

#[test]
fn issue_14_organisations_by_head_in_mixed_case() {
    must(
        "The claims administrator, Salinas Valley Third Party Administrators, Inc., submitted records.",
        Kind::Org,
        &["Salinas Valley Third Party Administrators, Inc."],
    );
    must(
        "The claims administrator, Harvest Moon Insurance Exchange, submitted records.",
        Kind::Org,
        &["Harvest Moon Insurance Exchange"],
    );
    must(
        "She works as a lettuce cutter at Central Valley Cannery now.",
        Kind::Org,
        &["Central Valley Cannery"],
    );
    must(
        "Applicant is a practicing Sikh who attends Wat Central Valley.",
        Kind::Org,
        &["Wat Central Valley"],
    );
    // A head alone, or generic words before it, name nothing.
    must("He was taken to the Hospital by ambulance.", Kind::Org, &[]);
    must(
        "She is seen at the Insurance Exchange office.",
        Kind::Org,
        &[],
    );
}

#[test]
fn issue_14_organisations_in_capitals_stop_at_clause_words() {
    must(
        "A 22-YEAR-OLD F SHEEP HERDER EMPLOYED BY GREEN ACRES ROOFING WHO PRESENTS FOR FOLLOW-UP.",
        Kind::Org,
        &["GREEN ACRES ROOFING"],
    );
    must(
        "THE APPLICANT IS A PRACTICING BAPTIST WHO ATTENDS WAT SUMMIT AND HE IDENTIFIES AS BAPTIST.",
        Kind::Org,
        &["WAT SUMMIT"],
    );
}

#[test]
fn issue_14_organisations_by_cue_in_lower_case() {
    must(
        "she works as a lettuce cutter at central valley cannery. she is well.",
        Kind::Org,
        &["central valley cannery"],
    );
    must(
        "he is insured by harvest moon insurance exchange under policy 3.",
        Kind::Org,
        &["harvest moon insurance exchange"],
    );
    must(
        "the claims administrator, high desert roofing & sons, submitted records.",
        Kind::Org,
        &["high desert roofing & sons"],
    );
    must(
        "chaplain from wat rio bravo visited, pt is muslim.",
        Kind::Org,
        &["wat rio bravo"],
    );
    must(
        "he was lifting a crate at westside poultry when he fell.",
        Kind::Org,
        &["westside poultry"],
    );
    // Must not: common words after a cue, ordinary phrases ending in a head.
    for text in [
        "he is employed by the state as a clerk.",
        "she attends therapy sessions every week.",
        "she works as a nurse at night and on weekends.",
        "he was seen for pain management at the county hospital.",
        "she was seen at the pain clinic for follow up.",
        "he is a member of the family council now.",
    ] {
        must(text, Kind::Org, &[]);
    }
}

#[test]
fn issue_14_places_by_cue_in_lower_case() {
    must(
        "she is married and has resided in fresno county since 2009.",
        Kind::Location,
        &["fresno"],
    );
    must(
        "she filed in the superior court of san joaquin county.",
        Kind::Location,
        &["san joaquin"],
    );
    must(
        "he is of zapotec origin, born in can tho, chiapas, and speaks only cebuano.",
        Kind::Location,
        &["can tho", "chiapas"],
    );
    must(
        "the father of the children lives in da nang with his wife.",
        Kind::Location,
        &["da nang"],
    );
    must(
        "Ms. Gosal moved to 23423 W. Hawthorne Ave, Apt 58, Pago Pago on July 10.",
        Kind::Location,
        &["23423 W. Hawthorne Ave, Apt 58", "Pago Pago"],
    );
    for text in [
        "he lives in fear of his father and his brother.",
        "she was born in 1970 and raised nearby.",
        "she was in pain at the time of the visit.",
        "she sought county services for the family.",
        "he lives in the county with his wife.",
    ] {
        must(text, Kind::Location, &[]);
    }
}

#[test]
fn issue_14_initials_written_together_join_the_name() {
    must(
        "February 9, 2012\n\nL.R. Perez\n13178 Main Street",
        Kind::Person,
        &["L.R. Perez"],
    );
    must(
        "* PR-2 report from M.G. Petrosyan dated 3-19-2023",
        Kind::Person,
        &["M.G. Petrosyan"],
    );
    // Not initials: a time before a name stays out of it.
    must(
        "Seen at 10 a.m. Perez reported pain.",
        Kind::Person,
        &["Perez"],
    );
}

#[test]
fn issue_14_names_of_counsel_lines_contact_rows_and_middle_initials() {
    must(
        "LAW OFFICES OF ELENA CHAIREZ AND KEONI C. SISSOKO FOR PLAINTIFF AND RESPONDENT.\n",
        Kind::Person,
        &["ELENA CHAIREZ", "KEONI C. SISSOKO"],
    );
    must(
        "Contacts: \nPetrosyan,Clayton,(209) 555-0180,partner\n",
        Kind::Person,
        &["Petrosyan", "Clayton"],
    );
    must(
        "Last: Choc\tFirst: Youa\tMid.: D\nBirthdate: none",
        Kind::Person,
        &["Choc", "Youa", "D"],
    );
    // Vocabulary before "for plaintiff" is no name.
    must(
        "Office of the County Counsel for Defendant and Respondent.\n",
        Kind::Person,
        &[],
    );
}

#[test]
fn issue_14_organisations_after_party_and_facility_cues_need_a_head() {
    must(
        "she was seen in the emergency department of central valley health clinic on the night of may 2.",
        Kind::Org,
        &["central valley health clinic"],
    );
    must(
        "the bill was sent.\ndefendant valle verde poultry was insured by them.",
        Kind::Org,
        &["valle verde poultry"],
    );
    // No head: a person after "defendant" is no organisation.
    must(
        "the bill was sent to them.\ndefendant maria lopez testified on her own behalf.",
        Kind::Org,
        &[],
    );
}

#[test]
fn issue_14_credentials_that_are_state_codes_stay_credentials_after_a_name() {
    for text in [
        "Signed: Robert Lane, PA\n",
        "Reviewed by Robert Lane, PA.",
        "Ms. Ann Cole, MS\n",
    ] {
        must(text, Kind::State, &[]);
    }
    // A city before the code is still an address.
    must("She lives in Hershey, PA.", Kind::State, &["PA"]);
}

#[test]
fn issue_14_eponyms_labels_and_agency_types_are_not_identifiers() {
    must(
        "A Swan-Ganz catheter was placed. Swan-Ganz removed.",
        Kind::Person,
        &[],
    );
    must(
        "Foley placed; Hoffmann negative; Norco per MTUS.",
        Kind::Person,
        &[],
    );
    // A form label is no place; its value is.
    must("City of Origin: Lima\n", Kind::Location, &[]);
    must(
        "The County of Orange paid.",
        Kind::Location,
        &["County of Orange"],
    );
    // A generic agency type is no organisation; a place's agency is one.
    for text in [
        "The CHILD WELFARE SERVICES office was notified.",
        "Child Welfare Services was notified.",
    ] {
        must(text, Kind::Org, &[]);
        must(text, Kind::Person, &[]);
    }
    // A place's agency is one organisation.
    must(
        "Los Angeles County Child Welfare Services filed a report.",
        Kind::Org,
        &["Los Angeles County Child Welfare Services"],
    );
    // A street address ending in a head is no organisation.
    must("She lives at 10001 Cherry Court.", Kind::Org, &[]);
    must(
        "the reviewer at maximus federal services upheld it. maximus wrote.",
        Kind::Person,
        &[],
    );
}

#[test]
fn issue_14_a_name_that_is_a_word_in_capitals_needs_a_name_beside_it() {
    let text = "REVIEWED BY: ROSE ALVAREZ, RN\nASSESSMENT: PAIN ROSE TO 8/10 AFTER LIFTING\nROSE ALVAREZ WILL CALL.";
    must(text, Kind::Person, &["ROSE ALVAREZ", "ROSE ALVAREZ"]);
    // In mixed case the mention mid-sentence is still the person.
    must(
        "Rose Alvarez attended. Later Rose said she was fine.",
        Kind::Person,
        &["Rose Alvarez", "Rose"],
    );
}

#[test]
fn issue_14_countries_are_places_even_when_they_are_surnames() {
    must(
        "Suite 727\nCharleroi\nGermany 42940\n",
        Kind::Location,
        &["Charleroi", "Germany"],
    );
    must(
        "Portugal is where she was born.",
        Kind::Location,
        &["Portugal"],
    );
    must(
        "She moved here from Czech Republic.",
        Kind::Location,
        &["Czech Republic"],
    );
    must(
        "A tribute to the Netherlands.",
        Kind::Location,
        &["Netherlands"],
    );
    // A country that is chiefly a given name needs a place cue.
    must("Jordan said he would call.", Kind::Location, &[]);
    must("He flew back to Jordan.", Kind::Location, &["Jordan"]);
}

#[test]
fn issue_14_organisations_split_at_a_second_head_and_define_acronyms() {
    must(
        "She went to Forrester Research and Nera Economic Consulting.",
        Kind::Org,
        &["Forrester Research", "Nera Economic Consulting"],
    );
    must(
        "Vidica Zakoc of Fernandez Inc., and others.",
        Kind::Org,
        &["Fernandez Inc."],
    );
    must(
        "The Court of Appeal affirmed. The Court held that the Respondent and the State erred. The High Court ruled.",
        Kind::Org,
        &[],
    );
    let s = scrubber();
    let text = "She worked for Sunrise Packing Company (SPC) until SPC closed.";
    let out = s.redact(text, &mut Numbering::default()).output;
    assert_eq!(
        out, "They worked for [ORG-1] ([ORG-1]) until [ORG-1] closed.",
        "{out}"
    );
    must(
        "Temporary Total Disability (TTD) was paid; TTD ended.",
        Kind::Org,
        &[],
    );
}

#[test]
fn issue_14_names_in_capitals_end_before_the_clause_and_skip_relatives() {
    let text = "PATIENT: MARIA ELENA LOPEZ\nMS. LOPEZ WORKS FOR SUNRISE PACKING COMPANY AS A SORTER.\nSHE LIVES WITH HER HUSBAND JOSE LOPEZ AND DAUGHTER ROSE IN FRESNO.\nTHE CHILD WELFARE OFFICE CALLED.";
    must(
        text,
        Kind::Person,
        &["MARIA ELENA LOPEZ", "LOPEZ", "JOSE LOPEZ", "ROSE"],
    );
    must(text, Kind::Org, &["SUNRISE PACKING COMPANY"]);
    // A title in capitals still takes a name that is also a word.
    must("SEEN BY DR. PRICE TODAY.", Kind::Person, &["PRICE"]);
}

#[test]
fn issue_14_word_names_are_names_only_where_they_name_someone_more() {
    for (text, names) in [
        ("Dr. Rose examined her.", &["Rose"][..]),
        ("Rose Alvarez attended.", &["Rose Alvarez"][..]),
        ("Ms. Hope stated she was fine.", &["Hope"][..]),
        ("Bill Young was present.", &["Bill Young"][..]),
        ("Patient reports the pain rose after lifting.", &[][..]),
        ("We hope she improves.", &[][..]),
        ("The price of the brace was high.", &[][..]),
        ("A young child was present.", &[][..]),
        ("She will return on June 3.", &[][..]),
        ("We bill the carrier. Please mark the box.", &[][..]),
        ("He drove a Ford truck to work.", &[][..]),
        (
            "PAIN ROSE AFTER WORK. WILL RETURN IN TWO WEEKS. HOPE FOR THE BEST.",
            &[][..],
        ),
    ] {
        must(text, Kind::Person, names);
    }
    must("She will return on June 3.", Kind::Date, &["June 3"]);
}
