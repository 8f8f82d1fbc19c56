package org.dendrite.md.potential.pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A LAMMPS pair table of a shifted Morse potential for tests. */
public final class MorseTableFile {
    private MorseTableFile() {
    }

    public static final double D = 0.4;
    public static final double A = 1.3;
    public static final double R0 = 3.0;
    public static final double RC = 7.0;

    /** V(r) = D[e^{−2a(r−r0)} − 2e^{−a(r−r0)}] − V(rc). */
    public static double energy(double r) {
        double e = Math.exp(-A * (r - R0));
        double ec = Math.exp(-A * (RC - R0));
        return D * (e * e - 2 * e) - D * (ec * ec - 2 * ec);
    }

    /** −V'(r). */
    public static double force(double r) {
        double e = Math.exp(-A * (r - R0));
        return 2 * A * D * (e * e - e);
    }

    /** Section MORSE: {@code points} values evenly spaced in r from 1.5 Å to 7 Å, r given explicitly. */
    public static Path write(int points) {
        try {
            Path p = Files.createTempFile("morse", ".table");
            p.toFile().deleteOnExit();
            StringBuilder sb = new StringBuilder("# Morse test table\n\nOTHER\nN 3 R 1.0 2.0\n\n1 1.0 3.0 0.0\n2 1.5 2.0 0.0\n3 2.0 1.0 0.0\n\n");
            sb.append("MORSE\nN ").append(points).append("\n\n");
            for (int i = 0; i < points; i++) {
                double r = 1.5 + (RC - 1.5) * i / (points - 1.0);
                sb.append(i + 1).append(' ').append(r).append(' ').append(energy(r)).append(' ').append(force(r)).append('\n');
            }
            Files.writeString(p, sb.toString());
            return p;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
