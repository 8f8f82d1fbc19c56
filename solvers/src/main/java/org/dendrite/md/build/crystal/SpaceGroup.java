package org.dendrite.md.build.crystal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A space group as the full list of its operations modulo lattice translations of the
 * conventional cell (general positions × centring translations), and the orbit of a point under
 * them. Only the groups the builders need are defined; their general positions are written out
 * from the International Tables for Crystallography, Vol. A (Aroyo ed., 2016), tables of space
 * groups 142 and 230, and were cross-checked against the listing of the Bilbao Crystallographic
 * Server (GENPOS) and cctbx's {@code explore_symmetry} for Ia-3d (Hall symbol −I 4bd 2c 3).
 * {@code SpaceGroupTest} checks that each list is closed under composition, which catches a
 * mistyped operation.
 */
public final class SpaceGroup {
    /** Fractional distance below which two images of a point are the same atom. */
    public static final double MERGE_TOLERANCE = 1e-5;

    private static final double[][] I_CENTRING = {{0, 0, 0}, {0.5, 0.5, 0.5}};

    /**
     * I4₁/acd (No. 142), origin choice 2 (origin at a centre of symmetry −1): ITA general position 32g, coordinates (1)–(16), plus the I-centring (1/2, 1/2, 1/2).
     * In this setting the group is a subgroup of Ia-3d (below) with the same origin and axes,
     * which is why tetragonal and cubic LLZO share their fixed coordinates.
     */
    public static final SpaceGroup I41_ACD_ORIGIN2 = of("I4_1/acd", 142, "origin choice 2", I_CENTRING,
            "x,y,z", "-x+1/2,-y,z+1/2", "-y+1/4,x+3/4,z+1/4", "y+1/4,-x+1/4,z+3/4",
            "-x+1/2,y,-z", "x,-y,-z+1/2", "y+1/4,x+3/4,-z+3/4", "-y+1/4,-x+1/4,-z+1/4",
            "-x,-y,-z", "x+1/2,y,-z+1/2", "y+3/4,-x+1/4,-z+3/4", "-y+3/4,x+3/4,-z+1/4",
            "x+1/2,-y,z", "-x,y,z+1/2", "-y+3/4,-x+1/4,z+1/4", "y+3/4,x+3/4,z+3/4");

    /**
     * Ia-3d (No. 230; ITA gives a single origin, at the centre −3 of 16a): general position 96h,
     * coordinates (1)–(48), plus the I-centring. (25)–(48) are (1)–(24) preceded by the inversion.
     */
    public static final SpaceGroup IA_3D = of("Ia-3d", 230, "origin at -3", I_CENTRING,
            "x,y,z", "-x+1/2,-y,z+1/2", "-x,y+1/2,-z+1/2", "x+1/2,-y+1/2,-z",
            "z,x,y", "z+1/2,-x+1/2,-y", "-z+1/2,-x,y+1/2", "-z,x+1/2,-y+1/2",
            "y,z,x", "-y,z+1/2,-x+1/2", "y+1/2,-z+1/2,-x", "-y+1/2,-z,x+1/2",
            "y+3/4,x+1/4,-z+1/4", "-y+3/4,-x+3/4,-z+3/4", "y+1/4,-x+1/4,z+3/4", "-y+1/4,x+3/4,z+1/4",
            "x+3/4,z+1/4,-y+1/4", "-x+1/4,z+3/4,y+1/4", "-x+3/4,-z+3/4,-y+3/4", "x+1/4,-z+1/4,y+3/4",
            "z+3/4,y+1/4,-x+1/4", "z+1/4,-y+1/4,x+3/4", "-z+1/4,y+3/4,x+1/4", "-z+3/4,-y+3/4,-x+3/4",
            "-x,-y,-z", "x+1/2,y,-z+1/2", "x,-y+1/2,z+1/2", "-x+1/2,y+1/2,z",
            "-z,-x,-y", "-z+1/2,x+1/2,y", "z+1/2,x,-y+1/2", "z,-x+1/2,y+1/2",
            "-y,-z,-x", "y,-z+1/2,x+1/2", "-y+1/2,z+1/2,x", "y+1/2,z,-x+1/2",
            "-y+1/4,-x+3/4,z+3/4", "y+1/4,x+1/4,z+1/4", "-y+3/4,x+3/4,-z+1/4", "y+3/4,-x+1/4,-z+3/4",
            "-x+1/4,-z+3/4,y+3/4", "x+3/4,-z+1/4,-y+3/4", "x+1/4,z+1/4,y+1/4", "-x+3/4,z+3/4,-y+1/4",
            "-z+1/4,-y+3/4,x+3/4", "-z+3/4,y+3/4,-x+1/4", "z+3/4,-y+1/4,-x+3/4", "z+1/4,y+1/4,x+1/4");

    private final String symbol;
    private final int number;
    private final String setting;
    private final List<SymmetryOperation> operations;

    private SpaceGroup(String symbol, int number, String setting, List<SymmetryOperation> operations) {
        this.symbol = symbol;
        this.number = number;
        this.setting = setting;
        this.operations = Collections.unmodifiableList(operations);
    }

    /** A group from its general positions (one coset representative each) and centring vectors. */
    public static SpaceGroup of(String symbol, int number, String setting, double[][] centring, String... generalPositions) {
        List<SymmetryOperation> ops = new ArrayList<>();
        for (double[] c : centring) {
            for (String g : generalPositions) {
                ops.add(SymmetryOperation.parse(g).plus(c));
            }
        }
        return new SpaceGroup(symbol, number, setting, ops);
    }

    public String symbol() {
        return symbol;
    }

    public int number() {
        return number;
    }

    public String setting() {
        return setting;
    }

    /** All operations of the conventional cell, centring included (32 for 142, 96 for 230). */
    public List<SymmetryOperation> operations() {
        return operations;
    }

    /**
     * The distinct images of a point in the conventional cell, each reduced to [0, 1): images whose
     * minimum-image fractional distance is below {@code tol} are one atom (a special position has
     * fewer images than the group has operations). Order: first appearance in operation order.
     */
    public List<double[]> orbit(double x, double y, double z, double tol) {
        List<double[]> out = new ArrayList<>();
        double[] p = {x, y, z};
        for (SymmetryOperation op : operations) {
            double[] q = new double[3];
            op.apply(p, q);
            boolean dup = false;
            for (double[] r : out) {
                double dx = SymmetryOperation.wrapDifference(q[0] - r[0]);
                double dy = SymmetryOperation.wrapDifference(q[1] - r[1]);
                double dz = SymmetryOperation.wrapDifference(q[2] - r[2]);
                if (dx * dx + dy * dy + dz * dz < tol * tol) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                out.add(q);
            }
        }
        return out;
    }

    /** Whether every product of two operations is again an operation (modulo lattice translations). */
    public boolean isClosed() {
        for (SymmetryOperation a : operations) {
            for (SymmetryOperation b : operations) {
                SymmetryOperation ab = a.compose(b);
                boolean found = false;
                for (SymmetryOperation c : operations) {
                    if (c.sameAs(ab, 1e-9)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return symbol + " (No. " + number + ", " + setting + ")";
    }
}
