package org.dendrite.md.build.crystal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Property tests of the cubic LLZO Li sampler, through the crystal builder. */
class CubicLithiumSamplerTest {
    private static final int SEEDS = 200;

    private static AtomicModel cubic(long seed, List<Integer> cells, Double dMin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "crystal");
        m.put("phase", "llzo-cubic");
        m.put("cells", cells);
        m.put("seed", seed);
        if (dMin != null) {
            m.put("li_min_distance_A", dMin);
        }
        return StructureBuilders.build(Params.of("structure", m), BuildContext.standalone(null, 0));
    }

    /** Closest Li–Li distance through periodic images (all pairs; the box is at least one cell wide). */
    static double minLiLi(AtomicModel m) {
        Box box = m.box();
        double best = Double.MAX_VALUE;
        double[] d = new double[3];
        for (int i = 0; i < m.size(); i++) {
            if (!m.element(i).equals("Li")) {
                continue;
            }
            for (int j = i + 1; j < m.size(); j++) {
                if (!m.element(j).equals("Li")) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    d[k] = m.x(j, k) - m.x(i, k);
                }
                box.minimumImage(d, 0);
                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
            }
        }
        return best;
    }

    /** Li per conventional cell (a = edge), indexed (k·nb + j)·na + i. */
    static int[] liPerCell(AtomicModel m, double a, int na, int nb, int nc) {
        int[] c = new int[na * nb * nc];
        for (int q = 0; q < m.size(); q++) {
            if (m.element(q).equals("Li")) {
                int i = (int) Math.floor(m.x(q, 0) / a);
                int j = (int) Math.floor(m.x(q, 1) / a);
                int k = (int) Math.floor(m.x(q, 2) / a);
                c[(k * nb + j) * na + i]++;
            }
        }
        return c;
    }

    @Test
    @DisplayName("over 200 seeds the default sampler never puts two Li closer than 2.0 A (periodic images), always 56 Li per cell, and every seed gives its own arrangement")
    void exclusionAndCountOverManySeeds() {
        Set<String> arrangements = new HashSet<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            AtomicModel m = cubic(seed, List.of(1, 1, 1), null);
            assertEquals(56, m.count("Li"), "seed " + seed);
            assertTrue(minLiLi(m) >= CrystalBuilder.DEFAULT_LI_MIN_DISTANCE_A, "seed " + seed + ": " + minLiLi(m));
            arrangements.add(Arrays.toString(Arrays.copyOf(m.positions(), 3 * 56)));
        }
        assertEquals(SEEDS, arrangements.size());
    }

    @Test
    @DisplayName("the exclusion holds across cell faces and each cell keeps 56 Li in 2x2x1 supercells (40 seeds), for exclusion distances 1.0, 2.0 and 2.34 A")
    void supercellsAndOtherDistances() {
        for (double dMin : new double[] {1.0, 2.0, 2.34}) {
            for (long seed = 1; seed <= 40; seed++) {
                AtomicModel m = cubic(seed, List.of(2, 2, 1), dMin);
                assertArrayEquals(new int[] {56, 56, 56, 56}, liPerCell(m, Garnet.CUBIC_A_A, 2, 2, 1), "seed " + seed);
                assertTrue(minLiLi(m) >= dMin, "d_min " + dMin + " seed " + seed + ": " + minLiLi(m));
            }
        }
    }

    @Test
    @DisplayName("the same seed reproduces the arrangement atom for atom; the cells of a supercell are not copies of each other")
    void reproducibleAndCellsIndependent() {
        AtomicModel a = cubic(99, List.of(2, 1, 1), null);
        AtomicModel b = cubic(99, List.of(2, 1, 1), null);
        assertArrayEquals(Arrays.copyOf(a.positions(), 3 * a.size()), Arrays.copyOf(b.positions(), 3 * b.size()));
        // Li of cell 0 shifted by one edge vs Li of cell 1
        Set<String> cell0 = new HashSet<>();
        Set<String> cell1 = new HashSet<>();
        for (int q = 0; q < a.size(); q++) {
            if (a.element(q).equals("Li")) {
                double x = a.x(q, 0);
                String key = String.format("%.6f %.6f %.6f", x % Garnet.CUBIC_A_A, a.x(q, 1), a.x(q, 2));
                (x < Garnet.CUBIC_A_A ? cell0 : cell1).add(key);
            }
        }
        assertEquals(56, cell0.size());
        assertTrue(!cell0.equals(cell1), "cell 1 repeats cell 0");
    }

    @Test
    @DisplayName("the 24d occupation is disordered: over 200 one-cell seeds at the default exclusion, at least four different 24d counts occur and 24d sets differ from the tetragonal one")
    void tetrahedralOccupationVaries() {
        UnitCell li = Garnet.cubicLithiumSites(Garnet.CUBIC_A_A);
        int[] orderedTets = Arrays.stream(Garnet.orderedLithiumPattern(li)).filter(s -> li.site(s) == 0).toArray();
        GarnetLithiumSampler sampler = new GarnetLithiumSampler(li, 1, 1, 1, 56, CrystalBuilder.DEFAULT_LI_MIN_DISTANCE_A);
        Set<Integer> counts = new HashSet<>();
        int differentFromOrdered = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            boolean[] occ = sampler.sample(orderedTets, new SplittableRandom(seed));
            int n = 0;
            for (int s = 0; s < li.size(); s++) {
                n += occ[s] && li.site(s) == 0 ? 1 : 0;
            }
            counts.add(n);
            boolean same = n == orderedTets.length;
            for (int s : orderedTets) {
                same &= occ[s];
            }
            differentFromOrdered += same ? 0 : 1;
            assertTrue(!sampler.usedOrderedFallback(), "seed " + seed + " fell back on the ordered 24d set");
        }
        assertTrue(counts.size() >= 4, "24d counts seen: " + counts);
        assertTrue(differentFromOrdered >= SEEDS - 5, differentFromOrdered + " of " + SEEDS + " differ from the ordered 24d set");
    }

    @Test
    @DisplayName("below the near 24d-96h distance only octahedron partners are excluded: with 1.0 A some 24d-96h pairs at 1.64 A do occur")
    void smallerWindowAllowsNearPairs() {
        double closest = Double.MAX_VALUE;
        for (long seed = 1; seed <= 10; seed++) {
            double d = minLiLi(cubic(seed, List.of(1, 1, 1), 1.0));
            assertTrue(d >= 1.0);
            closest = Math.min(closest, d);
        }
        assertEquals(1.639, closest, 0.01);
    }

    @Test
    @DisplayName("the sampler derives the garnet shells from the sites (0.715 / 1.639 / 2.341 A at a = 12.97 A) and rejects exclusions outside (0.715, 2.341] A")
    void shellsAndWindows() {
        UnitCell li = Garnet.cubicLithiumSites(12.97);
        GarnetLithiumSampler s = new GarnetLithiumSampler(li, 1, 1, 1, 56, 2.0);
        assertEquals(0.715, s.partnerDistance(), 0.001);
        assertEquals(1.639, s.nearDistance(), 0.001);
        assertEquals(2.341, s.farDistance(), 0.001);
        assertTrue(s.tetBlocksNearHalf());
        assertTrue(!new GarnetLithiumSampler(li, 1, 1, 1, 56, 1.5).tetBlocksNearHalf());
        assertThrows(IllegalArgumentException.class, () -> new GarnetLithiumSampler(li, 1, 1, 1, 56, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new GarnetLithiumSampler(li, 1, 1, 1, 56, 2.35));
    }
}
