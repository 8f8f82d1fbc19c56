package org.dendrite.md.integrate;

import java.io.IOException;

/**
 * A stage that runs its own loop of iterations, each counting as one step (LAMMPS minimize
 * advances ntimestep per iteration), e.g. energy minimisation.
 */
public interface IterativeStage extends Stage {
    /** Hooks the protocol gives the stage: one call per finished iteration. */
    interface Hooks {
        /**
         * Reports that an iteration finished: the protocol advances the step counter, checks the
         * state and calls observers. {@code last} marks the final iteration of the stage.
         */
        void iterationDone(boolean last) throws IOException;
    }

    /**
     * Runs the stage from the current state. On a resumed stage, {@code ctx.state().stageStep}
     * iterations are already done and count against {@link #steps()}.
     */
    void run(MdContext ctx, Hooks hooks) throws IOException;

    /** One-line outcome (stop reason, iterations, final energy) after {@link #run}. */
    String summary();
}
