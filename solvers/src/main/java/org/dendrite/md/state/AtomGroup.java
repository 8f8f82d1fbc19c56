package org.dendrite.md.state;

import java.util.Arrays;

/**
 * A static set of atoms, selected by global id (as a LAMMPS group): membership travels with the
 * atom, so it does not depend on storage order or on which domain holds the atom. {@link #all}
 * selects every atom without a lookup table.
 */
public final class AtomGroup {
    private final boolean[] byId;
    private final int count;

    private AtomGroup(boolean[] byId, int count) {
        this.byId = byId;
        this.count = count;
    }

    /** Every atom of a system with {@code natoms} atoms. */
    public static AtomGroup all(int natoms) {
        return new AtomGroup(null, natoms);
    }

    /**
     * The atoms whose ids are listed, in a system whose largest atom id is {@code maxAtomId}: the
     * lookup table covers every id, so hot loops can index it without a bounds test.
     */
    public static AtomGroup ofIds(int[] ids, int maxAtomId) {
        for (int id : ids) {
            if (id < 0 || id > maxAtomId) {
                throw new IllegalArgumentException("atom id " + id + " in group is outside 0.." + maxAtomId);
            }
        }
        boolean[] mask = new boolean[maxAtomId + 1];
        int n = 0;
        for (int id : ids) {
            if (!mask[id]) {
                mask[id] = true;
                n++;
            }
        }
        return new AtomGroup(mask, n);
    }

    /** Whether the group is every atom (no lookup needed). */
    public boolean isAll() {
        return byId == null;
    }

    /** Membership indexed by atom id, or null when the group is every atom. Do not modify. */
    public boolean[] mask() {
        return byId;
    }

    public boolean contains(int atomId) {
        return byId == null || (atomId < byId.length && byId[atomId]);
    }

    /** Number of atoms in the group (over all domains). */
    public int count() {
        return count;
    }

    /** Temperature degrees of freedom, 3n − 3 as LAMMPS compute temp (extra/dof 3); never negative. */
    public double temperatureDof() {
        return Math.max(0, 3.0 * count - 3.0);
    }

    /** Sorted ids of the members, or null for {@link #all}. */
    public int[] ids() {
        if (byId == null) {
            return null;
        }
        int[] out = new int[count];
        int k = 0;
        for (int id = 0; id < byId.length; id++) {
            if (byId[id]) {
                out[k++] = id;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return byId == null ? "AtomGroup[all " + count + "]" : "AtomGroup[" + count + " atoms " + Arrays.toString(
                Arrays.copyOf(ids(), Math.min(count, 8))) + (count > 8 ? "...]" : "]");
    }
}
