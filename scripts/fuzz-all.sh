#!/usr/bin/env bash
# Runs every fuzz target of `coherence-fuzz` for SECONDS each (default 600), one after
# the other on one core (nice), each worker under a 2 GiB address-space limit.
# Usage: scripts/fuzz-all.sh [SECONDS] [SEED]; findings (inputs that replay, and
# runs.tsv with the figures) go to $FINDINGS, default ${TMPDIR:-/tmp}/coherence-fuzz.
# See docs/reliability.md, "Fuzzing".
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
seed="${2:-1}"
findings="${FINDINGS:-${TMPDIR:-/tmp}/coherence-fuzz}"
# The test profile: optimised (opt-level 1) with overflow checks and debug assertions on,
# so that an integer overflow is a finding, and its artefacts are those of the tests.
cargo build --profile test --locked -p fuzz
exec nice -n 10 "${CARGO_TARGET_DIR:-target}/debug/coherence-fuzz" run all \
  --seconds "$seconds" --seed "$seed" --findings "$findings"
