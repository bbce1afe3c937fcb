#!/usr/bin/env python3
"""Regenerates patterns/words/foreign-regions.txt: the first-level subdivisions
(states, provinces, departments) of the countries the case files' families most
often come from, so "born in Zacatepec, Puebla" and "Baja California Sur" are places
and not a U.S. state with words around it.

Input: ISO 3166-2 as shipped by Debian's `iso-codes` package
(/usr/share/iso-codes/json/iso_3166-2.json; the package is LGPL-2.1+).

    python3 scripts/build-region-list.py [/usr/share/iso-codes/json/iso_3166-2.json]

Kept: subdivisions of Mexico, Guatemala, El Salvador, Honduras, Nicaragua, Canada
and the Philippines of a first-level type (state, province, department, federal
district), by their name and, for long official names ("Michoacán de Ocampo",
"Veracruz de Ignacio de la Llave"), by the part before " de ". Left out: names that
are U.S. states, common English words (safe-words.txt), first names or surnames of
the core name lists (surnames.txt, first-names.txt: Hidalgo, Guerrero, León are
surnames far more often in these files), languages and ethnicities (a language position reads those), and
names shorter than four letters. Written in title case and in capitals (the rule
matches case-sensitively).
"""
import json
import sys
import unicodedata
from pathlib import Path

WORDS = Path(__file__).resolve().parent.parent / "patterns" / "words"
OUT = WORDS / "foreign-regions.txt"
COUNTRIES = {"MX", "GT", "SV", "HN", "NI", "CA", "PH"}
TYPES = {"State", "Province", "Department", "Federal district", "Federal entity"}


def plain(word):
    """Lower case, accents removed: León -> leon."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded(*paths):
    out = set()
    for path in paths:
        for line in open(WORDS / path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(plain(line))
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-2.json"
    rows = json.load(open(src, encoding="utf-8"))["3166-2"]
    skip = folded("us-states.txt", "safe-words.txt", "surnames.txt", "first-names.txt",
                  "languages.txt", "ethnicity.txt", "nationalities.txt")
    names = set()
    for r in rows:
        if r["code"][:2] not in COUNTRIES or r["type"] not in TYPES:
            continue
        name = r["name"].split(" (")[0].strip()
        forms = {name}
        if " de " in name and not name.startswith("Ciudad"):
            forms.add(name.split(" de ")[0])
        for f in forms:
            if len(f) >= 4 and plain(f) not in skip:
                names.add(f)
    lines = sorted(names) + sorted(n.upper() for n in names)
    head = ("# First-level subdivisions of MX, GT, SV, HN, NI, CA and PH: ISO 3166-2 from\n"
            "# Debian iso-codes (LGPL-2.1+), made by scripts/build-region-list.py; do not edit.\n")
    OUT.write_text(head + "".join(l + "\n" for l in lines), encoding="utf-8")
    print(f"{len(names)} regions -> {OUT}")


if __name__ == "__main__":
    main()
