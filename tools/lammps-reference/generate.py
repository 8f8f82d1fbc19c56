#!/usr/bin/env python3
"""Generates the LAMMPS reference data of the parity suite (LammpsParityTest, LammpsLiveParityTest).

For every case (a configuration x a force field) this script writes, into OUT/<case>/:
  structure.data            the configuration (LAMMPS data, atom_style charge or atomic, species in
                            Masses comments); read by LAMMPS and by dendrite's LammpsDataReader
  structure-rotated.extxyz  triclinic configurations only: the same cell in a general orientation
                            (extended XYZ), to check dendrite's rotation into the LAMMPS frame and back
  forcefield.yaml           dendrite's force field (schema of issue 2 / docs/forcefields.md)
  in.lammps                 the equivalent LAMMPS input: run 0, thermo_modify norm no,
                            compute pressure NULL virial, dump custom ... fx fy fz with %.17g
  case.properties           what the Java test needs to know (structure, rotation, description)
  reference.txt             LAMMPS' energy (eV), its parts, the virial W_ab = P_ab V / nktv2p (eV)
                            and the forces by atom id (eV/A), all printed with %.17g
and shared files into OUT/potentials/ (EAM files, pair tables). It needs only python3 (standard
library) and `lmp` on the PATH; run it from anywhere:

    python3 tools/lammps-reference/generate.py [--out DIR] [--lmp lmp] [--only CASE ...]

The default OUT is solvers/src/test/resources/lammps-reference. See README.md beside this file for
the choices made (which LAMMPS style stands for which dendrite style, tolerances, seeds).
"""
import argparse
import math
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(ROOT, "solvers", "src", "test", "resources", "lammps-reference")
NKTV2P_METAL = 1.6021765e6  # LAMMPS update.cpp, units metal: (eV/A^3) -> bar

# ---------------------------------------------------------------------------------------------
# Configurations
# ---------------------------------------------------------------------------------------------


class Cell:
    """Atoms in a LAMMPS box (origin 0): species names, positions, box (lx, ly, lz, xy, xz, yz)."""

    def __init__(self, species, names, x, box):
        self.species = species          # [(name, mass, charge)], type = index + 1
        self.names = names              # species name per atom
        self.x = x                      # [[x, y, z]] per atom
        self.box = box                  # (lx, ly, lz, xy, xz, yz)

    def type_of(self, name):
        return [s[0] for s in self.species].index(name) + 1

    def charge_of(self, name):
        return self.species[self.type_of(name) - 1][2]

    def to_frac(self, p):
        lx, ly, lz, xy, xz, yz = self.box
        sz = p[2] / lz
        sy = (p[1] - yz * sz) / ly
        sx = (p[0] - xy * sy - xz * sz) / lx
        return [sx, sy, sz]

    def from_frac(self, s):
        lx, ly, lz, xy, xz, yz = self.box
        return [lx * s[0] + xy * s[1] + xz * s[2], ly * s[1] + yz * s[2], lz * s[2]]

    def wrap(self):
        out = []
        for p in self.x:
            s = self.to_frac(p)
            s = [v - math.floor(v) for v in s]
            s = [0.0 if v >= 1.0 else v for v in s]
            out.append(self.from_frac(s))
        self.x = out

    def copy(self):
        return Cell(list(self.species), list(self.names), [list(p) for p in self.x], tuple(self.box))


LLZO_SPECIES = [("Li", 6.941, 0.6), ("La", 138.90547, 1.8), ("Zr", 91.224, 2.4), ("O", 15.999, -1.2)]


def read_llzo():
    """The shipped 192-atom tetragonal LLZO cell (conf/structures, tools/structures/make_llzo.py)."""
    path = os.path.join(ROOT, "conf", "structures", "llzo-tetragonal-192.extxyz")
    with open(path) as f:
        lines = f.read().splitlines()
    n = int(lines[0])
    lat = [float(v) for v in re.search(r'Lattice="([^"]*)"', lines[1]).group(1).split()]
    if any(lat[k] != 0.0 for k in (1, 2, 3, 5, 6, 7)):
        sys.exit("%s: expected an orthorhombic lattice" % path)
    names, x = [], []
    for line in lines[2:2 + n]:
        t = line.split()
        names.append(t[0])
        x.append([float(t[1]), float(t[2]), float(t[3])])
    return Cell(LLZO_SPECIES, names, x, (lat[0], lat[4], lat[8], 0.0, 0.0, 0.0))


def perturb(cell, amplitude, seed):
    """Adds to every coordinate an independent uniform random number in [-amplitude, amplitude] A."""
    rng = random.Random(seed)
    c = cell.copy()
    c.x = [[v + rng.uniform(-amplitude, amplitude) for v in p] for p in c.x]
    c.wrap()
    return c


def shear(cell, xy, xz, yz):
    """The same fractional coordinates in a box with the given tilts (A)."""
    c = cell.copy()
    frac = [cell.to_frac(p) for p in cell.x]
    lx, ly, lz = cell.box[:3]
    c.box = (lx, ly, lz, xy, xz, yz)
    c.x = [c.from_frac(s) for s in frac]
    return c


