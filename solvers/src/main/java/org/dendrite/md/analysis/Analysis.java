package org.dendrite.md.analysis;

import java.io.IOException;

import org.dendrite.md.state.SimulationState;

/**
 * One analysis of a run (an RDF, an MSD, Li per slab, …), configured as an entry of
 * {@code output.analyses} and built by {@link Analyses#create}. The driver hands it the whole
 * system every {@link AnalysisSettings#everySteps()} steps (and at the start of each stage it
 * samples): on one domain the run's own state, on several the state gathered in atom-id order.
 * It writes its tables (CSV) and plots into the run directory and its headline numbers into the
 * run's {@link RunMetrics}.
 *
 * <p>Constructors only read and check keys: files are opened at the first sample, so an analysis
 * can be built once while the run is prepared, to report config errors before anything runs.
 */
public interface Analysis extends AutoCloseable {
    /** Name, type and schedule as configured. */
    AnalysisSettings settings();

    /**
     * One frame. {@code whole} holds every atom as a local atom with valid image flags; it must not
     * be modified and is valid only during the call.
     *
     * @param stageIndex index of the protocol stage being run (0-based, as in {@code stages[i]})
     */
    void sample(SimulationState whole, int stageIndex) throws IOException;

    /** After the last step: final tables, plots and metrics. Not called when the run failed. */
    void finish() throws IOException;

    /** Closes files kept open between samples (also after a failure). */
    @Override
    default void close() throws IOException {
    }
}
