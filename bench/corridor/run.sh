#!/usr/bin/env bash
# Benchmark: corridor checks for every corridor of the world (`coherence corridor --all`)
# with the release binary, on the demo world and on a store with the World Bank's 2017
# bilateral migration matrix (every origin–destination pair with a migrant stock) and
# the demo world's registers.
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
  "$SHARED/wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx" >/dev/null 2>&1
echo "world (World Bank 2017 matrix + demo): $("$BIN" --db "$TMP/world.sqlite" corridor --all | wc -l) corridors"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "  run $i: wall %e s, peak RSS %M KiB" "$BIN" --db "$TMP/world.sqlite" corridor --all >/dev/null
done
