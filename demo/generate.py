#!/usr/bin/env python3
"""Deterministic generator of the demo world's CSV files.

The CSV files in this folder are committed and are the source of truth; this script
documents how their numbers were made and keeps them internally consistent. Run it
from the repository root (``python3 demo/generate.py``) after changing a parameter
below, then review the diff. It uses only the standard library and no randomness:
the small "jitter" that keeps the numbers from looking round comes from a hash of
each row's key, so every run writes the same bytes.

Nothing here describes a real country. See demo/README.md.
"""

import csv
import hashlib
import os

HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = [2000, 2005, 2010, 2015, 2020, 2024]

# iso3, name, region, income group, on the safeguards list, ICMW, ILO C97, ILO C143
COUNTRIES = [
    ("XAA", "Pelaria", "Western Meridian, coast", "lower-middle", "yes", "no", "no", "no"),
    ("XAB", "Brevmark", "Northern Reach", "high", "no", "no", "no", "no"),
    ("XAC", "Duneshar", "Amber Gulf", "high", "no", "no", "no", "no"),
    ("XAD", "Corvenna", "Central Isthmus", "lower-middle", "no", "yes", "no", "no"),
    ("XAE", "Tamberu", "Western Meridian, interior", "low", "yes", "yes", "no", "no"),
    ("XAF", "Ventoria", "Southern Plateau", "upper-middle", "no", "no", "yes", "no"),
    ("XAG", "Maruvia", "Opal Sea islands", "upper-middle", "no", "no", "no", "no"),
    ("XAH", "Galdoria", "Northern Reach", "high", "no", "no", "yes", "yes"),
    ("XAI", "Kestrelia", "Western Meridian, highlands", "lower-middle", "no", "yes", "yes", "no"),
    ("XAJ", "Lirrana", "Central Isthmus, south", "low", "yes", "yes", "no", "no"),
]
INCOME = {c[0]: c[3] for c in COUNTRIES}

# Population, millions, for YEARS.
POPULATION_M = {
    "XAA": [18.5, 19.9, 21.0, 22.2, 23.3, 24.1],
    "XAB": [34.0, 34.8, 35.6, 36.5, 37.4, 38.0],
    "XAC": [2.6, 3.5, 5.0, 6.2, 7.1, 7.9],
    "XAD": [12.1, 12.9, 13.6, 14.3, 14.9, 15.3],
    "XAE": [20.4, 23.3, 26.5, 29.6, 32.8, 35.5],
    "XAF": [44.0, 46.5, 49.0, 51.3, 53.4, 54.8],
    "XAG": [0.094, 0.099, 0.103, 0.106, 0.109, 0.111],
    "XAH": [58.0, 59.2, 60.4, 61.3, 62.0, 62.5],
    "XAI": [9.8, 10.4, 11.0, 11.5, 11.9, 12.2],
    "XAJ": [11.5, 13.0, 14.6, 16.1, 17.5, 18.6],
}

# GDP per capita, current US$, for YEARS (2020: the pandemic dip).
GDP_PC = {
    "XAA": [740, 960, 1310, 1720, 1880, 2290],
    "XAB": [27500, 36800, 44100, 46900, 48200, 54300],
    "XAC": [19800, 28400, 36700, 41200, 36900, 44800],
    "XAD": [1650, 2300, 3400, 3950, 3700, 4600],
    "XAE": [310, 390, 560, 720, 780, 910],
    "XAF": [3900, 5600, 8700, 9400, 8800, 11200],
    "XAG": [3100, 3900, 4800, 5600, 4900, 6300],
    "XAH": [24100, 33500, 41200, 42800, 43900, 51600],
    "XAI": [820, 1080, 1540, 2010, 2150, 2580],
    "XAJ": [260, 300, 380, 410, 390, 440],
}
PPP_FACTOR = {"low": 3.1, "lower-middle": 2.8, "upper-middle": 2.1, "high": 1.12}

