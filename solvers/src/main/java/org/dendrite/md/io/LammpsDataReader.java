package org.dendrite.md.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;

/**
 * Reads LAMMPS data files (LAMMPS {@code read_data} format) with atom_style {@code atomic}
 * ({@code id type x y z [ix iy iz]}) or {@code charge} ({@code id type q x y z [ix iy iz]}):
 * header counts and box ({@code xlo xhi}, …, optional {@code xy xz yz} tilt line), {@code Masses},
 * {@code Atoms} and optional {@code Velocities} (Å/ps); {@code Pair Coeffs} sections are skipped. The
 * atom style is taken, in this order, from the caller, from the {@code Atoms # style} hint, or from the
 * column count (5/8 atomic, 6/9 charge).
 *
 * <p>Data files number their atom types; species names come from the caller's list
 * ({@code --types Li,La,Zr,O}, type 1 first) or else from the comments of the Masses lines
 * ({@code 1 6.941 # Li}). Types with the same name become one species. Masses come from the Masses
 * section, or from the element table if it is absent. The box is periodic on all axes.
 */
public final class LammpsDataReader {
    private LammpsDataReader() {
    }

    /** Reads {@code path}; {@code typeNames} may be null (names from Masses comments). */
    public static Structure read(Path path, List<String> typeNames) {
        return read(path, typeNames, null);
    }

    /**
     * Reads {@code path}.
     *
     * @param typeNames species name of type 1, 2, …, or null to take them from Masses comments
     * @param atomStyle "atomic", "charge", or null to take it from the file
     */
    public static Structure read(Path path, List<String> typeNames, String atomStyle) {
        if (atomStyle != null && !atomStyle.equals("atomic") && !atomStyle.equals("charge")) {
            throw InputException.inFile(path.toString(), "atom_style '" + atomStyle + "' is not supported (atomic or charge)");
        }
        try (TextLines in = TextLines.open(path)) {
            return new Parser(in, typeNames, atomStyle).parse();
        }
    }

    private static final class Parser {
        private final TextLines in;
        private final String file;
        private final List<String> typeNames;
        private String style;

        private long natoms = -1;
        private int ntypes = -1;
        private double[] lo = new double[3];
        private double[] hi = new double[3];
        private final boolean[] haveBounds = new boolean[3];
        private double xy, xz, yz;

        private double[] typeMass;
        private String[] typeComment;
        private int massesLine = -1;
        private int[] ids, types, images;
        private double[] q, x, v;
        private boolean haveAtoms, haveVelocities;
        private Map<Integer, Integer> indexOfId;

        Parser(TextLines in, List<String> typeNames, String style) {
            this.in = in;
            this.file = in.file;
            this.typeNames = typeNames;
            this.style = style;
        }

