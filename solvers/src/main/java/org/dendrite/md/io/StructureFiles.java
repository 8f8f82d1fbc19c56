package org.dendrite.md.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.dendrite.md.Species;

/**
 * One entry point for structure files given on the command line ({@code --structure FILE}): the
 * format is chosen by extension ({@code .xyz}/{@code .extxyz} → extended XYZ; {@code .data},
 * {@code .lmp}, {@code .lammps} → LAMMPS data) or, for other names, by the first line (a lone
 * integer starts an extended XYZ frame). The result is typed by the force field's species,
 * validated ({@link StructureValidator}, 0.5 Å) and ready for the engine.
 */
public final class StructureFiles {
    private StructureFiles() {
    }

    /** The two formats dendrite reads. */
    public enum Format { EXTXYZ, LAMMPS_DATA }

    /** The format of {@code path} by extension, or by its first line for unknown extensions. */
    public static Format formatOf(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xyz") || n.endsWith(".extxyz")) {
            return Format.EXTXYZ;
        }
        if (n.endsWith(".data") || n.endsWith(".lmp") || n.endsWith(".lammps")) {
            return Format.LAMMPS_DATA;
        }
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.strip().matches("\\d+") ? Format.EXTXYZ : Format.LAMMPS_DATA;
        } catch (NoSuchFileException e) {
            throw InputException.inFile(path.toString(), "no such file", e);
        } catch (IOException e) {
            throw InputException.inFile(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the structure (last frame of an extended XYZ file), maps it onto {@code target} (null:
     * keep the file's own species) and validates it.
     *
     * @param typeNames species of LAMMPS data types 1, 2, … ({@code --types}); null to use the Masses
     *        comments; must be null for extended XYZ, which names species itself
     */
    public static Structure read(Path path, List<String> typeNames, Species target) {
        Structure s;
        if (formatOf(path) == Format.EXTXYZ) {
            if (typeNames != null) {
                throw InputException.inFile(path.toString(), "--types applies to LAMMPS data files; extended XYZ "
                        + "names its species in the species column");
            }
            s = ExtXyzReader.read(path, target);
        } else {
            s = LammpsDataReader.read(path, typeNames);
            if (target != null) {
                s = s.onSpecies(target);
            }
        }
        StructureValidator.validate(s);
        return s;
    }
}
