package org.dendrite.md.potential;

/**
 * Real-space electrostatics between point charges, evaluated per unit charge product so that one
 * kernel serves every type pair: E_ij = q_i q_j · energyPerQQ(r²) and
 * F_ij/r = q_i q_j · forceOverRPerQQ(r²). Values include the Coulomb constant (eV·Å/e²).
 * Stateless and thread-safe.
 */
public interface CoulombKernel {
    /** Real-space cut-off, Å. */
    double cutoff();

    /** Pair energy per unit charge product at r², eV/e². */
    double energyPerQQ(double rsq);

    /** −dE/dr / r per unit charge product at r², eV/(Å² e²). */
    double forceOverRPerQQ(double rsq);

    /** Self energy of one atom of charge q (DSF, Wolf and Ewald self terms), eV; 0 for plain cut. */
    double selfEnergy(double q);
}
