package org.dendrite.md;

/**
 * Arithmetic that gives the same bits however the atoms are split over domains and threads, so a
 * decomposed run follows the one-domain trajectory exactly instead of drifting away from it by an
 * ulp per step (which MD's chaos amplifies to 1e-8 Å within a thousand steps). Two sources of
 * difference are removed:
 * <ol>
 *   <li><b>Images.</b> A pair across the periodic boundary is evaluated either as x_i − (x_j + L) or
 *       as (x_i − L) − x_j, depending on which domain owns it; both round differently unless adding
 *       a cell vector is exact. Positions and cell parameters are therefore kept on a binary lattice
 *       ({@link #latticeSpacing}) whose spacing is the ulp of four times the largest coordinate
 *       extent (about 1e-13 Å for a 50 Å cell): every coordinate, image and difference is then a
 *       multiple of the spacing below 2^53 spacings, and adding or subtracting them is exact.</li>
 *   <li><b>Order.</b> Pair force components are rounded to multiples of 2^-40 eV/Å ({@link
 *       #roundForce}), so adding them up is exact as long as a per-atom sum stays below 2^13 eV/Å,
 *       and the sum is the same in any order. Newton's third law stays exact because the rounding is
 *       symmetric (round half to even): the contribution to j is exactly minus that to i. Per-atom
 *       densities of many-body styles are rounded likewise ({@link #roundDensity}, 2^-44, exact
 *       below 2^9). Global sums use {@link ExactSum}. Beyond those magnitudes (pair forces above
 *       2048 eV/Å, overlapping atoms) the rounding is merely coarser: still accurate, no longer
 *       order-free.</li>
 * </ol>
 * The roundings are far below what a force field resolves and change no physics; they show only in
 * comparisons at 1e-11 relative (a virial summed over 10^4 pairs moves by ~1e-10 relative).
 */
public final class InvariantArithmetic {
    /** (v + R) − R rounds v to a multiple of 2^-40 when |v| < 2^11: R's ulp is 2^-40. */
    private static final double FORCE_ROUNDER = 1.5 * 0x1p12;
    /** The same for densities, 2^-44 when |v| < 2^7: finer, since F(ρ) turns a density error into energy. */
    private static final double DENSITY_ROUNDER = 1.5 * 0x1p8;

    private InvariantArithmetic() {
    }

    /** A pair force component rounded to a multiple of 2^-40 eV/Å (≈ 9e-13), half to even. */
    public static double roundForce(double v) {
        return (v + FORCE_ROUNDER) - FORCE_ROUNDER;
    }

    /** A many-body density contribution rounded to a multiple of 2^-44 (≈ 6e-14), half to even. */
    public static double roundDensity(double v) {
        return (v + DENSITY_ROUNDER) - DENSITY_ROUNDER;
    }

    /**
     * Lattice spacing, Å, for a cell and the reach of ghosts beyond it: a power of two such that every
     * coordinate of an atom or image (within 4× the extent of the cell plus reach) is a multiple of it
     * below 2^52 multiples, so sums and differences of such coordinates are exact.
     */
    public static double latticeSpacing(Box box, double reach) {
        double lo = Math.max(Math.abs(box.xlo()), Math.max(Math.abs(box.ylo()), Math.abs(box.zlo())));
        double extent = lo + box.lx() + box.ly() + box.lz()
                + Math.abs(box.xy()) + Math.abs(box.xz()) + Math.abs(box.yz()) + reach;
        return Math.scalb(1.0, Math.getExponent(4 * extent) + 1 - 52);
    }

    /** v rounded to the nearest multiple of a power-of-two {@code spacing}. */
    public static double snap(double v, double spacing) {
        return Math.rint(v / spacing) * spacing;
    }

    /**
     * Puts the cell and the first {@code n} positions (3 per atom) on the lattice of {@link
     * #latticeSpacing}. Done before any wrapping into the cell, so that the wrap (adding a cell
     * vector) is exact and gives the same bits wherever it happens. Returns the spacing.
     */
    public static double snap(double[] x, int n, Box box, double reach) {
        double spacing = latticeSpacing(box, reach);
        box.snap(spacing);
        snapPositions(x, n, spacing);
        return spacing;
    }

    /** Puts the first {@code n} positions (3 per atom) on the lattice. */
    public static void snapPositions(double[] x, int n, double spacing) {
        double inv = 1.0 / spacing;
        for (int k = 0; k < 3 * n; k++) {
            x[k] = Math.rint(x[k] * inv) * spacing;
        }
    }
}
