package org.dendrite.md.build.crystal;

import java.util.List;
import java.util.SplittableRandom;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilder;
import org.dendrite.md.io.Elements;

/**
 * {@code {type: crystal, phase: …, a_A, c_A, cells: [na, nb, nc], li_min_distance_A, seed, element}}: a perfect crystal of na × nb × nc conventional cells, atoms cell by cell
 * (c outermost, a innermost, as LAMMPS {@code replicate}), within a cell in the order of its sites.
 * Phases:
 * <ul>
 *   <li>{@code llzo-tetragonal}: ordered I4₁/acd LLZO, Li on 8a/16f/32g (192 atoms per cell);</li>
 *   <li>{@code llzo-cubic}: Ia-3d LLZO, La/Zr/O fully occupied, 56 Li per cell over 24d + 96h
 *       placed by {@link GarnetLithiumSampler} (each cell gets its own arrangement);</li>
 *   <li>{@code li-bcc}: bcc lithium; {@code bcc}, {@code fcc}, {@code sc}: one {@code element}.</li>
 * </ul>
 * Keys, defaults and sources are documented in {@code docs/structures.md} (section Crystals).
 */
public final class CrystalBuilder implements StructureBuilder {
    /** Phase names, in the order the error message lists them. */
    public static final List<String> PHASES = List.of("llzo-tetragonal", "llzo-cubic", "li-bcc", "bcc", "fcc", "sc");

    /** bcc Li at 25 °C, 3.51004 ± 0.00041 Å (forcefields.md §5, [S31]), rounded to 3.51 Å. */
    public static final double LI_BCC_A_A = 3.51;

    /**
     * Default Li–Li exclusion for cubic LLZO, Å. At a = 12.97 Å a 24d site has four 96h neighbours
     * at 1.64 Å and the two 96h halves of one octahedron are 0.72 Å apart — the pairs diffraction
     * work on cubic garnets describes as never occupied together — while the next shells are at
     * 2.34 Å (24d–96h) and 2.48 Å (96h–96h). Any value strictly between 1.64 and 2.34 Å forbids
     * exactly the short pairs; 2.0 Å sits in that gap with margin for a ± 2 % lattice constant.
     */
    public static final double DEFAULT_LI_MIN_DISTANCE_A = 2.0;

    @Override
    public AtomicModel build(Params p, BuildContext ctx) {
        String phase = p.requireString("phase");
        if (!PHASES.contains(phase)) {
            throw new ParamException(p.pathOf("phase"), "unknown crystal phase '" + phase + "' (known: "
                    + String.join(", ", PHASES) + ")");
        }
        int[] cells = cells(p);
        rejectUnless(p, "c_A", phase.equals("llzo-tetragonal"), "llzo-tetragonal");
        rejectUnless(p, "element", phase.equals("bcc") || phase.equals("fcc") || phase.equals("sc"), "bcc, fcc and sc");
        for (String k : List.of("li_min_distance_A", "seed")) {
            rejectUnless(p, k, phase.equals("llzo-cubic"), "llzo-cubic");
        }
        AtomicModel m;
        String step = p.path();
        switch (phase) {
            case "llzo-tetragonal" -> {
                double a = p.getPositive("a_A", Garnet.TETRAGONAL_A_A);
                double c = p.getPositive("c_A", Garnet.TETRAGONAL_C_A);
                p.finish();
                m = tile(Garnet.tetragonal(a, c), cells);
                ctx.report().put(step, "space_group", SpaceGroup.I41_ACD_ORIGIN2.toString());
            }
            case "llzo-cubic" -> m = buildCubic(p, ctx, cells);
            case "li-bcc" -> {
                double a = p.getPositive("a_A", LI_BCC_A_A);
                p.finish();
                m = tile(cubicLattice("bcc", "Li", a), cells);
            }
            default -> {
                String el = p.requireString("element");
                if (Double.isNaN(Elements.mass(el))) {
                    throw new ParamException(p.pathOf("element"), "'" + el + "' is not an element symbol");
                }
                double a = p.requirePositive("a_A");
                p.finish();
                m = tile(cubicLattice(phase, el, a), cells);
            }
        }
        Box box = m.box();
        ctx.report().put(step, "phase", phase);
        ctx.report().put(step, "cells", cells[0] + "x" + cells[1] + "x" + cells[2]);
        ctx.report().put(step, "cell_a_A", box.lx() / cells[0]);
        ctx.report().put(step, "cell_b_A", box.ly() / cells[1]);
        ctx.report().put(step, "cell_c_A", box.lz() / cells[2]);
        ctx.report().put(step, "composition", composition(m));
        ctx.report().put(step, "density_g_per_cm3", density(m));
        return m;
    }

