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
 * {@code type: mirror-gb}: a crystal cut parallel to a (100), (001), (110) or (111) plane and joined
 * to its mirror image, the mirror plane passing through an atom layer of one element — seed 000's
 * (110) boundary "mirrored ... with Zr and La atoms as the central reference points" (§4.3) and its
 * Li-, La- and Zr-enriched (111) interfaces (§4.5: "selecting different elements as the symmetry
 * axis").
 *
 * <p>Geometry: grain A is the crystal oriented with in-plane lattice directions along x and y
 * ((100): [010], [001]; (001): [100], [010]; (110): [001], [1̄10]... written [0 0 1], [1 -1 0];
 * (111): [1 -1 0], [1 1 -2]) and the plane normal along z. The first mirror plane z_c is the
 * {@code layer}-th distinct height (from 0, within one period along z) of a {@code center_on} atom;
 * grain A spans z_c ≤ z ≤ z_c + t, where t is {@code grain_thickness_A} rounded up to whole periods
 * along z (so the second mirror plane, at z_c + t, passes through an equivalent layer of the same
 * element), or, if z is not a lattice direction (tetragonal (111)), the height of the
 * {@code center_on} atom nearest z_c + grain_thickness_A. Grain B (tag 1) is the image of A's atoms
 * strictly between the planes under z → 2z_c − z; atoms on a mirror plane are their own images and
 * appear once, in grain A (tag 0). The cell is nx·P_x × ny·P_y × 2t, periodic, with the two mirror
 * planes at z = t and z = 0 (≡ 2t).
 *
 * <p>Atoms of other elements that lie close to (but not on) a mirror plane come back as close pairs;
 * {@code overlap_A} removal, neutrality and the report then follow {@link BoundaryCleanup}.
 */
public final class MirrorGbBuilder implements StructureBuilder {
    private static final int[][][] PLANES = {
        {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},
        {{1, 1, 0}, {0, 0, 1}, {1, -1, 0}},
        {{1, 1, 1}, {1, -1, 0}, {1, 1, -2}},
    };
    /** Heights closer than this (Å) are one layer. */
    private static final double LAYER_TOL_A = 1e-3;

    @Override
    public AtomicModel build(Params p, BuildContext ctx) {
        Params grainP = p.child("grain");
        int[] plane = Indices.require(p, "plane");
        String center = p.requireString("center_on");
        int layer = p.getInt("layer", 0);
        int[] repeat = GbKeys.repeat(p);
        double thickness = p.getPositive("grain_thickness_A", 20.0);
        BoundaryCleanup.Settings cleanup = BoundaryCleanup.read(p);
        int[][] dirs = null;
        List<String> supported = new ArrayList<>();
        for (int[][] pl : PLANES) {
            supported.add("(" + OrientedCrystal.indices(pl[0]) + ")");
            if (java.util.Arrays.equals(pl[0], plane)) {
                dirs = pl;
            }
        }
        if (dirs == null) {
            throw new ParamException(p.pathOf("plane"), "unsupported mirror plane (" + OrientedCrystal.indices(plane)
                    + ") (supported: " + String.join(", ", supported) + ")");
        }
        if (layer < 0) {
            throw new ParamException(p.pathOf("layer"), "must be >= 0, got " + layer);
        }
        AtomicModel grain = StructureBuilders.build(grainP, ctx);
        p.finish();
        OrientedCrystal crystal = GbKeys.lattice(grain, p);
        if (!crystal.motifComposition().containsKey(center)) {
            throw new ParamException(p.pathOf("center_on"), "element '" + center + "' is not in the grain (it has "
                    + String.join(", ", crystal.motifComposition().keySet()) + ")");
        }
        OrientedCrystal.Orientation o;
        try {
            o = crystal.orient(dirs[1], dirs[2]);
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("plane"), e.getMessage());
        }
        double lx = repeat[0] * o.periodX();
        double ly = repeat[1] * o.periodY();

        // heights of the center_on element within one period along z (or, when z is not a lattice
        // direction, within the lowest max(t/4, 5 Å))
        double scan = o.zIsLattice() ? o.periodZ() : Math.max(thickness / 4, 5.0);
        AtomicModel probe = o.slab(lx, ly, 0, scan, o.zIsLattice(), -1);
        List<Double> heights = new ArrayList<>();
        for (int i = 0; i < probe.size(); i++) {
            if (probe.element(i).equals(center)) {
                heights.add(probe.x(i, 2));
            }
        }
        List<Double> layers = distinct(heights);
        if (layer >= layers.size()) {
            throw new ParamException(p.pathOf("layer"), "there are " + layers.size() + " distinct " + center
                    + " layers in " + String.format(Locale.ROOT, "%.4f", scan) + " Å along the normal; layer must be < "
                    + layers.size());
        }
        double zc = layers.get(layer);
        double t;
        if (o.zIsLattice()) {
            t = Math.max(1, Math.ceil(thickness / o.periodZ() - 1e-9)) * o.periodZ();
        } else {
            t = nearestHeight(o, lx, ly, zc, thickness, center);
        }

        // grain A with both mirror planes, heights [zc, zc + t] inclusive; in the doubled cell A lies
        // in [t, 2t] and its mirror image B in (0, t), plane atoms (their own images) only in A
        double tol = OrientedCrystal.FACE_TOL_A;
        AtomicModel a = o.slab(lx, ly, zc, t + 2 * tol, false, 0);
        AtomicModel m = new AtomicModel(Box.orthorhombic(lx, ly, 2 * t));
        int onPlanes = 0;
        for (int i = 0; i < a.size(); i++) {
            double z = a.x(i, 2);
            boolean onPlane = Math.abs(z) <= 2 * tol || Math.abs(z - t) <= 2 * tol;
            double zs = Math.abs(z) <= 2 * tol ? 0 : Math.abs(z - t) <= 2 * tol ? t : z;
            m.add(a.element(i), a.x(i, 0), a.x(i, 1), zs + t, 0);
            if (onPlane) {
                onPlanes++;
            } else {
                m.add(a.element(i), a.x(i, 0), a.x(i, 1), t - zs, 1);
            }
        }
        m.wrapAll();

        String step = p.path();
        ctx.report().put(step, "plane", "(" + OrientedCrystal.indices(plane) + ")");
        ctx.report().put(step, "x_direction", "[" + OrientedCrystal.indices(dirs[1]) + "]");
        ctx.report().put(step, "y_direction", "[" + OrientedCrystal.indices(dirs[2]) + "]");
        ctx.report().put(step, "center_on", center);
        ctx.report().put(step, "layer", layer);
        ctx.report().put(step, "center_on_layers", layers.size());
        ctx.report().put(step, "lattice_centring", crystal.centring());
        ctx.report().put(step, "period_x_A", o.periodX());
        ctx.report().put(step, "period_y_A", o.periodY());
        ctx.report().put(step, "grain_thickness_A", t);
        ctx.report().put(step, "atoms_on_mirror_planes", onPlanes);
        ctx.report().put(step, "cell_A", String.format(Locale.ROOT, "%.6f %.6f %.6f", lx, ly, 2 * t));
        ctx.report().put(step, "boundary_z_A", String.format(Locale.ROOT, "%.6f %.6f", 0.0, t));
        if (!o.zIsLattice()) {
            ctx.report().note(step, "the plane normal is not a lattice direction in this lattice; the second mirror "
                    + "plane passes through the " + center + " atom nearest " + thickness + " Å above the first, so the "
                    + "two boundaries are not equivalent");
        }
        BoundaryCleanup.apply(m, new double[] {t, 0.0}, cleanup, crystal.motifComposition(), p, ctx);
        return m;
    }

    private static List<Double> distinct(List<Double> heights) {
        List<Double> sorted = new ArrayList<>(heights);
        sorted.sort(Double::compare);
        List<Double> out = new ArrayList<>();
        for (double h : sorted) {
            if (out.isEmpty() || h - out.get(out.size() - 1) > LAYER_TOL_A) {
                out.add(h);
            }
        }
        return out;
    }

    /** t such that zc + t is the height of the center_on atom nearest zc + thickness. */
    private static double nearestHeight(OrientedCrystal.Orientation o, double lx, double ly, double zc, double thickness,
                                        String center) {
        double window = 5.0;
        AtomicModel s = o.slab(lx, ly, zc + thickness - window, 2 * window, false, -1);
        double best = Double.NaN;
        for (int i = 0; i < s.size(); i++) {
            if (!s.element(i).equals(center)) {
                continue;
            }
            double h = s.x(i, 2) + thickness - window;
            if (h > 1.0 && (Double.isNaN(best) || Math.abs(h - thickness) < Math.abs(best - thickness))) {
                best = h;
            }
        }
        if (Double.isNaN(best)) {
            throw new IllegalStateException("no " + center + " atom within 5 Å of the requested thickness");
        }
        return best;
    }
}
