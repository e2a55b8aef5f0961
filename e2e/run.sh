#!/usr/bin/env bash
# The web workspace's end-to-end journeys in a real browser (Debian's chromium, driven by
# playwright-core from npm), with axe-core on every page checked: on a new SQLite store,
# then on a new PostgreSQL database when COHERENCE_TEST_POSTGRES names a server (as
# .ci/run starts one; under CI=true its absence fails).
#
#   e2e/run.sh [COHERENCE_BINARY] [--only NAME]
#
# Installs the test tools into e2e/node_modules (npm ci) when they are missing.
# Screenshots go to target/e2e/sqlite and target/e2e/postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/debug/coherence}"
shift || true
[ -d e2e/node_modules/playwright-core ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
status=0
rm -rf target/e2e/sqlite target/e2e/postgres
node e2e/run.mjs --bin "$bin" --db "$dir/store.sqlite" --store sqlite --out target/e2e/sqlite "$@" || status=1
if [ -n "${COHERENCE_TEST_POSTGRES:-}" ]; then
  name="coherence_e2e_$$"
  psql -q "$COHERENCE_TEST_POSTGRES" -c "CREATE DATABASE $name" >/dev/null
  url="${COHERENCE_TEST_POSTGRES/\/postgres\?/\/$name?}"
  node e2e/run.mjs --bin "$bin" --db "$url" --store postgres --out target/e2e/postgres "$@" || status=1
  psql -q "$COHERENCE_TEST_POSTGRES" -c "DROP DATABASE $name WITH (FORCE)" >/dev/null || true
elif [ "${CI:-}" = "true" ]; then
  echo "e2e: COHERENCE_TEST_POSTGRES is not set; under CI=true the journeys must run on PostgreSQL too" >&2
  status=1
else
  echo "e2e: SKIPPED on PostgreSQL (COHERENCE_TEST_POSTGRES is not set)"
fi
exit $status