def bcc(a, n, species, second=None, fraction=0.0, seed=0):
    """n x n x n conventional bcc cells of lattice constant a; optionally a random fraction of the
    sites (fixed seed) occupied by a second species."""
    rng = random.Random(seed)
    names, x = [], []
    for k in range(n):
        for j in range(n):
            for i in range(n):
                for b in ((0.0, 0.0, 0.0), (0.5, 0.5, 0.5)):
                    x.append([(i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a])
                    names.append(species[0][0])
    if second is not None:
        for idx in rng.sample(range(len(names)), int(round(fraction * len(names)))):
            names[idx] = second
    return Cell(species, names, x, (n * a, n * a, n * a, 0.0, 0.0, 0.0))


def pairs_within(cell, rmax):
    """All pairs (i, j, d) with d < rmax over periodic images (brute force; small cells only)."""
    lx, ly, lz, xy, xz, yz = cell.box
    out = []
    n = len(cell.x)
    shifts = []
    for c in (-1, 0, 1):
        for b in (-1, 0, 1):
            for a in (-1, 0, 1):
                shifts.append((a * lx + b * xy + c * xz, b * ly + c * yz, c * lz))
    rmax2 = rmax * rmax
    for i in range(n):
        xi = cell.x[i]
        for j in range(i, n):
            xj = cell.x[j]
            dx0, dy0, dz0 = xj[0] - xi[0], xj[1] - xi[1], xj[2] - xi[2]
            for sx, sy, sz in shifts:
                if i == j and sx == 0 and sy == 0 and sz == 0:
                    continue
                dx, dy, dz = dx0 + sx, dy0 + sy, dz0 + sz
                d2 = dx * dx + dy * dy + dz * dz
                if d2 < rmax2:
                    out.append((i, j, math.sqrt(d2)))
    return out


def close_contacts(cell, seed):
    """LLZO with a few pairs pushed into the short-range cores of the Du/Teter potential (O-O below
    r0 = 1.906 A, La-O below 1.301 A, Zr-O below 1.224 A), so that the core branch B/r^n + D r^2
    is exercised; each target pair is the nearest of its kind to a randomly chosen O atom."""
    rng = random.Random(seed)
    c = cell.copy()
    targets = [("O", 1.60), ("O", 1.75), ("O", 1.84), ("La", 1.15), ("Zr", 1.10)]
    moved = set()
    lx, ly, lz, xy, xz, yz = c.box
    for partner, dist in targets:
        while True:
            o = rng.choice([i for i, s in enumerate(c.names) if s == "O" and i not in moved])
            best = None
            for j, s in enumerate(c.names):
                if s != partner or j == o or j in moved:
                    continue
                d = minimum_image(c, c.x[j], c.x[o])
                r = math.sqrt(sum(v * v for v in d))
                if best is None or r < best[0]:
                    best = (r, j, d)
            if best is not None:
                break
        r, j, d = best
        # Move atom o along the pair axis so that |x_o - x_j| = dist.
        c.x[o] = [c.x[j][k] + d[k] * dist / r for k in range(3)]
        moved.update((o, j))
    c.wrap()
    return c


def minimum_image(cell, xo, xj):
    """Vector from xj to the nearest image of xo (brute force over neighbouring images)."""
    lx, ly, lz, xy, xz, yz = cell.box
    best = None
    for cz in (-1, 0, 1):
        for by in (-1, 0, 1):
            for ax in (-1, 0, 1):
                d = [xo[0] - xj[0] + ax * lx + by * xy + cz * xz, xo[1] - xj[1] + by * ly + cz * yz,
                     xo[2] - xj[2] + cz * lz]
                r2 = sum(v * v for v in d)
                if best is None or r2 < best[0]:
                    best = (r2, d)
    return best[1]


def rotation(seed):
    """A proper rotation matrix from a seeded random unit quaternion (row-major 3x3)."""
    rng = random.Random(seed)
    q = [rng.gauss(0, 1) for _ in range(4)]
    n = math.sqrt(sum(v * v for v in q))
    a, b, c, d = (v / n for v in q)
    return [1 - 2 * (c * c + d * d), 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), 1 - 2 * (b * b + d * d), 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), 1 - 2 * (b * b + c * c)]


def matvec(m, v):
    return [m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]]


def configurations():
    llzo = read_llzo()
    cfg = {}
    cfg["llzo"] = (perturb(llzo, 0.1, seed=1),
                   "192-atom tetragonal LLZO, every coordinate displaced by U(-0.1, 0.1) A (seed 1)")
    cfg["llzo-tri"] = (perturb(shear(llzo, 1.3, -0.9, 0.7), 0.1, seed=2),
                       "192-atom LLZO sheared to tilts xy=1.3 xz=-0.9 yz=0.7 A, displaced U(-0.1, 0.1) A (seed 2)")
    cfg["llzo-close"] = (close_contacts(perturb(llzo, 0.1, seed=3), seed=4),
                         "192-atom LLZO displaced U(-0.1, 0.1) A (seed 3) with O-O at 1.60/1.75/1.84 A, "
                         "La-O at 1.15 A, Zr-O at 1.10 A (inside the Du/Teter cores; seed 4)")
    li = [("Li", 6.941, 0.0)]
    cfg["li-bcc"] = (perturb(bcc(3.51, 4, li), 0.1, seed=5),
                     "128-atom bcc Li (4x4x4, a = 3.51 A), displaced U(-0.1, 0.1) A (seed 5)")
    cfg["li-bcc-tri"] = (perturb(shear(bcc(3.51, 4, li), 1.1, 0.6, -0.8), 0.1, seed=6),
                         "128-atom bcc Li sheared to tilts xy=1.1 xz=0.6 yz=-0.8 A, displaced U(-0.1, 0.1) A (seed 6)")
    lix = [("Li", 6.941, 0.0), ("X", 22.99, 0.0)]
    cfg["lix-bcc"] = (perturb(bcc(3.6, 4, lix, "X", 0.25, seed=7), 0.1, seed=8),
                      "128-atom bcc (a = 3.6 A) with 25 % of the sites X (seed 7), displaced U(-0.1, 0.1) A (seed 8)")
    cfg["lix-bcc-tri"] = (perturb(shear(bcc(3.6, 4, lix, "X", 0.25, seed=9), -1.2, 0.5, 0.9), 0.1, seed=10),
                          "128-atom bcc Li/X (25 % X, seed 9) sheared to xy=-1.2 xz=0.5 yz=0.9 A, displaced (seed 10)")
    return cfg


