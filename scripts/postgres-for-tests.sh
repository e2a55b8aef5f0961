#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests that run the store on PostgreSQL.
#
#   eval "$(scripts/postgres-for-tests.sh start)"   # prints: export COHERENCE_TEST_POSTGRES=...
#   scripts/postgres-for-tests.sh stop              # stops it and removes its folder
#
# The server runs as the `postgres` user (initdb refuses root), in a temporary folder,
# listening only on a Unix socket in that folder (no TCP port), with trust
# authentication: nothing outside this machine can reach it and it holds no password.
# `fsync` is off (a test server's data is thrown away) unless PG_FSYNC=on, as the
# benchmarks set it. Needs Debian's `postgresql-15` package. The folder is remembered in
# $TMPDIR/coherence-postgres-for-tests so that `stop` finds it.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
state="${TMPDIR:-/tmp}/coherence-postgres-for-tests"

start() {
  if [[ ! -x "$bin/initdb" ]]; then
    echo "PostgreSQL 15 is not installed ($bin/initdb): apt-get install postgresql-15" >&2
    exit 1
  fi
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/coherence-pg.XXXXXX")"
  chmod 755 "$dir"
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres "$dir"
    run() { su postgres -s /bin/sh -c "$1"; }
  else
    run() { sh -c "$1"; }
  fi
  run "$bin/initdb -D '$dir/data' -A trust -U postgres --locale=C.UTF-8 -E UTF8" >"$dir/initdb.log"
  run "$bin/pg_ctl -D '$dir/data' -o \"-k '$dir' -c listen_addresses='' -c max_connections=200 -c fsync=${PG_FSYNC:-off}\" -l '$dir/log' -w start" >/dev/null
  echo "$dir" >"$state"
  echo "export COHERENCE_TEST_POSTGRES='postgres://postgres@localhost/postgres?host=$dir'"
}

stop() {
  [[ -f "$state" ]] || exit 0
  local dir
  dir="$(cat "$state")"
  if [[ "$(id -u)" == 0 ]]; then
    su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir" "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
