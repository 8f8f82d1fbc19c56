package org.dendrite.md;

import java.util.Arrays;
import java.util.List;

/**
 * The chemical species of a system: names, masses (amu) and charges (e), indexed by type
 * (0-based). Types are the integers in {@link Atoms#type}.
 */
public final class Species {
    private final String[] names;
    private final double[] massAmu;
    private final double[] chargeE;

    public Species(List<String> names, double[] massAmu, double[] chargeE) {
        this.names = names.toArray(new String[0]);
        if (massAmu.length != this.names.length || chargeE.length != this.names.length) {
            throw new IllegalArgumentException("species arrays differ in length");
        }
        for (int t = 0; t < massAmu.length; t++) {
            if (!(massAmu[t] > 0) || !Double.isFinite(massAmu[t])) {
                throw new IllegalArgumentException("species " + this.names[t] + ": mass must be positive, got " + massAmu[t]);
            }
            if (!Double.isFinite(chargeE[t])) {
                throw new IllegalArgumentException("species " + this.names[t] + ": charge is not finite");
            }
        }
        this.massAmu = massAmu.clone();
        this.chargeE = chargeE.clone();
    }

    public int count() {
        return names.length;
    }

    public String name(int type) {
        return names[type];
    }

    public List<String> names() {
        return List.of(names);
    }

    public double mass(int type) {
        return massAmu[type];
    }

    public double charge(int type) {
        return chargeE[type];
    }

    /** Type index of a species name, or -1 if absent. */
    public int typeOf(String name) {
        for (int t = 0; t < names.length; t++) {
            if (names[t].equals(name)) {
                return t;
            }
        }
        return -1;
    }

    /** Type index of a species name; an unknown name is an error naming the species present. */
    public int requireType(String name) {
        int t = typeOf(name);
        if (t < 0) {
            throw new IllegalArgumentException("species '" + name + "' is not one of " + names());
        }
        return t;
    }

    @Override
    public String toString() {
        return "Species" + Arrays.toString(names);
    }
}
