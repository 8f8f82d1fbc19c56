package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureFiles;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-atom energy, slabs, density maps, Li site classification and the cavity fraction against analytic cases. */
class StructureAnalysesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Species LI_O = new Species(List.of("Li", "O"), new double[] {6.941, 15.999}, new double[] {1, -1});

    static Analysis create(AnalysisContext ctx, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return Analyses.create(new Params("output.analyses[0]", m), ctx);
    }

    /** Rock salt LiO: Li at (0,0,0)+fcc, O at (½,0,0)+fcc, n×n×n cells of edge a. */
    static Atoms rockSalt(double a, int n) {
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        Atoms at = new Atoms(LI_O, 8 * n * n * n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (int t = 0; t < 2; t++) {
                        for (double[] b : fcc) {
                            at.x[3 * k] = (i + b[0] + 0.5 * t) * a;
                            at.x[3 * k + 1] = (j + b[1]) * a;
                            at.x[3 * k + 2] = (l + b[2]) * a;
                            at.type[k] = t;
                            at.q[k] = t == 0 ? 1 : -1;
                            at.id[k] = k + 1;
                            k++;
                        }
                    }
                }
            }
        }
        return at;
    }

    @Test
    @DisplayName("per-atom energies of LLZO (192 atoms, Du/Teter with DSF) sum to the engine's potential energy "
            + "within 1e-9 relative, and equivalent Li sites have energies that differ by less than 0.5 eV")
    void perAtomEnergiesSumToTheEngineEnergy() {
        ForceField ff = ForceFieldLoader.load(ROOT.resolve("conf/forcefields/llzo-du-teter.yaml"));
        Structure st = StructureFiles.read(ROOT.resolve("conf/structures/llzo-tetragonal-192.extxyz"), null, ff.species());
        Atoms a = st.atoms();
        double[] e = new double[a.nlocal];
        new PerAtomEnergy(ff).compute(a, st.box(), e);
        double sum = 0;
        for (double v : e) {
            sum += v;
        }
        ForceResult fr = new ForceResult();
        try (ForceEngine engine = new ForceEngine(ff, 1.0, 1)) {
            Atoms copy = StructureFiles.read(ROOT.resolve("conf/structures/llzo-tetragonal-192.extxyz"), null,
                    ff.species()).atoms();
            engine.compute(copy, st.box(), true, fr);
        }
        assertEquals(fr.potentialEnergy(), sum, 1e-9 * Math.abs(fr.potentialEnergy()));
    }

    @Test
    @DisplayName("slabs: 11 slabs of a rock-salt crystal 11 cells long hold 11·11·4 = 484 Li each (exact), 1/11 in the GB slab; "
            + "energy per atom equals that of the whole crystal in every slab (1e-9 eV)")
    void slabsOfAUniformCrystal(@TempDir Path dir) throws IOException {
        Atoms a = rockSalt(4.0, 11);
        Box box = Box.orthorhombic(44, 44, 44);
        // A pairwise force field for the energy column: plain Coulomb cut at 8 Å with ±1 charges.
        Path ffFile = dir.resolve("ff.yaml");
        Files.writeString(ffFile, "species: {Li: {mass: 6.941, charge: 1}, O: {mass: 15.999, charge: -1}}\n"
                + "coulomb: {method: dsf, alpha: 0.2, cutoff: 8.0}\n"
                + "pairs:\n  - {pair: [Li, O], style: buckingham, A: 1000, rho: 0.3, C: 0, cutoff: 8.0, shift: true}\n");
        ForceField ff = ForceFieldLoader.load(ffFile);
        RunMetrics metrics = new RunMetrics();
        AnalysisContext ctx = new AnalysisContext(ff.species(), box, dir, metrics, ff, Plotter.NONE);
        Analysis slabs = create(ctx, "type", "slabs", "slabs", 11, "gb_positions_frac", List.of(0.5),
                "framework_species", List.of("O"));
        SimulationState s = new SimulationState(a, box, 1);
        slabs.sample(s, 0);
        s.step = 10;
        s.timePs = 0.01;
        slabs.sample(s, 0);
        slabs.finish();
        List<String> rows = Files.readAllLines(dir.resolve("slabs_counts.csv"));
        assertEquals(3, rows.size());
        for (String cell : rows.get(1).split(",", 4)[3].split(",")) {
            assertEquals(484.0, Double.parseDouble(cell), 0.0);
        }
        assertEquals(1.0 / 11, (Double) metrics.asMap().get("slabs_Li_gb_fraction"), 1e-12);
        assertEquals(0.0, (Double) metrics.asMap().get("slabs_Li_gb_excess"), 1e-12);
        assertEquals(0.0, (Double) metrics.asMap().get("slabs_e_gb_minus_bulk_eV_per_atom"), 1e-9);
        String[] e = Files.readAllLines(dir.resolve("slabs_energy.csv")).get(1).split(",");
        double all = Double.parseDouble(e[e.length - 1]);
        for (int k = 2; k < e.length - 1; k++) {
            assertEquals(all, Double.parseDouble(e[k]), 1e-9);
        }
    }

    @Test
    @DisplayName("density-map: uniformly random Li (4000 in 20×20×30 Å) averages to N/V = 0.333 Å⁻³·… per bin "
            + "within 3 % overall and the map integrates to N exactly")
    void densityMapOfAnIdealGas(@TempDir Path dir) throws IOException {
        Box box = Box.orthorhombic(20, 20, 30);
        Atoms a = new Atoms(LI_O, 4000);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < a.nlocal; i++) {
            box.fromFractional(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), a.x, 3 * i);
            a.id[i] = i + 1;
        }
        RunMetrics metrics = new RunMetrics();
        AnalysisContext ctx = new AnalysisContext(LI_O, box, dir, metrics, null, Plotter.NONE);
        Analysis map = create(ctx, "type", "density-map", "bins", List.of(10, 15));
        map.sample(new SimulationState(a, box, 1), 0);
        map.finish();
        List<String> rows = Files.readAllLines(dir.resolve("density-map.csv"));
        assertEquals("y_A,z_A,density_per_A3", rows.get(0));
        assertEquals(151, rows.size());
        double sum = 0;
        for (String r : rows.subList(1, rows.size())) {
            sum += Double.parseDouble(r.split(",")[2]);
        }
        double binVolume = 20.0 * 30 * 20 / 150;
        assertEquals(4000, sum * binVolume, 1e-6);
        assertEquals(4000 / (20.0 * 20 * 30), sum / 150, 1e-12);
    }

    @Test
    @DisplayName("li-sites: every Li of rock-salt LiO (a = 4 Å) has 12 Li within 3.2 Å and 6 O within 2.4 Å; "
            + "with automatic cut-offs (first minima of g) the same; aggregated fraction 0")
    void liSitesOfRockSalt(@TempDir Path dir) throws IOException {
        Box box = Box.orthorhombic(16, 16, 16);
        for (boolean auto : new boolean[] {false, true}) {
            Atoms a = rockSalt(4.0, 4);
            RunMetrics metrics = new RunMetrics();
            AnalysisContext ctx = new AnalysisContext(LI_O, box, dir, metrics, null, Plotter.NONE);
            // A small jitter gives the automatic first-minimum search a resolved g(r).
            FirstMinimumTest.jitter(a, auto ? 0.05 : 0, 5);
            Analysis sites = auto ? create(ctx, "type", "li-sites")
                    : create(ctx, "type", "li-sites", "cutoff_Li_Li_A", 3.2, "cutoff_Li_O_A", 2.4);
            sites.sample(new SimulationState(a, box, 1), 0);
            sites.finish();
            Map<String, Object> m = metrics.asMap();
            assertEquals(12.0, (Double) m.get("li-sites_cn_Li_Li_mean"), 1e-12, "auto " + auto);
            assertEquals(6.0, (Double) m.get("li-sites_cn_Li_O_mean"), 1e-12, "auto " + auto);
            assertEquals(0.0, (Double) m.get("li-sites_aggregated_fraction"), 0.0);
            List<String> rows = Files.readAllLines(dir.resolve("li-sites.csv"));
            assertEquals(List.of("cn_Li_Li,cn_Li_O,count,fraction", "12,6,256,1"), rows);
        }
    }

    @Test
    @DisplayName("cavity: 8 O (exclusion radius 3 Å) in a 20 Å cube, some across the periodic boundary, leave a "
            + "cavity fraction 1 − 8·(4/3)π·3³/V = 0.8869 (±0.003 for a 0.2 Å grid); a slab region holding no O is all cavity")
    void cavityFractionOfSpheres(@TempDir Path dir) throws IOException {
        Box box = Box.orthorhombic(20, 20, 20);
        Atoms a = new Atoms(LI_O, 9);
        double[][] pos = {{1, 1, 1}, {10, 5, 2}, {19.5, 15, 5}, {5, 10, 6}, {15, 5, 7}, {6, 19, 3}, {12, 12, 4},
            {3, 14, 19}, {10, 10, 14.5}};
        for (int i = 0; i < 9; i++) {
            a.x[3 * i] = pos[i][0];
            a.x[3 * i + 1] = pos[i][1];
            a.x[3 * i + 2] = pos[i][2];
            a.type[i] = i < 8 ? 1 : 0;
            a.id[i] = i + 1;
        }
        RunMetrics metrics = new RunMetrics();
        AnalysisContext ctx = new AnalysisContext(LI_O, box, dir, metrics, null, Plotter.NONE);
        Analysis cav = create(ctx, "type", "cavity", "radii_A", Map.of("O", 3.0), "spacing_A", 0.2,
                "region", Map.of("axis", "z", "min_A", 10.2, "max_A", 10.8));
        cav.sample(new SimulationState(a, box, 1), 0);
        cav.finish();
        Map<String, Object> m = metrics.asMap();
        double expected = 1 - 8 * 4.0 / 3 * Math.PI * 27 / 8000;
        assertEquals(expected, (Double) m.get("cavity_fraction_all_initial"), 0.003);
        assertEquals(1.0, (Double) m.get("cavity_fraction_region_initial"), 0.0);
        assertTrue(Files.readAllLines(dir.resolve("cavity_profile.csv")).size() == 101);
    }

    @Test
    @DisplayName("analysis keys are checked: an unknown key, an unknown species and a bad slab count name their key")
    void badKeysNameTheirPath() {
        AnalysisContext ctx = AnalysisContext.checkOnly(LI_O, Box.orthorhombic(10, 10, 10), null);
        ParamException e1 = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> create(ctx, "type", "slabs", "slab", 11));
        assertTrue(e1.getMessage().contains("output.analyses[0].slab"), e1.getMessage());
        ParamException e2 = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> create(ctx, "type", "msd", "species", List.of("Na")));
        assertTrue(e2.getMessage().contains("output.analyses[0].species") && e2.getMessage().contains("Na"));
        ParamException e3 = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> create(ctx, "type", "slabs", "slabs", 0));
        assertTrue(e3.getMessage().contains("output.analyses[0].slabs"));
    }
}
