package org.dendrite.md.integrate;

/** A stage that changes the state once without advancing the step, e.g. velocity creation. */
public interface InstantStage extends Stage {
    void apply(MdContext ctx);

    @Override
    default long steps() {
        return 0;
    }
}
