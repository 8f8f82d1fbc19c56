package org.dendrite.md.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;

/**
 * Writes a LAMMPS data file (read by LAMMPS {@code read_data}, by {@link LammpsDataReader}, by ASE
 * and OVITO) with atom_style {@code charge} or {@code atomic}: one atom type per species (type =
 * species index + 1), {@code Masses} lines carrying the species name as a comment
 * ({@code 1 6.941 # Li}) so that the file reads back without {@code --types}, {@code Atoms} with
 * image flags, and {@code Velocities} on request. Positions are in the LAMMPS frame of the box.
 * Numbers are written with the shortest text that reads back to the same double.
 */
public final class LammpsDataWriter {
    private LammpsDataWriter() {
    }

    /**
     * Writes {@code s} to {@code path} through a temporary file renamed on success.
     *
     * @param atomStyle "charge" (writes {@link Atoms#q}) or "atomic"
     * @param velocities whether to write a Velocities section
     */
    public static void write(Path path, Structure s, String atomStyle, boolean velocities) throws IOException {
        if (!atomStyle.equals("charge") && !atomStyle.equals("atomic")) {
            throw new IllegalArgumentException("atom_style must be charge or atomic, got " + atomStyle);
        }
        Path abs = path.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(w, s, atomStyle, velocities);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void write(Appendable w, Structure s, String atomStyle, boolean velocities) throws IOException {
        Atoms a = s.atoms();
        Box b = s.box();
        Species sp = a.species;
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("LAMMPS data file (atom_style ").append(atomStyle).append(", units metal) written by dendrite");
        String title = s.info().get("title");
        if (title != null) {
            sb.append(": ").append(title.replace('\n', ' '));
        }
        sb.append("\n\n");
        sb.append(a.nlocal).append(" atoms\n");
        sb.append(sp.count()).append(" atom types\n\n");
        sb.append(b.xlo()).append(' ').append(b.xhi()).append(" xlo xhi\n");
        sb.append(b.ylo()).append(' ').append(b.yhi()).append(" ylo yhi\n");
        sb.append(b.zlo()).append(' ').append(b.zhi()).append(" zlo zhi\n");
        if (b.isTriclinic()) {
            sb.append(b.xy()).append(' ').append(b.xz()).append(' ').append(b.yz()).append(" xy xz yz\n");
        }
        sb.append("\nMasses\n\n");
        for (int t = 0; t < sp.count(); t++) {
            sb.append(t + 1).append(' ').append(sp.mass(t)).append(" # ").append(sp.name(t)).append('\n');
        }
        sb.append("\nAtoms # ").append(atomStyle).append("\n\n");
        boolean charge = atomStyle.equals("charge");
        for (int i = 0; i < a.nlocal; i++) {
            sb.append(a.id[i]).append(' ').append(a.type[i] + 1);
            if (charge) {
                sb.append(' ').append(a.q[i]);
            }
            sb.append(' ').append(a.x[3 * i]).append(' ').append(a.x[3 * i + 1]).append(' ').append(a.x[3 * i + 2])
                    .append(' ').append(a.image[3 * i]).append(' ').append(a.image[3 * i + 1])
                    .append(' ').append(a.image[3 * i + 2]).append('\n');
            if (sb.length() > (1 << 16) - 256) {
                w.append(sb);
                sb.setLength(0);
            }
        }
        if (velocities) {
            sb.append("\nVelocities\n\n");
            for (int i = 0; i < a.nlocal; i++) {
                sb.append(a.id[i]).append(' ').append(a.v[3 * i]).append(' ').append(a.v[3 * i + 1])
                        .append(' ').append(a.v[3 * i + 2]).append('\n');
                if (sb.length() > (1 << 16) - 256) {
                    w.append(sb);
                    sb.setLength(0);
                }
            }
        }
        w.append(sb);
    }
}
