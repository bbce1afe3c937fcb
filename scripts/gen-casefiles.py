#!/usr/bin/env python3
"""Combinatorial case-file generator with gold spans (casescrub issue 13, harness part).

    scripts/gen-casefiles.py --seed N -o OUT.jsonl [--docs K] [--stats]

Writes K documents (default 250) as JSON Lines in the shared gold format
(`{"id", "text", "spans": [{"start", "end", "kind", "identifier_type", "source_kind",
"container", "genre"}]}`), `start`/`end` BYTE offsets into the UTF-8 text. The
scorer ignores the extra `container` and `genre` keys; `scripts/eval-all
--by-container SET` reads them. Python 3 standard library only; the output is a pure
function of the seed (`random.Random(seed)`, no clock, no environment).

What it crosses
- Five genres: IMR determination letters, workers' comp PR-2 progress reports, court
  and appeal summaries, social-services case notes, clinical nursing/progress notes.
- Containers (the `container` key of each span): prose sentences, `Label: value`
  fields (field_colon), several fields on one `|` line (field_pipe), dot-leader fields
  (field_dots), `Label<TAB>value` (field_tab), two fields per space-aligned line
  (field_aligned), UPPER header blocks with or without colons (`RE:` / `CLAIMANT:`,
  header_block), address blocks, household / contact / visit / contact-log tables and
  two-column Field|Value tables in six layouts (pipe with a `|---|` rule, with an edged
  rule, without a rule, tab-separated, space-aligned, CSV; table_* and kv_*), CSV-like
  rows inside a narrative (csv_inline), `Last: | First: | M.I.:` forms
  (form_last_first), signature blocks, lists of household members and of records
  reviewed, parentheses after a child's name (paren), court captions, panels and
  counsel lines, timed clinical entries; vitals and medication tables hold traps only.
- Case styles Title (as written) / UPPER / lower per document or per section, and
  Capitalized Words for some field sections (`Marital Status: Legally Separated`).
- Identifier forms of every kind (PERSON, DATE, AGE, STATE, LOCATION, ORG, PHONE,
  EMAIL, SSN, ID, GENDER, ETHNICITY, NATIONALITY, LANGUAGE, OCCUPATION, RELIGION,
  MARITAL) and traps left unannotated (pain scores, vertebral levels, doses, blood
  pressure, ventilator settings, ICD/CPT codes, percentages, credentials, eponyms,
  name-like words, MTUS/ACOEM, "the OR", "OK"), plus sections and whole documents
  with no identifier at all and fields whose value says nothing (`N/A`, `unknown`,
  `see above`, empty), left unannotated.

Annotation follows /work/shared/eval/README.md: spans hold only the identifying text
(the span of a planted value is the value with surrounding whitespace and
`. , ; : ( ) ' "` trimmed); "Dr. " and credentials stay outside PERSON; "Ms"/"Mr"
(without the period) is GENDER; "54" in "54-year-old" is AGE; "Kern" in "Kern County"
is LOCATION; "Lopez, Maria" is two PERSON spans; pronouns are GENDER; kinship nouns,
the generic "He/she"/"his/her", times of day and case-law party names are NO_MASK.
identifier_type is DIRECT for PERSON, PHONE, EMAIL, SSN, ID and street lines and
QUASI otherwise.

Generalization, not memory: the held-out split
Every pool -- given names, surnames, employers, insurers, schools, churches, streets,
street types, unit forms, cities, counties, states, countries, languages, ethnicities,
nationalities, occupations, religions, marital statuses, traps, sentence templates,
label spellings, table headers and layouts, date formats -- is split into two disjoint halves by a
stable hash of the item (MD5 of its case-folded, accent-stripped text; the low bit
picks the half; a pool of fewer than 12 items -- label spellings, table layouts -- is
split by alternating over the hash order instead, so both halves get as many). Odd seeds draw only from half A, even seeds
only from half B. The containers themselves (the code that lays out a field, a table,
a caption) are a shared core used by both halves. So seed 2 (held out) shows names,
templates and label spellings that seed 1 never shows, and tuning on seed 1 cannot
memorize seed 2. Because the split hashes the text of an item, a name string falls in
the same half whichever pool it is in, so the two seeds share no person name.

`--stats` prints span counts per kind, per container and per genre, and the share of
planted given names and surnames that are absent from the repository's word lists
(patterns/words/{first-names,first-names-extra,surnames,surnames-extra}.txt).
"""
import argparse
import collections
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIRECT = {"PERSON", "PHONE", "EMAIL", "URL", "IP", "SSN", "ID"}
TRIM = " \t\r\n.,;:()'\""


# ---------------------------------------------------------------------------
# The split


