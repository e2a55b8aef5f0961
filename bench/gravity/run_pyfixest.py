"""Fits the benchmark PPML model with pyfixest's fepois and prints one JSON line.

Usage: python run_pyfixest.py DATA.csv --model "y ~ fta + ln_tariff + cu | exp_year + imp_year + pair"
       [--repeat 3] [--cluster pair]

The fit is repeated (default three times); the first call includes compiling pyfixest's
kernels, the "warm" time is the fastest of the later calls and the "median" time their
median (the machine may be shared). Fixed-effect columns are read as integers. With
`--cluster VAR` the standard errors are CRV1 by VAR, otherwise iid. With `--repeat 1` the
process is what a user runs: start Python, import pyfixest, read the CSV, fit once.
"""

import argparse
import json
import time

import pandas as pd
import pyfixest as pf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--model", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cluster", help="cluster-robust (CRV1) standard errors by this column")
    args = parser.parse_args()

    started = time.perf_counter()
    data = pd.read_csv(args.csv)
    read_seconds = time.perf_counter() - started

    seconds = []
    cpu = []
    fit = None
    for _ in range(max(args.repeat, 1)):
        started, cpu_started = time.perf_counter(), time.process_time()
        fit = pf.fepois(args.model, data=data, vcov={"CRV1": args.cluster} if args.cluster else "iid")
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    later = seconds[1:] or seconds
    coef = fit.coef()
    print(
        json.dumps(
            {
                "engine": "pyfixest " + pf.__version__,
                "names": list(coef.index),
                "coef": [float(c) for c in coef.values],
                "se": [float(s) for s in fit.se().values],
                "n_obs": int(fit._N),
                "deviance": float(fit.deviance),
                "read_seconds": read_seconds,
                "fit_seconds_first": seconds[0],
                "fit_seconds_warm": min(seconds[1:]) if len(seconds) > 1 else seconds[0],
                "fit_seconds_median": sorted(later)[len(later) // 2],
                "cpu_seconds_warm": min(cpu[1:]) if len(cpu) > 1 else cpu[0],
            }
        )
    )


if __name__ == "__main__":
    main()
