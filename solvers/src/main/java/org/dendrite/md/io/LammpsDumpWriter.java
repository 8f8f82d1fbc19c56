package org.dendrite.md.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;

/**
 * Writes LAMMPS text dumps of {@code dump custom} style with columns
 * {@code id type element x y z [vx vy vz] [fx fy fz]} (Å, Å/ps, eV/Å; LAMMPS frame), readable by
 * OVITO, ASE and LAMMPS {@code read_dump}. The box header is what LAMMPS' dump custom writes
 * ({@code dump} doc page, "triclinic"): {@code ITEM: BOX BOUNDS pp pp pp} with "lo hi" lines, or
 * for a triclinic box {@code ITEM: BOX BOUNDS xy xz yz pp pp pp} with the bounding-box extents
 * xlo_bound = xlo + min(0, xy, xz, xy + xz), xhi_bound = xhi + max(0, xy, xz, xy + xz),
 * ylo_bound = ylo + min(0, yz), yhi_bound = yhi + max(0, yz) followed by the tilt, all in
 * LAMMPS' {@code %-1.16e} format (checked digit for digit against dumps written by {@code lmp}). Atom values are written with the shortest exact text.
 * Non-periodic axes are written as fixed ({@code ff}).
 */
public final class LammpsDumpWriter implements Closeable {
    private final Writer out;
    private final boolean velocities;
    private final boolean forces;
    private final StringBuilder sb = new StringBuilder(1 << 16);

    public LammpsDumpWriter(Writer out, boolean velocities, boolean forces) {
        this.out = out;
        this.velocities = velocities;
        this.forces = forces;
    }

    public static LammpsDumpWriter open(Path path, boolean append, boolean velocities, boolean forces)
            throws IOException {
        BufferedWriter w = append
                ? Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        return new LammpsDumpWriter(w, velocities, forces);
    }

    /** Writes the local atoms at {@code step}. */
    public void writeFrame(long step, Atoms atoms, Box box) throws IOException {
        sb.setLength(0);
        sb.append("ITEM: TIMESTEP\n").append(step).append('\n');
        sb.append("ITEM: NUMBER OF ATOMS\n").append(atoms.nlocal).append('\n');
        String bc = bc(box, 0) + " " + bc(box, 1) + " " + bc(box, 2);
        if (box.isTriclinic()) {
            double xy = box.xy(), xz = box.xz(), yz = box.yz();
            // The operation order of LAMMPS Domain::set_global_box, so the digits agree exactly.
            double xlob = Math.min(box.xlo(), box.xlo() + xy);
            xlob = Math.min(xlob, xlob + xz);
            double xhib = Math.max(box.xhi(), box.xhi() + xy);
            xhib = Math.max(xhib, xhib + xz);
            double ylob = Math.min(box.ylo(), box.ylo() + yz);
            double yhib = Math.max(box.yhi(), box.yhi() + yz);
            sb.append("ITEM: BOX BOUNDS xy xz yz ").append(bc).append('\n');
            sb.append(e16(xlob)).append(' ').append(e16(xhib)).append(' ').append(e16(xy)).append('\n');
            sb.append(e16(ylob)).append(' ').append(e16(yhib)).append(' ').append(e16(xz)).append('\n');
            sb.append(e16(box.zlo())).append(' ').append(e16(box.zhi())).append(' ').append(e16(yz)).append('\n');
        } else {
            sb.append("ITEM: BOX BOUNDS ").append(bc).append('\n');
            sb.append(e16(box.xlo())).append(' ').append(e16(box.xhi())).append('\n');
            sb.append(e16(box.ylo())).append(' ').append(e16(box.yhi())).append('\n');
            sb.append(e16(box.zlo())).append(' ').append(e16(box.zhi())).append('\n');
        }
        sb.append("ITEM: ATOMS id type element x y z");
        if (velocities) {
            sb.append(" vx vy vz");
        }
        if (forces) {
            sb.append(" fx fy fz");
        }
        sb.append('\n');
        for (int i = 0; i < atoms.nlocal; i++) {
            sb.append(atoms.id[i]).append(' ').append(atoms.type[i] + 1).append(' ')
                    .append(atoms.species.name(atoms.type[i]));
            append3(atoms.x, i);
            if (velocities) {
                append3(atoms.v, i);
            }
            if (forces) {
                append3(atoms.f, i);
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

    private void append3(double[] a, int i) {
        sb.append(' ').append(a[3 * i]).append(' ').append(a[3 * i + 1]).append(' ').append(a[3 * i + 2]);
    }

    private static String bc(Box box, int axis) {
        return box.periodic(axis) ? "pp" : "ff";
    }

    /**
     * C's {@code %-1.16e}, which LAMMPS uses for box bounds. Java's %e rounds the shortest decimal
     * representation instead of the exact binary value, so the 17 significant digits are taken from
     * the exact value (as glibc does, ties to even).
     */
    static String e16(double v) {
        if (v == 0) {
            return (1 / v < 0 ? "-" : "") + "0.0000000000000000e+00";
        }
        BigDecimal r = new BigDecimal(v).round(new MathContext(17, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        String digits = r.setScale(16 - exponent).unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0)).append('.').append(digits, 1, 17);
        sb.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