        Structure parse() {
            if (in.next() == null) {
                throw InputException.inFile(file, "empty file (a LAMMPS data file starts with a title line)");
            }
            String line;
            String section = null;
            String sectionHint = null;
            while ((line = in.next()) != null) {
                String content = TextLines.stripComment(line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String keyword = sectionKeyword(content);
                if (keyword != null) {
                    section = keyword;
                    int h = line.indexOf('#');
                    sectionHint = h >= 0 ? line.substring(h + 1).strip() : null;
                    break;
                }
                header(content);
            }
            if (natoms < 0) {
                throw InputException.inFile(file, "header has no 'N atoms' line");
            }
            if (ntypes < 0) {
                throw InputException.inFile(file, "header has no 'N atom types' line");
            }
            for (int d = 0; d < 3; d++) {
                if (!haveBounds[d]) {
                    throw InputException.inFile(file, "header has no '" + "xyz".charAt(d) + "lo " + "xyz".charAt(d) + "hi' line");
                }
            }
            while (section != null) {
                int headerLine = in.lineNumber();
                switch (section) {
                    case "Masses" -> masses();
                    case "Atoms" -> atoms(sectionHint, headerLine);
                    case "Velocities" -> velocities(headerLine);
                    case "Pair Coeffs" -> skip(ntypes, section);
                    case "PairIJ Coeffs" -> skip(ntypes * (ntypes + 1) / 2, section);
                    default -> throw InputException.atLine(file, headerLine, "section '" + section
                            + "' is not supported (atom_style atomic or charge: Masses, Atoms, Velocities)");
                }
                section = null;
                while ((line = in.next()) != null) {
                    String content = TextLines.stripComment(line).strip();
                    if (content.isEmpty()) {
                        continue;
                    }
                    section = sectionKeyword(content);
                    if (section == null) {
                        throw in.error("expected a section name (Masses, Atoms, Velocities), found '" + content
                                + "' (too many lines in the previous section?)");
                    }
                    int h = line.indexOf('#');
                    sectionHint = h >= 0 ? line.substring(h + 1).strip() : null;
                    break;
                }
            }
            if (!haveAtoms) {
                throw InputException.inFile(file, "no Atoms section");
            }
            return build();
        }

        private static String sectionKeyword(String content) {
            for (String k : new String[] {"Masses", "Atoms", "Velocities", "Pair Coeffs", "PairIJ Coeffs",
                    "Bonds", "Angles", "Dihedrals", "Impropers", "Bond Coeffs", "Angle Coeffs",
                    "Dihedral Coeffs", "Improper Coeffs", "Ellipsoids", "Lines", "Triangles", "Bodies"}) {
                if (content.equals(k)) {
                    return k;
                }
            }
            return null;
        }

        private void header(String content) {
            String[] t = TextLines.fields(content);
            int ln = in.lineNumber();
            String tail = t.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(t, 1, t.length)) : "";
            if (t.length == 2 && t[1].equals("atoms")) {
                natoms = TextLines.parseLong(t[0], file, ln, "number of atoms");
                if (natoms < 1 || natoms > Integer.MAX_VALUE / 3) {
                    throw in.error("number of atoms must be between 1 and " + Integer.MAX_VALUE / 3 + ", got " + natoms);
                }
            } else if (t.length == 3 && t[1].equals("atom") && t[2].equals("types")) {
                long nt = TextLines.parseLong(t[0], file, ln, "number of atom types");
                if (nt < 1 || nt > 10000) {
                    throw in.error("number of atom types must be between 1 and 10000, got " + nt);
                }
                ntypes = (int) nt;
            } else if (t.length == 4 && t[3].length() == 3 && t[2].length() == 3 && t[2].endsWith("lo")
                    && t[3].endsWith("hi") && t[2].charAt(0) == t[3].charAt(0) && "xyz".indexOf(t[2].charAt(0)) >= 0) {
                int d = "xyz".indexOf(t[2].charAt(0));
                lo[d] = TextLines.parseFinite(t[0], file, ln, t[2]);
                hi[d] = TextLines.parseFinite(t[1], file, ln, t[3]);
                if (!(hi[d] > lo[d])) {
                    throw in.error(t[3] + " must be larger than " + t[2] + ", got " + t[0] + " " + t[1]);
                }
                haveBounds[d] = true;
            } else if (t.length == 6 && t[3].equals("xy") && t[4].equals("xz") && t[5].equals("yz")) {
                xy = TextLines.parseFinite(t[0], file, ln, "xy");
                xz = TextLines.parseFinite(t[1], file, ln, "xz");
                yz = TextLines.parseFinite(t[2], file, ln, "yz");
            } else if (t.length >= 2 && (tail.equals("bonds") || tail.equals("angles") || tail.equals("dihedrals")
                    || tail.equals("impropers") || tail.equals("ellipsoids") || tail.equals("lines")
                    || tail.equals("triangles") || tail.equals("bodies"))) {
                if (TextLines.parseLong(t[0], file, ln, tail) != 0) {
                    throw in.error("molecular topology (" + tail + ") is not supported (atom_style atomic or charge)");
                }
            } else if (t.length >= 3 && (tail.endsWith("types") || tail.startsWith("extra"))) {
                TextLines.parseLong(t[0], file, ln, tail);
            } else {
                throw in.error("unrecognized header line '" + content + "'");
            }
        }

        /** Next line of a section of {@code total} lines, of which {@code done} were read. */
        private String sectionLine(String section, int done, long total) {
            String line;
            do {
                line = in.next();
                if (line == null) {
                    throw InputException.atLine(file, in.lineNumber(), section + " section ends after " + done
                            + " of " + total + " lines (end of file)");
                }
            } while (done == 0 && line.isBlank());
            String content = TextLines.stripComment(line).strip();
            if (content.isEmpty()) {
                throw in.error(section + " section ends after " + done + " of " + total + " lines");
            }
            return line;
        }

