package org.dendrite.md.integrate;

/**
 * One step of a protocol (minimise, create velocities, NVT, NPT, deform, …), built from config by
 * {@link Stages}. Kinds: {@link DynamicsStage} (time integration), {@link InstantStage} (acts once,
 * e.g. velocity creation) and {@link IterativeStage} (minimisation).
 */
public interface Stage {
    /** Registry name of the stage, e.g. {@code nvt}. */
    String type();

    /** Label for logs and outputs: the config's {@code name} or the type. */
    String label();

    /** Number of steps (time steps or, for minimisation, the iteration limit); 0 for instant stages. */
    long steps();
}
