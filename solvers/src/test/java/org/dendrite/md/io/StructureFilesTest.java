package org.dendrite.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.md.Species;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFilesTest {
    @TempDir
    Path dir;

    private static final Species FF = new Species(List.of("Li", "La", "Zr", "O"),
            new double[] {6.941, 138.90547, 91.224, 15.999}, new double[] {0.6, 1.8, 2.4, -1.2});

    @Test
    @DisplayName("the format is chosen by extension or, for other names, by the first line; both read onto the force field")
    void detectsFormat() throws IOException {
        Path xyz = dir.resolve("cell.txt");
        Files.writeString(xyz, "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nO 0 0 0\nLi 2 2 2\n");
        assertEquals(StructureFiles.Format.EXTXYZ, StructureFiles.formatOf(xyz));
        Structure s = StructureFiles.read(xyz, null, FF);
        assertEquals(3, s.atoms().type[0]);
        assertEquals(0.6, s.atoms().q[1]);
        Path data = dir.resolve("cell.lmp");
        LammpsDataWriter.write(data, s, "charge", false);
        assertEquals(StructureFiles.Format.LAMMPS_DATA, StructureFiles.formatOf(data));
        Structure d = StructureFiles.read(data, null, FF);
        assertEquals(3, d.atoms().type[0]);
        assertEquals(2.0, d.atoms().x[5]);
    }

    @Test
    @DisplayName("--types with an extended XYZ file and atoms closer than 0.5 Å are one-line errors naming the file")
    void errors() throws IOException {
        Path xyz = dir.resolve("close.extxyz");
        Files.writeString(xyz, "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nO 0 0 0\nLi 0.2 0 0\n");
        InputException t = assertThrows(InputException.class, () -> StructureFiles.read(xyz, List.of("O", "Li"), FF));
        assertTrue(t.getMessage().startsWith(xyz + ": --types applies to LAMMPS data files"), t.getMessage());
        InputException c = assertThrows(InputException.class, () -> StructureFiles.read(xyz, null, FF));
        assertTrue(c.getMessage().startsWith(xyz + ": atom 1: 0.2000 Å from atom 2"), c.getMessage());
    }
}
