#!/usr/bin/env bash
# Benchmark: `coherence serve` under load, with wrk (Debian package `wrk`), on this machine.
# For each store — the demo world and a store holding every file of ../shared/data, each on
# SQLite and on PostgreSQL — it starts the release server, signs in, makes an API token,
# then runs wrk against one country's profile as JSON (DURATION seconds, 32 connections,
# 2 threads, after one warming request), and reports requests/s, latency percentiles, and
# the server's memory (resident set at the end of the load and its peak).
#
#   bench/server/run.sh                       # starts a throwaway PostgreSQL 15 (fsync on)
#   DURATION=30 CONNECTIONS=64 bench/server/run.sh
#   COHERENCE_TEST_POSTGRES=postgres://… bench/server/run.sh   # an existing server (admin URL)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-../shared/data}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
cargo build --release --locked -p cli --bin coherence >/dev/null
BIN="${CARGO_TARGET_DIR:-target}/release/coherence"
TMP=$(mktemp -d)
chmod 755 "$TMP"
started=""
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  if [ -n "$started" ]; then TMPDIR="$TMP" scripts/postgres-for-tests.sh stop >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
if [ -z "${COHERENCE_TEST_POSTGRES:-}" ]; then
  started=yes
  eval "$(TMPDIR="$TMP" PG_FSYNC=on scripts/postgres-for-tests.sh start)"
fi
ADMIN="$COHERENCE_TEST_POSTGRES"
pg_url() {
  local name="coherence_serve_$1"
  PGOPTIONS="-c client_min_messages=warning" psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
  echo "$ADMIN" | sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$name#"
}

# Loads the stores: demo (the server's --demo) and every shared file.
sqlite_all="$TMP/all.sqlite"
pg_all=$(pg_url all)
for db in "$sqlite_all" "$pg_all"; do
  "$BIN" --db "$db" -q import "$SHARED" >/dev/null 2>&1 || true
done

# Starts the server on $1 (with --demo if $2 = demo); sets $server, $base and $token.
start() {
  local extra=()
  if [ "$2" = demo ]; then extra=(--demo); fi
  "$BIN" --db "$1" serve --listen 127.0.0.1:0 --insecure-cookies "${extra[@]}" >"$TMP/stdout" 2>"$TMP/log" &
  server=$!
  for _ in $(seq 1 600); do grep -q "http://" "$TMP/stdout" 2>/dev/null && break; sleep 0.1; done
  base="$(grep -o 'http://[0-9.:]*' "$TMP/stdout" | head -1)"
  local password
  password="$(sed -n 's/^One-time password: *//p' "$TMP/stdout")"
  if [ -z "$password" ]; then password="$(cat "$TMP/password-$3" 2>/dev/null)"; else echo "$password" >"$TMP/password-$3"; fi
  local cookie
  cookie=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
    -d "{\"name\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/session" |
    sed -n 's/^set-cookie: \([^;]*\);.*/\1/Ip')
  token=$(curl -s -H "cookie: $cookie" -H 'sec-fetch-site: same-origin' -H 'content-type: application/json' \
    -d '{"name":"bench"}' "$base/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
}

stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

# One wrk run: store label, database kind, country.
load() {
  local path="/api/v1/profiles/$3"
  local first
  first=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' -H "authorization: Bearer $token" "$base$path")
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "authorization: Bearer $token" "$base$path" >"$TMP/wrk"
  local rss hwm
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$server/status")
  hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$server/status")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$TMP/wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk")
  local errors
  errors=$(grep -E "Non-2xx|Socket errors" "$TMP/wrk" | tr '\n' ' ' || true)
  printf '| %-16s | %-10s | %-4s | %9s | %8s | %8s | %5s MiB | %5s MiB | first request: %s %s\n' \
    "$1" "$2" "$3" "$rps" "$p50" "$p99" "$rss" "$hwm" "$first" "$errors"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS -d${DURATION}s"
echo "| store            | database   | area | requests/s | p50 | p99 | RSS after | peak RSS |"
echo "|---|---|---|---|---|---|---|---|"
pg_demo=$(pg_url demo)
for pair in "demo sqlite $TMP/demo.sqlite XAA" "demo postgres $pg_demo XAA" \
  "all-shared-data sqlite $sqlite_all PHL" "all-shared-data postgres $pg_all PHL"; do
  read -r label kind db area <<<"$pair"
  start "$db" "$([ "$label" = demo ] && echo demo || echo no)" "$label-$kind"
  load "$label" "$kind" "$area"
  stop
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
