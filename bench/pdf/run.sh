#!/usr/bin/env bash
# Benchmark: briefs printed to PDF by headless Chromium (`coherence report --pdf`), with
# the release binary, on a store holding every file of the shared data plus the demo world:
#   1. one brief (the Philippines), the whole process: wall time and peak RSS;
#   2. every area's brief in one command (`report --all --pdf`, Chromium started once).
# /usr/bin/time -v measures the coherence process and its children (the browser's
# processes included in the peak RSS only as far as the kernel reports the largest child).
#
#   bench/pdf/run.sh                  # uses ../shared/data beside the checkout
#   SHARED=/path/to/data bench/pdf/run.sh
#   DB=/tmp/pdf-all.db bench/pdf/run.sh   # reuse a store already imported
#   BIN=path/to/coherence bench/pdf/run.sh  # a binary already built (no release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-../shared/data}"
if [ -z "${BIN:-}" ]; then
  cargo build --release --locked --bin coherence >/dev/null
  BIN="${CARGO_TARGET_DIR:-target}/release/coherence"
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="${DB:-$TMP/all.sqlite}"
if [ ! -e "$DB" ]; then
  "$BIN" --db "$DB" -q import "$SHARED" >/dev/null 2>&1 || true
  "$BIN" --db "$DB" -q demo -o "$TMP/demo.html" >/dev/null
fi
"$BIN" --version
chromium --version 2>/dev/null | head -1 || true
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$TMP/time"
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time")
  echo "$label: wall $wall, peak RSS $((rss / 1024)) MiB"
}
for i in 1 2 3; do
  measure "one brief (PHL) to PDF, run $i" "$BIN" --db "$DB" -q report PHL --pdf -o "$TMP/phl.pdf"
done
echo "  $(pdfinfo "$TMP/phl.pdf" 2>/dev/null | grep -E '^Pages' || true), $(stat -c %s "$TMP/phl.pdf") bytes"
measure "one brief (PHL) to HTML" "$BIN" --db "$DB" -q report PHL -o "$TMP/phl.html"
measure "every brief to PDF" "$BIN" --db "$DB" -q report --all --pdf -o "$TMP/all"
echo "  $(ls "$TMP/all" | wc -l) PDF files, $(du -sh "$TMP/all" | cut -f1)"