    private static AtomicModel buildCubic(Params p, BuildContext ctx, int[] cells) {
        double a = p.getPositive("a_A", Garnet.CUBIC_A_A);
        double dMin = p.getPositive("li_min_distance_A", DEFAULT_LI_MIN_DISTANCE_A);
        long seed = p.has("seed") ? p.getLong("seed", 0) : ctx.seedFor(p.path());
        p.finish();
        UnitCell framework = Garnet.cubicFramework(a);
        UnitCell liSites = Garnet.cubicLithiumSites(a);
        GarnetLithiumSampler sampler;
        try {
            sampler = new GarnetLithiumSampler(liSites, cells[0], cells[1], cells[2], Garnet.LI_PER_CELL, dMin);
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.pathOf("li_min_distance_A"), e.getMessage());
        }
        int[] orderedTets = java.util.Arrays.stream(Garnet.orderedLithiumPattern(liSites)).filter(s -> liSites.site(s) == 0).toArray();
        boolean[] occ = sampler.sample(orderedTets, new SplittableRandom(seed));
        AtomicModel m = new AtomicModel(Box.orthorhombic(cells[0] * a, cells[1] * a, cells[2] * a));
        int ns = liSites.size();
        int on24d = 0;
        for (int k = 0; k < cells[2]; k++) {
            for (int j = 0; j < cells[1]; j++) {
                for (int i = 0; i < cells[0]; i++) {
                    int cell = (k * cells[1] + j) * cells[0] + i;
                    for (int s = 0; s < ns; s++) {
                        if (occ[cell * ns + s]) {
                            add(m, liSites, s, i, j, k);
                            if (liSites.site(s) == 0) {
                                on24d++;
                            }
                        }
                    }
                    for (int q = 0; q < framework.size(); q++) {
                        add(m, framework, q, i, j, k);
                    }
                }
            }
        }
        String step = p.path();
        int nLi = Garnet.LI_PER_CELL * cells[0] * cells[1] * cells[2];
        ctx.report().put(step, "space_group", SpaceGroup.IA_3D.toString());
        ctx.report().put(step, "li_min_distance_A", dMin);
        ctx.report().put(step, "seed", seed);
        ctx.report().put(step, "li_24d", on24d);
        ctx.report().put(step, "li_96h", nLi - on24d);
        ctx.report().put(step, "occupancy_24d", on24d / (24.0 * cells[0] * cells[1] * cells[2]));
        ctx.report().put(step, "occupancy_96h", (nLi - on24d) / (96.0 * cells[0] * cells[1] * cells[2]));
        ctx.report().note(step, "cubic LLZO: 56 Li per cell over 24d/96h, each cell its own arrangement, no two Li closer than "
                + dMin + " Å through periodic images ("
                + (sampler.tetBlocksNearHalf() ? "an occupied 24d empties the near half of its four octahedra; " : "at most one Li per octahedron; ")
                + (sampler.usedOrderedFallback() ? "annealing found no 24d set, so the tetragonal 24d ordering was used; " : "")
                + "seed " + seed + ")");
        return m;
    }

    /** The conventional cell of a cubic Bravais lattice with one element. */
    static UnitCell cubicLattice(String lattice, String element, double a) {
        UnitCell u = new UnitCell(a, a, a);
        u.add(element, 0, 0, 0, 0);
        if (lattice.equals("bcc")) {
            u.add(element, 0.5, 0.5, 0.5, 0);
        } else if (lattice.equals("fcc")) {
            u.add(element, 0, 0.5, 0.5, 0);
            u.add(element, 0.5, 0, 0.5, 0);
            u.add(element, 0.5, 0.5, 0, 0);
        }
        return u;
    }

    /** na × nb × nc copies of a cell in a periodic orthorhombic box (tags −1). */
    static AtomicModel tile(UnitCell u, int[] cells) {
        AtomicModel m = new AtomicModel(Box.orthorhombic(cells[0] * u.a(), cells[1] * u.b(), cells[2] * u.c()));
        for (int k = 0; k < cells[2]; k++) {
            for (int j = 0; j < cells[1]; j++) {
                for (int i = 0; i < cells[0]; i++) {
                    for (int q = 0; q < u.size(); q++) {
                        add(m, u, q, i, j, k);
                    }
                }
            }
        }
        return m;
    }

    private static void add(AtomicModel m, UnitCell u, int q, int i, int j, int k) {
        m.add(u.element(q), (i + u.frac(q, 0)) * u.a(), (j + u.frac(q, 1)) * u.b(), (k + u.frac(q, 2)) * u.c(), -1);
    }

    /** Composition as a formula in order of first appearance, e.g. {@code Li56La24Zr16O96}. */
    public static String composition(AtomicModel m) {
        StringBuilder sb = new StringBuilder();
        for (String e : m.elements()) {
            sb.append(e).append(m.count(e));
        }
        return sb.toString();
    }

    /** Mass density of a model, g/cm³ (IUPAC standard atomic weights over the box volume). */
    public static double density(AtomicModel m) {
        double mass = 0;
        for (String e : m.elements()) {
            mass += m.count(e) * Elements.mass(Elements.elementOf(e));
        }
        return mass / m.box().volume() * UnitCell.G_PER_CM3_PER_AMU_PER_A3;
    }

    private static int[] cells(Params p) {
        double[] v = p.getDoubles("cells", 3);
        int[] c = {1, 1, 1};
        if (v != null) {
            for (int k = 0; k < 3; k++) {
                if (v[k] != Math.rint(v[k]) || v[k] < 1 || v[k] > 1000) {
                    throw new ParamException(p.pathOf("cells") + "[" + k + "]", "must be a whole number from 1 to 1000, got " + v[k]);
                }
                c[k] = (int) v[k];
            }
        }
        return c;
    }

    private static void rejectUnless(Params p, String key, boolean applies, String phases) {
        if (p.has(key) && !applies) {
            throw new ParamException(p.pathOf(key), "applies only to phase " + phases);
        }
    }
}
