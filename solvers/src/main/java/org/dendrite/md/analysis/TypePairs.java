package org.dendrite.md.analysis;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.md.Species;

/**
 * Element pairs named "A-B" (as in an analysis config: "Li-O", "Zr-O") resolved to type indices,
 * with their labels trimmed. A name that is not of the form A-B, or a species that is not in the
 * system, is an error naming it.
 */
record TypePairs(int[] typeA, int[] typeB, List<String> labels) {
    static TypePairs parse(Species species, List<String> pairs) {
        int[] a = new int[pairs.size()];
        int[] b = new int[pairs.size()];
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            String[] ab = pairs.get(p).split("-");
            if (ab.length != 2) {
                throw new IllegalArgumentException("pair '" + pairs.get(p) + "' is not of the form A-B");
            }
            a[p] = species.requireType(ab[0].trim());
            b[p] = species.requireType(ab[1].trim());
            labels.add(ab[0].trim() + "-" + ab[1].trim());
        }
        return new TypePairs(a, b, List.copyOf(labels));
    }
}
