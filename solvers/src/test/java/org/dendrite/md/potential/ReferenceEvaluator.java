package org.dendrite.md.potential;

import java.util.Arrays;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.neighbor.HaloExchange;
import org.dendrite.md.neighbor.NeighborList;

/**
 * A deliberately simple evaluator of a whole {@link ForceField} for small periodic test cells:
 * every periodic image within reach becomes a ghost, the half list follows the rule documented on
 * {@link NeighborList} (local pairs j &gt; i; a ghost pair only if r_j − r_i is positive in (z, y, x)
 * order), and the virial is Σ r·f over local and ghost atoms plus the explicit virial of global
 * terms — the same contract as the engine, written for clarity rather than speed. It lets the
 * potentials be tested before and independently of {@code ForceEngine}.
 */
public final class ReferenceEvaluator {
    private ReferenceEvaluator() {
    }

    /** Energy (eV), forces on local atoms (eV/Å) and virial W_ab = Σ r_a f_b (eV, row-major). */
    public static final class Result {
        public double energy;
        public double[] f;
        public final double[] virial = new double[9];
    }

    public static Result evaluate(ForceField ff, Atoms input, Box box) {
        int n = input.nlocal;
        double rc = ff.maxCutoff();
        int[] reach = new int[3];
        for (int a = 0; a < 3; a++) {
            reach[a] = box.periodic(a) ? (int) Math.ceil(rc / box.perpendicularWidth(a)) + 1 : 0;
        }
        int images = (2 * reach[0] + 1) * (2 * reach[1] + 1) * (2 * reach[2] + 1) - 1;
        Atoms atoms = new Atoms(input.species, n);
        atoms.ensureCapacity(n * (images + 1));
        atoms.ensureGhostCapacity(n * images);
        System.arraycopy(input.x, 0, atoms.x, 0, 3 * n);
        System.arraycopy(input.type, 0, atoms.type, 0, n);
        System.arraycopy(input.q, 0, atoms.q, 0, n);
        System.arraycopy(input.id, 0, atoms.id, 0, n);
        int g = 0;
        double[] shift = new double[3];
        for (int na = -reach[0]; na <= reach[0]; na++) {
            for (int nb = -reach[1]; nb <= reach[1]; nb++) {
                for (int nc = -reach[2]; nc <= reach[2]; nc++) {
                    if (na == 0 && nb == 0 && nc == 0) {
                        continue;
                    }
                    box.imageShift(na, nb, nc, shift, 0);
                    for (int i = 0; i < n; i++) {
                        int k = n + g;
                        atoms.x[3 * k] = atoms.x[3 * i] + shift[0];
                        atoms.x[3 * k + 1] = atoms.x[3 * i + 1] + shift[1];
                        atoms.x[3 * k + 2] = atoms.x[3 * i + 2] + shift[2];
                        atoms.type[k] = atoms.type[i];
                        atoms.q[k] = atoms.q[i];
                        atoms.id[k] = atoms.id[i];
                        atoms.ghostOwner[g] = i;
                        atoms.ghostImage[3 * g] = na;
                        atoms.ghostImage[3 * g + 1] = nb;
                        atoms.ghostImage[3 * g + 2] = nc;
                        g++;
                    }
                }
            }
        }
        atoms.nghost = g;
        int nall = n + g;
        NeighborList list = halfList(atoms, rc);
        double[] f = new double[3 * nall];
        double energy = 0;
        CoulombKernel coul = ff.coulomb();
        double cutsqCoul = coul == null ? 0 : coul.cutoff() * coul.cutoff();
        for (int i = 0; i < n; i++) {
            for (int k = list.offsets[i]; k < list.offsets[i + 1]; k++) {
                int j = list.neighbors[k];
                double dx = atoms.x[3 * i] - atoms.x[3 * j];
                double dy = atoms.x[3 * i + 1] - atoms.x[3 * j + 1];
                double dz = atoms.x[3 * i + 2] - atoms.x[3 * j + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                double fpair = 0;
                PairEvaluator p = ff.pair(atoms.type[i], atoms.type[j]);
                if (p != null && rsq < p.cutoff() * p.cutoff()) {
                    energy += p.energy(rsq) - ff.energyShift(atoms.type[i], atoms.type[j]);
                    fpair += p.forceOverR(rsq);
                }
                if (coul != null && rsq < cutsqCoul) {
                    double qq = atoms.q[i] * atoms.q[j];
                    energy += qq * coul.energyPerQQ(rsq);
                    fpair += qq * coul.forceOverRPerQQ(rsq);
                }
                f[3 * i] += dx * fpair;
                f[3 * i + 1] += dy * fpair;
                f[3 * i + 2] += dz * fpair;
                f[3 * j] -= dx * fpair;
                f[3 * j + 1] -= dy * fpair;
                f[3 * j + 2] -= dz * fpair;
            }
            if (coul != null) {
                energy += coul.selfEnergy(atoms.q[i]);
            }
        }
        Halo halo = new Halo();
        for (ManyBodyTerm term : ff.manyBody()) {
            energy += term.compute(atoms, list, halo, f);
        }
        Result out = new Result();
        for (int i = 0; i < nall; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    out.virial[3 * a + b] += atoms.x[3 * i + a] * f[3 * i + b];
                }
            }
        }
        halo.reverseVector(atoms, f);
        for (GlobalTerm term : ff.global()) {
            energy += term.compute(atoms, box, f, out.virial);
        }
        out.energy = energy;
        out.f = Arrays.copyOf(f, 3 * n);
        return out;
    }

    /** Half list within rc by the documented rule; O(N·images), fine for test cells. */
    static NeighborList halfList(Atoms atoms, double rc) {
        int n = atoms.nlocal;
        int nall = n + atoms.nghost;
        double rcsq = rc * rc;
        NeighborList list = new NeighborList();
        list.offsets = new int[n + 1];
        int[] buf = new int[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            list.offsets[i] = count;
            for (int j = 0; j < nall; j++) {
                if (j == i || (j < n && j < i)) {
                    continue;
                }
                double dx = atoms.x[3 * j] - atoms.x[3 * i];
                double dy = atoms.x[3 * j + 1] - atoms.x[3 * i + 1];
                double dz = atoms.x[3 * j + 2] - atoms.x[3 * i + 2];
                if (dx * dx + dy * dy + dz * dz >= rcsq) {
                    continue;
                }
                if (j >= n) {
                    boolean positive = dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0)));
                    if (!positive) {
                        continue;
                    }
                }
                if (count == buf.length) {
                    buf = Arrays.copyOf(buf, 2 * buf.length);
                }
                buf[count++] = j;
            }
        }
        list.offsets[n] = count;
        list.neighbors = Arrays.copyOf(buf, count);
        list.rows = n;
        list.cutoffWithSkin = rc;
        return list;
    }

    /** Single-domain halo over periodic-image ghosts. */
    static final class Halo implements HaloExchange {
        @Override
        public void borders(Atoms atoms, Box box, double ghostCutoff) {
            throw new UnsupportedOperationException("test halo is built by ReferenceEvaluator");
        }

        @Override
        public void forwardPositions(Atoms atoms, Box box) {
            throw new UnsupportedOperationException("test halo is built by ReferenceEvaluator");
        }

        @Override
        public void forwardScalar(Atoms atoms, double[] perAtom) {
            for (int k = 0; k < atoms.nghost; k++) {
                perAtom[atoms.nlocal + k] = perAtom[atoms.ghostOwner[k]];
            }
        }

        @Override
        public void reverseVector(Atoms atoms, double[] perAtom3) {
            for (int k = 0; k < atoms.nghost; k++) {
                int gi = atoms.nlocal + k;
                int o = atoms.ghostOwner[k];
                for (int c = 0; c < 3; c++) {
                    perAtom3[3 * o + c] += perAtom3[3 * gi + c];
                    perAtom3[3 * gi + c] = 0;
                }
            }
        }

        @Override
        public double sum(double localValue) {
            return localValue;
        }

        @Override
        public void sum(double[] values) {
        }

        @Override
        public double max(double localValue) {
            return localValue;
        }
    }
}
