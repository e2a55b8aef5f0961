#!/usr/bin/env bash
# e2e/deploy-recipes.sh [COHERENCE_BINARY]
#
# Runs the recipes of deploy/ locally, as their engines would, and checks that they give
# the unsharded run's bytes:
#   - deploy/kubernetes/scenario-job.yaml: N processes at once, each with the manifest's
#     command and args (read from the YAML, $(VAR) expanded as Kubernetes does, from the
#     variables the container declares), JOB_COMPLETION_INDEX=0 … N-1 and nothing else in
#     its environment; the volumes are folders, the read-only ones mounted read-only where
#     the test may (a mount namespace: as root, or in a user namespace); then
#     merge-job.yaml's command; every merged file equal (cmp) to the unsharded run's.
#   - deploy/slurm/scenario-array.sh: the script itself, once per task of its --array,
#     with the variables Slurm sets (SLURM_ARRAY_TASK_ID, _MIN, _MAX, _COUNT, _STEP,
#     SLURM_CPUS_PER_TASK), in parallel, in one submission folder; then merge.sh; the same
#     comparison.
#   - Statically: `bash -n` and the #SBATCH lines of the Slurm scripts; the Job fields of
#     the manifests (PyYAML) and, with kubernetes-validate (PyPI, offline schemas), every
#     manifest of deploy/kubernetes against Kubernetes' own schema, strictly.
# The run is the demo world's example scenario `temporary-scheme` cut to 10 draws (split
# 2+3+2+3; the manifests take the draws from the scenario file); then the same through both
# recipes as a sweep over every corridor of the demo world (40 × 10 draws, 40 places a year
# for 3 years). Prints one line; exits
# non-zero on any failure. KEEP=1 keeps the temporary folder. Under CI=true,
# kubernetes-validate must install; elsewhere the schema check is skipped, and said so.
set -euo pipefail
exec </dev/null

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/debug/coherence}
[[ -x $bin ]] || { echo "deploy-recipes: FAILED: no executable $bin" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
k8s=$root/deploy/kubernetes
slurm=$root/deploy/slurm
draws=10
started=$SECONDS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/coherence-deploy.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
fail() {
  echo "deploy-recipes: FAILED: $*" >&2
  exit 1
}

# `coherence` on PATH, as in the image and on a cluster's nodes.
mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/coherence"
path="$tmp/bin:/usr/local/bin:/usr/bin:/bin"

# --- Python with PyYAML, and kubernetes-validate -----------------------------------------
# A virtual environment kept between runs (like CI's), filled once from PyPI.
venv="${TMPDIR:-/tmp}/coherence-deploy-venv"
schema_tool=""
if [[ ! -x $venv/bin/kubernetes-validate ]]; then
  rm -rf "$venv"
  if python3 -m venv "$venv" >/dev/null 2>&1 &&
    timeout 90 "$venv/bin/pip" install -q --disable-pip-version-check pyyaml kubernetes-validate \
      >"$tmp/pip.log" 2>&1; then
    :
  else
    rm -rf "$venv"
  fi
fi
[[ -x $venv/bin/kubernetes-validate ]] && schema_tool=$venv/bin/kubernetes-validate
py=""
for candidate in "$venv/bin/python3" "${COHERENCE_PYTHON:-}" python3; do
  if [[ -n $candidate ]] && "$candidate" -c 'import yaml' 2>/dev/null; then
    py=$candidate
    break
  fi
done
[[ -n $py ]] || fail "no Python with PyYAML (and none could be installed: $(tail -1 "$tmp/pip.log" 2>/dev/null))"
if [[ -z $schema_tool && ${CI:-} == true ]]; then
  fail "kubernetes-validate could not be installed from PyPI: $(tail -1 "$tmp/pip.log" 2>/dev/null)"
fi

# --- Slurm scripts: syntax and #SBATCH lines ----------------------------------------------
for script in "$slurm/scenario-array.sh" "$slurm/merge.sh"; do
  bash -n "$script" || fail "bash -n $script"
done
# Prints "TASK_IDS|MIN|MAX|COUNT|STEP|CPUS" for the array script; checks both scripts.
array=$("$py" - "$slurm/scenario-array.sh" "$slurm/merge.sh" <<'PY'
import re, sys

KNOWN = {"array", "job-name", "cpus-per-task", "mem", "mem-per-cpu", "time", "output",
         "error", "dependency", "partition", "account", "qos", "nodes", "ntasks",
         "ntasks-per-node", "gres", "constraint", "mail-type", "mail-user", "chdir",
         "tmp", "export", "requeue", "no-requeue", "signal", "open-mode", "kill-on-invalid-dep"}
SHORT = {"a": "array", "J": "job-name", "c": "cpus-per-task", "t": "time", "o": "output",
         "e": "error", "d": "dependency", "p": "partition", "A": "account", "N": "nodes",
         "n": "ntasks", "C": "constraint", "D": "chdir"}

def bad(msg):
    sys.exit(f"deploy-recipes: FAILED: {msg}")

def options(path):
    """The #SBATCH options of a script, as sbatch reads them: up to the first command."""
    found = {}
    started = False  # past the first command: sbatch reads no #SBATCH line there
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        s = line.strip()
        if number == 1:
            if not s.startswith("#!"):
                bad(f"{path}: no #! line (sbatch needs one)")
            continue
        if started and s.startswith("#SBATCH"):
            bad(f"{path}:{number}: an #SBATCH line after the first command (sbatch ignores it)")
        if started or not s or (s.startswith("#") and not s.startswith("#SBATCH")):
            continue
        if not s.startswith("#SBATCH"):
            started = True
            continue
        m = (re.fullmatch(r"#SBATCH\s+--([a-z-]+)(?:[= ](\S+))?(\s+#.*)?", s)
             or re.fullmatch(r"#SBATCH\s+-([a-zA-Z])\s*(\S+)(\s+#.*)?", s))
        if not m:
            bad(f"{path}:{number}: malformed #SBATCH line: {s}")
        name = SHORT.get(m.group(1), m.group(1))
        if name not in KNOWN:
            bad(f"{path}:{number}: unknown sbatch option --{m.group(1)}")
        if m.group(2) is None and name not in {"requeue", "no-requeue"}:
            bad(f"{path}:{number}: --{name} needs a value")
        if name in found:
            bad(f"{path}:{number}: --{name} given twice")
        found[name] = m.group(2)
    text = open(path, encoding="utf-8").read()
    for need in ("job-name", "time", "mem", "output"):
        if need not in found:
            bad(f"{path}: no #SBATCH --{need}")
    if "mem" in found and not re.fullmatch(r"\d+[KMGT]?", found["mem"]):
        bad(f"{path}: --mem={found['mem']} is not a size")
    if not re.fullmatch(r"(\d+-)?(\d+:)?\d+(:\d+)?", found["time"]):
        bad(f"{path}: --time={found['time']} is not a Slurm time")
    return found, text

array_opts, array_text = options(sys.argv[1])
merge_opts, merge_text = options(sys.argv[2])
if "array" not in array_opts:
    bad(f"{sys.argv[1]}: no #SBATCH --array=")
if "array" in merge_opts:
    bad(f"{sys.argv[2]}: the merge is one job, not an array")
m = re.fullmatch(r"(\d+)-(\d+)(?::(\d+))?(?:%\d+)?", array_opts["array"])
if not m:
    bad(f"--array={array_opts['array']}: expected FIRST-LAST[:STEP][%MAX]")
first, last, step = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
ids = list(range(first, last + 1, step))
if len(ids) < 2:
    bad(f"--array={array_opts['array']}: fewer than two tasks")
cpus = array_opts.get("cpus-per-task", "1")
if not cpus.isdigit():
    bad(f"--cpus-per-task={cpus}: not a number")
lines = [l for l in array_text.splitlines() if re.match(r"\s*coherence\s", l)]
if len(lines) != 1:
    bad(f"{sys.argv[1]}: expected one `coherence …` command line, found {len(lines)}")
cmd = lines[0]
shard = re.search(r"--shard(?:=|\s+)auto(?:/(\d+))?(?:\s|$)", cmd)
if not re.search(r"\sscenario run\s", cmd) or not shard:
    bad(f"{sys.argv[1]}: the command line does not run `scenario run … --shard auto`: {cmd}")
if shard.group(1) and int(shard.group(1)) != len(ids):
    bad(f"{sys.argv[1]}: --shard auto/{shard.group(1)} but --array has {len(ids)} tasks")
if "$SLURM_ARRAY_TASK_ID" not in cmd:
    bad(f"{sys.argv[1]}: the shard's --out does not name the task ($SLURM_ARRAY_TASK_ID)")
if "scenario merge" not in merge_text:
    bad(f"{sys.argv[2]}: no `coherence scenario merge`")
print(f"{' '.join(map(str, ids))}|{ids[0]}|{ids[-1]}|{len(ids)}|{step}|{cpus}")
PY
) || exit 1
IFS='|' read -r task_ids task_min task_max task_count task_step task_cpus <<<"$array"

# --- Kubernetes manifests: the Job fields, and the pods' command lines --------------------
mkdir -p "$tmp/k8s"
"$py" - "$k8s" "$tmp/k8s" <<'PY' || exit 1
import os, re, sys, yaml

src, out = sys.argv[1], sys.argv[2]

def bad(msg):
    sys.exit(f"deploy-recipes: FAILED: {msg}")

def docs(name):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]

