#!/usr/bin/env python3
"""Clinical nursing and progress notes with no identifier at all, for measuring false alarms.

A de-identifier that redacts what it does not know to be safe must still leave a note with
nothing identifying in it alone: issue 14 asks that fewer than 10% of such notes get any
redaction. Each document here is a telegraphic clinical note (entries with times of day,
vital-sign and medication tables, SOAP sections, abbreviations, eponyms, drugs and devices,
words that are also names: `Will continue`, `temp rose`, `site marked`) in Title case, ALL
CAPS or lowercase, and carries no scored gold span: every finding on it is a false alarm,
except on the times of day that open its entries (NO_MASK spans, as in `gen-casefiles.py`:
not identifiers under safe harbor, and not counted either way).

The sentence pools are this project's own text. Like `gen-casefiles.py`, every pool is cut
into two halves by a hash of each item: seed 1 draws from half A (the one tuned on), seed 2
from half B (held out), so a rule tuned on seed 1's sentences is scored on sentences it has
never seen.

    scripts/gen-blank-notes.py --seed 1 -o blank1.jsonl [--docs 200]
"""
import argparse
import hashlib
import json
import random
import sys

ENTRY_LINES = [
    "Pt resting comfortably in bed, call light within reach.", "VSS, afebrile overnight.",
    "Foley draining clear yellow urine.", "IV site clean, dry and intact; NS at 75 mL/hr.",
    "Lungs CTA bilat, diminished at the bases.", "Ambulated in hallway x2 with walker, tolerated well.",
    "Norco 10/325 given for pain 7/10, reassessed at 4/10.", "PT to see for gait training.",
    "NPO after midnight for OR in the AM.", "A&O x4, MAE x4.", "Skin warm and dry, no s/s of infection.",
    "BS active x4 quadrants.", "Pedal pulses 2+ bilat.", "Turned q2h, heels floated.",
    "Glucose 142, covered per sliding scale.", "Report given to oncoming shift.",
    "Will continue to monitor.", "Family at bedside, questions answered.", "Temp rose to 101.2 overnight, MD notified.",
    "Tylenol 650 mg PO given for temp.", "Blood cultures x2 drawn.", "Site marked by surgical team.",
    "HOB elevated 30 degrees.", "SCDs on bilat lower extremities.", "Incentive spirometer 1000 mL x10.",
    "Dressing to L knee changed, scant serous drainage.", "JP drain emptied 40 mL serosanguinous.",
    "Tolerating clear liquids, advance diet as tolerated.", "Zofran 4 mg IV given for nausea with relief.",
    "Voiding without difficulty.", "Last BM yesterday, Colace and senna given.", "Pain controlled on current regimen.",
    "Heparin drip at 12 units/kg/hr, next PTT at 0600.", "Lasix 40 mg IV given, UO 600 mL.",
    "O2 at 2 L NC, SpO2 95%.", "Weaned to room air, SpO2 93%.", "BiPAP on for sleep.",
    "PICC line flushed, good blood return.", "PIV L forearm, 20 g, patent.", "NGT to LCS, output 150 mL bilious.",
    "PEG tube feeds at goal 55 mL/hr.", "Restless overnight, reoriented easily.", "Fall precautions in place, bed alarm on.",
    "CIWA score 6, no Ativan required.", "Haldol 2 mg IM given for agitation per order.",
    "Chaplain visit offered, declined.", "SW consult placed for discharge planning.", "Case management aware.",
    "Charge RN aware of change in status.", "RT in to assess, neb given.", "Albuterol neb with good effect.",
    "Lovenox 40 mg subQ given.", "Protonix 40 mg IV daily.", "Vanco trough due before fourth dose.",
    "Zosyn 3.375 g IV q8h.", "Keflex 500 mg PO QID.", "Coumadin held for INR 3.4.", "INR 2.1, within range.",
    "K 3.2, replaced per protocol.", "Mg 1.6, 2 g IV given.", "Hgb 8.1, stable from prior.",
    "Wound vac at -125 mmHg, seal intact.", "Pressure injury stage 2 to sacrum, foam dressing applied.",
    "Braden score 14.", "Morse fall score 45.", "GCS 15.", "Pupils PERRLA, 3 mm brisk.",
    "Neuro checks q4h unchanged.", "Telemetry NSR 70s, no ectopy.", "Afib with RVR to 140s, diltiazem started.",
    "Swan-Ganz readings within normal limits.", "Tinel sign negative at the wrist.", "Homans sign negative.",
    "Murphy sign positive on exam.", "Romberg negative.", "Babinski absent bilat.", "McMurray test negative.",
    "Lachman stable.", "Trendelenburg gait noted.", "Epley maneuver performed with relief.",
    "Glasgow Coma Scale unchanged.", "Apgar not applicable.", "Valsalva without effect on rate.",
    "Hope to wean sedation today.", "Plan is to mobilize with PT and OT.", "OT eval ordered.",
    "Speech eval for swallow, thin liquids ok.", "Aspiration precautions maintained.",
    "Dilaudid 0.5 mg IV q3h prn.", "Toradol 15 mg IV given.", "Percocet 5/325 one tab given.",
    "Ambien 5 mg at HS.", "Melatonin 3 mg at HS.", "Miralax 17 g daily.", "Solu-Medrol 40 mg IV q12h.",
    "Insulin glargine 20 units at HS.", "Accu-checks AC and HS.", "I/O 1200/950 this shift.",
    "Urine output adequate.", "Strict I&O.", "Daily weight 82.4 kg, down 0.6 kg.", "Bladder scan 350 mL, straight cath.",
    "TED hose on.", "Bed in low position.", "Rounded hourly.", "Denies CP or SOB.", "C/o nausea, resolved.",
    "Rates pain 3/10, declines meds.", "Pain 8/10 with movement.", "BP 148/92, recheck 136/84.",
    "HR in the 90s overnight.", "RR 18, unlabored.", "Temp 98.6 F oral.", "Mark on the L wrist noted and charted.",
    "Bill for supplies per unit routine.", "Will notify MD of any change.", "May shower with dressing covered.",
    "Up to chair for meals.", "OK to discharge when cleared by PT.", "Discharge teaching started.",
    "Teach-back done on insulin.", "Pt verbalized understanding.", "Pt refused evening meds, MD aware.",
    "Code status full code.", "DNR/DNI per advance directive on chart.", "Isolation: contact precautions for MRSA.",
    "C. diff negative.", "CXR done, read pending.", "CT head without contrast negative.", "EKG NSR, no acute changes.",
    "Echo EF 55%.", "Troponin <0.01 x2.", "Lactate 1.4.", "WBC 11.2.", "Cr 1.1, baseline.",
]
HEADERS = [
    "NURSING NOTE", "Progress Note", "Nursing Progress Note", "SHIFT ASSESSMENT", "RN Note", "Night shift summary",
    "Day shift summary", "Post-op check", "Rapid response note", "Transfer note", "Discharge note",
    "Pain reassessment", "Wound care note", "RT note", "PT treatment note", "Interdisciplinary note",
]
LEADS = ["RN:", "rn note:", "NSG:", "MD:", "RT:", "--", "Note:", "Update:", "Reassess:", ""]
SOAP = [("S:", ["Reports feeling better.", "C/o incisional pain.", "Denies CP, SOB.", "Slept poorly."]),
        ("O:", ["VSS.", "Afebrile.", "Incision C/D/I.", "Lungs clear.", "Abd soft, NT/ND."]),
        ("A:", ["Stable.", "Improving.", "Pain controlled.", "POD 2, progressing."]),
        ("P:", ["Continue plan of care.", "Advance diet.", "Ambulate TID.", "Recheck labs in AM."])]
