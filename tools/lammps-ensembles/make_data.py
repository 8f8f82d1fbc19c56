#!/usr/bin/env python3
"""Writes the 192-atom tetragonal LLZO cell (conf/structures/llzo-tetragonal-192.extxyz) as a LAMMPS
data file (atom_style charge, types 1-4 = Li La Zr O, Du/Teter partial charges), so that LAMMPS
(`replicate 2 2 2`) and dendrite (Structure.replicate(2, 2, 2)) start from the same crystal.

usage: make_data.py EXTXYZ OUT.data
"""
import re
import sys

TYPES = ["Li", "La", "Zr", "O"]
MASS = {"Li": 6.941, "La": 138.90547, "Zr": 91.224, "O": 15.999}
CHARGE = {"Li": 0.6, "La": 1.8, "Zr": 2.4, "O": -1.2}


def main(src, dst):
    with open(src) as f:
        lines = f.read().splitlines()
    n = int(lines[0])
    lattice = [float(v) for v in re.search(r'Lattice="([^"]+)"', lines[1]).group(1).split()]
    a, b, c = lattice[0:3], lattice[3:6], lattice[6:9]
    if any(abs(v) > 1e-12 for v in (a[1], a[2], b[0], b[2], c[0], c[1])):
        sys.exit("make_data.py: only orthorhombic cells are supported")
    atoms = []
    for i, line in enumerate(lines[2:2 + n]):
        sp, x, y, z = line.split()[:4]
        atoms.append((i + 1, TYPES.index(sp) + 1, CHARGE[sp], float(x), float(y), float(z)))
    with open(dst, "w") as out:
        out.write("LLZO 192-atom tetragonal cell from %s (tools/lammps-ensembles/make_data.py)\n\n" % src)
        out.write("%d atoms\n%d atom types\n\n" % (n, len(TYPES)))
        out.write("0.0 %.10f xlo xhi\n0.0 %.10f ylo yhi\n0.0 %.10f zlo zhi\n\n" % (a[0], b[1], c[2]))
        out.write("Masses\n\n")
        for t, sp in enumerate(TYPES):
            out.write("%d %.8f # %s\n" % (t + 1, MASS[sp], sp))
        out.write("\nAtoms # charge\n\n")
        for i, t, q, x, y, z in atoms:
            out.write("%d %d %.4f %.12f %.12f %.12f\n" % (i, t, q, x, y, z))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
