package org.dendrite.md.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;

/**
 * Writes extended XYZ frames that ASE ({@code ase.io.read}) and OVITO read:
 * {@code Lattice="…" Properties=species:S:1:pos:R:3[:velo:R:3][:forces:R:3][:type_name:S:1] <info> energy=E
 * virial="W_xx W_xy … W_zz" pbc="T T T"}. Units: Å, Å/ps, eV/Å; {@code energy} in eV and
 * {@code virial} W_ab = Σ r_a f_b (periodic images included) in eV, row-major.
 *
 * <p>Everything is written in the frame of the structure's file: positions, lattice, velocities,
 * forces and virial are rotated back with {@link FrameRotation} (Rᵀ v, Rᵀ W R). Numbers are written
 * with the shortest text that reads back to the same double, so a write/read round trip is exact.
 * Frames are appended one after another (a trajectory); {@link #writeFile} writes one frame to a
 * temporary name and renames it, so no half-written file carries the requested name.
 */
public final class ExtXyzWriter implements Closeable {
    /** Info keys the writer produces itself; copies in a structure's info map are not repeated. */
    private static final Set<String> OWN_KEYS = Set.of("Lattice", "Properties", "pbc", "Origin", "energy", "virial");

    private final Writer out;
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final double[] tmp = new double[3];

    public ExtXyzWriter(Writer out) {
        this.out = out;
    }

    /** Opens {@code path} for writing frames; with {@code append} frames go after existing ones. */
    public static ExtXyzWriter open(Path path, boolean append) throws IOException {
        BufferedWriter w = append
                ? Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        return new ExtXyzWriter(w);
    }

    /**
     * Writes one frame.
     *
     * @param atoms local atoms (LAMMPS frame)
     * @param box the box (LAMMPS frame)
     * @param rotation rotation from the user frame into the LAMMPS frame (use the structure's)
     * @param info further key/value pairs (written after Properties; may be empty)
     * @param energyEv energy in eV, or NaN to omit
     * @param virialEv virial W_ab (eV, row-major 3×3, LAMMPS frame), or null to omit
     * @param velocities whether to write a {@code velo:R:3} column
     * @param forces whether to write a {@code forces:R:3} column from {@link Atoms#f}
     */
    public void writeFrame(Atoms atoms, Box box, FrameRotation rotation, Map<String, String> info,
                           double energyEv, double[] virialEv, boolean velocities, boolean forces) throws IOException {
        int n = atoms.nlocal;
        sb.setLength(0);
        sb.append(n).append('\n');
        double[] lattice = LammpsFrame.latticeRows(box, rotation);
        sb.append("Lattice=\"");
        appendNumbers(lattice);
        sb.append("\" Properties=species:S:1:pos:R:3");
        if (velocities) {
            sb.append(":velo:R:3");
        }
        if (forces) {
            sb.append(":forces:R:3");
        }
        boolean labels = hasNonElementSpecies(atoms);
        if (labels) {
            sb.append(":type_name:S:1");
        }
        for (Map.Entry<String, String> e : info.entrySet()) {
            if (!OWN_KEYS.contains(e.getKey())) {
                sb.append(' ').append(quoteIfNeeded(e.getKey())).append('=').append(quoteIfNeeded(e.getValue()));
            }
        }
        if (!Double.isNaN(energyEv)) {
            sb.append(" energy=").append(energyEv);
        }
        if (virialEv != null) {
            sb.append(" virial=\"");
            appendNumbers(rotation.tensorToUser(virialEv));
            sb.append('"');
        }
        double[] lo = {box.xlo(), box.ylo(), box.zlo()};
        if (lo[0] != 0 || lo[1] != 0 || lo[2] != 0) {
            rotation.toUser(lo, 0, lo, 0);
            sb.append(" Origin=\"");
            appendNumbers(lo);
            sb.append('"');
        }
        sb.append(" pbc=\"").append(flag(box.periodic(0))).append(' ').append(flag(box.periodic(1)))
                .append(' ').append(flag(box.periodic(2))).append("\"\n");
        for (int i = 0; i < n; i++) {
            String name = atoms.species.name(atoms.type[i]);
            sb.append(labels ? elementColumn(name) : name);
            appendVector(atoms.x, i, rotation);
            if (velocities) {
                appendVector(atoms.v, i, rotation);
            }
            if (forces) {
                appendVector(atoms.f, i, rotation);
            }
            if (labels) {
                sb.append(' ').append(name);
            }
            sb.append('\n');
            if (sb.length() > (1 << 16) - 256) {
                out.append(sb);
                sb.setLength(0);
            }
        }
        out.append(sb);
        out.flush();
    }

    /** Writes a structure as it is (its info, velocities if it has them, no energy). */
    public void write(Structure s) throws IOException {
        writeFrame(s.atoms(), s.box(), s.rotation(), s.info(), Double.NaN, null, s.hasVelocities(), false);
    }

    /**
     * Writes one frame to {@code path} through a temporary file in the same directory that is renamed
     * on success. energy/virial/forces as in {@link #writeFrame}.
     */
    public static void writeFile(Path path, Structure s, double energyEv, double[] virialEv, boolean forces)
            throws IOException {
        Path abs = path.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (ExtXyzWriter w = open(tmp, false)) {
            w.writeFrame(s.atoms(), s.box(), s.rotation(), s.info(), energyEv, virialEv, s.hasVelocities(), forces);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Whether a species name is not an element symbol (e.g. {@code Lim} for metallic Li): ASE and
     * OVITO take the species column as chemical symbols, so such frames write the element there and
     * the species name in an extra {@code type_name} column, which {@link ExtXyzReader} prefers.
     */
    private static boolean hasNonElementSpecies(Atoms atoms) {
        for (String name : atoms.species.names()) {
            if (Double.isNaN(Elements.mass(name))) {
                return true;
            }
        }
        return false;
    }

    private static String elementColumn(String name) {
        String element = Elements.elementOf(name);
        return element == null ? name : element;
    }

    private void appendVector(double[] v, int i, FrameRotation rotation) {
        rotation.toUser(v, 3 * i, tmp, 0);
        sb.append(' ').append(tmp[0]).append(' ').append(tmp[1]).append(' ').append(tmp[2]);
    }

    private void appendNumbers(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(values[k]);
        }
    }

    private static char flag(boolean b) {
        return b ? 'T' : 'F';
    }

    static String quoteIfNeeded(String s) {
        boolean needs = s.isEmpty();
        for (int k = 0; k < s.length() && !needs; k++) {
            char c = s.charAt(k);
            needs = Character.isWhitespace(c) || c == '"' || c == '=' || c == '\\';
        }
        if (!needs) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                q.append('\\');
            }
            q.append(c == '\n' ? ' ' : c);
        }
        return q.append('"').toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
