#!/usr/bin/env python3
"""Regenerates patterns/words/languages-iso.txt, every living language name of ISO 639-3
that is safe to redact in a language position ("speaks X", "interpreter (X)").

Input: the ISO 639-3 table as shipped by Debian's `iso-codes` package
(/usr/share/iso-codes/json/iso_639-3.json; data from SIL International, the ISO 639-3
registration authority; the package is LGPL-2.1+).

    python3 scripts/build-language-list.py [/usr/share/iso-codes/json/iso_639-3.json]

Kept: living individual languages and macrolanguages (type L), by their name
("Isthmus Zapotec") and the head of their inverted name ("Zapotec" of "Zapotec,
Isthmus"), with parenthesised notes dropped and the modifier apostrophe also spelled
with an ASCII one ("Kʼicheʼ" and "K'iche'"). Left out, unless the hand-written core list
(patterns/words/languages.txt) has them: names that are common English words
(patterns/words/safe-words.txt), first names or surnames of the Census lists, cities,
countries and U.S. states (words the text uses otherwise far more often than as a
language: Even, Are, Mono, Maria), names shorter than three letters, and English.
"""
import json
import re
import sys
from pathlib import Path

WORDS = Path(__file__).resolve().parent.parent / "patterns" / "words"
OUT = WORDS / "languages-iso.txt"


def folded(path):
    out = set()
    for line in open(WORDS / path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line.lower())
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_639-3.json"
    rows = json.load(open(src, encoding="utf-8"))["639-3"]
    core = folded("languages.txt")
    unsafe = set()
    for f in ["safe-words.txt", "first-names.txt", "surnames.txt", "cities.txt",
              "countries.txt", "us-states.txt", "name-words.txt", "place-words.txt"]:
        unsafe |= folded(f)
    unsafe |= {"english"}
    names = set()
    for row in rows:
        if row.get("type") != "L":
            continue
        candidates = [row["name"]]
        inverted = row.get("inverted_name", "")
        if "," in inverted:
            candidates.append(inverted.split(",")[0])
        for name in candidates:
            name = re.sub(r"\s*\([^)]*\)", "", name).strip()
            if not name or re.search(r"[\d,;/]", name) or len(name) < 3:
                continue
            for spelling in {name, name.replace("\u02bc", "'").replace("\u2019", "'")}:
                key = spelling.lower()
                if key in core:
                    continue
                if key in unsafe or any(w in unsafe for w in [key]):
                    continue
                names.add(spelling)
    names = sorted(names, key=lambda n: (n.lower(), n))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Living languages of ISO 639-3 (SIL International, via Debian iso-codes, LGPL-2.1+),\n")
        f.write("# less common English words, names and places and the core list languages.txt.\n")
        f.write("# Matched only in a strong language position. Regenerate: scripts/build-language-list.py.\n")
        for n in names:
            f.write(n + "\n")
    print(OUT.name, len(names))


if __name__ == "__main__":
    main()
