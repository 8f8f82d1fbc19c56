package org.dendrite.md.build;

import org.dendrite.md.Box;

/** Supercells of a model (LAMMPS {@code replicate} order: copies with k outermost, i innermost). */
public final class Supercells {
    private Supercells() {
    }

    /** na × nb × nc copies; tags are kept; the box edges grow by the counts. */
    public static AtomicModel replicate(AtomicModel m, int na, int nb, int nc) {
        Box b = m.box();
        Box big = new Box(b.xlo(), b.ylo(), b.zlo(), na * b.lx(), nb * b.ly(), nc * b.lz(),
                na * b.xy(), nc * b.xz(), nc * b.yz());
        big.setPeriodic(b.periodic(0), b.periodic(1), b.periodic(2));
        AtomicModel r = new AtomicModel(big);
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
