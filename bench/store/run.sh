#!/usr/bin/env bash
# Benchmark: the store on SQLite and on PostgreSQL side by side, in one run, with the
# release binary:
#   1. `coherence import` of the whole ../shared/data folder into a fresh store,
#   2. every country's and area's profile (249) in one batch (the profile_bench example),
#   3. `coherence corridor --all`,
# alternating the two databases, RUNS times each (default 3), with wall time and peak
# RSS of each whole process (the PostgreSQL server's own memory is not counted).
# Afterwards it checks that both stores give byte-identical profile JSON for every
# country and area.
#
#   bench/store/run.sh                          # starts a throwaway PostgreSQL 15 (fsync on)
#   COHERENCE_TEST_POSTGRES=postgres://… bench/store/run.sh   # an existing server (admin URL)
#   RUNS=5 SHARED=/path/to/data bench/store/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-../shared/data}"
RUNS="${RUNS:-3}"
cargo build --release --locked -p cli --bin coherence >/dev/null
cargo build --release --locked -p analysis --example profile_bench >/dev/null
DIR="${CARGO_TARGET_DIR:-target}/release"
BIN="$DIR/coherence"
TMP=$(mktemp -d)
chmod 755 "$TMP"
started=""
cleanup() {
  if [ -n "$started" ]; then TMPDIR="$TMP" scripts/postgres-for-tests.sh stop >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
if [ -z "${COHERENCE_TEST_POSTGRES:-}" ]; then
  # A server of its own, with fsync on, as a team's server would run.
  started=yes
  eval "$(TMPDIR="$TMP" PG_FSYNC=on scripts/postgres-for-tests.sh start)"
fi
ADMIN="$COHERENCE_TEST_POSTGRES"

# A fresh PostgreSQL database for run $1: the admin URL with its database name replaced.
pg_url() {
  local name="coherence_bench_$1"
  psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
  echo "$ADMIN" | sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$name#"
}

timed() { # label, command…
  local label="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err" || true
  read -r wall rss <"$TMP/time"
  printf '%-9s %-26s wall %6.2f s  peak RSS %4d MiB\n' "$db_kind" "$label" "$wall" $((rss / 1024))
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  for db_kind in sqlite postgres; do
    if [ "$db_kind" = sqlite ]; then db="$TMP/store-$run.sqlite"; else db=$(pg_url "$run"); fi
    timed "import (run $run)" "$BIN" --db "$db" -q import "$SHARED"
    grep -E "^(imported|refused)|files" "$TMP/err" | tail -1 || true
    timed "249 profiles (run $run)" "$DIR/examples/profile_bench" "$db" PHL 1 "$TMP/profiles-$db_kind-$run.jsonl"
    grep "all profiles" "$TMP/out" || true
    timed "corridor --all (run $run)" "$BIN" --db "$db" corridor --all
    echo "          corridors: $(($(wc -l <"$TMP/out") - 1))"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Identical profile JSON on both databases, for every country and area, in every run.
for run in $(seq 1 "$RUNS"); do
  if cmp -s "$TMP/profiles-sqlite-$run.jsonl" "$TMP/profiles-postgres-$run.jsonl"; then
    echo "run $run: the $(wc -l <"$TMP/profiles-sqlite-$run.jsonl") profiles are byte-identical on both databases"
  else
    echo "run $run: profiles DIFFER between the databases"
    diff <(tr ',' '\n' <"$TMP/profiles-sqlite-$run.jsonl") <(tr ',' '\n' <"$TMP/profiles-postgres-$run.jsonl") | head -20
  fi
done
