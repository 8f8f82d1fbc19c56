package org.dendrite.fem.conduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.fem.FemException;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshException;
import org.dendrite.fem.mesh.MeshTags;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.dendrite.fem.mesh.VtuReader;
import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.fem.solve.SolverException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConductionModelTest {
    @TempDir
    Path dir;

    /** Layer interfaces (m) and conductivities (S/m): LLZO grain | resistive GB-like film | layer. */
    static final double L = 20e-6;
    static final double[] CUTS = {7e-6, 7.5e-6, 12e-6};
    static final double[] SIGMA = {2.0e-2, 3.0e-5, 1.0e-2, 5.0e-3};

    static double[] lines(double length, double[] cuts, int perLayer) {
        double[] bounds = new double[cuts.length + 2];
        bounds[0] = 0;
        System.arraycopy(cuts, 0, bounds, 1, cuts.length);
        bounds[bounds.length - 1] = length;
        double[] x = new double[(bounds.length - 1) * perLayer + 1];
        int k = 0;
        for (int i = 0; i + 1 < bounds.length; i++) {
            for (int j = 0; j < perLayer; j++) {
                x[k++] = bounds[i] + (bounds[i + 1] - bounds[i]) * j / perLayer;
            }
        }
        x[k] = length;
        return x;
    }

    static Mesh layered(ElementType t, int axis) {
        double[] across = lines(L, CUTS, 3);
        double[] other = StructuredMeshes.uniform(0, 8e-6, 4);
        double[] xs = axis == 0 ? across : other;
        double[] ys = axis == 1 ? across : other;
        Mesh m = t.dim == 2 ? StructuredMeshes.rectangle(t, xs, ys)
                : StructuredMeshes.box(t, xs, ys, StructuredMeshes.uniform(0, 5e-6, 2));
        m.putCellTag(Mesh.REGION, MeshTags.layersAlong(m, axis, CUTS));
        return m;
    }

    static ConductionModel model(Mesh m) {
        ConductionModel c = new ConductionModel(m)
                .solver(new ConjugateGradient(PreconditionerType.AMG, new IterationControl(1e-15, 0, 500)));
        for (int r = 0; r < SIGMA.length; r++) {
            c.conductivity(r, SIGMA[r]);
        }
        return c;
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "QUAD4", "TET4", "HEX8"})
    @DisplayName("a layered series conductor matches the analytic effective conductivity L/Σ(t_i/σ_i) to 1e-10")
    void seriesLayersMatchAnalyticConductivity(ElementType t) {
        Mesh m = layered(t, 0);
        ConductionResult r = model(m).potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0.0).solve();
        double resistance = 0;
        double prev = 0;
        for (int i = 0; i < SIGMA.length; i++) {
            double next = i < CUTS.length ? CUTS[i] : L;
            resistance += (next - prev) / SIGMA[i];
            prev = next;
        }
        double expected = L / resistance;
        double got = r.effectiveConductivity(BoxFace.XMIN, BoxFace.XMAX);
        assertEquals(expected, got, 1e-10 * expected, t + ": σ_eff");
        // current conservation between the electrodes
        assertEquals(0, r.currentOut(BoxFace.XMIN) + r.currentOut(BoxFace.XMAX), 1e-10 * Math.abs(r.currentOut(BoxFace.XMAX)));
        // series current density is uniform and the same in every layer: j = σ_eff ΔV / L
        double j = expected * 0.1 / L;
        double[] cd = r.currentDensity();
        for (int e = 0; e < m.elementCount(); e++) {
            assertEquals(j, cd[e * m.dim()], 1e-9 * j, "element " + e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "HEX8"})
    @DisplayName("layers parallel to the current match the analytic Σ σ_i t_i / W to 1e-10")
    void parallelLayersMatchAnalyticConductivity(ElementType t) {
        Mesh m = layered(t, 1);
        ConductionResult r = model(m).potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0.0).solve();
        double s = 0;
        double prev = 0;
        for (int i = 0; i < SIGMA.length; i++) {
            double next = i < CUTS.length ? CUTS[i] : L;
            s += SIGMA[i] * (next - prev);
            prev = next;
        }
        double expected = s / L;
        assertEquals(expected, r.effectiveConductivity(BoxFace.XMIN, BoxFace.XMAX), 1e-10 * expected);
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "QUAD4", "TET4", "HEX8"})
    @DisplayName("a uniform block carries a uniform current: relative spread < 1e-10, hot-spot ratio 1")
    void uniformBlockGivesUniformCurrent(ElementType t) {
        Mesh m = t.dim == 2 ? StructuredMeshes.rectangle(t, 7, 5, 30e-6, 10e-6)
                : StructuredMeshes.box(t, 5, 4, 3, 30e-6, 10e-6, 8e-6);
        ConductionResult r = new ConductionModel(m).conductivity(0, 4.6e-2)
                .solver(new ConjugateGradient(PreconditionerType.IC0, new IterationControl(1e-15, 0, 500)))
                .potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0).solve();
        double[] j = r.currentDensity();
        int d = m.dim();
        double expected = 4.6e-2 * 0.1 / 30e-6;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < m.elementCount(); e++) {
            lo = Math.min(lo, j[e * d]);
            hi = Math.max(hi, j[e * d]);
            for (int c = 1; c < d; c++) {
                assertEquals(0, j[e * d + c], 1e-10 * expected);
            }
        }
        assertTrue((hi - lo) / expected < 1e-10, "spread " + (hi - lo) / expected);
        assertEquals(expected, 0.5 * (hi + lo), 1e-10 * expected);
        assertEquals(1.0, r.hotSpotRatio(BoxFace.XMIN), 1e-10);
        assertEquals(1.0, r.hotSpotRatio(BoxFace.XMAX), 1e-10);
        assertEquals(expected, r.profile(BoxFace.XMAX).mean(), 1e-10 * expected);
        assertEquals(-expected, r.profile(BoxFace.XMIN).mean(), 1e-10 * expected);
        assertEquals(4.6e-2, r.effectiveConductivity(BoxFace.XMIN, BoxFace.XMAX), 1e-12);
    }

    @Test
    @DisplayName("a resistive film with one gap concentrates current at the electrode beside the gap")
    void gapInResistiveFilmMakesAHotSpot() {
        // Film at 2–2.5 µm from the xmin electrode, 1000× less conductive, open for y in [4, 5] µm.
        double[] xs = lines(10e-6, new double[] {2e-6, 2.5e-6}, 8);
        double[] ys = StructuredMeshes.uniform(0, 10e-6, 40);
        Mesh m = StructuredMeshes.rectangle(ElementType.TRI3, xs, ys);
        int[] tag = new int[m.elementCount()];
        double[] c = MeshTags.centroids(m);
        for (int e = 0; e < tag.length; e++) {
            boolean inFilm = c[2 * e] > 2e-6 && c[2 * e] < 2.5e-6;
            boolean inGap = c[2 * e + 1] > 4e-6 && c[2 * e + 1] < 5e-6;
            tag[e] = inFilm && !inGap ? 1 : 0;
        }
        m.putCellTag(Mesh.REGION, tag);
        ConductionResult r = new ConductionModel(m).conductivity(0, 1e-2).conductivity(1, 1e-5)
                .potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0).solve();
        double ratio = r.hotSpotRatio(BoxFace.XMIN);
        ConductionResult.FaceProfile p = r.profile(BoxFace.XMIN);
        int argmax = 0;
        for (int i = 0; i < p.jn().length; i++) {
            if (-p.jn()[i] > -p.jn()[argmax]) {
                argmax = i;
            }
        }
        double yMax = p.centre()[2 * argmax + 1];
        assertTrue(ratio > 2, "hot-spot ratio " + ratio);
        assertTrue(yMax > 4e-6 && yMax < 5e-6, "hot spot at y = " + yMax);
        assertEquals(0, r.currentOut(BoxFace.XMIN) + r.currentOut(BoxFace.XMAX), 1e-8 * r.currentOut(BoxFace.XMAX));
        // the profile integrates to the reaction current up to the discretization error
        double integral = p.mean() * p.totalArea();
        assertEquals(r.currentOut(BoxFace.XMIN), integral, 0.05 * Math.abs(integral));
    }

    @Test
    @DisplayName("a region without a conductivity is reported with the region and an example element")
    void missingConductivityIsAClearError() {
        Mesh m = layered(ElementType.TRI3, 0);
        ConductionModel c = new ConductionModel(m).conductivity(0, 1).conductivity(1, 1).conductivity(3, 1)
                .potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0);
        FemException ex = assertThrows(FemException.class, c::solve);
        assertTrue(ex.getMessage().startsWith("region 2 (tag 'region') has no conductivity: "), ex.getMessage());
        assertTrue(ex.getMessage().contains("element ") && ex.getMessage().contains("regions [0, 1, 3]"), ex.getMessage());
        FemException neg = assertThrows(FemException.class, () -> new ConductionModel(m).conductivity(0, -1));
        assertTrue(neg.getMessage().contains("region 0 must be positive"), neg.getMessage());
    }

    @Test
    @DisplayName("an inverted element stops the model with the element named")
    void invertedElementIsAClearError() {
        Mesh good = StructuredMeshes.rectangle(ElementType.QUAD4, 4, 4, 1e-5, 1e-5);
        int[] conn = good.connectivity().clone();
        int e = 9;
        int s = conn[4 * e + 1];
        conn[4 * e + 1] = conn[4 * e + 3];
        conn[4 * e + 3] = s;
        Mesh bad = new Mesh(2, ElementType.QUAD4, good.coords(), conn);
        bad.putCellTag(Mesh.REGION, new int[bad.elementCount()]);
        MeshException ex = assertThrows(MeshException.class, () -> new ConductionModel(bad).conductivity(0, 1)
                .potential(BoxFace.XMIN, 1).potential(BoxFace.XMAX, 0).solve());
        assertTrue(ex.getMessage().startsWith("element 9 (QUAD4") && ex.getMessage().contains("inverted"), ex.getMessage());
    }

    @Test
    @DisplayName("a floating domain (an island touching no electrode) is reported before solving, naming a node")
    void floatingDomainIsAClearError() {
        // A bar from x = 0 to 3 µm between the electrodes, and a separate island at x in [1, 2], y in [2, 3] µm.
        Mesh bar = StructuredMeshes.rectangle(ElementType.TRI3, 6, 2, 3e-6, 1e-6);
        Mesh island = StructuredMeshes.rectangle(ElementType.TRI3, new double[] {1e-6, 1.5e-6, 2e-6},
                new double[] {2e-6, 3e-6});
        int nb = bar.nodeCount();
        double[] xy = new double[2 * (nb + island.nodeCount())];
        System.arraycopy(bar.coords(), 0, xy, 0, 2 * nb);
        System.arraycopy(island.coords(), 0, xy, 2 * nb, 2 * island.nodeCount());
        int[] conn = new int[bar.connectivity().length + island.connectivity().length];
        System.arraycopy(bar.connectivity(), 0, conn, 0, bar.connectivity().length);
        for (int i = 0; i < island.connectivity().length; i++) {
            conn[bar.connectivity().length + i] = island.connectivity()[i] + nb;
        }
        Mesh m = new Mesh(2, ElementType.TRI3, xy, conn);
        m.putCellTag(Mesh.REGION, new int[m.elementCount()]);
        SolverException ex = assertThrows(SolverException.class, () -> new ConductionModel(m).conductivity(0, 1)
                .potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0).solve());
        assertTrue(ex.getMessage().startsWith("floating domain: " + island.nodeCount() + " unknown(s) including node " + nb
                + " at (1.00000e-06, 2.00000e-06)"), ex.getMessage());
        FemException none = assertThrows(FemException.class, () -> new ConductionModel(bar).conductivity(0, 1).solve());
        assertTrue(none.getMessage().startsWith("no fixed potential"), none.getMessage());
        FemException zface = assertThrows(FemException.class, () -> new ConductionModel(bar).conductivity(0, 1)
                .potential(BoxFace.ZMIN, 0).solve());
        assertTrue(zface.getMessage().startsWith("face zmin has no boundary nodes"), zface.getMessage());
    }

    @Test
    @DisplayName("the VTU output carries φ, j, σ and the region tag, and the profile CSV one row per facet")
    void outputsCarryTheFields() throws IOException {
        Mesh m = layered(ElementType.TET4, 0);
        ConductionResult r = model(m).potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0.0).solve();
        Path f = dir.resolve("fields/conduction.vtu");
        r.writeVtu(f);
        VtuReader.Result back = VtuReader.read(f);
        assertArrayEquals(r.potential(), back.pointData().get("phi_V").values(), 0);
        assertArrayEquals(r.currentDensity(), back.cellData().get("j_A_per_m2").values(), 0);
        assertArrayEquals(r.elementConductivity(), back.cellData().get("sigma_S_per_m").values(), 0);
        assertArrayEquals(m.cellTag(Mesh.REGION), back.mesh().cellTag(Mesh.REGION));
        Path csv = dir.resolve("profile.csv");
        r.writeProfileCsv(BoxFace.XMIN, csv);
        var lines = Files.readAllLines(csv);
        assertEquals("x_m,y_m,z_m,area_m2,jn_A_per_m2", lines.get(0));
        assertEquals(r.profile(BoxFace.XMIN).jn().length + 1, lines.size());
    }
}