def norm(s):
    """Case-folded, accent-stripped text: the key a pool item is hashed by."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _h(item):
    return hashlib.md5(norm(item).encode("utf-8")).digest()


SMALL_POOL = 12


def split(pool, half):
    """The items of `pool` in `half` (0 = A, 1 = B), order kept, never empty."""
    pool = list(dict.fromkeys(pool))
    keys = list(dict.fromkeys(norm(x) for x in pool))  # spellings that differ in case only go together
    mine = [k for k in keys if _h(k)[0] & 1 == half]
    if len(keys) >= SMALL_POOL and 0 < len(mine) < len(keys):
        chosen = set(mine)
    else:
        order = sorted(keys, key=_h)
        chosen = set(order[half::2]) or set(order)
    return [x for x in pool if norm(x) in chosen]


# ---------------------------------------------------------------------------
# Pools (own text; split at start-up)

GIVEN_F = """
María Guadalupe Yesenia Maricela Itzel Xiomara Araceli Nayeli Rocío Marisol Leticia Esperanza
Dulce Anahí Yadira Graciela Socorro Belén Lizbeth Jazmín Citlali Xóchitl Yatziri Itandehui
Ameyali Ixchel Xilonen Maricel Jocelyn Rowena Lorna Marites Analyn Jennylyn Rhodora Divina
Lualhati Thuy Huong Ngoc Anh Phuong Hanh Linh Trang Thi Mai Pa Nhia Mai Yer Kia Nou Youa Pang
Chia Mee Sheng Malia Losa Leilani Mele Lagi Alofa Pualani Anahit Gayane Lusine Armine Siranush
Nare Tatevik Gurpreet Manpreet Jaswinder Simranjit Kulwinder Harpreet Ravneet Adaeze Chiamaka
Ngozi Folasade Abena Akosua Aminata Fatoumata Temitope Adwoa Heather Brittany Kristen Shelby
Tammy Darlene Lacey Hope Rose June Noemí Eréndira Paulina Zenaida Catalina Ofelia Teodora
Tuyet Kieu Nhung Yer Chue Seini Ana Lupe Mahina Hasmik Ani Sukhjit Navneet Ifeoma Nneka Efua
Mariam Oumou Dawn Misty Krystal Aracely Yuridia Rubí
""".split()
GIVEN_F += """Patricia Veronica Gabriela Alejandra Angelica Monica Sandra Jessica Elena Carmen Teresa Rosa
Jennifer Amanda Linda Susan Karen Sarah Cristina Lourdes Silvia Norma Gloria Irma""".split()
GIVEN_F += ["Ngoc Anh", "Thi Mai", "Pa Nhia", "Mai Yer", "Mary Jo", "Ana Luisa"]
GIVEN_F = [x for x in GIVEN_F if x not in ("Ngoc", "Anh", "Thi", "Pa", "Nhia", "Yer")]

GIVEN_M = """
José Mateo Rigoberto Ezequiel Heriberto Eleuterio Nicanor Fidencio Santiago Joaquín Alfredo
Ulises Efraín Baltazar Isidro Jesús Abundio Crescencio Wenceslao Tonatiuh Cuauhtémoc Tlacaelel
Tenoch Yolotl Ronaldo Rodel Arnel Romeo Reynaldo Danilo Jericho Efren Tuan Minh Quang Duc Hieu
Khoa Thanh Bao Vinh Tou Cher Lue Neng Xai Pao Fue Teng Koua Sione Tevita Keoni Kalani Siaosi
Fetu Tavita Makana Hovik Aram Vardan Gevorg Tigran Ashot Hayk Narek Arsen Sevak Harjinder
Baljit Navdeep Amandeep Rajvinder Sukhwinder Paramjit Jaspal Oluwaseun Chukwuemeka Babatunde
Kwame Kofi Ousmane Mamadou Ikechukwu Yaw Ebuka Travis Dale Cody Garrett Brent Dwayne Clayton
Rusty Wyatt Bill Will Mark Eusebio Anselmo Porfirio Gumaro Higinio Lauro Servando Ismael
Dat Phuc Nhat Chong Vue Tomasi Viliami Semisi Armen Garnik Levon Kuldeep Gurdeep Emeka Chidi
Kojo Seydou Boubacar Dusty Jory Beau
""".split()
GIVEN_M += """Carlos Luis Miguel Jorge Francisco Antonio Pedro Manuel Roberto Ricardo Daniel Michael James
Robert David Thomas Raul Sergio Arturo Fernando Victor Hector Javier Oscar""".split()
GIVEN_M += ["Juan Carlos", "José Luis", "Jun Rey", "Van Thanh", "Billy Ray"]

SURNAMES = """
López Hernández Ramírez Villaseñor Zúñiga Peña Ochoa Barajas Cisneros Montaño Arredondo
Valenzuela Tapia Quintero Bautista Sandoval Ayala Solórzano Echeverría Altamirano Covarrubias
Galindo Núñez Tzul Ixcoy Xicará Chiquín Tzunún Ajanel Quiej Cumes Sical Batz Choc Caal Tiul
Macaraeg Dimaculangan Pangilinan Villanueva Magbanua Manalo Dumlao Tolentino Sumangil
Panganiban Lacson Batungbakal Macapagal Ilagan Dizon Gatdula Nguyen Tran Pham Hoang Huynh Phan
Vo Dang Bui Ngo Duong Truong Dinh Trinh Vang Xiong Thao Lor Moua Her Khang Vue Kue Yaj Thoj
Xyooj Tuilagi Faleolo Tupou Taufa Leota Fonoti Sapolu Kealoha Kahananui Tafuna Aumua
Lealaiauloto Fifita Vaipulu Hovhannisyan Khachatryan Petrosyan Sargsyan Grigoryan Avetisyan
Mkrtchyan Ghazaryan Babayan Hakobyan Karapetian Simonian Manukyan Sandhu Dhillon Grewal Sidhu
Brar Bains Randhawa Cheema Sekhon Toor Johal Atwal Dhaliwal Virk Hundal Okonkwo Adeyemi Mensah
Boateng Diallo Traoré Nwosu Adebayo Owusu Asante Ogunleye Nnamdi Danjuma Keita Coulibaly Adjei
Whitfield Prescott Hollingsworth Ashby McAllister Pruitt Bradshaw Kimball Holloway Thibodeaux
Garber Lindqvist Pemberton Cartwright Rutledge Sorensen Velásquez Ybarra Zepeda Olivares
Chairez Mondragón Lozoya Tlatelpa Cuevas Alcántar Huerta Gaytán Ledesma Ocampo Salcedo
Tagalog Mercado Buenaventura Calimlim Pascua Lagman Sibal Vuong Quach Luong Mua Chue Tauiliili
Fualaau Mahe Petelo Der Bedrossian Ter-Petrosyan Abrahamyan Gasparyan Grewal Gosal Kandola
Okoye Ezeh Onyekachi Agyeman Ofori Sissoko Farrow Stinnett Pettibone Wadsworth Ellsworth
""".split()
SURNAMES = [x for x in SURNAMES if x not in ("Tagalog", "Der", "Bedrossian", "Chue")]
SURNAMES += """Garcia Martinez Rodriguez Gonzalez Perez Sanchez Rivera Torres Flores Gomez Diaz Reyes
Morales Cruz Ortiz Castillo Ramos Smith Johnson Miller Davis Wilson Anderson Santos Mendoza Aguilar
Medina Vargas Guzman Herrera""".split()
SURNAMES += ["De la Cruz", "Dela Cruz", "García-Ochoa", "Martínez-O'Brien", "Van der Berg",
             "Del Toro", "Mendoza y Ruiz", "Der Bedrossian", "Ter-Petrosyan", "St. Clair",
             "Ruiz-Tzul", "Nguyen-Whitfield", "Kaur-Sandhu", "Fa'alogo", "Salave'a",
             "Mata'utia", "O'Donnell", "Santos-Macaraeg", "Reyes Villanueva", "Pérez de León"]
MIDDLE = list("ABCDEFGHJKLMNPRSTVWY")

STREET_NAMES = """
Willow Creek|Sombra|Hidalgo|Juárez|Los Robles|Oak Knoll|Sequoia|Alder|Cedar Glen|Manzanita|
Las Palmas|Del Sol|Pinecrest|Magnolia|Orchard|Vineyard|Almond Grove|Canal|Rancho Vista|Buena Vista|
Morelos|Reforma|Zaragoza|Independencia|Olive|Walnut|Sycamore|Harvest|Packard|Mission Bell|
Lemon Tree|Cottonwood|Tule|Granada|Valle Verde|Mesquite|Pioneer|Acacia|Ponderosa|Jacaranda|
Sierra Madre|Cherry Blossom|Poppy|Ridgecrest|Foothill|Sunnyside|Railroad|Elm|Birch|Hawthorne
""".replace("\n", "").split("|")
STREET_TYPES = ["Road", "Rd.", "Street", "St.", "Avenue", "Ave", "Drive", "Dr.", "Lane", "Ln",
                "Court", "Ct.", "Way", "Boulevard", "Blvd.", "Circle", "Place"]
SPANISH_TYPES = ["Calle", "Avenida", "Camino", "Via", "Paseo", "Callejón", "Privada"]
DIRS = ["N.", "S.", "E.", "W.", "North", "South", "East", "West", "NW"]
UNITS = ["Apt {n}", "Apt. {n}{l}", "#{n}", "Unit {n}", "Space {n}", "Ste {n}", "Apartment {n}{l}",
         "Trlr {n}", "Lot {n}", "Bldg {l}, Apt {n}"]

CITIES_CA = """
Salinas|Bakersfield|Fresno|Modesto|Visalia|Delano|Arvin|Lamont|Huron|Mendota|Firebaugh|
Orange Cove|Reedley|Parlier|Sanger|Porterville|Lindsay|Woodlake|Dinuba|Selma|Kerman|Coalinga|
Avenal|Wasco|Shafter|McFarland|Oxnard|Santa Paula|Fillmore|Watsonville|Castroville|Gonzales|
Soledad|Greenfield|King City|Hollister|Gilroy|Merced|Livingston|Atwater|Los Banos|Dos Palos|
Turlock|Ceres|Patterson|Stockton|Lodi|Manteca|Tracy|Woodland|Yuba City|Marysville|Calexico|
El Centro|Brawley|Coachella|Indio|Thermal|Mecca|Blythe|Santa Maria|Guadalupe|Lompoc|Ventura|
Hanford|Lemoore|Corcoran|Tulare|Exeter|Farmersville|Earlimart|Pixley|Richgrove|Tehachapi|
Chowchilla|Madera|Winton|Planada|Le Grand|Ripon|Escalon|Oakdale|Riverbank|Newman
""".replace("\n", "").split("|")
CITIES_OTHER = """
Juxtlahuaca|Tlaxiaco|San Juan Copala|Huajuapan de León|Putla|Zacatepec|Teotitlán del Valle|
Totontepec|Guelatao|Momostenango|Totonicapán|Huehuetenango|Quetzaltenango|Sololá|Dagupan|
Batangas|Laoag|Vigan|Cabanatuan|Tuguegarao|Da Nang|Hue|Can Tho|Nha Trang|Vientiane|Luang Prabang|
Gyumri|Vanadzor|Abovyan|Jalandhar|Ludhiana|Amritsar|Moga|Enugu|Ibadan|Onitsha|Kumasi|Tamale|
Apia|Nuku'alofa|Pago Pago|Hagåtña|Phoenix|Yuma|Reno|Medford|Yakima|Pasco|El Paso|Laredo
""".replace("\n", "").split("|")
COUNTIES = """Kern|Tulare|Fresno|Monterey|Stanislaus|Merced|Kings|Madera|Imperial|Yolo|San Joaquin|
Santa Cruz|Riverside|San Bernardino|Ventura|Sonoma|Napa|Butte|Sutter|Yuba|Santa Barbara|
San Benito|Colusa|Glenn|Tehama|Mendocino|Lake|Placer|Sacramento|Solano
""".replace("\n", "").split("|")
STATES = ["California", "CA", "Calif.", "Oregon", "Arizona", "AZ", "Nevada", "NV", "Washington",
          "WA", "Texas", "TX", "Idaho", "ID", "New Mexico", "NM", "Utah", "Colorado", "Illinois"]
ADDRESS_ONLY_STATES = ["OR", "IN", "MD", "PA", "ME", "OK"]
MX_STATES = ["Oaxaca", "Guerrero", "Michoacán", "Jalisco", "Puebla", "Zacatecas", "Chiapas",
             "Guanajuato", "Veracruz", "Baja California Sur"]
COUNTRIES = ["Mexico", "México", "Guatemala", "El Salvador", "Honduras", "the Philippines",
             "Vietnam", "Laos", "Thailand", "Armenia", "India", "Nigeria", "Ghana", "Mali",
             "Senegal", "Samoa", "American Samoa", "Tonga", "Fiji", "Guam", "Nicaragua", "Iran"]

ORG_STEMS = """
Valle Verde|Sunrise|Golden State|Pacific Crest|Sierra Vista|Blue Oak|Harvest Moon|San Joaquin|
Central Valley|Salinas Valley|Pajaro|Three Rivers|Twin Palms|Del Rey|Coastal|Mid-State|Tri-County|
Westside|Kings River|Tule River|High Desert|Orchard View|Green Acres|Red Barn|Desert Sun|Bright Star|
Silver Creek|Redwood|Bay Area|Sequoia|Summit|Delta|Canyon|Mesa|Lone Pine|Cypress|Fairview|Rio Bravo
""".replace("\n", "").split("|")
EMP_TYPES = ["Farms", "Farms, Inc.", "Packing, Inc.", "Packing Co.", "Bakery", "Dairy", "Drywall LLC",
             "Roofing & Sons", "Nursery", "Cold Storage", "Harvesting LLC", "Produce Co.", "Foods, Inc.",
             "Vineyards", "Growers Cooperative", "Poultry", "Logistics LLC", "Home Care Services",
             "Janitorial, Inc.", "Construction", "Meat Company", "Cannery", "Ag Labor Services",
             "Landscaping", "Hospitality Group", "Trucking"]
SURNAME_EMP = ["& Sons", "Brothers Farms", "Family Dairy", "Tortilleria", "Panadería", "Ranch",
               "and Daughters Produce"]
INS_TYPES = ["Mutual Insurance Company", "Casualty", "Insurance Exchange", "Indemnity Co.",
             "Risk Management Authority", "Claims Services", "Compensation Insurance Fund",
             "Fire & Casualty", "Assurance Group", "Third Party Administrators, Inc."]
SCHOOL_TYPES = ["Elementary School", "Middle School", "High School", "Unified School District",
                "Head Start", "Adult School", "Community College", "Preschool"]
HOSP_TYPES = ["Regional Medical Center", "Community Hospital", "Memorial Hospital", "Medical Group",
              "Health Clinic", "Orthopedic Associates", "Family Health Center", "Pain Management Institute"]
SAINTS = ["Anne", "Jude", "Francis", "Mary", "Joseph", "Agnes", "Rose of Lima", "Martin de Porres",
          "Vincent", "Teresa", "Gregory the Illuminator", "Sarkis", "Lorenzo Ruiz", "Toribio"]
CHURCHES = ["St. {s} Catholic Church", "Iglesia {st}", "{st} Baptist Church", "Gurdwara Sahib of {c}",
            "St. {s} Armenian Apostolic Church", "{st} Kingdom Hall", "Wat {st}", "{st} Assembly of God",
            "Iglesia Pentecostal {st}", "{st} Seventh-day Adventist Church", "Masjid {st}",
            "Our Lady of {m} Parish", "Our Lady of {m} Church"]
MARIAN = ["Guadalupe", "Lourdes", "Perpetual Help", "Sorrows", "Fatima", "the Assumption", "Mount Carmel",
          "San Juan de los Lagos", "Antipolo", "La Vang"]

LANGS = ["Spanish", "Tagalog", "Ilocano", "Vietnamese", "Hmong", "Samoan", "Tongan", "Armenian",
         "Western Armenian", "Punjabi", "Yoruba", "Igbo", "Twi", "Wolof", "Zapotec", "Triqui",
         "Mixteco", "Mixtec", "K'iche'", "Mam", "Q'anjob'al", "Nahuatl", "Purépecha", "Chatino",
         "American Sign Language", "ASL", "Mexican Sign Language", "Cantonese", "Lao", "Khmer",
         "Fulani", "Bambara", "Cebuano", "Chamorro", "Farsi", "Hindi", "Akateko", "Tzotzil",
         "Otomí", "Amuzgo"]
ETHNICITIES = ["Hispanic", "Latina", "Latino", "Latinx", "Mexican-American", "Chicana", "Hmong",
               "Filipino-American", "Mixtec", "Zapotec", "Triqui", "Maya", "Black",
               "African American", "White", "Caucasian", "Pacific Islander", "Samoan",
               "Native Hawaiian", "Asian", "Southeast Asian", "Punjabi", "Afro-Latino",
               "Indigenous Mexican", "Purépecha", "Chamorro", "Igbo", "Akan"]
NATIONALITIES = ["Mexican", "Guatemalan", "Salvadoran", "Honduran", "Filipino", "Vietnamese",
                 "Laotian", "Armenian", "Indian", "Nigerian", "Ghanaian", "Malian", "Senegalese",
                 "Samoan", "Tongan", "Fijian", "Nicaraguan", "Iranian", "Thai", "Canadian", "Spanish",
                 "Peruvian", "Cambodian"]
OCCUPATIONS = ["lettuce cutter", "home health aide", "retired bus driver", "grape picker",
               "forklift operator", "dairy milker", "warehouse associate", "certified nursing assistant",
               "tractor driver", "line cook", "packing house sorter", "roofer", "drywall installer",
               "janitor", "truck driver", "crew foreman", "irrigator", "almond shaker operator",
               "hotel housekeeper", "meat cutter", "school bus driver", "preschool teacher",
               "security guard", "IHSS caregiver", "strawberry picker", "nursery worker",
               "poultry processor", "cannery worker", "welder", "machine operator", "field packer",
               "asparagus cutter", "tree pruner", "dishwasher", "landscaper", "farm labor contractor",
               "cashier", "fruit sorter", "medical assistant", "electrician's helper", "carpenter",
               "sheep herder", "citrus picker", "box maker", "retired farmworker", "produce loader"]
RELIGIONS = ["Catholic", "Roman Catholic", "Jehovah's Witness", "Pentecostal", "Sikh", "Buddhist",
             "Muslim", "Evangelical Christian", "Seventh-day Adventist", "Armenian Apostolic",
             "Baptist", "Latter-day Saint", "Hindu", "Methodist", "Hmong animist", "Mormon",
             "Apostolic", "Orthodox Christian", "Protestant", "Episcopalian"]
MARITALS = ["married", "divorced", "separated", "legally separated", "widowed", "single",
            "never married", "cohabiting", "in a domestic partnership", "remarried", "unmarried"]

TRAPS = [
    "Pain is 5/10 today, down from 8/10.", "Pain rated 7/10 at worst.", "MRI shows disc bulge at C5-6.",
    "Facet blocks at L4-5 and L5-S1 were reviewed.", "Norco 10/325 mg one tab q6h prn.",
    "BP 128/76, HR 88, RR 16.", "Vent settings PSV 10/5, FiO2 40%.", "Strength 4/5 in the right grip.",
    "Diagnosis: M54.2 cervicalgia; S13.4XXA sprain.", "CPT 64493 was requested.",
    "HR in the 90s overnight.", "Spurling test negative; Tinel and Phalen positive.",
    "Hoffmann sign absent.", "Foley catheter removed.", "Swan-Ganz catheter in place.",
    "The request is not medically necessary per MTUS and ACOEM guidelines.",
    "Patient was taken to the OR without incident.", "OK to drive per PT.",
    "Grip 24/67/35 kg.", "Percent relief reported: 60%.", "Gabapentin 300 mg TID.",
    "Ibuprofen 800 mg, 1/2 tab at bedtime.", "Range of motion is 75% of normal.",
    "ICD-10 G56.01, M75.101.", "Reviewed by PA-C and RN.", "Hope is to return to work soon.",
    "Will continue home exercise program.", "May return to modified duty.",
    "Pain rose after lifting.", "The bill was sent to the carrier.", "Mark the date on the calendar.",
    "Consider ODG for duration.", "Temp 98.6 F, SpO2 97% on RA.", "D5 1/2 NS at 75 mL/hr.",
    "Tramadol 50 mg BID; Tizanidine 4 mg qhs.", "MS history, no flare.", "Labor Code section 4610.5 applies.",
    "Per 8 CCR 9792.24.2 the guideline was applied.", "Lidocaine 5% patch 12 hours on, 12 off.",
    "A 6-8 week trial of therapy is supported.", "Patient reports 9-10 months relief.",
    "Phalen's test positive at 30 seconds.", "T10 paraspinal tenderness.", "Glucose 142 mg/dL.",
]
TRAPS_LOWER = ["pt ok, resting.", "pain 6/10 at rest.", "vss.", "hr in the 80s.", "bp 132/84.",
               "prn norco 5/325 given.", "peep 5, psv 10/5.", "foley draining clear.", "ngt to lcs.",
               "i/o 1200/950.", "ivf at 100 ml/hr.", "a&ox3.", "call light in reach.", "mae x4."]


def gather():
    """Every pool as (name -> list); split per half in `Pools`."""
    return {
        "given_f": GIVEN_F, "given_m": GIVEN_M, "surname": SURNAMES, "street": STREET_NAMES,
        "city_ca": CITIES_CA, "city_other": CITIES_OTHER, "county": COUNTIES, "org_stem": ORG_STEMS,
        "emp_type": EMP_TYPES, "ins_type": INS_TYPES, "school_type": SCHOOL_TYPES,
        "hosp_type": HOSP_TYPES, "saint": SAINTS, "church": CHURCHES, "lang": LANGS,
        "eth": ETHNICITIES, "nat": NATIONALITIES, "occ": OCCUPATIONS, "relig": RELIGIONS,
        "trap": TRAPS, "trap_lower": TRAPS_LOWER, "country": COUNTRIES, "mx_state": MX_STATES,
        "street_type": STREET_TYPES, "spanish_type": SPANISH_TYPES, "unit": UNITS,
        "surname_emp": SURNAME_EMP, "marian": MARIAN, "state": STATES, "marital": MARITALS,
    }


# ---------------------------------------------------------------------------
# Documents: text and spans built together


# Words of plain text that become NO_MASK spans: kinship nouns, and "English" (speaking it
# identifies no one; a detector that takes it is neither right nor wrong).
KIN_WORD = re.compile(r"\b(?:children|child|father|mother|parents?|spouse|partner|siblings?|grandparents?|"
                      r"english)\b", re.IGNORECASE)


class Doc:
    """A document under construction: appends text pieces and records exact byte spans."""

    def __init__(self, genre):
        self.genre = genre
        self.buf = []
        self.n = 0
        self.spans = []
        self.case = "title"
        self.container = "prose"

    def style(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        if self.case == "capwords":
            return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))
        return s

    def t(self, s):
        """Plain text, not annotated (a sentence stop after a value ending in "." is not doubled).

        Kinship nouns in it (`children`, `father`) become NO_MASK spans, as the conventions say."""
        s = self.style(s)
        if s.startswith(".") and self.buf and self.buf[-1].endswith("."):
            s = s[1:]
        pos = 0
        for m in KIN_WORD.finditer(s):
            if m.group(0).lower() == "child" and s[m.end():m.end() + 8].lower() == " welfare":
                continue
            self._raw(s[pos:m.start()])
            if m.group(0).lower() == "english":
                self.v(m.group(0), "LANGUAGE", "LANGUAGE_COMMON", "NO_MASK", restyle=False)
            else:
                self.v(m.group(0), "GENDER", "KINSHIP", "NO_MASK", restyle=False)
            pos = m.end()
        self._raw(s[pos:])

    def _raw(self, s):
        self.buf.append(s)
        self.n += len(s.encode("utf-8"))

    def v(self, value, kind, src, idtype=None, container=None, restyle=True):
        """A planted value; its span is the value trimmed of whitespace and punctuation."""
        if restyle:
            value = self.style(value)
        lead = len(value) - len(value.lstrip(TRIM))
        if kind == "PHONE" and value[lead - 1:lead] == "(":
            lead -= 1
        inner = value[lead:].rstrip(TRIM)
        pre = value[:lead]
        self.buf.append(value)
        start = self.n + len(pre.encode("utf-8"))
        end = start + len(inner.encode("utf-8"))
        self.n += len(value.encode("utf-8"))
        if inner:
            if idtype is None:
                idtype = "DIRECT" if kind in DIRECT or src == "STREET" else "QUASI"
            self.spans.append({"start": start, "end": end, "kind": kind, "identifier_type": idtype,
                               "source_kind": src, "container": container or self.container,
                               "genre": self.genre, "_value": inner})

    def emit(self, frags):
        for f in frags:
            if f[1] is None:
                self.t(f[0])
            else:
                self.v(*f)

    def column(self):
        """Characters written since the last newline."""
        n = 0
        for piece in reversed(self.buf):
            nl = piece.rfind("\n")
            if nl >= 0:
                return n + len(piece) - nl - 1
            n += len(piece)
        return n

    def text(self):
        return "".join(self.buf)

    def finish(self, did):
        text = self.text()
        b = text.encode("utf-8")
        spans = []
        for s in self.spans:
            val = s.pop("_value")
            assert b[s["start"]:s["end"]].decode("utf-8") == val, (did, s, val)
            spans.append(s)
        return {"id": did, "text": text, "spans": spans}


def T(s):
    return (s, None)


def V(s, kind, src, idtype=None):
    return (s, kind, src, idtype)


# ---------------------------------------------------------------------------
# Identifier forms

ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
       "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
       "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
       "twenty-ninth", "thirtieth", "thirty-first"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def num_words(n):
    if n < 20:
        return NUMW[n]
    t, u = divmod(n, 10)
    return TENS[t] + ("-" + NUMW[u] if u else "")


def sfx(d):
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def weekday(y, m, d):
    import datetime
    return WEEKDAYS[datetime.date(y, m, d).weekday()]


def abbr_dot(m):
    """`Jan.`, `Sept.`, but `May` and `June` as they are."""
    name = MONTHS[m - 1]
    if len(name) <= 4:
        return name
    return ("Sept" if m == 9 else name[:3]) + "."


DATE_FORMATS = [
    lambda y, m, d: f"{m}/{d}/{y % 100:02d}", lambda y, m, d: f"{m}/{d}/{y}",
    lambda y, m, d: f"{m:02d}/{d:02d}/{y}", lambda y, m, d: f"{m}-{d}-{y % 100:02d}",
    lambda y, m, d: f"{m:02d}-{d:02d}-{y}", lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
    lambda y, m, d: f"{MONTHS[m - 1]} {d}, {y}", lambda y, m, d: f"{MONTHS[m - 1][:3]} {d}, {y}",
    lambda y, m, d: f"{abbr_dot(m)} {d}, {y}", lambda y, m, d: f"{d} {MONTHS[m - 1][:3]} {y % 100:02d}",
    lambda y, m, d: f"{d} {MONTHS[m - 1]} {y}", lambda y, m, d: f"{d:02d}-{MONTHS[m - 1][:3]}-{y}",
    lambda y, m, d: f"{ORD[d - 1]} of {MONTHS[m - 1]}, {y}", lambda y, m, d: f"{MONTHS[m - 1]} {ORD[d - 1]}, {y}",
    lambda y, m, d: f"{MONTHS[m - 1]} {ORD[d - 1]}", lambda y, m, d: f"{weekday(y, m, d)}, {MONTHS[m - 1]} {d}, {y}",
    lambda y, m, d: f"{d}{sfx(d)} {MONTHS[m - 1]} {y}", lambda y, m, d: f"{MONTHS[m - 1]} {d}{sfx(d)}, {y}",
    lambda y, m, d: f"{y}/{m:02d}/{d:02d}", lambda y, m, d: f"{m}.{d}.{y % 100:02d}",
    lambda y, m, d: f"{MONTHS[m - 1][:3].upper()} {d:02d} {y}", lambda y, m, d: f"{d}.{m}.{y}",
    lambda y, m, d: f"{weekday(y, m, d)} the {ORD[d - 1]}", lambda y, m, d: f"{MONTHS[m - 1]} {d}",
]
MONTH_YEAR = [
    lambda y, m: f"{m}/{y % 100:02d}", lambda y, m: f"{MONTHS[m - 1]} {y}", lambda y, m: f"{abbr_dot(m)} {y}",
    lambda y, m: f"{m:02d}/{y}", lambda y, m: f"{MONTHS[m - 1][:3]} '{y % 100:02d}",
    lambda y, m: f"{MONTHS[m - 1]} of {y}", lambda y, m: f"{y}-{m:02d}",
]


class Pools:
    """Every pool cut down to one half, with the random source of one seed."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.half = 0 if seed % 2 else 1
        self.p = {k: split(v, self.half) for k, v in gather().items()}
        self.dates = split_idx(DATE_FORMATS, self.half)
        self.month_year = split_idx(MONTH_YEAR, self.half)
        self.labels = {k: split(v, self.half) for k, v in LABELS.items()}
        self.templates = {k: split(v, self.half) for k, v in TEMPLATES.items()}
        self.used_given, self.used_surname = collections.Counter(), collections.Counter()

    def c(self, key):
        return self.r.choice(self.p[key])

    def label(self, key):
        return self.r.choice(self.labels[key])


