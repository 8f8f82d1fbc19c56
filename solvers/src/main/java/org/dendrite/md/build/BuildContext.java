package org.dendrite.md.build;

import java.nio.file.Path;

import org.dendrite.md.Species;

/**
 * What every builder may use besides its own config: the directory that relative file names are
 * resolved against (the config file's directory), the run seed (builders that sample derive their
 * stream from it and their config path, so a build is reproducible), the charges used for
 * neutrality, the force field's species (null when building without one) and the report.
 */
public record BuildContext(Path baseDir, long seed, Charges charges, Species species, BuildReport report) {

    /** A context with formal charges and no force field. */
    public static BuildContext standalone(Path baseDir, long seed) {
        return new BuildContext(baseDir, seed, Charges.FORMAL, null, new BuildReport());
    }

    /** A context whose charges and species are a force field's. */
    public static BuildContext forSpecies(Path baseDir, long seed, Species species) {
        return new BuildContext(baseDir, seed, Charges.of(species), species, new BuildReport());
    }

    /** Resolves a file name from the config against {@link #baseDir}. */
    public Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }

    /**
     * A seed for the sampler of one config step: the run seed mixed with the step's config path
     * (SplitMix64 finalizer over the path's hash), so two steps never share a stream and adding a
     * step elsewhere does not change this one's.
     */
    public long seedFor(String configPath) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (configPath.hashCode() + 1L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
