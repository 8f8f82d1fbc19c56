package org.dendrite.md.potential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.coulomb.CoulombCut;
import org.dendrite.md.potential.coulomb.CoulombDsf;
import org.dendrite.md.potential.coulomb.CoulombWolf;
import org.dendrite.md.potential.coulomb.EwaldSum;
import org.dendrite.md.potential.eam.EamTerm;
import org.dendrite.md.potential.pair.BornMayerHuggins;
import org.dendrite.md.potential.pair.Buckingham;
import org.dendrite.md.potential.pair.LennardJones;
import org.dendrite.md.potential.pair.Morse;
import org.dendrite.md.potential.pair.TablePair;

/**
 * The names a force-field file may use, each bound to the factory that reads its parameters.
 * Adding a style is its class (with a {@code fromParams} factory) plus one line here.
 */
public final class PotentialStyles {
    private PotentialStyles() {
    }

    /** Builds a pair evaluator from its parameters (everything but pair, style and shift). */
    @FunctionalInterface
    public interface PairStyle {
        PairEvaluator create(StyleParams params);
    }

    /** Installs a Coulomb treatment (real-space kernel and any global terms) into a builder. */
    @FunctionalInterface
    public interface CoulombMethod {
        /**
         * @param atoms the structure the force field will be used with, or null if not known
         * @param box its box, or null
         */
        void install(StyleParams params, ForceField.Builder builder, Atoms atoms, Box box);
    }

    /** Builds a many-body term for the given species. */
    @FunctionalInterface
    public interface ManyBodyStyle {
        ManyBodyTerm create(StyleParams params, Species species);
    }

    private static final Map<String, PairStyle> PAIRS = new LinkedHashMap<>();
    private static final Map<String, CoulombMethod> COULOMB = new LinkedHashMap<>();
    private static final Map<String, ManyBodyStyle> MANYBODY = new LinkedHashMap<>();

    static {
        PAIRS.put("buckingham", Buckingham::fromParams);
        PAIRS.put("born-mayer-huggins", BornMayerHuggins::fromParams);
        PAIRS.put("morse", Morse::fromParams);
        PAIRS.put("lennard-jones", LennardJones::fromParams);
        PAIRS.put("table", TablePair::fromParams);

        COULOMB.put("none", (p, b, atoms, box) -> { });
        COULOMB.put("cut", (p, b, atoms, box) -> b.coulomb(CoulombCut.fromParams(p)));
        COULOMB.put("dsf", (p, b, atoms, box) -> b.coulomb(CoulombDsf.fromParams(p)));
        COULOMB.put("wolf", (p, b, atoms, box) -> b.coulomb(CoulombWolf.fromParams(p)));
        COULOMB.put("ewald", EwaldSum::install);

        MANYBODY.put("eam/alloy", (p, species) -> EamTerm.fromParams(p, species, false));
        MANYBODY.put("eam/fs", (p, species) -> EamTerm.fromParams(p, species, true));
    }

    public static Map<String, PairStyle> pairStyles() {
        return Collections.unmodifiableMap(PAIRS);
    }

    public static Map<String, CoulombMethod> coulombMethods() {
        return Collections.unmodifiableMap(COULOMB);
    }

    public static Map<String, ManyBodyStyle> manyBodyStyles() {
        return Collections.unmodifiableMap(MANYBODY);
    }
}
