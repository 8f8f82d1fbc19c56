package org.dendrite.fem.solve;

/** z = M⁻¹ r for an approximation M of A; must not allocate (called once per Krylov iteration). */
public interface Preconditioner {
    void apply(double[] r, double[] z);

    /** Short name for logs and stats. */
    String name();

    /** The identity (no preconditioning). */
    static Preconditioner none() {
        return new Preconditioner() {
            @Override
            public void apply(double[] r, double[] z) {
                System.arraycopy(r, 0, z, 0, r.length);
            }

            @Override
            public String name() {
                return "none";
            }
        };
    }
}
