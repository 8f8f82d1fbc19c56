package org.dendrite.md.build.gb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;

/**
 * A crystal given by one repeat unit with an orthogonal cell (edges a ∥ x, b ∥ y, c ∥ z), re-cut
 * into cells whose edges run along other lattice directions: the grains of every bicrystal, and
 * tension samples along [110] or [111].
 *
 * <p><b>The lattice.</b> The repeat unit is the grain model's box, first reduced along each axis to
 * its smallest repeat (a model replicated 3×3×3 becomes its single cell again): the box length L is
 * divided by the largest n ≤ 12 for which the translation L/n along that axis maps every atom onto
 * an atom of the same element (within {@link #MATCH_TOL_A}). Directions [uvw] and periods refer to
 * this reduced cell with constants a, b, c. Centring is then detected from the atoms, not assumed: the
 * translations (½,½,½) (I), (0,½,½), (½,0,½), (½,½,0) (A, B, C; all three = F) count as lattice
 * translations only if they map the whole motif onto itself. So tetragonal LLZO (I4₁/acd) is
 * I-centred, while cubic LLZO with sampled Li is primitive (the random Li break the centring), and
 * its periods are those of the conventional cell.
 *
 * <p><b>Periods.</b> The period of a direction [uvw] is the length of the shortest lattice
 * translation along it: with g = gcd(u, v, w) and d = [uvw]/g, it is d/2 if d/2 is a centring
 * translation (modulo whole cells), else d; its length is |(d₁a, d₂b, d₃c)|. For a primitive cubic
 * lattice that is a·√(u²+v²+w²)/g; for F-centred [310] it is a·√10/2.
 *
 * <p><b>Orientation.</b> An orientation puts lattice direction X along the lab x axis and Y along
 * lab y (X and Y must be orthogonal in Cartesian space for the actual a, b, c); lab z = x × y. Lab
 * z is a lattice direction only when the index vector X × Y is parallel to it (always for cubic
 * lattices); only then has the cell a period along z ({@link Orientation#periodZ}).
 */
public final class OrientedCrystal {
    /** Two positions closer than this (Å) are the same site in symmetry tests. */
    public static final double MATCH_TOL_A = 0.01;
    /** Atoms this close (Å) to a cell face belong to the lower face, so periodic images are not duplicated. */
    static final double FACE_TOL_A = 1e-6;