# ---------------------------------------------------------------------------------------------
# Force fields (one definition, written both as dendrite YAML and as LAMMPS commands)
# ---------------------------------------------------------------------------------------------

# Du/Teter (shared/notes/forcefields.md section 1.1; conf/forcefields/llzo-du-teter.yaml).
DU_TETER = [
    (("O", "O"), 2029.2204, 0.343640, 192.580, {"r0": 1.906, "B": 46.462, "n": 3.430, "D": -0.32605}),
    (("Li", "O"), 41051.9380, 0.151160, 0.0, None),
    (("La", "O"), 4369.3900, 0.278600, 60.278, {"r0": 1.301404, "B": 75.669457, "n": 2.810890, "D": -4.482141}),
    (("Zr", "O"), 17943.3840, 0.226627, 127.650, {"r0": 1.224, "B": 108.655, "n": 3.3050, "D": -8.481}),
]


def buck(pair, a, rho, c, cutoff, shift=False, core=None):
    p = {"pair": pair, "style": "buckingham", "A": a, "rho": rho, "C": c, "cutoff": cutoff, "shift": shift}
    if core:
        p["core"] = core
    return p


def ff_buck():
    # Plain Buckingham (no core): Du/Teter A, rho, C with mixed cut-offs and shifts.
    cut = {("O", "O"): 10.0, ("Li", "O"): 8.0, ("La", "O"): 9.0, ("Zr", "O"): 7.5}
    shift = {("O", "O"): True, ("Li", "O"): False, ("La", "O"): True, ("Zr", "O"): False}
    return {"pairs": [buck(p, a, r, c, cut[p], shift[p]) for p, a, r, c, _ in DU_TETER]}


def ff_buck_core():
    return {"pairs": [buck(p, a, r, c, 11.0, True, core) for p, a, r, c, core in DU_TETER]}


def ff_born():
    # Born-Mayer-Huggins V = A exp((sigma - r)/rho) - C/r^6 + D/r^8 (LAMMPS born); illustrative
    # parameters of ionic scale (not a fitted LLZO model).
    return {"pairs": [
        {"pair": ("O", "O"), "style": "born-mayer-huggins", "A": 0.2, "rho": 0.32, "sigma": 2.8, "C": 50.0,
         "D": 30.0, "cutoff": 10.0, "shift": True},
        {"pair": ("Li", "O"), "style": "born-mayer-huggins", "A": 0.15, "rho": 0.25, "sigma": 2.0, "C": 1.0,
         "D": 0.5, "cutoff": 8.0, "shift": False},
        {"pair": ("La", "O"), "style": "born-mayer-huggins", "A": 0.25, "rho": 0.3, "sigma": 2.5, "C": 20.0,
         "D": 5.0, "cutoff": 9.0, "shift": True},
        {"pair": ("Zr", "O"), "style": "born-mayer-huggins", "A": 0.3, "rho": 0.28, "sigma": 2.1, "C": 10.0,
         "D": 2.0, "cutoff": 9.0, "shift": False},
    ]}


def ff_morse():
    # Cation-O Morse pairs with the D0, alpha, r0 of Adams & Rao's softBV set as transcribed in
    # shared/notes/forcefields.md section 1.2 (only as realistic numbers; no screened Coulomb here).
    return {"pairs": [
        {"pair": ("Li", "O"), "style": "morse", "D0": 0.98816, "alpha": 1.937984, "r0": 1.94001, "cutoff": 8.0,
         "shift": True},
        {"pair": ("La", "O"), "style": "morse", "D0": 1.18587, "alpha": 2.217295, "r0": 2.46989, "cutoff": 9.0,
         "shift": False},
        {"pair": ("Zr", "O"), "style": "morse", "D0": 2.19103, "alpha": 2.040816, "r0": 1.99602, "cutoff": 7.0,
         "shift": True},
    ]}


def ff_lj():
    # Lennard-Jones 4 eps ((s/r)^12 - (s/r)^6); illustrative parameters.
    return {"pairs": [
        {"pair": ("O", "O"), "style": "lennard-jones", "epsilon": 0.01, "sigma": 2.9, "cutoff": 10.0, "shift": True},
        {"pair": ("Li", "Li"), "style": "lennard-jones", "epsilon": 0.005, "sigma": 2.3, "cutoff": 8.0, "shift": False},
        {"pair": ("La", "O"), "style": "lennard-jones", "epsilon": 0.02, "sigma": 2.4, "cutoff": 9.0, "shift": True},
        {"pair": ("Zr", "La"), "style": "lennard-jones", "epsilon": 0.03, "sigma": 3.3, "cutoff": 8.5, "shift": False},
    ]}


