#!/usr/bin/env python3
"""0 K relaxed-ion elastic constants of tetragonal LLZO (Du/Teter) from stress–strain, with `dendrite run`.

Reference: a box-relaxed cell from run_relax_0K.py (`--start ordered` = the I4_1/acd stationary
point, `--start kickS` = the minimum reached from it after a random kick with seed S) or from
run_npt_300K.py --quench (`--start quench300`: the last 300 K NPT frame box-relaxed, 1536 atoms). For each Voigt
component j and each magnitude δ, the cell and the atoms are deformed by F(±δ) (elastic.deformation),
the ions are relaxed at fixed cell (minimize stage without box_relax, FIRE, max force < 1e-6 eV/Å),
and the stress σ = −P (virial only, T = 0) is read from the last thermo row. Central differences
C_ij(δ) = [σ_i(+δ) − σ_i(−δ)] / 2δ. The strain energy E(±δ) − E_0 is checked to be positive: a
negative value means the relaxation left the reference basin (a different Li arrangement), and the
script says so.

    python3 tools/validation/run_elastic_0K.py [--start ordered] [--replicate 1] [--strains 0.0025,0.005,0.01]

Writes tools/validation/results/elastic_0K_<start>_rep<N>.json and prints Markdown tables.
"""
import argparse
import sys
import time

import numpy as np

import elastic
import run_relax_0K
import vlib

RUNS = vlib.ROOT / "runs" / "validation"
FTOL = 1.0e-6
# The 0 K quench of the last frame of the default 300 K NPT run (run_npt_300K.py --quench).
QUENCH = RUNS / "npt-300K-rep2-60ps-seed20261121-quench"


