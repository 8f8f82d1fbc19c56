package org.dendrite.driver.run;

import java.io.IOException;

import org.dendrite.md.integrate.StepInfo;
import org.dendrite.md.integrate.StepObserver;

/** Adds the wall time of an output observer to the "Output" section of the timing breakdown. */
public final class TimedObserver implements StepObserver {
    private final StepObserver delegate;
    private long nanos;

    public TimedObserver(StepObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public long interval() {
        return delegate.interval();
    }

    @Override
    public void observe(StepInfo info) throws IOException {
        long t0 = System.nanoTime();
        delegate.observe(info);
        nanos += System.nanoTime() - t0;
    }

    @Override
    public void stageStarted(StepInfo info) throws IOException {
        long t0 = System.nanoTime();
        delegate.stageStarted(info);
        nanos += System.nanoTime() - t0;
    }

    @Override
    public void stageFinished(StepInfo info) throws IOException {
        long t0 = System.nanoTime();
        delegate.stageFinished(info);
        nanos += System.nanoTime() - t0;
    }

    /** Wall time spent in the wrapped observer, ns. */
    public long nanos() {
        return nanos;
    }
}
