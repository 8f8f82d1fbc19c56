package org.dendrite.fem.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VtuRoundTripTest {
    @TempDir
    Path dir;

    private static Mesh tagged(ElementType t) {
        Mesh m = t.dim == 2 ? StructuredMeshes.rectangle(t, 3, 2, 1.5, 1.0)
                : StructuredMeshes.box(t, 2, 2, 1, 1.0, 1.0, 0.5);
        int[] grain = new int[m.elementCount()];
        for (int e = 0; e < grain.length; e++) {
            grain[e] = 7 * e % 5;
        }
        m.putCellTag("grain", grain);
        int[] onFace = new int[m.nodeCount()];
        for (int n : m.boundary().nodesOn(BoxFace.XMIN)) {
            onFace[n] = 1;
        }
        m.putPointTag("xmin_node", onFace);
        return m;
    }

    private static double[] field(int n, int comps, double scale) {
        double[] v = new double[n * comps];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * Math.sin(0.37 * i + 0.1) / 3.0;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(VtuWriter.Encoding.class)
    @DisplayName("a VTU written in either encoding reads back with the same mesh, tags and fields, bit for bit")
    void roundTripIsExact(VtuWriter.Encoding enc) throws IOException {
        for (ElementType t : new ElementType[] {ElementType.TRI3, ElementType.QUAD4, ElementType.TET4, ElementType.HEX8}) {
            Mesh m = tagged(t);
            double[] phi = field(m.nodeCount(), 1, 1e-3);
            double[] j = field(m.elementCount(), 3, 1e5);
            Path f = dir.resolve(t + "-" + enc + ".vtu");
            new VtuWriter(m).encoding(enc).pointData("phi_V", phi, 1).cellData("j_A_per_m2", j, 3).write(f);
            VtuReader.Result r = VtuReader.read(f);
            Mesh back = r.mesh();
            assertEquals(t, back.type());
            assertEquals(m.dim(), back.dim());
            assertArrayEquals(m.coords(), back.coords(), 0);
            assertArrayEquals(m.connectivity(), back.connectivity());
            assertArrayEquals(m.cellTag("grain"), back.cellTag("grain"));
            assertArrayEquals(m.cellTag(Mesh.REGION), back.cellTag(Mesh.REGION));
            assertArrayEquals(m.pointTag("xmin_node"), back.pointTag("xmin_node"));
            assertArrayEquals(phi, r.pointData().get("phi_V").values(), 0);
            assertEquals(3, r.cellData().get("j_A_per_m2").components());
            assertArrayEquals(j, r.cellData().get("j_A_per_m2").values(), 0);
            assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    @DisplayName("a 2-component vector field is written with 3 components so ParaView shows it as a vector")
    void twoComponentVectorsArePadded() throws IOException {
        Mesh m = StructuredMeshes.rectangle(ElementType.TRI3, 2, 2, 1, 1);
        double[] g = field(m.elementCount(), 2, 1);
        Path f = dir.resolve("g.vtu");
        new VtuWriter(m).cellData("g", g, 2).write(f);
        VtuReader.Field back = VtuReader.read(f).cellData().get("g");
        assertEquals(3, back.components());
        for (int e = 0; e < m.elementCount(); e++) {
            assertEquals(g[2 * e], back.values()[3 * e], 0);
            assertEquals(g[2 * e + 1], back.values()[3 * e + 1], 0);
            assertEquals(0, back.values()[3 * e + 2], 0);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ascii", "binary", "zlib"})
    @DisplayName("VTU files written by meshio (ASCII, base64 with a UInt32 header, zlib in several blocks) are read")
    void meshioFilesAreRead(String kind) throws Exception {
        Path f = dir.resolve(kind + ".vtu");
        try (var in = getClass().getResourceAsStream("meshio_tetra_" + kind + ".vtu")) {
            Files.copy(in, f);
        }
        VtuReader.Result r = VtuReader.read(f);
        int n = kind.equals("zlib") ? 12 : 2;
        Mesh m = r.mesh();
        assertEquals(ElementType.TET4, m.type());
        assertEquals(n * n * n, m.nodeCount());
        assertArrayEquals(new int[] {0, 1, n, n * n, 1, n + 1, n, n * n + n + 1}, m.connectivity());
        assertArrayEquals(new int[] {3, 7}, m.cellTag("gmsh:physical"));
        double h = 1.0 / (n - 1);
        int last = n * n * n - 1;
        assertEquals(1.0, m.x(last, 0), 1e-15);
        assertEquals(h, m.x(1, 0), 1e-15);
        assertEquals(h, m.x(n * n, 2), 1e-15);
        double[] t = r.pointData().get("T").values();
        for (int i = 0; i < t.length; i++) {
            assertEquals(0.25 * i, t[i], 0);
        }
        assertArrayEquals(new double[] {1.5, 2, 3, 4, 5, 6.25}, r.cellData().get("q").values(), 0);
    }

    @Test
    @DisplayName("a meshio file with boundary vertices, lines and triangles keeps only its tetrahedra and their tags")
    void lowerDimensionalCellsAreDropped() throws Exception {
        Path f = dir.resolve("gmsh_like.vtu");
        try (var in = getClass().getResourceAsStream("meshio_gmsh_like.vtu")) {
            Files.copy(in, f);
        }
        Mesh m = VtuReader.read(f).mesh();
        assertEquals(ElementType.TET4, m.type());
        assertArrayEquals(new int[] {0, 1, 2, 3, 1, 2, 4, 3}, m.connectivity());
        assertArrayEquals(new int[] {3, 7}, m.cellTag("gmsh:physical"));
        // two element types of the top dimension are refused
        Path mixed = dir.resolve("mixed.vtu");
        Files.writeString(mixed, "<?xml version=\"1.0\"?><VTKFile type=\"UnstructuredGrid\"><UnstructuredGrid>"
                + "<Piece NumberOfPoints=\"4\" NumberOfCells=\"2\"><Points><DataArray type=\"Float64\" "
                + "NumberOfComponents=\"3\" format=\"ascii\">0 0 0 1 0 0 1 1 0 0 1 0</DataArray></Points><Cells>"
                + "<DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">0 1 2 0 1 2 3</DataArray>"
                + "<DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">3 7</DataArray>"
                + "<DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">5 9</DataArray></Cells></Piece>"
                + "</UnstructuredGrid></VTKFile>");
        MeshException ex = assertThrows(MeshException.class, () -> VtuReader.read(mixed));
        assertTrue(ex.getMessage().endsWith("cell 1 is QUAD4 but earlier cells are TRI3; meshes of one element type only"),
                ex.getMessage());
    }

    @Test
    @DisplayName("a VTU with appended data or mixed cell types is rejected with a clear message")
    void unsupportedVtuIsRejected() throws IOException {
        Path f = dir.resolve("appended.vtu");
        Files.writeString(f, "<?xml version=\"1.0\"?><VTKFile type=\"UnstructuredGrid\"><UnstructuredGrid>"
                + "<Piece NumberOfPoints=\"1\" NumberOfCells=\"0\"><Points><DataArray type=\"Float64\" "
                + "NumberOfComponents=\"3\" format=\"appended\" offset=\"0\"/></Points></Piece></UnstructuredGrid>"
                + "<AppendedData encoding=\"raw\">_</AppendedData></VTKFile>");
        MeshException ex = assertThrows(MeshException.class, () -> VtuReader.read(f));
        assertTrue(ex.getMessage().contains("appended"), ex.getMessage());
    }

    /** Debian's python3 (not a pyenv shim), where python3-meshio and python3-vtk9 are installed. */
    private static final String PY = "/usr/bin/python3";

    /**
     * One Python process reads every file with meshio and with VTK's XML reader (the reader
     * ParaView uses) and prints, per file and reader: points, cells, cell type, sorted array names,
     * φ at node 5 and the components of j. Prints "skip" when neither module is installed.
     */
    private static final String SCRIPT = String.join("\n",
            "import sys",
            "try:",
            "    import meshio",
            "except ImportError:",
            "    meshio = None",
            "try:",
            "    import vtk",
            "except ImportError:",
            "    vtk = None",
            "if meshio is None and vtk is None:",
            "    print('skip'); sys.exit(0)",
            "for f in sys.argv[1:]:",
            "    if meshio is not None:",
            "        m = meshio.read(f)",
            "        print('meshio', len(m.points), sum(len(c.data) for c in m.cells), m.cells[0].type,",
            "              ','.join(sorted(m.point_data)), ','.join(sorted(m.cell_data)),",
            "              '%.17g' % m.point_data['phi_V'][5], m.cell_data['j_A_per_m2'][0].shape[1])",
            "    if vtk is not None:",
            "        r = vtk.vtkXMLUnstructuredGridReader(); r.SetFileName(f); r.Update(); g = r.GetOutput()",
            "        pd, cd = g.GetPointData(), g.GetCellData()",
            "        print('vtk', g.GetNumberOfPoints(), g.GetNumberOfCells(), g.GetCellType(0),",
            "              ','.join(sorted(pd.GetArrayName(i) for i in range(pd.GetNumberOfArrays()))),",
            "              ','.join(sorted(cd.GetArrayName(i) for i in range(cd.GetNumberOfArrays()))),",
            "              '%.17g' % pd.GetArray('phi_V').GetValue(5), cd.GetArray('j_A_per_m2').GetNumberOfComponents())");

    @Test
    @DisplayName("meshio and VTK's XML reader (ParaView's) read our base64 and ASCII VTU with all arrays")
    void meshioAndVtkReadOurFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PY)), "needs " + PY);
        Mesh m = tagged(ElementType.TET4);
        double[] phi = field(m.nodeCount(), 1, 1);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(PY, "-c", SCRIPT));
        for (VtuWriter.Encoding enc : VtuWriter.Encoding.values()) {
            Path f = dir.resolve("t-" + enc + ".vtu");
            new VtuWriter(m).encoding(enc).pointData("phi_V", phi, 1).cellData("j_A_per_m2",
                    field(m.elementCount(), 3, 1), 3).write(f);
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "python timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        assumeTrue(!out.equals("skip"), "needs python3-meshio or python3-vtk9");
        String arrays = " phi_V,xmin_node grain,j_A_per_m2,region " + String.format("%.17g", phi[5]) + " 3";
        String[] lines = out.split("\n");
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("meshio ")) {
                assertEquals("meshio " + m.nodeCount() + " " + m.elementCount() + " tetra" + arrays, line);
                checked++;
            } else if (line.startsWith("vtk ")) {
                assertEquals("vtk " + m.nodeCount() + " " + m.elementCount() + " 10" + arrays, line);
                checked++;
            }
        }
        System.out.println(out);
        assertTrue(checked >= 2, out);
    }
}