def split_idx(funcs, half):
    """Splits a list of functions by the hash of their index (format pools)."""
    idx = split([f"fmt-{i}" for i in range(len(funcs))], half)
    return [funcs[int(x[4:])] for x in idx]


class Person:
    def __init__(self, P, sex=None, role="PATIENT", age=None):
        r = P.r
        self.sex = sex or r.choice("FM")
        self.given = P.c("given_f" if self.sex == "F" else "given_m")
        self.surname = P.c("surname")
        self.surname2 = P.c("surname") if r.random() < 0.15 else None
        self.mi = r.choice(MIDDLE)
        self.role = role
        self.age = age if age is not None else r.randint(19, 78)
        P.used_given[self.given] += 1
        P.used_surname[self.surname] += 1

    @property
    def last(self):
        return self.surname + (" " + self.surname2 if self.surname2 else "")

    def full(self, P):
        """One PERSON span in a random written form."""
        r = P.r.random()
        if r < 0.45:
            return [V(f"{self.given} {self.last}", "PERSON", self.role)]
        if r < 0.65:
            return [V(f"{self.given} {self.mi}. {self.last}", "PERSON", self.role)]
        if r < 0.78:
            return [V(f"{self.given[0]}. {self.last}", "PERSON", self.role)]
        if r < 0.87:
            return [V(self.last, "PERSON", self.role), T(", "), V(self.given, "PERSON", self.role)]
        if r < 0.92:
            return [V(f"{self.given} {self.mi} {self.last}", "PERSON", self.role)]
        if r < 0.96:
            return [V(f"{self.given[0]}.{self.mi}. {self.last}", "PERSON", self.role)]
        suffix = P.r.choice([" Jr.", " Sr.", " III", " II"]) if self.sex == "M" else ""
        return [V(f"{self.given} {self.last}{suffix}", "PERSON", self.role)]

    def titled(self, P):
        """`Ms. Lopez` (GENDER Ms + PERSON) or a bare surname."""
        r = P.r.random()
        if r < 0.6:
            t = {"F": P.r.choice(["Ms", "Mrs", "Ms", "Miss"]), "M": "Mr"}[self.sex]
            dot = "" if t == "Miss" else P.r.choice([".", ".", ""])
            return [V(t, "GENDER", "TITLE"), T(dot + " "), V(self.last, "PERSON", self.role)]
        if r < 0.8:
            return [V(self.given, "PERSON", self.role)]
        return [V(self.last, "PERSON", self.role)]


def pronoun(p, form, cap=False):
    w = {("F", "he"): "she", ("M", "he"): "he", ("F", "him"): "her", ("M", "him"): "him",
         ("F", "his"): "her", ("M", "his"): "his"}[(p.sex, form)]
    return [V(w.capitalize() if cap else w, "GENDER", "PRONOUN")]


def mkdate(P, lo=2012, hi=2024):
    r = P.r
    return (r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28))


def fmt_date(P, dt, src="DATE"):
    f = P.r.choice(P.dates)
    return [V(f(*dt), "DATE", src)]


def fmt_numeric_date(P, dt, src="DATE"):
    y, m, d = dt
    f = P.r.choice([lambda: f"{m}/{d}/{y % 100:02d}", lambda: f"{m:02d}/{d:02d}/{y}",
                    lambda: f"{y}-{m:02d}-{d:02d}", lambda: f"{m}-{d}-{y}"])
    return [V(f(), "DATE", src)]


