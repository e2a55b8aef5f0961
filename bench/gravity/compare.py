"""Runs the Coherence and pyfixest PPML-HDFE fits on the same CSV and compares them.

Usage: python compare.py DATA.csv --rust-bin PATH [--model FORMULA] [--repeat 3] [--threads T]
       python compare.py --table SUMMARIES.jsonl   (markdown table of earlier summaries)

Each engine runs in its own process, fits the model `--repeat` times (default 3) and
reports the fastest fit after the first ("warm"); peak memory is the process's maximum
resident set size (including reading the CSV). With `--threads T` both engines get the
same thread count: RAYON_NUM_THREADS (Coherence, and pyfixest's Rust core),
OMP/OPENBLAS/MKL/NUMBA_NUM_THREADS (NumPy's BLAS, numba). Prints both coefficient
vectors, their largest relative difference, the time ratios and the memory ratio, then
one JSON summary line (with the load average before and after the runs).
"""

import argparse
import json
import os
import subprocess
import sys

MODEL = "y ~ fta + ln_tariff + cu | exp_year + imp_year + pair"


THREAD_VARIABLES = ["RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                    "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"]


def run(command: list[str], threads: int | None) -> tuple[dict, float]:
    """Runs `command`, returns its JSON output line and its peak RSS in MiB."""
    env = dict(os.environ)
    if threads:
        env.update({name: str(threads) for name in THREAD_VARIABLES})
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}")
    line = [l for l in stdout.splitlines() if l.startswith("{")][-1]
    return json.loads(line), usage.ru_maxrss / 1024.0


def print_table(path: str) -> None:
    """Prints the markdown scaling table of the summaries (one JSON object a line)."""
    print("| N | threads | Coherence warm (s) | pyfixest warm (s) | ratio | Coherence CPU (s) "
          "| pyfixest CPU (s) | CPU ratio | Coherence peak (MiB) | pyfixest peak (MiB) "
          "| max rel. coef. diff | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with open(path) as lines:
        for line in lines:
            s = json.loads(line)
            load = s.get("load", [float("nan")] * 2)
            print(f"| {s['n_obs']:,} | {s.get('threads', '')} | {s['coherence_warm_s']:.3f} "
                  f"| {s['pyfixest_warm_s']:.2f} | {s['time_ratio']:.1f}x "
                  f"| {s['coherence_cpu_s']:.3f} | {s['pyfixest_cpu_s']:.2f} "
                  f"| {s['cpu_ratio']:.1f}x | {s['coherence_peak_mib']:.0f} "
                  f"| {s['pyfixest_peak_mib']:.0f} | {s['max_rel_diff']:.1e} "
                  f"| {load[0]:.1f}–{load[1]:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?")
    parser.add_argument("--rust-bin")
    parser.add_argument("--table", help="print a markdown table of the JSON summaries in this file")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, help="thread count for both engines")
    args = parser.parse_args()
    if args.table:
        print_table(args.table)
        return
    if not args.csv or not args.rust_bin:
        parser.error("DATA.csv and --rust-bin are required")

    here = os.path.dirname(os.path.abspath(__file__))
    load_before = os.getloadavg()[0]
    ours, ours_mib = run([args.rust_bin, args.csv, "--model", args.model, "--repeat", str(args.repeat)],
                         args.threads)
    theirs, theirs_mib = run(
        [sys.executable, os.path.join(here, "run_pyfixest.py"), args.csv, "--model", args.model,
         "--repeat", str(args.repeat)],
        args.threads,
    )
    load = sorted([load_before, os.getloadavg()[0]])
    print(f"{'':12} {'coherence':>22} {theirs['engine']:>22}")
    largest = 0.0
    for name, a, b in zip(ours["names"], ours["coef"], theirs["coef"]):
        rel = abs(a - b) / max(abs(b), 1e-300)
        largest = max(largest, rel)
        print(f"{name:12} {a:22.15f} {b:22.15f}")
    ratio = theirs["fit_seconds_warm"] / ours["fit_seconds_warm"]
    print(f"N            {ours['n_obs']:>22} {theirs['n_obs']:>22}")
    print(f"deviance     {ours['deviance']:22.6f} {theirs['deviance']:22.6f}")
    print(f"fit, warm s  {ours['fit_seconds_warm']:22.3f} {theirs['fit_seconds_warm']:22.3f}")
    print(f"fit, first s {ours['fit_seconds_first']:22.3f} {theirs['fit_seconds_first']:22.3f}")
    print(f"CPU, warm s  {ours['cpu_seconds_warm']:22.3f} {theirs['cpu_seconds_warm']:22.3f}")
    print(f"threads      {ours.get('threads', ''):>22}")
    print(f"peak MiB     {ours_mib:22.0f} {theirs_mib:22.0f}")
    print(f"largest relative coefficient difference: {largest:.3e} (target < 1e-6)")
    print(f"time ratio (pyfixest / coherence, warm): {ratio:.1f}x (target >= 10x)")
    cpu_ratio = theirs["cpu_seconds_warm"] / ours["cpu_seconds_warm"]
    print(f"CPU-time ratio (pyfixest / coherence, warm): {cpu_ratio:.1f}x")
    print(f"memory ratio (pyfixest / coherence): {theirs_mib / ours_mib:.1f}x")
    summary = {
        "n_obs": ours["n_obs"],
        "max_rel_diff": largest,
        "coherence_warm_s": ours["fit_seconds_warm"],
        "pyfixest_warm_s": theirs["fit_seconds_warm"],
        "time_ratio": ratio,
        "coherence_cpu_s": ours["cpu_seconds_warm"],
        "pyfixest_cpu_s": theirs["cpu_seconds_warm"],
        "cpu_ratio": cpu_ratio,
        "coherence_peak_mib": ours_mib,
        "pyfixest_peak_mib": theirs_mib,
        "iterations": ours["iterations"],
        "threads": ours.get("threads"),
        "load": load,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
