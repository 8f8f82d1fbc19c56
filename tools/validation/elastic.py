"""Elastic-tensor algebra shared by the validation scripts (NumPy only).

Voigt order 1..6 = xx, yy, zz, yz, xz, xy; strains are engineering strains (γ_yz = 2 ε_yz), so
σ = C e with C in GPa. Formulas: Nye, "Physical Properties of Crystals" (1957), ch. VIII
(compliance, directional Young's modulus); Hill, Proc. Phys. Soc. A 65, 349 (1952) (VRH averages).
"""
import numpy as np

VOIGT = [(0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1)]
LABELS = ["xx", "yy", "zz", "yz", "xz", "xy"]


def deformation(j, delta):
    """Deformation gradient F for Voigt strain component j (0-based) of magnitude delta.

    Normal strains: F = I + δ e_j⊗e_j. Shears are simple shears in the upper triangle (LAMMPS tilt
    factors, so the cell stays in the LAMMPS frame and the stress needs no rotation): yz → F_yz = δ,
    xz → F_xz = δ, xy → F_xy = δ. Their symmetric part is the engineering shear δ; the rotation they
    carry changes the stress only at second order about a stress-free cell, and central differences
    cancel the even orders.
    """
    f = np.eye(3)
    a, b = VOIGT[j]
    f[a, b] += delta
    return f


def voigt_stress(s):
    """Voigt vector of a symmetric 3×3 stress."""
    return np.array([s[a, b] for a, b in VOIGT])


def compliance(c):
    return np.linalg.inv(c)


def young_modulus(c, direction):
    """Young's modulus (GPa) for uniaxial stress along `direction` (Cartesian): 1/E = vᵀ S v with
    v = (n1², n2², n3², n2n3, n1n3, n1n2), which is n_i n_j n_k n_l S_ijkl for engineering-shear S."""
    n = np.asarray(direction, dtype=float)
    n = n / np.linalg.norm(n)
    v = np.array([n[0] ** 2, n[1] ** 2, n[2] ** 2, n[1] * n[2], n[0] * n[2], n[0] * n[1]])
    return 1.0 / (v @ compliance(c) @ v)


def lattice_direction(cell, uvw):
    """Cartesian vector of the lattice direction [uvw] = u a + v b + w c (cell rows = a, b, c)."""
    return np.asarray(uvw, dtype=float) @ np.asarray(cell, dtype=float)


def family(uvw):
    """The distinct directions of the cubic family <uvw> (signs and permutations, up to inversion)."""
    import itertools
    out = []
    for perm in set(itertools.permutations(uvw)):
        for signs in itertools.product((1, -1), repeat=3):
            d = tuple(s * p for s, p in zip(signs, perm))
            if tuple(-x for x in d) not in out and d not in out and any(d):
                out.append(d)
    return out


def vrh(c):
    """Voigt, Reuss and Hill bulk and shear moduli, Young's modulus and Poisson ratio (any symmetry)."""
    s = compliance(c)
    bv = (c[0, 0] + c[1, 1] + c[2, 2] + 2 * (c[0, 1] + c[0, 2] + c[1, 2])) / 9.0
    gv = (c[0, 0] + c[1, 1] + c[2, 2] - (c[0, 1] + c[0, 2] + c[1, 2]) + 3 * (c[3, 3] + c[4, 4] + c[5, 5])) / 15.0
    br = 1.0 / (s[0, 0] + s[1, 1] + s[2, 2] + 2 * (s[0, 1] + s[0, 2] + s[1, 2]))
    gr = 15.0 / (4 * (s[0, 0] + s[1, 1] + s[2, 2]) - 4 * (s[0, 1] + s[0, 2] + s[1, 2])
                 + 3 * (s[3, 3] + s[4, 4] + s[5, 5]))
    out = {"B_V": bv, "G_V": gv, "B_R": br, "G_R": gr, "B_H": (bv + br) / 2, "G_H": (gv + gr) / 2}
    b, g = out["B_H"], out["G_H"]
    out["E_H"] = 9 * b * g / (3 * b + g)
    out["nu_H"] = (3 * b - 2 * g) / (2 * (3 * b + g))
    return out


def tetragonal_average(c):
    """Projects a full 6×6 C onto tetragonal (4/mmm, c along z) symmetry by averaging equivalent
    entries: C11 = (C11+C22)/2, C13 = (C13+C23)/2, C44 = (C44+C55)/2; other entries set to 0."""
    t = np.zeros((6, 6))
    t[0, 0] = t[1, 1] = 0.5 * (c[0, 0] + c[1, 1])
    t[2, 2] = c[2, 2]
    t[0, 1] = t[1, 0] = c[0, 1]
    t[0, 2] = t[2, 0] = t[1, 2] = t[2, 1] = 0.25 * (c[0, 2] + c[2, 0] + c[1, 2] + c[2, 1])
    t[3, 3] = t[4, 4] = 0.5 * (c[3, 3] + c[4, 4])
    t[5, 5] = c[5, 5]
    return t


def directional_moduli(c, cell):
    """E along the lattice directions [100], [001], [110], [101], [111] of `cell` and the averages over
    the pseudo-cubic families <100>, <110>, <111> (all directions of each family, as lattice vectors)."""
    out = {}
    for uvw in [(1, 0, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (1, 1, 1)]:
        out["E[%d%d%d]" % uvw] = young_modulus(c, lattice_direction(cell, uvw))
    for fam in [(1, 0, 0), (1, 1, 0), (1, 1, 1)]:
        vals = [young_modulus(c, lattice_direction(cell, d)) for d in family(fam)]
        out["E<%d%d%d>" % fam] = float(np.mean(vals))
        out["E<%d%d%d>_spread" % fam] = float(np.max(vals) - np.min(vals))
    return out
