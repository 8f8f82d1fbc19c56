package org.dendrite.md.build.crystal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.md.io.Elements;

/**
 * The atoms of one orthogonal conventional cell (edges a, b, c in Å) as element names and
 * fractional coordinates in [0, 1), with the index of the site each atom came from. Made from a
 * space group and Wyckoff sites by {@link #generate}, or listed directly for the cubic lattices.
 */
public final class UnitCell {
    /** Grams per cm³ of one amu per Å³: the atomic mass constant 1.66053906660e−24 g (CODATA 2018) over 1e−24 cm³. */
    public static final double G_PER_CM3_PER_AMU_PER_A3 = 1.66053906660;

    private final double a;
    private final double b;
    private final double c;
    private final List<String> element = new ArrayList<>();
    private final List<double[]> frac = new ArrayList<>();
    private final List<Integer> site = new ArrayList<>();

    public UnitCell(double a, double b, double c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /**
     * Expands every site by the group's operations, merging images closer than
     * {@link SpaceGroup#MERGE_TOLERANCE}; the atoms come site by site in list order.
     *
     * @throws IllegalStateException if a site's orbit does not have its stated multiplicity
     *         (a wrong coordinate or a wrong operation list)
     */
    public static UnitCell generate(SpaceGroup g, double a, double b, double c, List<WyckoffSite> sites) {
        UnitCell cell = new UnitCell(a, b, c);
        for (int s = 0; s < sites.size(); s++) {
            WyckoffSite w = sites.get(s);
            List<double[]> orbit = g.orbit(w.x(), w.y(), w.z(), SpaceGroup.MERGE_TOLERANCE);
            if (orbit.size() != w.multiplicity()) {
                throw new IllegalStateException(g + ": site " + w.label() + " (" + w.wyckoff() + ") generates "
                        + orbit.size() + " atoms, expected " + w.multiplicity());
            }
            for (double[] q : orbit) {
                cell.add(w.element(), q[0], q[1], q[2], s);
            }
        }
        return cell;
    }

    /** Adds an atom at fractional coordinates (reduced to [0, 1)). */
    public void add(String el, double fx, double fy, double fz, int siteIndex) {
        element.add(el);
        frac.add(new double[] {SymmetryOperation.reduce(fx), SymmetryOperation.reduce(fy), SymmetryOperation.reduce(fz)});
        site.add(siteIndex);
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    public double c() {
        return c;
    }

    public int size() {
        return element.size();
    }

    public String element(int i) {
        return element.get(i);
    }

    /** Fractional coordinate d (0, 1, 2) of atom i. */
    public double frac(int i, int d) {
        return frac.get(i)[d];
    }

    /** Index of the site (in the list given to {@link #generate}) that atom i came from. */
    public int site(int i) {
        return site.get(i);
    }

    public double volume() {
        return a * b * c;
    }

    /** Number of atoms per element, in order of first appearance. */
    public Map<String, Integer> composition() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String e : element) {
            m.merge(e, 1, Integer::sum);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Mass density from IUPAC standard atomic weights ({@link Elements#mass}) over the cell volume, g/cm³. */
    public double densityGPerCm3() {
        double m = 0;
        for (String e : element) {
            m += Elements.mass(e);
        }
        return m / volume() * G_PER_CM3_PER_AMU_PER_A3;
    }
}
