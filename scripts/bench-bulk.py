#!/usr/bin/env python3
"""Folder-mode and dataset-mode throughput against plain reading, and peak memory as
the corpus grows. Builds the corpora with bench-corpus.py (not committed).

    cargo build --release
    python3 scripts/bench-bulk.py [--bin target/release/casescrub] [--sizes 10,50] [--runs 3]

For each corpus size it times (median wall time of --runs runs, whole processes,
peak RSS from /usr/bin/time) reading the files (`cat` to /dev/null: the practical
ceiling), folder mode with -j 1 and -j 2, and JSONL dataset mode on one core, and
prints a Markdown table of MB/s (text bytes / wall seconds), CPU seconds (user +
sys; on a busy machine wall time overstates the cost) and peak RSS.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, runs):
    """Median wall seconds, median CPU (user+sys) seconds and max peak RSS (MB) of
    `cmd` over `runs` runs."""
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as stats:
            full = ["/usr/bin/time", "-o", stats.name, "-f", "%e %U %S %M", "sh", "-c", cmd]
            result = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if result.returncode != 0:
                sys.exit(f"bench-bulk.py: `{cmd}` failed:\n{result.stderr}")
            wall, user, system, kb = stats.read().split()[-4:]
            walls.append(float(wall))
            cpus.append(float(user) + float(system))
            rss.append(int(kb) / 1024)
    return statistics.median(walls), statistics.median(cpus), max(rss)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "casescrub"))
    parser.add_argument("--sizes", default="10,50", help="corpus sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="build corpora here and keep them")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    work = args.keep or tempfile.mkdtemp(prefix="casescrub-bench-")
    rows = []
    try:
        for mb in [float(s) for s in args.sizes.split(",")]:
            corpus = os.path.join(work, f"corpus-{mb:g}mb")
            if not os.path.isdir(corpus):
                subprocess.run([sys.executable, os.path.join(HERE, "bench-corpus.py"), corpus, "--mb", str(mb)],
                               check=True, stdout=subprocess.DEVNULL)
            files = os.path.join(corpus, "files")
            jsonl = os.path.join(corpus, "corpus.jsonl")
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(files) for f in fs)
            out = os.path.join(work, "out")
            cases = [
                ("read files (cat)", f"find {files} -type f -exec cat {{}} + > /dev/null"),
                ("folder mode, -j 1", f"rm -rf {out} && {binary} redact {files} -o {out} -j 1 -q"),
                ("folder mode, -j 2", f"rm -rf {out} && {binary} redact {files} -o {out} -j 2 -q"),
                ("JSONL stream (1 core)", f"{binary} redact {jsonl} --jsonl --field text > /dev/null"),
            ]
            for label, cmd in cases:
                wall, cpu, rss = timed(cmd, args.runs)
                rows.append((f"{mb:g} MB", label, size / 1e6 / wall, wall, cpu, rss))
                print(f"{mb:g} MB  {label:<24} {size / 1e6 / wall:8.1f} MB/s  {wall:6.2f} s wall"
                      f"  {cpu:6.2f} s cpu  {rss:7.1f} MB RSS", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{os.cpu_count()} cores\n")
    print("| corpus | what | MB/s (wall) | wall s | CPU s | peak RSS MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for corpus, label, speed, wall, cpu, rss in rows:
        print(f"| {corpus} | {label} | {speed:.1f} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
