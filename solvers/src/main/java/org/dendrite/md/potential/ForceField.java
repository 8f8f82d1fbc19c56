package org.dendrite.md.potential;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.md.Species;

/**
 * The definition of the interactions of a system (OpenMM's "System" half): species, one short-range
 * {@link PairEvaluator} per type pair (possibly a sum of several styles, as LAMMPS hybrid/overlay),
 * an optional real-space {@link CoulombKernel}, many-body terms and global (k-space) terms.
 * Immutable once built; the engine reads it from several threads.
 */
public final class ForceField {
    private final Species species;
    private final int ntypes;
    private final PairEvaluator[] pairs;
    private final double[] energyShift;
    private final CoulombKernel coulomb;
    private final List<ManyBodyTerm> manyBody;
    private final List<GlobalTerm> global;
    private final String description;

    private ForceField(Builder b) {
        this.species = b.species;
        this.ntypes = species.count();
        this.pairs = b.pairs.clone();
        this.energyShift = b.energyShift.clone();
        this.coulomb = b.coulomb;
        this.manyBody = List.copyOf(b.manyBody);
        this.global = List.copyOf(b.global);
        this.description = b.description;
    }

    public Species species() {
        return species;
    }

    public int typeCount() {
        return ntypes;
    }

    /** Short-range evaluator of the (ti, tj) pair, or null if the pair has none. */
    public PairEvaluator pair(int ti, int tj) {
        return pairs[ti * ntypes + tj];
    }

    /** Energy subtracted from the (ti, tj) short-range pair energy inside its cut-off (pair_modify shift), eV. */
    public double energyShift(int ti, int tj) {
        return energyShift[ti * ntypes + tj];
    }

    public CoulombKernel coulomb() {
        return coulomb;
    }

    public List<ManyBodyTerm> manyBody() {
        return manyBody;
    }

    public List<GlobalTerm> global() {
        return global;
    }

    public String description() {
        return description;
    }

    /** Largest cut-off of any term, Å: the neighbour list is built at this plus the skin. */
    public double maxCutoff() {
        double rc = 0;
        for (PairEvaluator p : pairs) {
            if (p != null) {
                rc = Math.max(rc, p.cutoff());
            }
        }
        if (coulomb != null) {
            rc = Math.max(rc, coulomb.cutoff());
        }
        for (ManyBodyTerm m : manyBody) {
            rc = Math.max(rc, m.cutoff());
        }
        return rc;
    }

    public static Builder builder(Species species) {
        return new Builder(species);
    }

    /** Assembles a force field; adding a second evaluator to a pair sums them (hybrid/overlay). */
    public static final class Builder {
        private final Species species;
        private final int n;
        private final PairEvaluator[] pairs;
        private final double[] energyShift;
        private CoulombKernel coulomb;
        private final List<ManyBodyTerm> manyBody = new ArrayList<>();
        private final List<GlobalTerm> global = new ArrayList<>();
        private String description = "";

        private Builder(Species species) {
            this.species = species;
            this.n = species.count();
            this.pairs = new PairEvaluator[n * n];
            this.energyShift = new double[n * n];
        }

        /**
         * Adds a short-range evaluator for the unordered pair (ti, tj). With {@code shift} the
         * energy at the cut-off is subtracted inside it (LAMMPS pair_modify shift yes).
         */
        public Builder pair(int ti, int tj, PairEvaluator evaluator, boolean shift) {
            double rc = evaluator.cutoff();
            double e0 = shift ? evaluator.energy(rc * rc) : 0.0;
            for (int[] p : new int[][] {{ti, tj}, {tj, ti}}) {
                int k = p[0] * n + p[1];
                if (pairs[k] == null) {
                    pairs[k] = evaluator;
                    energyShift[k] = e0;
                } else {
                    // Summed styles keep their offsets inside their own cut-offs (LAMMPS hybrid/overlay
                    // applies pair_modify shift per sub-style), so the offsets move into the evaluators.
                    PairEvaluator existing = energyShift[k] != 0 ? new ShiftedPair(pairs[k], energyShift[k]) : pairs[k];
                    PairEvaluator added = e0 != 0 ? new ShiftedPair(evaluator, e0) : evaluator;
                    pairs[k] = SumPair.of(existing, added);
                    energyShift[k] = 0;
                }
                if (ti == tj) {
                    break;
                }
            }
            return this;
        }

        public Builder coulomb(CoulombKernel kernel) {
            this.coulomb = kernel;
            return this;
        }

        public Builder manyBody(ManyBodyTerm term) {
            manyBody.add(term);
            return this;
        }

        public Builder global(GlobalTerm term) {
            global.add(term);
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public ForceField build() {
            return new ForceField(this);
        }
    }
}
