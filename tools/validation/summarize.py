#!/usr/bin/env python3
"""Prints the tables of docs/validation.md from tools/validation/results/*.json (no simulation).

    python3 tools/validation/summarize.py [--kicks 1,2,3,4,5,6,7,9,10] [--write-doc docs/validation.md]

Reference values are literature numbers, each with its source (shared/notes/forcefields.md tags and
seed 000 = You et al., ACS Appl. Mater. Interfaces 17, 32163 (2025), Table 1); they are compared with,
never used in, the measurement.
"""
import argparse
import json

import numpy as np

import elastic
import vlib

# Awaka et al., J. Solid State Chem. 182, 2046 (2009), tetragonal LLZO, room temperature; UNCONFIRMED
# in shared/notes/forcefields.md §4.2 (the paper's table could not be read).
EXP_A, EXP_C = 13.134, 12.663
# Cubic LLZO, a ≈ 12.97–12.98 Å (forcefields.md §4.1, UNCONFIRMED).
EXP_CUBIC_A = "12.97–12.98"
# DFT-relaxed cell of bjmorgan/hofmann examples/Li7La3Zr2O12.cif (forcefields.md §4.2, [S25]).
DFT_A, DFT_C = 13.23607, 12.701706
# Seed 000 Table 1: Young's moduli along <100>, <110>, <111> of crystalline LLZO (GPa).
SEED_TABLE1 = [("DFT, pure LLZO (Yu & Siegel 2018, seed ref. 13)", 132.91, 159.86, 171.45),
               ("DFT, Al-doped LLZO (Yu et al. 2016, seed ref. 35)", 136.76, 158.36, 167.15),
               ("DFT, Ta-doped LLZO (Yu et al. 2016, seed ref. 35)", 128.11, 151.38, 161.14),
               ("DPMD (seed 000)", 133.15, 162.48, 171.06)]


def load(name):
    path = vlib.RESULTS / name
    return json.load(open(path)) if path.exists() else None


def pm(values, digits=1):
    v = np.asarray(values, dtype=float)
    if len(v) < 2:
        return f"{v.mean():.{digits}f}"
    return f"{v.mean():.{digits}f} ± {v.std(ddof=1):.{digits}f}"