        private void masses() {
            if (massesLine > 0) {
                throw in.error("second Masses section");
            }
            massesLine = in.lineNumber();
            typeMass = new double[ntypes];
            typeComment = new String[ntypes];
            boolean[] seen = new boolean[ntypes];
            for (int k = 0; k < ntypes; k++) {
                String line = sectionLine("Masses", k, ntypes);
                int ln = in.lineNumber();
                String[] t = TextLines.fields(TextLines.stripComment(line));
                if (t.length != 2) {
                    throw in.error("Masses line must be 'type mass [# name]', found " + t.length + " columns");
                }
                int ty = type(t[0], ln);
                if (seen[ty - 1]) {
                    throw in.error("Masses: type " + ty + " appears twice");
                }
                seen[ty - 1] = true;
                double m = TextLines.parseFinite(t[1], file, ln, "mass");
                if (!(m > 0)) {
                    throw in.error("Masses: mass of type " + ty + " must be positive, got " + t[1]);
                }
                typeMass[ty - 1] = m;
                int h = line.indexOf('#');
                if (h >= 0) {
                    String[] c = TextLines.fields(line.substring(h + 1));
                    typeComment[ty - 1] = c.length > 0 ? c[0] : null;
                }
            }
        }

        private int type(String token, int ln) {
            long ty = TextLines.parseLong(token, file, ln, "atom type");
            if (ty < 1 || ty > ntypes) {
                throw InputException.atLine(file, ln, "atom type " + ty + " is outside 1.." + ntypes
                        + " (the header declares " + ntypes + " atom types)");
            }
            return (int) ty;
        }

        private void atoms(String hint, int headerLine) {
            if (haveAtoms) {
                throw in.error("second Atoms section");
            }
            if (hint != null && !hint.isEmpty()) {
                String h = TextLines.fields(hint)[0].toLowerCase(Locale.ROOT);
                if (!h.equals("atomic") && !h.equals("charge")) {
                    throw InputException.atLine(file, headerLine, "atom_style '" + h
                            + "' is not supported (atomic or charge)");
                }
                if (style != null && !style.equals(h)) {
                    throw InputException.atLine(file, headerLine, "Atoms section is marked '# " + h
                            + "' but atom_style " + style + " was requested");
                }
                style = h;
            }
            int n = (int) natoms;
            ids = new int[n];
            types = new int[n];
            images = new int[3 * n];
            q = new double[n];
            x = new double[3 * n];
            indexOfId = new HashMap<>(2 * n);
            for (int i = 0; i < n; i++) {
                String line = sectionLine("Atoms", i, n);
                int ln = in.lineNumber();
                String[] t = TextLines.fields(TextLines.stripComment(line));
                if (style == null) {
                    style = switch (t.length) {
                        case 5, 8 -> "atomic";
                        case 6, 9 -> "charge";
                        default -> throw in.error("Atoms line has " + t.length + " columns; expected 5 or 8 "
                                + "(atomic: id type x y z [ix iy iz]) or 6 or 9 (charge: id type q x y z [ix iy iz])");
                    };
                }
                boolean charge = style.equals("charge");
                int base = charge ? 6 : 5;
                if (t.length != base && t.length != base + 3) {
                    throw in.error("Atoms line has " + t.length + " columns; atom_style " + style + " needs "
                            + base + " or " + (base + 3) + " (" + (charge ? "id type q x y z [ix iy iz]" : "id type x y z [ix iy iz]") + ")");
                }
                long id = TextLines.parseLong(t[0], file, ln, "atom id");
                if (id < 1 || id > Integer.MAX_VALUE) {
                    throw in.error("atom id must be a positive 32-bit integer, got " + id);
                }
                if (indexOfId.put((int) id, i) != null) {
                    throw in.error("atom id " + id + " appears twice");
                }
                ids[i] = (int) id;
                types[i] = type(t[1], ln) - 1;
                int c = 2;
                if (charge) {
                    q[i] = TextLines.parseFinite(t[c++], file, ln, "charge");
                }
                for (int d = 0; d < 3; d++) {
                    x[3 * i + d] = TextLines.parseFinite(t[c++], file, ln, "coordinate");
                }
                if (t.length == base + 3) {
                    for (int d = 0; d < 3; d++) {
                        long im = TextLines.parseLong(t[c++], file, ln, "image flag");
                        if (Math.abs(im) > 1 << 20) {
                            throw in.error("image flag " + im + " is out of range");
                        }
                        images[3 * i + d] = (int) im;
                    }
                }
            }
            haveAtoms = true;
        }

