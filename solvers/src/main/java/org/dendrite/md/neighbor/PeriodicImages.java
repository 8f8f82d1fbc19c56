package org.dendrite.md.neighbor;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.ExactSum;

/**
 * Single-domain {@link HaloExchange}: ghosts are the periodic images of the owned atoms that lie
 * within the ghost cut-off of the box. Works for any cell, including cells smaller than twice the
 * cut-off (several images per atom along an axis) and triclinic cells: an image is kept when its
 * fractional coordinates lie within cutoff/width of the unit cube along every axis, where width is
 * the distance between opposite faces, so no atom within the cut-off of the cell is missed.
 *
 * <p>Atoms that leave the box along a non-periodic axis are lost; that is reported as an error
 * naming the atom rather than silently dropping it.
 */
public final class PeriodicImages implements HaloExchange {
    private final double[] frac = new double[3];
    private final double[] shift = new double[3];

    @Override
    public void borders(Atoms atoms, Box box, double ghostCutoff) {
        wrapOwned(atoms, box);
        buildGhosts(atoms, box, ghostCutoff);
    }

    /** Maps owned atoms into the primary cell (updating image flags) and checks them. */
    public void wrapOwned(Atoms atoms, Box box) {
        double[] x = atoms.x;
        for (int i = 0; i < atoms.nlocal; i++) {
            int o = 3 * i;
            if (!Double.isFinite(x[o]) || !Double.isFinite(x[o + 1]) || !Double.isFinite(x[o + 2])) {
                throw new LostAtomException("atom id " + atoms.id[i] + " has a non-finite position ("
                        + x[o] + ", " + x[o + 1] + ", " + x[o + 2] + ")");
            }
            box.wrap(x, o, atoms.image);
            int k = box.nonPeriodicAxisOutside(x[o], x[o + 1], x[o + 2]);
            if (k >= 0) {
                throw new LostAtomException("atom id " + atoms.id[i] + " left the box through the non-periodic "
                        + "xyz".charAt(k) + " boundary at (" + x[o] + ", " + x[o + 1] + ", " + x[o + 2] + ")");
            }
        }
    }

    /** Rebuilds the ghost layer from the current (wrapped) positions of owned atoms. */
    public void buildGhosts(Atoms atoms, Box box, double ghostCutoff) {
        int n = atoms.nlocal;
        int[] reach = new int[3];
        double[] margin = new double[3];
        for (int k = 0; k < 3; k++) {
            if (box.periodic(k)) {
                margin[k] = ghostCutoff / box.perpendicularWidth(k);
                reach[k] = (int) Math.ceil(margin[k]);
            }
        }
        int ng = 0;
        double[] x = atoms.x;
        for (int i = 0; i < n; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 0);
            double sa = frac[0], sb = frac[1], sc = frac[2];
            for (int mc = -reach[2]; mc <= reach[2]; mc++) {
                double tc = sc + mc;
                if (tc < -margin[2] || tc > 1 + margin[2]) {
                    continue;
                }
                for (int mb = -reach[1]; mb <= reach[1]; mb++) {
                    double tb = sb + mb;
                    if (tb < -margin[1] || tb > 1 + margin[1]) {
                        continue;
                    }
                    for (int ma = -reach[0]; ma <= reach[0]; ma++) {
                        if (ma == 0 && mb == 0 && mc == 0) {
                            continue;
                        }
                        double ta = sa + ma;
                        if (ta < -margin[0] || ta > 1 + margin[0]) {
                            continue;
                        }
                        int g = n + ng;
                        atoms.ensureCapacity(g + 1);
                        atoms.ensureGhostCapacity(ng + 1);
                        x = atoms.x;
                        atoms.ghostOwner[ng] = i;
                        atoms.ghostImage[3 * ng] = ma;
                        atoms.ghostImage[3 * ng + 1] = mb;
                        atoms.ghostImage[3 * ng + 2] = mc;
                        atoms.type[g] = atoms.type[i];
                        atoms.id[g] = atoms.id[i];
                        atoms.q[g] = atoms.q[i];
                        box.imageShift(ma, mb, mc, shift, 0);
                        x[3 * g] = x[3 * i] + shift[0];
                        x[3 * g + 1] = x[3 * i + 1] + shift[1];
                        x[3 * g + 2] = x[3 * i + 2] + shift[2];
                        ng++;
                    }
                }
            }
        }
        atoms.nghost = ng;
    }

    @Override
    public void forwardPositions(Atoms atoms, Box box) {
        int n = atoms.nlocal;
        double[] x = atoms.x;
        int[] owner = atoms.ghostOwner;
        int[] img = atoms.ghostImage;
        // Cell vectors, hoisted so the loop is three multiply-adds per coordinate.
        double ax = box.lx(), bx = box.xy(), by = box.ly(), cx = box.xz(), cy = box.yz(), cz = box.lz();
        for (int k = 0; k < atoms.nghost; k++) {
            int i = owner[k];
            int g = n + k;
            int ma = img[3 * k], mb = img[3 * k + 1], mc = img[3 * k + 2];
            x[3 * g] = x[3 * i] + ax * ma + bx * mb + cx * mc;
            x[3 * g + 1] = x[3 * i + 1] + by * mb + cy * mc;
            x[3 * g + 2] = x[3 * i + 2] + cz * mc;
        }
    }

    @Override
    public void forwardScalar(Atoms atoms, double[] perAtom) {
        int n = atoms.nlocal;
        int[] owner = atoms.ghostOwner;
        for (int k = 0; k < atoms.nghost; k++) {
            perAtom[n + k] = perAtom[owner[k]];
        }
    }

    @Override
    public void reverseVector(Atoms atoms, double[] f) {
        int n = atoms.nlocal;
        int[] owner = atoms.ghostOwner;
        for (int k = 0; k < atoms.nghost; k++) {
            int g = 3 * (n + k);
            int o = 3 * owner[k];
            f[o] += f[g];
            f[o + 1] += f[g + 1];
            f[o + 2] += f[g + 2];
            f[g] = 0;
            f[g + 1] = 0;
            f[g + 2] = 0;
        }
    }

    @Override
    public double sum(double localValue) {
        return localValue;
    }

    @Override
    public void sum(double[] values) {
        // One domain: the local values are the global ones.
    }

    @Override
    public void sum(ExactSum[] sums) {
        // One domain: the local sums are the global ones.
    }

    @Override
    public double max(double localValue) {
        return localValue;
    }
}