MEDS = [["Norco", "10/325 mg", "q6h prn"], ["Gabapentin", "300 mg", "TID"], ["Lasix", "40 mg", "daily"],
        ["Heparin", "5000 units", "q8h"], ["Zofran", "4 mg", "q6h prn"], ["Colace", "100 mg", "BID"],
        ["Lovenox", "40 mg", "daily"], ["Protonix", "40 mg", "daily"], ["Metoprolol", "25 mg", "BID"],
        ["Tylenol", "650 mg", "q6h prn"], ["Keflex", "500 mg", "QID"], ["Senna", "8.6 mg", "HS"]]


def half_of(item):
    """0 or 1 by a hash of the item: which generator seed may use it."""
    return hashlib.md5(item.casefold().encode("utf-8")).digest()[0] & 1


def split(pool, half):
    """The items of `pool` in `half`, never empty."""
    mine = [x for x in pool if half_of(x if isinstance(x, str) else x[0]) == half]
    return mine or list(pool)


def clock(r):
    h, m = r.randint(0, 23), r.choice([0, 5, 15, 30, 45, 50])
    return r.choice([f"{h:02d}{m:02d}", f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} " + ("AM" if h < 12 else "PM"),
                     f"{h:02d}{m:02d}h"])


def table(r, heads, rows):
    """A pipe, tab-separated or space-aligned table."""
    layout = r.choice(["pipe", "tsv", "aligned"])
    ws = [max(len(str(x)) for x in col) for col in zip(heads, *rows)]
    out = []
    for i, row in enumerate([heads] + rows):
        if layout == "pipe":
            out.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, ws)) + " |")
            if i == 0:
                out.append("|" + "|".join("-" * (w + 2) for w in ws) + "|")
        elif layout == "tsv":
            out.append("\t".join(str(c) for c in row))
        else:
            out.append("   ".join(str(c).ljust(w) for c, w in zip(row, ws)).rstrip())
    return "\n".join(out) + "\n"


