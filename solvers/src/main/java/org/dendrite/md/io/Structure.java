package org.dendrite.md.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;

/**
 * One configuration read from or written to a file: local atoms (no ghosts; types index
 * {@link Atoms#species}), the box in the LAMMPS frame, the per-frame info key/value pairs of the
 * file (extended XYZ comment line), and the rotation from the file's frame into the LAMMPS frame.
 *
 * <p>{@code source} is the file name used in error messages ({@link InputException}).
 */
public final class Structure {
    private final Atoms atoms;
    private final Box box;
    private final Map<String, String> info;
    private final FrameRotation rotation;
    private final String source;
    private final boolean hasVelocities;

    public Structure(Atoms atoms, Box box, Map<String, String> info, FrameRotation rotation,
                     String source, boolean hasVelocities) {
        if (atoms.nghost != 0) {
            throw new IllegalArgumentException("a structure holds local atoms only, got " + atoms.nghost + " ghosts");
        }
        this.atoms = atoms;
        this.box = box;
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.rotation = rotation;
        this.source = source;
        this.hasVelocities = hasVelocities;
    }

    /** A structure in the LAMMPS frame with no info, e.g. one built in code. */
    public Structure(Atoms atoms, Box box, String source) {
        this(atoms, box, Map.of(), FrameRotation.IDENTITY, source, false);
    }

    public Atoms atoms() {
        return atoms;
    }

    public Box box() {
        return box;
    }

    public Species species() {
        return atoms.species;
    }

    public int atomCount() {
        return atoms.nlocal;
    }

    /** Per-frame key/value pairs as read (values unquoted), in file order; unmodifiable. */
    public Map<String, String> info() {
        return info;
    }

    public FrameRotation rotation() {
        return rotation;
    }

    public String source() {
        return source;
    }

    /** Whether the file gave velocities (otherwise {@link Atoms#v} is zero). */
    public boolean hasVelocities() {
        return hasVelocities;
    }

    /** The same structure with other info pairs (e.g. to drop the energy of an input frame). */
    public Structure withInfo(Map<String, String> newInfo) {
        return new Structure(atoms, box, newInfo, rotation, source, hasVelocities);
    }

    /**
     * The structure on a force field's species: every atom's type becomes the index of its species
     * name in {@code target}, and its charge the target's charge. Fails naming the first atom whose
     * species the target does not have.
     */
    public Structure onSpecies(Species target) {
        Species own = atoms.species;
        int[] map = new int[own.count()];
        for (int t = 0; t < own.count(); t++) {
            map[t] = target.typeOf(own.name(t));
        }
        Atoms a = atoms.copyLocal();
        a.species = target;
        for (int i = 0; i < a.nlocal; i++) {
            int t = map[a.type[i]];
            if (t < 0) {
                throw InputException.atAtom(source, a.id[i], "species '" + own.name(a.type[i])
                        + "' is not in the force field (it has " + String.join(", ", target.names()) + ")");
            }
            a.type[i] = t;
        }
        a.chargesFromSpecies();
        return new Structure(a, box, info, rotation, source, hasVelocities);
    }

    /**
     * na × nb × nc copies of the structure, as LAMMPS {@code replicate}: the copy with cell offset
     * (i, j, k) holds atom ids id + maxId·(i + na·(j + nb·k)), copies are stored with k outermost and
     * i innermost, and the new box has edges na·a, nb·b, nc·c. Velocities and charges are copied,
     * forces are zero, image flags are reset.
     */
    public Structure replicate(int na, int nb, int nc) {
        if (na < 1 || nb < 1 || nc < 1) {
            throw new IllegalArgumentException("replicate counts must be >= 1, got " + na + " " + nb + " " + nc);
        }
        int n = atoms.nlocal;
        long copies = (long) na * nb * nc;
        int maxId = 0;
        for (int i = 0; i < n; i++) {
            maxId = Math.max(maxId, atoms.id[i]);
        }
        if (copies * n > Integer.MAX_VALUE || copies * maxId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("replicate " + na + "x" + nb + "x" + nc + " of " + n
                    + " atoms overflows 32-bit atom ids");
        }
        Atoms r = new Atoms(atoms.species, (int) (copies * n));
        double[] shift = new double[3];
        int m = 0;
        for (int k = 0; k < nc; k++) {
            for (int j = 0; j < nb; j++) {
                for (int i = 0; i < na; i++) {
                    box.imageShift(i, j, k, shift, 0);
                    int idOffset = maxId * (i + na * (j + nb * k));
                    for (int s = 0; s < n; s++, m++) {
                        for (int d = 0; d < 3; d++) {
                            r.x[3 * m + d] = atoms.x[3 * s + d] + shift[d];
                            r.v[3 * m + d] = atoms.v[3 * s + d];
                        }
                        r.type[m] = atoms.type[s];
                        r.q[m] = atoms.q[s];
                        r.id[m] = atoms.id[s] + idOffset;
                    }
                }
            }
        }
        return new Structure(r, box.replicated(na, nb, nc), info, rotation, source, hasVelocities);
    }
}
