package org.dendrite.md.engine;

/** Wall time spent in each part of force evaluation, nanoseconds, accumulated over a run. */
public final class EngineTimings {
    public long pairNanos;
    public long manyBodyNanos;
    public long globalNanos;
    public long neighborNanos;
    public long commNanos;
    public long rebuilds;
    public long evaluations;

    public void reset() {
        pairNanos = 0;
        manyBodyNanos = 0;
        globalNanos = 0;
        neighborNanos = 0;
        commNanos = 0;
        rebuilds = 0;
        evaluations = 0;
    }

    /** Force time (pair + many-body + global), seconds. */
    public double forceSeconds() {
        return (pairNanos + manyBodyNanos + globalNanos) * 1e-9;
    }

    public double neighborSeconds() {
        return neighborNanos * 1e-9;
    }

    public double commSeconds() {
        return commNanos * 1e-9;
    }
}
