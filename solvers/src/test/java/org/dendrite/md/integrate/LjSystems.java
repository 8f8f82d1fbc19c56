package org.dendrite.md.integrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.PairEvaluator;
import org.dendrite.md.state.SimulationState;

/**
 * Small Lennard-Jones argon systems (metal units) for integrator tests: ε = 0.0103 eV,
 * σ = 3.405 Å, m = 39.948 amu, cut-off 2.5σ with the energy shifted to zero there.
 */
public final class LjSystems {
    public static final double EPS = 0.0103;
    public static final double SIGMA = 3.405;
    public static final double MASS = 39.948;
    public static final double CUTOFF = 2.5 * SIGMA;

    private LjSystems() {
    }

    /** 12-6 Lennard-Jones pair. */
    public record Lj(double eps, double sigma, double rc) implements PairEvaluator {
        public double cutoff() {
            return rc;
        }

        public double energy(double rsq) {
            double s2 = sigma * sigma / rsq;
            double s6 = s2 * s2 * s2;
            return 4 * eps * (s6 * s6 - s6);
        }

        public double forceOverR(double rsq) {
            double s2 = sigma * sigma / rsq;
            double s6 = s2 * s2 * s2;
            return 24 * eps * (2 * s6 * s6 - s6) / rsq;
        }
    }

    public static Species species() {
        return new Species(List.of("Ar"), new double[] {MASS}, new double[] {0.0});
    }

    public static ForceField forceField(double cutoff) {
        return ForceField.builder(species()).pair(0, 0, new Lj(EPS, SIGMA, cutoff), true).build();
    }

    /** fcc crystal of n×n×n conventional cells with lattice constant a, optionally jittered. */
    public static SimulationState fcc(int n, double a, double jitter, long seed) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int natoms = 4 * n * n * n;
        Atoms atoms = new Atoms(species(), natoms);
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double[] b : basis) {
                        atoms.x[3 * k] = (i + b[0]) * a + jitter * (rng.nextDouble() - 0.5);
                        atoms.x[3 * k + 1] = (j + b[1]) * a + jitter * (rng.nextDouble() - 0.5);
                        atoms.x[3 * k + 2] = (l + b[2]) * a + jitter * (rng.nextDouble() - 0.5);
                        atoms.type[k] = 0;
                        atoms.id[k] = k + 1;
                        k++;
                    }
                }
            }
        }
        atoms.chargesFromSpecies();
        Box box = Box.orthorhombic(n * a, n * a, n * a);
        return new SimulationState(atoms, box, 12345L);
    }

    /** A one-threaded engine with a 1 Å skin. */
    public static ForceEngine engine() {
        return new ForceEngine(forceField(CUTOFF), 1.0, 1);
    }

    /** Config mapping from alternating keys and values. */
    public static Params params(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Params("stage", m);
    }

    /** Builds stages from mappings. */
    public static List<Stage> stages(Params... ps) {
        List<Stage> out = new ArrayList<>();
        for (Params p : ps) {
            out.add(Stages.create(p));
        }
        return out;
    }

    /** Observer that records thermo columns every {@code every} steps. */
    public static final class Recorder implements StepObserver {
        private final long every;
        public final List<double[]> rows = new ArrayList<>();
        public final List<double[]> extra = new ArrayList<>();

        public Recorder(long every) {
            this.every = every;
        }

        @Override
        public long interval() {
            return every;
        }

        @Override
        public void observe(StepInfo info) {
            rows.add(info.thermo().values(new double[21]));
            extra.add(info.extraValues().clone());
        }

        /** Column c of rows whose step is ≥ fromStep. */
        public double[] column(int c, long fromStep) {
            return rows.stream().filter(r -> r[0] >= fromStep).mapToDouble(r -> r[c]).toArray();
        }
    }

    public static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    public static double std(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (a.length - 1));
    }

    /**
     * Standard error of the mean of a correlated series by block averaging (Flyvbjerg and
     * Petersen, J. Chem. Phys. 91, 461 (1989)) with {@code blocks} equal blocks.
     */
    public static double blockStdError(double[] a, int blocks) {
        int len = a.length / blocks;
        double[] means = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int i = b * len; i < (b + 1) * len; i++) {
                s += a[i];
            }
            means[b] = s / len;
        }
        return std(means) / Math.sqrt(blocks);
    }
}
