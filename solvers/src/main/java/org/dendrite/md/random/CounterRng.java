package org.dendrite.md.random;

/**
 * Counter-based random numbers: every number is a pure function of (seed, stream, step, atom id,
 * counter), so a run draws the same numbers whatever the number of domains, the order in which
 * atoms are stored, or whether it was restarted — a checkpoint only needs the seed (the idea of
 * Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11, Random123; HOOMD-blue uses
 * it for the same reason).
 *
 * <p>The hash chains the SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014, with Stafford's
 * "Mix13" constants), a bijection on 64-bit words with full avalanche, over the five inputs, each
 * first spread by a distinct odd 64-bit constant. Doubles take the top 53 bits.
 *
 * <p>An instance fixes (seed, stream) and is immutable, hence thread-safe and allocation-free.
 */
public final class CounterRng {
    /** Purpose codes: one independent stream per use, combined with the stage index. */
    public static final int PURPOSE_VELOCITY = 1;
    public static final int PURPOSE_LANGEVIN = 2;
    public static final int PURPOSE_CSVR = 3;

    private static final long K_SEED = 0x9E3779B97F4A7C15L;
    private static final long K_STREAM = 0xD1B54A32D192ED03L;
    private static final long K_STEP = 0xABC98388FB8FAC03L;
    private static final long K_ID = 0x8CB92BA72F3D8DD7L;
    private static final long K_COUNTER = 0xC13FA9A902A6328FL;
    private static final double TWO_POW_M53 = 0x1.0p-53;

    private final long seed;
    private final long stream;
    private final long key;

    public CounterRng(long seed, long stream) {
        this.seed = seed;
        this.stream = stream;
        this.key = mix64(mix64(seed + K_SEED) ^ (stream * K_STREAM));
    }

    /** The stream for {@code purpose} in the stage with index {@code stageIndex}. */
    public static CounterRng forStage(long seed, int purpose, int stageIndex) {
        return new CounterRng(seed, ((long) purpose << 32) | (stageIndex & 0xFFFFFFFFL));
    }

    public long seed() {
        return seed;
    }

    public long stream() {
        return stream;
    }

    /** SplitMix64 finaliser (Mix13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for (step, atom id, counter). */
    public long bits(long step, long atomId, long counter) {
        long h = mix64(key + step * K_STEP);
        h = mix64(h + atomId * K_ID);
        return mix64(h + counter * K_COUNTER);
    }

    /** Uniform in [0, 1). */
    public double uniform(long step, long atomId, long counter) {
        return (bits(step, atomId, counter) >>> 11) * TWO_POW_M53;
    }

    /**
     * Standard normal deviate by the Box–Muller transform of the uniforms with counters 2k and
     * 2k+1 (the first uniform is mapped into (0, 1] so that its logarithm is finite).
     */
    public double gaussian(long step, long atomId, long k) {
        double u1 = ((bits(step, atomId, 2 * k) >>> 11) + 1) * TWO_POW_M53;
        double u2 = (bits(step, atomId, 2 * k + 1) >>> 11) * TWO_POW_M53;
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
