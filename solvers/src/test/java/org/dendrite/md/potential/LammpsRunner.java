package org.dendrite.md.potential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Units;

/**
 * Runs {@code lmp} (LAMMPS, metal units, atom_style charge) for a single-point evaluation of a
 * structure with given pair/kspace commands, and reads back energy, per-atom forces and the virial
 * W_ab = P_ab·V (the virial part of the pressure tensor). For the live comparisons only.
 */
public final class LammpsRunner {
    private LammpsRunner() {
    }

    /** LAMMPS' results for one structure. */
    public static final class Result {
        public double energy;
        public double[] f;
        public final double[] virial = new double[9];
        public String log;
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("lmp", "-h").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    /**
     * @param commands pair_style / pair_coeff / pair_modify / kspace lines, with type numbers 1-based in species order
     */
    public static Result run(Atoms atoms, Box box, List<String> commands) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("lmp");
        StringBuilder data = new StringBuilder("dendrite potentials parity\n\n");
        int n = atoms.nlocal;
        data.append(n).append(" atoms\n").append(atoms.species.count()).append(" atom types\n");
        data.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi%n%.17g %.17g ylo yhi%n%.17g %.17g zlo zhi%n",
                box.xlo(), box.xhi(), box.ylo(), box.yhi(), box.zlo(), box.zhi()));
        if (box.isTriclinic()) {
            data.append(String.format(Locale.ROOT, "%.17g %.17g %.17g xy xz yz%n", box.xy(), box.xz(), box.yz()));
        }
        data.append("\nMasses\n\n");
        for (int t = 0; t < atoms.species.count(); t++) {
            data.append(t + 1).append(' ').append(atoms.species.mass(t)).append(" # ").append(atoms.species.name(t)).append('\n');
        }
        data.append("\nAtoms # charge\n\n");
        for (int i = 0; i < n; i++) {
            data.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g %.17g%n", i + 1, atoms.type[i] + 1, atoms.q[i],
                    atoms.x[3 * i], atoms.x[3 * i + 1], atoms.x[3 * i + 2]));
        }
        Files.writeString(dir.resolve("data.lmp"), data.toString());
        StringBuilder in = new StringBuilder();
        in.append("units metal\natom_style charge\nboundary p p p\n");
        in.append(box.isTriclinic() ? "box tilt large\n" : "");
        in.append("read_data data.lmp\n");
        for (String c : commands) {
            in.append(c).append('\n');
        }
        in.append("neighbor 1.0 bin\n");
        in.append("compute pv all pressure NULL virial\n");
        in.append("thermo_style custom step pe vol c_pv[1] c_pv[2] c_pv[3] c_pv[4] c_pv[5] c_pv[6]\n");
        in.append("thermo_modify format float %24.17g\n");
        in.append("dump d all custom 1 forces.dump id fx fy fz\n");
        in.append("dump_modify d format float %24.17g sort id\n");
        in.append("run 0\n");
        Files.writeString(dir.resolve("in.lmp"), in.toString());
        Process p = new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = Files.exists(dir.resolve("log.lammps")) ? Files.readString(dir.resolve("log.lammps")) : out;
            throw new IllegalStateException("lmp failed in " + dir + ":\n" + log.substring(Math.max(0, log.length() - 3000)));
        }
        Result r = new Result();
        r.log = Files.readString(dir.resolve("log.lammps"));
        String[] lines = r.log.split("\n");
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].trim().startsWith("Step") && lines[k].contains("PotEng")) {
                String[] w = lines[k + 1].trim().split("\\s+");
                r.energy = Double.parseDouble(w[1]);
                double vol = Double.parseDouble(w[2]);
                double conv = vol / Units.EV_PER_A3_TO_BAR;
                double xx = Double.parseDouble(w[3]) * conv, yy = Double.parseDouble(w[4]) * conv;
                double zz = Double.parseDouble(w[5]) * conv, xy = Double.parseDouble(w[6]) * conv;
                double xz = Double.parseDouble(w[7]) * conv, yz = Double.parseDouble(w[8]) * conv;
                double[] v = {xx, xy, xz, xy, yy, yz, xz, yz, zz};
                System.arraycopy(v, 0, r.virial, 0, 9);
                break;
            }
        }
        r.f = new double[3 * n];
        List<String> dump = Files.readAllLines(dir.resolve("forces.dump"));
        int start = dump.indexOf("ITEM: ATOMS id fx fy fz") + 1;
        for (int k = 0; k < n; k++) {
            String[] w = dump.get(start + k).trim().split("\\s+");
            int i = Integer.parseInt(w[0]) - 1;
            for (int a = 0; a < 3; a++) {
                r.f[3 * i + a] = Double.parseDouble(w[1 + a]);
            }
        }
        deleteTree(dir);
        return r;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