def digits(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def phone(P, src="PHONE"):
    r = P.r
    a, b, c = r.choice(["559", "661", "831", "209", "805", "760", "530", "916", "951", "323"]), \
        "555", f"{r.randint(100, 199):04d}"
    forms = [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"{a}{b}{c}",
             f"{a}/{b}/{c}", f"+1 {a} {b} {c}", f"1-{a}-{b}-{c}", f"({a}){b}-{c}", f"+1 ({a}) {b}-{c}",
             f"+52 951 555 {r.randint(100, 999):04d}", f"+52 (953) 555-{r.randint(100, 999):04d}",
             f"+63 917 555 {r.randint(1000, 9999)}", f"{a}-{b}-{c} ext. {r.randint(10, 999)}",
             f"+84 28 5555 {r.randint(1000, 9999)}"]
    return [V(r.choice(forms), "PHONE", src)]


def email(P, p=None):
    r = P.r
    p = p or Person(P)
    user = r.choice([f"{norm(p.given)[0]}{norm(p.surname)}", f"{norm(p.given)}.{norm(p.surname)}",
                     f"{norm(p.given)}{r.randint(1, 99)}", f"{norm(p.surname)}_{norm(p.given)[0]}"])
    user = "".join(c for c in user if c.isalnum() or c in "._")
    dom = r.choice(["example.com", "example.org", "mail.example.net", "county.example.gov",
                    "lawfirm.example.com", "clinic.example.org"])
    return [V(f"{user}@{dom}", "EMAIL", "EMAIL")]


def ssn(P):
    r = P.r
    a, b, c = r.randint(100, 665), r.randint(10, 99), r.randint(1000, 9999)
    return [V(r.choice([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"]), "SSN", "SSN")]


def ident(P, which):
    """An ID of one shape."""
    r = P.r
    L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
    shapes = {
        "CLAIM": [lambda: f"{digits(r, 2)}-{digits(r, 6)}-WC", lambda: f"CLM{digits(r, 8)}",
                  lambda: f"{digits(r, 4)} {digits(r, 4)} {digits(r, 2)}", lambda: f"WC{digits(r, 7)}-{r.randint(1, 9)}",
                  lambda: f"{L(3)}-{digits(r, 6)}"],
        "IMRNO": [lambda: f"CM{digits(r, 2)}-{digits(r, 7)}"],
        "ADJNO": [lambda: f"ADJ{digits(r, 7)}", lambda: f"ADJ{digits(r, 8)}"],
        "DOCKET": [lambda: f"{r.choice('EFBGCAD')}0{digits(r, 5)}", lambda: f"{digits(r, 2)}JV-{digits(r, 5)}",
                   lambda: f"{digits(r, 2)}CECG{digits(r, 5)}", lambda: f"BC{digits(r, 6)}",
                   lambda: f"SCV-{r.randint(2015, 2024)}-{digits(r, 4)}", lambda: f"{digits(r, 2)}CV{digits(r, 6)}",
                   lambda: f"JD{digits(r, 5)}"],
        "CASENO": [lambda: f"{digits(r, 2)}-CW-{digits(r, 6)}", lambda: f"{digits(r, 7)}",
                   lambda: f"SS-{digits(r, 5)}-{L(1)}", lambda: f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}"],
        "REFERRAL": [lambda: f"{digits(r, 4)}-{digits(r, 2)}", lambda: f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)}-{digits(r, 7)}",
                     lambda: f"R{digits(r, 6)}"],
        "POLICY": [lambda: f"WC {digits(r, 2)}-{digits(r, 7)}", lambda: f"PL-{digits(r, 5)}-{digits(r, 2)}",
                   lambda: f"{L(3)}{digits(r, 9)}"],
        "MEMBER": [lambda: f"{L(3)}{digits(r, 9)}", lambda: f"{digits(r, 8)}{L(1)}", lambda: f"9{digits(r, 7)}{L(1)}"],
        "BADGE": [lambda: f"{digits(r, 4)}", lambda: f"#{digits(r, 5)}"],
        "MRN": [lambda: f"{digits(r, 2)}-{digits(r, 2)}-{digits(r, 2)}-{digits(r, 2)}", lambda: f"{digits(r, 7)}",
                lambda: f"M{digits(r, 8)}", lambda: f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 3)}"],
        "LIC": [lambda: f"{L(1)}{digits(r, 7)}", lambda: f"{L(1)}{digits(r, 5)}", lambda: f"RCP {digits(r, 5)}",
                lambda: f"{L(2)} {digits(r, 6)}"],
        "PLATE": [lambda: f"{r.randint(4, 9)}{L(3)}{digits(r, 3)}", lambda: f"{r.randint(1, 9)}{L(1)}{digits(r, 5)}"],
        "CIN": [lambda: f"9{digits(r, 7)}{L(1)}"],
        "NPI": [lambda: f"1{digits(r, 9)}"],
    }
    return [V(r.choice(shapes[which])(), "ID", which)]


def street(P, with_unit=None):
    r = P.r
    n = r.randint(100, 24999)
    kind = r.random()
    if kind < 0.18:
        s = f"{P.c('spanish_type')} {P.c('street')}"
        s = f"{s} {n}" if r.random() < 0.5 else f"{n} {s}"
    elif kind < 0.26:
        s = r.choice([f"P.O. Box {r.randint(10, 9999)}", f"PO Box {r.randint(10, 9999)}",
                      f"Rt. {r.randint(1, 9)} Box {r.randint(1, 400)}", f"HC {r.randint(1, 80)} Box {r.randint(1, 900)}"])
    elif kind < 0.5:
        s = f"{n} {r.choice(DIRS)} {P.c('street')} {P.c('street_type')}"
    else:
        s = f"{n} {P.c('street')} {P.c('street_type')}"
    if with_unit if with_unit is not None else r.random() < 0.3:
        s += r.choice([", ", " "]) + P.c("unit").format(n=r.randint(1, 60), l=r.choice("ABCD"))
    return [V(s, "LOCATION", "STREET", "DIRECT")]


def city(P):
    key = "city_ca" if P.r.random() < 0.75 else "city_other"
    return [V(P.c(key), "LOCATION", "CITY")]


def state(P, address=False):
    r = P.r
    if address and r.random() < 0.12:
        return [V(r.choice(ADDRESS_ONLY_STATES), "STATE", "STATE")]
    return [V(P.c("state"), "STATE", "STATE")]


def zipc(P):
    r = P.r
    z = f"9{r.randint(3000, 6199)}"
    if r.random() < 0.15:
        z += f"-{digits(r, 4)}"
    return [V(z, "LOCATION", "ZIP")]


def city_line(P):
    """`Salinas, CA 93901` (three spans); a California town mostly gets a California state."""
    sep = P.r.choice([", ", " "])
    town = city(P)
    if town[0][0] in P.p["city_ca"] and P.r.random() < 0.85:
        st = [V(P.r.choice(["CA", "CA", "California", "Calif.", "Ca"]), "STATE", "STATE")]
    else:
        st = state(P, address=True)
    return town + [T(sep)] + st + [T(" ")] + zipc(P)


def county(P):
    form = P.r.random()
    c = P.c("county")
    if form < 0.8:
        return [V(c, "LOCATION", "COUNTY"), T(" County")]
    return [T("County of "), V(c, "LOCATION", "COUNTY")]


def org(P, which):
    r = P.r
    if which == "EMPLOYER":
        if r.random() < 0.25:
            return [V(f"{P.c('surname')} {P.c('surname_emp')}", "ORG", which)]
        return [V(f"{P.c('org_stem')} {P.c('emp_type')}", "ORG", which)]
    if which == "INSURER":
        return [V(f"{P.c('org_stem')} {P.c('ins_type')}", "ORG", which)]
    if which == "SCHOOL":
        stem = P.c("org_stem") if r.random() < 0.6 else f"{P.c('given_f')} {P.c('surname')}"
        return [V(f"{stem} {P.c('school_type')}", "ORG", which)]
    if which == "HOSPITAL":
        return [V(f"{P.c('org_stem')} {P.c('hosp_type')}", "ORG", which)]
    if which == "CHURCH":
        t = P.c("church").format(s=P.c("saint"), st=P.c("org_stem"), c=P.c("city_ca"), m=P.c("marian"))
        return [V(t, "ORG", which)]
    raise KeyError(which)


def age_frag(P, n, words=True):
    if words and P.r.random() < 0.08 and n < 100:
        return [V(num_words(n), "AGE", "AGE")]
    return [V(str(n), "AGE", "AGE")]


# ---------------------------------------------------------------------------
# Label spellings (split by hash like every pool)

LABELS = {
    "patient": ["Patient", "Patient Name", "Injured Worker", "Employee", "Applicant", "Claimant",
                "Name", "Pt", "Pt Name", "Member", "Beneficiary", "Resident", "Individual",
                "Worker", "Injured Employee", "Client", "Client Name", "Participant", "Subject",
                "Name of Patient", "Paciente", "Nombre"],
    "dob": ["DOB", "Date of Birth", "D.O.B.", "Birth Date", "Birthdate", "Born", "Fecha de nacimiento",
            "DOB (mm/dd/yyyy)", "Date Of Birth", "B-day", "Birth"],
    "doi": ["Date of Injury", "DOI", "Injury Date", "D/I", "Date of Loss", "DOL", "Injury date(s)",
            "Date Injured", "Fecha de lesión", "Inj. Date"],
    "date": ["Date", "Date of Service", "DOS", "Exam Date", "Visit Date", "Report Date", "Dated",
             "Date of Report", "Date Seen", "Entry Date", "Received"],
    "age": ["Age", "Age (yrs)", "Yrs", "Edad", "Current Age", "Age at Intake"],
    "sex": ["Sex", "Gender", "M/F", "Sexo", "Sex at Birth", "Gender Identity"],
    "address": ["Address", "Street", "Home Address", "Residence", "Mailing Address", "Addr",
                "Street Address", "Domicilio", "Residential Address", "Current Address"],
    "city": ["City", "Town", "City of Residence", "Ciudad", "Municipality"],
    "county": ["County", "County of Residence", "Cnty"],
    "state": ["State", "St", "State/Prov"],
    "zip": ["Zip", "ZIP Code", "Postal Code", "Zip+4", "C.P."],
    "phone": ["Phone", "Tel", "Telephone", "Cell", "Mobile", "Home Phone", "Ph", "Contact #",
              "Cell #", "Tel.", "Teléfono", "Callback", "Primary Phone"],
    "fax": ["Fax", "Fax #", "Facsimile", "FAX No."],
    "email": ["E-mail", "Email", "Email Address", "E-mail Address", "Correo"],
    "ssn": ["SSN", "SS#", "Social Security No.", "Social Security Number", "Soc. Sec. #", "SSN (last 9)"],
    "claim": ["Claim Number", "Claim #", "Claim No.", "Claim", "Clm #", "Carrier Claim No.", "WC Claim"],
    "case": ["Case #", "Case Number", "Case No.", "Case ID", "File #", "File No.", "Case"],
    "referral": ["Referral #", "Referral No.", "Ref #", "Referral ID", "Hotline Ref.", "CPS Referral"],
    "policy": ["Policy #", "Policy Number", "Policy No.", "Pol. No."],
    "member": ["Member ID", "Member #", "Medi-Cal #", "CIN", "Subscriber ID", "Plan ID"],
    "mrn": ["MRN", "Medical Record #", "Med Rec No.", "Chart #", "MR#", "Account #", "Acct"],
    "employer": ["Employer", "Employer Name", "Company", "Worksite", "Place of Employment", "Empleador",
                 "Employed by"],
    "insurer": ["Insurer", "Carrier", "Claims Administrator", "Insurance Carrier", "TPA", "Claims Admin."],
    "adjuster": ["Adjuster", "Claims Adjuster", "Examiner", "Claims Examiner", "Adj."],
    "doctor": ["Physician", "Treating Physician", "PTP", "Provider", "Attending", "Referring MD",
               "Requesting Physician", "Primary Treating Physician", "Doctor"],
    "worker": ["Caseworker", "Worker", "Assigned SW", "Social Worker", "CSW", "Case Manager", "ER Worker",
               "Assigned Worker", "Eligibility Worker"],
    "school": ["School", "School Attending", "Escuela", "School/Grade"],
    "language": ["Language", "Primary Language", "Preferred Language", "Lang", "Idioma",
                 "Language Spoken", "Interpreter Needed"],
    "ethnicity": ["Ethnicity", "Race", "Race/Ethnicity", "Ethnic Origin", "Etnia"],
    "nationality": ["Nationality", "Citizenship", "Country of Citizenship", "Nacionalidad"],
    "religion": ["Religion", "Faith", "Religious Preference", "Religión"],
    "marital": ["Marital Status", "Marital", "M/S", "Civil Status", "Estado civil"],
    "occupation": ["Occupation", "Job Title", "Position", "Job", "Usual Occupation", "Ocupación", "Trade"],
    "last": ["Last", "Last Name", "Surname", "Apellido", "Family Name", "LNAME"],
    "first": ["First", "First Name", "Given Name", "Nombre", "Given", "FNAME"],
    "mi": ["M.I.", "MI", "Middle Initial", "Mid.", "Init."],
    "church": ["Church", "Place of Worship", "Congregation", "Parish"],
    "hospital": ["Facility", "Hospital", "Clinic", "Location of Service", "Site"],
    "judge": ["Judge", "Hon.", "WCJ", "Assigned Judge", "Dept. Judge"],
    "attorney": ["Attorney", "Counsel", "Attorney for Applicant", "Atty", "Applicant's Attorney"],
    "interpreter": ["Interpreter", "Interp.", "Certified Interpreter"],
    "badge": ["Badge #", "Badge No.", "Employee ID", "Emp #", "Clock #"],
    "license": ["License #", "Lic. No.", "CDL #", "Driver License", "DL#", "CA License"],
    "plate": ["Plate", "License Plate", "Plate #", "Vehicle Plate"],
    "pager": ["Pager", "Pager #", "Beeper", "Pgr"],
    "docket": ["Docket No.", "Case No.", "Court of Appeal No.", "Appellate No.", "Super. Ct. No.", "No."],
    "room": ["Room", "Rm", "Bed", "Rm/Bed"],
    "attn": ["Attn", "ATTN", "To", "cc", "Attention", "Copy to", "Send to"],
    "unit": ["Unit", "Ward", "Floor", "Dept", "Location"],
}

# What a labelled field holds: label key -> value builder (ctx -> frags).
FIELDS = {
    "patient": lambda c: c.p.full(c.P),
    "dob": lambda c: fmt_date(c.P, c.dob, "DOB"),
    "doi": lambda c: fmt_date(c.P, c.doi, "DOI"),
    "date": lambda c: fmt_date(c.P, mkdate(c.P)),
    "age": lambda c: age_frag(c.P, c.p.age),
    "sex": lambda c: [V(c.P.r.choice({"F": ["F", "Female", "female", "FEMALE", "Woman"],
                                      "M": ["M", "Male", "male", "MALE", "Man"]}[c.p.sex]), "GENDER", "SEX")],
    "address": lambda c: street(c.P),
    "city": lambda c: city(c.P),
    "county": lambda c: [V(c.P.c("county"), "LOCATION", "COUNTY")],
    "state": lambda c: state(c.P),
    "zip": lambda c: zipc(c.P),
    "phone": lambda c: phone(c.P),
    "fax": lambda c: phone(c.P, "FAX"),
    "email": lambda c: email(c.P, c.p),
    "ssn": lambda c: ssn(c.P),
    "claim": lambda c: ident(c.P, "CLAIM"),
    "case": lambda c: ident(c.P, "CASENO"),
    "referral": lambda c: ident(c.P, "REFERRAL"),
    "policy": lambda c: ident(c.P, "POLICY"),
    "member": lambda c: ident(c.P, "MEMBER"),
    "mrn": lambda c: ident(c.P, "MRN"),
    "employer": lambda c: c.org("EMPLOYER"),
    "insurer": lambda c: c.org("INSURER"),
    "adjuster": lambda c: c.person("ADJUSTER").full(c.P),
    "attn": lambda c: c.person(c.P.r.choice(["ADJUSTER", "ATTORNEY"])).full(c.P),
    "doctor": lambda c: c.person("DOCTOR").full(c.P),
    "worker": lambda c: c.person("CASEWORKER").full(c.P),
    "school": lambda c: c.org("SCHOOL"),
    "language": lambda c: [V(c.lang, "LANGUAGE", "LANGUAGE")],
    "ethnicity": lambda c: [V(c.eth, "ETHNICITY", "ETHNICITY")],
    "nationality": lambda c: [V(c.nat, "NATIONALITY", "NATIONALITY")],
    "religion": lambda c: [V(c.relig, "RELIGION", "RELIGION")],
    "marital": lambda c: [V(c.mar.capitalize() if c.P.r.random() < 0.5 else c.mar, "MARITAL", "MARITAL")],
    "occupation": lambda c: [V(c.occ, "OCCUPATION", "OCCUPATION")],
    "church": lambda c: c.org("CHURCH"),
    "hospital": lambda c: c.org("HOSPITAL"),
    "judge": lambda c: c.person("JUDGE").full(c.P),
    "attorney": lambda c: c.person("ATTORNEY").full(c.P),
    "interpreter": lambda c: c.person("INTERPRETER").full(c.P),
    "badge": lambda c: ident(c.P, "BADGE"),
    "license": lambda c: ident(c.P, "LIC"),
    "plate": lambda c: ident(c.P, "PLATE"),
    "pager": lambda c: [V(digits(c.P.r, c.P.r.choice([4, 5])), "PHONE", "PAGER")],
    "docket": lambda c: ident(c.P, "DOCKET"),
    "room": lambda c: [V(f"{c.P.r.randint(100, 799)}{c.P.r.choice(['', 'A', 'B', '-1', '-2'])}", "LOCATION", "ROOM")],
    "unit": lambda c: [V(c.P.r.choice(["4 West", "5 North", "3B Telemetry", "Sequoia Tower 6",
                                       "2 East Med-Surg", "Pavilion 3", "7 South", "Oak Wing 2"]),
                         "LOCATION", "UNIT")],
}

# ---------------------------------------------------------------------------
# Sentence templates: {slot} is filled by `Ctx.slot`. Per-genre pools, split by hash.

TEMPLATES = {
    "imr": [
        "Treatment records cover the period {drange}.",
        "Physical therapy was provided {drange} at {hosp}.",
        "{Pt}, {age}, was seen by {dr} on {date} for a re-evaluation.",
        "{He} was {agethen} when the injury occurred and is now {age}.",
        "The records indicate that {P} (DOB {dob}) has been treated since {my}.",
        "{He} is of {eth} origin, born in {cityo}, {mxstate}, and speaks only {lang}.",
        "A {age}-year-old {occ} with a date of injury of {doi} is the subject of this review.",
        "The claims administrator, {ins}, submitted records through {date}.",
        "{Pt} is {lang}-speaking with limited English and was assisted by {interp}.",
        "Per {dr}'s note of {date}, {he} was placed on temporary total disability.",
        "The patient's address is listed as {street}, {cityline}.",
        "{He} reports that {his} {kidkin}, {childfull}, age {child_age}, drives {him} to appointments.",
        "A telephone conference with {dr} took place on {dword}; no agreement was reached.",
        "The injury occurred at {emp}, where {he} has worked as a {occ} since {my}.",
        "{His} claim number is {claim} and the policy is {policy}.",
        "{He} was seen in the emergency department of {hosp} on the night of {date}.",
        "There is no documentation from {hosp} after {my}.",
        "{Pt} reported that {he} is {mar} and has three children.",
        "The patient is a {age}-year-old {sex} {occ} who sustained an industrial injury on {doi}.",
        "The injured worker, {P}, is a {age} y/o {sex} who was injured on {doi} while employed by {emp}.",
        "{Pt} reported that {he} slipped while working as a {occ} for {emp} in {city}, {state}.",
        "Per the report dated {date}, {he} continues to have neck pain radiating to {his} right arm.",
        "{He} is {mar} and lives with {his} {kin} in {county}.",
        "A request dated {date} from {dr} asked for six sessions of acupuncture.",
        "{He} is {lang}-speaking and was seen with an interpreter on {date}.",
        "The claimant, age {age}, was last seen by {dr} of {hosp} on {date}.",
        "On {date}, {Pt} underwent a right cervical medial branch block at C4-5.",
        "{He} identifies as {eth} and speaks only {lang}.",
        "Utilization review by {ins} on {date} non-certified the request.",
        "There is a progress note of {date} stating that {he} has not worked since {doi}.",
        "{Pt}, who is {nat}, was referred by {dr} for an orthopedic evaluation.",
        "The employee was injured on {dword} while lifting a crate at {emp}.",
        "{He} is a {age}-year-old {eth} {man} with a work injury dated {doi}.",
        "Records from {hosp} dated {date} and {date} were reviewed.",
        "{His} treating physician, {dr}, documents pain of 6/10 on {date}.",
        "{Pt} reports {he} is a practicing {relig} and declines blood products.",
    ],
    "pr2": [
        "Temporary total disability from {drange}.",
        "Dates of service: {drange}.",
        "{Pt}, {age}, was seen today accompanied by {his} {spkin}, {rel}.",
        "{He} is a {age}-year-old {eth} {man} who works for {emp} as a {occ}.",
        "The patient is {agethen} years old at the date of injury and {age} today.",
        "{He} was referred by {adj} of {ins}; fax the report to {fax}.",
        "{He} reports {he} is a {nat} national and has lived in {county} for years.",
        "{Pt} can be reached at {phone} or {email}.",
        "{He} has a commercial license, {lic}, and drives for {emp}.",
        "{He} was injured on {dword} while lifting boxes; the pain began the next morning.",
        "{His} employee badge number is {badge}.",
        "{He} speaks {lang} at home; {his} {kidkin} {childfull} interprets.",
        "Seen on {date}; return to clinic on {date}.",
        "{He} describes {his} job as a {occ} requiring lifting up to 50 pounds.",
        "{Pt} remains off work per {dr} since {date}.",
        "Return visit {dword}.",
        "The patient lives at {street} in {city}, {state} {zip}.",
        "Medical records were requested from {hosp} on {date}.",
        "{Pt} is a {age}-year-old {sex} {occ} employed by {emp} who presents for follow-up.",
        "{He} states the injury occurred on {doi} when {he} fell from a ladder.",
        "{He} was last seen on {date} and reports no change.",
        "Patient speaks {lang}; interpreter {interp} was present for the visit.",
        "{He} has been off work since {date} and is {mar}.",
        "The adjuster, {adj}, at {ins} was sent a copy on {date}.",
        "{Pt} lives in {city} with {his} {kin} and two children.",
        "{He} is a {age} y/o right-hand dominant {man} with low back pain.",
        "Next appointment: {date}.",
        "{He} was evaluated by {dr} at {hosp} on {date}.",
        "{He} is {eth} and {his} preferred language is {lang}.",
        "Work restrictions were given to {emp} on {date}; {he} works as a {occ}.",
        "{Pt} reports {he} drives a car with plate {plate} to the clinic.",
        "{He} was born on {dob} in {country} and is {nat}.",
        "Authorization was requested from {ins}, claim {claim}, on {date}.",
        "Follow up on {dword} with {dr}.",
    ],
    "court": [
        "Applicant was off work {drange} and received benefits from {ins}.",
        "In {my}, {Pt}, then {agethen}, began working for {emp} as a {occ}.",
        "{P}, a {age}-year-old {eth} {man}, testified on {his} own behalf.",
        "The WCJ, {judge}, issued the findings and award on {date}.",
        "Defendant {emp} was insured by {ins} under policy {policy}.",
        "{Pt} testified that {he} speaks {lang} and does not read English.",
        "The minor, {childfull}, age {child_age}, lived with {Pt} in {city}.",
        "On the {dword}, the appeals board granted reconsideration.",
        "Counsel for applicant, {atty}, can be reached at {phone}.",
        "{Pt} was born in {cityo}, {country}, on {dob}.",
        "{He} is {mar} and has resided in {county} since {my}.",
        "The petition for writ of review, case {docket}, was filed on {date}.",
        "Applicant is a practicing {relig} who attends {church}.",
        "The accident occurred near {street}, {cityline}.",
        "{Pt} was evaluated by {dr} at {hosp} on {date} and {date}.",
        "{His} Social Security number, {ssn}, appears in the record.",
        "{P} worked as a {occ} for {emp} in {county}.",
        "On {date}, {Pt} filed a petition in the superior court of {county}.",
        "The trial court found that {Pt} was credible and that {he} was {age} years of age at the time.",
        "{Pt} was represented at trial by {atty}.",
        "{His} {spkin}, {rel}, testified that {he} had lived in {city} since {my}.",
        "The hearing was held on {date} before {judge}.",
        "{Pt} is a {nat} national who speaks {lang} and testified through an interpreter.",
        "Appellant contends {he} was terminated by {emp} on {date}.",
        "{Pt}, then {age}, was injured on {doi} at {emp}'s yard in {city}.",
        "The petition was filed on {date} and denied on {date}.",
        "{He} is {mar} and a member of {church}.",
        "Respondent {insurer_cap} denied the claim on {date}.",
        "{Pt} resided at {street} in {city} at the time of the accident.",
    ],
    "social": [
        "The family stayed at a shelter in {city} from {drange}.",
        "{Pt}, {age}, and {his} {kidkin} {childfull} ({child_age}) were seen at the office on {date}.",
        "{He} reports {he} is {eth} and {his} first language is {lang}.",
        "{He} is a {nat} national who arrived from {cityo}, {mxstate}, in {my}.",
        "Emergency response referral {refno} was assigned to {cw} on {date}.",
        "{Pt} provided a new phone number, {phone}, and email {email}.",
        "{His} Medi-Cal number is {member}; the case number is {case}.",
        "{Pt} was {agethen} when {he} came to {county}.",
        "The family lives at {street}, {cityline}.",
        "{He} works nights as a {occ} at {emp} and {his} {spkin} works as a {occ2}.",
        "{childfull}, age {child_age}, is enrolled at {school}.",
        "Worker will follow up on {dword} and call {Pt} at {phone}.",
        "{He} is a member of {church} and identifies as {relig}.",
        "{He} is {mar}; the father of the children lives in {cityo}.",
        "Home visit on {date}: {Pt} and the children were present.",
        "SSN on file: {ssn}.",
        "Worker met with {Pt} and {his} children, {kids} at the home on {date}.",
        "{Pt} is a {age}-year-old {eth} {man} who has lived in {county} for six years.",
        "{He} stated that {he} has not worked since {date} and is {mar}.",
        "{He} speaks {lang} and limited English; an interpreter was used.",
        "{His} {spkin}, {rel}, age {age2}, helps with childcare.",
        "The family attends {church} and {he} identifies as {relig}.",
        "{child} attends {school} and is in the third grade.",
        "CPS referral #{refno} was received on {date}.",
        "{Pt} reported that {he} works as a {occ} at {emp}.",
        "Next home visit scheduled for {date}.",
        "{He} is of {eth} origin and was born in {country}.",
        "The worker called {Pt} at {phone} on {date}; no answer.",
        "{Pt} moved to {street}, {city} on {date}.",
        "{He} is a {nat} citizen and receives CalFresh.",
        "{cwt} reviewed the case plan with the family on {dword}.",
    ],
    "clinical": [
        "pt on unit {drange}, d/c home w/ {spkin}.",
        "pt {age} y/o, dx per {dr}, fam notified.",
        "pager #{pager} for {drl}, call back at {time}.",
        "interpreter ({lang}) present for consent.",
        "pt's {kidkin} {childfull} called from {phone}.",
        "{his} {spkin} {rel} to bring meds from home ({city}).",
        "mrn {mrn} verified, id band on.",
        "pt is {eth}, prefers {lang}; language line used.",
        "adm from {hosp} ed on {date}.",
        "f/u appt {dword} at clinic.",
        "sw consult: pt {mar}, lives at {street}.",
        "{he} states {he} works as a {occ}, last worked {date}.",
        "pt {age} y/o {sex} adm from {hosp} for cp.",
        "{his} {spkin} {rel} at bedside, updated on poc.",
        "pt speaks {lang} only, interpreter via phone.",
        "dr {drl} notified, pager {pager}, new orders rec'd.",
        "spoke w/ {rel} ({spkin}) at {phone}.",
        "transfer to {unit} rm {room} at {time}.",
        "pt states {he} lives alone in {city}.",
        "{he} is {mar}, works as {occ}.",
        "chaplain from {church} visited, pt is {relig}.",
        "dc planning: f/u with {dr} on {date}.",
        "pt {age}yo {eth} {man}, a&ox3.",
    ],
}

# ---------------------------------------------------------------------------
# Document context and slot filling


class Ctx:
    """One document's cast and facts."""

    def __init__(self, P, genre):
        self.P, self.genre = P, genre
        r = P.r
        self.p = Person(P)
        self.dob = (2024 - self.p.age, r.randint(1, 12), r.randint(1, 28))
        self.doi = mkdate(P, 2008, 2023)
        self.lang = P.c("lang")
        self.eth = P.c("eth")
        self.nat = P.c("nat")
        self.occ = P.c("occ")
        self.relig = P.c("relig")
        self.mar = P.c("marital")
        self.cast = {}
        self.orgs = {}
        nkids = r.randint(1, 4)
        self.kids = [Person(P, role="RELATIVE", age=r.randint(1, 17)) for _ in range(nkids)]
        for k in self.kids:
            k.surname = self.p.surname if r.random() < 0.7 else k.surname
            k.surname2 = None
        self.spouse = Person(P, sex="M" if self.p.sex == "F" else "F", role="RELATIVE",
                             age=self.p.age + r.randint(-6, 6))

    def org(self, which):
        """The document's organisation of a kind, now and then another one."""
        if which not in self.orgs or self.P.r.random() < 0.2:
            self.orgs[which] = org(self.P, which)[0][0]
        return [V(self.orgs[which], "ORG", which)]

    def person(self, role):
        """The document's one person in a role (doctor, caseworker, ...)."""
        if role not in self.cast:
            self.cast[role] = Person(self.P, role=role)
        return self.cast[role]

    def slot(self, name):
        P, r, p = self.P, self.P.r, self.p
        if name == "P":
            return p.full(P)
        if name == "Pt":
            return p.titled(P)
        if name in ("he", "him", "his"):
            return pronoun(p, name)
        if name in ("He", "His"):
            return pronoun(p, name.lower(), cap=True)
        if name == "age":
            return age_frag(P, p.age, words=self.genre != "clinical")
        if name == "age2":
            return age_frag(P, self.spouse.age)
        if name == "sex":
            return [V(r.choice({"F": ["female", "female", "F"], "M": ["male", "male", "M"]}[p.sex]), "GENDER", "SEX")]
        if name == "man":
            return [V({"F": r.choice(["woman", "female"]), "M": r.choice(["man", "male"])}[p.sex], "GENDER", "SEX")]
        if name == "doi":
            return fmt_date(P, self.doi, "DOI")
        if name == "dob":
            return fmt_date(P, self.dob, "DOB")
        if name == "date":
            return fmt_date(P, mkdate(P))
        if name == "dword":
            y, m, d = mkdate(P)
            f = r.choice([f"{ORD[d - 1]} of {MONTHS[m - 1]}, {y}", f"{ORD[d - 1]} of {MONTHS[m - 1]}",
                          f"{MONTHS[m - 1]} {ORD[d - 1]}", f"{weekday(y, m, d)} the {ORD[d - 1]}",
                          f"{weekday(y, m, d)}, {MONTHS[m - 1]} {ORD[d - 1]}"])
            # `the fifth of April`: the article stays outside the span
            return ([T("the ")] if " of " in f and r.random() < 0.7 else []) + [V(f, "DATE", "DATE")]
        if name == "my":
            y, m, _ = mkdate(P, 2000, 2020)
            return [V(r.choice(P.month_year)(y, m), "DATE", "DATE")]
        if name == "occ":
            return [V(self.occ, "OCCUPATION", "OCCUPATION")]
        if name == "emp":
            return self.org("EMPLOYER")
        if name in ("ins", "insurer_cap"):
            return self.org("INSURER")
        if name == "hosp":
            return self.org("HOSPITAL")
        if name == "church":
            return self.org("CHURCH")
        if name == "school":
            return self.org("SCHOOL")
        if name == "city":
            out = city(P)
            self.last_city = out[0][0]
            return out
        if name == "state":
            if getattr(self, "last_city", None) in P.p["city_ca"] and r.random() < 0.85:
                return [V(r.choice(["California", "CA", "Calif.", "California"]), "STATE", "STATE")]
            return state(P)
        if name == "county":
            return county(P)
        if name == "country":
            return [V(P.c("country"), "LOCATION", "COUNTRY")]
        if name == "street":
            return street(P)
        if name == "mar":
            return [V(self.mar, "MARITAL", "MARITAL")]
        if name == "lang":
            return [V(self.lang, "LANGUAGE", "LANGUAGE")]
        if name == "eth":
            return [V(self.eth, "ETHNICITY", "ETHNICITY")]
        if name == "nat":
            return [V(self.nat, "NATIONALITY", "NATIONALITY")]
        if name == "relig":
            return [V(self.relig, "RELIGION", "RELIGION")]
        if name == "kin":
            w = r.choice(["son", "daughter", "wife", "husband", "mother", "sister", "brother", "aunt",
                          "grandmother", "partner", "niece", "cousin"])
            return [V(w, "GENDER", "KINSHIP", "NO_MASK")]
        if name == "time":
            return [V(clock(r), "DATE", "TIME", "NO_MASK")]
        if name == "drange":
            a = mkdate(P)
            b = (a[0], a[1], min(28, a[2] + r.randint(1, 20)))
            f = r.choice(P.dates[:6] or P.dates)
            return [V(f(*a), "DATE", "DATE"), T(r.choice([" - ", "-", " to ", " through ", "–"])),
                    V(f(*b), "DATE", "DATE")]
        if name == "cw":
            return self.person("CASEWORKER").full(P)
        if name == "fax":
            return phone(P, "FAX")
        if name == "spkin":
            w = r.choice({"F": ["wife", "partner", "girlfriend"], "M": ["husband", "partner", "boyfriend"]}[self.spouse.sex])
            return [V(w, "GENDER", "KINSHIP", "NO_MASK")]
        if name == "kidkin":
            return [V("son" if self.kids[0].sex == "M" else "daughter", "GENDER", "KINSHIP", "NO_MASK")]
        if name == "child_age":
            return age_frag(P, self.kids[0].age, words=False)
        if name == "childfull":
            k = self.kids[0]
            return [V(f"{k.given} {k.last}", "PERSON", "RELATIVE")]
        if name == "url":
            return [V(r.choice(["www.", "https://", "http://www."]) + norm(P.c("org_stem")).replace(" ", "").replace("-", "")
                      + r.choice(["law.example.com", "clinic.example.org", "-ortho.example.net", "care.example.com"]),
                      "URL", "URL")]
        if name == "ssn":
            return ssn(P)
        if name == "email":
            return email(P, p)
        if name == "mrn":
            return ident(P, "MRN")
        if name == "case":
            return ident(P, "CASENO")
        if name == "docket":
            return ident(P, "DOCKET")
        if name == "lic":
            return ident(P, "LIC")
        if name == "badge":
            return ident(P, "BADGE")
        if name == "member":
            return ident(P, "MEMBER")
        if name == "policy":
            return ident(P, "POLICY")
        if name == "zip":
            return zipc(P)
        if name == "cityline":
            return city_line(P)
        if name == "mxstate":
            return [V(P.c("mx_state"), "LOCATION", "REGION")]
        if name == "cityo":
            return [V(P.c("city_other"), "LOCATION", "CITY")]
        if name == "occ2":
            return [V(P.c("occ"), "OCCUPATION", "OCCUPATION")]
        if name == "agethen":
            return age_frag(P, max(1, p.age - r.randint(1, 9)), words=False)
        if name == "rel":
            return self.spouse.full(P)
        if name == "dr":
            d = self.person("DOCTOR")
            if r.random() < 0.5:
                return [T("Dr. ")] + d.full(P)[:1]
            return d.full(P)[:1] + [T(r.choice([", M.D.", ", MD", ", D.O.", ", DC"]))]
        if name == "drl":
            return [V(self.person("DOCTOR").last, "PERSON", "DOCTOR")]
        if name == "cwt":
            return self.person("CASEWORKER").titled(P)
        if name == "cwl":
            return [V(self.person("CASEWORKER").last, "PERSON", "CASEWORKER")]
        if name in ("adj", "atty", "judge", "interp"):
            role = {"adj": "ADJUSTER", "atty": "ATTORNEY", "judge": "JUDGE", "interp": "INTERPRETER"}[name]
            pre = {"judge": ["Hon. ", "Judge ", "WCJ ", "the Honorable ", ""], "atty": ["", "", "attorney "]}
            suf = {"atty": ["", "", ", Esq."], "judge": ["", "", ", WCJ"]}
            return ([T(r.choice(pre.get(name, [""])))] + self.person(role).full(P)
                    + [T(r.choice(suf.get(name, [""])))])
        if name == "kids":
            out = []
            for i, k in enumerate(self.kids):
                if i:
                    out.append(T(" and " if i == len(self.kids) - 1 else ", "))
                out += [V(k.given, "PERSON", "RELATIVE"), T(" ("), V(str(k.age), "AGE", "AGE"), T(")")]
            out.append(T(","))
            return out
        if name == "child":
            return [V(self.kids[0].given, "PERSON", "RELATIVE")]
        if name == "phone":
            return phone(P)
        if name == "pager":
            return [V(digits(r, 5), "PHONE", "PAGER")]
        if name == "refno":
            return ident(P, "REFERRAL")
        if name == "claim":
            return ident(P, "CLAIM")
        if name == "plate":
            return ident(P, "PLATE")
        if name == "unit":
            return FIELDS["unit"](self)
        if name == "room":
            return FIELDS["room"](self)
        raise KeyError(name)

    def render(self, tmpl):
        out = []
        i = 0
        while i < len(tmpl):
            j = tmpl.find("{", i)
            if j < 0:
                out.append(T(tmpl[i:]))
                break
            if j > i:
                out.append(T(tmpl[i:j]))
            k = tmpl.index("}", j)
            out += self.slot(tmpl[j + 1:k])
            i = k + 1
        return out


# ---------------------------------------------------------------------------
# Containers (the shared core)


NOTHING = ["N/A", "none", "unknown", "—", "see above", "Unk", "n/a", "None reported", "declined", "pending"]


def field_value(c, key):
    """The value of a labelled field; now and then a value that says nothing (unannotated)."""
    if key not in ("patient",) and c.P.r.random() < 0.04:
        return [T(c.P.r.choice(NOTHING + [""]))]
    return FIELDS[key](c)


def c_colon(doc, c, keys):
    doc.container = "field_colon"
    sep = c.P.r.choice([": ", ":  ", ":\t", " : ", ": "])
    for k in keys:
        doc.t(c.P.label(k) + sep)
        doc.emit(field_value(c, k))
        doc.t("\n")


def c_pipe_fields(doc, c, keys):
    doc.container = "field_pipe"
    r = c.P.r
    colon = r.random() < 0.7
    for i, k in enumerate(keys):
        if i:
            doc.t(" | ")
        doc.t(c.P.label(k) + (": " if colon else " | "))
        doc.emit(field_value(c, k))
    doc.t("\n")


def c_dots(doc, c, keys):
    doc.container = "field_dots"
    width = c.P.r.randint(22, 30)
    for k in keys:
        lab = c.P.label(k)
        doc.t(lab + " " + "." * max(3, width - len(lab)) + " ")
        doc.emit(field_value(c, k))
        doc.t("\n")


def c_tab(doc, c, keys):
    doc.container = "field_tab"
    for k in keys:
        doc.t(c.P.label(k) + c.P.r.choice(["\t", "\t\t", ":\t"]))
        doc.emit(field_value(c, k))
        doc.t("\n")


def c_aligned_fields(doc, c, keys):
    """Two fields per line in space-aligned columns."""
    doc.container = "field_aligned"
    for i in range(0, len(keys), 2):
        for j, k in enumerate(keys[i:i + 2]):
            if j:
                doc.t(" " * max(2, 40 - doc.column()))
            doc.t(c.P.label(k) + ": ")
            doc.emit(field_value(c, k))
        doc.t("\n")


def c_header_block(doc, c, keys):
    doc.container = "header_block"
    colon = c.P.r.random() < 0.75
    old = doc.case
    doc.case = "upper"
    first = True
    for k in keys:
        lab = "RE" if first and c.P.r.random() < 0.5 else c.P.label(k)
        first = False
        doc.t(lab + (": " if colon else " " * max(2, 24 - len(lab))))
        doc.emit(field_value(c, k))
        doc.t("\n")
    doc.case = old


def c_name_form(doc, c):
    doc.container = "form_last_first"
    P, p = c.P, c.p
    sep = P.r.choice([" | ", "   ", "  |  ", "\t"])
    doc.t(P.label("last") + ": ")
    doc.v(p.last, "PERSON", "PATIENT")
    doc.t(sep + P.label("first") + ": ")
    doc.v(p.given, "PERSON", "PATIENT")
    doc.t(sep + P.label("mi") + ": ")
    doc.v(p.mi, "PERSON", "PATIENT")
    doc.t("\n")


def c_address_block(doc, c, who=None):
    doc.container = "address_block"
    who = who or c.p
    doc.emit(who.full(c.P)[:1] if c.P.r.random() < 0.5 else [V(f"{who.given} {who.last}", "PERSON", who.role)])
    doc.t("\n")
    doc.emit(street(c.P))
    doc.t("\n")
    doc.emit(city_line(c.P))
    doc.t("\n")


def household_rows(c):
    P, r = c.P, c.P.r
    rows = [(c.p, "Self" if r.random() < 0.5 else "Client", c.dob)]
    if r.random() < 0.6:
        rows.append((c.spouse, r.choice(["Spouse", "Husband" if c.spouse.sex == "M" else "Wife", "Partner"]),
                     (2024 - c.spouse.age, r.randint(1, 12), r.randint(1, 28))))
    for k in c.kids:
        rows.append((k, "Son" if k.sex == "M" else "Daughter", (2024 - k.age, r.randint(1, 12), r.randint(1, 28))))
    return rows


TABLE_LAYOUTS = ["pipe_rule", "pipe_bare", "pipe_edge_rule", "tsv", "aligned", "csv"]
HOUSE_HEADS = {
    "name": ["Name", "Member", "Household Member", "Full Name", "Nombre"],
    "rel": ["Relation", "Relationship", "Rel.", "Rel to Client"],
    "age": ["Age", "Yrs", "Edad"],
    "sex": ["Sex", "Gender", "M/F"],
    "dob": ["DOB", "Birth Date", "D.O.B.", "Born"],
}


def table(doc, c, heads, rows, layout, container):
    """rows: list of lists of frag lists (or plain strings for unannotated cells)."""
    doc.container = container
    rows = [[cell if isinstance(cell, list) else [T(cell)] for cell in row] for row in rows]

    def width(col):
        return max([len(heads[col])] + [sum(len(f[0]) for f in row[col]) for row in rows])

    ws = [width(i) for i in range(len(heads))]
    if layout in ("pipe_rule", "pipe_bare", "pipe_edge_rule"):
        edge = layout == "pipe_edge_rule" or c.P.r.random() < 0.5
        def line(cells):
            if edge:
                doc.t("| ")
            for i, cell in enumerate(cells):
                if i:
                    doc.t(" | ")
                doc.emit(cell)
                doc.t(" " * (ws[i] - sum(len(f[0]) for f in cell)))
            doc.t(" |\n" if edge else "\n")
        line([[T(h)] for h in heads])
        if layout != "pipe_bare":
            last = len(ws) - 1
            dashes = [w + 2 - (0 if edge else (i == 0) + (i == last)) for i, w in enumerate(ws)]
            doc.t(("|" if edge else "") + "|".join("-" * n for n in dashes) + ("|" if edge else "") + "\n")
        for row in rows:
            line(row)
    elif layout == "tsv":
        doc.t("\t".join(heads) + "\n")
        for row in rows:
            for i, cell in enumerate(row):
                if i:
                    doc.t("\t")
                doc.emit(cell)
            doc.t("\n")
    elif layout == "aligned":
        for i, h in enumerate(heads):
            doc.t(h + " " * (ws[i] - len(h) + 3))
        doc.t("\n")
        for row in rows:
            for i, cell in enumerate(row):
                doc.emit(cell)
                if i < len(row) - 1:
                    doc.t(" " * (ws[i] - sum(len(f[0]) for f in cell) + 3))
            doc.t("\n")
    else:  # csv
        doc.t(",".join(heads) + "\n")
        for row in rows:
            for i, cell in enumerate(row):
                if i:
                    doc.t(",")
                quoted = any("," in f[0] for f in cell)
                if quoted:
                    doc.t('"')
                doc.emit(cell)
                if quoted:
                    doc.t('"')
            doc.t("\n")


def c_household(doc, c):
    P = c.P
    layout = P.r.choice(P.p_layouts)
    cols = ["name", "rel", "age", "sex", "dob"]
    if P.r.random() < 0.4:
        cols.remove(P.r.choice(["dob", "sex"]))
    heads = [P.r.choice(P.house_heads[k]) for k in cols]
    rows = []
    for person, rel, dob in household_rows(c):
        row = []
        for k in cols:
            if k == "name":
                if P.r.random() < 0.3 and layout != "csv":
                    row.append([V(person.last, "PERSON", person.role), T(", "), V(person.given, "PERSON", person.role)])
                else:
                    row.append([V(f"{person.given} {person.last}", "PERSON", person.role)])
            elif k == "rel":
                row.append([V(rel, "GENDER", "KINSHIP", "NO_MASK")] if rel not in ("Self", "Client", "Partner", "Spouse")
                           else [T(rel)])
            elif k == "age":
                row.append([V(str(person.age), "AGE", "AGE")])
            elif k == "sex":
                row.append([V(P.r.choice({"F": ["F", "Female"], "M": ["M", "Male"]}[person.sex]), "GENDER", "SEX")])
            else:
                row.append(fmt_numeric_date(P, dob, "DOB"))
        rows.append(row)
    doc.t(P.r.choice(["HOUSEHOLD COMPOSITION", "Household Members", "Household:", "FAMILY COMPOSITION",
                      "Persons in the home"]) + "\n")
    table(doc, c, heads, rows, layout, "table_" + layout)


def c_contact_table(doc, c):
    """Role | Name | Phone table."""
    P = c.P
    layout = P.r.choice(P.p_layouts)
    rows = []
    for role, key in [("Treating physician", "DOCTOR"), ("Adjuster", "ADJUSTER"), ("Attorney", "ATTORNEY"),
                      ("Caseworker", "CASEWORKER"), ("Interpreter", "INTERPRETER")]:
        if P.r.random() < 0.6:
            rows.append([role, c.person(key).full(P)[:1], phone(P)])
    if not rows:
        rows.append(["Treating physician", c.person("DOCTOR").full(P)[:1], phone(P)])
    table(doc, c, [P.r.choice(["Role", "Contact", "Party"]), "Name", P.r.choice(["Phone", "Tel", "Contact #"])],
          rows, layout, "table_" + layout)


def c_visit_table(doc, c):
    """Date | Provider | Note table with traps in the notes."""
    P = c.P
    layout = P.r.choice(P.p_layouts)
    rows = []
    for _ in range(P.r.randint(2, 5)):
        dt = mkdate(P)
        rows.append([fmt_numeric_date(P, dt), [V(c.person("DOCTOR").last, "PERSON", "DOCTOR")],
                     P.c("trap").rstrip(".").replace(",", ";")])
    table(doc, c, [P.r.choice(["Date", "DOS", "Visit"]), P.r.choice(["Provider", "Seen by", "Clinician"]), "Note"],
          rows, layout, "table_" + layout)


def c_med_table(doc, c):
    """A medication table: traps only, no identifier."""
    P = c.P
    layout = P.r.choice(P.p_layouts)
    meds = [["Norco", "10/325 mg", "q6h prn"], ["Gabapentin", "300 mg", "TID"], ["Tramadol", "50 mg", "BID"],
            ["Naproxen", "550 mg", "BID"], ["Omeprazole", "20 mg", "daily"], ["Cyclobenzaprine", "7.5 mg", "qhs"],
            ["Lidoderm", "5%", "12h on/12h off"], ["Metformin", "500 mg", "BID"]]
    P.r.shuffle(meds)
    table(doc, c, ["Medication", "Dose", "Frequency"], meds[:P.r.randint(2, 5)], layout, "table_" + layout)


CREDENTIALS = {
    "DOCTOR": [", M.D.", ", MD", ", D.O.", ", DC", ", PA-C", ", M.D., QME", " MD", ""],
    "CASEWORKER": [", MSW", ", LCSW", ", ASW", ", Social Worker III", " MSW", ""],
    "JUDGE": [", P.J.", ", J.", ", Commissioner", ", WCJ"],
    "NURSE": [", RN", ", RRT", ", LVN", " RN"],
}


def c_signature(doc, c, role="DOCTOR"):
    doc.container = "signature"
    P, r = c.P, c.P.r
    who = c.person(role)
    doc.t(r.choice(["Signed,", "Sincerely,", "Respectfully submitted,", "Electronically signed by:",
                    "Reviewed and signed:", "/s/"]) + "\n")
    name = f"{who.given} {who.mi}. {who.last}" if r.random() < 0.5 else f"{who.given} {who.last}"
    if r.random() < 0.5:
        name = name.upper()
    doc.v(name, "PERSON", role)
    doc.t(r.choice(CREDENTIALS.get(role, [""])) + "\n")
    if r.random() < 0.6:
        doc.t(r.choice(["Tel: ", "Phone ", "Direct line: "]))
        doc.emit(phone(P))
        doc.t("\n")
    if r.random() < 0.4:
        doc.emit(email(P, who))
        doc.t("\n")
    if role in ("ATTORNEY", "DOCTOR") and r.random() < 0.25:
        doc.emit(c.slot("url"))
        doc.t("\n")


def c_list(doc, c):
    doc.container = "list"
    P, r = c.P, c.P.r
    doc.t(r.choice(["Household members:", "Collateral contacts:", "Persons present:", "Other parties:"]) + "\n")
    bullet = r.choice(["- ", "* ", "• ", "1. "])
    for i, k in enumerate([c.spouse] + c.kids[:2]):
        b = f"{i + 1}. " if bullet == "1. " else bullet
        doc.t(b)
        doc.emit([V(f"{k.given} {k.last}", "PERSON", "RELATIVE")])
        form = r.random()
        if form < 0.5:
            doc.t(", ")
            doc.emit(age_frag(P, k.age))
            doc.t(", ")
        else:
            doc.t(", age ")
            doc.emit(age_frag(P, k.age))
            doc.t(", ")
        if k is c.spouse:
            kin = {"F": ["wife", "partner", "sister-in-law"], "M": ["husband", "partner", "brother-in-law"]}[k.sex]
        elif k.age < 18:
            kin = {"F": ["daughter", "niece", "granddaughter"], "M": ["son", "nephew", "grandson"]}[k.sex]
        else:
            kin = {"F": ["sister", "cousin", "aunt"], "M": ["brother", "cousin", "uncle"]}[k.sex]
        doc.emit([V(r.choice(kin), "GENDER", "KINSHIP", "NO_MASK")])
        if k.age >= 18 and r.random() < 0.5:
            doc.t(", employed as a ")
            doc.emit([V(P.c("occ"), "OCCUPATION", "OCCUPATION")])
        doc.t("\n")


def c_caption(doc, c):
    """Court caption: party names in capitals above their roles."""
    doc.container = "caption"
    P, r = c.P, c.P.r
    old = doc.case
    doc.case = "upper"
    court = r.choice(["IN THE COURT OF APPEAL OF THE STATE OF |\nFIFTH APPELLATE DISTRICT\n\n",
                      "WORKERS' COMPENSATION APPEALS BOARD\n\n", "SUPERIOR COURT OF |\n",
                      "WORKERS' COMPENSATION APPEALS BOARD\nSTATE OF |\n\n"])
    if "|" in court:
        head, tail = court.split("|")
        doc.t(head)
        doc.v("California", "STATE", "AGENCY_NAME", "NO_MASK")
        doc.t(tail)
    else:
        doc.t(court)
    if r.random() < 0.3:
        doc.t("COUNTY OF ")
        doc.v(P.c("county"), "LOCATION", "COUNTY")
        doc.t("\n\n")
    doc.emit([V(f"{c.p.given} {c.p.last}", "PERSON", "PATIENT")])
    doc.t(",\n")
    doc.case = old
    doc.t(r.choice(["    Plaintiff and Respondent,", "    Applicant,", "    Petitioner and Appellant,",
                    "    Plaintiff and Appellant,"]) + "\n")
    doc.t(r.choice(["v.", "vs.", "V."]) + "\n")
    doc.case = "upper"
    doc.emit(c.org("EMPLOYER"))
    if r.random() < 0.5:
        doc.t("; ")
        doc.emit(c.org("INSURER"))
    doc.t(",\n")
    doc.case = old
    doc.t(r.choice(["    Defendant and Appellant.", "    Defendants.", "    Respondents."]) + "\n\n")
    doc.t(r.choice(["", "Court of Appeal No. ", "Case No. "]))
    doc.emit(ident(P, "DOCKET"))
    doc.t("\n")
    if r.random() < 0.6:
        doc.t("(Super. Ct. No. ")
        doc.emit(ident(P, "DOCKET"))
        doc.t(")\n")
    doc.t("\n")


def c_panel(doc, c):
    doc.container = "panel"
    P, r = c.P, c.P.r
    j = []
    while len(j) < 3:
        cand = Person(P, role="JUDGE")
        if cand.last not in {x.last for x in j}:
            j.append(cand)
    doc.t(r.choice(["Before ", "BEFORE: ", "Panel: "]))
    doc.v(j[0].last, "PERSON", "JUDGE")
    doc.t(", P.J., ")
    doc.v(j[1].last, "PERSON", "JUDGE")
    doc.t(", J., and ")
    doc.v(j[2].last, "PERSON", "JUDGE")
    doc.t(", J.\n\n")


def c_counsel(doc, c):
    doc.container = "counsel"
    P, r = c.P, c.P.r
    a = c.person("ATTORNEY")
    doc.t(r.choice(["Law Offices of ", "", "Office of "]))
    doc.v(f"{a.given} {a.last}", "PERSON", "ATTORNEY")
    doc.t(r.choice([" and ", ", "]))
    b = Person(P, role="ATTORNEY")
    doc.v(f"{b.given} {b.mi}. {b.last}", "PERSON", "ATTORNEY")
    doc.t(" for Plaintiff and Respondent.\n")
    doc.t("See ")
    doc.v(f"People v. {P.c('surname')}", "PERSON", "CASE_LAW", "NO_MASK")
    doc.t(f" (20{r.randint(10, 22)}) {r.randint(1, 99)} Cal.App.5th {r.randint(1, 999)}.\n\n")


def c_paren(doc, c):
    doc.container = "paren"
    P, r = c.P, c.P.r
    doc.emit(c.p.titled(P))
    if r.random() < 0.5:
        doc.t(" lives with ")
        doc.emit(pronoun(c.p, "his"))
        doc.t(" children, ")
    else:
        doc.t(r.choice([" reported that the children, ", " and the minors, "]))
    for i, k in enumerate(c.kids):
        if i:
            doc.t(" and " if i == len(c.kids) - 1 else ", ")
        doc.v(k.given, "PERSON", "RELATIVE")
        doc.t(" (")
        doc.v(str(k.age), "AGE", "AGE")
        if r.random() < 0.3:
            doc.t(r.choice([" yo", " y/o", " years"]))
        doc.t(")")
    doc.t(r.choice([", are doing well.", ", attend school daily.", "."]) + "\n")
    doc.t(r.choice(["Seen: ", "The client, "]))
    doc.v(f"{c.spouse.given} {c.spouse.last}", "PERSON", "RELATIVE")
    doc.t(", ")
    doc.emit(age_frag(P, c.spouse.age))
    doc.t(r.choice([", was present.", ", also spoke.", ", declined to be interviewed."]) + "\n")


def c_inline_csv(doc, c):
    """CSV-like rows inside a narrative: `Tapia,Rocio,(559) 555-0101,aunt`."""
    doc.container = "csv_inline"
    P, r = c.P, c.P.r
    doc.t(r.choice(["Collateral contacts (last,first,phone,relation): ", "Contacts: ",
                    "Emergency contacts - "]) + "\n")
    for k in [c.spouse] + c.kids[:1]:
        doc.v(k.last, "PERSON", "RELATIVE")
        doc.t(",")
        doc.v(k.given, "PERSON", "RELATIVE")
        doc.t(",")
        doc.emit(phone(P))
        doc.t(",")
        doc.v("partner" if k is c.spouse else ("son" if k.sex == "M" else "daughter"), "GENDER", "KINSHIP",
              "NO_MASK")
        doc.t("\n")


def c_kv_table(doc, c, keys):
    """A two-column Field | Value table."""
    P = c.P
    layout = P.r.choice(P.p_layouts)
    rows = [[P.label(k), field_value(c, k)] for k in keys]
    table(doc, c, [P.r.choice(["Field", "Item", "Data"]), P.r.choice(["Value", "Entry", "Information"])],
          rows, layout, "kv_" + layout)
    doc.t("\n")


def c_records_list(doc, c):
    """`Documents reviewed:` list of reports with authors and dates."""
    doc.container = "records_list"
    P, r = c.P, c.P.r
    doc.t(r.choice(["DOCUMENTS REVIEWED:", "Records reviewed", "The following records were reviewed:"]) + "\n")
    bullet = r.choice(["- ", "* ", "• ", "1) "])
    for i in range(r.randint(2, 6)):
        doc.t(f"{i + 1}) " if bullet == "1) " else bullet)
        kind = r.choice(["PR-2 report", "Utilization review determination", "MRI report", "Operative report",
                         "Request for authorization", "QME report", "Physical therapy notes"])
        doc.t(kind + r.choice([" by ", " from ", ", author "]))
        if r.random() < 0.5:
            doc.t("Dr. ")
            doc.v(c.person("DOCTOR").last, "PERSON", "DOCTOR")
        else:
            doc.emit(c.person("DOCTOR").full(P)[:1])
        doc.t(r.choice([", dated ", " dated ", " (", ", "]))
        doc.emit((fmt_numeric_date if r.random() < 0.6 else fmt_date)(P, mkdate(P)))
        doc.t(")\n" if doc.buf[-2].endswith("(") else "\n")


def c_contact_log(doc, c):
    """Date | Type | Staff | Contact table of a case file."""
    P, r = c.P, c.P.r
    layout = r.choice(P.p_layouts)
    rows = []
    for _ in range(r.randint(2, 5)):
        rows.append([fmt_numeric_date(P, mkdate(P)), r.choice(["Home visit", "Phone", "Office", "Collateral", "Email"]),
                     [V(c.person("CASEWORKER").given[0] + ". " + c.person("CASEWORKER").last, "PERSON", "CASEWORKER")],
                     r.choice([c.p.titled(P), [T("client")], [V(c.spouse.given, "PERSON", "RELATIVE")],
                               [V(c.org("SCHOOL")[0][0], "ORG", "SCHOOL")]])])
    table(doc, c, [r.choice(["Date", "Contact Date"]), "Type", r.choice(["Staff", "Worker", "By"]),
                   r.choice(["With", "Contact", "Person"])], rows, layout, "table_" + layout)
    doc.t("\n")


def c_vitals_table(doc, c):
    """Vital signs by hour: traps only (times are NO_MASK-free plain text here)."""
    P, r = c.P, c.P.r
    rows = [[f"{h:02d}00", f"{r.randint(100, 150)}/{r.randint(60, 95)}", str(r.randint(60, 110)),
             f"{r.randint(92, 100)}%", f"{r.randint(0, 10)}/10"] for h in sorted(r.sample(range(24), 3))]
    table(doc, c, ["Time", "BP", "HR", "SpO2", "Pain"], rows, r.choice(P.p_layouts), "vitals")
    doc.t("\n")


def c_prose(doc, c, n):
    doc.container = "prose"
    P = c.P
    pool = P.templates[c.genre]
    for tmpl in P.r.sample(pool, min(n, len(pool))):
        doc.emit(c.render(tmpl))
        doc.t(" " if P.r.random() < 0.6 else "\n")
        if P.r.random() < 0.3:
            doc.t(P.c("trap") + " ")
    doc.t("\n")


def c_traps(doc, c):
    doc.container = "traps"
    P = c.P
    for _ in range(P.r.randint(2, 5)):
        doc.t(P.c("trap") + " ")
    doc.t("\n")


def clock(r):
    """A time of day (NO_MASK): 0730, 07:30, 7:30 AM, 1400h."""
    h, m = r.randint(0, 23), r.choice([0, 5, 15, 30, 45, 50])
    return r.choice([f"{h:02d}{m:02d}", f"{h:02d}{m:02d}", f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} "
                     + ("AM" if h < 12 else "PM"), f"{h:02d}{m:02d}h"])


def c_clinical_entries(doc, c):
    doc.container = "clinical_entry"
    P, r = c.P, c.P.r
    pool = P.templates["clinical"]
    for _ in range(r.randint(3, 7)):
        y, m, d = mkdate(P)
        doc.v(r.choice([f"{m}/{d}", f"{m:02d}/{d:02d}", f"{m}/{d}/{y % 100:02d}", f"{m:02d}/{d:02d}/{y}"]),
              "DATE", "DATE")
        doc.t(" ")
        doc.v(clock(r), "DATE", "TIME", "NO_MASK")
        doc.t(" " + r.choice(["RN:", "rn note:", "NSG:", "MD:", "RT:", "--"]) + " ")
        doc.t(P.c("trap_lower") + " ")
        if r.random() < 0.75:
            doc.emit(c.render(r.choice(pool)))
            doc.t(" ")
        doc.t(P.c("trap_lower"))
        doc.t(" ")
        nurse = c.person("NURSE")
        doc.v(f"{nurse.given[0]}. {nurse.last}" if r.random() < 0.6 else nurse.last, "PERSON", "NURSE")
        cred = c.cast.setdefault("NURSE_CRED", r.choice(["RN", "LVN", "RT", "CNA", "RN"]))
        doc.t(r.choice([" ", ", "]) + cred + "\n")


# ---------------------------------------------------------------------------
# Genres


def field_section(doc, c, keys):
    """Lays out `keys` in one of the field containers (now and then in Capitalized Words)."""
    P = c.P
    old = doc.case
    if old == "title" and P.r.random() < 0.25:
        doc.case = "capwords"
    _field_section(doc, c, keys)
    doc.case = old


def _field_section(doc, c, keys):
    P = c.P
    kind = P.r.choice(["colon", "colon", "pipe", "dots", "tab", "aligned", "kv"])
    if kind == "kv":
        c_kv_table(doc, c, keys)
        return
    if kind == "pipe":
        for i in range(0, len(keys), 3):
            c_pipe_fields(doc, c, keys[i:i + 3])
    else:
        {"colon": c_colon, "dots": c_dots, "tab": c_tab, "aligned": c_aligned_fields}[kind](doc, c, keys)
    doc.t("\n")


def pick(r, keys, lo, hi):
    keys = list(keys)
    r.shuffle(keys)
    return keys[:r.randint(lo, min(hi, len(keys)))]


def section_case(doc, P, base):
    doc.case = base if P.r.random() < 0.8 else P.r.choice(["title", "upper", "lower"])


def gen_imr(doc, c):
    P, r = c.P, c.P.r
    base = doc.case
    doc.t("MAXIMUS Federal Services\nIndependent Medical Review Final Determination Letter\n\n")
    doc.emit(fmt_date(P, mkdate(P)))
    doc.t("\n\n")
    c_address_block(doc, c)
    doc.t("\n")
    c_header_block(doc, c, ["patient"] + pick(r, ["claim", "doi", "employer", "insurer", "dob", "attn"], 2, 5))
    doc.t("IMR Case Number: ")
    doc.emit(ident(P, "IMRNO"))
    doc.t("\n\n")
    doc.container = "boilerplate"
    doc.t("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation. ")
    doc.v("He/she", "GENDER", "PRONOUN_GENERIC", "NO_MASK")
    doc.t(" has no affiliation with the employer. The reviewer was selected based on ")
    doc.v("his/her", "GENDER", "PRONOUN_GENERIC", "NO_MASK")
    doc.t(" clinical experience.\n\n")
    if r.random() < 0.6:
        c_records_list(doc, c)
        doc.t("\n")
    doc.container = "boilerplate"
    doc.t("CLINICAL CASE SUMMARY\n")
    section_case(doc, P, base)
    c_prose(doc, c, r.randint(4, 9))
    if r.random() < 0.4:
        c_med_table(doc, c)
    doc.case = base
    c_traps(doc, c)
    c_signature(doc, c)


def gen_pr2(doc, c):
    P, r = c.P, c.P.r
    base = doc.case
    doc.t("PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)\n\n")
    if r.random() < 0.5:
        c_name_form(doc, c)
        field_section(doc, c, pick(r, ["dob", "sex", "claim", "employer", "insurer", "doi", "phone", "ssn",
                                       "address", "adjuster", "policy", "occupation", "language"], 4, 8))
    else:
        field_section(doc, c, ["patient"] + pick(r, ["dob", "age", "sex", "claim", "employer", "insurer", "doi",
                                                     "phone", "ssn", "address", "city", "adjuster", "fax",
                                                     "email", "badge", "marital", "attn"], 4, 9))
    doc.t("SUBJECTIVE COMPLAINTS:\n")
    section_case(doc, P, base)
    c_prose(doc, c, r.randint(3, 7))
    doc.case = base
    doc.t("OBJECTIVE FINDINGS:\n")
    c_traps(doc, c)
    if r.random() < 0.5:
        c_visit_table(doc, c)
        doc.t("\n")
    if r.random() < 0.4:
        c_contact_table(doc, c)
        doc.t("\n")
    c_signature(doc, c)


def gen_court(doc, c):
    P, r = c.P, c.P.r
    base = doc.case
    c_caption(doc, c)
    c_panel(doc, c)
    doc.t("OPINION\n")
    section_case(doc, P, base)
    c_prose(doc, c, r.randint(4, 9))
    doc.case = base
    c_counsel(doc, c)
    if r.random() < 0.3:
        c_signature(doc, c, "JUDGE")


def gen_social(doc, c):
    P, r = c.P, c.P.r
    base = doc.case
    doc.t(r.choice(["COUNTY SOCIAL SERVICES\nCASE NOTE\n\n", "Department of Social Services - Contact Note\n\n",
                    "CHILD WELFARE SERVICES\nDELIVERED SERVICE LOG\n\n"]))
    keys = ["patient", "case"] + pick(r, ["referral", "worker", "dob", "address", "phone", "language",
                                          "ethnicity", "member", "county", "zip", "religion", "nationality",
                                          "school"], 3, 7)
    if r.random() < 0.3:
        c_name_form(doc, c)
        keys.remove("patient")
    field_section(doc, c, keys)
    if r.random() < 0.8:
        c_household(doc, c)
        doc.t("\n")
    doc.t(r.choice(["Narrative:\n", "CONTACT NARRATIVE\n", "Notes:\n"]))
    section_case(doc, P, base)
    c_prose(doc, c, r.randint(3, 7))
    if r.random() < 0.6:
        c_paren(doc, c)
    if r.random() < 0.5:
        c_list(doc, c)
    if r.random() < 0.3:
        c_inline_csv(doc, c)
    doc.case = base
    if r.random() < 0.4:
        doc.t("CONTACT LOG\n")
        c_contact_log(doc, c)
    doc.t("\n")
    c_signature(doc, c, "CASEWORKER")


def gen_clinical(doc, c):
    P, r = c.P, c.P.r
    doc.t(r.choice(["NURSING PROGRESS NOTES\n", "Interdisciplinary Progress Notes\n", "nsg notes\n"]))
    c_pipe_fields(doc, c, ["patient", "mrn", "dob"])
    c_pipe_fields(doc, c, pick(r, ["room", "unit", "doctor", "age", "sex", "language"], 2, 4))
    doc.t("\n")
    if r.random() < 0.3:
        c_vitals_table(doc, c)
    c_clinical_entries(doc, c)
    doc.t("\n")
    if r.random() < 0.4:
        c_med_table(doc, c)


def gen_blank(doc, c):
    """A document with no identifier at all."""
    doc.t(c.P.r.choice(["GUIDELINE EXCERPT\n", "Clinical criteria\n", "TREATMENT NOTES (TEMPLATE)\n"]))
    c_traps(doc, c)
    c_med_table(doc, c)
    c_traps(doc, c)


GENRES = {"imr": gen_imr, "pr2": gen_pr2, "court": gen_court, "social": gen_social, "clinical": gen_clinical}


def generate(seed, ndocs):
    P = Pools(seed)
    P.p_layouts = split(TABLE_LAYOUTS, P.half) + ["pipe_rule"]
    P.house_heads = {k: split(v, P.half) for k, v in HOUSE_HEADS.items()}
    docs = []
    names = list(GENRES)
    for i in range(ndocs):
        genre = names[i % len(names)]
        doc = Doc(genre)
        cstyle = P.r.random()
        doc.case = "title" if cstyle < 0.6 else ("upper" if cstyle < 0.8 else "lower")
        if genre == "clinical" and P.r.random() < 0.5:
            doc.case = "lower"
        c = Ctx(P, genre)
        if P.r.random() < 0.04:
            gen_blank(doc, c)
        else:
            GENRES[genre](doc, c)
        docs.append(doc.finish(f"gen{seed}-{i:04d}-{genre}"))
    return docs, P


def word_set(*files):
    out = set()
    for f in files:
        path = os.path.join(ROOT, "patterns", "words", f)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    out.add(norm(line))
    return out


def absent_share(P):
    """Share of planted given names and surnames (per distinct token) absent from the repo lists."""
    first = word_set("first-names.txt", "first-names-extra.txt")
    last = word_set("surnames.txt", "surnames-extra.txt")
    res = {}
    for label, used, known in [("given", P.used_given, first), ("surname", P.used_surname, last)]:
        names = list(used)
        miss = [n for n in names if any(norm(t) not in known for t in n.replace("-", " ").split())]
        res[label] = (len(miss), len(names))
    return res


def print_stats(docs, P, out=sys.stderr):
    kinds, conts, genres = collections.Counter(), collections.Counter(), collections.Counter()
    for d in docs:
        for s in d["spans"]:
            if s["identifier_type"] == "NO_MASK":
                continue
            kinds[s["kind"]] += 1
            conts[s["container"]] += 1
            genres[s["genre"]] += 1
    for title, cnt in [("kind", kinds), ("container", conts), ("genre", genres)]:
        print(f"{title:<20}{'spans':>7}", file=out)
        for k, v in sorted(cnt.items(), key=lambda kv: -kv[1]):
            print(f"  {k:<18}{v:>7}", file=out)
    for label, (miss, total) in absent_share(P).items():
        print(f"{label} names absent from patterns/words: {miss}/{total} = {miss / max(total, 1):.2f}", file=out)
    print(f"documents: {len(docs)}, scored spans: {sum(kinds.values())}", file=out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--docs", type=int, default=250)
    ap.add_argument("--stats", action="store_true", help="print span counts per kind and container")
    a = ap.parse_args(argv)
    docs, P = generate(a.seed, a.docs)
    with open(a.out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if a.stats:
        print_stats(docs, P, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
