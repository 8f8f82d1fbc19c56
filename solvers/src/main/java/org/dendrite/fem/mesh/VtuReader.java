package org.dendrite.fem.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a VTK XML UnstructuredGrid ({@code .vtu}) with one piece and one element type, as written
 * by {@link VtuWriter} or by other tools with inline data: {@code format="ascii"} or
 * {@code format="binary"} (base64, UInt32 or UInt64 header, header encoded with the data or
 * separately), uncompressed or zlib-compressed (meshio's default). Appended data and other
 * compressors are rejected with a message saying so.
 *
 * <p>Only the cells of the highest dimension are kept (a Gmsh mesh converted by meshio also carries
 * its boundary lines, triangles and vertices), and they must all be of one supported type; their
 * cell data is filtered to match. Integer arrays with one component become mesh tags;
 * floating-point arrays are returned as fields. A mesh whose cells are all triangles or quads and whose points all have z = 0 is read as
 * 2-D.
 */
public final class VtuReader {
    /** A field read from the file: {@code components} values per node or element. */
    public record Field(int components, double[] values) {
    }

    /** The mesh (with tags) and the floating-point point and cell fields. */
    public record Result(Mesh mesh, Map<String, Field> pointData, Map<String, Field> cellData) {
    }

    private VtuReader() {
    }

    private static final class Raw {
        String type;
        String name;
        int comps;
        double[] real;
        long[] ints;
    }

    public static Result read(Path file) {
        String f = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory xf = XMLInputFactory.newFactory();
            xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            xf.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = xf.createXMLStreamReader(in);
            boolean littleEndian = true;
            boolean header64 = false;
            boolean zlib = false;
            int nPoints = -1;
            int nCells = -1;
            String section = "";
            Map<String, Raw> pointRaw = new LinkedHashMap<>();
            Map<String, Raw> cellRaw = new LinkedHashMap<>();
            Raw points = null;
            Raw conn = null;
            Raw offsets = null;
            Raw types = null;
            int pieces = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    String ln = r.getLocalName();
                    if (ln.equals(section)) {
                        section = "";
                    }
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String el = r.getLocalName();
                switch (el) {
                    case "VTKFile":
                        if (!"UnstructuredGrid".equals(r.getAttributeValue(null, "type"))) {
                            throw new MeshException(f + ": not an UnstructuredGrid file (type="
                                    + r.getAttributeValue(null, "type") + ")");
                        }
                        littleEndian = !"BigEndian".equals(r.getAttributeValue(null, "byte_order"));
                        header64 = "UInt64".equals(r.getAttributeValue(null, "header_type"));
                        String comp = r.getAttributeValue(null, "compressor");
                        if (comp != null && !comp.equals("vtkZLibDataCompressor")) {
                            throw new MeshException(f + ": compressor " + comp + " is not supported"
                                    + " (only vtkZLibDataCompressor or none)");
                        }
                        zlib = comp != null;
                        break;
                    case "Piece":
                        if (++pieces > 1) {
                            throw new MeshException(f + ": more than one Piece is not supported");
                        }
                        nPoints = Integer.parseInt(r.getAttributeValue(null, "NumberOfPoints").trim());
                        nCells = Integer.parseInt(r.getAttributeValue(null, "NumberOfCells").trim());
                        break;
                    case "PointData":
                    case "CellData":
                    case "Points":
                    case "Cells":
                        section = el;
                        break;
                    case "DataArray": {
                        Raw a = dataArray(r, f, littleEndian, header64, zlib);
                        switch (section) {
                            case "PointData":
                                pointRaw.put(a.name, a);
                                break;
                            case "CellData":
                                cellRaw.put(a.name, a);
                                break;
                            case "Points":
                                points = a;
                                break;
                            case "Cells":
                                if ("connectivity".equals(a.name)) {
                                    conn = a;
                                } else if ("offsets".equals(a.name)) {
                                    offsets = a;
                                } else if ("types".equals(a.name)) {
                                    types = a;
                                }
                                break;
                            default:
                                break;
                        }
                        break;
                    }
                    case "AppendedData":
                        throw new MeshException(f + ": appended data is not supported; write inline ascii or binary");
                    default:
                        break;
                }
            }
            if (nPoints < 0 || points == null || conn == null || offsets == null || types == null) {
                throw new MeshException(f + ": missing Piece, Points or Cells (connectivity, offsets, types)");
            }
            return build(f, nPoints, nCells, points, conn, offsets, types, pointRaw, cellRaw);
        } catch (IOException e) {
            throw new MeshException(f + ": cannot read: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new MeshException(f + ": malformed XML: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new MeshException(f + ": bad number: " + e.getMessage(), e);
        }
    }

    private static Result build(String f, int nPoints, int nCells, Raw points, Raw conn, Raw offsets, Raw types,
            Map<String, Raw> pointRaw, Map<String, Raw> cellRaw) {
        double[] p = asReal(points);
        if (p.length != 3 * nPoints) {
            throw new MeshException(f + ": Points has " + p.length + " values for " + nPoints + " points");
        }
        long[] ty = asInts(types);
        if (ty.length != nCells) {
            throw new MeshException(f + ": types has " + ty.length + " values for " + nCells + " cells");
        }
        long[] c = asInts(conn);
        long[] off = asInts(offsets);
        if (off.length != nCells) {
            throw new MeshException(f + ": offsets has " + off.length + " values for " + nCells + " cells");
        }
        // Keep the cells of the highest dimension: files from Gmsh (via meshio) also carry boundary
        // lines, triangles and vertices, which the mesh does not need (it finds its own boundary).
        int topDim = -1;
        for (int e = 0; e < nCells; e++) {
            topDim = Math.max(topDim, vtkDim(ty[e]));
        }
        ElementType type = null;
        int kept = 0;
        for (int e = 0; e < nCells; e++) {
            if (vtkDim(ty[e]) != topDim) {
                continue;
            }
            ElementType t = ElementType.fromVtk((int) ty[e]);
            if (t == null || t == ElementType.LINE2) {
                throw new MeshException(f + ": cell " + e + " has unsupported VTK cell type " + ty[e]
                        + " (supported: 5 triangle, 9 quad, 10 tetra, 12 hexahedron)");
            }
            if (type != null && t != type) {
                throw new MeshException(f + ": cell " + e + " is " + t + " but earlier cells are " + type
                        + "; meshes of one element type only");
            }
            type = t;
            kept++;
        }
        if (type == null) {
            throw new MeshException(f + ": no cells");
        }
        boolean[] keep = new boolean[nCells];
        int[] ci = new int[kept * type.nodes];
        int k = 0;
        for (int e = 0; e < nCells; e++) {
            long start = e == 0 ? 0 : off[e - 1];
            if (off[e] < start || off[e] > c.length) {
                throw new MeshException(f + ": offsets[" + e + "] = " + off[e] + " is out of order or beyond the connectivity");
            }
            if (vtkDim(ty[e]) != topDim) {
                continue;
            }
            if (off[e] - start != type.nodes) {
                throw new MeshException(f + ": cell " + e + " has " + (off[e] - start) + " nodes, a " + type + " has " + type.nodes);
            }
            keep[e] = true;
            for (long q = start; q < off[e]; q++) {
                ci[k++] = (int) c[(int) q];
            }
        }
        int dim = type.dim;
        double[] coords;
        if (dim == 2) {
            coords = new double[2 * nPoints];
            for (int n = 0; n < nPoints; n++) {
                if (p[3 * n + 2] != 0) {
                    throw new MeshException(f + ": point " + n + " has z = " + p[3 * n + 2] + " in a 2-D " + type + " mesh");
                }
                coords[2 * n] = p[3 * n];
                coords[2 * n + 1] = p[3 * n + 1];
            }
        } else {
            coords = p;
        }
        Mesh mesh = new Mesh(dim, type, coords, ci);
        Map<String, Field> pd = new LinkedHashMap<>();
        Map<String, Field> cd = new LinkedHashMap<>();
        for (Raw a : pointRaw.values()) {
            if (a.ints != null && a.comps == 1) {
                mesh.putPointTag(a.name, toInt(a.ints));
            } else {
                pd.put(a.name, new Field(a.comps, asReal(a)));
            }
        }
        for (Raw a : cellRaw.values()) {
            double[] real = a.ints == null ? a.real : null;
            long[] ints = a.ints;
            int n = (ints != null ? ints.length : real.length) / Math.max(1, a.comps);
            if (n != nCells) {
                throw new MeshException(f + ": CellData '" + a.name + "' has " + n + " tuples for " + nCells + " cells");
            }
            if (kept != nCells) {
                int m = 0;
                for (int e = 0; e < nCells; e++) {
                    if (keep[e]) {
                        for (int q = 0; q < a.comps; q++) {
                            if (ints != null) {
                                ints[m * a.comps + q] = ints[e * a.comps + q];
                            } else {
                                real[m * a.comps + q] = real[e * a.comps + q];
                            }
                        }
                        m++;
                    }
                }
                if (ints != null) {
                    ints = java.util.Arrays.copyOf(ints, kept * a.comps);
                } else {
                    real = java.util.Arrays.copyOf(real, kept * a.comps);
                }
            }
            if (ints != null && a.comps == 1) {
                mesh.putCellTag(a.name, toInt(ints));
            } else {
                cd.put(a.name, new Field(a.comps, ints != null ? toDouble(ints) : real));
            }
        }
        return new Result(mesh, pd, cd);
    }

    private static double[] toDouble(long[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i];
        }
        return o;
    }

    /** Dimension of a VTK cell type (linear and quadratic Lagrange cells); −1 if unknown. */
    private static int vtkDim(long type) {
        switch ((int) type) {
            case 1: case 2:
                return 0;
            case 3: case 4: case 21:
                return 1;
            case 5: case 6: case 7: case 8: case 9: case 22: case 23:
                return 2;
            case 10: case 11: case 12: case 13: case 14: case 24: case 25:
                return 3;
            default:
                return -1;
        }
    }

    private static int[] toInt(long[] v) {
        int[] o = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (int) v[i];
        }
        return o;
    }

    private static double[] asReal(Raw a) {
        if (a.real != null) {
            return a.real;
        }
        double[] o = new double[a.ints.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = a.ints[i];
        }
        return o;
    }

    private static long[] asInts(Raw a) {
        if (a.ints != null) {
            return a.ints;
        }
        long[] o = new long[a.real.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (long) a.real[i];
        }
        return o;
    }

    private static Raw dataArray(XMLStreamReader r, String f, boolean le, boolean header64, boolean zlib)
            throws XMLStreamException {
        Raw a = new Raw();
        a.type = r.getAttributeValue(null, "type");
        a.name = r.getAttributeValue(null, "Name");
        String nc = r.getAttributeValue(null, "NumberOfComponents");
        a.comps = nc == null ? 1 : Integer.parseInt(nc.trim());
        String format = r.getAttributeValue(null, "format");
        if ("appended".equals(format)) {
            throw new MeshException(f + ": DataArray '" + a.name + "': appended data is not supported");
        }
        int size = typeSize(f, a);
        boolean real = a.type.startsWith("Float");
        String text = r.getElementText().trim();
        if ("binary".equals(format)) {
            byte[] bytes = zlib ? inflate(text, header64, le, f, a.name) : decode(text, header64, le, f, a.name);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int n = bytes.length / size;
            if (real) {
                a.real = new double[n];
                for (int i = 0; i < n; i++) {
                    a.real[i] = size == 8 ? b.getDouble() : b.getFloat();
                }
            } else {
                a.ints = new long[n];
                boolean unsigned = a.type.startsWith("U");
                for (int i = 0; i < n; i++) {
                    switch (size) {
                        case 1:
                            a.ints[i] = unsigned ? (b.get() & 0xff) : b.get();
                            break;
                        case 2:
                            a.ints[i] = unsigned ? (b.getShort() & 0xffff) : b.getShort();
                            break;
                        case 4:
                            a.ints[i] = unsigned ? (b.getInt() & 0xffffffffL) : b.getInt();
                            break;
                        default:
                            a.ints[i] = b.getLong();
                    }
                }
            }
        } else {
            String[] tok = text.isEmpty() ? new String[0] : text.split("\\s+");
            if (real) {
                a.real = new double[tok.length];
                for (int i = 0; i < tok.length; i++) {
                    a.real[i] = Double.parseDouble(tok[i]);
                }
            } else {
                a.ints = new long[tok.length];
                for (int i = 0; i < tok.length; i++) {
                    a.ints[i] = Long.parseLong(tok[i]);
                }
            }
        }
        return a;
    }

    private static int typeSize(String f, Raw a) {
        switch (a.type) {
            case "Float64":
            case "Int64":
            case "UInt64":
                return 8;
            case "Float32":
            case "Int32":
            case "UInt32":
                return 4;
            case "Int16":
            case "UInt16":
                return 2;
            case "Int8":
            case "UInt8":
                return 1;
            default:
                throw new MeshException(f + ": DataArray '" + a.name + "': unsupported type " + a.type);
        }
    }

    /** Decodes header + data; handles writers that base64-encode the header separately (with padding). */
    private static byte[] decode(String text, boolean header64, boolean le, String f, String name) {
        String s = text.replaceAll("\\s+", "");
        int hs = header64 ? 8 : 4;
        int headerChars = 4 * ((hs + 2) / 3);
        byte[] head = Base64.getDecoder().decode(s.substring(0, Math.min(headerChars, s.length())));
        boolean separate = s.length() > headerChars && s.charAt(headerChars - 1) == '=';
        byte[] all;
        long count;
        if (separate) {
            count = header(head, hs, le);
            all = Base64.getDecoder().decode(s.substring(headerChars));
        } else {
            byte[] dec = Base64.getDecoder().decode(s);
            count = header(dec, hs, le);
            all = java.util.Arrays.copyOfRange(dec, hs, dec.length);
        }
        if (count > all.length) {
            throw new MeshException(f + ": DataArray '" + name + "': header says " + count + " bytes, found " + all.length);
        }
        return count == all.length ? all : java.util.Arrays.copyOf(all, (int) count);
    }

    /**
     * zlib-compressed inline data: a separately base64-encoded header [blocks, block size, last
     * block size, compressed size of each block], then the base64 of the concatenated zlib blocks.
     */
    private static byte[] inflate(String text, boolean header64, boolean le, String f, String name) {
        String s = text.replaceAll("\\s+", "");
        int hs = header64 ? 8 : 4;
        byte[] first = Base64.getDecoder().decode(s.substring(0, 4 * ((hs + 2) / 3)));
        long blocks = header(first, hs, le);
        int headerBytes = (int) ((3 + blocks) * hs);
        int headerChars = 4 * ((headerBytes + 2) / 3);
        ByteBuffer h = ByteBuffer.wrap(Base64.getDecoder().decode(s.substring(0, headerChars)))
                .order(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long[] head = new long[(int) (3 + blocks)];
        for (int i = 0; i < head.length; i++) {
            head[i] = hs == 8 ? h.getLong() : h.getInt() & 0xffffffffL;
        }
        byte[] packed = Base64.getDecoder().decode(s.substring(headerChars));
        long total = blocks == 0 ? 0 : head[1] * (blocks - 1) + (head[2] == 0 ? head[1] : head[2]);
        byte[] out = new byte[(int) total];
        int in = 0;
        int pos = 0;
        java.util.zip.Inflater inf = new java.util.zip.Inflater();
        try {
            for (int b = 0; b < blocks; b++) {
                int csize = (int) head[3 + b];
                int usize = (int) (b == blocks - 1 && head[2] != 0 ? head[2] : head[1]);
                inf.reset();
                inf.setInput(packed, in, csize);
                int got = 0;
                while (got < usize && !inf.finished()) {
                    int k = inf.inflate(out, pos + got, usize - got);
                    if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        break;
                    }
                    got += k;
                }
                if (got != usize) {
                    throw new MeshException(f + ": DataArray '" + name + "': zlib block " + b + " gave " + got
                            + " bytes, expected " + usize);
                }
                in += csize;
                pos += usize;
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new MeshException(f + ": DataArray '" + name + "': bad zlib data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
        return out;
    }

    private static long header(byte[] b, int hs, boolean le) {
        ByteBuffer bb = ByteBuffer.wrap(b, 0, hs).order(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return hs == 8 ? bb.getLong() : bb.getInt() & 0xffffffffL;
    }
}
