#!/usr/bin/env bash
# Benchmark: profiles on a store with every supported file of ../shared/data imported.
# Times one country's profile (budget 50 ms) and all countries' profiles (budget 5 s).
#
#   bench/profiles/run.sh              # PHL, 5 repeats
#   bench/profiles/run.sh MEX 10
#   SHARED=/path/to/data bench/profiles/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-../shared/data}"
PROFILE="${PROFILE:-release}"
cargo build --profile "$PROFILE" --locked -p cli --bin coherence >/dev/null
cargo build --profile "$PROFILE" --locked -p analysis --example profile_bench >/dev/null
DIR="${CARGO_TARGET_DIR:-target}/$PROFILE"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

files=()
while IFS= read -r -d '' f; do
  if "$DIR/coherence" --db "$TMP/probe.sqlite" -q import --dry-run "$f" >/dev/null 2>&1; then
    files+=("$f")
  fi
done < <(find "$SHARED" -path "$SHARED/validation" -prune -o -type f \( -name '*.csv' -o -name '*.xlsx' -o -name '*.xls' -o -name '*.json' \) -print0 | sort -z)
echo "importing ${#files[@]} files"
"$DIR/coherence" --db "$TMP/store.sqlite" -q import "${files[@]}" --skip-unknown >/dev/null
"$DIR/examples/profile_bench" "$TMP/store.sqlite" "${1:-PHL}" "${2:-5}"
