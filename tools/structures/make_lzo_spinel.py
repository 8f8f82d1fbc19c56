#!/usr/bin/python3
"""Write the cubic spinel LiZr2O4 ("LZO", the cathode of the Li|LLZO|LZO cells of seed 001) as an
extended XYZ conventional cell of 56 atoms, for the stack examples (conf/structures/stack-*.yaml).

Structure: Fd-3m (No. 227), origin choice 2, a = 9.12 A (seed 001, Supplementary Note 5, which
gives only the space group and lattice parameter). Sites of the normal spinel AB2O4: Li on 8a
(1/8, 1/8, 1/8), Zr on 16d (1/2, 1/2, 1/2), O on 32e (u, u, u). The oxygen parameter u is NOT
given by the source; the ideal close-packed value u = 1/4 (origin choice 2) is used. Zr is
formally +3.5 here, so under formal or Du/Teter charges the cell is not neutral (+8 e formal).

Needs ASE (Debian: apt-get install python3-ase). Usage:
    /usr/bin/python3 tools/structures/make_lzo_spinel.py [output.extxyz]
(default conf/structures/lzo-spinel-56.extxyz)
"""
import sys

from ase.io import write
from ase.spacegroup import crystal

A = 9.12
U = 0.25


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "conf/structures/lzo-spinel-56.extxyz"
    atoms = crystal(["Li", "Zr", "O"], basis=[(0.125, 0.125, 0.125), (0.5, 0.5, 0.5), (U, U, U)],
                    spacegroup=227, setting=2, cellpar=[A, A, A, 90, 90, 90])
    atoms.info["source"] = ("LiZr2O4 spinel Fd-3m origin 2, a=9.12 A (seed 001 Suppl. Note 5), "
                            "Li 8a, Zr 16d, O 32e u=0.25 (ideal; u not given by the source); "
                            "tools/structures/make_lzo_spinel.py")
    write(out, atoms, format="extxyz")
    print("wrote", out, atoms.get_chemical_formula(), len(atoms), "atoms")


if __name__ == "__main__":
    main()