def ff_overlay():
    # Two styles on the same pairs (LAMMPS hybrid/overlay sums them) plus Wolf Coulomb.
    return {"coulomb": {"method": "wolf", "alpha": 0.3, "cutoff": 9.0},
            "pairs": [
                buck(("Li", "O"), 41051.9380, 0.151160, 0.0, 9.0, True),
                {"pair": ("Li", "O"), "style": "morse", "D0": 0.2, "alpha": 1.5, "r0": 2.6, "cutoff": 7.0,
                 "shift": False},
                {"pair": ("O", "O"), "style": "lennard-jones", "epsilon": 0.01, "sigma": 2.9, "cutoff": 8.0,
                 "shift": True},
                buck(("O", "O"), 2029.2204, 0.343640, 192.580, 10.0, False),
                buck(("La", "O"), 4369.3900, 0.278600, 60.278, 10.0, True),
                buck(("Zr", "O"), 17943.3840, 0.226627, 127.650, 10.0, True),
            ]}


def ff_table(interpolation, n):
    # Tables written by this script (potentials/llzo-pairs.table): a Buckingham O-O in R format with
    # FPRIME, a Morse Li-O in RSQ format, a Born La-O as plain r e f lines.
    return {"pairs": [
        {"pair": ("O", "O"), "style": "table", "file": "../potentials/llzo-pairs.table", "keyword": "OO_BUCK",
         "interpolation": interpolation, "N": n, "cutoff": 10.0},
        {"pair": ("Li", "O"), "style": "table", "file": "../potentials/llzo-pairs.table", "keyword": "LIO_MORSE",
         "interpolation": interpolation, "N": n},
        {"pair": ("La", "O"), "style": "table", "file": "../potentials/llzo-pairs.table", "keyword": "LAO_BORN",
         "interpolation": interpolation, "N": n, "cutoff": 8.5},
    ]}


def with_coulomb(ff, coulomb):
    out = dict(ff)
    out["coulomb"] = coulomb
    return out


def ff_du_teter():
    # erfc: lammps-polynomial makes the DSF pair loop use the Abramowitz-Stegun 7.1.26 erfc that
    # LAMMPS coul/dsf uses (|error| <= 1.5e-7): the net virial of this nearly balanced ionic crystal is
    # ~50x smaller than its Coulomb part, so the exact erfc (dendrite's default) differs from LAMMPS
    # by up to 8e-6 of the virial there (README.md). The coul-dsf cases keep the default.
    return with_coulomb(ff_buck_core(), {"method": "dsf", "alpha": 0.25, "cutoff": 8.0, "erfc": "lammps-polynomial"})


def ff_eam(style, filename):
    return {"manybody": [{"style": style, "file": "../potentials/" + filename}]}


LLZO_PAIR_CONFIGS = ("llzo", "llzo-tri")


def cases():
    """(name, configuration, force field, description)."""
    out = []
    pair_ffs = [
        ("buck", ff_buck(), "Buckingham without core, mixed cut-offs and shifts"),
        ("born", ff_born(), "Born-Mayer-Huggins, mixed shifts"),
        ("morse", ff_morse(), "Morse, mixed shifts"),
        ("lj", ff_lj(), "Lennard-Jones, mixed shifts, cation-cation pair"),
        ("table-linear", ff_table("linear", 1000), "table, linear N=1000 (R, RSQ and plain sections)"),
        ("table-spline", ff_table("spline", 1500), "table, spline N=1500 (R, RSQ and plain sections)"),
        ("coul-cut", {"coulomb": {"method": "cut", "cutoff": 9.0}}, "plain cut-off Coulomb 9 A"),
        ("coul-dsf", {"coulomb": {"method": "dsf", "alpha": 0.25, "cutoff": 8.0}}, "DSF Coulomb alpha 0.25, 8 A"),
        ("coul-wolf", {"coulomb": {"method": "wolf", "alpha": 0.25, "cutoff": 9.0}}, "Wolf Coulomb alpha 0.25, 9 A"),
        ("coul-ewald", {"coulomb": {"method": "ewald", "cutoff": 8.0, "accuracy": 1e-12}},
         "Ewald, real-space cut-off 8 A, relative accuracy 1e-12"),
        # The same with LAMMPS' polynomial erfc in the real-space loop: takes the erfc difference
        # (~6e-7 of E and W) out, so that the k-space sum is checked to its own accuracy.
        ("coul-ewald-lmperfc", {"coulomb": {"method": "ewald", "cutoff": 8.0, "accuracy": 1e-12,
                                            "erfc": "lammps-polynomial"}},
         "Ewald as coul-ewald, real-space erfc as LAMMPS coul/long (Abramowitz-Stegun 7.1.26)"),
        ("overlay-wolf", ff_overlay(), "buckingham + morse and lennard-jones + buckingham on the same pairs, Wolf"),
        ("du-teter-dsf", ff_du_teter(), "Du/Teter Buckingham with cores, shifted at 11 A, DSF 0.25/8 A"),
    ]
    for cfg in LLZO_PAIR_CONFIGS:
        for name, ff, desc in pair_ffs:
            out.append(("%s-%s" % (cfg, name), cfg, ff, desc))
    out.append(("llzo-close-buck-core", "llzo-close", ff_buck_core(),
                "Du/Teter Buckingham with cores (no Coulomb) on pairs inside the cores"))
    out.append(("llzo-close-du-teter-dsf", "llzo-close", ff_du_teter(),
                "Du/Teter with cores + DSF on pairs inside the cores"))
    for cfg in ("li-bcc", "li-bcc-tri"):
        out.append(("%s-eam-alloy" % cfg, cfg, ff_eam("eam/alloy", "Li-test.eam.alloy"), "eam/alloy, one element"))
        out.append(("%s-fs-fit-eam-alloy" % cfg, cfg, ff_eam("eam/alloy", "Li-fs-fit.eam.alloy"),
                    "eam/alloy, shipped Li metal file (conf/forcefields/Li-fs-fit.eam.alloy)"))
    for cfg in ("lix-bcc", "lix-bcc-tri"):
        out.append(("%s-eam-alloy" % cfg, cfg, ff_eam("eam/alloy", "LiX-test.eam.alloy"), "eam/alloy, two elements"))
        out.append(("%s-eam-fs" % cfg, cfg, ff_eam("eam/fs", "LiX-test.eam.fs"), "eam/fs, two elements"))
    return out


