package org.dendrite.fem.polycrystal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.dendrite.fem.conduction.ConductionModel;
import org.dendrite.fem.conduction.ConductionResult;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.solve.DirectSolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PolycrystalMeshTest {
    static final double UM = 1e-6;

    static PolycrystalMesh poly(long seed) {
        Voronoi2D v = Voronoi2D.generate(0, 0, 100 * UM, 50 * UM, 10 * UM, 0.5, seed);
        return PolycrystalMesh.build(v, 100 * UM, 50 * UM, 0, 0, 0.5 * UM);
    }

    @Test
    @DisplayName("the number of grains in the mesh follows the target grain size (equivalent-circle diameter)")
    void grainCountFollowsTargetSize() {
        PolycrystalMesh pm = poly(7);
        int expected = (int) Math.round(100.0 * 50.0 / (Math.PI * 100 / 4));
        assertEquals(expected, pm.voronoi().grains());
        Set<Integer> present = new HashSet<>();
        for (int g : pm.mesh().cellTag(PolycrystalMesh.GRAIN)) {
            present.add(g);
        }
        assertEquals(expected, present.size(), "every grain has elements");
        double meanDiameter = Math.sqrt(4 * 100 * 50 / (Math.PI * present.size()));
        assertEquals(10.0, meanDiameter, 0.2);
        // a larger target size gives fewer grains
        Voronoi2D coarse = Voronoi2D.generate(0, 0, 100 * UM, 50 * UM, 20 * UM, 0.5, 7);
        assertEquals(Math.round(5000 / (Math.PI * 100)), coarse.grains());
    }

    @Test
    @DisplayName("every element lies in exactly one grain, the one of the nearest seed, and grains share no node copy")
    void everyElementInExactlyOneGrain() {
        PolycrystalMesh pm = poly(11);
        Mesh m = pm.mesh();
        int[] grain = m.cellTag(PolycrystalMesh.GRAIN);
        int[] nodeGrain = new int[m.nodeCount()];
        Arrays.fill(nodeGrain, -2);
        for (int e = 0; e < m.elementCount(); e++) {
            double cx = 0;
            double cy = 0;
            for (int a = 0; a < 4; a++) {
                cx += m.x(m.node(e, a), 0) / 4;
                cy += m.x(m.node(e, a), 1) / 4;
            }
            assertEquals(pm.voronoi().grainAt(cx, cy), grain[e], "element " + e);
            for (int a = 0; a < 4; a++) {
                int n = m.node(e, a);
                assertTrue(nodeGrain[n] == -2 || nodeGrain[n] == grain[e], "node copy " + n + " shared by two grains");
                nodeGrain[n] = grain[e];
            }
        }
    }

    @Test
    @DisplayName("the same seed gives the same polycrystal, another seed a different one")
    void reproducibleBySeed() {
        PolycrystalMesh a = poly(42);
        PolycrystalMesh b = poly(42);
        PolycrystalMesh c = poly(43);
        assertArrayEquals(a.mesh().cellTag(PolycrystalMesh.GRAIN), b.mesh().cellTag(PolycrystalMesh.GRAIN));
        assertArrayEquals(a.mesh().coords(), b.mesh().coords());
        assertArrayEquals(a.gbFacets().nodes(), b.gbFacets().nodes());
        assertFalse(Arrays.equals(a.mesh().cellTag(PolycrystalMesh.GRAIN), c.mesh().cellTag(PolycrystalMesh.GRAIN)));
    }

    @Test
    @DisplayName("GB facets lie only between two different grains and join distinct node copies at the same place")
    void gbFacetsOnlyBetweenDifferentGrains() {
        PolycrystalMesh pm = poly(5);
        PolycrystalMesh.GbFacets gb = pm.gbFacets();
        Mesh m = pm.mesh();
        assertTrue(gb.count() > 100);
        for (int k = 0; k < gb.count(); k++) {
            assertNotEquals(gb.grainA()[k], gb.grainB()[k]);
            for (int s = 0; s < 2; s++) {
                int p = gb.nodes()[4 * k + s];
                int q = gb.nodes()[4 * k + 2 + s];
                assertNotEquals(p, q, "facet " + k);
                assertEquals(m.x(p, 0), m.x(q, 0), 0);
                assertEquals(m.x(p, 1), m.x(q, 1), 0);
            }
        }
        // each grain-changing edge is a facet: count them directly on the element grid (nx = 200)
        int[] grain = m.cellTag(PolycrystalMesh.GRAIN);
        int nx = 200;
        int ny = 100;
        int changes = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int e = i + nx * j;
                changes += i + 1 < nx && grain[e] != grain[e + 1] ? 1 : 0;
                changes += j + 1 < ny && grain[e] != grain[e + nx] ? 1 : 0;
            }
        }
        assertEquals(changes, gb.count());
    }

    @Test
    @DisplayName("the projected staircase represents the true length of a tilted Voronoi edge to within 2 h")
    void staircaseCarriesTrueGbLength() {
        double w = 100 * UM;
        double t = 50 * UM;
        double h = 0.5 * UM;
        double[] s = {37 * UM, 21 * UM, 61 * UM, 32 * UM};
        PolycrystalMesh pm = PolycrystalMesh.build(Voronoi2D.of(0, 0, w, t, s), w, t, 0, 0, h);
        // bisector: points x with (x − m)·d = 0, d = s1 − s0; it is steep here, so clip at y = 0 and y = t
        double mx = (s[0] + s[2]) / 2;
        double my = (s[1] + s[3]) / 2;
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double x0 = mx + (my - 0) * dy / dx;
        double x1 = mx + (my - t) * dy / dx;
        double trueLength = Math.hypot(x1 - x0, t);
        double raw = Arrays.stream(pm.gbFacets().length()).sum();
        assertEquals(trueLength, pm.gbFacets().effectiveLength(), 2 * h);
        assertTrue(raw > trueLength * 1.1, "the uncorrected staircase is longer: " + raw + " vs " + trueLength);
    }

    @Test
    @DisplayName("a bicrystal with a GB conductance and homogenizing layers matches L/(Σ t/σ + 1/G) to 1e-10")
    void bicrystalMatchesSeriesFormula() {
        double w = 20 * UM;
        double t = 30 * UM;
        double sigma = 0.05;
        double g = 2.0e3;
        for (double[] layers : new double[][] {{0, 0}, {3 * UM, 5 * UM}}) {
            Voronoi2D v = Voronoi2D.of(0, layers[0], w, t, w / 2, layers[0] + t / 4, w / 2, layers[0] + 3 * t / 4);
            PolycrystalMesh pm = PolycrystalMesh.build(v, w, t, layers[0], layers[1], 1 * UM);
            assertEquals(w / UM, pm.gbFacets().effectiveLength() / UM, 1e-9);
            double sl = 1e-2;
            ConductionModel model = new ConductionModel(pm.mesh())
                    .conductivity(PolycrystalMesh.REGION_GRAINS, sigma)
                    .conductivity(PolycrystalMesh.REGION_BOTTOM_LAYER, sl)
                    .conductivity(PolycrystalMesh.REGION_TOP_LAYER, sl)
                    .potential(BoxFace.YMIN, 0.0).potential(BoxFace.YMAX, 0.1)
                    .solver(new DirectSolver());
            ConductionResult r = pm.addGrainBoundaries(model, g).solve();
            double total = layers[0] + t + layers[1];
            double expected = total / (layers[0] / sl + t / sigma + 1 / g + layers[1] / sl);
            double got = r.effectiveConductivity(BoxFace.YMIN, BoxFace.YMAX);
            assertEquals(expected, got, 1e-10 * expected, "layers " + Arrays.toString(layers));
            assertEquals(1.0, r.hotSpotRatio(BoxFace.YMIN), 1e-10);
        }
    }

    @Test
    @DisplayName("the windowed hot-spot ratio of a uniform block is 1 for any window length (aligned with facets or not)")
    void windowedHotSpotRatioOfUniformBlockIsOne() {
        double w = 12 * UM;
        double t = 8 * UM;
        PolycrystalMesh pm = PolycrystalMesh.build(Voronoi2D.of(0, 0, w, t, w / 2, t / 2), w, t, 0, 0, 0.5 * UM);
        ConductionResult r = new ConductionModel(pm.mesh()).conductivity(PolycrystalMesh.REGION_GRAINS, 0.1)
                .potential(BoxFace.YMIN, 0.0).potential(BoxFace.YMAX, 0.1).solver(new DirectSolver()).solve();
        for (double window : new double[] {0.5 * UM, 0.73 * UM, 1 * UM, 5.1 * UM, w}) {
            assertEquals(1.0, r.windowedHotSpotRatio(BoxFace.YMIN, window), 1e-10, "window " + window);
            assertEquals(1.0, r.windowedHotSpotRatio(BoxFace.YMAX, window), 1e-10, "window " + window);
        }
    }

    /** Facet and 1 µm-windowed hot-spot ratios of an inclined GB meeting the Li face, at h = 0.5, 0.25, 0.125 µm. */
    static double[][] inclinedGbRatios() {
        double w = 16 * UM;
        double t = 10 * UM;
        double[] seeds = {4 * UM, 7 * UM, 12 * UM, 3 * UM};
        double[][] out = new double[3][];
        int k = 0;
        for (double h : new double[] {0.5 * UM, 0.25 * UM, 0.125 * UM}) {
            PolycrystalMesh pm = PolycrystalMesh.build(Voronoi2D.of(0, 0, w, t, seeds), w, t, 0, 0, h);
            ConductionModel model = new ConductionModel(pm.mesh()).conductivity(PolycrystalMesh.REGION_GRAINS, 0.1)
                    .potential(BoxFace.YMIN, 0.0).potential(BoxFace.YMAX, 0.1).solver(new DirectSolver());
            // seed 003's GB: σ_GB = 1e-6 S/m over 5 nm (docs/validation.md §2)
            ConductionResult r = pm.addGrainBoundaries(model, 1e-6 / 5e-9).solve();
            out[k++] = new double[] {r.hotSpotRatio(BoxFace.YMIN), r.windowedHotSpotRatio(BoxFace.YMIN, 1 * UM)};
        }
        return out;
    }

    @Test
    @DisplayName("for a GB meeting the electrode the facet max/mean keeps growing on refinement, the 1 µm-windowed ratio converges")
    void windowedHotSpotRatioConvergesAtGbElectrodeJunction() {
        double[][] r = inclinedGbRatios();
        double facet1 = r[1][0] - r[0][0];
        double facet2 = r[2][0] - r[1][0];
        double win1 = Math.abs(r[1][1] - r[0][1]);
        double win2 = Math.abs(r[2][1] - r[1][1]);
        String all = Arrays.deepToString(r);
        assertTrue(r[2][1] > 1.2, "the GB must make a hot spot: " + all);
        assertTrue(facet1 > 0 && facet2 > 0.5 * facet1, "facet maximum should keep growing: " + all);
        assertTrue(win2 < 0.7 * win1, "windowed ratio should converge: " + all);
        assertTrue(win2 < 0.02 * r[2][1], "windowed ratio should change by < 2 % on the last refinement: " + all);
    }
}
