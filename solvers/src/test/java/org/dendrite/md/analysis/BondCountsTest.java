package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.io.Structure;
import org.dendrite.md.region.PlacedRegion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BondCountsTest {
    static final Species AB = new Species(List.of("A", "B"), new double[] {1, 1}, new double[] {0, 0});

    /** Rock salt: A on the fcc sites of an n×n×n cubic supercell with lattice parameter a, B shifted by a/2. */
    static Atoms rockSalt(double a, int n) {
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        Atoms at = new Atoms(AB, 8 * n * n * n);
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
                            at.id[k] = k + 1;
                            k++;
                        }
                    }
                }
            }
        }
        return at;
    }

    /** Brute-force count over all pairs and the 27 nearest images (cells larger than 2 cut-offs not needed). */
    static long bruteForce(Atoms at, Box box, int ta, int tb, double rc, boolean[] sel) {
        long c = 0;
        double[] d = new double[3];
        for (int i = 0; i < at.nlocal; i++) {
            for (int j = i + 1; j < at.nlocal; j++) {
                boolean match = (at.type[i] == ta && at.type[j] == tb) || (at.type[i] == tb && at.type[j] == ta);
                if (!match || !(sel[i] || sel[j])) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    d[k] = at.x[3 * j + k] - at.x[3 * i + k];
                }
                box.minimumImage(d, 0);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < rc * rc) {
                    c++;
                }
            }
        }
        return c;
    }

    @Test
    @DisplayName("bond counts on a perfect rock-salt crystal are CN × N (A-B, CN 6) and CN × N/2 (A-A, CN 12)")
    void perfectCrystalCountsAreCoordinationTimesN() {
        double a = 4.0;
        int n = 3;
        Atoms at = rockSalt(a, n);
        Box box = Box.orthorhombic(n * a, n * a, n * a);
        BondCounts bc = new BondCounts(AB, List.of("A-B", "A-A", "B-B"), new double[] {0.6 * a, 0.85 * a, 0.85 * a});
        long[] c = bc.count(at, box, new long[3]);
        int nA = 4 * n * n * n;
        assertEquals(6L * nA, c[0]);
        assertEquals(12L * nA / 2, c[1]);
        assertEquals(12L * nA / 2, c[2]);
    }

    @Test
    @DisplayName("removing one A atom of rock salt removes exactly its 6 A-B and 12 A-A bonds")
    void removingAnAtomDropsItsBonds() {
        double a = 4.0;
        int n = 3;
        Atoms full = rockSalt(a, n);
        Atoms at = new Atoms(AB, full.nlocal - 1);
        int remove = 17;
        for (int i = 0, k = 0; i < full.nlocal; i++) {
            if (i == remove) {
                continue;
            }
            System.arraycopy(full.x, 3 * i, at.x, 3 * k, 3);
            at.type[k] = full.type[i];
            at.id[k] = full.id[i];
            k++;
        }
        Box box = Box.orthorhombic(n * a, n * a, n * a);
        BondCounts bc = new BondCounts(AB, List.of("A-B", "A-A"), new double[] {0.6 * a, 0.85 * a});
        long[] before = bc.count(full, box, new long[2]);
        long[] after = bc.count(at, box, new long[2]);
        assertEquals(0, full.type[remove]);
        assertEquals(before[0] - 6, after[0]);
        assertEquals(before[1] - 12, after[1]);
    }

    @Test
    @DisplayName("bonds with at least one atom in a region selected at the start agree with a brute-force count after the atoms moved")
    void regionSelectionFollowsTheInitialAtoms() {
        double a = 4.0;
        int n = 3;
        Atoms at = rockSalt(a, n);
        Box box = Box.orthorhombic(n * a, n * a, n * a);
        // a slab 3 < z < 6 Å holds the selected atoms
        PlacedRegion slab = (x, y, z) -> z > 3 && z < 6;
        boolean[] sel = slab.mask(at.x, at.nlocal);
        BondCounts bc = new BondCounts(AB, List.of("A-B", "A-A"), new double[] {0.6 * a, 0.85 * a});
        int selected = bc.select(at, slab);
        // z = 4 layer: 2 A and 2 B per 4 Å × 4 Å column cross-section... every atom with z = 4 Å
        int expected = 0;
        for (boolean s : sel) {
            expected += s ? 1 : 0;
        }
        assertEquals(expected, selected);
        // rattle every atom deterministically by up to 0.7 Å: some bonds stretch past the cut-off
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 3 * at.nlocal; i++) {
            at.x[i] += 0.7 * (2 * rng.nextDouble() - 1);
        }
        long[] c = bc.count(at, box, new long[2]);
        assertEquals(bruteForce(at, box, 0, 1, 0.6 * a, sel), c[0]);
        assertEquals(bruteForce(at, box, 0, 0, 0.85 * a, sel), c[1]);
    }

    @Test
    @DisplayName("cubic LLZO from the crystal builder has 6 Zr-O bonds per Zr and 8 La-O bonds per La")
    void llzoCationCoordination() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "crystal");
        m.put("phase", "llzo-cubic");
        m.put("cells", List.of(1, 1, 1));
        BuildContext ctx = BuildContext.standalone(null, 7);
        AtomicModel model = StructureBuilders.build(Params.of("structure", m), ctx);
        Structure s = model.toStructure(null, ctx.charges(), "llzo");
        Species sp = s.atoms().species;
        BondCounts bc = new BondCounts(sp, List.of("Zr-O", "La-O"), new double[] {2.6, 2.9});
        long[] c = bc.count(s.atoms(), s.box(), new long[2]);
        assertEquals(6L * model.count("Zr"), c[0]);
        assertEquals(8L * model.count("La"), c[1]);
    }
}
