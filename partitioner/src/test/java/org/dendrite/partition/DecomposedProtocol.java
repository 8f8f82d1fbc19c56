package org.dendrite.partition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.integrate.Protocol;
import org.dendrite.md.integrate.Stage;
import org.dendrite.md.integrate.Stages;
import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.io.Structure;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.state.SimulationState;
import org.dendrite.md.thermo.ThermoSnapshot;
import org.dendrite.partition.comm.Transport;

/**
 * Runs the real md.integrate stages (a {@link Protocol} from stage maps, as a run config lists
 * them) on one domain ({@code PeriodicImages}) or on every rank of a {@link DecomposedSystem},
 * each rank with its own {@link SimulationState} and the same stage list, and records per step
 * the thermo row (global on every rank), the atom count and total charge over all ranks, and at
 * the end the unwrapped positions and velocities gathered by atom id in input order.
 */
final class DecomposedProtocol {
    private DecomposedProtocol() {
    }

    /** Per-step series (index = step − 1) and final gathered per-atom arrays. */
    record Trace(double[] pe, double[] etotal, double[] econserve, double[] temp, double[] press, double[] volume,
                 double[] count, double[] charge, double[] positions, double[] velocities, long rebuilds,
                 double seconds) {
    }

    static List<Stage> stages(List<Map<String, Object>> spec) {
        return spec.stream().map(m -> Stages.create(Params.of("protocol", m))).toList();
    }

    /** Records the thermo row, count and charge at every step; collective, so every rank has one. */
    private static final class Recorder implements StepObserver {
        final double[] pe, etotal, econserve, temp, press, volume, count, charge;
        private final boolean write;
        private HaloExchange halo;

        Recorder(int steps, boolean write) {
            pe = new double[steps];
            etotal = new double[steps];
            econserve = new double[steps];
            temp = new double[steps];
            press = new double[steps];
            volume = new double[steps];
            count = new double[steps];
            charge = new double[steps];
            this.write = write;
        }

        @Override
        public long interval() {
            return 1;
        }

        @Override
        public void observe(StepInfo info) {
            SimulationState s = info.state();
            ThermoSnapshot t = info.thermo();
            Atoms a = s.atoms;
            double q = 0;
            for (int i = 0; i < a.nlocal; i++) {
                q += a.q[i];
            }
            double n = halo.sum(a.nlocal);
            q = halo.sum(q);
            if (!write) {
                return;
            }
            int k = (int) (s.step - 1);
            pe[k] = t.peEv;
            etotal[k] = t.etotalEv;
            econserve[k] = t.econserveEv;
            temp[k] = t.tempK;
            press[k] = t.pressBar;
            volume[k] = t.volumeA3;
            count[k] = n;
            charge[k] = q;
        }
    }

    static Trace single(Structure s, ForceField ff, double skin, List<Map<String, Object>> spec, int steps, long seed)
            throws Exception {
        Atoms a = s.atoms().copyLocal();
        Box box = s.box().copy();
        Recorder rec = new Recorder(steps, true);
        long t0 = System.nanoTime();
        long rebuilds;
        try (ForceEngine e = new ForceEngine(ff, skin, 1)) {
            Protocol p = new Protocol(stages(spec), e);
            rec.halo = e.halo();
            p.addObserver(rec);
            p.run(new SimulationState(a, box, seed));
            rebuilds = e.timings().rebuilds;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] x = new double[3 * a.nlocal];
        double[] d = new double[3];
        for (int i = 0; i < a.nlocal; i++) {
            box.imageShift(a.image[3 * i], a.image[3 * i + 1], a.image[3 * i + 2], d, 0);
            for (int c = 0; c < 3; c++) {
                x[3 * i + c] = a.x[3 * i + c] + d[c];
            }
        }
        double[] v = java.util.Arrays.copyOf(a.v, 3 * a.nlocal);
        return new Trace(rec.pe, rec.etotal, rec.econserve, rec.temp, rec.press, rec.volume, rec.count, rec.charge,
                x, v, rebuilds, seconds);
    }

    static Trace decomposed(Structure s, ForceField ff, BrickGrid grid, double skin, List<Map<String, Object>> spec,
                            int steps, long seed) {
        return runOn(grid, spec, steps, seed, () -> new DecomposedSystem(s, ff, grid, skin, Duration.ofSeconds(120)));
    }

    /** As {@link #decomposed}, over the transports {@code transports} makes (one per brick, index = rank). */
    static Trace decomposed(Structure s, ForceField ff, BrickGrid grid, double skin, List<Map<String, Object>> spec,
                            int steps, long seed, java.util.function.Supplier<Transport[]> transports) {
        return runOn(grid, spec, steps, seed,
                () -> new DecomposedSystem(s.atoms(), s.box(), ff, grid, skin, transports.get()));
    }

    private static Trace runOn(BrickGrid grid, List<Map<String, Object>> spec, int steps, long seed,
                               java.util.function.Supplier<DecomposedSystem> system) {
        Recorder[] recs = new Recorder[grid.domains()];
        for (int r = 0; r < recs.length; r++) {
            recs[r] = new Recorder(steps, r == 0);
        }
        try (DecomposedSystem d = system.get()) {
            long t0 = System.nanoTime();
            d.run(r -> {
                Protocol p = new Protocol(stages(spec), r.engine);
                recs[r.rank].halo = r.halo;
                p.addObserver(recs[r.rank]);
                p.run(new SimulationState(r.atoms, r.box, seed));
            });
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double[] x = new double[3 * d.atomCount()];
            double[] v = new double[3 * d.atomCount()];
            d.gatherUnwrappedPositions(x);
            d.gatherVelocities(v);
            Recorder rec = recs[0];
            return new Trace(rec.pe, rec.etotal, rec.econserve, rec.temp, rec.press, rec.volume, rec.count,
                    rec.charge, x, v, d.rank(0).engine.timings().rebuilds, seconds);
        }
    }
}
