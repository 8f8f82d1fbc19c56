package org.dendrite.md.build;

import org.dendrite.md.Box;

/** Supercells of a model (LAMMPS {@code replicate} order: copies with k outermost, i innermost). */
public final class Supercells {
    private Supercells() {
    }

    /** na × nb × nc copies; tags are kept; the box edges grow by the counts. */
    public static AtomicModel replicate(AtomicModel m, int na, int nb, int nc) {
        Box b = m.box();
        AtomicModel r = new AtomicModel(b.replicated(na, nb, nc));
        double[] shift = new double[3];
        for (int k = 0; k < nc; k++) {
            for (int j = 0; j < nb; j++) {
                for (int i = 0; i < na; i++) {
                    b.imageShift(i, j, k, shift, 0);
                    for (int s = 0; s < m.size(); s++) {
                        r.add(m.element(s), m.x(s, 0) + shift[0], m.x(s, 1) + shift[1], m.x(s, 2) + shift[2], m.tag(s));
                    }
                }
            }
        }
        return r;
    }
}
