package org.dendrite.md.analysis;

import java.util.Set;

/**
 * The keys every analysis entry has.
 *
 * @param type       registered type ({@code rdf}, {@code msd}, …)
 * @param name       prefix of the analysis' files and metrics (default: the type); two entries of
 *                   one type need different names
 * @param everySteps sampling interval, steps
 * @param stages     stage indices in which the analysis samples (empty: every stage)
 */
public record AnalysisSettings(String type, String name, long everySteps, Set<Integer> stages) {
    /** Whether the analysis samples during stage {@code index}. */
    public boolean samplesIn(int index) {
        return stages.isEmpty() || stages.contains(index);
    }

    /** File name in the run directory: {@code name + suffix} (e.g. {@code rdf.csv}). */
    public String file(String suffix) {
        return name + suffix;
    }
}