# ---------------------------------------------------------------------------------------------
# Pair formulas (for tables)
# ---------------------------------------------------------------------------------------------


def buck_ef(a, rho, c, core):
    """Energy and force -dV/dr of Buckingham with the Du/Teter core below r0."""
    def ef(r):
        if core is not None and r < core["r0"]:
            b, n, d = core["B"], core["n"], core["D"]
            return b / r ** n + d * r * r, n * b / r ** (n + 1) - 2.0 * d * r
        e = a * math.exp(-r / rho) - c / r ** 6
        f = a / rho * math.exp(-r / rho) - 6.0 * c / r ** 7
        return e, f
    return ef


def morse_ef(d0, alpha, r0):
    def ef(r):
        x = math.exp(-alpha * (r - r0))
        return d0 * (x * x - 2.0 * x), 2.0 * alpha * d0 * (x * x - x)
    return ef


def born_ef(a, rho, sigma, c, d):
    def ef(r):
        x = math.exp((sigma - r) / rho)
        return a * x - c / r ** 6 + d / r ** 8, a / rho * x - 6.0 * c / r ** 7 + 8.0 * d / r ** 9
    return ef


def dfdr(ef, r, h=1e-5):
    return (ef(r + h)[1] - ef(r - h)[1]) / (2.0 * h)


def table_section(keyword, ef, n, rlo, rhi, mode, shift_at=None):
    """A LAMMPS table section. mode 'R' (with FPRIME), 'RSQ', or 'plain' (r values as written).
    Energies are shifted by -V(shift_at) when given (LAMMPS tables have no pair_modify shift)."""
    e0 = ef(shift_at)[0] if shift_at is not None else 0.0
    lines = [keyword]
    if mode == "R":
        lines.append("N %d R %r %r FPRIME %r %r" % (n, rlo, rhi, dfdr(ef, rlo), dfdr(ef, rhi)))
    elif mode == "RSQ":
        lines.append("N %d RSQ %r %r" % (n, rlo, rhi))
    else:
        lines.append("N %d" % n)
    lines.append("")
    for i in range(n):
        # The r values LAMMPS itself computes for R and RSQ sections (pair_table.cpp read_table).
        if mode == "RSQ":
            r = math.sqrt(rlo * rlo + (rhi * rhi - rlo * rlo) * i / (n - 1))
        else:
            r = rlo + (rhi - rlo) * i / (n - 1)
        e, f = ef(r)
        lines.append("%d %r %r %r" % (i + 1, r, e - e0, f))
    return "\n".join(lines) + "\n\n"


CORE_TABLE_POINTS = 5000      # r points per core section (spline in r inside LAMMPS)
CORE_TABLE_N = 20000          # LAMMPS pair_style table spline N
CORE_TABLE_RLO = 0.5          # A; StructureValidator rejects pairs below 0.5 A anyway


def write_tables(potdir):
    # Tables of the 'table' style cases: deliberately coarse, so that both codes must interpolate
    # the same way to agree.
    with open(os.path.join(potdir, "llzo-pairs.table"), "w") as f:
        f.write("# Pair tables for the dendrite/LAMMPS parity cases (tools/lammps-reference/generate.py)\n\n")
        f.write(table_section("OO_BUCK", buck_ef(2029.2204, 0.343640, 192.580, None), 400, 1.5, 10.0, "R"))
        f.write(table_section("LIO_MORSE", morse_ef(0.98816, 1.937984, 1.94001), 300, 1.0, 8.0, "RSQ"))
        f.write(table_section("LAO_BORN", born_ef(0.25, 0.3, 2.5, 20.0, 5.0), 350, 1.0, 9.0, "plain"))
    # Du/Teter with cores, shifted at 11 A, finely tabulated as LAMMPS' stand-in for the core form.
    with open(os.path.join(potdir, "du-teter-core.table"), "w") as f:
        f.write("# Du/Teter Buckingham + core B/r^n + D r^2 below r0, energies shifted to 0 at 11 A "
                "(tools/lammps-reference/generate.py)\n\n")
        for pair, a, rho, c, core in DU_TETER:
            f.write(table_section(core_keyword(pair), buck_ef(a, rho, c, core), CORE_TABLE_POINTS,
                                  CORE_TABLE_RLO, 11.0, "R", shift_at=11.0))


def core_keyword(pair):
    return ("%s_%s" % pair).upper()