def job(name):
    jobs = [d for d in docs(name) if d.get("kind") == "Job"]
    if len(jobs) != 1:
        bad(f"{name}: expected one Job, found {len(jobs)}")
    j = jobs[0]
    if j.get("apiVersion") != "batch/v1":
        bad(f"{name}: apiVersion {j.get('apiVersion')!r}, expected batch/v1")
    pod = j["spec"]["template"]["spec"]
    if pod.get("restartPolicy") not in ("Never", "OnFailure"):
        bad(f"{name}: restartPolicy {pod.get('restartPolicy')!r} (a Job needs Never or OnFailure)")
    if len(pod.get("containers", [])) != 1:
        bad(f"{name}: expected one container")
    c = pod["containers"][0]
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    mounts = c.get("volumeMounts", [])
    for m in mounts:
        if m["name"] not in volumes:
            bad(f"{name}: volumeMount {m['name']} has no volume")
    sec = pod.get("securityContext", {})
    if not sec.get("runAsNonRoot"):
        bad(f"{name}: the pod is not runAsNonRoot")
    return j, pod, c, volumes, mounts

def expand(s, env):
    """Kubernetes' $(VAR) expansion: declared variables only; $$ is a literal $."""
    return re.sub(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)",
                  lambda m: "$" if m.group(0) == "$$" else env.get(m.group(1), m.group(0)), s)

