package org.dendrite.md.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureFiles;

/**
 * {@code {type: file, file: NAME, types: [..]}}: any structure from an extended XYZ or LAMMPS data
 * file (format by extension or first line); {@code types} names the species of LAMMPS data types
 * 1, 2, … when the Masses section has no comments. Atoms keep their file order.
 */
final class FileBuilder implements StructureBuilder {
    @Override
    public AtomicModel build(Params p, BuildContext ctx) {
        String name = p.requireString("file");
        List<String> types = p.getStrings("types");
        p.finish();
        Path file = ctx.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ParamException(p.pathOf("file"), "structure file not found: " + file);
        }
        if (types != null && StructureFiles.formatOf(file) == StructureFiles.Format.EXTXYZ) {
            throw new ParamException(p.pathOf("types"), "applies to LAMMPS data files; extended XYZ names its species itself");
        }
        Structure s = StructureFiles.read(file, types, null);
        ctx.report().put(p.path(), "file", file.toString());
        return AtomicModel.of(s);
    }
}