def write_eam_alloy_from_fs(src, dst):
    """A two-element setfl (eam/alloy) file from the eam/fs test file: element i keeps F_i and the
    density block rho_ii of the Finnis-Sinclair file as its density, and the pair functions as is."""
    with open(src) as f:
        lines = f.read().splitlines()
    nel = int(lines[3].split()[0])
    grid = lines[4].split()
    nrho, nr = int(grid[0]), int(grid[2])
    body = lines[5:]
    k = 0

    def take(count):
        nonlocal k
        vals = []
        while len(vals) < count:
            vals.extend(body[k].split())
            k += 1
        if len(vals) != count:
            sys.exit("%s: values do not end at a line break where expected" % src)
        return vals

    element_lines, blocks = [], []
    for i in range(nel):
        element_lines.append(body[k])
        k += 1
        embedding = take(nrho)
        densities = [take(nr) for _ in range(nel)]
        blocks.append((embedding, densities[i]))
    pair_blocks = [take(nr) for i in range(nel) for _ in range(i + 1)]

    def fmt(vals):
        return "\n".join(" ".join(vals[m:m + 5]) for m in range(0, len(vals), 5))

    out = ["TEST POTENTIAL for code verification only -- setfl made from %s by "
           "tools/lammps-reference/generate.py (rho_i = rho_ii of the fs file)" % os.path.basename(src),
           lines[1], lines[2], lines[3], lines[4]]
    for i in range(nel):
        out += [element_lines[i], fmt(blocks[i][0]), fmt(blocks[i][1])]
    out += [fmt(b) for b in pair_blocks]
    with open(dst, "w") as f:
        f.write("\n".join(out) + "\n")


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def atom_style(ff):
    return "atomic" if "manybody" in ff else "charge"


def write_data(cell, path, style, title):
    lx, ly, lz, xy, xz, yz = cell.box
    with open(path, "w") as f:
        f.write("%s\n\n%d atoms\n%d atom types\n\n" % (title, len(cell.x), len(cell.species)))
        f.write("0.0 %r xlo xhi\n0.0 %r ylo yhi\n0.0 %r zlo zhi\n" % (lx, ly, lz))
        if xy != 0.0 or xz != 0.0 or yz != 0.0:
            f.write("%r %r %r xy xz yz\n" % (xy, xz, yz))
        f.write("\nMasses\n\n")
        for t, (name, mass, _) in enumerate(cell.species):
            f.write("%d %r # %s\n" % (t + 1, mass, name))
        f.write("\nAtoms # %s\n\n" % style)
        for i, (name, p) in enumerate(zip(cell.names, cell.x)):
            if style == "charge":
                f.write("%d %d %r %r %r %r\n" % (i + 1, cell.type_of(name), cell.charge_of(name), p[0], p[1], p[2]))
            else:
                f.write("%d %d %r %r %r\n" % (i + 1, cell.type_of(name), p[0], p[1], p[2]))


def write_rotated_extxyz(cell, path, q):
    """The cell in the user frame r_user = Q r_lammps (lattice rows Q a, Q b, Q c)."""
    lx, ly, lz, xy, xz, yz = cell.box
    edges = [matvec(q, v) for v in ([lx, 0.0, 0.0], [xy, ly, 0.0], [xz, yz, lz])]
    with open(path, "w") as f:
        f.write("%d\n" % len(cell.x))
        f.write('Lattice="%s" Properties=species:S:1:pos:R:3 pbc="T T T"\n'
                % " ".join(repr(v) for e in edges for v in e))
        for name, p in zip(cell.names, cell.x):
            u = matvec(q, p)
            f.write("%s %r %r %r\n" % (name, u[0], u[1], u[2]))


def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(yaml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (k, yaml_value(x)) for k, x in v.items()) + "}"
    return str(v)


def write_yaml(ff, cell, path, description):
    with open(path, "w") as f:
        f.write("# Parity case force field (tools/lammps-reference/generate.py); LAMMPS metal units.\n")
        f.write("description: \"%s\"\n" % description)
        f.write("species:\n")
        for name, mass, charge in cell.species:
            f.write("  %s: {mass: %r, charge: %r}\n" % (name, mass, charge))
        if "coulomb" in ff:
            f.write("coulomb: %s\n" % yaml_value(ff["coulomb"]))
        if ff.get("pairs"):
            f.write("pairs:\n")
            for p in ff["pairs"]:
                f.write("  - %s\n" % yaml_value(p))
        if ff.get("manybody"):
            f.write("manybody:\n")
            for m in ff["manybody"]:
                f.write("  - %s\n" % yaml_value(m))