def localise(s, pairs):
    """Paths inside the container → the folders that stand for their volumes here:
    pairs of (mountPath, folder); the longest mount path that fits wins."""
    folders = {mount.rstrip("/"): folder for mount, folder in pairs}
    alternatives = "|".join(re.escape(m) for m in sorted(folders, key=len, reverse=True))
    # One pass, so that a folder put in is never mapped again (/tmp is a mount too).
    return re.sub(r"(?:^|(?<=[\s'\"=]))(" + alternatives + r")(?=/|$|\s)",
                  lambda m: folders[m.group(1)], s)

def here(mounts):
    """Each mount's path and its volume's folder here."""
    return [(m["mountPath"], os.path.join(out, "vol", m["name"])) for m in mounts]

def check():
    """Checks both Jobs and writes the pods' command lines here."""
    # The shards.
    j, pod, c, volumes, mounts = job("scenario-job.yaml")
    spec = j["spec"]
    if spec.get("completionMode") != "Indexed":
        bad("scenario-job.yaml: completionMode is not Indexed")
    n = spec.get("completions")
    if not isinstance(n, int) or n < 2:
        bad(f"scenario-job.yaml: completions {n!r}, expected a number of shards ≥ 2")
    par = spec.get("parallelism", 1)
    if not isinstance(par, int) or not 1 <= par <= n:
        bad(f"scenario-job.yaml: parallelism {par!r} outside 1 … completions ({n})")
    if "backoffLimitPerIndex" not in spec and "backoffLimit" not in spec:
        bad("scenario-job.yaml: neither backoffLimitPerIndex nor backoffLimit")
    argv = list(c.get("command", [])) + list(c.get("args", []))
    if not argv or argv[0] != "coherence":
        bad(f"scenario-job.yaml: the command is {argv[:1]}, expected coherence")
    flat = " ".join(argv)
    if f"--shard auto/{n}" not in flat and f"--shard=auto/{n}" not in flat:
        bad(f"scenario-job.yaml: the args do not hold --shard auto/{n} (completions {n})")
    if "scenario run" not in flat:
        bad("scenario-job.yaml: the args do not run `scenario run`")
    outs = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--out"]
    if len(outs) != 1 or "$(JOB_COMPLETION_INDEX)" not in outs[0]:
        bad("scenario-job.yaml: --out does not name the shard's folder by $(JOB_COMPLETION_INDEX)")
    env_names = [e["name"] for e in c.get("env", [])]
    if "JOB_COMPLETION_INDEX" not in env_names:
        bad("scenario-job.yaml: $(JOB_COMPLETION_INDEX) in the args, but the variable is not declared "
            "in the container's env, so Kubernetes would leave it unexpanded")
    for e in c.get("env", []):
        if e["name"] == "JOB_COMPLETION_INDEX":
            path = e.get("valueFrom", {}).get("fieldRef", {}).get("fieldPath", "")
            if "batch.kubernetes.io/job-completion-index" not in path:
                bad(f"scenario-job.yaml: JOB_COMPLETION_INDEX from {path!r}, not the completion index")
        elif "value" not in e:
            bad(f"scenario-job.yaml: env {e['name']} is not a plain value (the test cannot set it)")
    ro = [m for m in mounts if m.get("readOnly")]
    ro_names = {m["name"] for m in ro}
    db = argv[argv.index("--db") + 1] if "--db" in argv else ""
    scenario = argv[argv.index("run") + 1]
    def mount_of(path):
        hits = [m for m in mounts if path.startswith(m["mountPath"].rstrip("/") + "/")]
        return max(hits, key=lambda m: len(m["mountPath"])) if hits else None
    for what, path in (("store", db), ("scenario", scenario)):
        m = mount_of(path)
        if m is None:
            bad(f"scenario-job.yaml: the {what} {path!r} is on no volume")
        if m["name"] not in ro_names:
            bad(f"scenario-job.yaml: the {what}'s volume {m['name']} is not mounted read-only")
    if "configMap" not in volumes[mount_of(scenario)["name"]]:
        bad("scenario-job.yaml: the scenario is not a ConfigMap")
    runs = mount_of(expand(outs[0], {"JOB_COMPLETION_INDEX": "0"}))
    if runs is None or "persistentVolumeClaim" not in volumes[runs["name"]] or runs.get("readOnly"):
        bad("scenario-job.yaml: --out is not on a writable PersistentVolumeClaim")
    claim = volumes[runs["name"]]["persistentVolumeClaim"]["claimName"]

    for name in volumes:
        os.makedirs(os.path.join(out, "vol", name), exist_ok=True)
    for k in range(n):
        env = {e["name"]: e.get("value", "") for e in c.get("env", [])}
        env["JOB_COMPLETION_INDEX"] = str(k)
        with open(os.path.join(out, f"pod-{k}.argv"), "wb") as f:
            for a in argv:
                f.write(localise(expand(a, env), here(mounts)).encode() + b"\0")
        with open(os.path.join(out, f"pod-{k}.env"), "wb") as f:
            for key, value in env.items():
                f.write(f"{key}={value}".encode() + b"\0")
    with open(os.path.join(out, "ro"), "wb") as f:
        for m in ro:
            f.write(os.path.join(out, "vol", m["name"]).encode() + b"\0")
    with open(os.path.join(out, "plan"), "w") as f:
        f.write(f"{n}|{par}|{localise(db, here(mounts))}|{localise(scenario, here(mounts))}|"
                f"{os.path.join(out, 'vol', runs['name'])}\n")

    # The merge.
    j, pod, c, volumes, mounts = job("merge-job.yaml")
    argv = list(c.get("command", [])) + list(c.get("args", []))
    if "scenario merge" not in " ".join(argv):
        bad("merge-job.yaml: does not run `coherence scenario merge`")
    same = [m for m in mounts if m["mountPath"] == runs["mountPath"]
            and volumes[m["name"]].get("persistentVolumeClaim", {}).get("claimName") == claim]
    if not same:
        bad(f"merge-job.yaml: the shards' claim {claim} is not mounted at {runs['mountPath']}")
    # The merge's runs volume is the shards' one, the same folder here; others its own.
    pairs = [(m["mountPath"], os.path.join(out, "vol", runs["name"] if m is same[0] else "merge-" + m["name"]))
             for m in mounts]
    for _, folder in pairs:
        os.makedirs(folder, exist_ok=True)
    with open(os.path.join(out, "merge.argv"), "wb") as f:
        for a in argv:
            f.write(localise(a, pairs).encode() + b"\0")

