package org.dendrite.md.potential;

import java.util.Random;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;

/** Random periodic test configurations (seeded) with a minimum pair distance over all images. */
public final class TestCells {
    private TestCells() {
    }

    /** Orthorhombic (tilt = false) or triclinic box with edges near {@code edge} Å. */
    public static Box box(double edge, boolean tilt, long seed) {
        Random rnd = new Random(seed);
        double lx = edge * (0.9 + 0.2 * rnd.nextDouble());
        double ly = edge * (0.9 + 0.2 * rnd.nextDouble());
        double lz = edge * (0.9 + 0.2 * rnd.nextDouble());
        if (!tilt) {
            return Box.orthorhombic(lx, ly, lz);
        }
        return new Box(0.3, -0.2, 0.1, lx, ly, lz, 0.23 * lx, -0.17 * lx, 0.11 * ly);
    }

    /**
     * {@code counts[t]} atoms of type t placed at random with every periodic pair distance at least
     * {@code minDistance} Å; charges from the species.
     */
    public static Atoms random(Species species, int[] counts, Box box, double minDistance, long seed) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        Atoms atoms = new Atoms(species, n);
        Random rnd = new Random(seed);
        double[] d = new double[3];
        int placed = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int c = 0; c < counts[t]; c++) {
                int attempts = 0;
                while (true) {
                    if (++attempts > 100000) {
                        throw new IllegalStateException("cannot place atom " + placed + " at min distance " + minDistance);
                    }
                    box.fromFractional(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), atoms.x, 3 * placed);
                    boolean ok = true;
                    for (int j = 0; j < placed && ok; j++) {
                        d[0] = atoms.x[3 * placed] - atoms.x[3 * j];
                        d[1] = atoms.x[3 * placed + 1] - atoms.x[3 * j + 1];
                        d[2] = atoms.x[3 * placed + 2] - atoms.x[3 * j + 2];
                        ok = minImageDistance(box, d) >= minDistance;
                    }
                    if (ok) {
                        break;
                    }
                }
                atoms.type[placed] = t;
                atoms.id[placed] = placed + 1;
                atoms.q[placed] = species.charge(t);
                placed++;
            }
        }
        return atoms;
    }

    /** Shortest length of d + image shift over the 27 neighbouring images (enough for these cells). */
    static double minImageDistance(Box box, double[] d) {
        double best = Double.MAX_VALUE;
        double[] s = new double[3];
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                for (int c = -2; c <= 2; c++) {
                    box.imageShift(a, b, c, s, 0);
                    double x = d[0] + s[0];
                    double y = d[1] + s[1];
                    double z = d[2] + s[2];
                    best = Math.min(best, Math.sqrt(x * x + y * y + z * z));
                }
            }
        }
        return best;
    }

    /** The same atoms in the box (I + ε)H, fractional coordinates kept; ε upper triangular, row-major. */
    public static Box strained(Box box, double[] eps, Atoms atoms, Atoms out) {
        double[] h = box.matrix();
        double[] hp = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = h[3 * a + b];
                for (int c = 0; c < 3; c++) {
                    s += eps[3 * a + c] * h[3 * c + b];
                }
                hp[3 * a + b] = s;
            }
        }
        Box nb = new Box(box.xlo(), box.ylo(), box.zlo(), hp[0], hp[4], hp[8], hp[1], hp[2], hp[5]);
        double[] s = new double[3];
        for (int i = 0; i < atoms.nlocal; i++) {
            box.toFractional(atoms.x[3 * i], atoms.x[3 * i + 1], atoms.x[3 * i + 2], s, 0);
            nb.fromFractional(s[0], s[1], s[2], out.x, 3 * i);
        }
        return nb;
    }
}
