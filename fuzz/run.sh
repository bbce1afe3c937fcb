#!/usr/bin/env bash
# Runs one fuzz target on one core: fuzz/run.sh TARGET [SECONDS]
# Seeds the corpus from the repository's fixtures (redact) or pattern files
# (patterns) on first use. Needs a nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`); see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-600}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
case $target in
  redact|decode|layout) cp -n fixtures/*.txt "$corpus"/ ;;
  patterns) cp -n patterns/*.toml "$corpus"/ ;;
  jsonl|csv)
    # One record per fixture, in the target's format (the CSV target supplies the
    # header `id,text,note` itself).
    python3 - "$target" "$corpus" fixtures/*.txt <<'PY'
import csv, io, json, pathlib, sys
target, corpus, files = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3:]
for i, name in enumerate(files):
    text = pathlib.Path(name).read_text(encoding="utf-8")
    if target == "jsonl":
        seed = json.dumps({"id": i, "text": text, "note": "kept"}) + "\n"
    else:
        out = io.StringIO()
        csv.writer(out).writerow([i, text, "kept"])
        seed = out.getvalue()
    (corpus / (pathlib.Path(name).stem + "." + target)).write_text(seed, encoding="utf-8")
PY
    ;;
esac
if cargo +nightly --version >/dev/null 2>&1; then
  toolchain=(+nightly)
else
  # No nightly: let the stable compiler accept the sanitizer flags.
  export RUSTC_BOOTSTRAP=1
  toolchain=()
fi
exec cargo "${toolchain[@]}" fuzz run --fuzz-dir fuzz "$target" "$corpus" -- \
  -jobs=1 -workers=1 -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=30
