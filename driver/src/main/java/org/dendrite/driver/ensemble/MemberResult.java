package org.dendrite.driver.ensemble;

/**
 * What a Spark task sends back for one member: a small record (a few strings and numbers); bulky
 * outputs stay in the member's run directory. Plain fields for Spark's Kryo.
 */
public final class MemberResult {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public String id;
    /** {@link #COMPLETED} or {@link #FAILED}. */
    public String status;
    /** Attempts made in this sweep (including attempts lost with an executor). */
    public int attempts;
    /** Wall time of the last attempt, s. */
    public double wallSeconds;
    /** Host that ran the last attempt. */
    public String host;
    /** Failure class of the last failed attempt ({@link FailureClass}), or empty. */
    public String failureClass = "";
    /** One-line reason of the last failure, or empty. */
    public String error = "";
    /** Failure classes of every failed attempt, in order, separated by ';'. */
    public String history = "";
    /** Whether the result was found complete on disk and reused (no work done). */
    public boolean reused;

    public MemberResult() {
    }
}
