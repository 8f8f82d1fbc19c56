package org.dendrite.md.analysis;

import java.util.Arrays;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.neighbor.NeighborBuilder;
import org.dendrite.md.neighbor.NeighborList;
import org.dendrite.md.neighbor.PeriodicImages;

/**
 * Every pair closer than a radius in one frame of the whole system, found with the engine's cell
 * list on a private copy of the atoms and their periodic images (as {@link Rdf} does), so the
 * frame given is not modified. Each pair is listed once (half list); {@link #owner} maps a ghost
 * back to the local atom it images. Buffers are reused between frames.
 */
final class PairScan {
    private Atoms work;
    private final PeriodicImages images = new PeriodicImages();
    private final NeighborBuilder builder = new NeighborBuilder();
    final NeighborList list = new NeighborList();
    int n;

    /** Builds the half list of {@code atoms} (all local) in {@code box} for pairs closer than {@code radius}. */
    void scan(Atoms atoms, Box box, double radius) {
        n = atoms.nlocal;
        if (work == null || work.capacity() < n || work.species != atoms.species) {
            work = new Atoms(atoms.species, n);
        }
        work.nlocal = n;
        work.nghost = 0;
        System.arraycopy(atoms.x, 0, work.x, 0, 3 * n);
        System.arraycopy(atoms.type, 0, work.type, 0, n);
        System.arraycopy(atoms.id, 0, work.id, 0, n);
        System.arraycopy(atoms.q, 0, work.q, 0, n);
        Arrays.fill(work.image, 0, 3 * n, 0);
        images.borders(work, box, radius);
        builder.build(work, radius, list);
    }

    double[] x() {
        return work.x;
    }

    int[] type() {
        return work.type;
    }

    /** The local atom that atom j (local or ghost) is or images. */
    int owner(int j) {
        return j < n ? j : work.ghostOwner[j - n];
    }
}
