#!/usr/bin/python3
"""Checks that ASE reads every structure `dendrite build` wrote, with the same cell and composition.

Usage: /usr/bin/python3 tools/structures/check_ase.py OUT_DIR
For each OUT_DIR/NAME.extxyz it reads NAME.build.json (written by `dendrite build`) and compares
ASE's cell (lengths and tilts, 1e-6 Å) and species counts with the report. Prints one line per file
and a closing 'N passed, N failed' line; exits non-zero if any check fails or no file is found.
Needs python3-ase (Debian: apt-get install -y python3-ase), which installs into Debian's
/usr/bin/python3 (not a pyenv or venv python3 that may come first on PATH).
"""
import json
import pathlib
import sys

import ase.io
import numpy as np


def check(xyz: pathlib.Path) -> str:
    report = json.loads(xyz.with_suffix("").with_suffix(".build.json").read_text())
    atoms = ase.io.read(str(xyz), format="extxyz")
    counts = {}
    for s in atoms.get_chemical_symbols():
        counts[s] = counts.get(s, 0) + 1
    # extxyz species column may hold labels (e.g. 'Lim' for metallic Li); ASE maps them to
    # elements, so compare by element: the report's labels are reduced the same way.
    want = {}
    for label, n in report["species_counts"].items():
        el = label if label in ase.data.chemical_symbols else label[:2] if label[:2] in ase.data.chemical_symbols else label[:1]
        want[el] = want.get(el, 0) + n
    if counts != want:
        return f"composition {counts} != report {want}"
    lx, ly, lz, xy, xz, yz = report["cell_A"]
    expected = np.array([[lx, 0, 0], [xy, ly, 0], [xz, yz, lz]])
    cell = atoms.cell.array
    if not np.allclose(cell, expected, atol=1e-6):
        return f"cell {cell.tolist()} != report {expected.tolist()}"
    if len(atoms) != report["atoms"]:
        return f"{len(atoms)} atoms != report {report['atoms']}"
    return ""


def main() -> int:
    out = pathlib.Path(sys.argv[1])
    files = sorted(out.glob("*.extxyz"))
    passed = failed = 0
    for f in files:
        try:
            problem = check(f)
        except Exception as e:  # report any reader failure as this file's failure
            problem = f"{type(e).__name__}: {e}"
        if problem:
            failed += 1
            print(f"FAIL {f.name}: {problem}")
        else:
            passed += 1
            print(f"ok   {f.name}")
    print(f"{passed} passed, {failed} failed")
    return 0 if files and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
