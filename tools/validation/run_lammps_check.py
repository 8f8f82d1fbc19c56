#!/usr/bin/env python3
"""LAMMPS cross-check of the 0 K numbers of run_relax_0K.py and run_elastic_0K.py (needs `lmp`).

Same force field written for LAMMPS as tools/bench/lammps-llzo-nve.in does: born/coul/dsf 0.25 11 8
with sigma = 0, D = 0 (A exp(−r/ρ) − C/r⁶ shifted to 0 at 11 Å + DSF Coulomb α = 0.25 Å⁻¹, 8 Å).
It lacks the Du/Teter short-range cores below r0 (1.2–1.9 Å); the script checks that no X–O pair of
the structures it uses comes closer than r0 + 0.3 Å, so the cores play no part.

  1. lattice: the ordered cell (conf/structures/llzo-tetragonal-192.extxyz) and the kicked start
     runs/validation/kick<S>-rep1.extxyz, each minimised with fix box/relax aniso 0 (min_style cg),
     compared with dendrite's relaxed cells;
  2. elastic constants: dendrite's relaxed reference runs/validation/relax-kick<S>-rep1/relaxed.extxyz,
     strained by ±δ with change_box (x/y/z scale, yz/xz/xy tilt = the deformations of
     elastic.deformation), ions relaxed at fixed cell, stress from pxx…pxy; central differences.

    python3 tools/validation/run_lammps_check.py [--kick 5] [--strain 0.005]

Run run_relax_0K.py first (it makes the kicked start and dendrite's relaxed cells). Writes
tools/validation/results/lammps_check.json and prints the comparison.
"""
import argparse
import json
import re
import subprocess
import sys
import time

import numpy as np

import elastic
import vlib

RUNS = vlib.ROOT / "runs" / "validation" / "lammps"
TYPES = ["Li", "La", "Zr", "O"]
MASS = {"Li": 6.941, "La": 138.90547, "Zr": 91.224, "O": 15.999}
CHARGE = {"Li": 0.6, "La": 1.8, "Zr": 2.4, "O": -1.2}
CORE_R0 = {("La", "O"): 1.301404, ("Zr", "O"): 1.224, ("O", "O"): 1.906}

FORCEFIELD = """pair_style      born/coul/dsf 0.25 11.0 8.0
pair_coeff      * * 0.0 1.0 0.0 0.0 0.0
pair_coeff      1 4 41051.938  0.15116   0.0 0.0     0.0
pair_coeff      2 4 4369.39    0.2786    0.0 60.278  0.0
pair_coeff      3 4 17943.384  0.226627  0.0 127.65  0.0
pair_coeff      4 4 2029.2204  0.34364   0.0 192.58  0.0
pair_modify     shift yes
neighbor        2.0 bin
neigh_modify    every 1 delay 0 check yes
thermo          1000
"""

RESULT = """variable        vpe equal pe
variable        vpxx equal pxx
variable        vpyy equal pyy
variable        vpzz equal pzz
variable        vpyz equal pyz
variable        vpxz equal pxz
variable        vpxy equal pxy
variable        vlx equal lx
variable        vly equal ly
variable        vlz equal lz
variable        vfmax equal fmax
thermo_style    custom step pe pxx pyy pzz pyz pxz pxy lx ly lz fmax
run             0
print           "RESULT ${vpe} ${vpxx} ${vpyy} ${vpzz} ${vpyz} ${vpxz} ${vpxy} ${vlx} ${vly} ${vlz} ${vfmax}"
"""


def write_data(path, frame):
    h = frame.cell
    if np.abs(h[np.triu_indices(3, 1)]).max() > 1e-12 or np.abs(h[np.tril_indices(3, -1)]).max() > 1e-12:
        raise ValueError("write_data: orthorhombic cells only")
    with open(path, "w") as out:
        out.write("LLZO for tools/validation/run_lammps_check.py\n\n%d atoms\n4 atom types\n\n" % len(frame.species))
        out.write("0.0 %.15g xlo xhi\n0.0 %.15g ylo yhi\n0.0 %.15g zlo zhi\n\nMasses\n\n" % tuple(np.diag(h)))
        for t, sp in enumerate(TYPES):
            out.write("%d %.8f # %s\n" % (t + 1, MASS[sp], sp))
        out.write("\nAtoms # charge\n\n")
        for i, (sp, p) in enumerate(zip(frame.species, frame.positions)):
            out.write("%d %d %.4f %.15g %.15g %.15g\n" % (i + 1, TYPES.index(sp) + 1, CHARGE[sp], *p))


