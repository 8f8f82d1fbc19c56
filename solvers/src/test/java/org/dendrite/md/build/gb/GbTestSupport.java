package org.dendrite.md.build.gb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.Params;
import org.dendrite.md.Box;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.Charges;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.io.ExtXyzWriter;

/**
 * Small cubic test lattices and measurements made from the atoms alone (nearest-neighbour
 * directions, coordination), independent of the builders' own bookkeeping.
 */
final class GbTestSupport {
    /** Li₂O antifluorite (Fm-3m, F-centred), a = 4.61 Å: O on fcc, Li on the eight tetrahedral sites. */
    static final double LI2O_A = 4.61;
    /** Perovskite-type LiNbO₃ test lattice (not a real phase), primitive cubic, a = 3.90 Å. */
    static final double PEROVSKITE_A = 3.90;
    static final Path LLZO_TETRAGONAL = Path.of("..", "conf", "structures", "llzo-tetragonal-192.extxyz")
            .toAbsolutePath().normalize();

    private GbTestSupport() {
    }

    static AtomicModel li2o() {
        double a = LI2O_A;
        AtomicModel m = new AtomicModel(Box.orthorhombic(a, a, a));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] f : fcc) {
            m.add("O", f[0] * a, f[1] * a, f[2] * a, -1);
        }
        for (double[] f : fcc) {
            for (double s : new double[] {0.25, 0.75}) {
                m.add("Li", ((f[0] + s) % 1) * a, ((f[1] + s) % 1) * a, ((f[2] + s) % 1) * a, -1);
            }
        }
        return m;
    }

    static AtomicModel perovskite() {
        double a = PEROVSKITE_A;
        AtomicModel m = new AtomicModel(Box.orthorhombic(a, a, a));
        m.add("Nb", 0, 0, 0, -1);
        m.add("Li", a / 2, a / 2, a / 2, -1);
        m.add("O", a / 2, 0, 0, -1);
        m.add("O", 0, a / 2, 0, -1);
        m.add("O", 0, 0, a / 2, -1);
        return m;
    }

    /** Writes a model as extended XYZ so a config can name it with {@code file:}. */
    static Path write(AtomicModel m, Path dir, String name) {
        Path f = dir.resolve(name);
        try {
            ExtXyzWriter.writeFile(f, m.toStructure(null, Charges.FORMAL, name), Double.NaN, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static AtomicModel build(Map<String, Object> structure, BuildContext ctx) {
        return StructureBuilders.build(Params.of("structure", structure), ctx);
    }

    /** Minimum-image displacement j − i in an orthorhombic periodic box. */
    static double[] delta(AtomicModel m, int i, int j) {
        double[] len = {m.box().lx(), m.box().ly(), m.box().lz()};
        double[] d = new double[3];
        for (int k = 0; k < 3; k++) {
            d[k] = m.x(j, k) - m.x(i, k);
            d[k] -= len[k] * Math.rint(d[k] / len[k]);
        }
        return d;
    }

    /** Periodic distance of height z from the nearest of the planes. */
    static double distanceFromPlanes(AtomicModel m, int i, double[] planes) {
        double lz = m.box().lz();
        double best = Double.POSITIVE_INFINITY;
        for (double p : planes) {
            double d = m.x(i, 2) - p;
            d -= lz * Math.rint(d / lz);
            best = Math.min(best, Math.abs(d));
        }
        return best;
    }

    /**
     * Displacements (lab frame) from atom i to every atom j ≠ i and to every periodic image within r
     * (images −1..1 along each axis, enough for r up to the shortest edge), each as {dx, dy, dz, j}.
     */
    static List<double[]> neighbours(AtomicModel m, int i, String element, int grain, double r) {
        double[] len = {m.box().lx(), m.box().ly(), m.box().lz()};
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < m.size(); j++) {
            if ((element != null && !m.element(j).equals(element)) || (grain >= 0 && m.tag(j) != grain)) {
                continue;
            }
            double[] d0 = delta(m, i, j);
            for (int a = -1; a <= 1; a++) {
                for (int b = -1; b <= 1; b++) {
                    for (int c = -1; c <= 1; c++) {
                        if (j == i && a == 0 && b == 0 && c == 0) {
                            continue;
                        }
                        double[] d = {d0[0] + a * len[0], d0[1] + b * len[1], d0[2] + c * len[2]};
                        if (norm(d) < r) {
                            out.add(new double[] {d[0], d[1], d[2], j});
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Distinct unit directions (lab frame) from interior atoms of one element in one grain to their
     * nearest neighbours of the same element and grain (all within 1.02× the shortest such distance).
     */
    static List<double[]> neighbourDirections(AtomicModel m, int grain, String element, double[] planes, double margin) {
        double dmin = Double.POSITIVE_INFINITY;
        List<List<double[]>> all = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            if (m.tag(i) != grain || !m.element(i).equals(element) || distanceFromPlanes(m, i, planes) < margin) {
                continue;
            }
            List<double[]> nb = neighbours(m, i, element, grain, 8.0);
            for (double[] d : nb) {
                dmin = Math.min(dmin, norm(d));
            }
            all.add(nb);
        }
        List<double[]> dirs = new ArrayList<>();
        for (List<double[]> nb : all) {
            for (double[] d : nb) {
                double r = norm(d);
                if (r < 1.02 * dmin) {
                    double[] u = {d[0] / r, d[1] / r, d[2] / r};
                    boolean known = false;
                    for (double[] v : dirs) {
                        known |= dot(u, v) > 1 - 1e-6;
                    }
                    if (!known) {
                        dirs.add(u);
                    }
                }
            }
        }
        return dirs;
    }

    /**
     * Angles (degrees, in (−180, 180]) of all proper rotations about lab x that map grain A's
     * neighbour-direction set onto grain B's (each direction to within 1e-7 rad). These are the
     * measured tilt misorientations, one per symmetry-equivalent description.
     */
    static List<Double> tiltAnglesAboutX(List<double[]> da, List<double[]> db) {
        List<Double> out = new ArrayList<>();
        double[] a1 = da.get(0);
        double[] a2 = null;
        for (double[] v : da) {
            if (Math.abs(dot(v, a1)) < 0.99) {
                a2 = v;
                break;
            }
        }
        double cosA = dot(a1, a2);
        double[][] fa = frame(a1, a2);
        for (double[] b1 : db) {
            for (double[] b2 : db) {
                if (Math.abs(dot(b1, b2) - cosA) > 1e-9) {
                    continue;
                }
                double[][] fb = frame(b1, b2);
                // R = Fb · Faᵀ (frames as columns)
                double[][] r = new double[3][3];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        for (int k = 0; k < 3; k++) {
                            r[i][j] += fb[k][i] * fa[k][j];
                        }
                    }
                }
                if (!mapsAll(r, da, db)) {
                    continue;
                }
                if (Math.abs(r[0][0] - 1) < 1e-9 && Math.abs(r[1][0]) < 1e-9 && Math.abs(r[2][0]) < 1e-9) {
                    out.add(Math.toDegrees(Math.atan2(r[2][1], r[1][1])));
                }
            }
        }
        return out;
    }

    /** The requested angle is among the measured ones (up to the sign convention of A → B). */
    static double closestMeasured(List<Double> measured, double wanted) {
        double best = Double.POSITIVE_INFINITY;
        for (double m : measured) {
            double d = Math.min(Math.abs(Math.abs(m) - wanted), Math.abs(m - wanted));
            best = Math.min(best, d);
        }
        return best;
    }

    private static boolean mapsAll(double[][] r, List<double[]> da, List<double[]> db) {
        for (double[] a : da) {
            double[] ra = {dotRow(r[0], a), dotRow(r[1], a), dotRow(r[2], a)};
            boolean hit = false;
            for (double[] b : db) {
                hit |= dot(ra, b) > 1 - 1e-12;
            }
            if (!hit) {
                return false;
            }
        }
        return da.size() == db.size();
    }

    /** Orthonormal frame (rows) built from two non-parallel unit vectors. */
    private static double[][] frame(double[] u, double[] v) {
        double[] w = cross(u, v);
        double nw = norm(w);
        w = new double[] {w[0] / nw, w[1] / nw, w[2] / nw};
        double[] x = cross(w, u);
        return new double[][] {u.clone(), x, w};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double dotRow(double[] row, double[] v) {
        return dot(row, v);
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /** Net charge under formal charges. */
    static double formalCharge(AtomicModel m) {
        return m.totalCharge(Charges.FORMAL);
    }
}
