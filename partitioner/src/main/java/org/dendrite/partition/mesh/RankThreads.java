package org.dendrite.partition.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.dendrite.partition.comm.Transport;

/**
 * Runs one task per rank hosted in this JVM, each on its own thread, and waits for all. A rank whose
 * task throws aborts its transport, so ranks waiting for it stop at once instead of waiting out the
 * timeout; the first failure (by rank) is rethrown with the others suppressed. A {@code null}
 * transport is a rank hosted elsewhere and is skipped.
 */
public final class RankThreads {
    private RankThreads() {
    }

    /** Results by rank (null for ranks not hosted here). */
    @SuppressWarnings("unchecked")
    public static <T> List<T> run(Transport[] transports, BiFunction<Integer, Transport, T> task) {
        int n = transports.length;
        Object[] results = new Object[n];
        Throwable[] errors = new Throwable[n];
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            Transport t = transports[r];
            if (t == null) {
                continue;
            }
            int rank = r;
            Thread th = new Thread(() -> {
                try {
                    results[rank] = task.apply(rank, t);
                } catch (Throwable e) {
                    errors[rank] = e;
                    t.abort(e);
                }
            }, "mesh-rank-" + r);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the ranks", e);
            }
        }
        RuntimeException first = null;
        for (int r = 0; r < n; r++) {
            if (errors[r] != null) {
                if (first == null) {
                    first = new RuntimeException("rank " + r + " failed: " + errors[r].getMessage(), errors[r]);
                } else {
                    first.addSuppressed(errors[r]);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        List<T> out = new ArrayList<>(n);
        for (Object o : results) {
            out.add((T) o);
        }
        return out;
    }
}
