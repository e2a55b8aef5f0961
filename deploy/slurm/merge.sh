#!/bin/bash
# Joins the shards of scenario-array.sh into runs/merged, byte for byte the unsharded
# run. Submit it to start once every task of the array has succeeded (README.md):
#   sbatch --dependency=afterok:<the array's job id> merge.sh
#SBATCH --job-name=coherence-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=3G
#SBATCH --time=00:30:00
#SBATCH --output=coherence-merge-%j.out
set -euo pipefail

# Every part-<task id> folder of runs/; the merge reads no store, and refuses parts of
# different runs, overlapping parts or missing draws (naming them) before writing.
coherence scenario merge runs/part-* --out runs/merged --quiet