# Bilateral migrant stocks, thousands, for YEARS, and the male share of each year.
# (orig, dest): ([thousands...], male share or [male shares...])
STOCKS = {
    # Pelaria, the main origin. The seasonal scheme in Brevmark starts in 2012.
    ("XAA", "XAB"): ([310, 360, 420, 610, 880, 1080], [0.50, 0.50, 0.51, 0.55, 0.56, 0.55]),
    ("XAA", "XAC"): ([260, 420, 760, 1100, 1380, 1600], 0.79),
    ("XAA", "XAH"): ([420, 450, 480, 500, 515, 530], 0.47),
    ("XAA", "XAF"): ([90, 120, 160, 200, 230, 250], 0.53),
    ("XAA", "XAD"): ([40, 48, 55, 62, 70, 76], 0.55),
    ("XAA", "XAG"): ([0.9, 1.1, 1.3, 1.5, 1.8, 2.0], 0.35),
    ("XAA", "XAI"): ([25, 28, 30, 33, 35, 36], 0.50),
    # Brevmark
    ("XAB", "XAH"): ([160, 170, 182, 193, 203, 210], 0.49),
    ("XAB", "XAF"): ([20, 26, 31, 37, 41, 45], 0.50),
    ("XAB", "XAC"): ([10, 15, 22, 30, 36, 40], 0.62),
    # Duneshar
    ("XAC", "XAB"): ([8, 9, 10, 12, 13, 14], 0.55),
    ("XAC", "XAH"): ([10, 11, 13, 14, 15, 16], 0.54),
    # Corvenna, the transit country
    ("XAD", "XAB"): ([90, 115, 140, 170, 195, 210], 0.52),
    ("XAD", "XAH"): ([60, 72, 84, 95, 104, 110], 0.51),
    ("XAD", "XAF"): ([40, 47, 54, 60, 66, 70], 0.53),
    ("XAD", "XAC"): ([40, 70, 120, 170, 220, 250], 0.70),
    # Tamberu, the second origin
    ("XAE", "XAC"): ([300, 520, 930, 1320, 1640, 1900], 0.83),
    ("XAE", "XAD"): ([120, 170, 230, 300, 360, 390], 0.60),
    ("XAE", "XAB"): ([40, 70, 110, 160, 220, 260], 0.57),
    ("XAE", "XAH"): ([70, 90, 115, 140, 165, 180], 0.55),
    ("XAE", "XAF"): ([30, 48, 70, 95, 120, 140], 0.60),
    ("XAE", "XAA"): ([60, 70, 80, 90, 102, 110], 0.52),
    # Ventoria, the upper-middle-income destination
    ("XAF", "XAB"): ([70, 78, 86, 95, 104, 110], 0.50),
    ("XAF", "XAH"): ([90, 102, 115, 128, 141, 150], 0.49),
    ("XAF", "XAC"): ([20, 35, 60, 90, 120, 140], 0.66),
    # Maruvia, the small island state
    ("XAG", "XAH"): ([22, 24, 26, 28, 30, 31], 0.46),
    ("XAG", "XAB"): ([6, 7, 8, 9, 10, 11], 0.48),
    ("XAG", "XAF"): ([2, 2.4, 2.8, 3.2, 3.6, 4], 0.50),
    # Galdoria, the older high-income destination
    ("XAH", "XAB"): ([140, 150, 160, 170, 182, 190], 0.50),
    ("XAH", "XAF"): ([30, 38, 46, 55, 63, 70], 0.52),
    ("XAH", "XAG"): ([1.5, 1.7, 1.9, 2.1, 2.3, 2.5], 0.53),
    # Kestrelia
    ("XAI", "XAC"): ([180, 300, 520, 760, 950, 1100], 0.81),
    ("XAI", "XAF"): ([150, 190, 240, 300, 350, 390], 0.54),
    ("XAI", "XAA"): ([40, 44, 47, 50, 53, 55], 0.51),
    ("XAI", "XAB"): ([20, 30, 42, 55, 68, 80], 0.56),
    # Lirrana, the conflict-affected origin (refugees in Corvenna from 2012)
    ("XAJ", "XAD"): ([60, 75, 95, 380, 540, 610], 0.50),
    ("XAJ", "XAF"): ([30, 45, 70, 140, 200, 240], 0.53),
    ("XAJ", "XAB"): ([5, 8, 12, 35, 55, 70], 0.58),
    ("XAJ", "XAH"): ([10, 14, 19, 35, 50, 60], 0.57),
    ("XAJ", "XAC"): ([80, 150, 260, 380, 500, 600], 0.86),
}

