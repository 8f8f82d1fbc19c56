package org.dendrite.partition;

import java.time.Duration;

import org.dendrite.md.Atoms;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;

/**
 * Measurement (not a test): wall time per NVE step and the share spent in the halo exchange, for
 * LLZO (Du/Teter + DSF, cut-off 11 Å, skin 1 Å) with one engine on PeriodicImages, and with 1 and 2
 * in-process domains. Arguments: replication factor(s) of the 192-atom cell, e.g. "2 4".
 */
public final class ExchangeShareMeasurement {
    private ExchangeShareMeasurement() {
    }

    public static void main(String[] args) {
        ForceField ff = TestSystems.llzoForceField();
        int steps = Integer.parseInt(System.getProperty("steps", "20"));
        for (String arg : args) {
            int m = Integer.parseInt(arg);
            Structure s = TestSystems.llzo(ff, m, m, m, 0.02, 3);
            TestSystems.velocities(s.atoms(), 600, 4);
            single(s, ff, steps);
            for (BrickGrid g : new BrickGrid[] {new BrickGrid(1, 1, 1), new BrickGrid(2, 1, 1)}) {
                decomposed(s, ff, g, steps);
            }
        }
    }

    private static void step(Atoms a, ForceEngine e, org.dendrite.md.Box box, ForceResult r) {
        double dt = Units.FEMTOSECOND_PS;
        for (int i = 0; i < a.nlocal; i++) {
            double h = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL / a.mass(i);
            for (int c = 0; c < 3; c++) {
                a.v[3 * i + c] += h * a.f[3 * i + c];
                a.x[3 * i + c] += dt * a.v[3 * i + c];
            }
        }
        e.compute(a, box, false, r);
        for (int i = 0; i < a.nlocal; i++) {
            double h = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL / a.mass(i);
            for (int c = 0; c < 3; c++) {
                a.v[3 * i + c] += h * a.f[3 * i + c];
            }
        }
    }

    private static void single(Structure s, ForceField ff, int steps) {
        Atoms a = s.atoms().copyLocal();
        org.dendrite.md.Box box = s.box().copy();
        ForceResult r = new ForceResult();
        try (ForceEngine e = new ForceEngine(ff, 1.0, 1)) {
            e.compute(a, box, false, r);
            long t0 = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                step(a, e, box, r);
            }
            double wall = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("%6d atoms  PeriodicImages      : %.4f s/step  rebuilds %d%n", a.nlocal, wall / steps,
                    e.timings().rebuilds);
        }
    }

    private static void decomposed(Structure s, ForceField ff, BrickGrid g, int steps) {
        try (DecomposedSystem d = new DecomposedSystem(s, ff, g, 1.0, Duration.ofSeconds(120))) {
            d.compute(false);
            d.run(r -> r.halo.resetTimings());
            long t0 = System.nanoTime();
            d.run(r -> {
                for (int k = 0; k < steps; k++) {
                    step(r.atoms, r.engine, r.box, r.result);
                }
            });
            double wall = (System.nanoTime() - t0) * 1e-9;
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < d.ranks(); r++) {
                DomainHalo h = d.rank(r).halo;
                double ex = (h.exchangeNanos() + h.sumNanos()) * 1e-9;
                sb.append(String.format("  rank %d: %d owned, %d ghosts, exchange %.1f %% (sum %.1f %%)", r,
                        d.rank(r).atoms.nlocal, d.rank(r).atoms.nghost, 100 * ex / wall,
                        100 * h.sumNanos() * 1e-9 / wall));
            }
            System.out.printf("%6d atoms  %dx%dx%d domains     : %.4f s/step%s%n", s.atomCount(), g.na(), g.nb(), g.nc(),
                    wall / steps, sb);
        }
    }
}
