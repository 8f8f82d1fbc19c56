package org.dendrite.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.partition.comm.InProcessTransport;
import org.dendrite.partition.comm.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Velocity-Verlet NVE on several domains follows the single-domain trajectory: positions agree to
 * 1e-8 Å, atom count and total charge are the same at every step, and an atom that crosses several
 * brick faces between two rebuilds migrates without being lost. The integrator is a minimal
 * per-rank loop written here (not md.integrate), so that only the exchange is under test.
 */
class DecomposedNveTest {
    private static final double DT = 1.0 * Units.FEMTOSECOND_PS;

    /** Result of a run: unwrapped positions in input order, and per-step count and charge. */
    private record Run(double[] positions, double[] count, double[] charge, int[] owner, long rebuilds) {
    }

    private static void halfKick(Atoms a, double dt) {
        for (int i = 0; i < a.nlocal; i++) {
            double h = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL / a.mass(i);
            a.v[3 * i] += h * a.f[3 * i];
            a.v[3 * i + 1] += h * a.f[3 * i + 1];
            a.v[3 * i + 2] += h * a.f[3 * i + 2];
        }
    }

    private static void drift(Atoms a, double dt) {
        for (int k = 0; k < 3 * a.nlocal; k++) {
            a.x[k] += dt * a.v[k];
        }
    }