# Average remittance per migrant and year, 2024 US$, by destination (the sender of
# the remittance), scaled by a wage path over the years, and a propensity to remit by
# origin (migrants from high-income countries send little home; those from the poorest
# countries earn less abroad and send less).
REMIT_PER_MIGRANT = {
    "XAB": 3200, "XAC": 3000, "XAD": 700, "XAF": 1500, "XAG": 1800,
    "XAH": 2900, "XAA": 600, "XAI": 600, "XAE": 400, "XAJ": 300,
}
WAGE_PATH = [0.45, 0.60, 0.75, 0.85, 0.92, 1.00]
PROPENSITY = {
    "XAA": 1.0, "XAB": 0.15, "XAC": 0.15, "XAD": 0.9, "XAE": 0.5,
    "XAF": 0.5, "XAG": 1.0, "XAH": 0.15, "XAI": 0.85, "XAJ": 0.3,
}

# Corridors (sender, receiver) listed in remittances.csv.
LISTED_REMITTANCES = [
    ("XAB", "XAA"), ("XAC", "XAA"), ("XAH", "XAA"), ("XAF", "XAA"),
    ("XAC", "XAE"), ("XAD", "XAE"), ("XAB", "XAE"), ("XAH", "XAE"),
    ("XAC", "XAI"), ("XAF", "XAI"),
    ("XAD", "XAJ"), ("XAC", "XAJ"),
    ("XAH", "XAG"), ("XAB", "XAG"),
    ("XAB", "XAD"),
]

# Average total cost of sending US$200, % of the amount, 2016-2024.
COSTS = {
    ("XAB", "XAA"): [8.9, 8.8, 8.7, 8.6, 8.5, 8.4, 8.3, 8.2, 8.1],
    ("XAC", "XAA"): [4.6, 4.4, 4.3, 4.1, 4.0, 3.9, 3.8, 3.7, 3.6],
    ("XAH", "XAA"): [7.4, 7.2, 7.1, 7.0, 6.9, 6.8, 6.8, 6.7, 6.6],
    ("XAC", "XAE"): [4.2, 4.0, 3.9, 3.7, 3.6, 3.4, 3.3, 3.2, 3.1],
    ("XAC", "XAI"): [2.9, 2.8, 2.7, 2.6, 2.5, 2.5, 2.4, 2.4, 2.3],
    ("XAF", "XAI"): [3.4, 3.3, 3.2, 3.1, 2.9, 2.8, 2.7, 2.7, 2.6],
    ("XAB", "XAE"): [9.8, 9.5, 9.1, 8.7, 8.4, 8.0, 7.7, 7.4, 7.2],
    ("XAH", "XAG"): [11.2, 11.0, 10.8, 10.5, 10.3, 10.0, 9.8, 9.6, 9.4],
    ("XAD", "XAJ"): [6.1, 5.9, 5.8, 5.6, 5.4, 5.3, 5.1, 5.0, 4.9],
    ("XAB", "XAH"): [1.9, 1.9, 1.8, 1.8, 1.7, 1.7, 1.7, 1.6, 1.6],
}
COST_YEARS = list(range(2016, 2025))

