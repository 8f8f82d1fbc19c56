package org.dendrite.fem.mesh;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link Mesh} with point and cell data as a VTK XML UnstructuredGrid ({@code .vtu}),
 * the format ParaView, VisIt and meshio read. Every mesh tag is written as an Int32 array (cell tags
 * as CellData, point tags as PointData) beside the fields added here.
 *
 * <p>Encodings: {@link Encoding#BASE64} (default) writes each array inline as base64 of a UInt64
 * byte count followed by the little-endian values, encoded as one stream (VTK's
 * {@code format="binary"}, {@code header_type="UInt64"}); {@link Encoding#ASCII} writes decimal
 * text, with doubles in Java's shortest round-trip form. Points are always written with three
 * coordinates (z = 0 for 2-D meshes), and 2-component vector fields are padded to 3 components,
 * because ParaView treats only 3-component arrays as vectors.
 *
 * <p>The file is written under a temporary name and renamed, so a partial file never carries the
 * final name.
 */
public final class VtuWriter {
    /** How arrays are stored in the XML. */
    public enum Encoding { ASCII, BASE64 }

    private record Array(String name, int components, double[] real, int[] ints) {
    }

    private final Mesh mesh;
    private Encoding encoding = Encoding.BASE64;
    private final List<Array> pointArrays = new ArrayList<>();
    private final List<Array> cellArrays = new ArrayList<>();

    public VtuWriter(Mesh mesh) {
        this.mesh = mesh;
    }

    public VtuWriter encoding(Encoding e) {
        this.encoding = e;
        return this;
    }

    /** A nodal field with {@code components} values per node. */
    public VtuWriter pointData(String name, double[] values, int components) {
        check(name, values.length, components, mesh.nodeCount(), "node");
        pointArrays.add(new Array(name, components, values, null));
        return this;
    }

    /** An element field with {@code components} values per element. */
    public VtuWriter cellData(String name, double[] values, int components) {
        check(name, values.length, components, mesh.elementCount(), "element");
        cellArrays.add(new Array(name, components, values, null));
        return this;
    }

    /** An integer element array (besides the mesh's own cell tags). */
    public VtuWriter cellData(String name, int[] values) {
        check(name, values.length, 1, mesh.elementCount(), "element");
        cellArrays.add(new Array(name, 1, null, values));
        return this;
    }

    /** An integer node array (besides the mesh's own point tags). */
    public VtuWriter pointData(String name, int[] values) {
        check(name, values.length, 1, mesh.nodeCount(), "node");
        pointArrays.add(new Array(name, 1, null, values));
        return this;
    }

    private static void check(String name, int length, int comps, int count, String what) {
        if (comps < 1 || length != comps * count) {
            throw new IllegalArgumentException("array '" + name + "' has " + length + " values; expected "
                    + comps + " per " + what + " for " + count + " " + what + "s");
        }
    }

    /** Writes the file (temporary name, then rename). */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writeTo(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeTo(OutputStream out) throws IOException {
        String fmt = encoding == Encoding.ASCII ? "ascii" : "binary";
        text(out, "<?xml version=\"1.0\"?>\n<VTKFile type=\"UnstructuredGrid\" version=\"1.0\""
                + " byte_order=\"LittleEndian\" header_type=\"UInt64\">\n<UnstructuredGrid>\n");
        text(out, "<Piece NumberOfPoints=\"" + mesh.nodeCount() + "\" NumberOfCells=\"" + mesh.elementCount() + "\">\n");
        text(out, "<PointData>\n");
        for (String t : mesh.pointTagNames()) {
            ints(out, t, mesh.pointTag(t), fmt);
        }
        for (Array a : pointArrays) {
            array(out, a, mesh.nodeCount(), fmt);
        }
        text(out, "</PointData>\n<CellData>\n");
        for (String t : mesh.cellTagNames()) {
            ints(out, t, mesh.cellTag(t), fmt);
        }
        for (Array a : cellArrays) {
            array(out, a, mesh.elementCount(), fmt);
        }
        text(out, "</CellData>\n<Points>\n");
        int dim = mesh.dim();
        int nn = mesh.nodeCount();
        double[] xyz = mesh.coords();
        if (dim != 3) {
            xyz = pad(xyz, dim, 3, nn);
        }
        doubles(out, "Points", 3, xyz, fmt);
        text(out, "</Points>\n<Cells>\n");
        int npe = mesh.nodesPerElement();
        int ne = mesh.elementCount();
        int[] conn = mesh.connectivity();
        text(out, "<DataArray type=\"Int64\" Name=\"connectivity\" format=\"" + fmt + "\">\n");
        if (encoding == Encoding.ASCII) {
            asciiInts(out, conn, npe);
        } else {
            try (Base64Sink s = new Base64Sink(out, 8L * conn.length)) {
                for (int v : conn) {
                    s.putLong(v);
                }
            }
        }
        text(out, "\n</DataArray>\n<DataArray type=\"Int64\" Name=\"offsets\" format=\"" + fmt + "\">\n");
        if (encoding == Encoding.ASCII) {
            StringBuilder sb = new StringBuilder();
            for (int e = 0; e < ne; e++) {
                sb.append((long) (e + 1) * npe).append(e % 16 == 15 ? '\n' : ' ');
                if (sb.length() > 1 << 15) {
                    text(out, sb.toString());
                    sb.setLength(0);
                }
            }
            text(out, sb.toString());
        } else {
            try (Base64Sink s = new Base64Sink(out, 8L * ne)) {
                for (int e = 0; e < ne; e++) {
                    s.putLong((long) (e + 1) * npe);
                }
            }
        }
        text(out, "\n</DataArray>\n<DataArray type=\"UInt8\" Name=\"types\" format=\"" + fmt + "\">\n");
        int vtk = mesh.type().vtkType;
        if (encoding == Encoding.ASCII) {
            StringBuilder sb = new StringBuilder();
            for (int e = 0; e < ne; e++) {
                sb.append(vtk).append(e % 32 == 31 ? '\n' : ' ');
                if (sb.length() > 1 << 15) {
                    text(out, sb.toString());
                    sb.setLength(0);
                }
            }
            text(out, sb.toString());
        } else {
            try (Base64Sink s = new Base64Sink(out, ne)) {
                for (int e = 0; e < ne; e++) {
                    s.putByte((byte) vtk);
                }
            }
        }
        text(out, "\n</DataArray>\n</Cells>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n");
    }

    private void array(OutputStream out, Array a, int count, String fmt) throws IOException {
        if (a.ints != null) {
            ints(out, a.name, a.ints, fmt);
            return;
        }
        if (a.components == 2) {
            doubles(out, a.name, 3, pad(a.real, 2, 3, count), fmt);
        } else {
            doubles(out, a.name, a.components, a.real, fmt);
        }
    }

    private static double[] pad(double[] v, int from, int to, int count) {
        double[] p = new double[count * to];
        for (int i = 0; i < count; i++) {
            System.arraycopy(v, i * from, p, i * to, from);
        }
        return p;
    }

    private void doubles(OutputStream out, String name, int comps, double[] v, String fmt) throws IOException {
        text(out, "<DataArray type=\"Float64\" Name=\"" + xml(name) + "\" NumberOfComponents=\"" + comps
                + "\" format=\"" + fmt + "\">\n");
        if (encoding == Encoding.ASCII) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                sb.append(v[i]).append((i + 1) % (comps * Math.max(1, 6 / comps)) == 0 ? '\n' : ' ');
                if (sb.length() > 1 << 15) {
                    text(out, sb.toString());
                    sb.setLength(0);
                }
            }
            text(out, sb.toString());
        } else {
            try (Base64Sink s = new Base64Sink(out, 8L * v.length)) {
                for (double d : v) {
                    s.putDouble(d);
                }
            }
        }
        text(out, "\n</DataArray>\n");
    }

    private void ints(OutputStream out, String name, int[] v, String fmt) throws IOException {
        text(out, "<DataArray type=\"Int32\" Name=\"" + xml(name) + "\" format=\"" + fmt + "\">\n");
        if (encoding == Encoding.ASCII) {
            asciiInts(out, v, 16);
        } else {
            try (Base64Sink s = new Base64Sink(out, 4L * v.length)) {
                for (int d : v) {
                    s.putInt(d);
                }
            }
        }
        text(out, "\n</DataArray>\n");
    }

    private static void asciiInts(OutputStream out, int[] v, int perLine) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(v[i]).append((i + 1) % perLine == 0 ? '\n' : ' ');
            if (sb.length() > 1 << 15) {
                text(out, sb.toString());
                sb.setLength(0);
            }
        }
        text(out, sb.toString());
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Base64 of (UInt64 byte count, values) as one stream, through a 64 KiB little-endian buffer;
     * closing flushes the encoder without closing the file.
     */
    private static final class Base64Sink implements AutoCloseable {
        private final OutputStream enc;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        Base64Sink(OutputStream out, long bytes) throws IOException {
            this.enc = Base64.getEncoder().wrap(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            buf.putLong(bytes);
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                enc.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }

        void putDouble(double d) throws IOException {
            room(8);
            buf.putDouble(d);
        }

        void putLong(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void putByte(byte v) throws IOException {
            room(1);
            buf.put(v);
        }

        @Override
        public void close() throws IOException {
            enc.write(buf.array(), 0, buf.position());
            enc.close();
        }
    }
}