    private static double[] singleDomain(Structure s, ForceField ff, double skin, int steps) {
        Atoms a = s.atoms().copyLocal();
        Box box = s.box().copy();
        ForceResult r = new ForceResult();
        try (ForceEngine e = new ForceEngine(ff, skin, 1)) {
            e.compute(a, box, false, r);
            for (int step = 0; step < steps; step++) {
                halfKick(a, DT);
                drift(a, DT);
                e.compute(a, box, false, r);
                halfKick(a, DT);
            }
        }
        double[] out = new double[3 * a.nlocal];
        double[] d = new double[3];
        for (int i = 0; i < a.nlocal; i++) {
            box.imageShift(a.image[3 * i], a.image[3 * i + 1], a.image[3 * i + 2], d, 0);
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = a.x[3 * i + c] + d[c];
            }
        }
        return out;
    }

    private static Run decomposed(Structure s, ForceField ff, BrickGrid grid, double skin, int steps, int trackedId) {
        return decomposed(s, ff, grid, skin, steps, trackedId, 1);
    }

    private static Run decomposed(Structure s, ForceField ff, BrickGrid grid, double skin, int steps, int trackedId,
                                  int engineThreads) {
        double[] count = new double[steps];
        double[] charge = new double[steps];
        int[] owner = new int[steps];
        Arrays.fill(owner, -1);
        Transport[] transports = InProcessTransport.group(grid.domains(), Duration.ofSeconds(60));
        try (DecomposedSystem d = new DecomposedSystem(s.atoms(), s.box(), ff, grid, skin, transports, engineThreads)) {
            d.run(r -> {
                Atoms a = r.atoms;
                r.engine.compute(a, r.box, false, r.result);
                for (int step = 0; step < steps; step++) {
                    halfKick(a, DT);
                    drift(a, DT);
                    r.engine.compute(a, r.box, false, r.result);
                    halfKick(a, DT);
                    double q = 0;
                    for (int i = 0; i < a.nlocal; i++) {
                        q += a.q[i];
                    }
                    double n = r.halo.sum(a.nlocal);
                    q = r.halo.sum(q);
                    if (r.rank == 0) {
                        count[step] = n;
                        charge[step] = q;
                    }
                    if (a.indexOfId(trackedId) >= 0) {
                        owner[step] = r.rank;
                    }
                }
            });
            double[] x = new double[3 * d.atomCount()];
            d.gatherUnwrappedPositions(x);
            return new Run(x, count, charge, owner, d.rank(0).engine.timings().rebuilds);
        } finally {
            Transport.closeAll(transports);
        }
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    private static void assertConserved(Run run, int n, double q0) {
        for (int step = 0; step < run.count().length; step++) {
            assertEquals(n, run.count()[step], 0.0, "atom count at step " + (step + 1));
            assertEquals(q0, run.charge()[step], 1e-9, "total charge at step " + (step + 1));
        }
    }

    @Test
    @DisplayName("with two force threads per rank, the overlapped pair passes give the one-domain trajectory bit for bit")
    void twoThreadsPerRankFollowOneDomainExactly() {
        ForceField ff = TestSystems.llzoForceField();
        Structure s = TestSystems.llzo(ff, 2, 2, 2, 0.05, 21);
        TestSystems.velocities(s.atoms(), 900, 22);
        int steps = 40;
        double[] ref = singleDomain(s, ff, 1.0, steps);
        Run run = decomposed(s, ff, new BrickGrid(2, 1, 1), 1.0, steps, 1, 2);
        assertTrue(run.rebuilds() >= 2, "the run rebuilt " + run.rebuilds() + " times");
        assertEquals(0.0, maxDiff(ref, run.positions()), 0.0, "largest position difference, Å");
    }

    @Test
    @Tag("long")   // about 25 s on the shared 2-core machine
    @DisplayName("LLZO NVE on 2x2x2 domains: positions equal one domain to 1e-8 Å; atom count and charge conserved every step")
    void llzoNveOnEightDomainsFollowsOneDomain() {
        ForceField ff = TestSystems.llzoForceField();
        Structure s = TestSystems.llzo(ff, 2, 2, 2, 0.05, 21);
        TestSystems.velocities(s.atoms(), 900, 22);
        int steps = 200;
        double[] ref = singleDomain(s, ff, 1.0, steps);
        Run run = decomposed(s, ff, new BrickGrid(2, 2, 2), 1.0, steps, 1);
        double q0 = 0;
        for (int i = 0; i < s.atomCount(); i++) {
            q0 += s.atoms().q[i];
        }
        assertConserved(run, s.atomCount(), q0);
        assertTrue(run.rebuilds() >= 2, "the run rebuilt (and migrated) " + run.rebuilds() + " times");
        double diff = maxDiff(ref, run.positions());
        assertTrue(diff < 1e-8, "largest position difference " + diff + " Å");
    }

    @Test
    @DisplayName("a fast atom crossing a, b and c brick faces within one rebuild interval migrates to the diagonal brick and is not lost")
    void fastAtomCrossingSeveralBoundariesIsNotLost() {
        ForceField ff = TestSystems.liEamForceField();
        Structure s = TestSystems.bccLi(ff, 8, 0.05, 31);
        TestSystems.velocities(s.atoms(), 300, 32);
        Atoms a = s.atoms();
        // The lattice site at the cell centre is the common corner of the 8 bricks of a 2x2x2 grid.
        double c = 0.5 * s.box().lx();
        int fast = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.nlocal; i++) {
            double dx = a.x[3 * i] - c, dy = a.x[3 * i + 1] - c, dz = a.x[3 * i + 2] - c;
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < best) {
                best = d2;
                fast = i;
            }
        }
        // Just below the corner, moving along (1,1,1) at 40 Å/ps: it crosses the three faces within
        // 0.4 Å, less than half the 2 Å skin, so all three crossings fall in one rebuild interval.
        double speed = 40.0 / Math.sqrt(3);
        for (int k = 0; k < 3; k++) {
            a.x[3 * fast + k] = c - 0.2;
            a.v[3 * fast + k] = speed;
        }
        int fastId = a.id[fast];
        int steps = 300;
        double skin = 2.0;
        BrickGrid grid = new BrickGrid(2, 2, 2);
        double[] ref = singleDomain(s, ff, skin, steps);
        Run run = decomposed(s, ff, grid, skin, steps, fastId);

        assertConserved(run, s.atomCount(), 0.0);
        int diagonalJumps = 0;
        for (int step = 0; step < steps; step++) {
            assertTrue(run.owner()[step] >= 0, "fast atom owned by some rank at step " + (step + 1));
            if (step > 0 && run.owner()[step] != run.owner()[step - 1]) {
                int p = run.owner()[step - 1], q = run.owner()[step];
                int axes = (p % 2 != q % 2 ? 1 : 0) + ((p / 2) % 2 != (q / 2) % 2 ? 1 : 0) + (p / 4 != q / 4 ? 1 : 0);
                if (axes >= 2) {
                    diagonalJumps++;
                }
            }
        }
        assertTrue(diagonalJumps >= 1, "the fast atom changed brick along two or more axes at one rebuild; owners "
                + Arrays.toString(Arrays.copyOf(run.owner(), 40)));
        double diff = maxDiff(ref, run.positions());
        assertTrue(diff < 1e-8, "largest position difference " + diff + " Å");
    }
}
