#!/usr/bin/env python3
"""Builds the tetragonal Li7La3Zr2O12 (LLZO) cells shipped in conf/structures/.

Origin of the structure: the DFT-relaxed tetragonal LLZO of the pymatgen-written CIF
`examples/Li7La3Zr2O12.cif` in the bjmorgan/hofmann repository (commit b28f60e), space group
I4_1/acd (No. 142), a = 13.23607 A, c = 12.701706 A, Z = 8, with the asymmetric unit transcribed
in /work/shared/notes/forcefields.md section 4.2 (source [S25] there):

    Li 32g (0.0805155, 0.1624655, 0.9308565)   La 16 (0.12737, 0.25, 0.375)   O 32 (0.034616, 0.694517, 0.471296)
    Li 16f (0.181211,  0.181211,  0.75)        La  8 (0, 0, 0.25)             O 32 (0.054963, 0.102443, 0.090667)
    Li  8a (0, 0, 0)                           Zr 16 (0, 0.25, 0.125)         O 32 (0.150823, 0.223227, 0.571236)

These coordinates are in ITA origin choice 1 of I4_1/acd: expanding them with ASE's
ase.spacegroup.crystal(..., setting=1) gives 56 Li + 24 La + 16 Zr + 96 O = 192 atoms with the
shortest interatomic distance 1.895 A (origin choice 2 gives 232 atoms with 1.29 A contacts, so it
is not the setting of the CIF). The script checks both facts and stops if they do not hold.

Outputs (rerun with `python3 tools/structures/make_llzo.py` from the repository root; needs
python3-ase, Debian package `python3-ase`):
  conf/structures/llzo-tetragonal-192.extxyz   the conventional cell, atoms ordered Li, La, Zr, O
  conf/structures/llzo-tetragonal-5184.data    3x3x3 copies (LAMMPS `replicate 3 3 3` order and ids),
                                               atom_style charge, Du/Teter partial charges
                                               (0.6 x formal: Li 0.6, La 1.8, Zr 2.4, O -1.2 e;
                                               forcefields.md section 1.1), species in Masses comments.
"""
import os
import sys
from collections import Counter

import numpy as np
from ase.spacegroup import crystal

A_ANGSTROM = 13.23607
C_ANGSTROM = 12.701706
SITES = [
    ("Li", (0.0805155, 0.1624655, 0.9308565)),
    ("Li", (0.181211, 0.181211, 0.75)),
    ("Li", (0.0, 0.0, 0.0)),
    ("La", (0.12737, 0.25, 0.375)),
    ("La", (0.0, 0.0, 0.25)),
    ("Zr", (0.0, 0.25, 0.125)),
    ("O", (0.034616, 0.694517, 0.471296)),
    ("O", (0.054963, 0.102443, 0.090667)),
    ("O", (0.150823, 0.223227, 0.571236)),
]
ORDER = ["Li", "La", "Zr", "O"]
EXPECTED = {"Li": 56, "La": 24, "Zr": 16, "O": 96}
# Du/Teter partial charges (0.6 x formal), shared/notes/forcefields.md section 1.1.
CHARGE = {"Li": 0.6, "La": 1.8, "Zr": 2.4, "O": -1.2}
# Masses (amu): standard atomic weights, Li with the customary 6.941.
MASS = {"Li": 6.941, "La": 138.90547, "Zr": 91.224, "O": 15.999}
MIN_DISTANCE = 1.7
SOURCE = ("tetragonal LLZO I4_1/acd, DFT cell a=13.23607 c=12.701706 A of bjmorgan/hofmann "
          "examples/Li7La3Zr2O12.cif (commit b28f60e); built by tools/structures/make_llzo.py")


