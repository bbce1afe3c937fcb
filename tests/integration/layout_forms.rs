//! Field recall by form: more than thirty snippets in the layouts case files use
//! (intake forms, household tables, claim headers, court captions, contact lists,
//! signature blocks, `Label - value`, `Label = value`, `LABEL value` header lines,
//! two-column label/value layouts, labels in capitals, a value on the line under
//! its label). Each must lose every identifying value and keep its labels. The
//! names, numbers and places are made up.

use crate::util::casescrub;

/// One form: its text, the values that must go, the text that must stay.
struct Form {
    name: &'static str,
    text: &'static str,
    gone: &'static [&'static str],
    kept: &'static [&'static str],
}

const FORMS: &[Form] = &[
    Form {
        name: "intake form, colon fields two to a line",
        text: "INTAKE FORM\nClient Name: Zenobia Haverkamp          Date of Birth: 03/09/1988\nAddress: 4417 Larkspur Terrace, Apt 12, Visalia, CA 93277\nPhone: 559-555-0187          Primary Language: Tagalog\n",
        gone: &["Zenobia", "Haverkamp", "03/09/1988", "4417 Larkspur", "Visalia", "93277", "555-0187", "Tagalog"],
        kept: &["INTAKE FORM\nClient Name: ", "Date of Birth: ", "Address: ", "Phone: ", "Primary Language: "],
    },
    Form {
        name: "label - value",
        text: "Claimant - Rosalind Achebe-Moore\nDOB - 11/23/1975\nEmployer - Tidewater Cannery Inc.\n",
        gone: &["Rosalind", "Achebe", "11/23/1975", "Tidewater"],
        kept: &["Claimant - ", "DOB - ", "Employer - "],
    },
    Form {
        name: "label = value",
        text: "patient = Quillon Ashdown\nmrn = 00482913\nsex = M\n",
        gone: &["Quillon", "Ashdown", "00482913", "= M"],
        kept: &["patient = ", "mrn = ", "sex = "],
    },
    Form {
        name: "LABEL value header lines",
        text: "CLAIMANT BARNABY OYELARAN\nCLAIM 2291-88431\nEMPLOYER HALVORSEN FREIGHT\n\nThe claim was reviewed.\n",
        gone: &["BARNABY", "OYELARAN", "88431", "HALVORSEN"],
        kept: &["CLAIMANT ", "CLAIM ", "EMPLOYER ", "The claim was reviewed."],
    },
    Form {
        name: "value on the line under its label",
        text: "Patient Name:\nEudora Fairweather-Kaur\n\nDate of Birth:\n07/04/1949\n\nTreating Physician:\nDr. Anselm Ogunwale\n",
        gone: &["Eudora", "Fairweather", "07/04/1949", "Anselm", "Ogunwale"],
        kept: &["Patient Name:\n", "Date of Birth:\n", "Treating Physician:\n"],
    },
    Form {
        name: "two-column label/value layout",
        text: "Applicant                         Employer\nMarguerite Delacroix-Ubah         Pinecrest Nursing Center\n\nAdjuster                          Phone\nThaddeus Wroblewski               (916) 555-0133\n",
        gone: &["Marguerite", "Delacroix", "Pinecrest", "Thaddeus", "Wroblewski", "555-0133"],
        kept: &["Applicant                         Employer\n", "Adjuster                          Phone\n"],
    },
    Form {
        name: "key-value with labels in capitals and tabs",
        text: "NAME:\tFERDINAND OKONKWO-LINDQVIST\nSSN:\t***-**-4471\nCOUNTY:\tTulare\nCASE WORKER:\tHILDEGARD MBEKI\n",
        gone: &["FERDINAND", "OKONKWO", "4471", "Tulare", "HILDEGARD", "MBEKI"],
        kept: &["NAME:\t", "SSN:\t", "COUNTY:\t", "CASE WORKER:\t"],
    },
    Form {
        name: "claim header with pipes",
        text: "Claim #: WC-77120-B | Insured: Castellan Dairy Farms | Adjuster: Wendeline Hurtado\nDOI: 01/05/2024 | Body part: lumbar spine\n",
        gone: &["77120", "Castellan", "Wendeline", "Hurtado", "01/05/2024"],
        kept: &["Claim #: ", " | Insured: ", " | Adjuster: ", "DOI: ", "Body part: lumbar spine"],
    },
    Form {
        name: "court caption block",
        text: "SUPERIOR COURT OF CALIFORNIA\nCOUNTY OF MERCED\n\nOSWALDO PRZYBYLSKI,\n        Plaintiff and Respondent,\n    v.\nGOLDEN VALE ROOFING, INC.,\n        Defendant and Appellant.\n",
        gone: &["OSWALDO", "PRZYBYLSKI", "GOLDEN VALE"],
        kept: &["Plaintiff and Respondent,", "Defendant and Appellant.", "SUPERIOR COURT OF "],
    },
    Form {
        name: "contact list",
        text: "CONTACTS\n- Mother: Araceli Villanueva-Soto, 209-555-0119\n- Teacher: Mr. Florian Nakashima\n- Pediatrician: Dr. Ingrid Balasubramanian\n",
        gone: &["Araceli", "Villanueva", "555-0119", "Florian", "Nakashima", "Ingrid", "Balasubramanian"],
        kept: &["- Mother: ", "- Teacher: ", "- Pediatrician: "],
    },
    Form {
        name: "signature block",
        text: "Please call with questions.\n\nSincerely,\n\n/s/\nPERPETUA VANTERPOOL, LCSW\nProtective Services Worker\n",
        gone: &["PERPETUA", "VANTERPOOL"],
        kept: &["Sincerely,\n", ", LCSW\nProtective Services Worker\n"],
    },
    Form {
        name: "household aligned table without a rule",
        text: "Household Members\nName                 Relation      Age  Sex\nGwendolyn Abernathy  Mother        38   F\nCassius Abernathy    Son           11   M\nPhoebe Abernathy     Daughter      7    F\n",
        gone: &["Gwendolyn", "Abernathy", "Cassius", "Phoebe", " 38 ", " 11 ", " 7 "],
        kept: &["Name                 Relation      Age  Sex\n", "Mother", "Son", "Daughter"],
    },
    Form {
        name: "household table with a name-only row",
        text: "Name                 Relation      Age  Sex\nGwendolyn Abernathy  Mother        38   F\nLysander Abernathy\nPhoebe Abernathy     Daughter      7    F\n",
        gone: &["Gwendolyn", "Abernathy", "Lysander", "Phoebe", " 38 ", " 7 "],
        kept: &["Name                 Relation      Age  Sex\n"],
    },
    Form {
        name: "tab table with an empty cell",
        text: "Name\tAge\tSex\tSchool\nOrlaith Fenwick\t\tF\tJefferson Elementary\nRemy Fenwick\t5\tM\t\n",
        gone: &["Orlaith", "Fenwick", "Remy", "\t5\t", "Jefferson"],
        kept: &["Name\tAge\tSex\tSchool\n"],
    },
    Form {
        name: "multi-line header cell",
        text: "Name              Date of       Sex\n                  Birth\nSeraphina Obi     02/02/2015    F\nThorne Obi        06/30/2018    M\n",
        gone: &["Seraphina", "Obi", "Thorne", "02/02/2015", "06/30/2018"],
        kept: &["Name              Date of       Sex\n                  Birth\n"],
    },
    Form {
        name: "dot leaders",
        text: "Member ID ............ XQH448201937\nGroup Number ......... 77-30419\nSubscriber ........... Leopold Kjeldsen\n",
        gone: &["448201937", "30419", "Leopold", "Kjeldsen"],
        kept: &["Member ID ............ ", "Group Number ......... ", "Subscriber ........... "],
    },
    Form {
        name: "RE block mixed case",
        text: "Re: Ottoline Brannigan\nClaim No.: 5530-0912-WC\nDate of Injury: 08/17/2023\n",
        gone: &["Ottoline", "Brannigan", "5530-0912", "08/17/2023"],
        kept: &["Re: ", "Claim No.: ", "Date of Injury: "],
    },
    Form {
        name: "referral form with checkbox text",
        text: "Referral Source: Kern Valley Unified School District\nReferring Party: Ms. Lucinda Oberholzer (school counselor)\nReason for referral: attendance\n",
        gone: &["Kern Valley", "Lucinda", "Oberholzer"],
        kept: &["Referral Source: ", "Referring Party: ", "Reason for referral: attendance"],
    },
    Form {
        name: "medical record header",
        text: "PATIENT: CORNELIUS ADEYEMI-FROST    MRN: 7730218    DOB: 05/05/1957\nATTENDING: ROSAMUND ECHEVERRIA, MD    ROOM: 4W-12\n",
        gone: &["CORNELIUS", "ADEYEMI", "7730218", "05/05/1957", "ROSAMUND", "ECHEVERRIA"],
        kept: &["PATIENT: ", "MRN: ", "DOB: ", "ATTENDING: ", ", MD"],
    },
    Form {
        name: "workers' comp report header",
        text: "Applicant: Leocadia Fairbanks\nWCAB No.: ADJ10988271\nEmployer: Copperline Logistics\nInsurance Carrier: Redwood Mutual Indemnity\nDate of Exam: 03/12/2025\n",
        gone: &["Leocadia", "Fairbanks", "10988271", "Copperline", "Redwood Mutual", "03/12/2025"],
        kept: &["Applicant: ", "WCAB No.: ", "Employer: ", "Insurance Carrier: ", "Date of Exam: "],
    },
    Form {
        name: "social services note header",
        text: "Case Name: WOJCIECHOWSKI, ANNELIESE\nCase Number: 19-004471-DP\nSocial Worker: Benedikt Osei\nUnit: Emergency Response\n",
        gone: &["WOJCIECHOWSKI", "ANNELIESE", "004471", "Benedikt", "Osei"],
        kept: &["Case Name: ", "Case Number: ", "Social Worker: ", "Unit: "],
    },
    Form {
        name: "emergency contact block",
        text: "Emergency Contact: Ignatius Marchetti\nRelationship: Brother\nContact Phone: 831.555.0164\n",
        gone: &["Ignatius", "Marchetti", "555.0164"],
        kept: &["Emergency Contact: ", "Relationship: Brother", "Contact Phone: "],
    },
    Form {
        name: "pipe row of label | value pairs",
        text: "Last | HOLLINGWORTH | First | EVANGELINE | DOB | 09/09/1999\n",
        gone: &["HOLLINGWORTH", "EVANGELINE", "09/09/1999"],
        kept: &["Last | ", " | First | ", " | DOB | "],
    },
    Form {
        name: "composite label",
        text: "Name / Age / Sex: Octavia Lindgren / 44 / F\n",
        gone: &["Octavia", "Lindgren", "/ 44 /", "/ F"],
        kept: &["Name / Age / Sex: "],
    },
    Form {
        name: "lower-case labels",
        text: "name: jasper thistlewood\ndob: 4/4/1990\nphone: 707 555 0110\n",
        gone: &["jasper", "thistlewood", "4/4/1990", "555 0110"],
        kept: &["name: ", "dob: ", "phone: "],
    },
    Form {
        name: "school and employer fields",
        text: "School: Lincoln Heights Middle School\nGrade: 7\nEmployer: Marisco's Seafood Grill\nOccupation: line cook\n",
        gone: &["Lincoln Heights", "Marisco", "line cook"],
        kept: &["School: ", "Grade: 7", "Employer: ", "Occupation: "],
    },
    Form {
        name: "demographics",
        text: "Race: Samoan\nEthnicity: Pacific Islander\nReligion: Jehovah's Witness\nMarital Status: Widowed\n",
        gone: &["Samoan", "Jehovah"],
        kept: &["Race: ", "Ethnicity: ", "Religion: ", "Marital Status: "],
    },
    Form {
        name: "values that say nothing stay",
        text: "Attorney: None\nInterpreter: N/A\nAlias: unknown\nSpouse: —\n",
        gone: &[],
        kept: &["Attorney: None\nInterpreter: N/A\nAlias: unknown\nSpouse: —\n"],
    },
    Form {
        name: "labels with the value after several spaces",
        text: "Claimant        Aurelio Montgomery-Baez\nDOB             12/12/1982\nClaim           WC-448812\n",
        gone: &["Aurelio", "Montgomery", "12/12/1982", "448812"],
        kept: &["Claimant        ", "DOB             ", "Claim           "],
    },
    Form {
        name: "judge and counsel block",
        text: "Judge: Hon. Cordelia Ramaswamy\nCounsel for Petitioner: Evander Sokolowski\nCounsel for Respondent: Marisela Dunmore\n",
        gone: &["Cordelia", "Ramaswamy", "Evander", "Sokolowski", "Marisela", "Dunmore"],
        kept: &["Judge: ", "Counsel for Petitioner: ", "Counsel for Respondent: "],
    },
    Form {
        name: "address fields split",
        text: "Street: 902 Quarry Hollow Rd\nCity: Ukiah\nState: CA\nZip: 95482\n",
        gone: &["902 Quarry", "Ukiah", "95482"],
        kept: &["Street: ", "City: ", "State: ", "Zip: "],
    },
    Form {
        name: "clinical note header with provider",
        text: "PROGRESS NOTE\nPt: Harriet Ozturk-Blaine   Age: 72   Sex: F\nProvider: Caspian Merriweather, NP\n",
        gone: &["Harriet", "Ozturk", "72", "Sex: F", "Caspian", "Merriweather"],
        kept: &["PROGRESS NOTE\nPt: ", "Age: ", "Sex: ", "Provider: ", ", NP"],
    },
    Form {
        name: "CSV rows in text",
        text: "Name,Age,Sex,Phone\nAmbrose Tillinghast,61,M,530-555-0171\nEstelle Tillinghast,58,F,530-555-0172\n",
        gone: &["Ambrose", "Tillinghast", "Estelle", ",61,", ",58,", "555-0171", "555-0172"],
        kept: &["Name,Age,Sex,Phone\n"],
    },
];

#[test]
fn every_form_loses_its_identifiers_and_keeps_its_labels() {
    let mut failures = Vec::new();
    for form in FORMS {
        let out = casescrub()
            .args(["redact", "-"])
            .write_stdin(form.text)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", form.name);
        let out = String::from_utf8(out.stdout).expect("UTF-8");
        let leaked: Vec<_> = form.gone.iter().filter(|g| out.contains(*g)).collect();
        let changed: Vec<_> = form.kept.iter().filter(|k| !out.contains(*k)).collect();
        if !leaked.is_empty() || !changed.is_empty() {
            failures.push(format!(
                "{}: leaked {leaked:?}, changed {changed:?}\n{out}",
                form.name
            ));
        }
    }
    assert!(FORMS.len() >= 30);
    assert!(
        failures.is_empty(),
        "{} of {} forms:\n{}",
        failures.len(),
        FORMS.len(),
        failures.join("\n")
    );
}
