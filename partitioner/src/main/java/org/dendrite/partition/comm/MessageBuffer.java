package org.dendrite.partition.comm;

import java.util.Arrays;

/**
 * A message as two primitive arrays (ints, then doubles) with fill counts. Used both to stage an
 * outgoing message and to receive one; the arrays grow and are kept, so a steady state of equally
 * sized messages allocates nothing. A remote transport serializes exactly these two arrays.
 */
public final class MessageBuffer {
    public int[] ints = new int[64];
    public int nInts;
    public double[] doubles = new double[256];
    public int nDoubles;

    public void clear() {
        nInts = 0;
        nDoubles = 0;
    }

    public void addInt(int v) {
        if (nInts == ints.length) {
            ints = Arrays.copyOf(ints, 2 * ints.length);
        }
        ints[nInts++] = v;
    }

    public void addDouble(double v) {
        if (nDoubles == doubles.length) {
            doubles = Arrays.copyOf(doubles, 2 * doubles.length);
        }
        doubles[nDoubles++] = v;
    }

    /** Makes room for {@code n} more ints and {@code m} more doubles. */
    public void reserve(int n, int m) {
        if (nInts + n > ints.length) {
            ints = Arrays.copyOf(ints, Math.max(nInts + n, 2 * ints.length));
        }
        if (nDoubles + m > doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(nDoubles + m, 2 * doubles.length));
        }
    }

    /** Replaces the content with a copy of {@code src}'s. */
    public void copyFrom(MessageBuffer src) {
        clear();
        reserve(src.nInts, src.nDoubles);
        System.arraycopy(src.ints, 0, ints, 0, src.nInts);
        System.arraycopy(src.doubles, 0, doubles, 0, src.nDoubles);
        nInts = src.nInts;
        nDoubles = src.nDoubles;
    }
}
