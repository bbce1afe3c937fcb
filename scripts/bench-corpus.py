#!/usr/bin/env python3
"""Builds a benchmark corpus from fixtures/ (generated at bench time, never committed).

    python3 scripts/bench-corpus.py OUT_DIR [--mb 50] [--docs-per-file 8] [--seed 1]

Writes OUT_DIR/files/NNN/case-NNNNNN.txt (a tree of case files for folder mode) and
OUT_DIR/corpus.jsonl (the same documents, one {"id", "text"} record per document, for
dataset mode); both hold the same text bytes. Each document is a fixture with its
dates, phone numbers and claim numbers replaced by fresh random ones and a header
naming a random person, so the number of distinct values grows with the corpus as
it does in real case files. The same seed gives the same corpus.
"""

import argparse
import json
import os
import random
import re

FIRST = ["Maria", "James", "Aiko", "Robert", "Fatima", "Daniel", "Li", "Olga", "Kwame",
         "Priya", "Jose", "Emily", "Ahmed", "Grace", "Tomasz", "Nia", "Hiro", "Sofia"]
LAST = ["Lopez", "Carter", "Tanaka", "Smith", "Khan", "O'Brien", "Wei", "Ivanova",
        "Mensah", "Patel", "Garcia", "Nguyen", "Haddad", "Kim", "Nowak", "Okafor"]
DATE = re.compile(r"\b(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})\b")
PHONE = re.compile(r"\(\d{3}\) \d{3}-\d{4}")
LONG_NUMBER = re.compile(r"\b\d{6,}\b")


def fixtures(root):
    folder = os.path.join(root, "fixtures")
    texts = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt") or not os.path.isfile(os.path.join(folder, name)):
            continue
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            texts.append(f.read())
    return texts


def document(rng, base):
    def date(m):
        year = rng.randint(1940, 2024)
        y = str(year) if len(m.group(4)) == 4 else f"{year % 100:02d}"
        return f"{rng.randint(1, 12)}{m.group(2)}{rng.randint(1, 28)}{m.group(2)}{y}"

    text = DATE.sub(date, base)
    text = PHONE.sub(lambda m: f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}", text)
    text = LONG_NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1), 10 ** len(m.group()) - 1)), text)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    head = (f"Patient: {person}    DOB: {rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(1930, 2010)}\n"
            f"Claim #: {rng.randint(10, 99)}-{rng.randint(100000, 999999)}    Seen by Dr. {rng.choice(LAST)}\n\n")
    return head + text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--docs-per-file", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    bases = fixtures(root)
    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    written = 0
    doc_id = 0
    file_no = 0
    os.makedirs(os.path.join(args.out, "files"), exist_ok=True)
    with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8") as jsonl:
        while written < target:
            docs = [document(rng, rng.choice(bases)) for _ in range(args.docs_per_file)]
            folder = os.path.join(args.out, "files", f"{file_no // 500:03d}")
            os.makedirs(folder, exist_ok=True)
            body = "\n\n".join(docs)
            with open(os.path.join(folder, f"case-{file_no:06d}.txt"), "w", encoding="utf-8", newline="") as f:
                f.write(body)
            for d in docs:
                jsonl.write(json.dumps({"id": doc_id, "text": d}) + "\n")
                doc_id += 1
            written += len(body.encode("utf-8"))
            file_no += 1
    print(f"{args.out}: {file_no} files, {doc_id} documents, {written / 1e6:.1f} MB of text")


if __name__ == "__main__":
    main()