def lattice_table(npt):
    r1 = load("relax_0K_rep1.json")
    lmp = load("lammps_check.json")
    print("### Table 1. Lattice parameters (Å)\n")
    print("| structure / method | a | b | c | c/a | Δa vs exp. | Δc vs exp. |")
    print("|---|---|---|---|---|---|---|")

    def row(label, a, b, c, note=""):
        am = 0.5 * (a + b) if b is not None else a
        bs = f"{b:.4f}" if b is not None else "= a"
        print(f"| {label} | {a:.4f} | {bs} | {c:.4f} | {c / am:.4f} | {100 * (am / EXP_A - 1):+.2f} % | "
              f"{100 * (c / EXP_C - 1):+.2f} %{note} |")

    o = r1["runs"][0]
    row("0 K, dendrite, ordered I4₁/acd stationary point (a saddle, §1.1), 192 atoms", o["a_A"], o["b_A"], o["c_A"])
    kicks = r1["runs"][1:]
    best = min(kicks, key=lambda r: r["pe_eV_per_atom"])
    row(f"0 K, dendrite, lowest of the kicked minima ({best['structure']}, "
        f"{1e3 * (best['pe_eV_per_atom'] - o['pe_eV_per_atom']):+.2f} meV/atom), 192 atoms",
        best["a_A"], best["b_A"], best["c_A"])
    s = r1["kicked_summary"]
    print(f"| 0 K, dendrite, {s['kicks']} kicked minima, mean ± SD (a = (a+b)/2) | "
          f"{s['a_mean_A']:.4f} ± {s['a_std_A']:.4f} | — | {s['c_mean_A']:.4f} ± {s['c_std_A']:.4f} | "
          f"{s['c_mean_A'] / s['a_mean_A']:.4f} | {100 * (s['a_mean_A'] / EXP_A - 1):+.2f} % | "
          f"{100 * (s['c_mean_A'] / EXP_C - 1):+.2f} % |")
    if lmp:
        for r in lmp["relax"]:
            a, b, c = r["lammps_cell_A"]
            row(f"0 K, LAMMPS box/relax from the {r['structure']} start", a, b, c)
    if npt:
        st = npt["stats"]
        a, b, c = st["a_A"], st["b_A"], st["c_A"]
        print(f"| {npt['temperature_K']:g} K, dendrite NPT (aniso), {npt['atoms']} atoms, {npt['prod_ps']:g} ps "
              f"after {npt['equil_ps']:g} ps, mean ± SEM | {a['mean']:.4f} ± {a['sem_blocks']:.4f} | "
              f"{b['mean']:.4f} ± {b['sem_blocks']:.4f} | {c['mean']:.4f} ± {c['sem_blocks']:.4f} | "
              f"{c['mean'] / st['ab_mean_A']['mean']:.4f} | {100 * (st['ab_mean_A']['mean'] / EXP_A - 1):+.2f} % | "
              f"{100 * (c['mean'] / EXP_C - 1):+.2f} % |")
        if "quench" in npt:
            q = npt["quench"]
            row(f"0 K, dendrite, last NPT frame box-relaxed ({npt['atoms']} atoms, "
                f"{1e3 * (q['pe_eV_per_atom'] - o['pe_eV_per_atom']):+.2f} meV/atom)", q["a_A"], q["b_A"], q["c_A"])
    print(f"| experiment, Awaka et al. 2009 (RT; UNCONFIRMED, forcefields.md §4.2) | {EXP_A:.3f} | = a | {EXP_C:.3f} | "
          f"{EXP_C / EXP_A:.4f} | — | — |")
    print(f"| experiment, cubic LLZO (Awaka 2011, Xie 2011, Logéat 2012; UNCONFIRMED, forcefields.md §4.1) | "
          f"{EXP_CUBIC_A} | = a | = a | 1 | — | — |")
    row("DFT cell of forcefields.md §4.2 (bjmorgan/hofmann CIF)", DFT_A, None, DFT_C)
    print()


