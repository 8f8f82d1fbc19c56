package org.dendrite.md.build.stack;

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
 * {@code type: stack}: slabs laid one after another along an axis (Li metal | LLZO | cathode, the
 * "full battery" models of seed 001), each cut from its own periodic crystal, strained laterally to
 * one common cell, separated by gaps, with vacuum after the last slab or periodic along the axis.
 *
 * <pre>
 * structure:
 *   type: stack
 *   axis: z                        # x | y | z (default z)
 *   gap_A: 2.0                     # plane-to-plane distance between neighbouring slabs (default 2.0)
 *   vacuum_A: 0                    # 0: periodic along the axis; > 0: this much vacuum closes the stack
 *   match_to: 0                    # reference slab index, or [L1_A, L2_A], the common lateral cell
 *   max_misfit_percent: 5          # refuse a slab whose |misfit| exceeds this (default 5)
 *   max_lateral_repeats: 40        # largest lateral repeat count tried for any slab (default 40)
 *   slabs:
 *     - structure: {type: crystal, phase: li-bcc}   # any structure mapping (built recursively)
 *       thickness_A: 20            # or repeats: N (whole cells along the axis)
 *       cut: repeats               # repeats (default): round(thickness/cell) whole cells; exact: keep
 *                                  #   atoms within [0, thickness_A) of the crystal, may be off-stoichiometric
 *       origin_A: 0                # where the cut starts inside the crystal cell (picks the termination)
 *       lateral_repeats: [3, 3]    # fix this slab's lateral repeats instead of choosing them
 *       gap_A: 2.0                 # gap after this slab (default: the stack's gap_A)
 *       rename: {Li: Lim}          # species renamed in this slab (e.g. metal Li as its own species)
 *       name: anode                # label for the report
 * </pre>
 *
 * <p>Geometry. Every slab model must have an orthorhombic cell. The two lateral axes follow the
 * stack axis cyclically (z: x, y; x: y, z; y: z, x). Along each lateral axis a slab is repeated
 * n times and scaled affinely onto the common length (see {@link LateralMatch}); misfit and strain
 * are reported per slab and axis in percent. Along the stack axis the slab's atoms are wrapped
 * into its cell after the shift {@code origin_A}, repeated, and the slab is placed so that its
 * lowest atomic plane lies {@code gap_A} above the highest plane of the previous slab. The stack
 * starts half a closing gap above the box origin; the closing gap is {@code vacuum_A} when given,
 * otherwise the last slab's gap, which then separates the last slab from the periodic image of the
 * first. The box stays periodic along all axes (vacuum separates the images).
 *
 * <p>Tags are slab indices (0, 1, …), replacing tags of nested builders. Reported under the step's
 * config path: per slab atoms, repeats, cut and atom-to-atom thickness, z range, misfit and strain
 * per lateral axis, net charge (when the context's charges know every element); the common
 * lateral cell, box length and the interface planes (mid-gap coordinates along the axis, Å; with
 * periodic stacking the closing interface is the box boundary, reported as the box origin).
 */
public final class StackBuilder implements StructureBuilder {
    private static final String[] AXES = {"x", "y", "z"};

    /** One slab's input and what was made of it. */
    private static final class Slab {
        Params params;
        String label;
        java.util.Map<String, String> rename = new java.util.HashMap<>();
        AtomicModel model;
        double[] cell = new double[3];   // stack frame: lateral 1, lateral 2, axis
        double[] lo = new double[3];
        int[] fixedLateral = {0, 0};
        boolean exact;
        double thickness;
        int axisRepeats;
        double origin;
        double gapAfter;
        int[] lateralRepeats = new int[2];
        double[] scale = new double[2];
        double[] local;                  // positions in the stack frame, 3 per atom, before placement
        String[] element;
        int count;
        double bottom;
        double top;
    }

    @Override
    public AtomicModel build(Params p, BuildContext ctx) {
        String axisName = p.getChoice("axis", "z", AXES);
        int axis = List.of(AXES).indexOf(axisName);
        int[] perm = {(axis + 1) % 3, (axis + 2) % 3, axis};
        double gap = p.getNonNegative("gap_A", 2.0);
        double vacuum = p.getNonNegative("vacuum_A", 0.0);
        double maxMisfit = p.getPositive("max_misfit_percent", 5.0);
        int maxRepeats = p.getInt("max_lateral_repeats", 40);
        if (maxRepeats < 1 || maxRepeats > 1000) {
            throw new ParamException(p.pathOf("max_lateral_repeats"), "must be from 1 to 1000, got " + maxRepeats);
        }
        Object matchTo = p.raw("match_to");
        List<Params> specs = p.children("slabs");
        if (specs.isEmpty()) {
            throw new ParamException(p.pathOf("slabs"), "is required: a list of {structure: ..., thickness_A: ...}");
        }
        int reference = -1;
        double[] givenLateral = null;
        if (matchTo == null || matchTo instanceof Number) {
            long r = matchTo == null ? 0 : p.getLong("match_to", 0);
            if (r < 0 || r >= specs.size() || (matchTo instanceof Number n && n.doubleValue() != r)) {
                throw new ParamException(p.pathOf("match_to"), "must be a slab index from 0 to " + (specs.size() - 1)
                        + " or a lateral cell [L1_A, L2_A], got " + matchTo);
            }
            reference = (int) r;
        } else {
            givenLateral = p.getDoubles("match_to", 2);
            for (int d = 0; d < 2; d++) {
                if (!(givenLateral[d] > 0)) {
                    throw new ParamException(p.pathOf("match_to") + "[" + d + "]", "lateral cell length must be > 0 Å, got "
                            + givenLateral[d]);
                }
            }
        }

        List<Slab> slabs = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            slabs.add(readSlab(specs.get(k), k, gap, perm, ctx));
        }
        p.finish();

        LateralMatch[] match = new LateralMatch[2];
        for (int d = 0; d < 2; d++) {
            double[] cells = new double[slabs.size()];
            int[] fixed = new int[slabs.size()];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = slabs.get(k).cell[d];
                fixed[k] = slabs.get(k).fixedLateral[d];
            }
            match[d] = givenLateral != null ? LateralMatch.toLength(cells, fixed, givenLateral[d], maxRepeats)
                    : LateralMatch.toReference(cells, fixed, reference, maxRepeats, maxMisfit);
            int w = match[d].worst();
            if (match[d].worstMisfit() > maxMisfit) {
                Slab s = slabs.get(w);
                throw new ParamException(p.pathOf("max_misfit_percent"), String.format(Locale.ROOT,
                        "%s misfit along %s is %+.2f %% (%d x %.4f A = %.4f A vs common %.4f A), above %.3g %%;"
                                + " allow more repeats (max_lateral_repeats = %d), fix lateral_repeats, or raise max_misfit_percent",
                        s.label, AXES[perm[d]], match[d].misfitPercent[w], match[d].repeats[w], s.cell[d],
                        match[d].repeats[w] * s.cell[d], match[d].target, maxMisfit, maxRepeats));
            }
        }
        for (int k = 0; k < slabs.size(); k++) {
            Slab s = slabs.get(k);
            for (int d = 0; d < 2; d++) {
                s.lateralRepeats[d] = match[d].repeats[k];
                s.scale[d] = match[d].target / (s.lateralRepeats[d] * s.cell[d]);
            }
            cutSlab(s, perm);
        }

        // Placement along the axis: plane to plane, half a closing gap above the origin.
        double closing = vacuum > 0 ? vacuum : slabs.get(slabs.size() - 1).gapAfter;
        double cursor = 0.5 * closing;
        for (int k = 0; k < slabs.size(); k++) {
            Slab s = slabs.get(k);
            double wmin = Double.POSITIVE_INFINITY;
            double wmax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.count; i++) {
                wmin = Math.min(wmin, s.local[3 * i + 2]);
                wmax = Math.max(wmax, s.local[3 * i + 2]);
            }
            double shift = cursor - wmin;
            for (int i = 0; i < s.count; i++) {
                s.local[3 * i + 2] += shift;
            }
            s.bottom = cursor;
            s.top = wmax + shift;
            if (k < slabs.size() - 1) {
                cursor = s.top + s.gapAfter;
            }
        }
        double length = slabs.get(slabs.size() - 1).top + 0.5 * closing;

        double[] edges = new double[3];
        edges[perm[0]] = match[0].target;
        edges[perm[1]] = match[1].target;
        edges[perm[2]] = length;
        AtomicModel out = new AtomicModel(Box.orthorhombic(edges[0], edges[1], edges[2]));
        double[] r = new double[3];
        for (int k = 0; k < slabs.size(); k++) {
            Slab s = slabs.get(k);
            for (int i = 0; i < s.count; i++) {
                for (int d = 0; d < 3; d++) {
                    r[perm[d]] = s.local[3 * i + d];
                }
                out.add(s.element[i], r[0], r[1], r[2], k);
            }
        }
        report(p, ctx, slabs, match, perm, axisName, length, closing, vacuum > 0);
        return out;
    }

    private static Slab readSlab(Params sp, int k, double defaultGap, int[] perm, BuildContext ctx) {
        Slab s = new Slab();
        s.params = sp;
        String name = sp.getString("name", null);
        s.label = "slabs[" + k + "]" + (name == null ? "" : " (" + name + ")");
        String cut = sp.getChoice("cut", "repeats", "repeats", "exact");
        s.exact = cut.equals("exact");
        boolean hasThickness = sp.has("thickness_A");
        boolean hasRepeats = sp.has("repeats");
        if (hasThickness == hasRepeats) {
            throw new ParamException(sp.pathOf("thickness_A"), "give exactly one of thickness_A and repeats");
        }
        if (s.exact && hasRepeats) {
            throw new ParamException(sp.pathOf("repeats"), "cut: exact needs thickness_A, not repeats");
        }
        if (hasThickness) {
            s.thickness = sp.requirePositive("thickness_A");
        } else {
            long n = sp.requireLong("repeats");
            if (n < 1 || n > 10000) {
                throw new ParamException(sp.pathOf("repeats"), "must be a whole number from 1 to 10000, got " + n);
            }
            s.axisRepeats = (int) n;
        }
        s.origin = sp.getDouble("origin_A", 0.0);
        s.gapAfter = sp.getNonNegative("gap_A", defaultGap);
        double[] lr = sp.getDoubles("lateral_repeats", 2);
        if (lr != null) {
            for (int d = 0; d < 2; d++) {
                if (lr[d] != Math.rint(lr[d]) || lr[d] < 1 || lr[d] > 1000) {
                    throw new ParamException(sp.pathOf("lateral_repeats") + "[" + d + "]",
                            "must be a whole number from 1 to 1000, got " + lr[d]);
                }
                s.fixedLateral[d] = (int) lr[d];
            }
        }
        Params rename = sp.child("rename");
        for (String from : rename.keys()) {
            String to = rename.getString(from, "");
            if (to.isBlank() || to.contains(" ")) {
                throw new ParamException(rename.pathOf(from), "must name a species (one word), got '" + to + "'");
            }
            s.rename.put(from, to);
        }
        rename.finish();
        Params structure = sp.child("structure");
        sp.finish();
        s.model = StructureBuilders.build(structure, ctx);
        Box b = s.model.box();
        if (b.isTriclinic()) {
            throw new ParamException(structure.path(), String.format(Locale.ROOT,
                    "a stacked slab needs an orthorhombic cell; this one has tilts xy=%g xz=%g yz=%g A", b.xy(), b.xz(), b.yz()));
        }
        if (s.model.size() == 0) {
            throw new ParamException(structure.path(), "built no atoms");
        }
        double[] len = {b.lx(), b.ly(), b.lz()};
        double[] lo = {b.xlo(), b.ylo(), b.zlo()};
        for (int d = 0; d < 3; d++) {
            s.cell[d] = len[perm[d]];
            s.lo[d] = lo[perm[d]];
        }
        if (s.exact) {
            s.axisRepeats = (int) Math.ceil(s.thickness / s.cell[2]) + 1;
        } else if (hasThickness) {
            s.axisRepeats = (int) Math.max(1, Math.round(s.thickness / s.cell[2]));
        }
        return s;
    }

    /** Fills s.local with the slab's atoms in the stack frame (lateral scaled, axis from 0). */
    private static void cutSlab(Slab s, int[] perm) {
        AtomicModel m = s.model;
        int n0 = s.lateralRepeats[0];
        int n1 = s.lateralRepeats[1];
        int nz = s.axisRepeats;
        long capacity = (long) m.size() * n0 * n1 * nz;
        if (capacity > 50_000_000L) {
            throw new ParamException(s.params.path(), "would make " + capacity + " atoms; reduce thickness or lateral size");
        }
        s.local = new double[(int) (3 * capacity)];
        s.element = new String[(int) capacity];
        double cutLength = s.exact ? s.thickness : nz * s.cell[2];
        double[] u = new double[3];
        int c = 0;
        for (int kz = 0; kz < nz; kz++) {
            for (int j = 0; j < n1; j++) {
                for (int i = 0; i < n0; i++) {
                    for (int a = 0; a < m.size(); a++) {
                        for (int d = 0; d < 3; d++) {
                            double x = m.x(a, perm[d]) - s.lo[d] - (d == 2 ? s.origin : 0.0);
                            u[d] = x - s.cell[d] * Math.floor(x / s.cell[d]);
                            if (u[d] >= s.cell[d]) {
                                u[d] -= s.cell[d];
                            }
                        }
                        double w = u[2] + kz * s.cell[2];
                        if (w >= cutLength) {
                            continue;
                        }
                        s.local[3 * c] = (u[0] + i * s.cell[0]) * s.scale[0];
                        s.local[3 * c + 1] = (u[1] + j * s.cell[1]) * s.scale[1];
                        s.local[3 * c + 2] = w;
                        s.element[c] = s.rename.getOrDefault(m.element(a), m.element(a));
                        c++;
                    }
                }
            }
        }
        if (c == 0) {
            throw new ParamException(s.params.pathOf("thickness_A"), "is thinner than the first atomic plane of the cut; no atoms kept");
        }
        s.count = c;
    }

    private static void report(Params p, BuildContext ctx, List<Slab> slabs, LateralMatch[] match, int[] perm,
                               String axisName, double length, double closing, boolean vacuum) {
        String step = p.path();
        var rep = ctx.report();
        rep.put(step, "axis", axisName);
        rep.put(step, "slabs", slabs.size());
        rep.put(step, "lateral_" + AXES[perm[0]] + "_A", match[0].target);
        rep.put(step, "lateral_" + AXES[perm[1]] + "_A", match[1].target);
        rep.put(step, "length_" + axisName + "_A", length);
        List<Double> interfaces = new ArrayList<>();
        for (int k = 0; k < slabs.size(); k++) {
            Slab s = slabs.get(k);
            String pre = "slab" + k + "_";
            rep.put(step, pre + "atoms", s.count);
            rep.put(step, pre + "repeats", s.lateralRepeats[0] + "x" + s.lateralRepeats[1] + "x" + s.axisRepeats);
            rep.put(step, pre + "cut_thickness_A", s.exact ? s.thickness : s.axisRepeats * s.cell[2]);
            rep.put(step, pre + "thickness_A", s.top - s.bottom);
            rep.put(step, pre + "z_lo_A", s.bottom);
            rep.put(step, pre + "z_hi_A", s.top);
            for (int d = 0; d < 2; d++) {
                rep.put(step, pre + "misfit_" + AXES[perm[d]] + "_percent", match[d].misfitPercent[k]);
                rep.put(step, pre + "strain_" + AXES[perm[d]] + "_percent", match[d].strainPercent[k]);
            }
            Double q = netCharge(s, ctx);
            if (q != null) {
                rep.put(step, pre + "net_charge_e", q);
            }
            if (k < slabs.size() - 1) {
                interfaces.add(0.5 * (s.top + slabs.get(k + 1).bottom));
            }
            rep.note(step, String.format(Locale.ROOT,
                    "%s: %d atoms, %s repeats, %.3f A thick (%s cut), lateral strain %+.3f %% (%s) and %+.3f %% (%s)",
                    s.label, s.count, s.lateralRepeats[0] + "x" + s.lateralRepeats[1] + "x" + s.axisRepeats,
                    s.top - s.bottom, s.exact ? "exact" : "whole-cell", match[0].strainPercent[k], AXES[perm[0]],
                    match[1].strainPercent[k], AXES[perm[1]]));
        }
        if (vacuum) {
            rep.put(step, "surface_lo_" + axisName + "_A", slabs.get(0).bottom);
            rep.put(step, "surface_hi_" + axisName + "_A", slabs.get(slabs.size() - 1).top);
            rep.note(step, String.format(Locale.ROOT, "vacuum of %.3f A closes the stack (box periodic, images separated by the vacuum)", closing));
        } else {
            interfaces.add(0.0);
            rep.note(step, String.format(Locale.ROOT,
                    "periodic along %s: the last slab meets the image of the first across a %.3f A gap at the box boundary",
                    axisName, closing));
        }
        for (int k = 0; k < interfaces.size(); k++) {
            rep.put(step, "interface" + k + "_" + axisName + "_A", interfaces.get(k));
        }
        rep.put(step, "interfaces_" + axisName + "_A", List.copyOf(interfaces));
    }

    /** Net charge of a slab under the context's charges, or null when an element has none. */
    private static Double netCharge(Slab s, BuildContext ctx) {
        double q = 0;
        try {
            for (int i = 0; i < s.count; i++) {
                q += ctx.charges().of(s.element[i]);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return q;
    }
}