def check_cores(frame):
    """Shortest La–O, Zr–O, O–O distance (minimum image; the cells are > 2 × 3 Å); error if within r0 + 0.3 Å."""
    pos, h = frame.positions, frame.cell
    inv = np.linalg.inv(h)
    sp = np.array(frame.species)
    out = {}
    for (a, b), r0 in CORE_R0.items():
        ia, ib = np.where(sp == a)[0], np.where(sp == b)[0]
        d = pos[ia][:, None, :] - pos[ib][None, :, :]
        s = d @ inv
        d = (s - np.round(s)) @ h
        r = np.linalg.norm(d, axis=2)
        if a == b:
            r[r < 1e-9] = np.inf
        out[f"{a}-{b}"] = float(r.min())
        if r.min() < r0 + 0.3:
            raise RuntimeError(f"{a}-{b} pair at {r.min():.3f} Å, near the core radius {r0} Å absent in LAMMPS")
    return out


def run_lmp(name, body):
    RUNS.mkdir(parents=True, exist_ok=True)
    inp = RUNS / f"{name}.in"
    log = RUNS / f"{name}.log"
    inp.write_text("units metal\natom_style charge\nboundary p p p\n" + body)
    t0 = time.time()
    res = subprocess.run(["lmp", "-in", str(inp), "-log", str(log), "-screen", "none", "-nocite"],
                         capture_output=True, text=True)
    wall = time.time() - t0
    if res.returncode != 0:
        sys.stderr.write(res.stdout + res.stderr + log.read_text()[-3000:])
        raise RuntimeError(f"lmp failed on {inp}")
    m = [ln for ln in log.read_text().splitlines() if ln.startswith("RESULT ")]
    vals = [float(v) for v in m[-1].split()[1:]]
    keys = ["pe", "pxx", "pyy", "pzz", "pyz", "pxz", "pxy", "lx", "ly", "lz", "fmax"]
    return dict(zip(keys, vals)), wall


def lammps_relax(name, frame):
    data = RUNS / f"{name}.data"
    RUNS.mkdir(parents=True, exist_ok=True)
    write_data(data, frame)
    # box/relax needs a few restarts: its objective uses the reference cell of the last reset.
    body = f"read_data {data}\n" + FORCEFIELD + """min_style cg
min_modify norm max
fix relax all box/relax aniso 0.0 vmax 0.001 nreset 50
minimize 0.0 1.0e-7 100000 1000000
minimize 0.0 1.0e-7 100000 1000000
minimize 0.0 1.0e-7 100000 1000000
unfix relax
minimize 0.0 1.0e-7 100000 1000000
""" + RESULT
    return run_lmp(name, body)


def lammps_single_point(name, frame):
    data = RUNS / f"{name}.data"
    RUNS.mkdir(parents=True, exist_ok=True)
    write_data(data, frame)
    return run_lmp(name, f"read_data {data}\n" + FORCEFIELD + RESULT)


def lammps_strained(name, ref, j, delta):
    data = RUNS / f"{name.rsplit('-', 1)[0]}-ref.data"
    if not data.exists():
        write_data(data, ref)
    lx, ly, lz = np.diag(ref.cell)
    # Deformations of elastic.deformation: F = I + δ e_a⊗e_b. Normal: scale the axis about the
    # origin (remap x moves atoms affinely); shears: tilt = δ × the length of the sheared edge.
    change = {0: f"x final 0.0 {lx * (1 + delta):.15g}", 1: f"y final 0.0 {ly * (1 + delta):.15g}",
              2: f"z final 0.0 {lz * (1 + delta):.15g}", 3: f"yz final {delta * lz:.15g}",
              4: f"xz final {delta * lz:.15g}", 5: f"xy final {delta * ly:.15g}"}[j]
    body = f"read_data {data}\nchange_box all triclinic\n" + FORCEFIELD + f"""change_box all {change} remap units box
min_style cg
min_modify norm max
minimize 0.0 1.0e-7 100000 1000000
""" + RESULT
    return run_lmp(name, body)


