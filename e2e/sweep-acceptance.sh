#!/usr/bin/env bash
# e2e/sweep-acceptance.sh [COHERENCE_BINARY]
#
# Issue #18's acceptance sweep, at full size by default: the demo world's temporary-scheme
# example (3 options) over every corridor of the demo world ([sweep] origin = "*"),
# 1,000 draws each, run as 1 process, as 4 shards and as 7 shards (the shards of a count
# run in parallel), each set merged; every file of each merge must equal the unsharded
# sweep's byte for byte. Not run by .ci/run (hours at full size: the model simulates about
# 100,000 workers a draw); the CI test (crates/cli/tests/scenario.rs) runs the same sweep
# at 40 places a year for 5 years and 10 draws. Environment: DRAWS (1000), QUOTA (40000
# places a year), YEARS (20), THREADS (per process; default: one per core). KEEP=1 keeps
# the folder. Prints the sizes and times; exits non-zero on any difference.
set -euo pipefail
exec </dev/null

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/coherence}
[[ -x $bin ]] || { echo "sweep-acceptance: FAILED: no executable $bin" >&2; exit 1; }
draws=${DRAWS:-1000}
quota=${QUOTA:-40000}
years=${YEARS:-20}
threads=()
[[ -n ${THREADS:-} ]] && threads=(--threads "$THREADS")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/coherence-sweep.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
fail() {
  echo "sweep-acceptance: FAILED: $*" >&2
  exit 1
}
export COHERENCE_DB=$tmp/store.sqlite
"$bin" -q demo -o "$tmp/brief.html" >/dev/null || fail "coherence demo"
"$bin" scenario example temporary-scheme >"$tmp/example.toml" || fail "scenario example"
# Some corridors of the demo world have no remittance cost: the file sets it (7 %).
sed -e '/^corridor = "XAA-XAB"$/d' -e "s/^quota = 40000\$/quota = $quota/" \
  -e "s/^years = 20\$/years = $years/" \
  -e 's/^p_reentry = \(.*\)$/p_reentry = \1\ntransfer_cost_pct = 7.0/' \
  "$tmp/example.toml" >"$tmp/sweep.toml"
printf '\n[sweep]\norigin = "*"\n' >>"$tmp/sweep.toml"

run() { # run OUT [--shard K/N]
  local out=$1
  shift
  "$bin" -q scenario run "$tmp/sweep.toml" --draws "$draws" --seed 1 "${threads[@]}" --out "$out" "$@"
}
start=$SECONDS
run "$tmp/full" || fail "the unsharded sweep"
report="1 process: $((SECONDS - start)) s"
for n in 4 7; do
  start=$SECONDS
  pids=()
  for ((k = 1; k <= n; k++)); do
    run "$tmp/part-$n-$k" --shard "$k/$n" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || fail "a shard of $n"; done
  "$bin" -q scenario merge "$tmp"/part-"$n"-* --out "$tmp/merged-$n" || fail "merge of $n shards"
  for f in "$tmp"/full/*; do
    cmp -s "$f" "$tmp/merged-$n/$(basename "$f")" || fail "$(basename "$f") differs after $n shards"
  done
  report="$report; $n shards + merge: $((SECONDS - start)) s"
done
corridors=$(grep -c '^    "X' "$tmp/full/manifest.json")
rows=$(($(wc -l <"$tmp/full/draws.csv") - 1))
size=$(du -sh "$tmp/full" | cut -f1)
echo "sweep-acceptance: ok: $corridors corridors × 3 options × $draws draws (quota $quota, $years years): $rows draw rows, $size; merged bytes identical for 1, 4 and 7 shards; $report"
