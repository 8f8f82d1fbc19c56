#!/usr/bin/env python3
"""Tabulate the Ziegler-Biersack-Littmark (ZBL) universal screened nuclear repulsion for the pairs
of Li metal atoms (species Lim) with the LLZO cations Li, La, Zr, as used by
conf/forcefields/li-llzo-hybrid.yaml.

WHY. There is no fitted Li(0)-LLZO potential. In the hybrid force field the metal atoms are
neutral, so the Du/Teter cation-cation interactions (Coulomb only) vanish for them and nothing
would keep a metal atom out of a La or Zr site. ZBL is the standard parameter-free repulsive wall
for any pair of nuclei (it depends only on Z_i, Z_j); it is used here as exactly that, a wall,
not as a model of Li metal / LLZO bonding (there is no attraction across the interface).

ZBL (J.F. Ziegler, J.P. Biersack, U. Littmark, The Stopping and Range of Ions in Solids,
Pergamon 1985; as on the LAMMPS pair_zbl doc page):
    E(r) = k_e Z_i Z_j / r * phi(r/a),   a = 0.46850 / (Z_i^0.23 + Z_j^0.23)  A
    phi(x) = 0.18175 e^(-3.19980 x) + 0.50986 e^(-0.94229 x) + 0.28022 e^(-0.40290 x)
             + 0.02817 e^(-0.20162 x)
with k_e = 14.399645 eV A / e^2 (LAMMPS metal qqr2e). Between r_in and r_c the LAMMPS pair_zbl
switching is added, S(r) = t^3 (A/3 + B t/4) + C with t = r - r_in, chosen so that E, E' and E''
vanish at r_c (and C is added at all r < r_c), so the table equals LAMMPS
`pair_style zbl R_IN R_C` (checked: docs/forcefields.md, Li | LLZO).

Usage: python3 tools/potentials/make_lim_llzo_zbl.py [output_dir]   (default conf/forcefields)
Writes lim-llzo-zbl.table with sections LIM_LI, LIM_LA, LIM_ZR (LAMMPS table format, N points in r
with energies and forces, from R_LO to R_C).
"""
import math
import os
import sys

KE = 14.399645
R_IN, R_C = 3.0, 4.0
R_LO = 0.5
N = 4000
Z = {"Li": 3, "La": 57, "Zr": 40}
C = (0.02817, 0.28022, 0.50986, 0.18175)
D = (0.20162, 0.40290, 0.94229, 3.19980)


def zbl(zi, zj):
    a = 0.46850 / (zi ** 0.23 + zj ** 0.23)
    pre = KE * zi * zj

    def e(r):
        return pre / r * sum(c * math.exp(-d * r / a) for c, d in zip(C, D))

    def de(r):
        s = sum(c * math.exp(-d * r / a) for c, d in zip(C, D))
        ds = sum(-c * d / a * math.exp(-d * r / a) for c, d in zip(C, D))
        return pre * (ds / r - s / r ** 2)

    def d2e(r):
        s = sum(c * math.exp(-d * r / a) for c, d in zip(C, D))
        ds = sum(-c * d / a * math.exp(-d * r / a) for c, d in zip(C, D))
        d2s = sum(c * (d / a) ** 2 * math.exp(-d * r / a) for c, d in zip(C, D))
        return pre * (d2s / r - 2 * ds / r ** 2 + 2 * s / r ** 3)

    tc = R_C - R_IN
    fc, fcp, fcpp = e(R_C), de(R_C), d2e(R_C)
    swa = (-3.0 * fcp + tc * fcpp) / (tc * tc)
    swb = (2.0 * fcp - tc * fcpp) / (tc * tc * tc)
    swc = -fc + (tc / 2.0) * fcp - (tc * tc / 12.0) * fcpp

    def energy(r):
        v = e(r) + swc
        if r > R_IN:
            t = r - R_IN
            v += t ** 3 * (swa / 3.0 + swb / 4.0 * t)
        return v

    def force(r):
        dv = de(r)
        if r > R_IN:
            t = r - R_IN
            dv += t * t * (swa + swb * t)
        return -dv

    return energy, force


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join("conf", "forcefields")
    path = os.path.join(out, "lim-llzo-zbl.table")
    with open(path, "w") as f:
        f.write("# ZBL screened nuclear repulsion (Ziegler, Biersack & Littmark 1985) with the LAMMPS pair_zbl\n")
        f.write(f"# switching between {R_IN} and {R_C} A, for Li metal (Z=3) with LLZO cations; eV, A, eV/A.\n")
        f.write("# Written by tools/potentials/make_lim_llzo_zbl.py. Equals LAMMPS: pair_style zbl "
                f"{R_IN} {R_C}; pair_coeff I J Zi Zj\n")
        for name in ("Li", "La", "Zr"):
            energy, force = zbl(Z["Li"], Z[name])
            f.write(f"\nLIM_{name.upper()}\nN {N} R {R_LO} {R_C}\n\n")
            for k in range(N):
                r = R_LO + (R_C - R_LO) * k / (N - 1)
                f.write(f"{k + 1} {r:.10f} {energy(r):.12e} {force(r):.12e}\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
