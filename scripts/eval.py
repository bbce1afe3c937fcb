#!/usr/bin/env python3
"""Score casescrub on a gold JSONL file (the span format of ../shared/eval).

Runs the casescrub binary once per document (`scan --json` on stdin), writes the
predictions as JSONL and, when a scorer is given, runs it.

    python3 scripts/eval.py GOLD.jsonl [--bin target/release/casescrub]
        [--pred pred.jsonl] [--score ../shared/eval/score.py] [-- SCORER ARGS...]
"""
import argparse
import json
import subprocess
import sys

# casescrub kinds that the gold format spells differently.
KIND_MAP = {"ZIP": "LOCATION"}


def predict(binary, text, extra):
    out = subprocess.run(
        [binary, "scan", "--json", "-", *extra],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    report = json.loads(out.stdout)
    return [
        {"start": f["start"], "end": f["end"], "kind": KIND_MAP.get(f["kind"], f["kind"]), "rule": f["rule"]}
        for f in report["files"][0]["findings"]
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--bin", default="target/release/casescrub")
    ap.add_argument("--pred", default="/tmp/casescrub-pred.jsonl")
    ap.add_argument("--score", help="path to score.py; prints its table")
    ap.add_argument("--patterns", help="extra pattern folder")
    argv = sys.argv[1:]
    scorer_args = []
    if "--" in argv:
        cut = argv.index("--")
        argv, scorer_args = argv[:cut], argv[cut + 1 :]
    args = ap.parse_args(argv)
    extra = ["--patterns", args.patterns] if args.patterns else []
    with open(args.gold, encoding="utf-8") as gold, open(args.pred, "w", encoding="utf-8") as pred:
        for line in gold:
            doc = json.loads(line)
            spans = predict(args.bin, doc["text"], extra)
            pred.write(json.dumps({"id": doc["id"], "spans": spans}) + "\n")
    if args.score:
        sys.exit(subprocess.call([sys.executable, args.score, args.gold, args.pred, *scorer_args]))


if __name__ == "__main__":
    main()
