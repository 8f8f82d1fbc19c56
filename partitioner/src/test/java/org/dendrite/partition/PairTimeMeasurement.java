package org.dendrite.partition;

import java.time.Duration;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.neighbor.SpatialSort;
import org.dendrite.md.potential.ForceField;

/**
 * Measurement (not a test): where a 2-domain step loses against half a one-domain step. Force
 * evaluations only (positions fixed, so no rebuild inside the timed loop), LLZO (Du/Teter + DSF,
 * skin 2 Å) replicated R×R×R and R×R×R/2 from the 192-atom cell:
 * <ul>
 *   <li>one domain (atoms in input order, and spatially sorted as decomposed ranks sort them);</li>
 *   <li>one half-size system alone, and two half-size systems on two threads at once (what two
 *       cores give two independent computations on this machine);</li>
 *   <li>the two ranks of a 2x1x1 in-process decomposition of the full system;</li>
 *   <li>the time of one neighbour-list build of the full system.</li>
 * </ul>
 * Prints the pair-loop time per evaluation and per list pair. Argument: R (even), default 6 (41472 atoms).
 */
public final class PairTimeMeasurement {
    private static final int WARMUP = 4;
    private static final int EVALUATIONS = 12;
    private static final double SKIN = 2.0;

    private PairTimeMeasurement() {
    }

    /** {pair seconds per evaluation, list pairs, ghosts per owned atom, build seconds}. */
    private static double[] oneDomain(ForceField ff, Structure s, boolean sorted) {
        Atoms a = s.atoms().copyLocal();
        Box box = s.box().copy();
        if (sorted) {
            new SpatialSort().sortOwned(a, 0.5 * (ff.maxCutoff() + SKIN));
        }
        try (ForceEngine e = new ForceEngine(ff, SKIN, 1)) {
            ForceResult r = new ForceResult();
            for (int k = 0; k < WARMUP; k++) {
                e.compute(a, box, false, r);
            }
            long p0 = e.timings().pairNanos;
            for (int k = 0; k < EVALUATIONS; k++) {
                e.compute(a, box, false, r);
            }
            double pair = (e.timings().pairNanos - p0) * 1e-9 / EVALUATIONS;
            long n0 = e.timings().neighborNanos;
            for (int k = 0; k < 3; k++) {
                e.requestRebuild();
                e.compute(a, box, false, r);
            }
            double build = (e.timings().neighborNanos - n0) * 1e-9 / 3;
            return new double[] {pair, e.neighborList().totalPairs(), a.nghost / (double) a.nlocal, build};
        }
    }

    private static void row(String label, double pairSeconds, double pairs, double ghostsPerOwned) {
        System.out.printf("| %s | %.4f | %.0f | %.2f | %.2f |%n", label, pairSeconds, pairs, ghostsPerOwned,
                pairSeconds / pairs * 1e9);
    }

    public static void main(String[] args) throws Exception {
        int rep = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        ForceField ff = TestSystems.llzoForceField();
        Structure full = TestSystems.llzo(ff, rep, rep, rep, 0.05, 1);
        Structure half = TestSystems.llzo(ff, rep, rep, rep / 2, 0.05, 1);
        oneDomain(ff, half, false); // JIT warm-up of the engine, not reported
        System.out.println("| case | pair loop s/evaluation | list pairs | ghosts/owned | ns/pair |");
        System.out.println("|---|---:|---:|---:|---:|");
        double[] one = oneDomain(ff, full, false);
        row("one domain, " + full.atomCount() + " atoms, input order", one[0], one[1], one[2]);
        double[] sorted = oneDomain(ff, full, true);
        row("one domain, spatially sorted", sorted[0], sorted[1], sorted[2]);
        double[] alone = oneDomain(ff, half, false);
        row("half system (" + half.atomCount() + " atoms) alone", alone[0], alone[1], alone[2]);
        double[][] both = new double[2][];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int slot = t;
            threads[t] = new Thread(() -> both[slot] = oneDomain(ff, half, false));
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int t = 0; t < 2; t++) {
            row("half system, two at once on two threads (" + t + ")", both[t][0], both[t][1], both[t][2]);
        }
        try (DecomposedSystem d = new DecomposedSystem(full, ff, new BrickGrid(2, 1, 1), SKIN, Duration.ofSeconds(120))) {
            for (int k = 0; k < WARMUP; k++) {
                d.compute(false);
            }
            long[] p0 = new long[2];
            for (int r = 0; r < 2; r++) {
                p0[r] = d.rank(r).engine.timings().pairNanos;
            }
            for (int k = 0; k < EVALUATIONS; k++) {
                d.compute(false);
            }
            for (int r = 0; r < 2; r++) {
                ForceEngine e = d.rank(r).engine;
                row("rank " + r + " of 2x1x1 in-process", (e.timings().pairNanos - p0[r]) * 1e-9 / EVALUATIONS,
                        e.neighborList().totalPairs(), d.rank(r).atoms.nghost / (double) d.rank(r).atoms.nlocal);
            }
        }
        System.out.printf("neighbour-list build of %d atoms on one thread: %.3f s%n", full.atomCount(), one[3]);
    }
}
