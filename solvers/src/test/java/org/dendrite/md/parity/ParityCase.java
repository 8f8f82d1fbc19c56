package org.dendrite.md.parity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One LAMMPS reference case as written by tools/lammps-reference/generate.py: the directory holds
 * {@code case.properties}, {@code structure.data} (and for triclinic cells
 * {@code structure-rotated.extxyz}), {@code forcefield.yaml}, {@code in.lammps} and
 * {@code reference.txt} (energy, virial W_ab as xx yy zz xy xz yz, forces by atom id; eV, eV/Å).
 */
final class ParityCase {
    final String name;
    final Path dir;
    final String description;
    final String config;
    final Path structure;
    final Path rotatedStructure;
    /** Q with r_user = Q r_lammps for the rotated structure, row-major; null without one. */
    final double[] userRotation;
    final Path forceField;
    final double energy;
    /** Reference virial, 9 components row-major (symmetric, from LAMMPS' 6). */
    final double[] virial;
    final Map<Integer, double[]> forces;

    private ParityCase(Path dir) throws IOException {
        this.dir = dir;
        this.name = dir.getFileName().toString();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        description = p.getProperty("description");
        config = p.getProperty("config");
        structure = dir.resolve(p.getProperty("structure"));
        forceField = dir.resolve(p.getProperty("forcefield"));
        String rot = p.getProperty("rotated_structure");
        rotatedStructure = rot == null ? null : dir.resolve(rot);
        String q = p.getProperty("user_rotation");
        userRotation = q == null ? null : numbers(q.trim().split("\\s+"), 0, 9);

        double e = Double.NaN;
        double[] w = null;
        Map<Integer, double[]> f = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("reference.txt"), StandardCharsets.UTF_8);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] t = line.trim().split("\\s+");
            switch (t[0]) {
                case "energy_eV" -> e = Double.parseDouble(t[1]);
                case "virial_eV" -> {
                    double[] v6 = numbers(t, 1, 6);
                    w = new double[] {v6[0], v6[3], v6[4], v6[3], v6[1], v6[5], v6[4], v6[5], v6[2]};
                }
                case "forces_eV_per_A" -> {
                    int n = Integer.parseInt(t[1]);
                    for (int i = 0; i < n; i++) {
                        String[] a = lines.get(k + 1 + i).trim().split("\\s+");
                        f.put(Integer.parseInt(a[0]), numbers(a, 1, 3));
                    }
                    k += n;
                }
                default -> { }
            }
        }
        if (Double.isNaN(e) || w == null || f.isEmpty()) {
            throw new IllegalStateException(dir + "/reference.txt: energy, virial or forces missing");
        }
        energy = e;
        virial = w;
        forces = f;
    }

    private static double[] numbers(String[] t, int from, int count) {
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = Double.parseDouble(t[from + k]);
        }
        return out;
    }

    static ParityCase load(Path dir) {
        try {
            return new ParityCase(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases listed in {@code root/cases.txt}, in order. */
    static List<ParityCase> loadAll(Path root) {
        try {
            List<ParityCase> out = new ArrayList<>();
            for (String line : Files.readAllLines(root.resolve("cases.txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(load(root.resolve(line.trim())));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Root mean square of the reference force vectors, eV/Å. */
    double rmsForce() {
        double s = 0;
        for (double[] f : forces.values()) {
            s += f[0] * f[0] + f[1] * f[1] + f[2] * f[2];
        }
        return Math.sqrt(s / forces.size());
    }

    /** Frobenius norm of the reference virial, eV. */
    double virialNorm() {
        double s = 0;
        for (double w : virial) {
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
