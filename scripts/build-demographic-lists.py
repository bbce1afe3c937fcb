#!/usr/bin/env python3
"""Regenerates patterns/words/ethnicity-detailed.txt, the detailed race and ethnicity
groups and tribal affiliations, from the CDC Race & Ethnicity Code Set (CDCREC 1.0,
OID 2.16.840.1.113883.6.238; U.S. government work, public domain), as published in
HL7's v3-Race code system (921 codes).

The input is a JSON list of [display, code] pairs; one way to make it is to take
the code/display pairs of http://terminology.hl7.org/CodeSystem/v3-Race from any
FHIR package that expands it (e.g. the hl7.terminology package).

    python3 scripts/build-demographic-lists.py V3RACE.json

Generic entries (the OMB categories and "Other ..." groups) are left out: the
hand-written ethnicity.txt has those, and they match without a cue.
"""
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "patterns" / "words" / "ethnicity-detailed.txt"
SKIP = re.compile(r"^(English$|Other|White|Black|Asian|American Indian|Alaska Native|Native Hawaiian)\b|\bor\b|\bRace\b")


def main():
    rows = json.load(open(sys.argv[1], encoding="utf-8"))
    names = set()
    for display, _code in rows:
        display = display.strip()
        if SKIP.search(display) or len(display) < 4:
            continue
        names.add(display)
    names = sorted(names, key=lambda n: (n.lower(), n))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Detailed race and ethnicity groups and tribal affiliations: the CDC Race &\n")
        f.write("# Ethnicity Code Set 1.0 (HL7 v3-Race), public domain. Matched only after an\n")
        f.write("# origin cue (rule ethnicity.detailed). Regenerate: scripts/build-demographic-lists.py.\n")
        for n in names:
            f.write(n + "\n")
    print(OUT.name, len(names))


if __name__ == "__main__":
    main()
