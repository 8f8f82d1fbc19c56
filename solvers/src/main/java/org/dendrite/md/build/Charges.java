package org.dendrite.md.build;

import java.util.Map;

import org.dendrite.md.Species;

/**
 * Charge (e) per element name, used by builders to report the net charge of a model and to restore
 * neutrality. When a force field is configured its species charges are used (Du/Teter: the formal
 * charges scaled by 0.6); otherwise {@link #FORMAL}.
 */
@FunctionalInterface
public interface Charges {
    /** Charge of an element name, e; throws IllegalArgumentException if unknown. */
    double of(String element);

    /** Formal oxidation states of the elements the LLZO models use (garnet, dopants, cathode). */
    Map<String, Double> FORMAL_TABLE = Map.ofEntries(
            Map.entry("Li", 1.0), Map.entry("La", 3.0), Map.entry("Zr", 4.0), Map.entry("O", -2.0),
            Map.entry("Al", 3.0), Map.entry("Ga", 3.0), Map.entry("Ta", 5.0), Map.entry("Nb", 5.0),
            Map.entry("Co", 3.0), Map.entry("Ti", 4.0), Map.entry("H", 1.0));

    /** Formal charges from {@link #FORMAL_TABLE}. */
    Charges FORMAL = element -> {
        Double q = FORMAL_TABLE.get(element);
        if (q == null) {
            throw new IllegalArgumentException("no formal charge known for element '" + element
                    + "' (configure a force field that defines it)");
        }
        return q;
    };

    /** Charges of a force field's species. */
    static Charges of(Species species) {
        return element -> {
            int t = species.typeOf(element);
            if (t < 0) {
                throw new IllegalArgumentException("species '" + element + "' is not in the force field (it has "
                        + String.join(", ", species.names()) + ")");
            }
            return species.charge(t);
        };
    }
}
