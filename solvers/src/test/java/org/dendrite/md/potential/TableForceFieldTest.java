package org.dendrite.md.potential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.potential.pair.PairTableFile;
import org.dendrite.md.potential.pair.TablePair;
import org.junit.jupiter.api.DisplayName;

/**
 * A spline table of a smooth potential: forces are interpolated separately from energies (as in
 * LAMMPS), so −∇E matches the forces only to the table's interpolation accuracy; a fine table
 * (N = 5000) keeps that below 1e-6 relative.
 */
@DisplayName("pair_style table spline satisfies the force-field contract to interpolation accuracy")
class TableForceFieldTest extends ForceFieldContract {
    private static final Species SPECIES = new Species(List.of("A"), new double[] {40}, new double[] {0});
    private static final ForceField FF = ForceField.builder(SPECIES)
            .pair(0, 0, new TablePair(PairTableFile.read(writeTable(), "MORSE"), TablePair.Mode.SPLINE, 5000, Double.NaN), false)
            .build();

    /** Writes V(r) = D[e^{−2a(r−r0)} − 2e^{−a(r−r0)}] − V(rc) on 2000 points in r from 1.5 to 7 Å. */
    static Path writeTable() {
        try {
            Path p = Files.createTempFile("morse", ".table");
            StringBuilder sb = new StringBuilder("# Morse test table\n\nMORSE\nN 2000\n\n");
            double d = 0.4, a = 1.3, r0 = 3.0, rc = 7.0;
            double vc = d * (Math.exp(-2 * a * (rc - r0)) - 2 * Math.exp(-a * (rc - r0)));
            for (int i = 0; i < 2000; i++) {
                double r = 1.5 + (rc - 1.5) * i / 1999.0;
                double e = Math.exp(-a * (r - r0));
                sb.append(i + 1).append(' ').append(r).append(' ').append(d * (e * e - 2 * e) - vc)
                        .append(' ').append(2 * a * d * (e * e - e)).append('\n');
            }
            Files.writeString(p, sb.toString());
            return p;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected ForceField forceField() {
        return FF;
    }

    @Override
    protected double forceTolerance() {
        return 2e-6;
    }

    @Override
    protected double virialTolerance() {
        return 2e-6;
    }

    @Override
    protected double boxEdge() {
        return 9.0;
    }

    @Override
    protected Atoms configuration(Box box, long seed) {
        return TestCells.random(SPECIES, new int[] {20}, box, 2.2, seed);
    }
}