def lammps_pair_commands(ff, cell):
    """pair_style / pair_coeff / pair_modify / kspace lines equivalent to the force field."""
    if "manybody" in ff:
        m = ff["manybody"][0]
        names = " ".join(s[0] for s in cell.species)
        return ["pair_style %s" % m["style"], "pair_coeff * * %s %s" % (m["file"], names)]
    subs = []          # [style word, args, [coeff lines], shift]
    index = {}

    def instance(key, style, args, shift):
        if key not in index:
            index[key] = len(subs)
            subs.append([style, args, [], shift])
        return subs[index[key]]

    for p in ff.get("pairs", []):
        ti, tj = sorted((cell.type_of(p["pair"][0]), cell.type_of(p["pair"][1])))
        shift = p.get("shift", False)
        st = p["style"]
        if st == "buckingham" and "core" not in p:
            s = instance(("buck", shift), "buck", "11.0", shift)
            s[2].append("%d %d %r %r %r %r" % (ti, tj, p["A"], p["rho"], p["C"], p["cutoff"]))
        elif st == "buckingham":
            # LAMMPS has no Du/Teter core: a finely tabulated spline table of the same formula,
            # already shifted (tables ignore pair_modify shift).
            if not shift or p["cutoff"] != 11.0:
                sys.exit("core tables are written for shift: true, cutoff 11 A only")
            s = instance(("coretable",), "table", "spline %d" % CORE_TABLE_N, False)
            s[2].append("%d %d ../potentials/du-teter-core.table %s 11.0" % (ti, tj, core_keyword(p["pair"])))
        elif st == "born-mayer-huggins":
            s = instance(("born", shift), "born", "11.0", shift)
            s[2].append("%d %d %r %r %r %r %r %r" % (ti, tj, p["A"], p["rho"], p["sigma"], p["C"], p["D"], p["cutoff"]))
        elif st == "morse":
            s = instance(("morse", shift), "morse", "11.0", shift)
            s[2].append("%d %d %r %r %r %r" % (ti, tj, p["D0"], p["alpha"], p["r0"], p["cutoff"]))
        elif st == "lennard-jones":
            s = instance(("lj/cut", shift), "lj/cut", "11.0", shift)
            s[2].append("%d %d %r %r %r" % (ti, tj, p["epsilon"], p["sigma"], p["cutoff"]))
        elif st == "table":
            s = instance(("table", p["interpolation"], p["N"]), "table", "%s %d" % (p["interpolation"], p["N"]), False)
            s[2].append("%d %d %s %s%s" % (ti, tj, p["file"], p["keyword"],
                                           " %r" % p["cutoff"] if "cutoff" in p else ""))
        else:
            sys.exit("no LAMMPS equivalent for style " + st)
    extra = []
    c = ff.get("coulomb")
    if c:
        if c["method"] == "cut":
            s = instance(("coul",), "coul/cut", "%r" % c["cutoff"], False)
        elif c["method"] == "dsf":
            s = instance(("coul",), "coul/dsf", "%r %r" % (c["alpha"], c["cutoff"]), False)
        elif c["method"] == "wolf":
            s = instance(("coul",), "coul/wolf", "%r %r" % (c["alpha"], c["cutoff"]), False)
        elif c["method"] == "ewald":
            s = instance(("coul",), "coul/long", "%r" % c["cutoff"], False)
            extra = ["kspace_style ewald %r" % c["accuracy"],
                     # Analytic real-space erfc instead of LAMMPS' default 2^12-point table.
                     "pair_modify table 0"]
        else:
            sys.exit("no LAMMPS equivalent for Coulomb method " + c["method"])
        s[2].append("* *")
    # 'zero' gives every type pair a coefficient (hybrid needs one for each pair) and no force.
    instance(("zero",), "zero", "11.0", False)[2].append("* *")
    counts = {}
    for s in subs:
        counts[s[0]] = counts.get(s[0], 0) + 1
    seen = {}
    words = []
    lines = []
    for s in subs:
        seen[s[0]] = seen.get(s[0], 0) + 1
        name = s[0] if counts[s[0]] == 1 else "%s %d" % (s[0], seen[s[0]])
        words.append("%s %s" % (s[0], s[1]))
        for coeff in s[2]:
            if coeff == "* *":
                lines.append("pair_coeff * * %s" % name)
            else:
                ti, tj, rest = coeff.split(" ", 2)
                lines.append("pair_coeff %s %s %s %s" % (ti, tj, name, rest))
        if s[3]:
            lines.append("pair_modify pair %s shift yes" % name)
    return ["pair_style hybrid/overlay " + " ".join(words)] + lines + extra


def write_lammps_input(ff, cell, path, style):
    cmds = ["# Equivalent LAMMPS input of this parity case (tools/lammps-reference/generate.py)",
            "units metal", "atom_style %s" % style, "boundary p p p", "atom_modify map array",
            "read_data structure.data"]
    cmds += lammps_pair_commands(ff, cell)
    cmds += ["neighbor 2.0 bin",
             "compute vir all pressure NULL virial",
             "thermo_style custom step pe evdwl ecoul elong c_vir[1] c_vir[2] c_vir[3] c_vir[4] c_vir[5] c_vir[6] vol",
             "thermo_modify norm no format float %.17g",
             "dump forces all custom 1 forces.dump id type x y z fx fy fz",
             "dump_modify forces format float %.17g sort id",
             "run 0"]
    with open(path, "w") as f:
        f.write("\n".join(cmds) + "\n")


# ---------------------------------------------------------------------------------------------
# Running LAMMPS and reading its output
# ---------------------------------------------------------------------------------------------


