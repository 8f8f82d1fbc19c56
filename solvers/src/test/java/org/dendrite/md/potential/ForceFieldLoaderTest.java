package org.dendrite.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.io.InputException;
import org.dendrite.md.potential.coulomb.CoulombDsf;
import org.dendrite.md.potential.coulomb.EwaldRealSpace;
import org.dendrite.md.potential.coulomb.EwaldSum;
import org.dendrite.md.potential.eam.EamTerm;
import org.dendrite.md.potential.pair.Buckingham;
import org.dendrite.md.potential.pair.Morse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForceFieldLoaderTest {
    @TempDir
    Path dir;

    private static final String ISSUE_EXAMPLE = """
            species:
              Li: {mass: 6.941, charge: 0.6}
              O:  {mass: 15.999, charge: -1.2}
            coulomb: {method: dsf, alpha: 0.25, cutoff: 8.0}
            pairs:
              - {pair: [Li, O], style: buckingham, A: 41051.938, rho: 0.15116, C: 0.0, cutoff: 8.0}
              - {pair: [O, O], style: buckingham, A: 2029.2204, rho: 0.34364, C: 192.58, cutoff: 8.0,
                 core: {r0: 1.906, B: 46.462, n: 3.43, D: -0.32605}}
              - {pair: [Li, Li], style: morse, D0: 0.1, alpha: 1.5, r0: 3.0, cutoff: 8.0, shift: true}
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private String error(String text) throws IOException {
        Path p = write("ff.yaml", text);
        InputException ex = assertThrows(InputException.class, () -> ForceFieldLoader.load(p));
        assertTrue(!ex.getMessage().contains("\n"), "message must be one line: " + ex.getMessage());
        assertEquals(p.toString(), ex.file(), "the error names the file as given");
        // Messages start with the path as given; compare from the file name on.
        return ex.getMessage().substring(dir.toString().length() + 1);
    }

    @Test
    @DisplayName("the species alone are read as a full load reads them, and their errors name file and line")
    void speciesOnly() throws IOException {
        Path p = write("ff.yaml", ISSUE_EXAMPLE);
        org.dendrite.md.Species only = ForceFieldLoader.species(p);
        org.dendrite.md.Species full = ForceFieldLoader.load(p).species();
        assertEquals(full.names(), only.names());
        for (int t = 0; t < full.count(); t++) {
            assertEquals(full.mass(t), only.mass(t));
            assertEquals(full.charge(t), only.charge(t));
        }
        Path bad = write("bad.yaml", "species:\n  Li: {mass: -1.0, charge: 0.6}\n");
        InputException ex = assertThrows(InputException.class, () -> ForceFieldLoader.species(bad));
        assertTrue(ex.getMessage().contains("bad.yaml:2:") && ex.getMessage().contains("mass"), ex.getMessage());
    }

    @Test
    @DisplayName("the issue's example file loads with the styles, shifts and charges it names")
    void issueExampleLoads() throws IOException {
        ForceField ff = ForceFieldLoader.load(write("ff.yaml", ISSUE_EXAMPLE));
        assertEquals(2, ff.typeCount());
        assertEquals(0.6, ff.species().charge(0));
        assertEquals(-1.2, ff.species().charge(1));
        assertInstanceOf(Buckingham.class, ff.pair(0, 1));
        assertInstanceOf(Buckingham.class, ff.pair(1, 0));
        assertTrue(((Buckingham) ff.pair(1, 1)).hasCore());
        assertInstanceOf(Morse.class, ff.pair(0, 0));
        assertEquals(ff.pair(0, 0).energy(64.0), ff.energyShift(0, 0), 0.0);
        assertEquals(0.0, ff.energyShift(0, 1), 0.0);
        assertInstanceOf(CoulombDsf.class, ff.coulomb());
        assertEquals(8.0, ff.maxCutoff());
    }

    @Test
    @DisplayName("the shipped Du/Teter LLZO file loads: four species, neutral Li7La3Zr2O12, DSF 0.25/8, shifted 11 Å pairs")
    void shippedLlzoForceFieldLoads() {
        ForceField ff = ForceFieldLoader.load(ConfFiles.forcefield("llzo-du-teter.yaml"));
        assertEquals(4, ff.typeCount());
        double q = 7 * ff.species().charge(0) + 3 * ff.species().charge(1) + 2 * ff.species().charge(2)
                + 12 * ff.species().charge(3);
        assertEquals(0.0, q, 1e-12);
        assertEquals(0.25, ((CoulombDsf) ff.coulomb()).alpha());
        assertEquals(11.0, ff.maxCutoff());
        assertNull(ff.pair(0, 0), "Li-Li is Coulomb only");
        assertNull(ff.pair(1, 2), "La-Zr is Coulomb only");
        assertNotNull(ff.pair(3, 2));
        assertTrue(ff.energyShift(3, 3) != 0.0);
    }

    @Test
    @DisplayName("EAM files are found relative to the YAML file, and species map to file elements")
    void eamFileRelativeToYaml() throws IOException {
        Files.copy(ConfFiles.forcefield("Li-test.eam.alloy"), dir.resolve("Li.eam.alloy"));
        ForceField ff = ForceFieldLoader.load(write("ff.yaml", """
                species: {Li: {mass: 6.941}, O: {mass: 15.999, charge: -1.2}}
                manybody:
                  - {style: eam/alloy, file: Li.eam.alloy, map: {O: NULL}}
                """));
        assertInstanceOf(EamTerm.class, ff.manyBody().get(0));
        assertEquals(5.5, ff.maxCutoff(), 1e-12);
    }

    @Test
    @DisplayName("Ewald with only an accuracy chooses alpha from the structure; without a structure it says what is missing")
    void ewaldAccuracyNeedsStructure() throws IOException {
        String text = """
                species: {Na: {mass: 22.99, charge: 1}, Cl: {mass: 35.45, charge: -1}}
                coulomb: {method: ewald, cutoff: 6.0, accuracy: 1.0e-6}
                """;
        Path p = write("ff.yaml", text);
        InputException ex = assertThrows(InputException.class, () -> ForceFieldLoader.load(p));
        assertEquals(2, ex.line());
        assertTrue(ex.reason().startsWith("coulomb (ewald): 'accuracy'"), ex.getMessage());
        Box box = Box.orthorhombic(10, 10, 10);
        Atoms atoms = TestCells.random(ForceFieldLoader.load(write("s.yaml", """
                species: {Na: {mass: 22.99, charge: 1}, Cl: {mass: 35.45, charge: -1}}
                """)).species(), new int[] {4, 4}, box, 2.0, 1);
        ForceField ff = ForceFieldLoader.load(p, atoms, box);
        double alpha = ((EwaldRealSpace) ff.coulomb()).alpha();
        assertEquals(EwaldSum.alphaForAccuracy(1e-6, 6.0, 8, 8.0, box), alpha, 1e-15);
        assertInstanceOf(EwaldSum.class, ff.global().get(0));
    }

    @Test
    @DisplayName("an unknown species in a pair is an error naming file, line and the species")
    void undefinedSpeciesInPair() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("pair: [Li, Li]", "pair: [Li, Na]"));
        assertTrue(msg.startsWith("ff.yaml:9: pairs[2]"), msg);
        assertTrue(msg.contains("'Na'"), msg);
    }

    @Test
    @DisplayName("an unknown pair style is an error naming file, line and the known styles")
    void unknownStyle() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("style: morse", "style: morze"));
        assertTrue(msg.startsWith("ff.yaml:9:"), msg);
        assertTrue(msg.contains("'morze'") && msg.contains("buckingham"), msg);
    }

    @Test
    @DisplayName("an unknown Coulomb method is an error naming file and line")
    void unknownCoulombMethod() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("method: dsf", "method: pppm"));
        assertTrue(msg.startsWith("ff.yaml:4: coulomb"), msg);
        assertTrue(msg.contains("'pppm'"), msg);
    }

    @Test
    @DisplayName("a missing parameter is an error naming file, line, pair and parameter")
    void missingParameter() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("rho: 0.15116, ", ""));
        assertTrue(msg.startsWith("ff.yaml:6: pairs[0] (Li-O, buckingham): missing parameter 'rho'"), msg);
    }

    @Test
    @DisplayName("an extra (misspelt) parameter is an error naming file, line and the key")
    void extraParameter() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("D0: 0.1,", "D0: 0.1, DO: 0.2,"));
        assertTrue(msg.startsWith("ff.yaml:9: pairs[2] (Li-Li, morse): unknown parameter 'DO'"), msg);
    }

    @Test
    @DisplayName("an extra parameter inside a core block is an error at its line")
    void extraCoreParameter() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("D: -0.32605}", "D: -0.32605, E: 1}"));
        assertTrue(msg.startsWith("ff.yaml:8: pairs[1] (O-O, buckingham).core: unknown parameter 'E'"), msg);
    }

    @Test
    @DisplayName("a non-positive cut-off is an error naming file, line and value")
    void nonPositiveCutoff() throws IOException {
        String msg = error(ISSUE_EXAMPLE.replace("C: 0.0, cutoff: 8.0", "C: 0.0, cutoff: -1"));
        assertTrue(msg.startsWith("ff.yaml:6: pairs[0] (Li-O, buckingham): 'cutoff' must be positive"), msg);
        String msg2 = error(ISSUE_EXAMPLE.replace("alpha: 0.25, cutoff: 8.0", "alpha: 0.25, cutoff: 0"));
        assertTrue(msg2.startsWith("ff.yaml:4: coulomb (dsf): 'cutoff' must be positive"), msg2);
    }

    @Test
    @DisplayName("a missing EAM or table file is an error naming file, line and the resolved path")
    void missingFiles() throws IOException {
        String msg = error("""
                species: {Li: {mass: 6.941}}
                manybody:
                  - {style: eam/alloy, file: nowhere.eam.alloy}
                """);
        assertTrue(msg.startsWith("ff.yaml:3: manybody[0] (eam/alloy): 'file' names a file that does not exist"), msg);
        String msg2 = error("""
                species: {Li: {mass: 6.941}}
                pairs:
                  - {pair: [Li, Li], style: table, file: none.table, keyword: LL, interpolation: linear, N: 100}
                """);
        assertTrue(msg2.startsWith("ff.yaml:3: pairs[0] (Li-Li, table): 'file' names a file that does not exist"), msg2);
    }

    @Test
    @DisplayName("a species absent from the EAM file must be mapped explicitly")
    void eamSpeciesNotInFile() throws IOException {
        Files.copy(ConfFiles.forcefield("Li-test.eam.alloy"), dir.resolve("Li.eam.alloy"));
        String msg = error("""
                species: {Li: {mass: 6.941}, O: {mass: 15.999}}
                manybody:
                  - {style: eam/alloy, file: Li.eam.alloy}
                """);
        assertTrue(msg.startsWith("ff.yaml:3: manybody[0] (eam/alloy): species O is not an element of Li.eam.alloy"), msg);
    }

    @Test
    @DisplayName("unknown top-level keys, missing species and invalid YAML are errors with a line")
    void structuralErrors() throws IOException {
        assertTrue(error(ISSUE_EXAMPLE + "pair_styles: []\n").startsWith("ff.yaml:10: force field: unknown parameter 'pair_styles'"));
        assertTrue(error("coulomb: {method: none}\n").startsWith("ff.yaml:1: force field: missing section 'species'"));
        assertTrue(error("species: {Li: {mass: 6.941}\n").startsWith("ff.yaml:2: not valid YAML"));
        assertTrue(error("species: {Li: {mass: 0}}\n").startsWith("ff.yaml:1: species Li: 'mass' must be positive"));
    }

    @Test
    @DisplayName("shift on a table pair is rejected, since LAMMPS ignores pair_modify shift for tables")
    void shiftOnTableRejected() throws IOException {
        Files.copy(org.dendrite.md.potential.pair.MorseTableFile.write(100), dir.resolve("m.table"));
        String msg = error("""
                species: {A: {mass: 1}}
                pairs:
                  - {pair: [A, A], style: table, file: m.table, keyword: MORSE, interpolation: spline, N: 500, shift: true}
                """);
        assertTrue(msg.startsWith("ff.yaml:3: pairs[0] (A-A, table): 'shift' is not supported"), msg);
    }
}