def build():
    atoms = crystal([s for s, _ in SITES], [p for _, p in SITES], spacegroup=142, setting=1,
                    cellpar=[A_ANGSTROM, A_ANGSTROM, C_ANGSTROM, 90, 90, 90], symprec=1e-4)
    symbols = atoms.get_chemical_symbols()
    counts = Counter(symbols)
    if dict(counts) != EXPECTED:
        sys.exit("wrong composition %s, expected %s" % (dict(counts), EXPECTED))
    order = sorted(range(len(atoms)), key=lambda i: ORDER.index(symbols[i]))  # stable: keeps ASE order within a species
    atoms = atoms[order]
    d = atoms.get_all_distances(mic=True)
    np.fill_diagonal(d, np.inf)
    if d.min() <= MIN_DISTANCE:
        sys.exit("shortest distance %.4f A is not above %.1f A" % (d.min(), MIN_DISTANCE))
    symbols = atoms.get_chemical_symbols()
    for a in ORDER:
        for b in ORDER[ORDER.index(a):]:
            ia = [i for i, s in enumerate(symbols) if s == a]
            ib = [i for i, s in enumerate(symbols) if s == b]
            print("shortest %2s-%-2s %.4f A" % (a, b, d[np.ix_(ia, ib)].min()))
    print("%d atoms %s, shortest distance %.4f A" % (len(atoms), dict(Counter(symbols)), d.min()))
    return atoms


def write_extxyz(path, atoms):
    cell = atoms.get_cell()
    with open(path, "w") as f:
        f.write("%d\n" % len(atoms))
        f.write('Lattice="%r 0.0 0.0 0.0 %r 0.0 0.0 0.0 %r" Properties=species:S:1:pos:R:3 '
                'source="%s" pbc="T T T"\n' % (cell[0][0], cell[1][1], cell[2][2], SOURCE))
        for s, p in zip(atoms.get_chemical_symbols(), atoms.get_positions()):
            f.write("%-2s %r %r %r\n" % (s, float(p[0]), float(p[1]), float(p[2])))


def write_replicated_data(path, atoms, n):
    """n x n x n copies in LAMMPS `replicate` order: ids id + N*(i + n*(j + n*k)), k outermost."""
    cell = atoms.get_cell()
    lx, ly, lz = cell[0][0], cell[1][1], cell[2][2]
    symbols = atoms.get_chemical_symbols()
    pos = atoms.get_positions()
    nat = len(atoms)
    with open(path, "w") as f:
        f.write("LAMMPS data file (atom_style charge, units metal): %dx%dx%d %s\n\n" % (n, n, n, SOURCE))
        f.write("%d atoms\n%d atom types\n\n" % (nat * n ** 3, len(ORDER)))
        f.write("0.0 %r xlo xhi\n0.0 %r ylo yhi\n0.0 %r zlo zhi\n\n" % (n * lx, n * ly, n * lz))
        f.write("Masses\n\n")
        for t, s in enumerate(ORDER):
            f.write("%d %r # %s\n" % (t + 1, MASS[s], s))
        f.write("\nAtoms # charge\n\n")
        for k in range(n):
            for j in range(n):
                for i in range(n):
                    for a in range(nat):
                        s = symbols[a]
                        x = pos[a][0] + i * lx
                        y = pos[a][1] + j * ly
                        z = pos[a][2] + k * lz
                        f.write("%d %d %r %r %r %r 0 0 0\n" % (a + 1 + nat * (i + n * (j + n * k)),
                                                               ORDER.index(s) + 1, CHARGE[s],
                                                               float(x), float(y), float(z)))


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = os.path.join(root, "conf", "structures")
    os.makedirs(out, exist_ok=True)
    atoms = build()
    write_extxyz(os.path.join(out, "llzo-tetragonal-192.extxyz"), atoms)
    write_replicated_data(os.path.join(out, "llzo-tetragonal-5184.data"), atoms, 3)
    print("wrote", os.path.join(out, "llzo-tetragonal-192.extxyz"), "and llzo-tetragonal-5184.data")


if __name__ == "__main__":
    main()