    private static final double[][] CENTRING = {{0.5, 0.5, 0.5}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    private static final String[] CENTRING_NAME = {"I", "A", "B", "C"};

    private final double[] cell;
    private final List<String> elements = new ArrayList<>();
    private final int[] kind;
    private final double[] frac;
    private final int[] reduction;
    private final List<double[]> centring = new ArrayList<>();
    private final String centringSymbol;

    private OrientedCrystal(double[] cell, List<String> names, int[] kind, double[] frac, int[] reduction) {
        this.cell = cell;
        this.elements.addAll(names);
        this.kind = kind;
        this.frac = frac;
        this.reduction = reduction;
        StringBuilder sym = new StringBuilder();
        for (int t = 0; t < CENTRING.length; t++) {
            if (isSymmetry(CENTRING[t])) {
                centring.add(CENTRING[t]);
                sym.append(CENTRING_NAME[t]);
            }
        }
        String s = sym.toString();
        centringSymbol = s.isEmpty() ? "P" : s.equals("ABC") ? "F" : s;
    }

    /**
     * The lattice of a grain model: its box must be orthogonal and periodic along all three axes.
     *
     * @throws IllegalArgumentException with the reason when the model cannot serve as a lattice
     */
    public static OrientedCrystal of(AtomicModel grain) {
        Box b = grain.box();
        double[] len = {b.lx(), b.ly(), b.lz()};
        double tilt = Math.abs(b.xy()) + Math.abs(b.xz()) + Math.abs(b.yz());
        if (tilt > 1e-9 * (len[0] + len[1] + len[2])) {
            throw new IllegalArgumentException("the grain's cell is triclinic (tilts " + b.xy() + ", " + b.xz() + ", "
                    + b.yz() + "); an oriented crystal needs an orthogonal conventional cell");
        }
        if (!b.periodic(0) || !b.periodic(1) || !b.periodic(2)) {
            throw new IllegalArgumentException("the grain's cell must be periodic along x, y and z");
        }
        int n = grain.size();
        if (n == 0) {
            throw new IllegalArgumentException("the grain has no atoms");
        }
        List<String> names = new ArrayList<>();
        int[] kind = new int[n];
        double[] frac = new double[3 * n];
        for (int i = 0; i < n; i++) {
            String e = grain.element(i);
            int k = names.indexOf(e);
            if (k < 0) {
                names.add(e);
                k = names.size() - 1;
            }
            kind[i] = k;
            frac[3 * i] = wrap01((grain.x(i, 0) - b.xlo()) / len[0], len[0]);
            frac[3 * i + 1] = wrap01((grain.x(i, 1) - b.ylo()) / len[1], len[1]);
            frac[3 * i + 2] = wrap01((grain.x(i, 2) - b.zlo()) / len[2], len[2]);
        }
        int[] red = {1, 1, 1};
        double[] cell = len.clone();
        for (int axis = 0; axis < 3; axis++) {
            int m = largestRepeat(cell, kind, frac, axis);
            if (m > 1) {
                // keep the atoms of the first of the m blocks; an atom within FACE_TOL_A below the
                // block's upper face is the image of one at its lower face
                int[] k2 = new int[kind.length / m];
                double[] f2 = new double[3 * k2.length];
                int kept = 0;
                double faceTol = FACE_TOL_A / cell[axis] * m;
                for (int i = 0; i < kind.length && kept <= k2.length; i++) {
                    double f = frac[3 * i + axis] * m;
                    if (f < 1 - faceTol) {
                        if (kept == k2.length) {
                            kept++;
                            break;
                        }
                        k2[kept] = kind[i];
                        System.arraycopy(frac, 3 * i, f2, 3 * kept, 3);
                        f2[3 * kept + axis] = f;
                        kept++;
                    }
                }
                if (kept == k2.length) {
                    red[axis] = m;
                    kind = k2;
                    frac = f2;
                    cell[axis] /= m;
                }
            }
        }
        return new OrientedCrystal(cell, names, kind, frac, red);
    }

    /** f modulo 1 in [0, 1); a value within FACE_TOL_A (Å, for a cell edge of len) below 1 becomes 0. */
    private static double wrap01(double f, double len) {
        double w = f - Math.floor(f);
        return (1.0 - w) * len < FACE_TOL_A ? 0.0 : w;
    }

    private static int largestRepeat(double[] cell, int[] kind, double[] frac, int axis) {
        int n = kind.length;
        for (int m = 12; m >= 2; m--) {
            if (n % m != 0) {
                continue;
            }
            double[] t = new double[3];
            t[axis] = 1.0 / m;
            if (maps(cell, kind, frac, t)) {
                return m;
            }
        }
        return 1;
    }

    /** True when the fractional translation t maps every atom onto an atom of the same element. */
    private static boolean maps(double[] cell, int[] kind, double[] frac, double[] t) {
        int n = kind.length;
        double[] cart = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                cart[3 * i + d] = frac[3 * i + d] * cell[d];
            }
        }
        double radius = Math.min(1.0, 0.49 * Math.min(cell[0], Math.min(cell[1], cell[2])));
        PeriodicGrid grid = new PeriodicGrid(cart, n, cell, radius);
        for (int i = 0; i < n; i++) {
            if (grid.find(cart[3 * i] + t[0] * cell[0], cart[3 * i + 1] + t[1] * cell[1],
                    cart[3 * i + 2] + t[2] * cell[2], MATCH_TOL_A, kind, kind[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isSymmetry(double[] t) {
        return maps(cell, kind, frac, t);
    }

    /** Lattice constants a, b, c of the (reduced) repeat unit, Å. */
    public double[] latticeConstants() {
        return cell.clone();
    }

    /** How many repeat units the grain model held along x, y, z. */
    public int[] reduction() {
        return reduction.clone();
    }

    /** "P", "I", "F", "A", "B" or "C": the lattice translations found in the motif besides whole cells. */
    public String centring() {
        return centringSymbol;
    }

    /** Atoms in the repeat unit. */
    public int motifSize() {
        return kind.length;
    }

    /** Number of atoms of each element in the repeat unit, in order of first appearance. */
    public java.util.Map<String, Integer> motifComposition() {
        java.util.Map<String, Integer> c = new java.util.LinkedHashMap<>();
        for (String e : elements) {
            c.put(e, 0);
        }
        for (int k : kind) {
            c.merge(elements.get(k), 1, Integer::sum);
        }
        return c;
    }

    /** Cartesian vector (Å) of the lattice direction with indices d (fractional in a, b, c). */
    public double[] cartesian(double[] d) {
        return new double[] {d[0] * cell[0], d[1] * cell[1], d[2] * cell[2]};
    }

    /**
     * The shortest lattice translation along [uvw], as indices (possibly halves), see the class
     * comment.
     */
    public double[] translation(int[] uvw) {
        int g = gcd(gcd(Math.abs(uvw[0]), Math.abs(uvw[1])), Math.abs(uvw[2]));
        if (g == 0) {
            throw new IllegalArgumentException("direction [0 0 0]");
        }
        double[] d = {uvw[0] / (double) g, uvw[1] / (double) g, uvw[2] / (double) g};
        double[] half = {d[0] / 2, d[1] / 2, d[2] / 2};
        for (double[] c : centring) {
            boolean same = true;
            for (int k = 0; k < 3; k++) {
                double diff = half[k] - c[k];
                same &= Math.abs(diff - Math.rint(diff)) < 1e-12;
            }
            if (same) {
                return half;
            }
        }
        return d;
    }

    /** Length (Å) of the shortest lattice translation along [uvw]. */
    public double period(int[] uvw) {
        return norm(cartesian(translation(uvw)));
    }

    /** The orientation with lattice direction x along lab x and y along lab y. */
    public Orientation orient(int[] x, int[] y) {
        return new Orientation(x, y);
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    static int[] cross(int[] a, int[] b) {
        int[] c = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
        int g = gcd(gcd(Math.abs(c[0]), Math.abs(c[1])), Math.abs(c[2]));
        return g == 0 ? c : new int[] {c[0] / g, c[1] / g, c[2] / g};
    }

    static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    static String indices(int[] v) {
        return String.format(Locale.ROOT, "%d %d %d", v[0], v[1], v[2]);
    }

    /**
     * The crystal turned so that lattice directions x and y lie along the lab axes. Rows of the
     * rotation are the unit vectors of lab x, y, z in the crystal's Cartesian frame.
     */
    public final class Orientation {
        private final int[] xDir;
        private final int[] yDir;
        private final int[] zDir;
        private final double[][] rows = new double[3][];
        private final boolean zIsLattice;

        private Orientation(int[] x, int[] y) {
            xDir = x.clone();
            yDir = y.clone();
            double[] ex = cartesian(new double[] {x[0], x[1], x[2]});
            double[] ey = cartesian(new double[] {y[0], y[1], y[2]});
            double nx = norm(ex);
            double ny = norm(ey);
            if (nx == 0 || ny == 0) {
                throw new IllegalArgumentException("direction [0 0 0]");
            }
            for (int k = 0; k < 3; k++) {
                ex[k] /= nx;
                ey[k] /= ny;
            }
            double dot = ex[0] * ey[0] + ex[1] * ey[1] + ex[2] * ey[2];
            if (Math.abs(dot) > 1e-9) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "[%s] and [%s] are not orthogonal in this lattice (a=%.6g b=%.6g c=%.6g Å; angle %.4f°)",
                        indices(x), indices(y), cell[0], cell[1], cell[2], Math.toDegrees(Math.acos(dot))));
            }
            double[] ez = {ex[1] * ey[2] - ex[2] * ey[1], ex[2] * ey[0] - ex[0] * ey[2], ex[0] * ey[1] - ex[1] * ey[0]};
            rows[0] = ex;
            rows[1] = ey;
            rows[2] = ez;
            zDir = cross(x, y);
            double[] cz = cartesian(new double[] {zDir[0], zDir[1], zDir[2]});
            double nz = norm(cz);
            double[] c = {cz[1] * ez[2] - cz[2] * ez[1], cz[2] * ez[0] - cz[0] * ez[2], cz[0] * ez[1] - cz[1] * ez[0]};
            zIsLattice = norm(c) < 1e-9 * nz;
        }

        public int[] xDirection() {
            return xDir.clone();
        }

        public int[] yDirection() {
            return yDir.clone();
        }

        /** Indices X × Y (reduced); a lattice direction along lab z only if {@link #zIsLattice()}. */
        public int[] zDirection() {
            return zDir.clone();
        }

        public boolean zIsLattice() {
            return zIsLattice;
        }

        public double periodX() {
            return period(xDir);
        }

        public double periodY() {
            return period(yDir);
        }

        /** Period along lab z, Å; NaN when lab z is not a lattice direction. */
        public double periodZ() {
            return zIsLattice ? period(zDir) : Double.NaN;
        }

        /** Lab vector of a crystal Cartesian vector. */
        public double[] toLab(double[] v) {
            return new double[] {dot(rows[0], v), dot(rows[1], v), dot(rows[2], v)};
        }

        private double dot(double[] a, double[] b) {
            return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        }

        /**
         * The atoms of the crystal in the lab region 0 ≤ x &lt; lx, 0 ≤ y &lt; ly, z0 ≤ z &lt; z0 + t,
         * shifted down by z0 (so the slab spans [0, t)), every atom with tag {@code tag}, in a box
         * (lx, ly, t) periodic along x and y and along z only when {@code periodicZ}. lx and ly must
         * be whole multiples of the periods along x and y (not checked here: the builders make them
         * so); atoms within {@link #FACE_TOL_A} below a face count as on it, so a face and its
         * periodic image never both hold an atom. Order: by lattice cell (k, j, i), then motif order.
         */
        public AtomicModel slab(double lx, double ly, double z0, double t, boolean periodicZ, int tag) {
            Box box = Box.orthorhombic(lx, ly, t);
            box.setPeriodic(true, true, periodicZ);
            AtomicModel m = new AtomicModel(box);
            int[] lo = new int[3];
            int[] hi = new int[3];
            cellRange(lx, ly, z0, t, lo, hi);
            double[] r = new double[3];
            for (int k = lo[2]; k <= hi[2]; k++) {
                for (int j = lo[1]; j <= hi[1]; j++) {
                    for (int i = lo[0]; i <= hi[0]; i++) {
                        for (int s = 0; s < kind.length; s++) {
                            r[0] = (frac[3 * s] + i) * cell[0];
                            r[1] = (frac[3 * s + 1] + j) * cell[1];
                            r[2] = (frac[3 * s + 2] + k) * cell[2];
                            double px = dot(rows[0], r);
                            double py = dot(rows[1], r);
                            double pz = dot(rows[2], r) - z0;
                            if (px < -FACE_TOL_A || px >= lx - FACE_TOL_A || py < -FACE_TOL_A || py >= ly - FACE_TOL_A
                                    || pz < -FACE_TOL_A || pz >= t - FACE_TOL_A) {
                                continue;
                            }
                            m.add(elements.get(kind[s]), Math.max(0, px), Math.max(0, py), pz < 0 && periodicZ ? 0 : pz, tag);
                        }
                    }
                }
            }
            return m;
        }

        /**
         * The periodic oriented cell nx·periodX × ny·periodY × nz·periodZ; throws if lab z is not a
         * lattice direction. Checks that it holds exactly (cell volume / unit volume) · motif atoms.
         */
        public AtomicModel supercell(int nx, int ny, int nz) {
            if (!zIsLattice) {
                throw new IllegalArgumentException("[" + indices(xDir) + "] × [" + indices(yDir)
                        + "] is not a lattice direction in this lattice, so the cell has no period along z");
            }
            double lx = nx * periodX();
            double ly = ny * periodY();
            double lz = nz * periodZ();
            AtomicModel m = slab(lx, ly, 0, lz, true, -1);
            double expected = kind.length * lx * ly * lz / (cell[0] * cell[1] * cell[2]);
            if (Math.abs(expected - Math.rint(expected)) > 1e-6 || m.size() != (int) Math.rint(expected)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "oriented cell [%s]x[%s]x[%s] holds %d atoms, expected %.6f", indices(xDir), indices(yDir),
                        indices(zDir), m.size(), expected));
            }
            return m;
        }

        private void cellRange(double lx, double ly, double z0, double t, int[] lo, int[] hi) {
            double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int corner = 0; corner < 8; corner++) {
                double px = (corner & 1) == 0 ? 0 : lx;
                double py = (corner & 2) == 0 ? 0 : ly;
                double pz = z0 + ((corner & 4) == 0 ? 0 : t);
                for (int d = 0; d < 3; d++) {
                    // crystal Cartesian = Rᵀ · lab
                    double c = rows[0][d] * px + rows[1][d] * py + rows[2][d] * pz;
                    min[d] = Math.min(min[d], c / cell[d]);
                    max[d] = Math.max(max[d], c / cell[d]);
                }
            }
            for (int d = 0; d < 3; d++) {
                lo[d] = (int) Math.floor(min[d]) - 1;
                hi[d] = (int) Math.ceil(max[d]) + 1;
            }
        }
    }
}
