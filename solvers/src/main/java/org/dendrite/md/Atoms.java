package org.dendrite.md;

import java.util.Arrays;

/**
 * Atoms as structure of arrays. Indices {@code [0, nlocal)} are the atoms this domain owns;
 * {@code [nlocal, nlocal + nghost)} are ghost copies (periodic images or halo atoms of other
 * domains) that exist only so that pairs across a boundary can be found without minimum-image
 * arithmetic in the force loop.
 *
 * <p>Vectors are interleaved: atom i has x[3i], x[3i+1], x[3i+2]. Ghosts carry positions, types
 * and charges; their velocities are not used. {@link #ghostOwner} maps a ghost to the local atom it
 * images (single domain) and {@link #ghostImage} holds its cell offset, so that ghost positions can
 * be refreshed from owners after every move without a rebuild.
 */
public final class Atoms {
    /** Number of owned atoms. */
    public int nlocal;
    /** Number of ghost atoms stored after the owned ones. */
    public int nghost;

    /** Positions, Å (3 per atom, local then ghost). */
    public double[] x;
    /** Velocities, Å/ps (3 per local atom). */
    public double[] v;
    /** Forces, eV/Å (3 per atom; ghost slots receive partial forces before they are folded back). */
    public double[] f;
    /** Species type index per atom, into {@link #species}. */
    public int[] type;
    /** Global atom id (1-based, as in LAMMPS) per atom. */
    public int[] id;
    /** Charge per atom, e. */
    public double[] q;
    /** Periodic image flags of local atoms (3 per atom): unwrapped = x + H·image. */
    public int[] image;
    /** For ghost g (index nlocal + k), ghostOwner[k] is the local index it copies (single domain), or -1. */
    public int[] ghostOwner;
    /** For ghost g (index nlocal + k), its cell offset (3 ints per ghost) relative to its owner. */
    public int[] ghostImage;

    /** Names, masses and charges of the types. */
    public Species species;

    public Atoms(Species species, int nlocal) {
        this.species = species;
        this.nlocal = nlocal;
        this.nghost = 0;
        allocate(Math.max(nlocal, 1));
        ghostOwner = new int[16];
        ghostImage = new int[48];
    }

    private void allocate(int capacity) {
        x = new double[3 * capacity];
        v = new double[3 * capacity];
        f = new double[3 * capacity];
        type = new int[capacity];
        id = new int[capacity];
        q = new double[capacity];
        image = new int[3 * capacity];
    }

    public int capacity() {
        return type.length;
    }

    public int total() {
        return nlocal + nghost;
    }

    /** Grows per-atom arrays so that {@code n} atoms (local plus ghost) fit; keeps contents. */
    public void ensureCapacity(int n) {
        if (n <= type.length) {
            return;
        }
        int cap = Math.max(n, type.length + type.length / 2);
        x = Arrays.copyOf(x, 3 * cap);
        v = Arrays.copyOf(v, 3 * cap);
        f = Arrays.copyOf(f, 3 * cap);
        type = Arrays.copyOf(type, cap);
        id = Arrays.copyOf(id, cap);
        q = Arrays.copyOf(q, cap);
        image = Arrays.copyOf(image, 3 * cap);
    }

    /** Grows the ghost bookkeeping arrays so that {@code n} ghosts fit. */
    public void ensureGhostCapacity(int n) {
        if (n > ghostOwner.length) {
            int cap = Math.max(n, ghostOwner.length * 2);
            ghostOwner = Arrays.copyOf(ghostOwner, cap);
            ghostImage = Arrays.copyOf(ghostImage, 3 * cap);
        }
    }

    /** Mass of atom i, amu. */
    public double mass(int i) {
        return species.mass(type[i]);
    }

    /** Sets every charge from its species' charge (the usual rigid-ion case). */
    public void chargesFromSpecies() {
        for (int i = 0; i < nlocal; i++) {
            q[i] = species.charge(type[i]);
        }
    }

    /** Deep copy of local atoms (no ghosts). */
    public Atoms copyLocal() {
        Atoms c = new Atoms(species, nlocal);
        System.arraycopy(x, 0, c.x, 0, 3 * nlocal);
        System.arraycopy(v, 0, c.v, 0, 3 * nlocal);
        System.arraycopy(f, 0, c.f, 0, 3 * nlocal);
        System.arraycopy(type, 0, c.type, 0, nlocal);
        System.arraycopy(id, 0, c.id, 0, nlocal);
        System.arraycopy(q, 0, c.q, 0, nlocal);
        System.arraycopy(image, 0, c.image, 0, 3 * nlocal);
        return c;
    }

    /** Index of the local atom with global id, or -1 (linear scan; for diagnostics, not hot loops). */
    public int indexOfId(int globalId) {
        for (int i = 0; i < nlocal; i++) {
            if (id[i] == globalId) {
                return i;
            }
        }
        return -1;
    }
}
