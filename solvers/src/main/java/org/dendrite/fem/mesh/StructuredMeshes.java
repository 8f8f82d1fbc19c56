package org.dendrite.fem.mesh;

/**
 * Structured meshes of a rectangle or a box from coordinate lines, so graded spacing (fine near an
 * interface, coarse elsewhere) and layers that end exactly on element faces come for free.
 * Nodes are numbered with x fastest: node (i, j, k) = i + (nx+1)(j + (ny+1)k).
 *
 * <ul>
 *   <li>TRI3: each rectangle cell is cut along the diagonal from (i, j) to (i+1, j+1).</li>
 *   <li>TET4: each box cell is cut into the 6 tetrahedra around the diagonal from (i, j, k) to
 *       (i+1, j+1, k+1) (Kuhn's subdivision); all cells use the same diagonal, so the faces of
 *       neighbouring cells match and the mesh is conforming.</li>
 * </ul>
 * Every element gets region tag 0 ({@link Mesh#REGION}); tag layers with {@link MeshTags}.
 */
public final class StructuredMeshes {
    private StructuredMeshes() {
    }

    /** {@code n} equal intervals on [a, b] as n+1 coordinates. */
    public static double[] uniform(double a, double b, int n) {
        if (n < 1 || !(b > a)) {
            throw new MeshException("need n >= 1 intervals on a non-empty range, got n=" + n + " on [" + a + ", " + b + "]");
        }
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = a + (b - a) * i / n;
        }
        x[n] = b;
        return x;
    }

    /** Uniform mesh of [0, lx] × [0, ly] with nx × ny cells of {@code type} (TRI3 or QUAD4). */
    public static Mesh rectangle(ElementType type, int nx, int ny, double lx, double ly) {
        return rectangle(type, uniform(0, lx, nx), uniform(0, ly, ny));
    }

    /** Uniform mesh of [0, lx] × [0, ly] × [0, lz] with nx × ny × nz cells of {@code type} (TET4 or HEX8). */
    public static Mesh box(ElementType type, int nx, int ny, int nz, double lx, double ly, double lz) {
        return box(type, uniform(0, lx, nx), uniform(0, ly, ny), uniform(0, lz, nz));
    }

    /** Mesh on the tensor grid xs × ys (strictly increasing coordinate lines). */
    public static Mesh rectangle(ElementType type, double[] xs, double[] ys) {
        increasing("xs", xs);
        increasing("ys", ys);
        int nx = xs.length - 1;
        int ny = ys.length - 1;
        double[] coords = new double[(nx + 1) * (ny + 1) * 2];
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                int n = i + (nx + 1) * j;
                coords[2 * n] = xs[i];
                coords[2 * n + 1] = ys[j];
            }
        }
        int[] conn;
        if (type == ElementType.QUAD4) {
            conn = new int[nx * ny * 4];
            int e = 0;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n00 = i + (nx + 1) * j;
                    int n10 = n00 + 1;
                    int n01 = n00 + nx + 1;
                    int n11 = n01 + 1;
                    conn[e++] = n00;
                    conn[e++] = n10;
                    conn[e++] = n11;
                    conn[e++] = n01;
                }
            }
        } else if (type == ElementType.TRI3) {
            conn = new int[nx * ny * 6];
            int e = 0;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n00 = i + (nx + 1) * j;
                    int n10 = n00 + 1;
                    int n01 = n00 + nx + 1;
                    int n11 = n01 + 1;
                    conn[e++] = n00;
                    conn[e++] = n10;
                    conn[e++] = n11;
                    conn[e++] = n00;
                    conn[e++] = n11;
                    conn[e++] = n01;
                }
            }
        } else {
            throw new MeshException("a rectangle mesh needs TRI3 or QUAD4 elements, got " + type);
        }
        Mesh m = new Mesh(2, type, coords, conn);
        m.putCellTag(Mesh.REGION, new int[m.elementCount()]);
        return m;
    }

    /**
     * Kuhn's 6 tetrahedra of the unit cube around the diagonal 0 → 7, as corner indices
     * (bit 0 = +x, bit 1 = +y, bit 2 = +z); one tetrahedron per ordering of the axes, walking from
     * corner 0 to corner 7 one axis at a time. Orientation fixed below so that all are positive.
     */
    private static final int[][] KUHN = kuhn();

    private static int[][] kuhn() {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        int[][] tets = new int[6][];
        for (int p = 0; p < 6; p++) {
            int c1 = 1 << perms[p][0];
            int c2 = c1 | (1 << perms[p][1]);
            int[] t = {0, c1, c2, 7};
            if (orientation(t) < 0) {
                int s = t[1];
                t[1] = t[2];
                t[2] = s;
            }
            tets[p] = t;
        }
        return tets;
    }

    private static int orientation(int[] t) {
        int[][] v = new int[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                v[r][c] = ((t[r + 1] >> c) & 1) - ((t[0] >> c) & 1);
            }
        }
        return v[0][0] * (v[1][1] * v[2][2] - v[1][2] * v[2][1])
                - v[0][1] * (v[1][0] * v[2][2] - v[1][2] * v[2][0])
                + v[0][2] * (v[1][0] * v[2][1] - v[1][1] * v[2][0]);
    }

    /** Mesh on the tensor grid xs × ys × zs (strictly increasing coordinate lines). */
    public static Mesh box(ElementType type, double[] xs, double[] ys, double[] zs) {
        increasing("xs", xs);
        increasing("ys", ys);
        increasing("zs", zs);
        int nx = xs.length - 1;
        int ny = ys.length - 1;
        int nz = zs.length - 1;
        long nodes = (long) (nx + 1) * (ny + 1) * (nz + 1);
        long cells = (long) nx * ny * nz;
        int per = type == ElementType.TET4 ? 24 : 8;
        if (nodes * 3 > Integer.MAX_VALUE - 8 || cells * per > Integer.MAX_VALUE - 8) {
            throw new MeshException("box mesh of " + nx + "x" + ny + "x" + nz + " cells is too large for int indexing");
        }
        double[] coords = new double[(int) nodes * 3];
        for (int k = 0; k <= nz; k++) {
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    int n = i + (nx + 1) * (j + (ny + 1) * k);
                    coords[3 * n] = xs[i];
                    coords[3 * n + 1] = ys[j];
                    coords[3 * n + 2] = zs[k];
                }
            }
        }
        if (type != ElementType.TET4 && type != ElementType.HEX8) {
            throw new MeshException("a box mesh needs TET4 or HEX8 elements, got " + type);
        }
        int[] conn = new int[(int) (cells * per)];
        int[] corner = new int[8];
        int e = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    for (int b = 0; b < 8; b++) {
                        corner[b] = (i + (b & 1)) + (nx + 1) * ((j + ((b >> 1) & 1)) + (ny + 1) * (k + ((b >> 2) & 1)));
                    }
                    if (type == ElementType.HEX8) {
                        // VTK order: bottom (z-) counter-clockwise, then top.
                        conn[e++] = corner[0];
                        conn[e++] = corner[1];
                        conn[e++] = corner[3];
                        conn[e++] = corner[2];
                        conn[e++] = corner[4];
                        conn[e++] = corner[5];
                        conn[e++] = corner[7];
                        conn[e++] = corner[6];
                    } else {
                        for (int[] t : KUHN) {
                            for (int a = 0; a < 4; a++) {
                                conn[e++] = corner[t[a]];
                            }
                        }
                    }
                }
            }
        }
        Mesh m = new Mesh(3, type, coords, conn);
        m.putCellTag(Mesh.REGION, new int[m.elementCount()]);
        return m;
    }

    private static void increasing(String name, double[] v) {
        if (v.length < 2) {
            throw new MeshException(name + " needs at least 2 coordinates, got " + v.length);
        }
        for (int i = 1; i < v.length; i++) {
            if (!(v[i] > v[i - 1])) {
                throw new MeshException(name + " must be strictly increasing: " + name + "[" + (i - 1) + "] = "
                        + v[i - 1] + ", " + name + "[" + i + "] = " + v[i]);
            }
        }
    }
}