def note(r, lines, headers):
    """One note (text, NO_MASK spans of its entry times): a header, timed entries, maybe
    SOAP sections and tables."""
    parts = [r.choice(headers) + "\n"]
    times = []
    for _ in range(r.randint(3, 7)):
        lead = r.choice(LEADS)
        body = " ".join(r.sample(lines, r.randint(1, 3)))
        at = len("".join(parts).encode("utf-8"))
        t = clock(r)
        times.append({"start": at, "end": at + len(t.encode("utf-8")), "kind": "DATE",
                      "identifier_type": "NO_MASK", "source_kind": "TIME"})
        parts.append(f"{t} {lead + ' ' if lead else ''}{body}\n")
    if r.random() < 0.4:
        parts.append("\n" + "".join(f"{tag} {r.choice(opts)}\n" for tag, opts in SOAP))
    if r.random() < 0.35:
        hours = sorted(r.sample(range(24), 3))
        rows = [[f"{h:02d}00", f"{r.randint(100, 160)}/{r.randint(55, 95)}", r.randint(55, 120),
                 f"{r.randint(90, 100)}%", f"{r.randint(0, 10)}/10"] for h in hours]
        parts.append("\n" + table(r, ["Time", "BP", "HR", "SpO2", "Pain"], rows))
    if r.random() < 0.35:
        parts.append("\n" + table(r, ["Medication", "Dose", "Frequency"], r.sample(MEDS, r.randint(2, 5))))
    text = "".join(parts)
    style = r.random()
    if style < 0.3:
        text = text.upper()
    elif style < 0.6:
        text = text.lower()
    return text, times


def generate(seed, ndocs):
    r = random.Random(f"blank-notes-{seed}")
    half = (seed + 1) % 2  # seed 1 -> half 0 (A), seed 2 -> half 1 (B)
    lines, headers = split(ENTRY_LINES, half), split(HEADERS, half)
    docs = []
    for i in range(ndocs):
        text, times = note(r, lines, headers)
        docs.append({"id": f"blank{seed}-{i:04d}-clinical", "text": text, "spans": times})
    return docs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--docs", type=int, default=200)
    a = ap.parse_args(argv)
    with open(a.out, "w", encoding="utf-8") as f:
        for d in generate(a.seed, a.docs):
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
