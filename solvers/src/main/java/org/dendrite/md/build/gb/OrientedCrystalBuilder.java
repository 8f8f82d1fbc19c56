package org.dendrite.md.build.gb;

import java.util.Arrays;
import java.util.Locale;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilder;
import org.dendrite.md.build.StructureBuilders;

/**
 * {@code type: oriented}: the periodic orthogonal cell of a crystal whose edges run along lattice
 * directions x, y, z (z optional; it must be x × y, which must be a lattice direction), repeated
 * {@code repeat: [nx, ny, nz]} times its periods — for tension along [110] or [111] (seed 000,
 * Table 1) or a single grain of a boundary. Periods and centring as in {@link OrientedCrystal}.
 */
public final class OrientedCrystalBuilder implements StructureBuilder {
    @Override
    public AtomicModel build(Params p, BuildContext ctx) {
        Params grainP = p.child("grain");
        int[] x = Indices.require(p, "x");
        int[] y = Indices.require(p, "y");
        int[] z = Indices.read(p, "z");
        int[] repeat = GbKeys.counts(p, "repeat", 3);
        AtomicModel grain = StructureBuilders.build(grainP, ctx);
        p.finish();
        OrientedCrystal crystal = GbKeys.lattice(grain, p);
        OrientedCrystal.Orientation o;
        try {
            o = crystal.orient(x, y);
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("y"), e.getMessage());
        }
        if (!o.zIsLattice()) {
            throw new ParamException(p.pathOf("y"), "x × y = [" + OrientedCrystal.indices(o.zDirection())
                    + "] in indices, but that is not the Cartesian normal in this lattice (a, b, c = "
                    + Arrays.toString(crystal.latticeConstants()) + " Å), so the cell has no period along z");
        }
        if (z != null && !Arrays.equals(Indices.reduced(z), o.zDirection())) {
            throw new ParamException(p.pathOf("z"), "must be x × y = [" + OrientedCrystal.indices(o.zDirection())
                    + "] (right-handed), got [" + OrientedCrystal.indices(z) + "]");
        }
        AtomicModel m = o.supercell(repeat[0], repeat[1], repeat[2]);
        String step = p.path();
        ctx.report().put(step, "x_direction", "[" + OrientedCrystal.indices(x) + "]");
        ctx.report().put(step, "y_direction", "[" + OrientedCrystal.indices(y) + "]");
        ctx.report().put(step, "z_direction", "[" + OrientedCrystal.indices(o.zDirection()) + "]");
        ctx.report().put(step, "lattice_centring", crystal.centring());
        ctx.report().put(step, "periods_A", String.format(Locale.ROOT, "%.6f %.6f %.6f", o.periodX(), o.periodY(),
                o.periodZ()));
        int[] red = crystal.reduction();
        if (red[0] * red[1] * red[2] > 1) {
            ctx.report().note(step, "the grain model holds " + red[0] + "x" + red[1] + "x" + red[2]
                    + " repeat units; directions refer to one unit");
        }
        return m;
    }
}
