#!/usr/bin/env python3
"""Lattice parameters of tetragonal LLZO at 300 K and 0 bar (Du/Teter), NPT with `dendrite run`.

System: the 192-atom ordered cell (conf/structures/llzo-tetragonal-192.extxyz) replicated n×n×n
(default 2: 1536 atoms). Protocol: velocities at 300 K (seeded), then one NPT stage (Nosé–Hoover
chains + MTK barostat, couple aniso: x, y, z independent, P = 0 bar, T = 300 K, Tdamp 0.1 ps,
Pdamp 1 ps, Δt = 1 fs). The first --equil-ps are discarded; over the rest, a = lx/n, b = ly/n,
c = lz/n are averaged and their standard errors estimated by block averaging (Flyvbjerg & Petersen,
J. Chem. Phys. 91, 461 (1989)): the error of the mean of M blocks, for blocks of growing length; the
reported error is the one at --blocks blocks, the table shows that it has reached a plateau.

    python3 tools/validation/run_npt_300K.py [--replicate 2] [--equil-ps 20] [--prod-ps 40] [--blocks 5] [--quench]

Writes tools/validation/results/npt_300K_rep<N>.json and prints a Markdown table.
"""
import argparse
import sys
import time

import numpy as np

import run_relax_0K
import vlib

RUNS = vlib.ROOT / "runs" / "validation"


def block_error(x, nblocks):
    """Standard error of the mean of x from nblocks contiguous blocks (sample std / sqrt(M))."""
    m = len(x) // nblocks
    means = np.array([x[k * m:(k + 1) * m].mean() for k in range(nblocks)])
    return float(means.std(ddof=1) / np.sqrt(nblocks))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--replicate", type=int, default=2)
    ap.add_argument("--equil-ps", type=float, default=20.0)
    ap.add_argument("--prod-ps", type=float, default=40.0)
    ap.add_argument("--blocks", type=int, default=5)
    ap.add_argument("--temperature", type=float, default=300.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--quench", action="store_true",
                    help="also box-relax the last NPT frame at 0 K (its inherent structure) and report its cell")
    args = ap.parse_args()
    n = args.replicate
    t_total = args.equil_ps + args.prod_ps
    steps = int(round(t_total * 1000))
    name = f"npt-{args.temperature:g}K-rep{n}-{t_total:g}ps-seed{args.seed}"
    cfg = vlib.base_config(vlib.STRUCTURE, [
        {"type": "velocity", "temperature_K": args.temperature},
        {"type": "npt", "steps": steps, "timestep_fs": 1.0, "temperature_K": args.temperature, "tdamp_ps": 0.1,
         "pressure_bar": 0.0, "pdamp_ps": 1.0, "couple": "aniso"},
    ], threads=args.threads, thermo_every=10)
    cfg["structure"]["replicate"] = [n, n, n]
    cfg["seed"] = args.seed
    cfg["output"]["restart_every_steps"] = 10000
    t0 = time.time()
    rd, wall = vlib.run_dendrite(cfg, RUNS / name)
    th = vlib.read_thermo(rd)
    keep = th["time_ps"] >= args.equil_ps
    series = {"a_A": th["lx_A"][keep] / n, "b_A": th["ly_A"][keep] / n, "c_A": th["lz_A"][keep] / n,
              "temp_K": th["temp_K"][keep], "press_bar": th["press_bar"][keep],
              "volume_A3_per_cell": th["volume_A3"][keep] / n ** 3}
    ab = 0.5 * (series["a_A"] + series["b_A"])
    series["ab_mean_A"] = ab
    stats = {}
    for k, x in series.items():
        stats[k] = {"mean": float(x.mean()), "sd": float(x.std(ddof=1)),
                    "sem_blocks": block_error(x, args.blocks),
                    "sem_by_blocks": {str(m): block_error(x, m) for m in (2, 4, 5, 8, 10, 20, 50) if len(x) >= 2 * m}}
    out = {"script": "tools/validation/run_npt_300K.py", "temperature_K": args.temperature, "command": " ".join(sys.argv), "run_dir": str(rd),
           "atoms": 192 * n ** 3, "replicate": n, "equil_ps": args.equil_ps, "prod_ps": args.prod_ps,
           "blocks": args.blocks, "samples": int(keep.sum()), "sample_interval_ps": 0.01, "stats": stats,
           "dendrite_wall_s": wall, "total_wall_s": time.time() - t0}
    if args.quench:
        # The last frame, minimised with box relaxation as in run_relax_0K.py: does the 0 K structure
        # of the thermal state keep its shape, or is the shape only a thermal average?
        last = vlib.read_restart(rd / "restart" / "latest.restart")
        src = RUNS / f"{name}-last.extxyz"
        vlib.write_extxyz(src, last)
        qrd = RUNS / f"{name}-quench"
        if (qrd / "relaxed.extxyz").exists():
            q, qth = vlib.read_extxyz(qrd / "relaxed.extxyz"), vlib.read_thermo(qrd)
        else:
            q, qth, _ = run_relax_0K.relax(src, qrd, args.threads)
        out["quench"] = {"a_A": q.cell[0, 0] / n, "b_A": q.cell[1, 1] / n, "c_A": q.cell[2, 2] / n,
                         "pe_eV_per_atom": qth["pe_eV"][-1] / len(q.species), "run_dir": str(qrd)}
    path = vlib.save_json(f"npt_{args.temperature:g}K_rep{n}.json", out)
    print(f"{192 * n ** 3} atoms, {args.equil_ps:g} ps equilibration + {args.prod_ps:g} ps production, "
          f"dendrite wall {wall:.0f} s")
    print("| quantity | mean | SD of samples | SEM (%d blocks) | SEM for M = 2, 4, 5, 8, 10, 20, 50 blocks |" % args.blocks)
    print("|---|---|---|---|---|")
    for k, s in stats.items():
        print(f"| {k} | {s['mean']:.5f} | {s['sd']:.4f} | {s['sem_blocks']:.5f} | "
              + ", ".join(f"{v:.5f}" for v in s["sem_by_blocks"].values()) + " |")
    if args.quench:
        q = out["quench"]
        print(f"0 K quench of the last frame: a = {q['a_A']:.4f}, b = {q['b_A']:.4f}, c = {q['c_A']:.4f} Å, "
              f"E = {q['pe_eV_per_atom']:.6f} eV/atom")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
