package org.dendrite.driver.ensemble;

import java.util.List;

/**
 * One member of an ensemble as it travels to a Spark task: plain fields (Spark's Kryo 4 field
 * serializer cannot build records) of strings, string arrays and ints, registered with Kryo by
 * {@link EnsembleKryoRegistrator}.
 */
public final class Member {
    /** Stable id derived from the member's parameters ({@link EnsembleExpansion#memberId}). */
    public String id;
    /** Position in the expanded list (the order of the results table). */
    public int index;
    /** Axis names, then {@code repeat} and {@code seed} when the ensemble has repeats. */
    public String[] paramNames;
    /** Values of {@link #paramNames} as compact JSON/YAML text (numbers as written). */
    public String[] paramValues;
    /** {@code key=value} overrides of the base config, in order (common set, then axis values, then seed). */
    public String[] overrides;
    /** Base job config (absolute path on the shared file system). */
    public String baseConfig;
    /** The member's run directory (absolute, shared): {@code DIR}, {@code DIR.partial}, {@code DIR.failed}. */
    public String runDir;
    /** Attempts allowed in this sweep (bad input is tried once). */
    public int maxAttempts;
    /** Identifies one invocation of the sweep, so attempts of earlier sweeps are not counted again. */
    public String invocation;
    /** Domains of the member's run (from its partition block; 1 = a plain task). */
    public int domains;
    /** Whether the member's domains talk over Hazelcast (then it runs as a barrier stage). */
    public boolean hazelcast;

    public Member() {
    }

    public List<String> overrideList() {
        return List.of(overrides);
    }
}
