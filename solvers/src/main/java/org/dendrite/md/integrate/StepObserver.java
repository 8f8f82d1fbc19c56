package org.dendrite.md.integrate;

import java.io.IOException;

/**
 * Something the {@link Protocol} calls on a schedule: thermo tables, trajectories, restart files,
 * progress, analyses. {@link #observe} runs after every step whose number is a multiple of
 * {@link #interval()} and after the last step of every stage; the state is then complete (all
 * integration for the step done) and forces hold energies and virial.
 */
public interface StepObserver {
    /** Global-step interval of {@link #observe}; 0 means only at the end of each stage. */
    long interval();

    /** Called on schedule (see the class comment). */
    void observe(StepInfo info) throws IOException;

    /** Called once when a stage starts or is resumed, after its setup (step 0 output goes here). */
    default void stageStarted(StepInfo info) throws IOException {
    }

    /** Called once when a stage has finished, after its last {@link #observe}. */
    default void stageFinished(StepInfo info) throws IOException {
    }
}