# Physicians per 1,000 people, for YEARS.
PHYSICIANS = {
    "XAA": [0.45, 0.43, 0.41, 0.39, 0.37, 0.36],
    "XAB": [3.9, 4.0, 4.0, 4.1, 4.2, 4.2],
    "XAC": [2.2, 2.3, 2.4, 2.5, 2.5, 2.6],
    "XAD": [1.1, 1.1, 1.2, 1.2, 1.3, 1.3],
    "XAE": [0.08, 0.08, 0.09, 0.09, 0.10, 0.10],
    "XAF": [2.0, 2.1, 2.2, 2.3, 2.3, 2.4],
    "XAG": [1.0, 1.0, 1.1, 1.1, 1.1, 1.2],
    "XAH": [3.2, 3.3, 3.4, 3.5, 3.5, 3.6],
    "XAI": [0.8, 0.8, 0.9, 0.9, 1.0, 1.0],
    "XAJ": [0.07, 0.07, 0.07, 0.06, 0.06, 0.06],
}

# Doctors and nurses working at home and born here working abroad, 2015/2020/2024.
HEALTH_YEARS = [2015, 2020, 2024]
HEALTH_HOME = {
    "XAA": [38000, 40500, 42000], "XAB": [598000, 611000, 624000],
    "XAC": [61000, 72000, 80000], "XAD": [52000, 55000, 57000],
    "XAE": [19000, 21000, 23000], "XAF": [410000, 425000, 441000],
    "XAG": [610, 630, 650], "XAH": [905000, 921000, 934000],
    "XAI": [31000, 33000, 35000], "XAJ": [8800, 9000, 9100],
}
HEALTH_ABROAD = {
    "XAA": [21000, 29000, 36500], "XAB": [9000, 9500, 9800],
    "XAC": [800, 900, 1000], "XAD": [6100, 6900, 7400],
    "XAE": [5200, 6400, 7300], "XAF": [12000, 13100, 13900],
    "XAG": [240, 260, 280], "XAH": [14000, 14500, 15000],
    "XAI": [4100, 4600, 5000], "XAJ": [2100, 2300, 2400],
}

# Tertiary-educated emigrants as a share of emigrants; tertiary-educated residents
# aged 25+ as a share of the population; years of the tertiary-education indicators.
TERTIARY_YEARS = [2000, 2010, 2020]
EMIGRANT_TERTIARY_SHARE = {
    "XAA": 0.16, "XAB": 0.42, "XAC": 0.38, "XAD": 0.15, "XAE": 0.07,
    "XAF": 0.24, "XAG": 0.14, "XAH": 0.40, "XAI": 0.12, "XAJ": 0.06,
}
RESIDENT_TERTIARY_SHARE = {
    "XAA": 0.033, "XAB": 0.24, "XAC": 0.12, "XAD": 0.06, "XAE": 0.012,
    "XAF": 0.11, "XAG": 0.05, "XAH": 0.22, "XAI": 0.05, "XAJ": 0.009,
}


def jitter(key, spread):
    """A deterministic integer in [-spread, spread] from a hash of `key`."""
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    return h % (2 * spread + 1) - spread


# Pelarians who left for work abroad (deployments), by destination, thousands, for
# DEPLOYMENT_YEARS (2020: departures halted by the pandemic), with the share of men and
# the shares by channel (agency, individual, g2g, reentry: they partition the total)
# and of skilled workers. Brevmark's seasonal scheme re-hires returnees first; Duneshar
# recruits through the government-to-government agreement XAA-LAB-03 too.
DEPLOYMENT_YEARS = [2019, 2020, 2021, 2022, 2023, 2024]
DEPLOYMENTS = {
    "XAB": ([31.2, 11.8, 24.5, 33.1, 36.4, 38.2], 0.78, (0.40, 0.05, 0.0, 0.55), 0.04),
    "XAC": ([88.0, 41.3, 63.2, 96.7, 104.1, 109.4], 0.70, (0.62, 0.12, 0.18, 0.08), 0.11),
    "XAH": ([9.1, 4.2, 7.0, 10.3, 11.4, 12.1], 0.55, (0.35, 0.45, 0.0, 0.20), 0.46),
    "XAF": ([5.0, 2.4, 3.8, 5.6, 6.1, 6.4], 0.62, (0.30, 0.50, 0.0, 0.20), 0.18),
    "XAD": ([1.8, 0.9, 1.4, 2.0, 2.2, 2.3], 0.51, (0.10, 0.80, 0.0, 0.10), 0.12),
}
DEPLOYMENT_SOURCE = "Pelaria, Bureau of Overseas Employment, annual deployment statistics (fictional)"


