"""Coherence and pyfixest side by side, as whole processes and fit against fit.

Usage: python sidebyside.py DATA.csv --coherence PATH --bench-bin PATH [--model FORMULA]
       [--cluster pair] [--repeat 5] [--threads 1 2]

For each thread count (the same for both engines: RAYON_NUM_THREADS for Coherence and
pyfixest's Rust core, OMP/OPENBLAS/MKL/NUMBA_NUM_THREADS for NumPy's BLAS and numba):

* whole process, `--repeat` times each, alternating which engine goes first:
  `coherence gravity DATA.csv --model ... --vcov cluster:VAR --fixef-rm both --ssc pyfixest
  --format json` (reading the file included) against `python run_pyfixest.py DATA.csv
  --repeat 1` (Python start, importing pyfixest, pandas.read_csv and one fepois);
  wall-clock time and peak resident memory (getrusage of the child) of each run;
* fit alone: the release example `gravity_bench` and `run_pyfixest.py`, each fitting
  `--repeat + 1` times in one process on data already in memory; the first fit (pyfixest
  compiles its kernels then) is left out.

Reports medians, the ratios pyfixest / Coherence, the load average before and after each
thread count, and the largest relative difference of coefficients (and of standard
errors) between the engines; ends with a markdown table and one JSON line per thread count.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

MODEL = "y ~ fta + ln_tariff + cu | exp_year + imp_year + pair"
THREAD_VARIABLES = ["RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                    "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"]
HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(command: list[str], threads: int) -> tuple[str, float, float]:
    """Runs `command` with `threads` threads; returns its stdout, its wall-clock seconds and
    its own peak resident set size in MiB (from wait4)."""
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    env.update({name: str(threads) for name in THREAD_VARIABLES})
    out_path = f"/tmp/sidebyside-{os.getpid()}.out"
    with open(out_path, "w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    with open(out_path) as out:
        stdout = out.read()
    os.remove(out_path)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return stdout, seconds, usage.ru_maxrss / 1024.0


def last_json(stdout: str) -> dict:
    """The JSON object the engine printed (the last line starting with `{`, or all of it)."""
    stripped = stdout.strip()
    if stripped.startswith("{") and "\n" in stripped:
        return json.loads(stripped)
    return json.loads([line for line in stdout.splitlines() if line.startswith("{")][-1])


def largest_rel_diff(a: dict[str, float], b: dict[str, float]) -> float:
    """Largest |a - b| / |b| over the names both have."""
    return max(abs(a[k] - b[k]) / max(abs(b[k]), 1e-300) for k in b if k in a)


def one_thread_count(args: argparse.Namespace, threads: int) -> dict:
    """Runs everything at one thread count and returns its summary."""
    load_before = os.getloadavg()
    ours_cmd = [args.coherence, "gravity", args.csv, "--model", args.model, "--fixef-rm", "both",
                "--ssc", "pyfixest", "--format", "json"]
    if args.cluster:
        ours_cmd += ["--vcov", f"cluster:{args.cluster}"]
    theirs_cmd = [sys.executable, os.path.join(HERE, "run_pyfixest.py"), args.csv,
                  "--model", args.model, "--repeat", "1"]
    if args.cluster:
        theirs_cmd += ["--cluster", args.cluster]
    whole = {"coherence": [], "pyfixest": []}
    peak = {"coherence": [], "pyfixest": []}
    ours_json = theirs_json = None
    for i in range(args.repeat):
        order = [("coherence", ours_cmd), ("pyfixest", theirs_cmd)]
        if i % 2:
            order.reverse()
        for engine, command in order:
            stdout, seconds, mib = run_measured(command, threads)
            whole[engine].append(seconds)
            peak[engine].append(mib)
            if engine == "coherence":
                ours_json = last_json(stdout)
            else:
                theirs_json = last_json(stdout)

    fit_cmds = [
        ("coherence", [args.bench_bin, args.csv, "--model", args.model,
                       "--repeat", str(args.repeat + 1)] +
         (["--cluster", args.cluster] if args.cluster else [])),
        ("pyfixest", [sys.executable, os.path.join(HERE, "run_pyfixest.py"), args.csv,
                      "--model", args.model, "--repeat", str(args.repeat + 1)] +
         (["--cluster", args.cluster] if args.cluster else [])),
    ]
    fit = {}
    for engine, command in fit_cmds:
        fit[engine] = last_json(run_measured(command, threads)[0])
    load_after = os.getloadavg()

    ours_coef = {c["name"]: c["estimate"] for c in ours_json["coefficients"]}
    ours_se = {c["name"]: c["std_error"] for c in ours_json["coefficients"]}
    theirs_coef = dict(zip(theirs_json["names"], theirs_json["coef"]))
    theirs_se = dict(zip(theirs_json["names"], theirs_json["se"]))
    bench_coef = dict(zip([n.strip('"') for n in fit["coherence"]["names"]], fit["coherence"]["coef"]))
    med = {e: statistics.median(v) for e, v in whole.items()}
    fit_med = {e: fit[e]["fit_seconds_median"] for e in fit}
    summary = {
        "n_obs": ours_json["n_obs"],
        "threads": threads,
        "repeat": args.repeat,
        "whole_s": med,
        "whole_runs_s": whole,
        "fit_s": fit_med,
        "whole_ratio": med["pyfixest"] / med["coherence"],
        "whole_vs_fit_ratio": fit_med["pyfixest"] / med["coherence"],
        "fit_ratio": fit_med["pyfixest"] / fit_med["coherence"],
        "peak_mib": {e: max(v) for e, v in peak.items()},
        "coef_rel_diff": largest_rel_diff(ours_coef, theirs_coef),
        "fit_coef_rel_diff": largest_rel_diff(bench_coef, theirs_coef),
        "se_rel_diff": largest_rel_diff(ours_se, theirs_se),
        "load_before": load_before,
        "load_after": load_after,
    }
    print(f"== {summary['n_obs']} observations, {threads} thread(s); load average before "
          f"{' '.join(f'{x:.2f}' for x in load_before)}, after "
          f"{' '.join(f'{x:.2f}' for x in load_after)}")
    print(f"{'':24} {'coherence':>12} {'pyfixest':>12} {'ratio':>8}")
    print(f"{'whole process, median s':24} {med['coherence']:12.3f} {med['pyfixest']:12.3f} "
          f"{summary['whole_ratio']:7.1f}x")
    print(f"{'fit alone, median s':24} {fit_med['coherence']:12.3f} {fit_med['pyfixest']:12.3f} "
          f"{summary['fit_ratio']:7.1f}x")
    print(f"{'pyfixest fit / our whole':24} {'':12} {'':12} {summary['whole_vs_fit_ratio']:7.1f}x")
    print(f"{'peak RSS MiB (whole)':24} {summary['peak_mib']['coherence']:12.0f} "
          f"{summary['peak_mib']['pyfixest']:12.0f}")
    print("whole-process runs (s): coherence "
          + " ".join(f"{s:.3f}" for s in whole["coherence"])
          + "; pyfixest " + " ".join(f"{s:.2f}" for s in whole["pyfixest"]))
    for name in theirs_coef:
        print(f"  {name:12} {ours_coef.get(name, float('nan')):22.15f} {theirs_coef[name]:22.15f}")
    print(f"largest relative difference: coefficients {summary['coef_rel_diff']:.2e} "
          f"(fit alone {summary['fit_coef_rel_diff']:.2e}), standard errors "
          f"{summary['se_rel_diff']:.2e} (target < 1e-6)")
    return summary


def print_table(summaries: list[dict]) -> None:
    """The markdown table of docs/benchmarks.md."""
    print("| N | threads | Coherence whole (s) | pyfixest whole (s) | ratio "
          "| Coherence fit (s) | pyfixest fit (s) | ratio | pyfixest fit / Coherence whole "
          "| peak MiB Coherence / pyfixest | max rel. coef. diff | load before–after |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in summaries:
        print(f"| {s['n_obs']:,} | {s['threads']} | {s['whole_s']['coherence']:.3f} "
              f"| {s['whole_s']['pyfixest']:.2f} | {s['whole_ratio']:.1f}x "
              f"| {s['fit_s']['coherence']:.3f} | {s['fit_s']['pyfixest']:.2f} "
              f"| {s['fit_ratio']:.1f}x | {s['whole_vs_fit_ratio']:.1f}x "
              f"| {s['peak_mib']['coherence']:.0f} / {s['peak_mib']['pyfixest']:.0f} "
              f"| {max(s['coef_rel_diff'], s['fit_coef_rel_diff']):.1e} "
              f"| {s['load_before'][0]:.2f}–{s['load_after'][0]:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--coherence", required=True, help="the release `coherence` binary")
    parser.add_argument("--bench-bin", required=True, help="the release example `gravity_bench`")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--cluster", default="pair", help="cluster variable ('' for iid)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if args.repeat < 5:
        print("note: fewer than 5 runs; medians are less reliable", file=sys.stderr)
    summaries = [one_thread_count(args, threads) for threads in args.threads]
    print()
    print_table(summaries)
    for s in summaries:
        print(json.dumps(s))


if __name__ == "__main__":
    main()
