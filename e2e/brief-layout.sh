#!/usr/bin/env bash
# The layout of the HTML brief of every country, checked in one Chromium session
# (e2e/brief-layout.mjs): imports all of ../shared/data into a new store, loads the demo
# world beside it, writes the brief of every area the store profiles with `coherence report
# --all` (each ISO 3166-1 country of country-codes.csv must be among them, and every demo
# country), and of a sample in Arabic and the pseudo-language en-XA, then measures them at
# 1280 px, 800 px and
# printed on A4: nothing overflows the page, chart labels stay inside their chart and do
# not overlap, card contents stay inside their card.
#
#   e2e/brief-layout.sh [COHERENCE_BINARY] [--only TEXT]
#
# Without ../shared/data it checks the demo world only and says so (under CI=true it
# fails). Screenshots of the charts of PHL, NPL, MEX, DEU and XAA go to target/brief-layout.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/coherence}")"
shift || true
[ -d e2e/node_modules/playwright-core ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
data="${COHERENCE_SHARED_DATA:-../shared/data}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
started=$SECONDS
codes=()
if [ -d "$data" ]; then
  "$bin" --db "$dir/store.sqlite" -q import "$data" >"$dir/import.log" 2>&1 \
    || { cat "$dir/import.log"; exit 1; }
  # Every ISO 3166-1 alpha-3 code of the UN's country-code file (column 3).
  mapfile -t codes < <(python3 -c '
import csv, sys
rows = csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))
print("\n".join(sorted({r["ISO3166-1-Alpha-3"] for r in rows if r["ISO3166-1-Alpha-3"]})))
' "$data/country_codes/country-codes.csv")
elif [ "${CI:-}" = "true" ]; then
  echo "brief-layout: $data is missing; under CI=true every country must be checked" >&2
  exit 1
else
  echo "brief-layout: SKIPPED the real countries ($data is missing); the demo world only"
fi
"$bin" --db "$dir/store.sqlite" -q demo -o "$dir/XAA.html" >/dev/null
# Every area the store profiles (the demo world's, the ISO 3166-1 countries and the real
# areas outside it), one process reading what all profiles share once per batch.
# Every brief in English; in Arabic (right to left) and in the pseudo-language en-XA
# (every word about 40 % longer, so a layout that fits English only shows here) the demo
# world and the real countries with the most data and the longest names (the whole set
# in three languages would take the CI's budget).
"$bin" --db "$dir/store.sqlite" -q report --all -o "$dir/briefs-en" >/dev/null
for code in "${codes[@]}"; do
  [ -f "$dir/briefs-en/$code.html" ] || { echo "brief-layout: no brief of $code" >&2; exit 1; }
done
echo "brief-layout: $(ls "$dir/briefs-en" | wc -l) briefs in en after $((SECONDS - started)) s"
node e2e/brief-layout.mjs --dir "$dir/briefs-en" --out target/brief-layout/en \
  --shots PHL,NPL,MEX,DEU,XAA "$@"
sample=(XAA XAB XAC XAD XAE XAF XAG XAH XAI XAJ)
if [ ${#codes[@]} -gt 0 ]; then
  sample+=(PHL NPL MEX DEU IND CHN USA SAU QAT ARE FRA GBR BGD PAK EGY MAR SEN NGA KEN LKA
    UZB TJK TUR UKR THA ZAF KGZ GTM VCT COD)
fi
for lang in ar en-XA; do
  out="$dir/briefs-$lang"
  mkdir -p "$out"
  for code in "${sample[@]}"; do
    "$bin" --db "$dir/store.sqlite" -q --lang "$lang" report "$code" -o "$out/$code.html" >/dev/null
  done
  echo "brief-layout: ${#sample[@]} briefs in $lang after $((SECONDS - started)) s"
  node e2e/brief-layout.mjs --dir "$out" --out "target/brief-layout/$lang" \
    --shots PHL,NPL,MEX,DEU,XAA "$@"
done