def run_lammps(lmp, casedir):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.run([lmp, "-in", "in.lammps", "-log", "log.lammps", "-screen", "none", "-nocite"],
                          cwd=casedir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = open(os.path.join(casedir, "log.lammps")).read() if os.path.exists(os.path.join(casedir, "log.lammps")) else ""
    if proc.returncode != 0 or "ERROR" in log:
        err = [l for l in (log + proc.stdout).splitlines() if "ERROR" in l]
        sys.exit("%s: lmp failed: %s" % (casedir, err[0] if err else proc.stdout[-500:]))
    lines = log.splitlines()
    for k, line in enumerate(lines):
        if line.split()[:2] == ["Step", "PotEng"]:
            values = [float(v) for v in lines[k + 1].split()]
            break
    else:
        sys.exit("%s: no thermo output in log.lammps" % casedir)
    version = lines[0].strip() if lines else "LAMMPS"
    warnings = sorted(set(l.strip() for l in lines if l.startswith("WARNING")))
    _, pe, evdwl, ecoul, elong = values[:5]
    pvir = values[5:11]
    vol = values[11]
    virial = [p * vol / NKTV2P_METAL for p in pvir]
    forces = {}
    positions = {}
    with open(os.path.join(casedir, "forces.dump")) as f:
        dump = f.read().splitlines()
    start = [k for k, l in enumerate(dump) if l.startswith("ITEM: ATOMS")][0]
    for l in dump[start + 1:]:
        t = l.split()
        forces[int(t[0])] = [float(v) for v in t[5:8]]
        positions[int(t[0])] = [float(v) for v in t[2:5]]
    os.remove(os.path.join(casedir, "log.lammps"))
    os.remove(os.path.join(casedir, "forces.dump"))
    return {"version": version, "pe": pe, "evdwl": evdwl, "ecoul": ecoul, "elong": elong, "virial": virial,
            "forces": forces, "positions": positions, "warnings": warnings}


def write_reference(ref, path, name):
    with open(path, "w") as f:
        f.write("# LAMMPS reference of parity case %s: %s, run 0\n" % (name, ref["version"]))
        f.write("# virial W_ab = P_ab(compute pressure NULL virial) * V / nktv2p; order xx yy zz xy xz yz\n")
        for w in ref["warnings"]:
            f.write("# lmp %s\n" % w)
        f.write("energy_eV %r\n" % ref["pe"])
        f.write("evdwl_eV %r\necoul_eV %r\nelong_eV %r\n" % (ref["evdwl"], ref["ecoul"], ref["elong"]))
        f.write("virial_eV %s\n" % " ".join(repr(v) for v in ref["virial"]))
        f.write("forces_eV_per_A %d\n" % len(ref["forces"]))
        for i in sorted(ref["forces"]):
            fx, fy, fz = ref["forces"][i]
            f.write("%d %r %r %r\n" % (i, fx, fy, fz))


def check_core_distances(cell, name):
    """Pairs within 0.05 A of a core radius would see the spline ringing of the tabulated core
    (V and F jump slightly at r0 with the published digits): refuse such configurations."""
    for (a, b), _, _, _, core in DU_TETER:
        if core is None:
            continue
        for i, j, d in pairs_within(cell, core["r0"] + 0.06):
            if {cell.names[i], cell.names[j]} == {a, b} and abs(d - core["r0"]) < 0.05:
                sys.exit("%s: %s-%s pair at %.4f A is within 0.05 A of the core radius %.4f A"
                         % (name, a, b, d, core["r0"]))
            if {cell.names[i], cell.names[j]} == {a, b} and d < CORE_TABLE_RLO:
                sys.exit("%s: %s-%s pair at %.4f A is below the table's inner radius" % (name, a, b, d))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: the test resources)")
    ap.add_argument("--lmp", default="lmp", help="LAMMPS executable (default: lmp)")
    ap.add_argument("--only", nargs="*", help="generate only these cases")
    args = ap.parse_args()
    if shutil.which(args.lmp) is None:
        sys.exit("LAMMPS executable '%s' not found on the PATH" % args.lmp)
    out = os.path.abspath(args.out)
    potdir = os.path.join(out, "potentials")
    os.makedirs(potdir, exist_ok=True)
    write_tables(potdir)
    confff = os.path.join(ROOT, "conf", "forcefields")
    for fn in ("Li-test.eam.alloy", "LiX-test.eam.fs", "Li-fs-fit.eam.alloy"):
        shutil.copyfile(os.path.join(confff, fn), os.path.join(potdir, fn))
    write_eam_alloy_from_fs(os.path.join(confff, "LiX-test.eam.fs"), os.path.join(potdir, "LiX-test.eam.alloy"))

    cfgs = configurations()
    checked = set()
    q = rotation(seed=11)
    names = []
    for name, cfg, ff, desc in cases():
        if args.only and name not in args.only:
            continue
        cell, cfg_desc = cfgs[cfg]
        if "buckingham" in [p["style"] for p in ff.get("pairs", []) if "core" in p] and cfg not in checked:
            check_core_distances(cell, cfg)
            checked.add(cfg)
        casedir = os.path.join(out, name)
        os.makedirs(casedir, exist_ok=True)
        style = atom_style(ff)
        write_data(cell, os.path.join(casedir, "structure.data"), style,
                   "dendrite parity case %s: %s" % (name, cfg_desc))
        props = ["description=%s; %s" % (cfg_desc, desc), "config=%s" % cfg, "structure=structure.data",
                 "forcefield=forcefield.yaml"]
        triclinic = any(v != 0.0 for v in cell.box[3:])
        if triclinic:
            write_rotated_extxyz(cell, os.path.join(casedir, "structure-rotated.extxyz"), q)
            props.append("rotated_structure=structure-rotated.extxyz")
            props.append("user_rotation=%s" % " ".join(repr(v) for v in q))
        write_yaml(ff, cell, os.path.join(casedir, "forcefield.yaml"), "%s: %s" % (name, desc))
        write_lammps_input(ff, cell, os.path.join(casedir, "in.lammps"), style)
        ref = run_lammps(args.lmp, casedir)
        for i, p in ref["positions"].items():
            if max(abs(p[k] - cell.x[i - 1][k]) for k in range(3)) > 1e-12:
                sys.exit("%s: LAMMPS moved atom %d (positions must be inside the box)" % (name, i))
        write_reference(ref, os.path.join(casedir, "reference.txt"), name)
        with open(os.path.join(casedir, "case.properties"), "w") as f:
            f.write("\n".join(props) + "\n")
        names.append(name)
        print("%-32s E = %.10f eV  (%d atoms)" % (name, ref["pe"], len(ref["forces"])))
    if not args.only:
        with open(os.path.join(out, "cases.txt"), "w") as f:
            f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
