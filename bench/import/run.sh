#!/usr/bin/env bash
# Benchmark: import every supported file of ../shared/data into a fresh store with the
# release binary, in one `coherence import` call, and report wall time and peak memory.
#
#   bench/import/run.sh            # uses ../shared/data beside the checkout
#   SHARED=/path/to/data bench/import/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-../shared/data}"
cargo build --release --locked --bin coherence >/dev/null
BIN="${CARGO_TARGET_DIR:-target}/release/coherence"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Every file whose layout coherence recognises (the others are listed and left out).
files=()
while IFS= read -r -d '' f; do
  if "$BIN" --db "$TMP/probe.sqlite" -q import --dry-run "$f" >/dev/null 2>&1; then
    files+=("$f")
  else
    echo "not imported: ${f#"$SHARED"/}" >&2
  fi
done < <(find "$SHARED" -path "$SHARED/validation" -prune -o -type f \( -name '*.csv' -o -name '*.xlsx' -o -name '*.xls' -o -name '*.json' \) -print0 | sort -z)

echo "importing ${#files[@]} files"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$BIN" --db "$TMP/store.sqlite" -q import "${files[@]}" --skip-unknown >"$TMP/out.txt"
grep -c "import" "$TMP/out.txt" | sed 's/^/imports reported: /'
ls -l "$TMP/store.sqlite" | awk '{print "store size: " $5 " bytes"}'
