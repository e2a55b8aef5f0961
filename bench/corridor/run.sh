#!/usr/bin/env bash
# Benchmark: corridor checks for every corridor of the world (`coherence corridor --all`)
# with the release binary, on the demo world and on a store with the UN DESA 2024
# bilateral stocks (every origin–destination pair with a migrant stock) and the demo
# world's registers.
#
#   bench/corridor/run.sh            # uses ../shared/data beside the checkout
#   SHARED=/path/to/data bench/corridor/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-../shared/data}"
cargo build --release --locked --bin coherence >/dev/null
BIN="${CARGO_TARGET_DIR:-target}/release/coherence"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$BIN" --db "$TMP/demo.sqlite" -q demo -o "$TMP/brief.html" >/dev/null
echo "demo world: $("$BIN" --db "$TMP/demo.sqlite" corridor --all | wc -l) corridors"
for i in 1 2 3; do
  /usr/bin/time -f "  run $i: wall %e s, peak RSS %M KiB" "$BIN" --db "$TMP/demo.sqlite" corridor --all >/dev/null
done

"$BIN" --db "$TMP/world.sqlite" -q demo -o "$TMP/brief.html" >/dev/null
"$BIN" --db "$TMP/world.sqlite" -q import --skip-unknown \
  "$SHARED/undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx" >/dev/null
echo "world (UN DESA 2024 + demo): $("$BIN" --db "$TMP/world.sqlite" corridor --all | wc -l) corridors"
for i in 1 2 3; do
  /usr/bin/time -f "  run $i: wall %e s, peak RSS %M KiB" "$BIN" --db "$TMP/world.sqlite" corridor --all >/dev/null
done
