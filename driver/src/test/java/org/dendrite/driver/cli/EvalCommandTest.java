package org.dendrite.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.dendrite.md.Atoms;
import org.dendrite.md.engine.ForceEngine;
import org.dendrite.md.engine.ForceResult;
import org.dendrite.md.io.ExtXyzReader;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @Test
    @DisplayName("eval writes energy, virial and per-atom forces equal to a direct ForceEngine evaluation")
    void evalMatchesDirectForceEngine(@TempDir Path tmp) {
        Path out = tmp.resolve("out.extxyz");
        CliRunner.Result r = CliRunner.run("eval", "--structure", CliRunner.LLZO_192.toString(),
                "--forcefield", CliRunner.DU_TETER.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("atoms=192 energy_eV="), r.out());

        ForceField ff = ForceFieldLoader.load(CliRunner.DU_TETER);
        Structure s = ExtXyzReader.read(CliRunner.LLZO_192).onSpecies(ff.species());
        ForceResult direct = new ForceResult();
        try (ForceEngine engine = new ForceEngine(ff, 0.0, 1)) {
            engine.compute(s.atoms(), s.box(), true, direct);
        }

        Structure written = ExtXyzReader.read(out);
        double e = Double.parseDouble(written.info().get("energy"));
        assertEquals(direct.potentialEnergy(), e, 1e-9 * Math.abs(e), "energy");
        String[] w = written.info().get("virial").trim().split("\\s+");
        assertEquals(9, w.length);
        double scale = Math.abs(direct.virial[0]) + Math.abs(direct.virial[4]) + Math.abs(direct.virial[8]);
        for (int k = 0; k < 9; k++) {
            assertEquals(direct.virial[k], Double.parseDouble(w[k]), 1e-9 * scale, "virial[" + k + "]");
        }
        Atoms a = s.atoms();
        Atoms b = written.atoms();
        assertEquals(a.nlocal, b.nlocal);
        double fmax = 0;
        for (int i = 0; i < 3 * a.nlocal; i++) {
            fmax = Math.max(fmax, Math.abs(a.f[i]));
        }
        assertTrue(fmax > 0.1, "the test structure must have non-trivial forces");
        for (int i = 0; i < a.nlocal; i++) {
            // Atoms keep their order in the file; ids identify them.
            assertEquals(a.id[i], b.id[i]);
            for (int d = 0; d < 3; d++) {
                assertEquals(a.f[3 * i + d], b.f[3 * i + d], 1e-9 * fmax, "force of atom " + a.id[i]);
            }
        }
    }

    @Test
    @DisplayName("eval of a malformed structure is one error line naming the file and line, exit code 2")
    void malformedStructureNamesFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.extxyz");
        java.nio.file.Files.writeString(bad, "2\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n"
                + "Li 0 0 0\nO 1.0 2.0\n");
        CliRunner.Result r = CliRunner.run("eval", "--structure", bad.toString(),
                "--forcefield", CliRunner.DU_TETER.toString(), "--out", tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + bad + ":4: "), r.err());
    }

    @Test
    @DisplayName("eval of a structure with two atoms closer than 0.5 Å is one error line naming the file and atom, exit code 2")
    void closeAtomsNameTheAtom(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("close.extxyz");
        java.nio.file.Files.writeString(bad, "3\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n"
                + "Li 1 1 1\nO 5 5 5\nLi 1.2 1.1 1.0\n");
        CliRunner.Result r = CliRunner.run("eval", "--structure", bad.toString(),
                "--forcefield", CliRunner.DU_TETER.toString(), "--out", tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + bad + ": atom "), r.err());
    }
}
