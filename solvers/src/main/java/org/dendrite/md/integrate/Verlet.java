package org.dendrite.md.integrate;

import org.dendrite.md.Atoms;
import org.dendrite.md.Units;
import org.dendrite.md.state.AtomGroup;

/**
 * The two halves of velocity Verlet (Swope, Andersen, Berens and Wilson, J. Chem. Phys. 76, 637
 * (1982)) in the arithmetic of LAMMPS fix nve: v += (dt/2)·ftm2v/m · f, then x += dt·v.
 */
final class Verlet {
    private Verlet() {
    }

    /** Half kick v += dt/2 · f/m on the group's atoms. */
    static void halfKick(Atoms a, AtomGroup g, double[] massByType, double dt) {
        double dtf = 0.5 * dt * Units.FORCE_OVER_MASS_TO_ACCEL;
        boolean[] mask = g.mask();
        double[] v = a.v, f = a.f;
        int[] type = a.type, id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            double dtfm = dtf / massByType[type[i]];
            v[3 * i] += dtfm * f[3 * i];
            v[3 * i + 1] += dtfm * f[3 * i + 1];
            v[3 * i + 2] += dtfm * f[3 * i + 2];
        }
    }

    /** Drift x += dt · v on the group's atoms. */
    static void drift(Atoms a, AtomGroup g, double dt) {
        boolean[] mask = g.mask();
        double[] x = a.x, v = a.v;
        int[] id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            x[3 * i] += dt * v[3 * i];
            x[3 * i + 1] += dt * v[3 * i + 1];
            x[3 * i + 2] += dt * v[3 * i + 2];
        }
    }

    /** Multiplies the group's velocities by {@code factor}. */
    static void scaleVelocities(Atoms a, AtomGroup g, double factor) {
        boolean[] mask = g.mask();
        double[] v = a.v;
        int[] id = a.id;
        for (int i = 0; i < a.nlocal; i++) {
            if (mask != null && !mask[id[i]]) {
                continue;
            }
            v[3 * i] *= factor;
            v[3 * i + 1] *= factor;
            v[3 * i + 2] *= factor;
        }
    }
}
