package org.dendrite.driver.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dendrite.driver.job.Inputs;
import org.dendrite.md.Atoms;
import org.dendrite.md.Units;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.ExtXyzWriter;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dendrite eval}: single-point energy, forces and virial of one structure. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Single-point energy, per-atom forces and virial of a structure.",
            "Writes extended XYZ with info energy (eV) and virial (9 numbers, eV,",
            "W_ab = sum r_a f_b incl. periodic images, row-major) and per-atom",
            "forces (eV/A); prints a one-line summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the evaluation failed (e.g. non-finite energy)", "2:bad structure, force field or option"})
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "Extended XYZ (.extxyz, .xyz) or LAMMPS data file (atom_style charge or atomic).")
    Path structure;

    @Option(names = "--forcefield", required = true, paramLabel = "FF.yaml", description = "Force-field YAML (docs/forcefields.md).")
    Path forcefield;

    @Option(names = "--out", required = true, paramLabel = "OUT.extxyz", description = "Output extended XYZ file.")
    Path out;

    @Option(names = "--types", split = ",", paramLabel = "Li,La,Zr,O",
            description = "Species of LAMMPS data types 1, 2, ... (default: the Masses comments of the data file).")
    List<String> types;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Force-loop threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new CliFailure(CliFailure.BAD_INPUT, "--threads must be >= 1, got " + threads, null);
        }
        ForceField ff;
        Structure s;
        try {
            Inputs.Loaded sys = Inputs.load(structure, types, forcefield, new int[] {1, 1, 1});
            ff = sys.forceField();
            s = sys.structure();
        } catch (RuntimeException e) {
            throw Errors.badInput(e);
        }
        ForceResult r = new ForceResult();
        try (ForceEngine engine = new ForceEngine(ff, 0.0, threads)) {
            engine.compute(s.atoms(), s.box(), true, r);
        } catch (RuntimeException e) {
            throw Errors.runFailed(e);
        }
        double e = r.potentialEnergy();
        if (!Double.isFinite(e)) {
            throw new CliFailure(CliFailure.RUN_FAILED, structure + ": energy is not finite (" + e + ")", null);
        }
        try {
            ExtXyzWriter.writeFile(out, s, e, r.virial, true);
        } catch (IOException ex) {
            throw new CliFailure(CliFailure.RUN_FAILED, out + ": cannot write: " + ex.getMessage(), ex);
        }
        spec.commandLine().getOut().println(summary(s, r, out));
        return 0;
    }

    static String summary(Structure s, ForceResult r, Path out) {
        Atoms a = s.atoms();
        int n = a.nlocal;
        double fmax = 0;
        for (int i = 0; i < 3 * n; i += 3) {
            double f2 = a.f[i] * a.f[i] + a.f[i + 1] * a.f[i + 1] + a.f[i + 2] * a.f[i + 2];
            fmax = Math.max(fmax, f2);
        }
        // Virial pressure without a kinetic part: P = tr(W) / (3V), LAMMPS compute pressure with no temperature.
        double p = (r.virial[0] + r.virial[4] + r.virial[8]) / (3 * s.box().volume()) * Units.EV_PER_A3_TO_BAR;
        double e = r.potentialEnergy();
        return String.format(Locale.ROOT,
                "atoms=%d energy_eV=%.10g energy_per_atom_eV=%.10g virial_pressure_bar=%.6g max_force_eV_A=%.6g out=%s",
                n, e, e / n, p, Math.sqrt(fmax), out);
    }
}
