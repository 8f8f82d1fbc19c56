package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.state.SimulationState;

/**
 * Shared by the committed-reference and the live LAMMPS oracle tests: reads the frames of
 * tools/lammps-reference/analyses/in.analyses (a LAMMPS custom dump with image flags), feeds them to
 * the rdf and msd analyses, and compares with LAMMPS' compute rdf (fix ave/time over frames
 * 100..1000) and compute msd (c_msd[4] per frame).
 */
final class LammpsAnalysisOracle {
    static final Species LI_O = new Species(List.of("Li", "O"), new double[] {6.941, 15.999}, new double[] {0, 0});
    static final double DT_PS = 0.002;

    private LammpsAnalysisOracle() {
    }

    /** Frames of a LAMMPS dump (id type x y z ix iy iz; orthogonal box), in file order. */
    static List<SimulationState> frames(Path dump) throws IOException {
        List<String> lines = Files.readAllLines(dump);
        List<SimulationState> out = new ArrayList<>();
        int k = 0;
        while (k < lines.size()) {
            long step = Long.parseLong(lines.get(k + 1).trim());
            int n = Integer.parseInt(lines.get(k + 3).trim());
            double[] lo = new double[3];
            double[] hi = new double[3];
            for (int d = 0; d < 3; d++) {
                String[] f = lines.get(k + 5 + d).trim().split("\\s+");
                lo[d] = Double.parseDouble(f[0]);
                hi[d] = Double.parseDouble(f[1]);
            }
            Box box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 0, 0, 0);
            Atoms a = new Atoms(LI_O, n);
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(k + 9 + i).trim().split("\\s+");
                a.id[i] = Integer.parseInt(f[0]);
                a.type[i] = Integer.parseInt(f[1]) - 1;
                for (int d = 0; d < 3; d++) {
                    a.x[3 * i + d] = Double.parseDouble(f[2 + d]);
                    a.image[3 * i + d] = Integer.parseInt(f[5 + d]);
                }
            }
            SimulationState s = new SimulationState(a, box, 1);
            s.step = step;
            s.timePs = step * DT_PS;
            out.add(s);
            k += 9 + n;
        }
        return out;
    }

    /** Numeric rows of a fix ave/time output (comment lines and the block header skipped). */
    static List<double[]> rows(Path file, int columns) throws IOException {
        List<double[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != columns) {
                continue;
            }
            double[] r = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                r[i] = Double.parseDouble(f[i]);
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Compares our rdf (g and running coordination of Li-Li, Li-O, O-O) and msd (Li) with LAMMPS'
     * files in {@code dir}; returns {max |Δg|, max |Δn|, max relative ΔMSD}.
     */
    static double[] compare(Path dir, Path work) throws IOException {
        List<SimulationState> frames = frames(dir.resolve("traj.lammpstrj"));
        assertEquals(11, frames.size());
        RunMetrics metrics = new RunMetrics();
        AnalysisContext ctx = new AnalysisContext(LI_O, frames.get(0).box, work, metrics, null, Plotter.NONE);
        Map<String, Object> rdfKeys = new LinkedHashMap<>();
        rdfKeys.put("type", "rdf");
        rdfKeys.put("pairs", List.of("Li-Li", "Li-O", "O-O"));
        rdfKeys.put("r_max_A", 6.0);
        rdfKeys.put("bins", 100);
        RdfAnalysis rdf = (RdfAnalysis) Analyses.create(new Params("rdf", rdfKeys), ctx);
        Map<String, Object> msdKeys = new LinkedHashMap<>(Map.of("type", "msd", "species", List.of("Li")));
        Analysis msd = Analyses.create(new Params("msd", msdKeys), ctx);
        for (SimulationState s : frames) {
            if (s.step > 0) {
                rdf.sample(s, 0);
            }
            msd.sample(s, 0);
        }
        msd.finish();
        msd.close();
        List<double[]> ref = rows(dir.resolve("rdf.out"), 8);
        assertEquals(100, ref.size());
        double dg = 0, dn = 0;
        for (int p = 0; p < 3; p++) {
            double[] g = rdf.rdf().g(p);
            double[] n = rdf.rdf().runningCoordination(p);
            double[] r = rdf.rdf().r();
            for (int k = 0; k < 100; k++) {
                assertEquals(ref.get(k)[1], r[k], 1e-12);
                dg = Math.max(dg, Math.abs(ref.get(k)[2 + 2 * p] - g[k]));
                dn = Math.max(dn, Math.abs(ref.get(k)[3 + 2 * p] - n[k]));
            }
        }
        List<double[]> msdRef = rows(dir.resolve("msd.out"), 2);
        assertEquals(11, msdRef.size());
        List<String> ours = Files.readAllLines(work.resolve("msd.csv"));
        assertEquals(12, ours.size());
        double dm = 0;
        for (int k = 0; k < 11; k++) {
            String[] f = ours.get(k + 1).split(",");
            assertEquals(msdRef.get(k)[0], Double.parseDouble(f[2]), 0.0, "step");
            double want = msdRef.get(k)[1];
            double got = Double.parseDouble(f[4]);
            dm = Math.max(dm, Math.abs(got - want) / Math.max(1e-12, Math.abs(want)));
        }
        assertTrue(rdf.rdf().frames() == 10);
        return new double[] {dg, dn, dm};
    }
}
