#!/usr/bin/env python3
"""Leak recall on a TAB-format gold file by TAB label and identifier type.

    python3 scripts/tab-table.py GOLD.jsonl PRED.jsonl

Rows: the TAB labels PERSON, DATETIME (DATE), LOC (LOCATION), CODE (ID) and DEM;
columns: leak recall over DIRECT and over QUASI spans (a span leaks unless every
non-whitespace byte is inside some predicted span, as in score.py), and span
precision over every prediction.
"""
import json
import sys

WS = set(b" \t\r\n\x0b\x0c")
ROWS = [("PERSON", "PERSON"), ("DATETIME", "DATE"), ("LOC", "LOCATION"), ("CODE", "ID"), ("DEM", "DEM")]


def main():
    gold = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        d = json.loads(line)
        gold[d["id"]] = d
    pred = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        d = json.loads(line)
        pred[d["id"]] = d["spans"]
    counts = {}
    tp = fp = 0
    for doc_id, d in gold.items():
        text = d["text"].encode("utf-8")
        covered = bytearray(len(text))
        for p in pred.get(doc_id, []):
            for i in range(max(0, p["start"]), min(len(text), p["end"])):
                covered[i] = 1
        scored = [s for s in d["spans"] if s.get("identifier_type") != "NO_MASK"]
        nomask = [s for s in d["spans"] if s.get("identifier_type") == "NO_MASK"]
        for s in scored:
            key = (s.get("source_kind"), s.get("identifier_type"))
            ok = all(covered[i] or text[i] in WS for i in range(s["start"], s["end"]))
            hit, total = counts.get(key, (0, 0))
            counts[key] = (hit + ok, total + 1)
        for p in pred.get(doc_id, []):
            overlaps = lambda spans: any(p["start"] < s["end"] and s["start"] < p["end"] for s in spans)
            if overlaps(scored):
                tp += 1
            elif not overlaps(nomask):
                fp += 1
    print("| TAB label (kind) | DIRECT leak recall | QUASI leak recall |")
    print("|---|---|---|")
    for label, kind in ROWS:
        cells = []
        for it in ("DIRECT", "QUASI"):
            hit, total = counts.get((label, it), (0, 0))
            cells.append(f"{hit / total:.3f} ({hit}/{total})" if total else "-")
        print(f"| {label} ({kind}) | {cells[0]} | {cells[1]} |")
    print(f"\nspan precision (all predictions): {tp / max(1, tp + fp):.3f} ({tp}/{tp + fp})")


if __name__ == "__main__":
    main()
