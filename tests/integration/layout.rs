//! The layout stage through the real binary: values under identifying labels and
//! in identifying columns are redacted whatever their shape; labels, headers,
//! table rules and values that say nothing stay byte for byte.

use crate::util::casescrub;

fn redact(text: &str) -> String {
    let out = casescrub()
        .args(["redact", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every line of `out` keeps the structure of `input`'s line: the same text outside
/// placeholders (`keep` lists what must survive verbatim).
fn assert_kept(out: &str, keep: &[&str]) {
    for k in keep {
        assert!(out.contains(k), "{k:?} was changed in:\n{out}");
    }
}

fn assert_gone(out: &str, gone: &[&str]) {
    for g in gone {
        assert!(!out.contains(g), "{g:?} survived in:\n{out}");
    }
}

#[test]
fn a_household_table_loses_every_identifying_cell() {
    let text = "Household members:\n\
                | Name | Relation | Age | Sex | DOB |\n\
                |---|---|---|---|---|\n\
                | Itzel Quispe | Daughter | 4 | F | 02/11/2020 |\n\
                | Mateo Quispe | Son | 2 | M | 05/30/2022 |\n\
                | N/A | — | unknown | | |\n";
    let out = redact(text);
    assert_gone(
        &out,
        &[
            "Itzel",
            "Mateo",
            "Quispe",
            "02/11/2020",
            "05/30/2022",
            "| 4 |",
            "| 2 |",
            "| F |",
            "| M |",
        ],
    );
    assert_kept(
        &out,
        &[
            "Household members:\n| Name | Relation | Age | Sex | DOB |\n|---|---|---|---|---|\n",
            " | Daughter | ",
            " | Son | ",
            "| N/A | — | unknown | | |\n",
        ],
    );
    assert_eq!(out.lines().count(), text.lines().count());
}

#[test]
fn a_last_first_middle_form_loses_all_three() {
    let out = redact("Last: MORALES | First: TERESA | M.I.: L\n");
    assert_gone(&out, &["MORALES", "TERESA", ": L\n"]);
    assert!(out.starts_with("Last: [PERSON-"), "{out}");
    assert!(
        out.contains(" | First: [PERSON-") && out.contains(" | M.I.: [PERSON-"),
        "{out}"
    );
}

#[test]
fn a_dot_leader_header_keeps_its_leaders() {
    let out = redact(
        "Claimant ............ Ines Valdivia-Okoro\n\
         Date of Birth ....... 7/9/1979\n\
         Adjuster ............ Rowan Pettigrew\n",
    );
    assert_gone(
        &out,
        &[
            "Ines",
            "Valdivia",
            "Okoro",
            "7/9/1979",
            "Rowan",
            "Pettigrew",
        ],
    );
    assert_kept(
        &out,
        &[
            "Claimant ............ [PERSON-",
            "Date of Birth ....... [DATE-",
            "Adjuster ............ [PERSON-",
        ],
    );
}

#[test]
fn an_all_caps_re_block_is_redacted_and_one_person_keeps_one_placeholder() {
    let out = redact(
        "RE:   TERESA L. MORALES\nDOB:  03/14/1981\nCLAIM NO.: WC-88213\n\n\
         Last: MORALES | First: TERESA\n",
    );
    assert_gone(&out, &["TERESA", "MORALES", "03/14/1981", "88213"]);
    assert!(
        out.starts_with("RE:   [PERSON-1]\nDOB:  [DATE-1]\nCLAIM NO.: [ID-1]\n"),
        "{out}"
    );
    assert!(
        out.contains("Last: [PERSON-1] | First: [PERSON-1]"),
        "{out}"
    );
}

#[test]
fn label_words_in_prose_make_no_field() {
    let text = "The patient's name was given at intake. Case management notes follow.\n";
    assert_eq!(redact(text), text);
}

#[test]
fn ragged_and_huge_tables_do_not_panic() {
    // A header with no rows, ragged rows, a label with no value, a 1 MB single line.
    let mut text = String::from(
        "| Name | Age |\n\n| Ana Ruiz | 7 | extra | cells |\n| Bo |\nName:\nAge:   \n",
    );
    text.push_str(&"| Name ".repeat(150_000));
    text.push('\n');
    let out = redact(&text);
    assert_gone(&out, &["Ana Ruiz"]);
    // 100,000 rows under one header.
    let mut rows = String::from("Name\tAge\tSex\n");
    for i in 0..100_000 {
        rows.push_str(&format!("Pat{i} Quix\t{}\tF\n", i % 90));
    }
    let out = redact(&rows);
    assert_eq!(out.lines().count(), 100_001);
    assert!(out.starts_with("Name\tAge\tSex\n"), "header kept");
}

#[test]
fn header_cells_and_values_that_say_nothing_stay_whatever_rule_would_take_them() {
    // "Rel" is a name in the lexicons; N/A, NONE REPORTED and DECLINED sit where
    // an employer or an insurer would.
    let text = "CARRIER: N/A\n\
                INSURER: NONE REPORTED\n\
                EMPLOYER NAME: DECLINED\n\
                Employer:\tNone reported\n\n\
                Household:\n\
                Name                  Rel to Client   Yrs   Sex\n\
                Maria Lopez           Mother          34    F\n\n\
                TIME\tBP\tHR\tSPO2\tPAIN\n\
                0200\t128/67\t63\t95%\t10/10\n";
    let out = redact(text);
    assert_gone(&out, &["Maria", "Lopez", " 34 "]);
    assert_kept(
        &out,
        &[
            "CARRIER: N/A\n",
            "INSURER: NONE REPORTED\n",
            "EMPLOYER NAME: DECLINED\n",
            "Employer:\tNone reported\n",
            "Name                  Rel to Client   Yrs   Sex\n",
            "TIME\tBP\tHR\tSPO2\tPAIN\n0200\t128/67\t63\t95%\t10/10\n",
        ],
    );
}

#[test]
fn a_vital_signs_table_keeps_its_measurements_after_an_identifier_cue() {
    // "Case No." before would let a number/number rule take 128/67 as a docket.
    let text = "Case No. 12-44\n\
                TIME\tBP\tHR\tSPO2\tPAIN\n\
                0200\t128/67\t63\t95%\t10/10\n\
                1900\t107/70\t75\t94%\t6/10\n";
    let out = redact(text);
    assert_gone(&out, &["12-44"]);
    assert_kept(
        &out,
        &["TIME\tBP\tHR\tSPO2\tPAIN\n0200\t128/67\t63\t95%\t10/10\n1900\t107/70\t75\t94%\t6/10\n"],
    );
}

/// The input and its redaction side by side, for a snapshot.
fn before_after(text: &str) -> String {
    format!("--- input ---\n{text}--- output ---\n{}", redact(text))
}

/// Every line of `out` that is in `exact` is the input's line byte for byte.
fn assert_lines_kept(text: &str, out: &str, exact: &[usize]) {
    let (a, b): (Vec<&str>, Vec<&str>) = (text.lines().collect(), out.lines().collect());
    assert_eq!(a.len(), b.len(), "line count changed:\n{out}");
    for &i in exact {
        assert_eq!(a[i], b[i], "line {} changed:\n{out}", i + 1);
    }
}

#[test]
fn snapshot_household_tables_pipe_aligned_and_tab() {
    // Children's ages and sexes sit in the Age and Sex columns; a row with only
    // a name, a wrapped name and an empty tab cell keep their columns.
    let text = "HOUSEHOLD COMPOSITION\n\
                | Name | Relationship | Age | Sex | DOB |\n\
                |------|--------------|-----|-----|-----|\n\
                | Yesenia Tupac-Amaru | Mother | 31 | F | 04/02/1994 |\n\
                | Dario Tupac-Amaru | Son | 9 | M | 10/19/2016 |\n\
                | Luz Tupac-Amaru | Daughter | 6 | F | 03/03/2019 |\n\
                \n\
                Name                  Relationship     Age   Sex   DOB\n\
                --------------------  ---------------  ----  ----  ----------\n\
                Ofelia Braganza       Grandmother      67    F     01/15/1958\n\
                Teodoro Braganza\n\
                Marisol Quintanar-    Niece            12    F     08/08/2013\n\
                  Braganza\n\
                Amadeo Braganza       Grandson         3     M     02/27/2022\n\
                \n\
                Name\tRelationship\tAge\tSex\tDOB\n\
                Celestine Okafor\tSister\t\tF\t11/30/2001\n\
                Ikenna Okafor\tNephew\t4\tM\t\n";
    let out = redact(text);
    assert_gone(
        &out,
        &[
            "Yesenia",
            "Dario",
            "Luz ",
            "Tupac",
            "04/02/1994",
            "10/19/2016",
            "03/03/2019",
            "Ofelia",
            "Teodoro",
            "Marisol",
            "Quintanar",
            "Braganza",
            "Amadeo",
            "01/15/1958",
            "08/08/2013",
            "02/27/2022",
            "Celestine",
            "Ikenna",
            "Okafor",
            "11/30/2001",
            "| 31 |",
            "| 9 |",
            "| 6 |",
            "| F |",
            "| M |",
            " 67 ",
            " 12 ",
            " 3 ",
            "\t4\t",
            "\tF\t",
            "\tM\t",
        ],
    );
    assert_lines_kept(text, &out, &[0, 1, 2, 6, 7, 8, 14, 15]);
    for relation in [
        "Mother",
        "Son",
        "Daughter",
        "Grandmother",
        "Niece",
        "Grandson",
    ] {
        assert!(out.contains(relation), "{relation} kept:\n{out}");
    }
    insta::assert_snapshot!("layout-household", before_after(text));
}

#[test]
fn snapshot_last_first_middle_forms() {
    let text = "CLIENT INFORMATION\n\
                Last: ACHTERBERG | First: WILHELMINA | M.I.: Q\n\
                Last Name:  Nwachukwu-Baptiste     First Name:  Obiageli     MI:  R\n\
                Last\tFirst\tM.I.\n\
                Szczepanik\tBronislawa\tT\n\
                Sex: F | DOB: 12/01/1970 | Age: 55\n";
    let out = redact(text);
    assert_gone(
        &out,
        &[
            "ACHTERBERG",
            "WILHELMINA",
            ": Q\n",
            "Nwachukwu",
            "Baptiste",
            "Obiageli",
            ":  R\n",
            "Szczepanik",
            "Bronislawa",
            "\tT\n",
            "Sex: F",
            "12/01/1970",
            "Age: 55",
        ],
    );
    assert_lines_kept(text, &out, &[0, 3]);
    assert_kept(
        &out,
        &[
            "Last: [",
            " | First: [",
            " | M.I.: [",
            "Last Name:  [",
            "     First Name:  [",
            "     MI:  [",
        ],
    );
    insta::assert_snapshot!("layout-last-first-mi", before_after(text));
}

#[test]
fn snapshot_dot_leader_header_block() {
    let text = "DETERMINATION NOTICE\n\
                Injured Worker .......... Gunnar Ellingsworth\n\
                Claim Number ............ 4471-WC-20398\n\
                Date of Injury .......... 02/14/2024\n\
                Employer ................ Bluestem Orchard Cooperative\n\
                Claims Examiner ......... Priya Venkataraman\n\
                Phone ................... (559) 555-0142\n\
                Interpreter ............. N/A\n";
    let out = redact(text);
    assert_gone(
        &out,
        &[
            "Gunnar",
            "Ellingsworth",
            "20398",
            "Bluestem",
            "Priya",
            "Venkataraman",
            "555-0142",
        ],
    );
    assert_lines_kept(text, &out, &[0, 7]);
    for label in [
        "Injured Worker .......... [",
        "Claim Number ............ [",
        "Employer ................ [",
        "Claims Examiner ......... [",
        "Phone ................... [",
    ] {
        assert!(out.contains(label), "{label:?} kept:\n{out}");
    }
    insta::assert_snapshot!("layout-dot-leader", before_after(text));
}

#[test]
fn snapshot_all_caps_re_block() {
    let text = "RE:            HORTENSIA VILLASEÑOR-KLEIN\n\
                DOB:           06/22/1963\n\
                CLAIM NO.:     ADJ11873305\n\
                EMPLOYER:      SUNNYSLOPE PACKING LLC\n\
                CARRIER:       NONE REPORTED\n\
                DOI:           09/03/2023\n\
                \n\
                Dear Ms. Villaseñor-Klein:\n";
    let out = redact(text);
    assert_gone(
        &out,
        &[
            "HORTENSIA",
            "VILLASEÑOR",
            "KLEIN",
            "06/22/1963",
            "11873305",
            "SUNNYSLOPE",
            "Klein",
        ],
    );
    assert_lines_kept(text, &out, &[4, 6]);
    for label in [
        "RE:            [",
        "DOB:           [",
        "CLAIM NO.:     [",
        "EMPLOYER:      [",
    ] {
        assert!(out.contains(label), "{label:?} kept:\n{out}");
    }
    insta::assert_snapshot!("layout-re-block", before_after(text));
}