        private void velocities(int headerLine) {
            if (!haveAtoms) {
                throw InputException.atLine(file, headerLine, "Velocities section before the Atoms section");
            }
            if (haveVelocities) {
                throw in.error("second Velocities section");
            }
            int n = (int) natoms;
            v = new double[3 * n];
            boolean[] seen = new boolean[n];
            for (int k = 0; k < n; k++) {
                String line = sectionLine("Velocities", k, n);
                int ln = in.lineNumber();
                String[] t = TextLines.fields(TextLines.stripComment(line));
                if (t.length != 4) {
                    throw in.error("Velocities line must be 'id vx vy vz', found " + t.length + " columns");
                }
                long id = TextLines.parseLong(t[0], file, ln, "atom id");
                Integer i = id >= 1 && id <= Integer.MAX_VALUE ? indexOfId.get((int) id) : null;
                if (i == null) {
                    throw in.error("Velocities: atom id " + id + " is not in the Atoms section");
                }
                if (seen[i]) {
                    throw in.error("Velocities: atom id " + id + " appears twice");
                }
                seen[i] = true;
                for (int d = 0; d < 3; d++) {
                    v[3 * i + d] = TextLines.parseFinite(t[1 + d], file, ln, "velocity");
                }
            }
            haveVelocities = true;
        }

        private void skip(int count, String section) {
            for (int k = 0; k < count; k++) {
                sectionLine(section, k, count);
            }
        }

        private Structure build() {
            String[] names = new String[ntypes];
            if (typeNames != null) {
                if (typeNames.size() != ntypes) {
                    throw InputException.inFile(file, "--types gives " + typeNames.size() + " names ("
                            + String.join(",", typeNames) + ") but the file has " + ntypes + " atom types");
                }
                for (int k = 0; k < ntypes; k++) {
                    names[k] = typeNames.get(k).strip();
                    if (names[k].isEmpty()) {
                        throw InputException.inFile(file, "--types: name of type " + (k + 1) + " is empty");
                    }
                }
            } else {
                for (int k = 0; k < ntypes; k++) {
                    if (typeComment == null || typeComment[k] == null) {
                        throw InputException.inFile(file, "atom type " + (k + 1) + " has no species name: give "
                                + "--types (e.g. --types Li,La,Zr,O) or name it in the Masses section ('"
                                + (k + 1) + " 6.941 # Li')");
                    }
                    names[k] = typeComment[k];
                }
            }
            List<String> speciesNames = new ArrayList<>();
            List<Double> speciesMass = new ArrayList<>();
            int[] speciesOfType = new int[ntypes];
            for (int k = 0; k < ntypes; k++) {
                double m = typeMass != null ? typeMass[k] : massOfElement(names[k]);
                int s = speciesNames.indexOf(names[k]);
                if (s < 0) {
                    speciesNames.add(names[k]);
                    speciesMass.add(m);
                    s = speciesNames.size() - 1;
                } else if (speciesMass.get(s) != m) {
                    throw InputException.atLine(file, massesLine, "types named '" + names[k]
                            + "' have different masses (" + speciesMass.get(s) + " and " + m + ")");
                }
                speciesOfType[k] = s;
            }
            double[] mass = new double[speciesNames.size()];
            for (int s = 0; s < mass.length; s++) {
                mass[s] = speciesMass.get(s);
            }
            Species species = new Species(speciesNames, mass, new double[mass.length]);
            int n = (int) natoms;
            Atoms atoms = new Atoms(species, n);
            System.arraycopy(x, 0, atoms.x, 0, 3 * n);
            System.arraycopy(images, 0, atoms.image, 0, 3 * n);
            System.arraycopy(q, 0, atoms.q, 0, n);
            System.arraycopy(ids, 0, atoms.id, 0, n);
            if (v != null) {
                System.arraycopy(v, 0, atoms.v, 0, 3 * n);
            }
            for (int i = 0; i < n; i++) {
                atoms.type[i] = speciesOfType[types[i]];
            }
            Box box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], xy, xz, yz);
            return new Structure(atoms, box, Map.of(), FrameRotation.IDENTITY, file, haveVelocities);
        }

        private double massOfElement(String name) {
            String element = Elements.elementOf(name);
            if (element == null) {
                throw InputException.inFile(file, "no Masses section and species '" + name
                        + "' is not an element symbol, so its mass is unknown");
            }
            return Elements.mass(element);
        }
    }
}
