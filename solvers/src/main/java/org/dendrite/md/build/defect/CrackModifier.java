package org.dendrite.md.build.defect;

import java.util.Locale;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.ModelModifier;
import org.dendrite.md.region.PlacedRegion;
import org.dendrite.md.region.Region;
import org.dendrite.md.region.Regions;

/**
 * {@code {type: crack}}: a pre-existing crack made by removing every atom inside an elliptic
 * cylinder (seed 000, §4.4: atoms with (y/10)² + (z/5)² &lt; 1, Å, removed at the z mid-plane, the
 * crack running through the cell along x), or inside an ellipsoid (a penny-shaped crack).
 *
 * <p>Keys: {@code axis} (the axis the crack runs through, default {@code x}); {@code semi_axes_A}
 * (two numbers: the semi-axes along the other two axes in x, y, z order, default {@code [10, 5]}
 * as in seed 000; or three numbers for an ellipsoid, then without {@code axis});
 * {@code center_A: [x, y, z]} or {@code center_frac} (default the box centre
 * {@code [0.5, 0.5, 0.5]}). The atoms are removed as they are, so the model's net charge changes by
 * the charge removed; the report gives it ({@code net_charge_e}), with the atoms removed per
 * element and the crack's plane area (2 × half-length × cell length along the crack front; for an
 * ellipsoid, π times its two longer semi-axes).
 */
public final class CrackModifier implements ModelModifier {
    /** Seed 000 §4.4: (y/10)² + (z/5)² &lt; 1, Å. */
    static final double[] SEED000_SEMI_AXES_A = {10.0, 5.0};

    @Override
    public void apply(AtomicModel m, Params p, BuildContext ctx) {
        Box box = m.box();
        double[] semi = p.has("semi_axes_A") ? semiAxes(p) : SEED000_SEMI_AXES_A.clone();
        boolean ellipsoid = semi.length == 3;
        if (ellipsoid && p.has("axis")) {
            throw new ParamException(p.pathOf("axis"), "an ellipsoidal crack (three semi-axes) has no axis; give two"
                    + " semi-axes for a crack through the cell along axis");
        }
        int axis = ellipsoid ? -1 : (p.has("axis") ? Regions.axis(p, "axis") : 0);
        double[] c = center(p, box);
        p.finish();
        Region region;
        if (ellipsoid) {
            region = Regions.ellipsoid(c, semi);
        } else {
            region = Regions.cylinder(axis, c, semi[0], semi[1]);
        }
        PlacedRegion placed;
        try {
            placed = region.place(box);
        } catch (ParamException e) {
            throw new ParamException(p.pathOf(p.has("center_frac") ? "center_frac" : "center_A"), e.reason());
        }
        Map<String, Integer> before = Defects.composition(m);
        boolean[] inside = placed.mask(m.positions(), m.size());
        boolean[] keep = new boolean[m.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !inside[i];
        }
        m.retain(keep);
        ctx.report().put(p.path(), "crack", region.describe());
        if (!ellipsoid) {
            // The crack faces lie normal to the second of the two section axes (z for a crack along x
            // with semi-axes (y, z)); their area is the crack length 2a times the cell length along the front.
            double front = axis == 0 ? box.lx() : axis == 1 ? box.ly() : box.lz();
            ctx.report().put(p.path(), "crack_plane_area_A2", 2.0 * semi[0] * front);
        } else {
            // A penny-shaped crack opens along its shortest semi-axis; its faces are the section
            // spanned by the two longer ones.
            double[] s = semi.clone();
            java.util.Arrays.sort(s);
            ctx.report().put(p.path(), "crack_plane_area_A2", Math.PI * s[1] * s[2]);
        }
        Defects.reportRemoval(m, before, p, ctx);
        ctx.report().note(p.path(), String.format(Locale.ROOT, "crack: %s; net charge after removal %.6g e (atoms"
                + " removed as they are, as in seed 000)", region.describe(), Defects.netCharge(m, ctx, p.path())));
    }

    private static double[] semiAxes(Params p) {
        Object raw = p.raw("semi_axes_A");
        int n = raw instanceof java.util.List<?> l ? l.size() : -1;
        if (n != 2 && n != 3) {
            throw new ParamException(p.pathOf("semi_axes_A"), "must be two numbers (crack through the cell along axis)"
                    + " or three (ellipsoid)");
        }
        double[] s = p.getDoubles("semi_axes_A", n);
        for (int k = 0; k < n; k++) {
            if (!(s[k] > 0)) {
                throw new ParamException(p.pathOf("semi_axes_A") + "[" + k + "]", "must be > 0, got " + s[k]);
            }
        }
        return s;
    }

    /** The centre in Å: center_A, or center_frac resolved in the box (default the box centre). */
    static double[] center(Params p, Box box) {
        if (p.has("center_A") && p.has("center_frac")) {
            throw new ParamException(p.pathOf("center_frac"), "give center_A or center_frac, not both");
        }
        double[] c = new double[3];
        if (p.has("center_A")) {
            return p.getDoubles("center_A", 3);
        }
        double[] f = p.has("center_frac") ? p.getDoubles("center_frac", 3) : new double[] {0.5, 0.5, 0.5};
        box.fromFractional(f[0], f[1], f[2], c, 0);
        return c;
    }
}
