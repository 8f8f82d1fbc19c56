package org.dendrite.md.engine;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one task per thread index and waits for all of them, with no
 * allocation per call. The calling thread is member 0 of the team, so {@code threads = 1} runs
 * inline without any synchronisation.
 */
final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final Thread[] workers;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private volatile IntConsumer task;
    private volatile boolean closed;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.start = new CyclicBarrier(threads);
        this.done = new CyclicBarrier(threads);
        for (int t = 1; t < threads; t++) {
            final int index = t;
            Thread w = new Thread(() -> loop(index), "dendrite-force-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    int threads() {
        return threads;
    }

    private void loop(int index) {
        try {
            while (true) {
                start.await();
                if (closed) {
                    return;
                }
                try {
                    task.accept(index);
                } catch (Throwable e) {
                    failure = e;
                }
                done.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs task(t) for t = 0..threads-1 concurrently and returns when all have finished. */
    void run(IntConsumer work) {
        if (threads == 1) {
            work.accept(0);
            return;
        }
        task = work;
        failure = null;
        try {
            start.await();
            try {
                work.accept(0);
            } finally {
                done.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for force threads", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("force thread team broke down", e);
        }
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    @Override
    public void close() {
        if (closed || threads == 1) {
            closed = true;
            return;
        }
        closed = true;
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException e) {
            // Workers already gone.
        }
    }
}
