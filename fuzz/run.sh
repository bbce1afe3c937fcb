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
  redact|decode) cp -n fixtures/*.txt "$corpus"/ ;;
  patterns) cp -n patterns/*.toml "$corpus"/ ;;
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