def elastic_tables(kicks):
    runs = {k: load(f"elastic_0K_kick{k}_rep1.json") for k in kicks}
    runs = {k: v for k, v in runs.items() if v}
    rep2 = [load(n) for n in sorted(p.name for p in vlib.RESULTS.glob("elastic_0K_kick*_rep2.json"))]
    rep2 += [d for d in [load("elastic_0K_quench300_rep2.json")] if d]

    def label(d):
        return ("300 K NPT frame quenched" if d["start"] == "quench300" else f"kick {d['start'][4:]}") + \
            f", {d['atoms']} atoms"

    lmp = load("lammps_check.json")
    r1 = load("relax_0K_rep1.json")
    energy = {int(r["structure"].split()[-1]): r["pe_eV_per_atom"] for r in r1["runs"][1:]}
    best = min(runs, key=lambda k: energy[k])

    def tet_of(c):
        return {"C11": c[0, 0], "C12": c[0, 1], "C13": c[0, 2], "C33": c[2, 2], "C44": c[3, 3], "C66": c[5, 5]}

    def tet(d):
        return tet_of(np.array(d["tetragonal_C_GPa"]))

    def tet_uncertainty(d):
        """Largest change of a tetragonal constant between the strain magnitudes, or half the largest
        asymmetry |C_ij − C_ji| of the entries it averages, whichever is larger."""
        main = tet(d)
        dev = {n: 0.0 for n in main}
        for ps in d["per_strain"].values():
            c = np.array(ps["C_GPa"])
            t = tet_of(elastic.tetragonal_average(0.5 * (c + c.T)))
            for n in main:
                dev[n] = max(dev[n], abs(t[n] - main[n]))
        a = np.abs(np.array(d["C_GPa"]) - np.array(d["C_GPa"]).T)
        half = {"C11": a[0, 1], "C12": a[0, 1], "C13": max(a[0, 2], a[1, 2]), "C33": max(a[0, 2], a[1, 2]),
                "C44": 0.0, "C66": 0.0}
        return {n: max(dev[n], 0.5 * half[n]) for n in main}

    names = ["C11", "C12", "C13", "C33", "C44", "C66"]
    print("### Table 2. Elastic constants at 0 K (GPa), relaxed ions, δ = ±0.5 %\n")
    head = [f"lowest kicked minimum (kick {best}), 192 atoms", f"mean ± SD over {len(runs)} minima (kicks "
            + ", ".join(map(str, runs)) + "), 192 atoms"]
    head += [label(d) for d in rep2]
    if lmp:
        head.append(f"LAMMPS, kick {best} reference")
    head.append("earlier NumPy screening (forcefields.md §1.7, ordered cell)")
    print("| constant | " + " | ".join(head) + " |")
    print("|---|" + "---|" * len(head))
    screening = {"C11": 130.7, "C12": 61.6, "C13": 52.2, "C33": 97.6, "C44": 52.4, "C66": 54.3}
    lc = np.array(lmp["elastic"]["lammps_C_GPa"]) if lmp else None
    for n in names:
        cells = [f"{tet(runs[best])[n]:.1f} ± {tet_uncertainty(runs[best])[n]:.1f}",
                 pm([tet(d)[n] for d in runs.values()])]
        cells += [f"{tet(d)[n]:.1f}" for d in rep2]
        if lmp:
            lt = elastic.tetragonal_average(0.5 * (lc + lc.T))
            cells.append(f"{ {'C11': lt[0, 0], 'C12': lt[0, 1], 'C13': lt[0, 2], 'C33': lt[2, 2], 'C44': lt[3, 3], 'C66': lt[5, 5]}[n]:.2f}")
        cells.append(f"{screening[n]:.1f}")
        print(f"| {n} | " + " | ".join(cells) + " |")
    print("\nSymmetry and stability (per minimum): max |Cij − Cji|, smallest eigenvalue of C, strain energies:\n")
    print("| reference | atoms | cell a, b, c (Å) | max abs(Cij − Cji) (GPa) | smallest eigenvalue (GPa) | E − E_ordered (meV/atom) | left the basin? |")
    print("|---|---|---|---|---|---|---|")
    npt = load("npt_300K_rep2.json")
    for d in list(runs.values()) + rep2:
        e = "—"
        if d["start"] == "quench300" and npt and "quench" in npt:
            e = f"{1e3 * (npt['quench']['pe_eV_per_atom'] - r1['runs'][0]['pe_eV_per_atom']):+.2f}"
        elif d["replicate"] == 1:
            e = f"{1e3 * (energy[int(d['start'][4:])] - r1['runs'][0]['pe_eV_per_atom']):+.2f}"
        print(f"| {d['start']} | {d['atoms']} | {', '.join(f'{v:.4f}' for v in np.diag(d['cell_A']) / d['replicate'])} | "
              f"{d['max_asymmetry_GPa']:.2f} | {min(d['eigenvalues_GPa']):.1f} | {e} | "
              f"{'yes: ' + str(len(d['warnings'])) + ' runs' if d['warnings'] else 'no'} |")
    od = load("elastic_0K_ordered_rep1.json")
    if od:
        print(f"| ordered (saddle) | {od['atoms']} | — | — | — | 0 | yes: {len(od['warnings'])} of {len(od['points'])} runs |")

    print("\n### Table 3. Directional Young's moduli (GPa)\n")
    print("| source | E[100] | E[110] | E[111] | E<100> | E<110> | E<111> | E[001] |")
    print("|---|---|---|---|---|---|---|---|")
    keys = ["E[100]", "E[110]", "E[111]", "E<100>", "E<110>", "E<111>", "E[001]"]
    b = runs[best]["directional_GPa"]
    print(f"| dendrite, lowest kicked minimum (kick {best}) | " + " | ".join(f"{b[k]:.1f}" for k in keys) + " |")
    print(f"| dendrite, mean ± SD over {len(runs)} minima | "
          + " | ".join(pm([d["directional_GPa"][k] for d in runs.values()]) for k in keys) + " |")
    for d in rep2:
        print(f"| dendrite, {label(d)} | " + " | ".join(f"{d['directional_GPa'][k]:.1f}" for k in keys) + " |")
    for source, e100, e110, e111 in SEED_TABLE1:
        print(f"| seed 000 Table 1: {source} | — | — | — | {e100:.2f} | {e110:.2f} | {e111:.2f} | — |")
    mean = {k: np.mean([d["directional_GPa"][k] for d in runs.values()]) for k in keys}
    ref = SEED_TABLE1[0]
    print(f"| ratio dendrite mean / DFT pure LLZO | — | — | — | {mean['E<100>'] / ref[1]:.2f} | "
          f"{mean['E<110>'] / ref[2]:.2f} | {mean['E<111>'] / ref[3]:.2f} | — |")

    print("\n### Table 4. Polycrystal (Voigt–Reuss–Hill) moduli (GPa)\n")
    print("| source | B_V | B_R | B_H | G_V | G_R | G_H | E_H | ν_H |")
    print("|---|---|---|---|---|---|---|---|---|")
    vk = ["B_V", "B_R", "B_H", "G_V", "G_R", "G_H", "E_H", "nu_H"]
    v = runs[best]["vrh_GPa"]
    print(f"| dendrite, lowest kicked minimum (kick {best}) | " + " | ".join(f"{v[k]:.3f}" if k == "nu_H" else f"{v[k]:.1f}" for k in vk) + " |")
    print(f"| dendrite, mean ± SD over {len(runs)} minima | "
          + " | ".join(pm([d["vrh_GPa"][k] for d in runs.values()], 3 if k == "nu_H" else 1) for k in vk) + " |")
    for d in rep2:
        print(f"| dendrite, {label(d)} | "
              + " | ".join(f"{d['vrh_GPa'][k]:.3f}" if k == "nu_H" else f"{d['vrh_GPa'][k]:.1f}" for k in vk) + " |")
    print("| experiment: hot-pressed cubic Al-LLZO, RUS (forcefields.md §5 [S27]) | — | — | — | — | — | — | 149.8 ± 0.4 | — |")
    print("| LLZO B, G, E as quoted by Materzanini et al. ([S29]) | — | — | ~100 | — | — | ~60 | ~150 | — |")
    print()


