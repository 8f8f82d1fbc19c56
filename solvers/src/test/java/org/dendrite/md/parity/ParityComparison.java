package org.dendrite.md.parity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.Species;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.ExtXyzReader;
import org.dendrite.md.io.ExtXyzWriter;
import org.dendrite.md.io.LammpsDataReader;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureValidator;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;

/**
 * Computes a parity case with dendrite and measures its deviation from the LAMMPS reference:
 * energy relative to |E_ref|, virial as ‖W − W_ref‖_F / ‖W_ref‖_F, forces as
 * max_i |F_i − F_ref,i| / rms(F_ref) (|·| the Euclidean norm of an atom's force vector).
 *
 * <p>The structure is read as a user would give it: {@code structure.data} through
 * {@link LammpsDataReader}, and for triclinic cells also {@code structure-rotated.extxyz} (the same
 * cell in a general orientation) through {@link ExtXyzReader}; the rotated variant's forces and
 * virial are taken from what {@link ExtXyzWriter} writes in the user's frame and compared with the
 * reference rotated into that frame (Q F, Q W Qᵀ).
 */
final class ParityComparison {
    /** Skin of the neighbour list, Å (the acceptance setting). */
    static final double SKIN = 2.0;
    static final double ENERGY_TOL = 1e-6;
    static final double VIRIAL_TOL = 1e-6;
    static final double FORCE_TOL = 1e-5;

    private ParityComparison() {
    }

    /** Measured deviations of one evaluation. */
    record Deviation(String caseName, String variant, int threads, double energyRel, double virialRel,
                     double forceRel, double energy, double energyRef) {
        boolean passes() {
            return energyRel <= ENERGY_TOL && virialRel <= VIRIAL_TOL && forceRel <= FORCE_TOL;
        }

        String row() {
            return String.format(Locale.ROOT, "%-30s %-8s %d  %9.2e  %9.2e  %9.2e  %22.12f", caseName, variant, threads,
                    energyRel, virialRel, forceRel, energy);
        }
    }

    static String header() {
        return String.format(Locale.ROOT, "%-30s %-8s %s  %9s  %9s  %9s  %22s", "case", "input", "T", "dE/|E|",
                "dW/|W|", "dF/rmsF", "E_dendrite (eV)");
    }

    /** Both input variants (data file; rotated extxyz if present) with the given thread count. */
    static List<Deviation> measure(ParityCase c, int threads) {
        return measure(c, c.forceField, threads);
    }

    /** As {@link #measure(ParityCase, int)} with another force-field file than the case's own. */
    static List<Deviation> measure(ParityCase c, Path forceField, int threads) {
        List<Deviation> out = new ArrayList<>();
        Species species = ForceFieldLoader.species(forceField);
        out.add(evaluate(c, forceField, LammpsDataReader.read(c.structure, null).onSpecies(species), "data",
                threads, null));
        if (c.rotatedStructure != null) {
            out.add(evaluate(c, forceField, ExtXyzReader.read(c.rotatedStructure, species), "rotated", threads,
                    c.userRotation));
        }
        return out;
    }


    private static Deviation evaluate(ParityCase c, Path forceField, Structure read, String variant, int threads,
                                      double[] q) {
        ForceField ff = ForceFieldLoader.load(forceField, read.atoms(), read.box());
        Structure s = read.onSpecies(ff.species());
        StructureValidator.validate(s);
        Atoms atoms = s.atoms();
        ForceResult r = new ForceResult();
        try (ForceEngine engine = new ForceEngine(ff, SKIN, threads)) {
            engine.compute(atoms, s.box(), true, r);
        }
        double energy = r.potentialEnergy();
        double[] w = r.virial.clone();
        double[][] f = new double[atoms.nlocal][];
        int[] ids = new int[atoms.nlocal];
        for (int i = 0; i < atoms.nlocal; i++) {
            f[i] = new double[] {atoms.f[3 * i], atoms.f[3 * i + 1], atoms.f[3 * i + 2]};
            ids[i] = atoms.id[i];
        }
        double[] wRef = c.virial;
        Map<Integer, double[]> fRef = c.forces;
        if (q != null) {
            // Take forces and virial from the written file (user frame) and rotate the reference.
            Parsed p = writeAndParse(s, energy, w);
            energy = p.energy;
            w = p.virial;
            f = p.forces;
            wRef = rotateTensor(q, c.virial);
            fRef = new java.util.HashMap<>();
            for (Map.Entry<Integer, double[]> e : c.forces.entrySet()) {
                fRef.put(e.getKey(), rotate(q, e.getValue()));
            }
        }
        if (atoms.nlocal != fRef.size()) {
            throw new AssertionError(c.name + ": " + atoms.nlocal + " atoms, reference has " + fRef.size());
        }
        double dw = 0;
        for (int k = 0; k < 9; k++) {
            dw += (w[k] - wRef[k]) * (w[k] - wRef[k]);
        }
        double dfMax = 0;
        for (int i = 0; i < f.length; i++) {
            double[] ref = fRef.get(ids[i]);
            double dx = f[i][0] - ref[0], dy = f[i][1] - ref[1], dz = f[i][2] - ref[2];
            dfMax = Math.max(dfMax, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return new Deviation(c.name, variant, threads, Math.abs(energy - c.energy) / Math.abs(c.energy),
                Math.sqrt(dw) / c.virialNorm(), dfMax / c.rmsForce(), energy, c.energy);
    }

    private record Parsed(double energy, double[] virial, double[][] forces) {
    }

    /** Writes the evaluated frame as extended XYZ and reads energy, virial and forces back. */
    private static Parsed writeAndParse(Structure s, double energy, double[] virial) {
        StringWriter sw = new StringWriter();
        try (ExtXyzWriter w = new ExtXyzWriter(sw)) {
            w.writeFrame(s.atoms(), s.box(), s.rotation(), Map.of(), energy, virial, false, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = sw.toString().split("\n");
        String info = lines[1];
        double e = Double.parseDouble(value(info, "energy"));
        String[] wv = value(info, "virial").trim().split("\\s+");
        double[] wu = new double[9];
        for (int k = 0; k < 9; k++) {
            wu[k] = Double.parseDouble(wv[k]);
        }
        double[][] f = new double[s.atomCount()][];
        for (int i = 0; i < f.length; i++) {
            String[] t = lines[2 + i].trim().split("\\s+");
            f[i] = new double[] {Double.parseDouble(t[4]), Double.parseDouble(t[5]), Double.parseDouble(t[6])};
        }
        return new Parsed(e, wu, f);
    }

    private static String value(String info, String key) {
        int k = info.indexOf(" " + key + "=");
        String rest = info.substring(k + key.length() + 2);
        if (rest.startsWith("\"")) {
            return rest.substring(1, rest.indexOf('"', 1));
        }
        int end = rest.indexOf(' ');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static double[] rotate(double[] q, double[] v) {
        return new double[] {q[0] * v[0] + q[1] * v[1] + q[2] * v[2], q[3] * v[0] + q[4] * v[1] + q[5] * v[2],
            q[6] * v[0] + q[7] * v[1] + q[8] * v[2]};
    }

    private static double[] rotateTensor(double[] q, double[] w) {
        double[] out = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        s += q[3 * a + i] * w[3 * i + j] * q[3 * b + j];
                    }
                }
                out[3 * a + b] = s;
            }
        }
        return out;
    }
}