def deployment_rows():
    """(origin, destination, year, sex, channel, skill, persons) rows of Pelaria's
    deployments: totals by sex, then the channels and skill levels of both sexes."""
    rows = []
    for dest, (thousands, male, channels, skilled) in DEPLOYMENTS.items():
        for year, t in zip(DEPLOYMENT_YEARS, thousands):
            key = f"deploy {dest} {year}"
            total = int(round(t * 1000 + jitter(key, max(1, int(t * 10)))))
            m = int(round(total * male + jitter(key + " male", max(1, int(t * 2)))))
            rows.append(("XAA", dest, year, "total", "", "", total))
            rows.append(("XAA", dest, year, "male", "", "", m))
            rows.append(("XAA", dest, year, "female", "", "", total - m))
            names = ["agency", "individual", "g2g", "reentry"]
            parts = [int(round(total * share)) for share in channels]
            parts[0] += total - sum(parts)  # agencies take the rounding
            for name, part in zip(names, parts):
                if part > 0:
                    rows.append(("XAA", dest, year, "total", name, "", part))
            s = int(round(total * skilled))
            rows.append(("XAA", dest, year, "total", "", "skilled", s))
            rows.append(("XAA", dest, year, "total", "", "low-skilled", total - s))
    return rows


def population(iso, i):
    p = POPULATION_M[iso][i] * 1e6
    return int(round(p + jitter(f"pop {iso} {i}", int(p * 0.002))))


def stock_rows():
    rows = []
    for (orig, dest), (thousands, male) in sorted(STOCKS.items()):
        for i, year in enumerate(YEARS):
            t = thousands[i] * 1000
            total = int(round(t + jitter(f"stock {orig} {dest} {year}", max(1, int(t * 0.01)))))
            share = male[i] if isinstance(male, list) else male
            m = int(round(total * share + jitter(f"male {orig} {dest} {year}", max(1, int(t * 0.002)))))
            rows.append((orig, dest, year, total, m, total - m))
    return rows


def bilateral_remittances(stocks):
    """(sender, receiver, year) -> US$, for every stock corridor."""
    out = {}
    for orig, dest, year, total, _m, _f in stocks:
        i = YEARS.index(year)
        usd = total * REMIT_PER_MIGRANT[dest] * WAGE_PATH[i] * PROPENSITY[orig]
        usd = int(round(usd / 1000.0)) * 1000
        out[(dest, orig, year)] = usd
    return out


