package org.dendrite.partition.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

class RankOrderedSumTest {
    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {2, 3, 4, 5, 7, 8, 9, 16})
    @DisplayName("the tree sum gives every rank the same bits, exact for integers, and stays in step over repeated calls")
    void everyRankGetsTheSameSum(int ranks) throws Exception {
        Transport[] t = InProcessTransport.group(ranks, Duration.ofSeconds(20));
        ExecutorService pool = Executors.newFixedThreadPool(ranks);
        try {
            List<Future<double[][]>> f = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                int rank = r;
                f.add(pool.submit(() -> {
                    double[][] out = new double[5][];
                    for (int call = 0; call < 5; call++) {
                        // Integers add exactly in any order; the 0.1-multiples show order effects if any.
                        double[] v = {rank + 1, call * 1000.0 + rank, 0.1 * (rank + 1) * (call + 1)};
                        t[rank].sum(v, 3);
                        out[call] = v;
                    }
                    return out;
                }));
            }
            double[][][] got = new double[ranks][][];
            for (int r = 0; r < ranks; r++) {
                got[r] = f.get(r).get();
            }
            for (int call = 0; call < 5; call++) {
                assertEquals(ranks * (ranks + 1) / 2.0, got[0][call][0], 0.0);
                assertEquals(ranks * call * 1000.0 + ranks * (ranks - 1) / 2.0, got[0][call][1], 0.0);
                assertEquals(0.1 * (call + 1) * ranks * (ranks + 1) / 2.0, got[0][call][2], 1e-12);
                for (int r = 1; r < ranks; r++) {
                    for (int k = 0; k < 3; k++) {
                        assertEquals(Double.doubleToRawLongBits(got[0][call][k]),
                                Double.doubleToRawLongBits(got[r][call][k]), "rank " + r + " value " + k);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            for (Transport x : t) {
                x.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {2, 3, 5, 8})
    @DisplayName("a split sum gives the bits of a whole one, and no rank's start waits for another rank")
    void splitSumEqualsWholeSum(int ranks) throws Exception {
        Transport[] t = InProcessTransport.group(ranks, Duration.ofSeconds(20));
        ExecutorService pool = Executors.newFixedThreadPool(ranks);
        // Every rank starts before any rank may finish: a start that waited would time out.
        java.util.concurrent.CountDownLatch allStarted = new java.util.concurrent.CountDownLatch(ranks);
        try {
            List<Future<double[][]>> f = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                int rank = r;
                f.add(pool.submit(() -> {
                    double[] split = {0.1 * (rank + 1), rank * 7.0};
                    double[] whole = split.clone();
                    t[rank].startSum(split, 2);
                    allStarted.countDown();
                    if (!allStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new AssertionError("a start waited for another rank");
                    }
                    t[rank].finishSum(split, 2);
                    t[rank].sum(whole, 2);
                    return new double[][] {split, whole};
                }));
            }
            for (int r = 0; r < ranks; r++) {
                double[][] got = f.get(r).get();
                for (int k = 0; k < 2; k++) {
                    assertEquals(Double.doubleToRawLongBits(got[1][k]), Double.doubleToRawLongBits(got[0][k]),
                            "rank " + r + " value " + k);
                }
                assertEquals(7.0 * ranks * (ranks - 1) / 2, got[0][1], 0.0);
            }
        } finally {
            pool.shutdownNow();
            for (Transport x : t) {
                x.close();
            }
        }
    }
}
