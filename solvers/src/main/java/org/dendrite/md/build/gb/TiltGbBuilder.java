package org.dendrite.md.build.gb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilder;
import org.dendrite.md.build.StructureBuilders;

/**
 * {@code type: tilt-gb}: a symmetric tilt bicrystal (the [100], [110] and [210] boundaries of seed
 * 001) in a periodic orthorhombic cell: x along the tilt axis, z along the boundary normal, grain A
 * (tag 0) in 0 ≤ z &lt; t_A, grain B (tag 1) in t_A ≤ z &lt; t_A + t_B, so the cell holds two
 * boundaries, at z = t_A and at z = 0 (≡ L_z, B against the periodic image of A).
 *
 * <p>The boundary comes from {@link SymmetricTilts} (Σ or tilt angle, and {@code plane} to choose
 * among boundaries of one Σ); the grains from {@link OrientedCrystal}: grain A has the axis along x
 * and its in-boundary direction t along y, grain B the axis along x and t′ along y. The cell is
 * nx·P_x × ny·P_y in the boundary plane, where P_x, P_y are the lattice periods along the axis and
 * t (the same in both grains, so the cell is exactly periodic; for a cubic lattice they are the CSL
 * periods in the boundary plane). Each grain is cut at z0 = {@code cut_offset_A} to thickness
 * {@code grain_thickness_A}, rounded up to whole periods along z when z is a lattice direction
 * (cubic lattices), so that both boundaries see the same terminations.
 *
 * <p><b>Non-cubic grains</b> (tetragonal LLZO): the grains are built with the same indices. The cell
 * is still exactly periodic and unstrained (t and t′ have equal lengths in any orthogonal lattice),
 * but when the lattice constants in the tilt plane differ the rotation taking A to B is no longer a
 * coincidence rotation: Σ is then nominal (that of the cubic lattice with the same indices), the
 * actual misorientation differs from the cubic angle and is reported as {@code tilt_angle_deg}, z
 * is not a lattice direction (grains cut at exactly grain_thickness_A), and a note says so.
 * About [001] a tetragonal lattice is square in the tilt plane and the CSL is exact.
 */
public final class TiltGbBuilder implements StructureBuilder {

    @Override
    public AtomicModel build(Params p, BuildContext ctx) {
        Params grainP = p.child("grain");
        int[] axis = Indices.require(p, "axis");
        boolean hasSigma = p.has("sigma");
        boolean hasAngle = p.has("tilt_angle_deg");
        if (hasSigma == hasAngle) {
            throw new ParamException(p.pathOf(hasSigma ? "tilt_angle_deg" : "sigma"),
                    "give exactly one of sigma and tilt_angle_deg");
        }
        long sigmaWanted = hasSigma ? p.requireLong("sigma") : 0;
        double angleWanted = hasAngle ? p.requireDouble("tilt_angle_deg") : Double.NaN;
        int[] plane = Indices.read(p, "plane");
        double angleTol = p.getPositive("angle_tolerance_deg", 0.05);
        int maxSigma = p.getInt("max_sigma", SymmetricTilts.LIST_LIMIT);
        int[] repeat = GbKeys.repeat(p);
        double thickness = p.getPositive("grain_thickness_A", 20.0);
        double[] translation = p.getDoubles("translation_A", 2);
        if (translation == null) {
            translation = new double[2];
        }
        double cutOffset = p.getDouble("cut_offset_A", 0.0);
        BoundaryCleanup.Settings cleanup = BoundaryCleanup.read(p);

        if (!SymmetricTilts.supports(axis)) {
            throw new ParamException(p.pathOf("axis"), "unsupported tilt axis [" + OrientedCrystal.indices(axis)
                    + "] (supported: " + String.join(", ", SymmetricTilts.supportedAxes()) + ")");
        }
        if (maxSigma < 3 || maxSigma > 999) {
            throw new ParamException(p.pathOf("max_sigma"), "must be from 3 to 999, got " + maxSigma);
        }
        SymmetricTilts.Boundary gb = hasSigma
                ? bySigma(p, axis, sigmaWanted, plane)
                : byAngle(p, axis, angleWanted, angleTol, maxSigma, plane);

        AtomicModel grain = StructureBuilders.build(grainP, ctx);
        p.finish();
        OrientedCrystal crystal = GbKeys.lattice(grain, p);
        OrientedCrystal.Orientation oa;
        OrientedCrystal.Orientation ob;
        try {
            oa = crystal.orient(gb.axis(), gb.yA());
            ob = crystal.orient(gb.axis(), gb.yB());
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("axis"), e.getMessage());
        }
        double px = oa.periodX();
        double py = Math.max(oa.periodY(), ob.periodY());
        double lx = repeat[0] * px;
        double ly = repeat[1] * py;
        double ta = grainThickness(oa, thickness);
        double tb = grainThickness(ob, thickness);

