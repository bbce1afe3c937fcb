#!/usr/bin/env python3
"""Runs redact_jsonl.py's RDD.pipe in Spark local mode and checks that the same value
got the same token in every partition.

    pip install pyspark            # needs Java 17
    cargo build --release
    python3 examples/spark/check.py [--casescrub target/release/casescrub]

Checks: every record comes back once, in its partition; no original value is left;
each name, date and phone got exactly one token although it occurs in every
partition; and the Spark output equals one single-process casescrub run over the
whole file, line for line.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from redact_jsonl import pipe_command, redact_rdd  # noqa: E402

NAMES = ["Maria Lopez", "James Carter", "Aiko Tanaka", "Robert Smith", "Fatima Khan",
         "Daniel O'Brien", "Li Wei"]
DATES = ["6/18/02", "11/26/13", "3/4/2019", "12/01/1998", "7/22/07"]
PHONES = ["(805) 637-3326", "(415) 555-0142", "(212) 555-0199"]
PARTITIONS = 4
RECORDS = 400


def dataset():
    """Records whose values repeat so that each one lands in every partition."""
    for i in range(RECORDS):
        name, date, phone = NAMES[i % len(NAMES)], DATES[i % len(DATES)], PHONES[i % len(PHONES)]
        text = f"Seen by Dr. {name} on {date}; she can be reached at {phone}."
        yield {"id": i, "text": text, "values": {"PERSON": name, "DATE": date, "PHONE": phone}}


def tokens(text, kind):
    return re.findall(r"\[" + kind + r"-[0-9A-F]+\]", text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--casescrub", default=os.path.join(HERE, "..", "..", "target", "release", "casescrub"))
    args = parser.parse_args()
    casescrub = os.path.abspath(args.casescrub)
    if not os.access(casescrub, os.X_OK):
        sys.exit(f"check.py: {casescrub} not found; run `cargo build --release` first")
    policy = os.path.join(HERE, "keyed-policy.toml")
    failures = []

    def check(ok, message):
        if not ok:
            failures.append(message)
            print("FAIL", message)

    with tempfile.TemporaryDirectory() as tmp:
        key = os.path.join(tmp, "casescrub.key")
        subprocess.run([casescrub, "keygen", key], check=True, capture_output=True)
        records = list(dataset())
        lines = [json.dumps({"id": r["id"], "text": r["text"]}) for r in records]
        data = os.path.join(tmp, "data.jsonl")
        with open(data, "w") as f:
            f.write("\n".join(lines) + "\n")

        from pyspark.sql import SparkSession

        started = time.time()
        spark = (SparkSession.builder.master("local[2]").appName("casescrub-check")
                 .config("spark.ui.enabled", "false")
                 .config("spark.ui.showConsoleProgress", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        rdd = spark.sparkContext.parallelize(lines, PARTITIONS)
        command = pipe_command(casescrub, key, policy, ["text"])
        piped = redact_rdd(rdd, command)
        tagged = piped.mapPartitionsWithIndex(lambda i, it: [(i, line) for line in it]).collect()
        spark.stop()
        spark_seconds = time.time() - started

        single = subprocess.run(
            [casescrub, "redact", data, "--jsonl", "--field", "text", "--policy", policy, "--key-file", key],
            check=True, capture_output=True, text=True).stdout.splitlines()

    by_id = {}
    partitions_of = {}
    for partition, line in tagged:
        out = json.loads(line)
        check(out["id"] not in by_id, f"record {out['id']} came back twice")
        by_id[out["id"]] = out["text"]
        partitions_of[out["id"]] = partition
    check(sorted(by_id) == list(range(RECORDS)), f"expected {RECORDS} records, got {len(by_id)}")
    check(len(set(partitions_of.values())) == PARTITIONS, "every partition produced records")

    seen = {}  # (kind, value) -> {token: set(partitions)}
    for r in records:
        text = by_id.get(r["id"], "")
        for kind, value in r["values"].items():
            check(value not in text, f"record {r['id']}: {value!r} left in {text!r}")
            found = tokens(text, kind)
            check(len(found) == 1, f"record {r['id']}: expected one {kind} token in {text!r}")
            for token in found:
                seen.setdefault((kind, value), {}).setdefault(token, set()).add(partitions_of[r["id"]])
    for (kind, value), by_token in sorted(seen.items()):
        parts = set().union(*by_token.values())
        check(len(by_token) == 1, f"{kind} {value!r} got {len(by_token)} tokens: {sorted(by_token)}")
        check(len(parts) > 1, f"{kind} {value!r} occurs in only {len(parts)} partition(s)")
        print(f"ok  {kind:<6} {value!r:<18} -> {next(iter(by_token))} in partitions {sorted(parts)}")

    single_by_id = {json.loads(line)["id"]: json.loads(line)["text"] for line in single}
    check(single_by_id == by_id, "Spark output differs from one single-process run")

    print(f"{RECORDS} records, {PARTITIONS} partitions, local[2]: Spark run {spark_seconds:.1f}s")
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("spark check passed: every value got one token across all partitions")


if __name__ == "__main__":
    main()
