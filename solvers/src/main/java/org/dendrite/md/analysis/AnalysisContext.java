package org.dendrite.md.analysis;

import java.nio.file.Path;

import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.ForceField;

/**
 * What an analysis factory is given besides its keys.
 *
 * @param species    the run's species (names and type indices of the atoms it will see)
 * @param box        the initial cell (the cell of each frame comes with the frame)
 * @param runDir     directory the analysis writes its files into (null while the config is only
 *                   being checked: then nothing is written)
 * @param metrics    the run's headline numbers ({@code metrics.json})
 * @param forceField the run's force field (for per-atom energies), or null
 * @param plotter    where figures go
 */
public record AnalysisContext(Species species, Box box, Path runDir, RunMetrics metrics, ForceField forceField,
                              Plotter plotter) {
    /** A context for checking a config: no directory, no figures, metrics discarded. */
    public static AnalysisContext checkOnly(Species species, Box box, ForceField forceField) {
        return new AnalysisContext(species, box, null, new RunMetrics(), forceField, Plotter.NONE);
    }

    /** Path of a file of the run directory. */
    public Path file(String name) {
        if (runDir == null) {
            throw new IllegalStateException("analysis context has no run directory (config check only)");
        }
        return runDir.resolve(name);
    }
}
