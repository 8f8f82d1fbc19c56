package org.dendrite.md.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.config.Params;
import org.dendrite.md.analysis.Rdf;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;
import org.dendrite.md.region.PlacedRegion;
import org.dendrite.md.region.Region;
import org.dendrite.md.region.Regions;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Oracle for the amorphize stage on LLZO with the Du/Teter force field (conf/forcefields): a cubic
 * LLZO bicrystal mirrored on (110) through a Zr layer (seed 000 §4.3, {@code type: mirror-gb}; two
 * boundaries, at z = 0 and z = lz/2) has the slab around the boundary at lz/2 melted at 3000 K and
 * quenched to 300 K while the rest of the cell is held at 300 K (seed 000 §4.2). Partial RDFs
 * (Li–O, La–O, Zr–O) are measured with the centres in the core of the melted slab and in the
 * cores of the two grains (around lz/4 and 3lz/4), at 300 K before the melt and after the quench.
 * Order beyond the first coordination shell is measured as the rms of g(r) − 1 over 4–8 Å: large
 * for a crystal (sharp second and third shells with empty gaps), small for a glass. The tables
 * go to {@code solvers/target/amorphize-llzo/}.
 *
 * <p>A perfect-crystal slab does not work as the "boundary": with Du/Teter, a crystalline slab
 * between crystalline walls stayed crystalline (superheated) for 18 ps at 3000 K with the rest
 * frozen (La, Zr, O mean-square displacement flat at 0.3 Å²), while the boundary slab of this
 * bicrystal melts within a few ps (La MSD 5 Å² after 8 ps), as grain boundaries melt first in the
 * seeds' models.
 *
 * <p>Melting takes picoseconds of a 744-atom cell with an 11 Å cut-off, i.e. minutes, so both
 * melt–quench runs are tagged long; the default suite runs
 * {@link #duTeterBoundaryHeatsWhileGrainsStayCold} (400 steps) here and the Lennard-Jones tests of
 * AmorphizeStageTest. Run them with
 * {@code mvn -o -pl solvers test -Plong -Dtest=AmorphizeLlzoTest}; the paper-sized run's sizes can be
 * set with {@code -Ddendrite.amorph.grain_thickness_A=20 -Ddendrite.amorph.hold_ps=50
 * -Ddendrite.amorph.rate=100 -Ddendrite.threads=1}.
 */
class AmorphizeLlzoTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> PAIRS = List.of("Li-O", "La-O", "Zr-O");
    static final double R_MAX = 8.0;
    static final double ORDER_FROM = 4.0;
    static final Path OUT = Path.of("target", "amorphize-llzo").toAbsolutePath();

    /** rms(g − 1) over [ORDER_FROM, R_MAX] per pair, and mean g over [6, 8] Å, for one region and phase. */
    record Order(double[] rms, double[] tail, double centres) {
    }

    record Result(Order slabCrystal, Order grainCrystal, Order slabAfter, Order grainAfter, int atoms, double seconds) {
    }

    /** Samples the RDFs of two regions every {@code every} steps while {@code active} says so. */
    static final class RdfSampler implements StepObserver {
        final Rdf slab;
        final Rdf grain;
        final Region slabRegion;
        final Region grainRegion;
        final long every;
        final java.util.function.Predicate<StepInfo> active;

        RdfSampler(SimulationState s, Region slabRegion, Region grainRegion, long every,
                   java.util.function.Predicate<StepInfo> active) {
            this.slab = new Rdf(s.atoms.species, PAIRS, R_MAX, 160);
            this.grain = new Rdf(s.atoms.species, PAIRS, R_MAX, 160);
            this.slabRegion = slabRegion;
            this.grainRegion = grainRegion;
            this.every = every;
            this.active = active;
        }

        @Override
        public long interval() {
            return every;
        }

        @Override
        public void observe(StepInfo info) {
            if (active.test(info)) {
                SimulationState s = info.state();
                PlacedRegion ps = slabRegion.place(s.box);
                PlacedRegion pg = grainRegion.place(s.box);
                slab.sample(s.atoms, s.box, ps);
                grain.sample(s.atoms, s.box, pg);
            }
        }

        Order order(Rdf rdf) {
            double[] r = rdf.r();
            double[] rms = new double[PAIRS.size()];
            double[] tail = new double[PAIRS.size()];
            for (int p = 0; p < PAIRS.size(); p++) {
                double[] g = rdf.g(p);
                rms[p] = Rdf.rmsDeviationFromOne(r, g, ORDER_FROM, R_MAX);
                double s = 0;
                int n = 0;
                for (int k = 0; k < r.length; k++) {
                    if (r[k] >= 6.0) {
                        s += g[k];
                        n++;
                    }
                }
                tail[p] = s / n;
            }
            return new Order(rms, tail, rdf.meanCentres(1));
        }
    }

    /** Table r_A, then g of every pair for slab and grain before and after, for plotting. */
    static void writeRdfs(Path file, RdfSampler crystal, RdfSampler after) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        Rdf[] all = {crystal.slab, crystal.grain, after.slab, after.grain};
        String[] names = {"slab_crystal", "grain_crystal", "slab_after", "grain_after"};
        StringBuilder sb = new StringBuilder("r_A");
        for (String n : names) {
            for (String pair : PAIRS) {
                sb.append(',').append(n).append('_').append(pair.replace('-', '_'));
            }
        }
        sb.append('\n');
        double[] r = all[0].r();
        double[][] g = new double[all.length * PAIRS.size()][];
        for (int k = 0; k < all.length; k++) {
            for (int p = 0; p < PAIRS.size(); p++) {
                g[k * PAIRS.size() + p] = all[k].g(p);
            }
        }
        for (int i = 0; i < r.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f", r[i]));
            for (double[] col : g) {
                sb.append(String.format(Locale.ROOT, ",%.5f", col[i]));
            }
            sb.append('\n');
        }
        java.nio.file.Files.writeString(file, sb);
    }

    static Params map(String path, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Params(path, m);
    }

    /**
     * Crystal at 300 K for {@code equilPs} (RDFs sampled over its second half), then amorphize the
     * slab z ∈ [1/3, 2/3) of the cell: {@code holdPs} at 3000 K, quench at {@code rate} K/ps to
     * 300 K, hold {@code finalPs} at 300 K (RDFs sampled over it).
     */
    /**
     * The melt–quench run on a (110) Zr-centred mirror grain boundary of cubic LLZO (seed 000 §4.3;
     * two boundaries, at z = 0 and z = lz/2): grain thickness, half-width of the melted slab around
     * the boundary at lz/2, half-width of the grain cores sampled (around lz/4 and 3lz/4), melt
     * temperature, phases, Langevin damping, threads.
     */
    record Spec(double grainThicknessA, double meltHalfWidthA, double grainHalfWidthA, double equilPs, double meltK,
                double holdPs, double rate, double finalPs, double tdampPs, int threads) {
    }

    static Map<String, Object> plane(double frac, double halfWidth) {
        return Map.of("shape", "plane", "axis", "z", "position_frac", frac, "half_width_A", halfWidth);
    }

    static Result meltQuench(Spec spec) throws Exception {
        ForceField ff = ForceFieldLoader.load(ROOT.resolve("conf/forcefields/llzo-du-teter.yaml"));
        BuildContext bc = BuildContext.forSpecies(ROOT, 20261121L, ff.species());
        Map<String, Object> gb = new LinkedHashMap<>();
        gb.put("type", "mirror-gb");
        gb.put("grain", Map.of("type", "crystal", "phase", "llzo-cubic"));
        gb.put("plane", List.of(1, 1, 0));
        gb.put("center_on", "Zr");
        gb.put("grain_thickness_A", spec.grainThicknessA());
        Structure st = StructureBuilders.buildStructure(new Params("structure", gb), bc);
        SimulationState s = new SimulationState(st.atoms(), st.box(), 4928459L);
        // Centres: the core of the melted slab (2 Å in from its faces) and the cores of both grains.
        Region slabCore = Regions.parse(map("slab_core", "shape", "plane", "axis", "z", "position_frac", 0.5,
                "half_width_A", spec.meltHalfWidthA() - 2.0));
        Region grainCores = Regions.parse(map("grain_cores", "shape", "union", "regions", List.of(
                plane(0.25, spec.grainHalfWidthA()), plane(0.75, spec.grainHalfWidthA()))));
        List<Stage> stages = new ArrayList<>();
        stages.add(Stages.create(map("stages[0]", "type", "velocity", "temperature_K", 300.0, "seed", 77)));
        stages.add(Stages.create(map("stages[1]", "type", "langevin", "temperature_K", 300.0, "duration_ps",
                spec.equilPs())));
        AmorphizeStage am = (AmorphizeStage) Stages.create(map("stages[2]", "type", "amorphize", "region",
                plane(0.5, spec.meltHalfWidthA()), "melt_temperature_K", spec.meltK(), "hold_ps", spec.holdPs(),
                "quench_rate_K_per_ps", spec.rate(), "final_temperature_K", 300.0, "final_hold_ps", spec.finalPs(),
                "outside_temperature_K", 300.0, "tdamp_ps", spec.tdampPs()));
        stages.add(am);
        long[] ph = am.phaseSteps();
        long holdFrom = ph[0];
        long quenchFrom = ph[0] + ph[1];
        long finalFrom = ph[0] + ph[1] + ph[2];
        long equilSteps = stages.get(1).steps();
        RdfSampler crystal = new RdfSampler(s, slabCore, grainCores, 10,
                i -> i.stageIndex() == 1 && i.state().stageStep >= equilSteps / 2);
        RdfSampler after = new RdfSampler(s, slabCore, grainCores, 10,
                i -> i.stageIndex() == 2 && i.state().stageStep > finalFrom);
        long t0 = System.nanoTime();
        double[] holdT = new double[4];
        try (ForceEngine engine = new ForceEngine(ff, 2.0, spec.threads())) {
            Protocol p = new Protocol(stages, engine);
            p.addObserver(crystal);
            p.addObserver(after);
            p.addObserver(new StepObserver() {
                @Override
                public long interval() {
                    return 100;
                }

                @Override
                public void observe(StepInfo info) {
                    if (info.stageIndex() != 2) {
                        return;
                    }
                    long k = info.state().stageStep;
                    double[] e = info.extraValues();
                    if (k > holdFrom + (quenchFrom - holdFrom) / 5 && k <= quenchFrom) {
                        holdT[0] += e[1];
                        holdT[1] += e[3];
                        holdT[2]++;
                    }
                    if (k % 5000 == 0) {
                        System.out.printf(Locale.ROOT, "  step %d (%.0f s): target %.0f K, T(slab) %.0f K, T(rest) %.0f K%n",
                                info.step(), (System.nanoTime() - t0) * 1e-9, e[0], e[1], e[3]);
                    }
                }
            });
            p.run(s);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        writeRdfs(OUT.resolve(String.format(Locale.ROOT, "rdf-gb%.0f-hold%.0fps.csv", spec.grainThicknessA(),
                spec.holdPs())), crystal, after);
        Result r = new Result(crystal.order(crystal.slab), crystal.order(crystal.grain), after.order(after.slab),
                after.order(after.grain), s.atoms.nlocal, seconds);
        System.out.printf(Locale.ROOT, "amorphize LLZO mirror GB (%d atoms, cell %.2f x %.2f x %.2f Å; %s): %.0f s,"
                + " %d steps; mean T during the hold: slab %.0f K, rest %.0f K; La centres per frame: slab %.1f,"
                + " grains %.1f%n", r.atoms(), s.box.lx(), s.box.ly(), s.box.lz(), am, seconds, s.step,
                holdT[0] / holdT[2], holdT[1] / holdT[2], r.slabAfter().centres(), r.grainAfter().centres());
        System.out.printf(Locale.ROOT, "  pair   rms(g-1) %.1f-%.1f Å: slab before -> after | grains before -> after"
                + " | <g> 6-8 Å: slab after, grains after%n", ORDER_FROM, R_MAX);
        for (int p = 0; p < PAIRS.size(); p++) {
            System.out.printf(Locale.ROOT, "  %-5s  %.3f -> %.3f | %.3f -> %.3f | %.3f, %.3f%n", PAIRS.get(p),
                    r.slabCrystal().rms()[p], r.slabAfter().rms()[p], r.grainCrystal().rms()[p],
                    r.grainAfter().rms()[p], r.slabAfter().tail()[p], r.grainAfter().tail()[p]);
        }
        return r;
    }

    /**
     * After the quench the slab's order beyond the first shell is well below the grains' (same run,
     * same temperature): La–O and Zr–O by at least a factor 2; Li–O, whose crystal order beyond
     * 4 Å is itself weak (Li spread over partly occupied sites), by at least 15 %; the slab's g at
     * 6–8 Å is within 0.1 of 1; the grains keep at least 80 % of their order before the melt.
     */
    static void assertSlabAmorphousGrainCrystalline(Result r) {
        for (int p = 0; p < PAIRS.size(); p++) {
            String pair = PAIRS.get(p);
            double slabAfter = r.slabAfter().rms()[p];
            double grainBefore = r.grainCrystal().rms()[p];
            double grainAfter = r.grainAfter().rms()[p];
            double factor = pair.equals("Li-O") ? 0.85 : 0.5;
            assertTrue(slabAfter < factor * grainAfter, pair + ": slab order " + slabAfter + " must be below "
                    + factor + " x the grains' " + grainAfter);
            assertTrue(grainAfter > 0.8 * grainBefore, pair + ": grain order " + grainBefore + " -> " + grainAfter
                    + " must stay");
            assertTrue(Math.abs(r.slabAfter().tail()[p] - 1) < 0.1, pair + ": slab g(6-8 Å) "
                    + r.slabAfter().tail()[p] + " must be near 1");
        }
    }

    @Test
    @DisplayName("LLZO (Du/Teter) mirror GB, 400 steps: the boundary slab heats toward 3000 K while the grains'"
            + " bath holds them far below it")
    void duTeterBoundaryHeatsWhileGrainsStayCold() throws Exception {
        ForceField ff = ForceFieldLoader.load(ROOT.resolve("conf/forcefields/llzo-du-teter.yaml"));
        BuildContext bc = BuildContext.forSpecies(ROOT, 20261121L, ff.species());
        Structure st = StructureBuilders.buildStructure(map("structure", "type", "mirror-gb", "grain",
                Map.of("type", "crystal", "phase", "llzo-cubic"), "plane", List.of(1, 1, 0), "center_on", "Zr",
                "grain_thickness_A", 10.0), bc);
        SimulationState s = new SimulationState(st.atoms(), st.box(), 4928459L);
        AmorphizeStage am = (AmorphizeStage) Stages.create(map("stages[1]", "type", "amorphize", "region",
                plane(0.5, 5.0), "hold_ps", 0.3, "quench_rate_K_per_ps", 27000.0, "outside_temperature_K", 300.0));
        List<Stage> stages = List.of(Stages.create(map("stages[0]", "type", "velocity", "temperature_K", 300.0,
                "seed", 77)), am);
        List<double[]> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ForceEngine engine = new ForceEngine(ff, 2.0, 1)) {
            Protocol p = new Protocol(stages, engine);
            p.addObserver(new StepObserver() {
                @Override
                public long interval() {
                    return 20;
                }

                @Override
                public void observe(StepInfo info) {
                    if (info.stageIndex() == 1) {
                        double[] e = info.extraValues();
                        rows.add(new double[] {info.state().stageStep, e[0], e[1], e[2], e[3]});
                    }
                }
            });
            p.run(s);
        }
        assertEquals(400, am.steps());
        int inside = s.groupIds.length;
        double tIn = rows.stream().filter(r -> r[0] >= 150 && r[0] <= 300).mapToDouble(r -> r[2]).average()
                .orElseThrow();
        double tOut = rows.stream().filter(r -> r[0] >= 150 && r[0] <= 300).mapToDouble(r -> r[4]).average()
                .orElseThrow();
        double[] last = rows.get(rows.size() - 1);
        System.out.printf(Locale.ROOT, "Du/Teter mirror GB, %d atoms (%d in the slab): %.1f s for 400 steps; hold"
                + " 0.15-0.3 ps: <T_slab> %.0f K, <T_rest> %.0f K; after the quench target %.0f K, T_slab %.0f K%n",
                s.atoms.nlocal, inside, (System.nanoTime() - t0) * 1e-9, tIn, tOut, last[1], last[2]);
        // The 10 Å slab is 10/36.7 of the cell.
        assertEquals(10.0 / s.box.lz(), (double) inside / s.atoms.nlocal, 0.05);
        assertTrue(tIn > 2000, "slab " + tIn + " K");
        assertTrue(tOut < 700, "rest " + tOut + " K");
        assertEquals(300.0, last[1], 1e-9);
    }

    @Test
    @Tag("long")
    @DisplayName("LLZO (Du/Teter) mirror GB, 744 atoms: the boundary slab held 3 ps at 3000 K and quenched at"
            + " 2700 K/ps loses its Li–O, La–O and Zr–O order beyond the first shell; the grain cores keep theirs")
    void quickGbMeltQuench() throws Exception {
        assertSlabAmorphousGrainCrystalline(meltQuench(new Spec(10.0, 5.0, 2.5, 0.5, 3000.0, 3.0, 2700.0, 0.5, 0.1,
                Integer.getInteger("dendrite.threads", 1))));
    }

    @Test
    @Tag("long")
    @DisplayName("LLZO (Du/Teter) mirror GB, seed-000 protocol: 50 ps at 3000 K, quench to 300 K; boundary slab"
            + " amorphous, grain cores crystalline")
    void paperSizedGbMeltQuench() throws Exception {
        double thickness = Double.parseDouble(System.getProperty("dendrite.amorph.grain_thickness_A", "20"));
        double hold = Double.parseDouble(System.getProperty("dendrite.amorph.hold_ps", "50"));
        double rate = Double.parseDouble(System.getProperty("dendrite.amorph.rate", "100"));
        assertSlabAmorphousGrainCrystalline(meltQuench(new Spec(thickness, 8.0, 4.0, 5.0, 3000.0, hold, rate, 5.0, 0.1,
                Integer.getInteger("dendrite.threads", 1))));
    }
}
