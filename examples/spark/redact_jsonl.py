#!/usr/bin/env python3
"""Redact a JSON Lines dataset on Spark: every partition is streamed through
`casescrub redact --jsonl` with RDD.pipe.

    spark-submit examples/spark/redact_jsonl.py IN.jsonl OUT_DIR \
        --casescrub /path/to/casescrub --key-file casescrub.key \
        --policy examples/spark/keyed-policy.toml --field text

Keyed pseudonyms (HMAC-SHA-256 of the value under --key-file) make the same value
get the same token in every partition and on every machine, with no shared state.
Numbered placeholders ([PERSON-1]) would restart in every partition: don't use them
for a dataset split across processes.

On a cluster, casescrub, the key and the policy must be readable on every executor:
either install them at the same absolute path on each node, or ship them with the
job (`spark-submit --files casescrub,casescrub.key,keyed-policy.toml`) and pass the
bare file names (`--casescrub ./casescrub --key-file casescrub.key ...`), which
resolve in the executor's working directory on YARN and Kubernetes.
"""

import argparse
import shlex


def pipe_command(casescrub, key_file, policy, fields, findings=False):
    """The command every partition runs; RDD.pipe writes one record per line to
    its stdin and reads one redacted record per line from its stdout."""
    cmd = [casescrub, "redact", "-", "--jsonl", "--policy", policy, "--key-file", key_file]
    for field in fields:
        cmd += ["--field", field]
    if findings:
        cmd.append("--findings")
    return " ".join(shlex.quote(part) for part in cmd)


def redact_rdd(lines, command):
    """Redacts an RDD of JSONL strings; partitioning and order within each partition
    are kept. checkCode makes a failing partition fail the job (and be retried)
    instead of silently producing no output."""
    return lines.pipe(command, checkCode=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines file or folder (any Hadoop path)")
    parser.add_argument("output", help="output folder (part-* files)")
    parser.add_argument("--casescrub", default="casescrub", help="casescrub binary on the executors")
    parser.add_argument("--key-file", required=True)
    parser.add_argument("--policy", required=True)
    parser.add_argument("--field", action="append", dest="fields", help="field to redact (repeatable)")
    parser.add_argument("--findings", action="store_true", help="add a findings array per line")
    parser.add_argument("--partitions", type=int, default=0, help="repartition first (0: keep)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("casescrub-redact").getOrCreate()
    lines = spark.sparkContext.textFile(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)
    command = pipe_command(args.casescrub, args.key_file, args.policy, args.fields or ["text"], args.findings)
    redact_rdd(lines, command).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