def write_doc(path, text):
    """Replaces each table of `path` that sits between <!-- summarize:tableN --> and
    <!-- /summarize:tableN --> with table N of `text`."""
    import re
    tables = {}
    for block in re.split(r"(?m)^### ", text):
        m = re.match(r"Table (\d+)\.", block)
        if m:
            tables[m.group(1)] = "#### " + block.strip()
    doc = open(path).read()
    for k, t in tables.items():
        pat = re.compile(rf"(<!-- summarize:table{k} -->\n).*?(\n<!-- /summarize:table{k} -->)", re.S)
        if not pat.search(doc):
            raise SystemExit(f"{path}: no markers for table {k}")
        doc = pat.sub(lambda m: m.group(1) + t + m.group(2), doc)
    open(path, "w").write(doc)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kicks", default="1,2,3,4,5,6,7,9,10",
                    help="kicked minima to average (kick 8 is the same minimum as kick 5)")
    ap.add_argument("--write-doc", metavar="MD", help="also replace the marked tables in this Markdown file")
    args = ap.parse_args()
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        lattice_table(load("npt_300K_rep2.json"))
        elastic_tables([int(k) for k in args.kicks.split(",")])
    print(buf.getvalue(), end="")
    if args.write_doc:
        write_doc(args.write_doc, buf.getvalue())

if __name__ == "__main__":
    main()
