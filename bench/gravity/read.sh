#!/usr/bin/env bash
# Reading speed of `coherence gravity`: the time from opening the CSV to the columns ready
# for the fit (read into memory, SHA-256, parse of the used columns, label ids), as the
# command logs it with -v (`read_seconds`), median of REPEAT runs, in MB/s.
#
# Usage: [REPEAT=7] [THREADS="1 2"] [COHERENCE=path] bench/gravity/read.sh [OBS]
#        (default OBS 1320000: 1,315,840 rows, 46 MB, from bench/gravity/generate.py,
#        under $CARGO_TARGET_DIR/bench-data; needs .venv-bench from run.sh to generate it)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
obs="${1:-1320000}"
target="${CARGO_TARGET_DIR:-$root/target}"
if [ -z "${COHERENCE:-}" ]; then
    cargo build -q --release -p cli
    COHERENCE="$target/release/coherence"
fi
mkdir -p "$target/bench-data"
csv="$target/bench-data/gravity_$obs.csv"
[ -f "$csv" ] || "$root/.venv-bench/bin/python" bench/gravity/generate.py --obs "$obs" --out "$csv"
bytes=$(stat -c %s "$csv")
cat "$csv" > /dev/null # in the page cache, as for every later run
for threads in ${THREADS:-1 2}; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    times=()
    for _ in $(seq "${REPEAT:-7}"); do
        t=$(RAYON_NUM_THREADS=$threads "$COHERENCE" -v gravity "$csv" \
            --model "y ~ fta + ln_tariff + cu | exp_year + imp_year + pair" --fixef-rm both \
            --format csv 2>&1 >/dev/null | sed -n 's/.*read_seconds="\([0-9.]*\)".*/\1/p')
        times+=("$t")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
    echo "$threads thread(s): read $((bytes / 1000000)) MB in median ${median} s" \
        "($(awk -v b="$bytes" -v t="$median" 'BEGIN { printf "%.0f", b / t / 1e6 }') MB/s);" \
        "runs ${times[*]}; load average before $load, after $(cut -d' ' -f1-3 /proc/loadavg)"
done
