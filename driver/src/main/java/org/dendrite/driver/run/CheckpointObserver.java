package org.dendrite.driver.run;

import java.io.IOException;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;
import org.dendrite.md.state.SimulationState;

/**
 * Every {@code interval} steps gathers the whole state (collective: every rank calls it at the same
 * step) and, on the writing rank, stores it in the {@link CheckpointStore}.
 */
final class CheckpointObserver implements StepObserver {
    private final long interval;
    private final StateGather gather;
    private final CheckpointStore store;

    /** @param store null on ranks that only take part in the gather */
    CheckpointObserver(long interval, StateGather gather, CheckpointStore store) {
        this.interval = interval;
        this.gather = gather;
        this.store = store;
    }

    @Override
    public long interval() {
        return interval;
    }

    @Override
    public void observe(StepInfo info) throws IOException {
        if (interval <= 0 || info.step() % interval != 0) {
            return;
        }
        SimulationState whole = gather.gather(info);
        if (whole != null && store != null) {
            store.save(whole);
        }
    }
}
