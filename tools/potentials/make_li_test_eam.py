#!/usr/bin/env python3
"""Tabulate a simple analytic Li-like EAM into setfl (eam/alloy) and Finnis-Sinclair (eam/fs) files.

TEST POTENTIALS FOR CODE VERIFICATION ONLY -- not fitted Li models. Debian's lammps-data ships no
Li EAM file (shared/notes/forcefields.md section 2.1), so the EAM reader, interpolation and the
LAMMPS parity tests need a file we can regenerate. The functional form is smooth and Li-like in
scale (bcc, a ~ 3.5 A, cohesive energy of order 1.6 eV), nothing more:

  rho_X(r)  = f_X * exp(-beta_X * (r/re - 1)) * psi((rc - r)/h)
  phi_XY(r) = D_XY * (exp(-2 a_XY (r - r0_XY)) - 2 exp(-a_XY (r - r0_XY))) * psi((rc - r)/h)
  F_X(rho)  = F0_X * ((rho/rhoe_X)^2 - 2 rho/rhoe_X)            (minimum -F0_X at rho = rhoe_X)
  psi(x)    = x^4 / (1 + x^4) for x > 0, else 0                  (smooth cut-off, as Zhou et al. 2004)

Usage: python3 tools/potentials/make_li_test_eam.py [output_dir]   (default conf/forcefields)
Writes Li-test.eam.alloy (one element) and LiX-test.eam.fs (Li and a fictitious heavier 'X' with
asymmetric density blocks, so that the eam/fs index mapping is exercised).
"""
import math
import os
import sys

RC = 5.5      # cut-off, A
H = 0.5       # smoothing width, A
NR = 5000
DR = RC / (NR - 1) * 0.9998   # r_k = k*dr, last point just inside the cut-off
NRHO = 5000
RE = 3.04     # Li nearest-neighbour distance in bcc (a = 3.51 A), A


def psi(x):
    if x <= 0.0:
        return 0.0
    x4 = x ** 4
    return x4 / (1.0 + x4)


def density(f, beta):
    return lambda r: f * math.exp(-beta * (r / RE - 1.0)) * psi((RC - r) / H)


def pair(d, a, r0):
    return lambda r: d * (math.exp(-2.0 * a * (r - r0)) - 2.0 * math.exp(-a * (r - r0))) * psi((RC - r) / H)


def embedding(f0, rhoe):
    return lambda rho: f0 * ((rho / rhoe) ** 2 - 2.0 * rho / rhoe)


def bcc_density(rho_fn, a=3.51):
    """Host density at an atom of a perfect bcc lattice (for choosing rhoe and the rho grid)."""
    total = 0.0
    n = int(RC / a) + 2
    for i in range(-n, n + 1):
        for j in range(-n, n + 1):
            for k in range(-n, n + 1):
                for b in ((0.0, 0.0, 0.0), (0.5, 0.5, 0.5)):
                    x, y, z = (i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a
                    r = math.sqrt(x * x + y * y + z * z)
                    if 0.0 < r < RC:
                        total += rho_fn(r)
    return total


def fmt_values(values, per_line=5):
    lines = []
    for i in range(0, len(values), per_line):
        lines.append(" ".join("%.16e" % v for v in values[i:i + per_line]))
    return "\n".join(lines)


HEADER = ("TEST POTENTIAL for code verification only -- NOT a fitted Li model (dendrite, "
          "tools/potentials/make_li_test_eam.py)")


def write(path, elements, masses, lattice, rho_fns, phi_fns, f_fns, rhomax, fs):
    drho = rhomax / (NRHO - 1)
    rs = [k * DR for k in range(NR)]
    rhos = [k * drho for k in range(NRHO)]
    out = [HEADER,
           "Analytic Morse pair + exponential density + quadratic embedding, smooth cut-off %.2f A" % RC,
           "DATE: generated UNITS: metal CONTRIBUTOR: dendrite tests CITATION: none (test potential)",
           "%d %s" % (len(elements), " ".join(elements)),
           "%d %.16e %d %.16e %.16e" % (NRHO, drho, NR, DR, RC)]
    for i, el in enumerate(elements):
        out.append("%d %.4f %.4f %s" % (3 if el == "Li" else 11, masses[i], lattice[i], "bcc"))
        out.append(fmt_values([f_fns[i](rho) for rho in rhos]))
        if fs:
            for j in range(len(elements)):
                out.append(fmt_values([rho_fns[i][j](r) for r in rs]))
        else:
            out.append(fmt_values([rho_fns[i](r) for r in rs]))
    for i in range(len(elements)):
        for j in range(i + 1):
            out.append(fmt_values([r * phi_fns[(i, j)](r) for r in rs]))
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "conf", "forcefields")
    rho_li = density(0.1, 3.0)
    rhoe_li = bcc_density(rho_li)
    phi_li = pair(0.05, 1.0, 3.2)
    f_li = embedding(1.4, rhoe_li)
    write(os.path.join(outdir, "Li-test.eam.alloy"), ["Li"], [6.941], [3.51],
          [rho_li], {(0, 0): phi_li}, [f_li], 3.0 * rhoe_li, fs=False)

    # Two-element Finnis-Sinclair file: block [i][j] is the density an atom of element i gives to
    # an atom of element j (LAMMPS type2rhor), deliberately asymmetric.
    rho_xx = density(0.16, 3.5)
    rho_li_x = density(0.07, 2.5)
    rho_x_li = density(0.13, 3.3)
    rhoe_x = bcc_density(rho_xx)
    f_x = embedding(2.0, rhoe_x)
    phi_xx = pair(0.08, 1.2, 3.4)
    phi_xli = pair(0.06, 1.1, 3.3)
    write(os.path.join(outdir, "LiX-test.eam.fs"), ["Li", "X"], [6.941, 22.99], [3.51, 4.0],
          [[rho_li, rho_li_x], [rho_x_li, rho_xx]], {(0, 0): phi_li, (1, 0): phi_xli, (1, 1): phi_xx},
          [f_li, f_x], 3.0 * max(rhoe_li, rhoe_x), fs=True)


if __name__ == "__main__":
    main()
