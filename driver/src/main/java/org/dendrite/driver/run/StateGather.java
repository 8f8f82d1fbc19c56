package org.dendrite.driver.run;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.state.SimulationState;

/**
 * The whole system's state at an observed step, for the observers that write it (trajectory
 * frames, restart files). With one domain it is the run's own state; on several domains it is a
 * collective gather (every rank calls it at the same step) that returns the state with the atoms
 * in id order on the writing rank and null on the others.
 */
@FunctionalInterface
public interface StateGather {
    SimulationState gather(StepInfo info);

    /** One domain, for trajectories: the state as it is. */
    StateGather SINGLE = StepInfo::state;

    /** One domain, for restart files: the state with the neighbour-list build reference captured. */
    StateGather SINGLE_CHECKPOINT = StepInfo::checkpoint;
}
