#!/usr/bin/env python3
"""LAMMPS reference for the tension analysis: Young's modulus of cubic LLZO along [100] at 300 K.

Runs the protocol of conf/scenarios/youngs-modulus-100.yaml in LAMMPS on the same structure and
force field, and fits E the way org.dendrite.md.analysis.TensileCurve does (least squares of
σ_zz = −pzz against ε_zz = (lz − lz0)/lz0 over 0 ≤ ε ≤ 0.025, intercept free; standard error from
the residual scatter), writing tools/mechanics/results/lammps_tension_100.json. Several seeds give
the spread of E between independent runs (the per-run standard error ignores the correlation of
successive samples). LongTensionLammpsTest compares dendrite's E with these numbers.

Protocol (metal units): minimize (cg, fixed cell, ftol 0.05 eV/Å, ≤ 300 iterations); velocities at
300 K (gaussian, zero momentum); fix npt aniso 0 bar, Tdamp 0.1 ps, Pdamp 0.5 ps, 1500 steps of 1 fs;
then fix deform z erate 0.05/ps (remap x) with fix npt on x and y (0 bar, Pdamp 0.2 ps) for 600 steps,
thermo every 5 steps. Force field as tools/validation/run_lammps_check.py: born/coul/dsf 0.25 11 8
(Du/Teter without its short-range cores, which play no part at 300 K in the crystal; checked).

    python3 tools/mechanics/lammps_tension.py [--seeds 3] [--structure FILE.extxyz]

The structure defaults to the one `dendrite build conf/scenarios/youngs-modulus-100.yaml` writes
(768 atoms); the script builds it when no file is given.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "validation"))
import vlib  # noqa: E402
from run_lammps_check import FORCEFIELD, check_cores, write_data  # noqa: E402

FIT = (0.0, 0.025)


def lammps_input(data, seed):
    return f"""units metal
atom_style charge
boundary p p p
read_data {data}
{FORCEFIELD}
min_style cg
minimize 0.0 0.05 300 3000
reset_timestep 0
velocity all create 300.0 {seed} dist gaussian mom yes rot no
timestep 0.001
fix eq all npt temp 300 300 0.1 aniso 0 0 0.5
run 1500
unfix eq
fix pull all npt temp 300 300 0.1 x 0 0 0.2 y 0 0 0.2
fix strain all deform 1 z erate 0.05 remap x
thermo_style custom step temp pe lx ly lz pxx pyy pzz
thermo_modify format float %.10g
thermo 5
run 600
"""


def fit(eps, sig):
    m = (eps >= FIT[0]) & (eps <= FIT[1])
    x, y = eps[m], sig[m]
    b, a = np.polyfit(x, y, 1)
    r = y - a - b * x
    err = np.sqrt((r @ r) / (len(x) - 2) / ((x - x.mean()) @ (x - x.mean())))
    return float(b), float(err), int(m.sum())


def run(structure, seed, work):
    frame = vlib.read_extxyz(structure)
    check_cores(frame)
    data = work / "llzo.data"
    write_data(data, frame)
    # The reference length is the first thermo row of the pulling run (the cell after equilibration).
    text = lammps_input(data, seed)
    inp = work / f"tension-{seed}.in"
    log = work / f"tension-{seed}.log"
    inp.write_text(text)
    t0 = time.time()
    res = subprocess.run(["lmp", "-in", str(inp), "-log", str(log), "-screen", "none", "-nocite"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.stderr.write(res.stdout + res.stderr)
        raise RuntimeError("lmp failed")
    wall = time.time() - t0
    blocks, cur = [], None
    for ln in log.read_text().splitlines():
        f = ln.split()
        if f[:2] == ["Step", "Temp"]:
            cur = []
            blocks.append(cur)
        elif cur is not None and len(f) == 9 and f[0].isdigit():
            cur.append([float(v) for v in f])
        elif cur is not None and ln.startswith("Loop time"):
            cur = None
    rows = np.array(blocks[-1])
    lz, pzz = rows[:, 5], rows[:, 8]
    eps = (lz - lz[0]) / lz[0]
    sig = -pzz / vlib.BAR_PER_GPA
    e, err, n = fit(eps, sig)
    lat = np.polyfit(eps[(eps <= FIT[1])], ((rows[:, 3] + rows[:, 4]) / (rows[0, 3] + rows[0, 4]) - 1)[(eps <= FIT[1])], 1)[0]
    return {"seed": seed, "E_GPa": e, "E_err_GPa": err, "points": n, "nu_mean": float(-lat), "wall_s": wall,
            "lz0_A": float(lz[0])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--structure")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        structure = args.structure
        if structure is None:
            subprocess.run([str(vlib.DENDRITE), "build", str(vlib.ROOT / "conf/scenarios/youngs-modulus-100.yaml"),
                            "--out", str(work / "build")], check=True)
            structure = str(work / "build" / "youngs-modulus-100.extxyz")
        runs = [run(structure, 4928459 + 17 * k, work) for k in range(args.seeds)]
    es = np.array([r["E_GPa"] for r in runs])
    out = {"what": "E along [100] of cubic LLZO at 300 K, LAMMPS, protocol of conf/scenarios/youngs-modulus-100.yaml",
           "fit_strain": list(FIT), "lammps": subprocess.run(["lmp", "-h"], capture_output=True, text=True)
           .stdout.splitlines()[1].strip(), "runs": runs, "E_mean_GPa": float(es.mean()),
           "E_sd_GPa": float(es.std(ddof=1)) if len(es) > 1 else None}
    (HERE / "results").mkdir(exist_ok=True)
    path = HERE / "results" / "lammps_tension_100.json"
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
