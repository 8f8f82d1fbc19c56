#!/usr/bin/env python3
"""0 K lattice parameters of tetragonal LLZO with the Du/Teter force field, measured with `dendrite run`.

Two kinds of 0 K structure (docs/validation.md §1 explains why both):
  * ordered: the I4_1/acd cell of conf/structures/llzo-tetragonal-192.extxyz (DFT positions),
    minimised with box relaxation (minimize stage, FIRE, box_relax couple aniso, P = 0). Forces keep
    the space-group symmetry, so this is the symmetric stationary point;
  * kicked: that relaxed cell with every coordinate displaced by U(-0.03, 0.03) Å (seeds 1..K),
    minimised again the same way: the nearest local minima once the symmetry is broken.

    python3 tools/validation/run_relax_0K.py [--replicate 1] [--kicks 10]

Writes tools/validation/results/relax_0K_rep<N>.json and prints a Markdown table. Run directories go
to runs/validation/ (an existing one is reused, so a second call only re-reads).
"""
import argparse
import json
import sys
import time

import numpy as np

import vlib

RUNS = vlib.ROOT / "runs" / "validation"
FTOL = 1.0e-6  # eV/Å, largest per-atom force at the end of a minimisation
KICK_A = 0.03


def box_relax_stage():
    return {"type": "minimize", "algorithm": "fire", "force_tolerance_eV_per_A": FTOL, "max_steps": 50000,
            "box_relax": {"pressure_bar": 0, "couple": "aniso"}}


def relax(structure_path, run_dir, threads=1):
    """Box-relaxes a structure; returns (relaxed Frame, thermo, wall seconds)."""
    cfg = vlib.base_config(structure_path, [box_relax_stage()], threads=threads, thermo_every=1000)
    # The relaxed structure is read from the restart file written at the end of the run.
    rd, wall = vlib.run_dendrite(cfg, run_dir)
    frame = vlib.read_restart(rd / "restart" / "latest.restart")
    thermo = vlib.read_thermo(rd)
    if int(frame.info["step"]) != int(thermo["step"][-1]):
        raise RuntimeError(f"{rd}: the restart file is not the final step")
    vlib.write_extxyz(rd / "relaxed.extxyz", frame, "relaxed by tools/validation/run_relax_0K.py")
    return frame, thermo, wall


def relaxed_frame(run_dir):
    return vlib.read_extxyz(run_dir / "relaxed.extxyz")


def ordered(rep, threads=1):
    """The symmetric relaxed structure for an n×n×n supercell: (Frame, energy eV/atom, wall s, run dir)."""
    rd = RUNS / f"relax-ordered-rep{rep}"
    if (rd / "relaxed.extxyz").exists():
        th = vlib.read_thermo(rd)
        return relaxed_frame(rd), th["pe_eV"][-1] / len(relaxed_frame(rd).species), 0.0, rd
    src = vlib.STRUCTURE
    if rep > 1:
        RUNS.mkdir(parents=True, exist_ok=True)
        src = RUNS / f"llzo-tetragonal-rep{rep}.extxyz"
        vlib.write_extxyz(src, vlib.read_extxyz(vlib.STRUCTURE).replicated([rep] * 3))
    frame, th, wall = relax(src, rd, threads)
    return frame, th["pe_eV"][-1] / len(frame.species), wall, rd


def kicked(rep, seed, threads=1):
    rd = RUNS / f"relax-kick{seed}-rep{rep}"
    if (rd / "relaxed.extxyz").exists():
        th = vlib.read_thermo(rd)
        f = relaxed_frame(rd)
        return f, th["pe_eV"][-1] / len(f.species), 0.0, rd
    base, _, _, _ = ordered(rep, threads)
    g = base.copy()
    g.positions += np.random.default_rng(seed).uniform(-KICK_A, KICK_A, g.positions.shape)
    src = RUNS / f"kick{seed}-rep{rep}.extxyz"
    vlib.write_extxyz(src, g)
    frame, th, wall = relax(src, rd, threads)
    return frame, th["pe_eV"][-1] / len(frame.species), wall, rd


