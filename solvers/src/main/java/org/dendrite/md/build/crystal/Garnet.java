package org.dendrite.md.build.crystal;

import java.util.List;

/**
 * Crystallographic data of garnet Li7La3Zr2O12 (LLZO), both polymorphs in one frame: ITA origin
 * choice 2 of I4₁/acd is a subgroup of Ia-3d with the same origin and axes, so the fixed sites of
 * the tetragonal cell (La 8b + 16e, Zr 16c, Li 8a) lie on (or, for La 16e, within 0.0024 in x of)
 * the cubic La 24c, Zr 16a and Li 24d.
 * Sources: {@code shared/notes/forcefields.md} §4.1–4.2 and [S25] there.
 */
public final class Garnet {
    private Garnet() {
    }

    /** Li per conventional cell (Z = 8 formula units of Li7La3Zr2O12). */
    public static final int LI_PER_CELL = 56;

    /**
     * Tetragonal lattice constants, Å: the DFT-relaxed cell of the pymatgen-written CIF
     * {@code examples/Li7La3Zr2O12.cif} in bjmorgan/hofmann (commit b28f60e; forcefields.md §4.2,
     * [S25]). Experiment (Awaka et al., J. Solid State Chem. 182, 2046 (2009): a ≈ 13.134,
     * c ≈ 12.663 Å) is UNCONFIRMED in the notes and is not the default.
     */
    public static final double TETRAGONAL_A_A = 13.23607;
    public static final double TETRAGONAL_C_A = 12.701706;

    /**
     * Cubic lattice constant, Å: the experimental value for cubic LLZO, a ≈ 12.97–12.98 Å (Awaka
     * 2011; Xie et al. 2011; Logéat et al. 2012), marked UNCONFIRMED in forcefields.md §4.1 (the
     * papers could not be read); the lower end of that range is used.
     */
    public static final double CUBIC_A_A = 12.97;

    /**
     * The tetragonal asymmetric unit in I4₁/acd origin choice 2. The CIF of [S25] is written in
     * origin choice 1 (its operations include −y, x+1/2, z+1/4); its coordinates were moved here by
     * x₂ = x₁ + (0, 1/4, 3/8) — the shift of forcefields.md §4.2 that puts the cell in the cubic
     * frame — and special positions were written in the ITA form of their Wyckoff letter.
     * {@code GarnetTest} checks that the expanded cell is the one ASE expands from the CIF in origin
     * choice 1 ({@code conf/structures/llzo-tetragonal-192.extxyz}) after this shift.
     */
    public static List<WyckoffSite> tetragonalSites() {
        return List.of(
                new WyckoffSite("Li1", "Li", "8a", 8, 0, 0.25, 0.375),
                new WyckoffSite("Li2", "Li", "16f", 16, 0.181211, 0.431211, 0.125),
                new WyckoffSite("Li3", "Li", "32g", 32, 0.0805155, 0.4124655, 0.3058565),
                new WyckoffSite("La1", "La", "8b", 8, 0, 0.25, 0.125),
                new WyckoffSite("La2", "La", "16e", 16, 0.12737, 0, 0.25),
                new WyckoffSite("Zr", "Zr", "16c", 16, 0, 0, 0),
                new WyckoffSite("O1", "O", "32g", 32, 0.034616, 0.944517, 0.846296),
                new WyckoffSite("O2", "O", "32g", 32, 0.054963, 0.352443, 0.465667),
                new WyckoffSite("O3", "O", "32g", 32, 0.150823, 0.473227, 0.946236));
    }

    /**
     * The fully occupied cubic sites in Ia-3d (forcefields.md §4.1): La 24c and Zr 16a are fixed
     * by symmetry; O 96h (−0.0319, 0.0547, 0.1507) is the notes' DFT-derived estimate (the
     * tetragonal O averaged over its cubic images), not an experimental refinement.
     */
    public static List<WyckoffSite> cubicFrameworkSites() {
        return List.of(
                new WyckoffSite("La", "La", "24c", 24, 0.125, 0, 0.25),
                new WyckoffSite("Zr", "Zr", "16a", 16, 0, 0, 0),
                new WyckoffSite("O", "O", "96h", 96, -0.0319, 0.0547, 0.1507));
    }

    /**
     * The Li sites of cubic LLZO, partly occupied: tetrahedral 24d (3/8, 0, 1/4) and the split
     * octahedral 96h. The 96h coordinate (0.1000, 0.6898, 0.5766) is derived here (OUR CALC, the
     * same recipe as the notes' O 96h): the 48 octahedral Li of the tetragonal cell (16f + 32g)
     * averaged over their nearest images under Ia-3d (spread 0.028 in fractional units);
     * {@code GarnetTest} recomputes it. It sits 0.3–0.4 Å off the 48g octahedron centre
     * (1/8, y, 1/4 − y), the displacement the diffraction refinements describe as the 96h split
     * site. No experimental 96h refinement could be read to compare with.
     */
    public static List<WyckoffSite> cubicLithiumSites() {
        return List.of(
                new WyckoffSite("Li_tet", "Li", "24d", 24, 0.375, 0, 0.25),
                new WyckoffSite("Li_oct", "Li", "96h", 96, 0.1000, 0.6898, 0.5766));
    }

    /** The ordered tetragonal cell (192 atoms, Li56 La24 Zr16 O96). */
    public static UnitCell tetragonal(double a, double c) {
        return UnitCell.generate(SpaceGroup.I41_ACD_ORIGIN2, a, a, c, tetragonalSites());
    }

    /** The cubic framework without Li (136 atoms, La24 Zr16 O96). */
    public static UnitCell cubicFramework(double a) {
        return UnitCell.generate(SpaceGroup.IA_3D, a, a, a, cubicFrameworkSites());
    }

    /** All 120 candidate Li sites of a cubic cell (24d first, then 96h). */
    public static UnitCell cubicLithiumSites(double a) {
        return UnitCell.generate(SpaceGroup.IA_3D, a, a, a, cubicLithiumSites());
    }

    /**
     * The ordered tetragonal Li arrangement on the cubic candidate sites: for each of the 56 Li of
     * the tetragonal cell (fractional coordinates, same frame), the index in {@code liSites} of the
     * nearest candidate site. 8a lands exactly on 24d; 16f and 32g land on 96h within 0.03 in
     * fractional units. Used as the start of the cubic Li sampler.
     *
     * @throws IllegalStateException if two tetragonal Li map onto one site
     */
    public static int[] orderedLithiumPattern(UnitCell liSites) {
        UnitCell t = tetragonal(1, 1);
        int[] pattern = new int[LI_PER_CELL];
        boolean[] used = new boolean[liSites.size()];
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!t.element(i).equals("Li")) {
                continue;
            }
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int s = 0; s < liSites.size(); s++) {
                double d2 = 0;
                for (int d = 0; d < 3; d++) {
                    double f = SymmetryOperation.wrapDifference(liSites.frac(s, d) - t.frac(i, d));
                    d2 += f * f;
                }
                if (d2 < bestD) {
                    bestD = d2;
                    best = s;
                }
            }
            if (used[best]) {
                throw new IllegalStateException("two tetragonal Li map onto cubic Li site " + best);
            }
            used[best] = true;
            pattern[n++] = best;
        }
        return pattern;
    }
}
