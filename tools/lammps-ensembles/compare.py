#!/usr/bin/env python3
"""Compares dendrite and LAMMPS ensemble averages: <T>, <P>, <V>, <PE> with standard errors from
block averaging (Flyvbjerg & Petersen, J. Chem. Phys. 91, 461 (1989)), after discarding an
equilibration period. The standard error of each mean is the largest over 5, 10 and 20 blocks
(a conservative reading of the blocking plateau). A difference is flagged when it exceeds three
combined standard errors; the exit code is the number of flagged quantities.

usage: compare.py [--skip-ps 5] NAME DENDRITE_CSV LAMMPS_LOG [NAME DENDRITE_CSV LAMMPS_LOG ...]
"""
import csv
import math
import sys

QUANTITIES = [("temp", "T", "K"), ("press", "P", "bar"), ("vol", "V", "A^3"), ("pe", "PE", "eV")]


def read_dendrite(path):
    rows = {"time": [], "temp": [], "press": [], "vol": [], "pe": []}
    with open(path) as f:
        for r in csv.DictReader(f):
            rows["time"].append(float(r["time_ps"]))
            rows["temp"].append(float(r["temp_K"]))
            rows["press"].append(float(r["press_bar"]))
            rows["vol"].append(float(r["volume_A3"]))
            rows["pe"].append(float(r["pe_eV"]))
    return rows


def read_lammps(path):
    names = {"Time": "time", "Temp": "temp", "Press": "press", "Volume": "vol", "PotEng": "pe"}
    rows = {v: [] for v in names.values()}
    header = None
    with open(path) as f:
        for line in f:
            words = line.split()
            if words[:1] == ["Step"]:
                header = words
                continue
            if header is None:
                continue
            if line.startswith("Loop time") or len(words) != len(header):
                header = None if line.startswith("Loop time") else header
                continue
            try:
                values = [float(w) for w in words]
            except ValueError:
                continue
            for col, key in names.items():
                rows[key].append(values[header.index(col)])
    if not rows["time"]:
        sys.exit("compare.py: no thermo rows with Time Temp PotEng Press Volume in " + path)
    return rows


def mean(a):
    return sum(a) / len(a)


def std_error(a):
    worst = 0.0
    for blocks in (5, 10, 20):
        size = len(a) // blocks
        if size < 2:
            continue
        means = [mean(a[b * size:(b + 1) * size]) for b in range(blocks)]
        m = mean(means)
        var = sum((x - m) ** 2 for x in means) / (blocks - 1)
        worst = max(worst, math.sqrt(var / blocks))
    return worst


def production(rows, skip):
    keep = [i for i, t in enumerate(rows["time"]) if t >= skip]
    return {k: [v[i] for i in keep] for k, v in rows.items()}


def main(argv):
    skip = 5.0
    if argv[:1] == ["--skip-ps"]:
        skip = float(argv[1])
        argv = argv[2:]
    if len(argv) == 0 or len(argv) % 3:
        sys.exit(__doc__)
    flagged = 0
    print("%-6s %-3s %-22s %-22s %-12s %s" % ("run", "q", "dendrite", "LAMMPS", "difference", "z"))
    for k in range(0, len(argv), 3):
        name, dpath, lpath = argv[k:k + 3]
        d = production(read_dendrite(dpath), skip)
        l = production(read_lammps(lpath), skip)
        for key, label, unit in QUANTITIES:
            md, sd = mean(d[key]), std_error(d[key])
            ml, sl = mean(l[key]), std_error(l[key])
            if key == "vol" and max(d[key]) - min(d[key]) == 0 and max(l[key]) - min(l[key]) == 0:
                continue
            comb = math.sqrt(sd * sd + sl * sl)
            z = (md - ml) / comb if comb > 0 else float("inf") if md != ml else 0.0
            mark = "  <-- differs" if abs(z) > 3 else ""
            flagged += abs(z) > 3
            print("%-6s %-3s %10.3f +- %-8.3f %10.3f +- %-8.3f %+10.3f %s %+6.2f%s" % (
                name, label, md, sd, ml, sl, md - ml, unit, z, mark))
        print("%-6s samples after %.1f ps: dendrite %d, LAMMPS %d" % (name, skip, len(d["temp"]), len(l["temp"])))
    return flagged


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