def cell_params(frame, rep):
    """a, b, c of the conventional cell (Å) and the cell angles (degrees)."""
    h = frame.cell / rep
    lengths = np.linalg.norm(h, axis=1)
    ang = [np.degrees(np.arccos(h[i] @ h[j] / (lengths[i] * lengths[j]))) for i, j in ((1, 2), (0, 2), (0, 1))]
    return lengths, ang


def displacement_by_species(ref, frame):
    """Mean and largest displacement (Å) of each species between two relaxed cells of the same atoms,
    compared in fractional coordinates (so the cell change is not counted), net translation removed."""
    d = frame.positions @ np.linalg.inv(frame.cell) - ref.positions @ np.linalg.inv(ref.cell)
    d -= np.round(d)
    d = d @ frame.cell
    d -= d.mean(axis=0)
    r = np.linalg.norm(d, axis=1)
    sp = np.array(ref.species)
    return {e: {"mean_A": float(r[sp == e].mean()), "max_A": float(r[sp == e].max())} for e in dict.fromkeys(ref.species)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--replicate", type=int, default=1, help="n of the n×n×n supercell of the 192-atom cell")
    ap.add_argument("--kicks", type=int, default=10, help="number of kicked relaxations (seeds 1..K)")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    rep = args.replicate
    t0 = time.time()
    f0, e0, w0, _ = ordered(rep, args.threads)
    (a0, b0, c0), ang0 = cell_params(f0, rep)
    rows = [{"structure": "ordered I4_1/acd", "a_A": a0, "b_A": b0, "c_A": c0, "angles_deg": ang0,
             "pe_eV_per_atom": e0, "wall_s": w0}]
    for seed in range(1, args.kicks + 1):
        f, e, w, _ = kicked(rep, seed, args.threads)
        (a, b, c), ang = cell_params(f, rep)
        rows.append({"structure": f"kick seed {seed}", "a_A": a, "b_A": b, "c_A": c, "angles_deg": ang,
                     "pe_eV_per_atom": e, "wall_s": w, "displacement_from_ordered": displacement_by_species(f0, f)})
    kick = rows[1:]
    summary = {}
    if kick:
        # a and b of a kicked cell are not equal; the tetragonal-equivalent a is their mean, and the
        # spread over seeds (sample standard deviation) is the uncertainty of "the" disordered minimum.
        ab = np.array([0.5 * (r["a_A"] + r["b_A"]) for r in kick])
        cc = np.array([r["c_A"] for r in kick])
        de = np.array([(r["pe_eV_per_atom"] - e0) * 1e3 for r in kick])
        sd = (lambda x: float(np.std(x, ddof=1)) if len(x) > 1 else 0.0)
        summary = {"kicks": len(kick), "a_mean_A": float(ab.mean()), "a_std_A": sd(ab),
                   "c_mean_A": float(cc.mean()), "c_std_A": sd(cc),
                   "ab_diff_mean_A": float(np.mean([abs(r["a_A"] - r["b_A"]) for r in kick])),
                   "dE_meV_per_atom_mean": float(de.mean()), "dE_meV_per_atom_min": float(de.min()),
                   "dE_meV_per_atom_max": float(de.max())}
        for e in dict.fromkeys(f0.species):
            summary[f"{e}_displacement_mean_A"] = float(np.mean([r["displacement_from_ordered"][e]["mean_A"] for r in kick]))
            summary[f"{e}_displacement_max_A"] = float(np.max([r["displacement_from_ordered"][e]["max_A"] for r in kick]))
    out = {"script": "tools/validation/run_relax_0K.py", "command": " ".join(sys.argv),
           "atoms": len(f0.species), "replicate": rep, "force_tolerance_eV_per_A": FTOL, "kick_A": KICK_A,
           "runs": rows, "kicked_summary": summary, "total_wall_s": time.time() - t0}
    path = vlib.save_json(f"relax_0K_rep{rep}.json", out)
    print(f"| structure | a (Å) | b (Å) | c (Å) | c/a | E − E_ordered (meV/atom) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['structure']} | {r['a_A']:.4f} | {r['b_A']:.4f} | {r['c_A']:.4f} | "
              f"{r['c_A'] / (0.5 * (r['a_A'] + r['b_A'])):.4f} | {(r['pe_eV_per_atom'] - e0) * 1e3:+.3f} |")
    if summary:
        print(json.dumps(summary, indent=1))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