try:
    check()
except (KeyError, TypeError, IndexError, ValueError, AttributeError) as e:
    bad(f"a manifest lacks a field or has one of the wrong type: {type(e).__name__} {e}")
PY
IFS='|' read -r shards parallelism pod_db pod_scenario pod_runs <"$tmp/k8s/plan"

# --- The store, the scenario and the unsharded run ----------------------------------------
"$bin" --db "$tmp/store.sqlite" demo --quiet -o "$tmp/brief.html" >/dev/null ||
  fail "coherence demo"
"$bin" scenario example temporary-scheme >"$tmp/example.toml" || fail "scenario example"
sed "s/^\[scenario\]\$/[scenario]\ndraws = $draws/" "$tmp/example.toml" >"$tmp/scenario.toml"
grep -q "^draws = $draws\$" "$tmp/scenario.toml" || fail "could not set draws in the example scenario"

# compare FULL DIR: every file of the unsharded run FULL, byte for byte, and no other file
# (at least MIN files: 6 for a run, 5 for a sweep).
compare() {
  local f n=0 min=${3:-6}
  for f in "$1"/*; do
    cmp -s "$f" "$2/$(basename "$f")" || fail "$2/$(basename "$f") differs from the unsharded run's"
    n=$((n + 1))
  done
  [[ $n -ge $min ]] || fail "the unsharded run $1 wrote $n files"
  [[ $(find "$2" -mindepth 1 | wc -l) -eq $n ]] || fail "$2 holds other files than the unsharded run"
  echo "$n"
}

# --- Kubernetes: N pods at once, then the merge ------------------------------------------
# The volumes' contents as README.md puts them there (kubectl cp, kubectl create configmap).
cp "$tmp/store.sqlite" "$pod_db"
mapfile -d '' ro_dirs <"$tmp/k8s/ro"
# Read-only mounts as the kubelet makes them (EROFS), in a mount namespace of each pod's
# own: as root, or else in a user namespace where the kernel allows one.
ro_mode="writable (no mount namespace here)"
unshare_cmd=()
probe=$tmp/k8s/probe
mkdir -p "$probe"
for candidate in "unshare -m" "unshare -r -m"; do
  # shellcheck disable=SC2086,SC2016 # the command's words; $1 is the inner shell's
  if $candidate sh -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && ! touch "$1/x"' \
    sh "$probe" 2>/dev/null; then
    read -ra unshare_cmd <<<"$candidate"
    ro_mode="read-only mounts"
    break
  fi
done
pod() { # pod K: runs pod K's command line; its stderr in pod-K.log
  local k=$1 argv envv
  mapfile -d '' argv <"$tmp/k8s/pod-$k.argv"
  mapfile -d '' envv <"$tmp/k8s/pod-$k.env"
  mkdir -p "$tmp/k8s/vol/tmp-$k"
  cd "$tmp/k8s/vol/tmp-$k"
  if [[ ${#unshare_cmd[@]} -gt 0 ]]; then
    # shellcheck disable=SC2016 # expanded by the inner shell
    "${unshare_cmd[@]}" sh -c '
      n=$1; shift
      while [ "$n" -gt 0 ]; do
        mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 97
        shift; n=$((n - 1))
      done
      exec "$@"' sh "${#ro_dirs[@]}" "${ro_dirs[@]}" \
      env -i PATH="$path" HOME=/nonexistent "${envv[@]}" "${argv[@]}"
  else
    env -i PATH="$path" HOME=/nonexistent "${envv[@]}" "${argv[@]}"
  fi
}
# run_k8s SCENARIO FULL MIN: the unsharded run of SCENARIO into FULL, the pods, the merge, and
# the comparison (prints the number of files).
run_k8s() {
cp "$1" "$pod_scenario"
rm -rf "${pod_runs:?}"/*
# The unsharded run, reading the scenario where the pods read it (the manifest records the
# scenario file's path; the store's path is not recorded, so a copy elsewhere is read).
"$bin" --db "$tmp/store.sqlite" scenario run "$pod_scenario" --out "$2" --quiet ||
  fail "the unsharded run"
local pids=() k merged_dir
for ((k = 0; k < shards; k++)); do
  (pod "$k") >"$tmp/k8s/pod-$k.log" 2>&1 &
  pids+=($!)
done
for ((k = 0; k < shards; k++)); do
  wait "${pids[$k]}" || fail "Kubernetes pod of index $k: $(tail -3 "$tmp/k8s/pod-$k.log")"
done
mapfile -d '' merge_argv <"$tmp/k8s/merge.argv"
(cd "$tmp/k8s/vol" && env -i PATH="$path" HOME=/nonexistent "${merge_argv[@]}") \
  >"$tmp/k8s/merge.log" 2>&1 || fail "merge-job.yaml's command: $(tail -3 "$tmp/k8s/merge.log")"
merged_dir=$(find "$pod_runs" -mindepth 1 -maxdepth 1 -type d -not -name 'part-*')
[[ $(wc -l <<<"$merged_dir") -eq 1 && -n $merged_dir ]] || fail "merge-job.yaml wrote no single merged folder"
compare "$2" "$merged_dir" "$3"
}
files=$(run_k8s "$tmp/scenario.toml" "$tmp/full-k8s" 6)

# --- Slurm: every task of the array at once, then the merge -------------------------------
submit=$tmp/slurm/submit
mkdir -p "$submit"
cp "$tmp/store.sqlite" "$submit/store.sqlite"
# run_slurm SCENARIO FULL MIN: the unsharded run of SCENARIO into FULL, the array, the merge,
# and the comparison.
run_slurm() {
cp "$1" "$submit/scenario.toml"
rm -rf "$submit/runs"
(cd "$submit" && "$bin" --db "$tmp/store.sqlite" scenario run scenario.toml --out "$2" --quiet) ||
  fail "the unsharded run"
local pids=() id p
for id in $task_ids; do
  mkdir -p "$tmp/slurm/node-$id"
  (cd "$submit" && env -i PATH="$path" HOME="$tmp/slurm" TMPDIR="$tmp/slurm/node-$id" \
    SLURM_JOB_ID=$((1000 + id)) SLURM_ARRAY_JOB_ID=1000 SLURM_ARRAY_TASK_ID="$id" \
    SLURM_ARRAY_TASK_MIN="$task_min" SLURM_ARRAY_TASK_MAX="$task_max" \
    SLURM_ARRAY_TASK_COUNT="$task_count" SLURM_ARRAY_TASK_STEP="$task_step" \
    SLURM_CPUS_PER_TASK="$task_cpus" SLURM_SUBMIT_DIR="$submit" \
    bash "$slurm/scenario-array.sh") >"$tmp/slurm/task-$id.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do
  wait "$p" || fail "a Slurm array task: $(tail -3 "$tmp"/slurm/task-*.log)"
done
[[ -z $(find "$tmp/slurm" -path '*/node-*/*') ]] || fail "scenario-array.sh left files in its scratch folder"
(cd "$submit" && env -i PATH="$path" HOME="$tmp/slurm" SLURM_JOB_ID=2000 SLURM_SUBMIT_DIR="$submit" \
  bash "$slurm/merge.sh") >"$tmp/slurm/merge.log" 2>&1 || fail "merge.sh: $(tail -3 "$tmp/slurm/merge.log")"
compare "$2" "$submit/runs/merged" "$3" >/dev/null
}
run_slurm "$tmp/scenario.toml" "$tmp/full-slurm" 6

# --- A sweep through both recipes ----------------------------------------------------------
# The same example over every corridor of the demo world ([sweep] origin = "*"), cut to 40
# places a year for 3 years (docs/scenarios.md, "Sweeps"); the recipes run it unchanged.
sed -e '/^corridor = "XAA-XAB"$/d' -e 's/^quota = 40000$/quota = 40/' -e 's/^years = 20$/years = 3/' \
  -e 's/^p_reentry = \(.*\)$/p_reentry = \1\ntransfer_cost_pct = 7.0/' "$tmp/scenario.toml" >"$tmp/sweep.toml"
printf '\n[sweep]\norigin = "*"\n' >>"$tmp/sweep.toml"
run_k8s "$tmp/sweep.toml" "$tmp/sweep-k8s" 5 >/dev/null
run_slurm "$tmp/sweep.toml" "$tmp/sweep-slurm" 5
corridors=$(grep -c '^    "X' "$tmp/sweep-k8s/manifest.json") || fail "the sweep's manifest lists no corridor"

# --- Kubernetes' own schema ---------------------------------------------------------------
schema="schema not checked (kubernetes-validate could not be installed)"
if [[ -n $schema_tool ]]; then
  "$schema_tool" --strict --quiet "$k8s"/*.yaml >"$tmp/schema.log" 2>&1 ||
    fail "kubernetes-validate: $(cat "$tmp/schema.log")"
  schema="manifests valid (kubernetes-validate --strict, Kubernetes $("$schema_tool" --version 2>/dev/null | grep -o '[0-9.]*' | head -1))"
fi

echo "deploy-recipes: ok: Kubernetes ($shards indexes, parallelism $parallelism, store and scenario $ro_mode) and Slurm (array of $task_count, ids $task_min-$task_max) each merged to the unsharded run's $files files byte for byte ($draws draws), and a sweep of $corridors corridors likewise; #SBATCH lines and Job fields checked; $schema; $((SECONDS - started)) s"