def stress_voigt_gpa(r):
    return -np.array([r["pxx"], r["pyy"], r["pzz"], r["pyz"], r["pxz"], r["pxy"]]) / vlib.BAR_PER_GPA


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kick", type=int, default=5, help="seed of the kicked minimum (run_relax_0K.py)")
    ap.add_argument("--strain", type=float, default=0.005)
    args = ap.parse_args()
    t0 = time.time()
    dendrite_runs = vlib.ROOT / "runs" / "validation"
    out = {"script": "tools/validation/run_lammps_check.py", "command": " ".join(sys.argv),
           "lammps": subprocess.run(["lmp", "-h"], capture_output=True, text=True).stdout.splitlines()[1].strip()}

    rows = []
    for label, start, dendrite_dir in (
            ("ordered", vlib.STRUCTURE, dendrite_runs / "relax-ordered-rep1"),
            (f"kick{args.kick}", dendrite_runs / f"kick{args.kick}-rep1.extxyz",
             dendrite_runs / f"relax-kick{args.kick}-rep1")):
        f_start = vlib.read_extxyz(start)
        f_dend = vlib.read_extxyz(dendrite_dir / "relaxed.extxyz")
        e_dend = vlib.read_thermo(dendrite_dir)["pe_eV"][-1]
        r, wall = lammps_relax(f"relax-{label}", f_start)
        rows.append({"structure": label, "lammps_cell_A": [r["lx"], r["ly"], r["lz"]],
                     "dendrite_cell_A": np.diag(f_dend.cell).tolist(),
                     "lammps_pe_eV": r["pe"], "dendrite_pe_eV": e_dend, "lammps_fmax_eV_per_A": r["fmax"],
                     "shortest_core_pairs_A": check_cores(f_dend), "lammps_wall_s": wall})
    out["relax"] = rows

    # The ordered cell is a saddle (docs/validation.md): a minimiser leaves it on round-off. LAMMPS is
    # therefore asked only whether dendrite's relaxed ordered cell is stationary for it too.
    f_ord = vlib.read_extxyz(dendrite_runs / "relax-ordered-rep1" / "relaxed.extxyz")
    sp, wall = lammps_single_point("single-point-ordered", f_ord)
    out["ordered_single_point"] = {"lammps_stress_GPa": stress_voigt_gpa(sp).tolist(),
                                   "lammps_fmax_eV_per_A": sp["fmax"], "lammps_pe_eV": sp["pe"],
                                   "dendrite_pe_eV": vlib.read_thermo(dendrite_runs / "relax-ordered-rep1")["pe_eV"][-1]}

    ref = vlib.read_extxyz(dendrite_runs / f"relax-kick{args.kick}-rep1" / "relaxed.extxyz")
    check_cores(ref)
    c = np.zeros((6, 6))
    walls = []
    for j in range(6):
        rp, wp = lammps_strained(f"kick{args.kick}-{elastic.LABELS[j]}+", ref, j, +args.strain)
        rm, wm = lammps_strained(f"kick{args.kick}-{elastic.LABELS[j]}-", ref, j, -args.strain)
        walls += [wp, wm]
        c[:, j] = (stress_voigt_gpa(rp) - stress_voigt_gpa(rm)) / (2 * args.strain)
    dend = json.load(open(vlib.RESULTS / f"elastic_0K_kick{args.kick}_rep1.json"))
    cd = np.array(dend["per_strain"][str(args.strain)]["C_GPa"])
    out["elastic"] = {"strain": args.strain, "lammps_C_GPa": c.tolist(), "dendrite_C_GPa": cd.tolist(),
                      "max_abs_diff_GPa": float(np.abs(c - cd).max()), "lammps_wall_s": float(np.sum(walls))}
    out["total_wall_s"] = time.time() - t0
    path = vlib.save_json("lammps_check.json", out)

    print(out["lammps"])
    print("| structure | LAMMPS a, b, c (Å) | dendrite a, b, c (Å) | LAMMPS E (eV) | dendrite E (eV) |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['structure']} | {', '.join(f'{v:.5f}' for v in r['lammps_cell_A'])} | "
              f"{', '.join(f'{v:.5f}' for v in r['dendrite_cell_A'])} | {r['lammps_pe_eV']:.6f} | {r['dendrite_pe_eV']:.6f} |")
    o = out["ordered_single_point"]
    print(f"\nLAMMPS at dendrite's relaxed ordered cell: stress {np.round(o['lammps_stress_GPa'], 5).tolist()} GPa, "
          f"max force {o['lammps_fmax_eV_per_A']:.2e} eV/Å, E {o['lammps_pe_eV']:.6f} eV (dendrite {o['dendrite_pe_eV']:.6f})")
    names = {"C11": (0, 0), "C22": (1, 1), "C33": (2, 2), "C12": (0, 1), "C13": (0, 2), "C23": (1, 2),
             "C44": (3, 3), "C55": (4, 4), "C66": (5, 5)}
    print(f"\n| constant (δ = {args.strain:g}) | LAMMPS (GPa) | dendrite (GPa) |")
    print("|---|---|---|")
    for k, (i, j) in names.items():
        print(f"| {k} | {0.5 * (c[i, j] + c[j, i]):.3f} | {0.5 * (cd[i, j] + cd[j, i]):.3f} |")
    print(f"max |C_LAMMPS − C_dendrite| over all 36 entries: {out['elastic']['max_abs_diff_GPa']:.4f} GPa")
    print(f"wrote {path} ({out['total_wall_s']:.0f} s)")


if __name__ == "__main__":
    main()
