#!/usr/bin/env bash
# Gravity (PPML-HDFE) benchmark: Coherence vs pyfixest on the same synthetic CSV.
#
# Usage: [REPEAT=5] [THREADS="1 2"] bench/gravity/run.sh [OBS ...]
#        (defaults: OBS 800000, REPEAT 3, THREADS "1 2")
#
# Installs pyfixest from PyPI into .venv-bench (git-ignored), generates a deterministic
# structural-gravity panel per size with bench/gravity/generate.py, builds the release
# example `gravity_bench`, runs both engines with bench/gravity/compare.py at each thread
# count (the same for both engines), and ends with a markdown table of all sizes and
# thread counts (the one in docs/benchmarks.md), with the load average during each row.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(800000)

venv="$root/.venv-bench"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet "pyfixest==0.60.0" numpy pandas

target="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -p stats --example gravity_bench
bin="$target/release/examples/gravity_bench"

data="$target/bench-data"
mkdir -p "$data"
summaries="$data/summaries.jsonl"
: > "$summaries"
export PYTHONWARNINGS=ignore
for obs in "${sizes[@]}"; do
    csv="$data/gravity_$obs.csv"
    [ -f "$csv" ] || "$venv/bin/python" bench/gravity/generate.py --obs "$obs" --out "$csv"
    for threads in ${THREADS:-1 2}; do
        echo "== $obs observations, $threads thread(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
        out=$("$venv/bin/python" bench/gravity/compare.py "$csv" --rust-bin "$bin" \
            --repeat "${REPEAT:-3}" --threads "$threads")
        echo "$out" | grep -v '^{'
        echo "$out" | grep '^{' >> "$summaries"
    done
done

echo
"$venv/bin/python" bench/gravity/compare.py --table "$summaries"
