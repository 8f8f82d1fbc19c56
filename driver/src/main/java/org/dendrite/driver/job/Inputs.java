package org.dendrite.driver.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.driver.config.ConfigTree;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.BuildReport;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.io.InputException;
import org.dendrite.md.io.Structure;
import org.dendrite.md.io.StructureFiles;
import org.dendrite.md.Species;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;

/** Reads the inputs every command needs: a force field and a structure on its species. */
public final class Inputs {
    private Inputs() {
    }

    /** The species of a force-field file (used to type the structure before the force field is built). */
    public static Species species(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.inFile(file.toString(), "force-field file not found");
        }
        return ForceFieldLoader.species(file);
    }

    /**
     * A structure and the force field set up for it: the species come from the force field, and
     * terms that depend on the system (an Ewald sum given only an accuracy picks α from N, Σq²
     * and the box, as LAMMPS does) are set up for the final, replicated structure.
     */
    public static Loaded load(Path structureFile, List<String> types, Path forceFieldFile, int[] replicate) {
        Structure s = structure(structureFile, types, species(forceFieldFile), replicate);
        ForceField ff = ForceFieldLoader.load(forceFieldFile, s.atoms(), s.box());
        return new Loaded(s, ff);
    }

    /** A build report as JSON-ready maps: {@code built} (step → quantities) and {@code notes}. */
    public static java.util.Map<String, Object> describe(BuildReport report) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("built", report.sections());
        m.put("notes", report.notes());
        return m;
    }

    /** A structure on the species of its force field, and what building it did (empty for a plain file). */
    public record Loaded(Structure structure, ForceField forceField, BuildReport buildReport) {
        public Loaded(Structure structure, ForceField forceField) {
            this(structure, forceField, new BuildReport());
        }
    }

    /**
     * Builds the structure a config's {@code structure:} block describes with the builders of
     * {@code org.dendrite.md.build}, on the force field's species and charges, then sets up the
     * force field for it. Relative file names in the block resolve against the directory of the
     * block's origin (the config file, or the working directory for {@code --set}). A bad key
     * becomes an error at its file and line.
     */
    public static Loaded build(ConfigTree tree, long seed, Path forceFieldFile) {
        BuildContext ctx = BuildContext.forSpecies(tree.locate("structure").baseDirectory(), seed,
                species(forceFieldFile));
        Structure s;
        try {
            s = StructureBuilders.buildStructure(tree.params().child("structure"), ctx);
        } catch (ParamException e) {
            throw tree.error(e);
        }
        ForceField ff = ForceFieldLoader.load(forceFieldFile, s.atoms(), s.box());
        return new Loaded(s, ff, ctx.report());
    }

    /**
     * Reads a structure ({@link StructureFiles}: extended XYZ or LAMMPS data by extension or first
     * line) on the force field's species (charges from the force field), checks it (finite
     * coordinates, unique ids, no two atoms closer than 0.5 Å) and replicates it
     * {@code replicate[0] × replicate[1] × replicate[2]} times.
     *
     * @param types species of LAMMPS data types 1, 2, …; null to take them from the Masses comments
     */
    public static Structure structure(Path file, List<String> types, Species species, int[] replicate) {
        if (!Files.isRegularFile(file)) {
            throw InputException.inFile(file.toString(), "structure file not found");
        }
        Structure s = StructureFiles.read(file, types, species);
        if (replicate[0] * replicate[1] * replicate[2] != 1) {
            s = s.replicate(replicate[0], replicate[1], replicate[2]);
        }
        return s;
    }
}
