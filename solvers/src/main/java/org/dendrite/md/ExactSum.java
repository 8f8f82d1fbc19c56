package org.dendrite.md;

/**
 * A sum whose value does not depend on the order of its terms, so a quantity summed over atoms gives
 * the same bits whether the atoms sit in one domain or are split over many, in any order, on any
 * number of threads. Floating-point addition is not associative; a domain-decomposed run that sums
 * kinetic energy or virial in a different order drifts from the one-domain run by an ulp per step,
 * which MD's chaos amplifies (Lyapunov growth) to 1e-8 Å within a thousand steps.
 *
 * <p>Each term t is mapped to an integer pair: {@code whole = floor(t)} and {@code fraction =
 * (t − floor t)·2^52}, truncated. Integer addition is exact and associative, so the sum of the pairs
 * is the same in every order. The mapping loses at most 2^-52 per term (absolute), far below the
 * double rounding of a term of order one. {@link #value()} is the one rounding at the end. Sums over
 * domains combine the pairs exactly (see {@code HaloExchange.sum(ExactSum[])}).
 *
 * <p>Terms that are not finite or exceed 2^62 in magnitude make the value NaN, so an overflow is
 * never returned as a wrong finite number.
 */
public final class ExactSum {
    private static final double FRACTION_SCALE = 0x1p52;
    private static final double FRACTION_UNIT = 0x1p-52;
    private static final int FRACTION_BITS = 52;
    private static final long FRACTION_MASK = (1L << FRACTION_BITS) - 1;
    private static final double LIMIT = 0x1p62;

    private long whole;
    private long fraction;
    private boolean invalid;

    public void clear() {
        whole = 0;
        fraction = 0;
        invalid = false;
    }

    public void add(double term) {
        if (!(Math.abs(term) < LIMIT)) {
            invalid = true;
            return;
        }
        double w = Math.floor(term);
        whole += (long) w;
        fraction += (long) ((term - w) * FRACTION_SCALE);
        whole += fraction >>> FRACTION_BITS;
        fraction &= FRACTION_MASK;
    }

    /** The sum rounded once to a double; NaN if a term was not finite or too large. */
    public double value() {
        return invalid ? Double.NaN : whole + fraction * FRACTION_UNIT;
    }

    /**
     * Writes the state as four doubles, each an integer below 2^32 in magnitude, at {@code out[off..off+3]}.
     * Adding the quadruples of up to 2^20 domains element-wise in any order is exact, so a plain
     * floating-point reduction over domains can carry them; {@link #unpack} reads the total back.
     */
    public void pack(double[] out, int off) {
        if (invalid) {
            // NaN survives any reduction, so every domain sees the sum as invalid.
            java.util.Arrays.fill(out, off, off + 4, Double.NaN);
            return;
        }
        out[off] = (double) (whole >> 32);
        out[off + 1] = (double) (whole & 0xFFFFFFFFL);
        out[off + 2] = (double) (fraction >> 32);
        out[off + 3] = (double) (fraction & 0xFFFFFFFFL);
    }

    /** Sets the state from a (possibly summed) quadruple written by {@link #pack}. */
    public void unpack(double[] in, int off) {
        if (Double.isNaN(in[off])) {
            clear();
            invalid = true;
            return;
        }
        whole = ((long) in[off] << 32) + (long) in[off + 1];
        long f = ((long) in[off + 2] << 32) + (long) in[off + 3];
        whole += f >>> FRACTION_BITS;
        fraction = f & FRACTION_MASK;
        invalid = false;
    }
}