def strained_run(ref, tag, j, delta, threads):
    name = f"{tag}-{elastic.LABELS[j]}{delta:+.4f}"
    rd = RUNS / "strain" / name
    src = RUNS / "strain" / f"{name}.extxyz"
    if not (rd / "run.json").exists():
        src.parent.mkdir(parents=True, exist_ok=True)
        vlib.write_extxyz(src, ref.deformed(elastic.deformation(j, delta)))
    stage = {"type": "minimize", "algorithm": "fire", "force_tolerance_eV_per_A": FTOL, "max_steps": 50000}
    rd, wall = vlib.run_dendrite(vlib.base_config(src, [stage], threads=threads, thermo_every=100000), rd)
    th = vlib.read_thermo(rd)
    return vlib.stress_gpa(th), th["pe_eV"][-1], th["pe_eV"][0], wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--start", default="ordered", help="ordered | kickS (S = seed of run_relax_0K.py)")
    ap.add_argument("--replicate", type=int, default=1)
    ap.add_argument("--strains", default="0.0025,0.005,0.01", help="strain magnitudes δ (comma-separated)")
    ap.add_argument("--main-strain", type=float, default=0.005, help="δ of the reported constants")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    deltas = [float(x) for x in args.strains.split(",")]
    if args.main_strain not in deltas:
        sys.exit("--main-strain must be one of --strains")
    rep = args.replicate
    t0 = time.time()
    if args.start == "ordered":
        ref, e_ref, _, _ = run_relax_0K.ordered(rep, args.threads)
    elif args.start.startswith("kick"):
        ref, e_ref, _, _ = run_relax_0K.kicked(rep, int(args.start[4:]), args.threads)
    elif args.start == "quench300":
        if not (QUENCH / "relaxed.extxyz").exists():
            sys.exit(f"{QUENCH} missing: run run_npt_300K.py --quench first")
        ref = vlib.read_extxyz(QUENCH / "relaxed.extxyz")
        e_ref = vlib.read_thermo(QUENCH)["pe_eV"][-1] / len(ref.species)
        rep = round(ref.cell[0, 0] / 13.0)
    else:
        sys.exit("--start must be ordered, kickS or quench300")
    natoms = len(ref.species)
    e0 = e_ref * natoms
    ref_run = {"ordered": RUNS / f"relax-ordered-rep{rep}", "quench300": QUENCH}.get(
        args.start, RUNS / f"relax-{args.start}-rep{rep}")
    sigma0 = vlib.stress_gpa(vlib.read_thermo(ref_run))
    tag = f"{args.start}-rep{rep}"

    c_by_delta, points, warnings, walls = {}, [], [], []
    for delta in deltas:
        c = np.zeros((6, 6))
        for j in range(6):
            sp, ep, ea_p, wp = strained_run(ref, tag, j, +delta, args.threads)
            sm, em, ea_m, wm = strained_run(ref, tag, j, -delta, args.threads)
            walls += [wp, wm]
            c[:, j] = (elastic.voigt_stress(sp) - elastic.voigt_stress(sm)) / (2 * delta)
            for sgn, s, e, ea in ((+1, sp, ep, ea_p), (-1, sm, em, ea_m)):
                points.append({"component": elastic.LABELS[j], "strain": sgn * delta,
                               "stress_GPa": elastic.voigt_stress(s).tolist(),
                               "strain_energy_meV_per_atom": (e - e0) / natoms * 1e3,
                               "ionic_relaxation_meV_per_atom": (e - ea) / natoms * 1e3})
                if e - e0 < 0:
                    warnings.append(f"{elastic.LABELS[j]} {sgn * delta:+g}: E − E0 = {(e - e0) / natoms * 1e3:.4f} "
                                    f"meV/atom < 0, the relaxation left the reference basin")
        c_by_delta[delta] = c

    c_main = c_by_delta[args.main_strain]
    c_sym = 0.5 * (c_main + c_main.T)
    asym = np.abs(c_main - c_main.T).max()
    # Uncertainty of each C_ij: the largest change between the reported δ and the other magnitudes
    # (non-linearity plus minimiser noise), and half the asymmetry |C_ij − C_ji|.
    spread = np.max([np.abs(c_by_delta[d] - c_main) for d in deltas], axis=0)
    spread = np.maximum(spread, 0.5 * np.abs(c_main - c_main.T))
    c_tet = elastic.tetragonal_average(c_sym)
    eig = np.linalg.eigvalsh(c_sym)
    dirs = elastic.directional_moduli(c_sym, ref.cell)
    dirs_tet = elastic.directional_moduli(c_tet, ref.cell)
    hill = elastic.vrh(c_sym)
    # The same quantities for each δ show how much they depend on the strain magnitude.
    per_delta = {}
    for d, c in c_by_delta.items():
        cs = 0.5 * (c + c.T)
        per_delta[str(d)] = {"C_GPa": c.tolist(), "directional": elastic.directional_moduli(cs, ref.cell),
                             "vrh": elastic.vrh(cs)}

    named = {"C11": (0, 0), "C22": (1, 1), "C33": (2, 2), "C12": (0, 1), "C13": (0, 2), "C23": (1, 2),
             "C44": (3, 3), "C55": (4, 4), "C66": (5, 5)}
    out = {"script": "tools/validation/run_elastic_0K.py", "command": " ".join(sys.argv), "start": args.start,
           "atoms": natoms, "replicate": rep, "force_tolerance_eV_per_A": FTOL, "strains": deltas,
           "main_strain": args.main_strain, "cell_A": ref.cell.tolist(), "reference_stress_GPa": sigma0.tolist(),
           "C_GPa": c_main.tolist(), "C_sym_GPa": c_sym.tolist(), "C_uncertainty_GPa": spread.tolist(),
           "max_asymmetry_GPa": float(asym), "eigenvalues_GPa": eig.tolist(),
           "constants_GPa": {k: float(c_sym[i, j]) for k, (i, j) in named.items()},
           "constants_uncertainty_GPa": {k: float(spread[i, j]) for k, (i, j) in named.items()},
           "tetragonal_C_GPa": c_tet.tolist(), "directional_GPa": dirs, "directional_tetragonal_avg_GPa": dirs_tet,
           "vrh_GPa": hill, "per_strain": per_delta, "points": points, "warnings": warnings,
           "runs": len(walls), "run_wall_s_total": float(np.sum(walls)), "total_wall_s": time.time() - t0}
    path = vlib.save_json(f"elastic_0K_{args.start}_rep{rep}.json", out)

    print(f"reference {args.start}, {natoms} atoms, cell diag {np.diag(ref.cell).round(4).tolist()} Å, "
          f"residual stress {elastic.voigt_stress(sigma0).round(4).tolist()} GPa")
    print("\nC (GPa), δ = %g (rows σ_i, columns e_j):" % args.main_strain)
    for i in range(6):
        print("  " + " ".join(f"{c_main[i, j]:8.2f}" for j in range(6)))
    print(f"max |Cij − Cji| = {asym:.3f} GPa; eigenvalues {np.round(eig, 2).tolist()}")
    print("\n| constant | " + " | ".join(f"δ = {d:g}" for d in deltas) + " |")
    print("|---|" + "---|" * len(deltas))
    for k, (i, j) in named.items():
        print(f"| {k} | " + " | ".join(f"{0.5 * (c_by_delta[d][i, j] + c_by_delta[d][j, i]):.2f}" for d in deltas) + " |")
    print("\n| modulus | " + " | ".join(f"δ = {d:g}" for d in deltas) + " |")
    print("|---|" + "---|" * len(deltas))
    for k in dirs:
        if not k.endswith("spread"):
            print(f"| {k} | " + " | ".join(f"{per_delta[str(d)]['directional'][k]:.2f}" for d in deltas) + " |")
    for k in ("B_V", "B_R", "B_H", "G_V", "G_R", "G_H", "E_H", "nu_H"):
        print(f"| {k} | " + " | ".join(f"{per_delta[str(d)]['vrh'][k]:.3f}" for d in deltas) + " |")
    for w in warnings:
        print("WARNING:", w)
    print(f"{len(walls)} runs, {np.sum(walls):.0f} s of dendrite wall time; wrote {path}")


if __name__ == "__main__":
    main()
