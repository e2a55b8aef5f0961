#!/bin/bash
# One scenario, run as N shards by a Slurm job array (README.md): task i of --array=1-N
# runs part i of N. Submit from the folder that holds the store and the scenario:
#   jobid=$(sbatch --parsable scenario-array.sh)
#   sbatch --dependency=afterok:${jobid%%;*} merge.sh
#SBATCH --job-name=coherence-scenario
#SBATCH --array=1-4
#SBATCH --cpus-per-task=2
#SBATCH --mem=3G
#SBATCH --time=01:00:00
#SBATCH --output=coherence-scenario-%A_%a.out
set -euo pipefail

# Site: where the store (one SQLite file, e.g. written by `coherence backup`) and the
# scenario are, on a filesystem every node sees. Relative paths are from the folder
# sbatch was run in (Slurm starts every task there).
store=${COHERENCE_STORE:-store.sqlite}
scenario=${COHERENCE_SCENARIO:-scenario.toml}

# Each task reads a private copy of the store on the node's local disk: SQLite's
# write-ahead log, which a read of a writable store sets up beside the file, does not
# work across the nodes of a network filesystem.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/coherence.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cp "$store" "$scratch/store.sqlite"

# K = (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP + 1 and
# N = SLURM_ARRAY_TASK_COUNT, from the engine; a task run again (requeued) writes the
# same bytes to the same folder.
coherence --db "$scratch/store.sqlite" scenario run "$scenario" --shard auto --threads "${SLURM_CPUS_PER_TASK:-1}" --out "runs/part-$SLURM_ARRAY_TASK_ID" --quiet
