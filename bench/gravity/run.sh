#!/usr/bin/env bash
# Gravity (PPML-HDFE): Coherence vs pyfixest on the same synthetic CSV, side by side in one run.
#
# Usage: [REPEAT=5] [THREADS="1 2"] bench/gravity/run.sh [OBS ...]
#        (defaults: OBS 796000, REPEAT 5, THREADS "1 2"; the figures in docs/benchmarks.md
#        come from `bench/gravity/run.sh 796000`)
#
# Installs pyfixest 0.60.0 from PyPI into .venv-bench (git-ignored), generates a
# deterministic structural-gravity panel per size with bench/gravity/generate.py (under
# $CARGO_TARGET_DIR/bench-data, not committed), builds the release `coherence` binary and
# the release example `gravity_bench`, then runs bench/gravity/sidebyside.py: at each thread
# count, both engines as whole processes (reading the CSV included), alternating, REPEAT
# times each, and both fits alone (REPEAT warm fits each); medians, ratios, peak memory,
# the load average and the coefficients' largest relative difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(796000)

venv="$root/.venv-bench"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet "pyfixest==0.60.0" numpy pandas

target="${CARGO_TARGET_DIR:-$root/target}"
cargo build -q --release -p cli
cargo build -q --release -p stats --example gravity_bench
coherence="$target/release/coherence"
bench="$target/release/examples/gravity_bench"

data="$target/bench-data"
mkdir -p "$data"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with changes)')"
for obs in "${sizes[@]}"; do
    csv="$data/gravity_$obs.csv"
    [ -f "$csv" ] || "$venv/bin/python" bench/gravity/generate.py --obs "$obs" --out "$csv"
    echo "data: $csv ($(du -m "$csv" | cut -f1) MB)"
    # shellcheck disable=SC2086
    "$venv/bin/python" bench/gravity/sidebyside.py "$csv" --coherence "$coherence" \
        --bench-bin "$bench" --repeat "${REPEAT:-5}" --threads ${THREADS:-1 2}
done
