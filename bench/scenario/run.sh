#!/usr/bin/env bash
# Benchmark: the scenario engine's throughput, draws per CPU-second, for each model's
# built-in example on the demo world (release binary, 1 and 2 threads, the run's files
# written with --out), and the projection of a large sweep from it; then the peak memory
# of a 1,000,000-draw run of the remittance-cost example (summary only, no files).
#
#   bench/scenario/run.sh                 # DRAWS=20000 per example (200 for temporary-scheme,
#                                         # which simulates ~100,000 workers a draw), BIG=1000000
#   DRAWS=5000 SLOW_DRAWS=50 BIG=100000 bench/scenario/run.sh
#
# A draw runs every option of the example's file. CPU seconds are user + system time of
# the whole process (store opened, baseline read, files written).
set -euo pipefail
cd "$(dirname "$0")/../.."
DRAWS="${DRAWS:-20000}"
SLOW_DRAWS="${SLOW_DRAWS:-200}"
BIG="${BIG:-1000000}"
cargo build --release --locked --bin coherence >/dev/null
BIN="${CARGO_TARGET_DIR:-target}/release/coherence"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/demo.sqlite"
"$BIN" --db "$DB" -q demo -o "$TMP/brief.html" >/dev/null

echo "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| model (example) | options | draws | threads | wall s | CPU s | draws / CPU-s | draws / wall-s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A PER_WALL2 PER_CPU2
for model in temporary-scheme skills remittance-cost diaspora recruitment; do
  "$BIN" --db "$DB" scenario example "$model" > "$TMP/$model.toml"
  options=$(grep -c '^\[\[option\]\]' "$TMP/$model.toml" || true)
  draws="$DRAWS"
  if [ "$model" = temporary-scheme ]; then draws="$SLOW_DRAWS"; fi
  for threads in 1 2; do
    rm -rf "$TMP/out"
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" \
      "$BIN" --db "$DB" -q scenario run "$TMP/$model.toml" --draws "$draws" --threads "$threads" --out "$TMP/out"
    read -r wall user sys rss < "$TMP/time"
    awk -v m="$model" -v o="$options" -v d="$draws" -v t="$threads" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
      'BEGIN { c = u + s; printf "| %s | %d | %d | %d | %.2f | %.2f | %.0f | %.0f | %.0f |\n", m, o, d, t, w, c, d / c, d / w, r / 1024 }'
    if [ "$threads" = 2 ]; then
      PER_WALL2[$model]=$(awk -v d="$draws" -v w="$wall" 'BEGIN { print d / w }')
      PER_CPU2[$model]=$(awk -v d="$draws" -v u="$user" -v s="$sys" 'BEGIN { print d / (u + s) }')
    fi
  done
done
rm -rf "$TMP/out"

echo
echo "Projection: remittance-cost over 14,000 corridors x 10,000 draws on 100 nodes of 2 cores"
echo "(one shard per node; the merge, the store's copy and a shared file system's I/O not counted):"
awk -v c="${PER_CPU2[remittance-cost]}" -v r="${PER_WALL2[remittance-cost]}" 'BEGIN {
  draws = 14000 * 10000; nodes = 100;
  s = draws / (2 * c * nodes);
  printf "  both cores busy, from CPU time: %d draws / (2 x %.0f draws per CPU-s x %d nodes) = %.0f s = %.1f min\n", draws, c, nodes, s, s / 60;
  s = draws / (r * nodes);
  printf "  from the measured 2-thread wall time here: %d draws / (%.0f draws/s x %d nodes) = %.0f s = %.1f min\n", draws, r, nodes, s, s / 60 }'
echo
echo "Memory: remittance-cost, $BIG draws, 2 threads, no --out (the summary's values in a temporary file):"
"$BIN" --db "$DB" scenario example remittance-cost > "$TMP/rc.toml"
/usr/bin/time -v "$BIN" --db "$DB" -q scenario run "$TMP/rc.toml" --draws "$BIG" --threads 2 2> "$TMP/timev"
grep -E "Maximum resident|Elapsed|User time|System time" "$TMP/timev" | sed 's/^\s*/  /'
