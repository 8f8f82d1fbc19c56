package org.dendrite.md.potential.coulomb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.Units;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ReferenceEvaluator;
import org.dendrite.md.potential.TestCells;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EwaldAccuracyTest {
    private static final Species NACL = new Species(List.of("Na", "Cl"), new double[] {22.99, 35.45}, new double[] {1, -1});
    /** Madelung constant of rock salt referred to the nearest-neighbour distance. */
    private static final double MADELUNG_NACL = 1.747564594633182;

    private static ForceField ewald(Species s, double alpha, double cutoff, double accuracy) {
        return ForceField.builder(s).coulomb(new EwaldRealSpace(alpha, cutoff, ErfcMode.EXACT))
                .global(EwaldSum.withAccuracy(alpha, accuracy)).build();
    }

    private static Atoms rockSalt(Box box, double a) {
        Atoms atoms = new Atoms(NACL, 8);
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int k = 0; k < 4; k++) {
            for (int t = 0; t < 2; t++) {
                int i = 2 * k + t;
                atoms.x[3 * i] = (fcc[k][0] + 0.5 * t) * a;
                atoms.x[3 * i + 1] = fcc[k][1] * a;
                atoms.x[3 * i + 2] = fcc[k][2] * a;
                atoms.type[i] = t;
                atoms.q[i] = t == 0 ? 1 : -1;
                atoms.id[i] = i + 1;
            }
        }
        return atoms;
    }

    @Test
    @DisplayName("Ewald reproduces the rock-salt Madelung energy to 1e-9 relative")
    void rockSaltMadelungEnergy() {
        double a = 5.64;
        Box box = Box.orthorhombic(a, a, a);
        Atoms atoms = rockSalt(box, a);
        double cutoff = 5.0;
        double alpha = EwaldSum.alphaForAccuracy(1e-12, cutoff, 8, 8.0, box);
        double e = ReferenceEvaluator.evaluate(ewald(NACL, alpha, cutoff, 1e-12), atoms, box).energy;
        double expected = -4 * MADELUNG_NACL * Units.COULOMB_EV_A / (a / 2);
        System.out.printf("[ewald] NaCl Madelung: E = %.12f eV, expected %.12f eV, rel diff %.2e%n",
                e, expected, Math.abs(e / expected - 1));
        assertEquals(expected, e, 1e-9 * Math.abs(expected));
    }

    @Test
    @DisplayName("the total Ewald energy does not depend on the splitting parameter (neutral and charged cells)")
    void energyIsIndependentOfAlpha() {
        for (double netCharge : new double[] {0.0, 1.3}) {
            Species s = new Species(List.of("P", "M"), new double[] {1, 1}, new double[] {1.1, -1.1});
            Box box = TestCells.box(8.5, true, 3);
            Atoms atoms = TestCells.random(s, new int[] {7, 7}, box, 1.5, 9);
            atoms.q[0] += netCharge;
            double e1 = ReferenceEvaluator.evaluate(ewald(s, 0.50, 8.0, 1e-12), atoms, box).energy;
            double e2 = ReferenceEvaluator.evaluate(ewald(s, 0.65, 8.0, 1e-12), atoms, box).energy;
            System.out.printf("[ewald] net charge %.1f: E(alpha=0.50) = %.10f, E(alpha=0.65) = %.10f%n", netCharge, e1, e2);
            assertEquals(e1, e2, 1e-7 * Math.abs(e1), "net charge " + netCharge);
        }
    }

    @Test
    @DisplayName("alpha from an accuracy follows LAMMPS Ewald::init: sqrt(-ln(acc*sqrt(N rc V)/(2 q2)))/rc")
    void alphaFromAccuracyFollowsLammps() {
        Box box = Box.orthorhombic(10, 11, 12);
        double acc = 1e-6 * Units.COULOMB_EV_A;
        double q2 = 20.0 * Units.COULOMB_EV_A;
        double expected = Math.sqrt(-Math.log(acc * Math.sqrt(40 * 7.0 * 10 * 11 * 12) / (2 * q2))) / 7.0;
        assertEquals(expected, EwaldSum.alphaForAccuracy(1e-6, 7.0, 40, 20.0, box), 1e-15);
    }
}