def main():
    stocks = stock_rows()
    remit = bilateral_remittances(stocks)

    with open(os.path.join(HERE, "countries.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "name", "kind", "region", "income_group", "who_ssl",
                    "icmw_party", "ilo_c97_party", "ilo_c143_party"])
        for iso, name, region, income, ssl, icmw, c97, c143 in COUNTRIES:
            w.writerow([iso, name, "fictional", region, income, ssl, icmw, c97, c143])

    with open(os.path.join(HERE, "stocks.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["orig", "dest", "year", "sex", "value"])
        for orig, dest, year, total, m, fe in stocks:
            w.writerow([orig, dest, year, "total", total])
            w.writerow([orig, dest, year, "male", m])
            w.writerow([orig, dest, year, "female", fe])

    with open(os.path.join(HERE, "remittances.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sender", "receiver", "year", "value"])
        for sender, receiver in LISTED_REMITTANCES:
            for year in YEARS:
                w.writerow([sender, receiver, year, remit[(sender, receiver, year)]])

    with open(os.path.join(HERE, "deployments.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["origin", "destination", "year", "sex", "channel", "skill", "persons", "source"])
        for row in deployment_rows():
            w.writerow(list(row) + [DEPLOYMENT_SOURCE])

    with open(os.path.join(HERE, "remittance_costs.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sender", "receiver", "year", "cost_pct"])
        for (sender, receiver), costs in COSTS.items():
            for year, cost in zip(COST_YEARS, costs):
                w.writerow([sender, receiver, year, f"{cost:.1f}"])

    # Stocks by origin and destination, for net migration and tertiary emigrants.
    emigrants = {(iso, y): 0 for iso in POPULATION_M for y in YEARS}
    immigrants = {(iso, y): 0 for iso in POPULATION_M for y in YEARS}
    for orig, dest, year, total, _m, _f in stocks:
        emigrants[(orig, year)] += total
        immigrants[(dest, year)] += total

    rows = []
    for iso, *_ in COUNTRIES:
        income = INCOME[iso]
        for i, year in enumerate(YEARS):
            pop = population(iso, i)
            gdp = pop * GDP_PC[iso][i]
            gdp = int(round(gdp / 1e6)) * 1_000_000
            received = sum(v for (s, r, y), v in remit.items() if r == iso and y == year)
            paid = sum(v for (s, r, y), v in remit.items() if s == iso and y == year)
            # Net migration over the year: the yearly change of the net stock over the
            # five-year period ending here (the first period for 2000).
            j = max(i, 1)
            span = YEARS[j] - YEARS[j - 1]
            change = (immigrants[(iso, YEARS[j])] - immigrants[(iso, YEARS[j - 1])]) - (
                emigrants[(iso, YEARS[j])] - emigrants[(iso, YEARS[j - 1])])
            net = int(round(change / span / 100.0)) * 100
            ppp = GDP_PC[iso][i] * PPP_FACTOR[income]
            rows.append((iso, "population", year, pop))
            rows.append((iso, "gdp_usd", year, gdp))
            rows.append((iso, "gdp_per_capita_usd", year, f"{gdp / pop:.2f}"))
            rows.append((iso, "gdp_per_capita_ppp", year, f"{ppp:.0f}"))
            rows.append((iso, "remittances_received_usd", year, received))
            rows.append((iso, "remittances_paid_usd", year, paid))
            rows.append((iso, "net_migration", year, net))
            rows.append((iso, "physicians_per_1000", year, f"{PHYSICIANS[iso][i]:.2f}"))
        for year in TERTIARY_YEARS:
            i = YEARS.index(year)
            pop = population(iso, i)
            emig = int(round(emigrants[(iso, year)] * 0.8 * EMIGRANT_TERTIARY_SHARE[iso] / 100.0)) * 100
            res = int(round(pop * RESIDENT_TERTIARY_SHARE[iso] / 100.0)) * 100
            rows.append((iso, "emigrants_tertiary", year, emig))
            rows.append((iso, "residents_tertiary", year, res))
        for k, year in enumerate(HEALTH_YEARS):
            rows.append((iso, "health_workers_abroad", year, HEALTH_ABROAD[iso][k]))
            rows.append((iso, "health_workers_home", year, HEALTH_HOME[iso][k]))

    with open(os.path.join(HERE, "indicators.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "indicator", "year", "sex", "value"])
        for iso, ind, year, value in rows:
            w.writerow([iso, ind, year, "total", value])

    # Checks the story relies on.
    listed = {}
    for sender, receiver in LISTED_REMITTANCES:
        for year in YEARS:
            listed[(receiver, year)] = listed.get((receiver, year), 0) + remit[(sender, receiver, year)]
    for (receiver, year), v in listed.items():
        received = sum(x for (s, r, y), x in remit.items() if r == receiver and y == year)
        assert received >= v
    for i, year in enumerate(YEARS[-2:]):
        k = YEARS.index(year)
        gdp = population("XAA", k) * GDP_PC["XAA"][k]
        received = sum(x for (s, r, y), x in remit.items() if r == "XAA" and y == year)
        share = received / gdp
        assert 0.15 <= share <= 0.20, (year, share)


if __name__ == "__main__":
    main()
