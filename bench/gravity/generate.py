"""Deterministic synthetic structural-gravity panel for the PPML-HDFE benchmark.

Countries i, j (i != j) over T years. The flow is Poisson with mean
    mu_ijt = exp(0.25 fta_ijt - 0.8 ln_tariff_ijt + 0.15 cu_ijt + o_it + d_jt + p_ij),
with exporter-year effects o_it, importer-year effects d_jt and pair effects p_ij.
Columns: y, fta, ln_tariff, cu, exp_year, imp_year, pair (ids are integers).

Usage: python generate.py --obs 800000 --out gravity_800k.csv [--years 20] [--seed 20240601]
"""

import argparse
import math

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--obs", type=int, default=800_000, help="approximate number of rows")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    n_years = args.years
    # N = C (C - 1) T  =>  C = (1 + sqrt(1 + 4 N / T)) / 2.
    n_countries = round((1 + math.sqrt(1 + 4 * args.obs / n_years)) / 2)
    rng = np.random.default_rng(args.seed)

    orig, dest = np.meshgrid(np.arange(n_countries), np.arange(n_countries), indexing="ij")
    off_diagonal = orig != dest
    orig, dest = orig[off_diagonal], dest[off_diagonal]
    n_pairs = orig.size
    pair = np.arange(n_pairs)

    # Pair characteristics: distance-driven pair effect, FTA entry year, currency union.
    ln_dist = rng.normal(8.0, 0.8, size=n_pairs)
    pair_effect = 2.0 - 0.9 * (ln_dist - 8.0) + rng.normal(0.0, 0.5, size=n_pairs)
    fta_start = np.where(rng.random(n_pairs) < 0.35, rng.integers(0, n_years + 5, n_pairs), n_years + 99)
    cu_start = np.where(rng.random(n_pairs) < 0.08, rng.integers(0, n_years + 5, n_pairs), n_years + 99)
    base_tariff = rng.uniform(0.0, 0.25, size=n_pairs)

    exporter_size = rng.normal(0.0, 1.2, size=n_countries)
    importer_size = rng.normal(0.0, 1.2, size=n_countries)
    growth = rng.normal(0.02, 0.01, size=n_countries)

    years = np.arange(n_years)
    t = np.repeat(years, n_pairs)
    o = np.tile(orig, n_years)
    d = np.tile(dest, n_years)
    p = np.tile(pair, n_years)
    fta = (t >= fta_start[p]).astype(np.float64)
    cu = (t >= cu_start[p]).astype(np.float64)
    tariff = base_tariff[p] * np.exp(-0.05 * t) * (1.0 - 0.8 * fta) + rng.uniform(0.0, 0.02, size=t.size)
    ln_tariff = np.log1p(tariff)
    o_it = exporter_size[o] + growth[o] * t + rng.normal(0.0, 0.1, size=n_countries * n_years)[o * n_years + t]
    d_jt = importer_size[d] + growth[d] * t + rng.normal(0.0, 0.1, size=n_countries * n_years)[d * n_years + t]
    eta = 0.25 * fta - 0.8 * ln_tariff + 0.15 * cu + o_it + d_jt + pair_effect[p]
    y = rng.poisson(np.exp(eta)).astype(np.float64)

    exp_year = o * n_years + t
    imp_year = d * n_years + t
    with open(args.out, "w") as out:
        out.write("y,fta,ln_tariff,cu,exp_year,imp_year,pair\n")
        block = 200_000
        for start in range(0, y.size, block):
            end = min(start + block, y.size)
            rows = zip(
                y[start:end].astype(np.int64),
                fta[start:end].astype(np.int64),
                ln_tariff[start:end],
                cu[start:end].astype(np.int64),
                exp_year[start:end],
                imp_year[start:end],
                p[start:end],
            )
            out.write("".join(f"{a},{b},{c:.10f},{e},{f},{g},{h}\n" for a, b, c, e, f, g, h in rows))
    zeros = float(np.mean(y == 0))
    print(f"wrote {args.out}: {y.size} rows, {n_countries} countries, {n_years} years, {zeros:.1%} zeros")


if __name__ == "__main__":
    main()
