package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.Units;
import org.dendrite.md.state.SimulationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MSD from unwrapped coordinates, D from its linear regime, Nernst–Einstein and the Arrhenius fit. */
class MsdAnalysisTest {
    static final Species LI_O = new Species(List.of("Li", "O"), new double[] {6.941, 15.999}, new double[] {0.6, -1.2});

    static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * Random walks of Li (diffusion coefficient d, Å²/ps) among fixed O in a small periodic box, so
     * that walkers cross the boundaries many times and only image flags give back their displacement.
     */
    static Map<String, Object> walk(Path dir, double d, double dtPs, int steps, Map<String, Object> keys,
                                    int[] stageOfStep, double[] temperatureOfStage, long seed) throws IOException {
        Box box = Box.orthorhombic(12, 12, 12);
        int nLi = 2000, nO = 100;
        Atoms a = new Atoms(LI_O, nLi + nO);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < a.nlocal; i++) {
            box.fromFractional(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), a.x, 3 * i);
            a.type[i] = i < nLi ? 0 : 1;
            a.id[i] = a.nlocal - i; // ids not in index order
        }
        RunMetrics metrics = new RunMetrics();
        AnalysisContext ctx = new AnalysisContext(LI_O, box, dir, metrics, null, Plotter.NONE);
        Params p = Params.of("output.analyses[0]", new java.util.LinkedHashMap<>(keys));
        Analysis msd = Analyses.create(p, ctx);
        SimulationState s = new SimulationState(a, box, 1);
        double sd = Math.sqrt(2 * d * dtPs);
        for (int step = 0; step <= steps; step++) {
            if (step > 0) {
                for (int i = 0; i < nLi; i++) {
                    for (int k = 0; k < 3; k++) {
                        a.x[3 * i + k] += sd * gauss(rng);
                    }
                    box.wrap(a.x, 3 * i, a.image);
                }
            }
            int stage = stageOfStep == null ? 0 : stageOfStep[step];
            if (temperatureOfStage != null) {
                // Velocities drawn so that the kinetic temperature is the stage's (for Nernst–Einstein).
                double t = temperatureOfStage[stage];
                for (int i = 0; i < a.nlocal; i++) {
                    double sv = Math.sqrt(Units.BOLTZMANN_EV_PER_K * t / (LI_O.mass(a.type[i]) * Units.MVV_TO_EV));
                    for (int k = 0; k < 3; k++) {
                        a.v[3 * i + k] = sv * gauss(rng);
                    }
                }
            }
            s.step = step;
            s.timePs = step * dtPs;
            msd.sample(s, stage);
        }
        msd.finish();
        msd.close();
        return metrics.asMap();
    }

    @Test
    @DisplayName("a 3-D random walk with D = 0.05 Å²/ps (2000 walkers, box crossings via image flags) gives back D "
            + "within 4 % and within 3 stated errors; the MSD table has one row per sample")
    void randomWalkGivesItsDiffusionCoefficient(@TempDir Path dir) throws IOException {
        double d = 0.05;
        Map<String, Object> m = walk(dir, d, 0.1, 400, Map.of("type", "msd", "every_steps", 1), null, null, 42);
        double got = (Double) m.get("D_Li_cm2_per_s") / Diffusion.A2_PER_PS_TO_CM2_PER_S;
        double err = (Double) m.get("D_Li_err_cm2_per_s") / Diffusion.A2_PER_PS_TO_CM2_PER_S;
        System.out.printf("random walk: D = %.5f ± %.5f Å²/ps (true %.5f)%n", got, err, d);
        assertEquals(d, got, 0.04 * d);
        assertTrue(Math.abs(got - d) < 3 * err + 1e-12, "error " + err + " too small for deviation " + (got - d));
        assertEquals(402, Files.readAllLines(dir.resolve("msd.csv")).size());
        assertEquals("8.000-40.00", m.get("msd_fit_window_ps"));
    }

    @Test
    @DisplayName("per_stage windows at three temperatures with D = D0 exp(−Ea/kT) (Ea = 0.25 eV) give back Ea "
            + "within 0.03 eV, and σ_NE = n e² D / kT of each window within 5 %")
    void perStageWindowsGiveArrheniusAndNernstEinstein(@TempDir Path dir) throws IOException {
        double ea = 0.25;
        double d0 = 10.0;
        double[] temps = {600, 900, 1200};
        int per = 300;
        int steps = 3 * per - 1;
        int[] stage = new int[steps + 1];
        for (int k = 0; k <= steps; k++) {
            stage[k] = Math.min(2, k / per);
        }
        // A single walk cannot change D by stage inside walk(); run three walks and compare per window instead.
        double[] dTrue = new double[3];
        double[] dGot = new double[3];
        double[] sigmaGot = new double[3];
        for (int w = 0; w < 3; w++) {
            dTrue[w] = d0 * Math.exp(-ea / (Units.BOLTZMANN_EV_PER_K * temps[w]));
            Path sub = dir.resolve("w" + w);
            Files.createDirectories(sub);
            Map<String, Object> m = walk(sub, dTrue[w], 0.1, per, Map.of("type", "msd", "every_steps", 1),
                    null, new double[] {temps[w]}, 100 + w);
            dGot[w] = (Double) m.get("D_Li_cm2_per_s");
            sigmaGot[w] = (Double) m.get("sigma_NE_Li_S_per_m");
            double expected = Diffusion.nernstEinsteinSPerM(2000, 12 * 12 * 12, 1.0, (Double) m.get("T_mean_K"),
                    dGot[w] / Diffusion.A2_PER_PS_TO_CM2_PER_S);
            assertEquals(expected, sigmaGot[w], 1e-9 * expected);
            assertEquals(temps[w], (Double) m.get("T_mean_K"), 0.05 * temps[w]);
        }
        Arrhenius fit = Arrhenius.fit(temps, dGot, null);
        System.out.printf("Arrhenius of 3 walks: Ea = %.4f ± %.4f eV (true %.2f)%n", fit.activationEv(),
                fit.activationErrorEv(), ea);
        assertEquals(ea, fit.activationEv(), 0.03);

        // One run, three stages: per_stage opens a window per stage and fits Ea from them.
        Path one = dir.resolve("one");
        Files.createDirectories(one);
        Map<String, Object> m = walk(one, 0.05, 0.1, steps, Map.of("type", "msd", "every_steps", 1, "per_stage", true),
                stage, temps, 7);
        assertTrue(m.containsKey("D_Li_cm2_per_s_w2") && m.containsKey("Ea_Li_eV"), m.toString());
        assertEquals(temps[1], (Double) m.get("T_mean_K_w1"), 0.05 * temps[1]);
    }

    @Test
    @DisplayName("Nernst–Einstein: n = 1e28 m⁻³, q = e, D = 1e-9 m²/s, T = 300 K gives σ = n e² D / kT = 61.97 S/m (1e-3)")
    void nernstEinsteinByHand() {
        // 1e28 m⁻³ is 1e-2 Å⁻³: 10 ions in 1000 Å³; 1e-9 m²/s = 0.1 Å²/ps.
        double s = Diffusion.nernstEinsteinSPerM(10, 1000, 1.0, 300, 0.1);
        double e = 1.602176634e-19;
        assertEquals(1e28 * e * e * 1e-9 / (1.380649e-23 * 300), s, 1e-3 * s);
        assertEquals(61.97, s, 0.01);
    }

    @Test
    @DisplayName("Arrhenius fit of synthetic D(T) (Ea = 0.40 eV, D0 = 1e-2 cm²/s, 3 % noise, 6 temperatures) gives "
            + "Ea within 2 stated errors and the error below 0.03 eV; exact data give Ea to 1e-9 eV")
    void arrheniusOnSyntheticData() {
        double ea = 0.40, d0 = 1e-2;
        double[] t = {500, 600, 700, 800, 900, 1000};
        double[] d = new double[t.length];
        double[] e = new double[t.length];
        double[] exact = new double[t.length];
        SplittableRandom rng = new SplittableRandom(9);
        for (int k = 0; k < t.length; k++) {
            exact[k] = d0 * Math.exp(-ea / (Units.BOLTZMANN_EV_PER_K * t[k]));
            d[k] = exact[k] * (1 + 0.03 * gauss(rng));
            e[k] = 0.03 * exact[k];
        }
        Arrhenius noisy = Arrhenius.fit(t, d, e);
        assertTrue(Math.abs(noisy.activationEv() - ea) < 2 * noisy.activationErrorEv(),
                noisy.activationEv() + " ± " + noisy.activationErrorEv());
        assertTrue(noisy.activationErrorEv() < 0.03);
        Arrhenius clean = Arrhenius.fit(t, exact, null);
        assertEquals(ea, clean.activationEv(), 1e-9);
        assertEquals(d0, clean.prefactor(), 1e-9 * d0);
    }
}
