package org.dendrite.fem.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StructuredMeshesTest {

    private static Mesh mesh(ElementType t) {
        double[] xs = {0, 0.1, 0.35, 1.0};
        double[] ys = {0, 0.5, 0.7, 2.0};
        double[] zs = {-1, 0, 0.25};
        return t.dim == 2 ? StructuredMeshes.rectangle(t, xs, ys) : StructuredMeshes.box(t, xs, ys, zs);
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "QUAD4", "TET4", "HEX8"})
    @DisplayName("structured meshes are valid, fill the box exactly and have outward boundary facets tagged by face")
    void structuredMeshesAreValidAndTagged(ElementType t) {
        Mesh m = mesh(t);
        MeshQuality.Report q = MeshQuality.requireValid(m);
        assertTrue(q.minMeasure() > 0);
        double total = 0;
        double[] dn = new double[t.nodes * t.dim];
        double[] jac = new double[t.dim * t.dim];
        for (int e = 0; e < m.elementCount(); e++) {
            // Tensor-grid Q1 cells are affine boxes, so the centroid Jacobian gives the exact measure.
            t.gradShape(t.refCentroid(), 0, dn, 0);
            total += MeshQuality.jacobian(m, e, dn, jac) * t.refMeasure();
        }
        double expected = t.dim == 2 ? 2.0 : 2.0 * 1.25;
        assertEquals(expected, total, 1e-12);
        assertEquals(m.elementCount(), m.cellTag(Mesh.REGION).length);

        BoundaryFacets b = m.boundary();
        int perCell = t == ElementType.TRI3 || t == ElementType.QUAD4 || t == ElementType.HEX8 ? 1 : 2;
        int expectedFacets = t.dim == 2 ? 2 * (3 + 3) : perCell * 2 * (3 * 3 + 3 * 2 + 3 * 2);
        assertEquals(expectedFacets, b.count(), "boundary facets (interior ones matched in pairs)");
        double[] bb = m.boundingBox();
        for (int i = 0; i < b.count(); i++) {
            int tag = b.tag(i);
            assertTrue(tag >= 0, "every outer facet of a box lies on a box face");
            BoxFace face = BoxFace.values()[tag];
            // outward: the facet normal (right-hand rule) points along the face's outward axis
            double[] n = normal(m, b, i);
            assertTrue(n[face.axis] * face.sign > 0, "facet " + i + " on " + face.key() + " is outward");
            double plane = face.sign < 0 ? bb[face.axis] : bb[3 + face.axis];
            for (int k = 0; k < b.facetType().nodes; k++) {
                assertEquals(plane, m.x(b.node(i, k), face.axis), 0);
            }
        }
        int nx = 4;
        int ny = 4;
        assertEquals(t.dim == 2 ? ny : ny * 3, b.nodesOn(BoxFace.XMIN).length);
        assertEquals(t.dim == 2 ? nx : nx * 3, b.nodesOn(BoxFace.YMAX).length);
    }

    private static double[] normal(Mesh m, BoundaryFacets b, int i) {
        int d = m.dim();
        if (d == 2) {
            int p = b.node(i, 0);
            int q = b.node(i, 1);
            double tx = m.x(q, 0) - m.x(p, 0);
            double ty = m.x(q, 1) - m.x(p, 1);
            return new double[] {ty, -tx};
        }
        int p = b.node(i, 0);
        int q = b.node(i, 1);
        int r = b.node(i, 2);
        double[] u = new double[3];
        double[] v = new double[3];
        for (int c = 0; c < 3; c++) {
            u[c] = m.x(q, c) - m.x(p, c);
            v[c] = m.x(r, c) - m.x(p, c);
        }
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    @Test
    @DisplayName("an inverted element is reported with its index, nodes and position")
    void invertedElementIsNamed() {
        Mesh good = StructuredMeshes.rectangle(ElementType.TRI3, 3, 3, 1, 1);
        int[] conn = good.connectivity().clone();
        int e = 7;
        int s = conn[3 * e + 1];
        conn[3 * e + 1] = conn[3 * e + 2];
        conn[3 * e + 2] = s;
        Mesh bad = new Mesh(2, ElementType.TRI3, good.coords(), conn);
        MeshException ex = assertThrows(MeshException.class, () -> MeshQuality.requireValid(bad));
        assertTrue(ex.getMessage().startsWith("element 7 (TRI3, nodes " + conn[21] + " " + conn[22] + " " + conn[23]),
                ex.getMessage());
        assertTrue(ex.getMessage().contains("inverted"), ex.getMessage());
    }

    @Test
    @DisplayName("an inverted hexahedron and a collapsed tetrahedron are reported")
    void invertedHexAndDegenerateTet() {
        Mesh hex = StructuredMeshes.box(ElementType.HEX8, 2, 2, 2, 1, 1, 1);
        int[] conn = hex.connectivity().clone();
        // mirror element 3 by swapping its top and bottom faces
        for (int a = 0; a < 4; a++) {
            int s = conn[8 * 3 + a];
            conn[8 * 3 + a] = conn[8 * 3 + a + 4];
            conn[8 * 3 + a + 4] = s;
        }
        MeshException ex = assertThrows(MeshException.class,
                () -> MeshQuality.requireValid(new Mesh(3, ElementType.HEX8, hex.coords(), conn)));
        assertTrue(ex.getMessage().startsWith("element 3 (HEX8"), ex.getMessage());
        assertTrue(ex.getMessage().contains("inverted"), ex.getMessage());

        double[] xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0.5, 0.5, 0};
        Mesh flat = new Mesh(3, ElementType.TET4, xyz, new int[] {0, 1, 2, 3});
        MeshException ex2 = assertThrows(MeshException.class, () -> MeshQuality.requireValid(flat));
        assertTrue(ex2.getMessage().startsWith("element 0 (TET4") && ex2.getMessage().contains("degenerate"),
                ex2.getMessage());
    }

    @Test
    @DisplayName("a node index out of range or a non-increasing coordinate line is rejected")
    void structuralErrors() {
        MeshException ex = assertThrows(MeshException.class,
                () -> new Mesh(2, ElementType.TRI3, new double[] {0, 0, 1, 0, 0, 1}, new int[] {0, 1, 3}));
        assertTrue(ex.getMessage().contains("element 0: node 3 out of range"), ex.getMessage());
        MeshException ex2 = assertThrows(MeshException.class,
                () -> StructuredMeshes.rectangle(ElementType.QUAD4, new double[] {0, 1, 1}, new double[] {0, 1}));
        assertTrue(ex2.getMessage().contains("xs must be strictly increasing"), ex2.getMessage());
    }

    @Test
    @DisplayName("layers are tagged by element centroid between the cuts")
    void layersByCentroid() {
        Mesh m = StructuredMeshes.rectangle(ElementType.QUAD4, new double[] {0, 1, 2, 3, 4}, new double[] {0, 1});
        assertArrayEquals(new int[] {0, 1, 1, 2}, MeshTags.layersAlong(m, 0, 1.0, 3.0));
    }
}
