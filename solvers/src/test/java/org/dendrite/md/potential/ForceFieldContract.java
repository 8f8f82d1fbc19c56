package org.dendrite.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract every force field (pair styles, Coulomb methods, EAM, Ewald) inherits: on small random
 * periodic cells — orthorhombic and triclinic, with cut-offs beyond half the box so that atoms see
 * several images of each other — forces are −∇E by central differences, the virial is −∂E/∂ε by
 * finite strain of atoms and box, energy and forces are invariant under translation, and the
 * forces sum to zero (Newton's third law). Subclasses supply the force field and the cell.
 */
public abstract class ForceFieldContract {
    /** The force field under test. */
    protected abstract ForceField forceField();

    /** A random configuration in {@code box}. */
    protected abstract Atoms configuration(Box box, long seed);

    /** Typical box edge, Å; below twice the largest cut-off so that images interact. */
    protected double boxEdge() {
        return 9.0;
    }

    /** Position step for central differences, Å. */
    protected double positionStep() {
        return 1e-5;
    }

    /** Strain step for the virial differences. */
    protected double strainStep() {
        return 1e-6;
    }

    /** Allowed max |F − F_fd| relative to rms(F). */
    protected double forceTolerance() {
        return 1e-6;
    }

    /** Allowed |W − W_fd| relative to max |W|. */
    protected double virialTolerance() {
        return 1e-6;
    }

    /** Whether forces are the exact gradient of the energy (false for LAMMPS-style Wolf). */
    protected boolean conservative() {
        return true;
    }

    /** Number of force components checked by differences per cell (all if the cell is smaller). */
    protected int componentsChecked() {
        return 24;
    }

    /** Evaluates with the reference evaluator, or with {@link ForceEngine} (2 threads) when {@code engine}. */
    protected ReferenceEvaluator.Result evaluate(Atoms atoms, Box box, boolean engine) {
        return engine ? viaEngine(forceField(), atoms, box, 2) : ReferenceEvaluator.evaluate(forceField(), atoms, box);
    }

    /** One evaluation by a fresh ForceEngine on a copy of the atoms; forces returned in input order (by id). */
    public static ReferenceEvaluator.Result viaEngine(ForceField ff, Atoms atoms, Box box, int threads) {
        Atoms a = atoms.copyLocal();
        ReferenceEvaluator.Result r = new ReferenceEvaluator.Result();
        try (ForceEngine e = new ForceEngine(ff, 0.7, threads)) {
            ForceResult fr = new ForceResult();
            e.compute(a, box, true, fr);
            r.energy = fr.potentialEnergy();
            System.arraycopy(fr.virial, 0, r.virial, 0, 9);
        }
        r.f = new double[3 * atoms.nlocal];
        int[] index = new int[atoms.nlocal + 1];
        for (int i = 0; i < atoms.nlocal; i++) {
            index[atoms.id[i]] = i;
        }
        for (int k = 0; k < a.nlocal; k++) {
            int i = index[a.id[k]];
            System.arraycopy(a.f, 3 * k, r.f, 3 * i, 3);
        }
        return r;
    }

    private Box box(boolean triclinic) {
        return TestCells.box(boxEdge(), triclinic, triclinic ? 11 : 7);
    }

    static double rms(double[] f) {
        double s = 0;
        for (double v : f) {
            s += v * v;
        }
        return Math.sqrt(s / f.length);
    }

    @ParameterizedTest(name = "triclinic={0} engine={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void forcesEqualMinusEnergyGradientByCentralDifferences(boolean triclinic, boolean engine) {
        if (!conservative()) {
            return;
        }
        Box box = box(triclinic);
        Atoms atoms = configuration(box, 101);
        ReferenceEvaluator.Result r0 = evaluate(atoms, box, engine);
        double rmsF = rms(r0.f);
        double h = positionStep();
        int n3 = 3 * atoms.nlocal;
        Random rnd = new Random(5);
        int checks = Math.min(componentsChecked(), n3);
        double worst = 0;
        for (int c = 0; c < checks; c++) {
            int k = checks == n3 ? c : rnd.nextInt(n3);
            double x0 = atoms.x[k];
            atoms.x[k] = x0 + h;
            double ep = evaluate(atoms, box, engine).energy;
            atoms.x[k] = x0 - h;
            double em = evaluate(atoms, box, engine).energy;
            atoms.x[k] = x0;
            double fd = -(ep - em) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - r0.f[k]));
        }
        System.out.printf("[FD forces] %s triclinic=%b engine=%b: max|F-F_fd| = %.3e eV/A, rms(F) = %.3e, ratio %.2e%n",
                getClass().getSimpleName(), triclinic, engine, worst, rmsF, worst / rmsF);
        assertTrue(worst <= forceTolerance() * rmsF,
                "max |F - F_fd| = " + worst + " eV/Å exceeds " + forceTolerance() + " × rms(F) = " + rmsF);
    }

    @ParameterizedTest(name = "triclinic={0} engine={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void virialEqualsMinusStrainDerivativeOfEnergy(boolean triclinic, boolean engine) {
        if (!conservative()) {
            return;
        }
        Box box = box(triclinic);
        Atoms atoms = configuration(box, 202);
        ReferenceEvaluator.Result r0 = evaluate(atoms, box, engine);
        double scale = 0;
        for (double w : r0.virial) {
            scale = Math.max(scale, Math.abs(w));
        }
        double h = strainStep();
        Atoms strained = atoms.copyLocal();
        double worst = 0;
        int[][] comps = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int[] ab : comps) {
            double[] eps = new double[9];
            eps[3 * ab[0] + ab[1]] = h;
            double ep = evaluate(strained, TestCells.strained(box, eps, atoms, strained), engine).energy;
            eps[3 * ab[0] + ab[1]] = -h;
            double em = evaluate(strained, TestCells.strained(box, eps, atoms, strained), engine).energy;
            // x_a -> x_a + ε_ab x_b, so −∂E/∂ε_ab = Σ f_a x_b = W_ba.
            double fd = -(ep - em) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - r0.virial[3 * ab[1] + ab[0]]));
            worst = Math.max(worst, Math.abs(r0.virial[3 * ab[0] + ab[1]] - r0.virial[3 * ab[1] + ab[0]]));
        }
        System.out.printf("[FD virial] %s triclinic=%b engine=%b: max|W-W_fd| = %.3e eV, max|W| = %.3e, ratio %.2e%n",
                getClass().getSimpleName(), triclinic, engine, worst, scale, worst / scale);
        assertTrue(worst <= virialTolerance() * scale,
                "max |W - W_fd| = " + worst + " eV exceeds " + virialTolerance() + " × max|W| = " + scale);
    }

    @ParameterizedTest(name = "triclinic={0} engine={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void energyAndForcesAreInvariantUnderTranslation(boolean triclinic, boolean engine) {
        Box box = box(triclinic);
        Atoms atoms = configuration(box, 303);
        ReferenceEvaluator.Result r0 = evaluate(atoms, box, engine);
        Atoms moved = atoms.copyLocal();
        double[] t = {0.731, -1.913, 2.417};
        for (int i = 0; i < moved.nlocal; i++) {
            for (int a = 0; a < 3; a++) {
                moved.x[3 * i + a] += t[a];
            }
        }
        ReferenceEvaluator.Result r1 = evaluate(moved, box, engine);
        double rmsF = rms(r0.f);
        assertEquals(r0.energy, r1.energy, 1e-10 * Math.max(1, Math.abs(r0.energy)), "energy changed under translation");
        for (int k = 0; k < r0.f.length; k++) {
            assertEquals(r0.f[k], r1.f[k], 1e-9 * Math.max(1, rmsF), "force component " + k + " changed under translation");
        }
    }

    @ParameterizedTest(name = "triclinic={0} engine={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void forcesSumToZeroByNewtonsThirdLaw(boolean triclinic, boolean engine) {
        Box box = box(triclinic);
        Atoms atoms = configuration(box, 404);
        ReferenceEvaluator.Result r = evaluate(atoms, box, engine);
        double rmsF = rms(r.f);
        for (int a = 0; a < 3; a++) {
            double s = 0;
            for (int i = 0; i < atoms.nlocal; i++) {
                s += r.f[3 * i + a];
            }
            assertEquals(0.0, s, 1e-10 * atoms.nlocal * Math.max(1, rmsF), "total force along axis " + a);
        }
    }

    @ParameterizedTest(name = "triclinic={0}")
    @ValueSource(booleans = {false, true})
    void forceEngineAgreesWithReferenceEvaluator(boolean triclinic) {
        Box box = box(triclinic);
        Atoms atoms = configuration(box, 505);
        ReferenceEvaluator.Result ref = ReferenceEvaluator.evaluate(forceField(), atoms, box);
        double rmsF = rms(ref.f);
        double wmax = 0;
        for (double w : ref.virial) {
            wmax = Math.max(wmax, Math.abs(w));
        }
        for (int threads : new int[] {1, 2}) {
            ReferenceEvaluator.Result eng = viaEngine(forceField(), atoms, box, threads);
            assertEquals(ref.energy, eng.energy, 1e-11 * Math.max(1, Math.abs(ref.energy)), "energy, threads=" + threads);
            // 1e-10: the engine rounds each pair force to 2^-40 eV/Å so that its sums are order-free
            // (InvariantArithmetic); over ~10^4 pairs the virial moves by ~1e-10 relative.
            for (int k = 0; k < 9; k++) {
                assertEquals(ref.virial[k], eng.virial[k], 1e-10 * Math.max(1, wmax), "virial " + k + ", threads=" + threads);
            }
            for (int k = 0; k < ref.f.length; k++) {
                assertEquals(ref.f[k], eng.f[k], 1e-10 * Math.max(1, rmsF), "force component " + k + ", threads=" + threads);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void oneForceFieldInstanceServesTwoThreadsAtOnce() throws Exception {
        ForceField ff = forceField();
        Box b1 = box(false);
        Box b2 = box(true);
        Atoms a1 = configuration(b1, 606);
        Atoms a2 = configuration(b2, 607);
        double e1 = ReferenceEvaluator.evaluate(ff, a1, b1).energy;
        double e2 = ReferenceEvaluator.evaluate(ff, a2, b2).energy;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                java.util.concurrent.Future<Double> f1 = pool.submit(() -> ReferenceEvaluator.evaluate(ff, a1, b1).energy);
                java.util.concurrent.Future<Double> f2 = pool.submit(() -> ReferenceEvaluator.evaluate(ff, a2, b2).energy);
                assertEquals(e1, f1.get(), 0.0, "orthorhombic cell, concurrent round " + round);
                assertEquals(e2, f2.get(), 0.0, "triclinic cell, concurrent round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