        AtomicModel a = oa.slab(lx, ly, cutOffset, ta, oa.zIsLattice(), 0);
        AtomicModel b = ob.slab(lx, ly, cutOffset, tb, ob.zIsLattice(), 1);
        AtomicModel m = new AtomicModel(Box.orthorhombic(lx, ly, ta + tb));
        for (int i = 0; i < a.size(); i++) {
            m.add(a.element(i), a.x(i, 0), a.x(i, 1), a.x(i, 2), 0);
        }
        for (int i = 0; i < b.size(); i++) {
            m.add(b.element(i), b.x(i, 0) + translation[0], b.x(i, 1) + translation[1], b.x(i, 2) + ta, 1);
        }
        m.wrapAll();

        double[] ya = crystal.cartesian(toDouble(gb.yA()));
        double[] yb = crystal.cartesian(toDouble(gb.yB()));
        double actual = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1,
                (ya[0] * yb[0] + ya[1] * yb[1] + ya[2] * yb[2]) / (OrientedCrystal.norm(ya) * OrientedCrystal.norm(yb))))));
        boolean exact = Math.abs(actual - gb.angleDeg()) < 1e-7;

        String step = p.path();
        ctx.report().put(step, "axis", "[" + OrientedCrystal.indices(gb.axis()) + "]");
        ctx.report().put(step, "sigma", gb.sigma());
        ctx.report().put(step, "csl_exact", exact);
        ctx.report().put(step, "csl_angle_deg", gb.angleDeg());
        ctx.report().put(step, "tilt_angle_deg", actual);
        ctx.report().put(step, "boundary_plane_A", "(" + OrientedCrystal.indices(gb.planeA()) + ")");
        ctx.report().put(step, "boundary_plane_B", "(" + OrientedCrystal.indices(gb.planeB()) + ")");
        ctx.report().put(step, "y_direction_A", "[" + OrientedCrystal.indices(gb.yA()) + "]");
        ctx.report().put(step, "y_direction_B", "[" + OrientedCrystal.indices(gb.yB()) + "]");
        ctx.report().put(step, "lattice_centring", crystal.centring());
        ctx.report().put(step, "period_x_A", px);
        ctx.report().put(step, "period_y_A", py);
        ctx.report().put(step, "grain_A_thickness_A", ta);
        ctx.report().put(step, "grain_B_thickness_A", tb);
        ctx.report().put(step, "cell_A", String.format(Locale.ROOT, "%.6f %.6f %.6f", lx, ly, ta + tb));
        ctx.report().put(step, "boundary_z_A", String.format(Locale.ROOT, "%.6f %.6f", 0.0, ta));
        ctx.report().note(step, String.format(Locale.ROOT, "symmetric tilt %s about [%s]; planes (%s) | (%s)",
                gb.describe(), OrientedCrystal.indices(gb.axis()), OrientedCrystal.indices(gb.planeA()),
                OrientedCrystal.indices(gb.planeB())));
        if (!exact) {
            ctx.report().note(step, String.format(Locale.ROOT, "the grain lattice is not cubic in the tilt plane "
                    + "(a=%.6g b=%.6g c=%.6g Å): Σ%d is nominal (the cubic Σ of these indices), the actual "
                    + "misorientation is %.4f° instead of %.4f°, the cell is periodic and unstrained, and the two "
                    + "boundaries are cut at different depths of the lattice", crystal.latticeConstants()[0],
                    crystal.latticeConstants()[1], crystal.latticeConstants()[2], gb.sigma(), actual, gb.angleDeg()));
        }
        BoundaryCleanup.apply(m, new double[] {ta, 0.0}, cleanup, crystal.motifComposition(), p, ctx);
        return m;
    }

    private static double grainThickness(OrientedCrystal.Orientation o, double thickness) {
        if (!o.zIsLattice()) {
            return thickness;
        }
        double pz = o.periodZ();
        return Math.max(1, Math.ceil(thickness / pz - 1e-9)) * pz;
    }

    private static double[] toDouble(int[] v) {
        return new double[] {v[0], v[1], v[2]};
    }

    private static SymmetricTilts.Boundary bySigma(Params p, int[] axis, long sigma, int[] plane) {
        if (sigma < 3 || sigma > 999) {
            throw new ParamException(p.pathOf("sigma"), "must be from 3 to 999, got " + sigma);
        }
        List<SymmetricTilts.Boundary> all = SymmetricTilts.list(axis, (int) Math.max(sigma, SymmetricTilts.LIST_LIMIT));
        List<SymmetricTilts.Boundary> match = new ArrayList<>();
        for (SymmetricTilts.Boundary b : all) {
            if (b.sigma() == sigma) {
                match.add(b);
            }
        }
        if (match.isEmpty()) {
            throw new ParamException(p.pathOf("sigma"), "Σ" + sigma + " has no symmetric tilt boundary about ["
                    + OrientedCrystal.indices(axis) + "]; valid Σ ≤ " + SymmetricTilts.LIST_LIMIT + ": "
                    + sigmaList(all));
        }
        return choosePlane(p, match, plane);
    }

    private static SymmetricTilts.Boundary byAngle(Params p, int[] axis, double angle, double tol, int maxSigma,
                                                   int[] plane) {
        List<SymmetricTilts.Boundary> all = SymmetricTilts.list(axis, maxSigma);
        boolean fourFold = axis[0] + axis[1] + axis[2] == 1;
        List<SymmetricTilts.Boundary> match = new ArrayList<>();
        for (SymmetricTilts.Boundary b : all) {
            double d = Math.abs(b.angleDeg() - angle);
            if (fourFold) {
                // about a four-fold axis 180° − θ is the same boundary
                d = Math.min(d, Math.abs(180 - b.angleDeg() - angle));
            }
            if (d <= tol) {
                match.add(b);
            }
        }
        if (match.isEmpty()) {
            throw new ParamException(p.pathOf("tilt_angle_deg"), String.format(Locale.ROOT,
                    "%.4f° is not a CSL symmetric tilt angle about [%s] within %.3g° for Σ ≤ %d; valid: %s", angle,
                    OrientedCrystal.indices(axis), tol, maxSigma,
                    angleList(SymmetricTilts.list(axis, Math.min(maxSigma, SymmetricTilts.LIST_LIMIT)))));
        }
        return choosePlane(p, match, plane);
    }

    private static SymmetricTilts.Boundary choosePlane(Params p, List<SymmetricTilts.Boundary> match, int[] plane) {
        if (plane == null) {
            return match.get(0);
        }
        int[] fam = Indices.family(plane);
        for (SymmetricTilts.Boundary b : match) {
            if (java.util.Arrays.equals(fam, Indices.family(b.planeA()))) {
                return b;
            }
        }
        List<String> options = new ArrayList<>();
        for (SymmetricTilts.Boundary b : match) {
            options.add(b.describe());
        }
        throw new ParamException(p.pathOf("plane"), "(" + OrientedCrystal.indices(plane)
                + ") is not the boundary plane of any of: " + String.join(", ", options));
    }

    private static String sigmaList(List<SymmetricTilts.Boundary> all) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (SymmetricTilts.Boundary b : all) {
            if (b.sigma() <= SymmetricTilts.LIST_LIMIT) {
                s.add(b.sigma());
            }
        }
        return s.toString().replaceAll("[\\[\\]]", "");
    }

    private static String angleList(List<SymmetricTilts.Boundary> all) {
        List<String> out = new ArrayList<>();
        for (SymmetricTilts.Boundary b : all) {
            out.add(b.describe());
        }
        return String.join(", ", out);
    }
}
