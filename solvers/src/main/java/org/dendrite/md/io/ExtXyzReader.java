package org.dendrite.md.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;

/**
 * Reads extended XYZ as ASE and OVITO write it: a line with the atom count, a comment line of
 * {@code key=value} pairs, then one line per atom whose columns the {@code Properties} key declares
 * ({@code name:type:count} triples, type S, R, I or L).
 *
 * <p>Used keys: {@code Lattice="ax ay az bx by bz cx cy cz"} (edge vectors as rows, Å; required),
 * {@code pbc="T T T"} (default T T T), {@code Origin="x y z"} (OVITO; default 0), and
 * {@code Properties} (default {@code species:S:1:pos:R:3}). Used columns: {@code species} (or
 * {@code Z}), {@code pos} (Å), optional {@code velo} (Å/ps, LAMMPS metal units), {@code forces}
 * (eV/Å), {@code id}, and {@code type_name} (a species name that is not an element symbol, such
 * as {@code Lim}; it takes precedence over {@code species}, which then holds the element, as our
 * writer does); other columns are skipped. Every other key/value pair is kept in
 * {@link Structure#info()}. Values may be bare, double-quoted (with {@code \"} escapes) or
 * bracketed; a key without value means T, as in ASE.
 *
 * <p>A lattice in a general orientation is rotated into the LAMMPS frame (a along x, b in the xy
 * plane); positions, velocities and forces are rotated with it and the rotation is kept in the
 * structure so that writers return to the user's frame. Species get types in order of first
 * appearance and their element's standard mass ({@link Elements}).
 */
public final class ExtXyzReader {
    private ExtXyzReader() {
    }

    /** The last frame of the file (as ASE's {@code read} does). */
    public static Structure read(Path path) {
        return read(path, null);
    }

    /**
     * The last frame, its atoms typed by {@code target} (a force field's species): types are
     * target indices, charges and masses the target's, and a species the target lacks is an error
     * naming the line. With a null target, as {@link #read(Path)}.
     */
    public static Structure read(Path path, Species target) {
        try (TextLines in = TextLines.open(path)) {
            Structure last = null;
            Structure s;
            while ((s = readFrame(in, target)) != null) {
                last = s;
            }
            if (last == null) {
                throw InputException.inFile(in.file, "no frame (empty file)");
            }
            return last;
        }
    }

    /** Every frame of the file, in order. */
    public static List<Structure> readAll(Path path) {
        return readAll(path, null);
    }

    /** Every frame of the file, typed by {@code target} as in {@link #read(Path, Species)}. */
    public static List<Structure> readAll(Path path, Species target) {
        try (TextLines in = TextLines.open(path)) {
            List<Structure> frames = new ArrayList<>();
            Structure s;
            while ((s = readFrame(in, target)) != null) {
                frames.add(s);
            }
            if (frames.isEmpty()) {
                throw InputException.inFile(in.file, "no frame (empty file)");
            }
            return frames;
        }
    }

    /** One column group declared in Properties. */
    private record Column(String name, char type, int count, int first) {
    }

    private static Structure readFrame(TextLines in, Species target) {
        String countLine;
        do {
            countLine = in.next();
            if (countLine == null) {
                return null;
            }
        } while (countLine.isBlank());
        String[] cf = TextLines.fields(countLine);
        if (cf.length != 1) {
            throw in.error("expected the number of atoms of a frame, found '" + countLine.strip() + "'");
        }
        long nDeclared = TextLines.parseLong(cf[0], in.file, in.lineNumber(), "atom count");
        if (nDeclared < 1 || nDeclared > Integer.MAX_VALUE / 3) {
            throw in.error("atom count must be between 1 and " + Integer.MAX_VALUE / 3 + ", got " + nDeclared);
        }
        int n = (int) nDeclared;
        String comment = in.next();
        if (comment == null) {
            throw in.error("file ends after the atom count; the comment line is missing");
        }
        int commentLine = in.lineNumber();
        Map<String, String> info = parseInfo(comment, in.file, commentLine);

        String latticeText = info.remove("Lattice");
        if (latticeText == null) {
            throw InputException.atLine(in.file, commentLine, "no Lattice=\"ax ay az bx by bz cx cy cz\": "
                    + "dendrite simulates periodic cells; give the cell edge vectors in Å");
        }
        double[] abc = numbers(latticeText, 9, "Lattice", in.file, commentLine);
        LammpsFrame frame;
        try {
            frame = LammpsFrame.of(abc);
        } catch (IllegalArgumentException e) {
            throw InputException.atLine(in.file, commentLine, e.getMessage());
        }
        boolean[] pbc = {true, true, true};
        String pbcText = info.remove("pbc");
        if (pbcText != null) {
            pbc = parsePbc(pbcText, in.file, commentLine);
        }
        double[] origin = {0, 0, 0};
        String originText = info.remove("Origin");
        if (originText != null) {
            origin = numbers(originText, 3, "Origin", in.file, commentLine);
        }
        String propText = info.remove("Properties");
        List<Column> columns = parseProperties(propText == null ? "species:S:1:pos:R:3" : propText,
                in.file, commentLine);
        int width = 0;
        Column species = null, z = null, pos = null, velo = null, forces = null, ids = null, typeName = null;
        for (Column c : columns) {
            width = Math.max(width, c.first + c.count);
            switch (c.name) {
                case "species" -> species = expect(c, 'S', 1, in.file, commentLine);
                case "Z" -> z = expect(c, 'I', 1, in.file, commentLine);
                case "pos" -> pos = expect(c, 'R', 3, in.file, commentLine);
                case "velo" -> velo = expect(c, 'R', 3, in.file, commentLine);
                case "forces" -> forces = expect(c, 'R', 3, in.file, commentLine);
                case "id" -> ids = expect(c, 'I', 1, in.file, commentLine);
                case "type_name" -> typeName = expect(c, 'S', 1, in.file, commentLine);
                default -> { }
            }
        }
        if (pos == null) {
            throw InputException.atLine(in.file, commentLine, "Properties has no pos:R:3 column");
        }
        if (species == null && z == null) {
            throw InputException.atLine(in.file, commentLine, "Properties has neither species:S:1 nor Z:I:1");
        }

        List<String> names = new ArrayList<>();
        List<Double> masses = new ArrayList<>();
        int[] type = new int[n];
        int[] id = new int[n];
        double[] x = new double[3 * n];
        double[] v = new double[3 * n];
        double[] f = new double[3 * n];
        Set<Integer> seenIds = ids == null ? null : new HashSet<>();
        for (int i = 0; i < n; i++) {
            String line = in.next();
            if (line == null) {
                throw InputException.atLine(in.file, in.lineNumber(), "frame declares " + n
                        + " atoms but the file ends after " + i);
            }
            int ln = in.lineNumber();
            String[] t = TextLines.fields(line);
            if (t.length != width) {
                throw InputException.atLine(in.file, ln, "expected " + width + " columns (Properties "
                        + describe(columns) + "), found " + t.length);
            }
            String name = typeName != null ? t[typeName.first]
                    : species != null ? t[species.first] : symbolOfZ(t[z.first], in.file, ln);
            int ty = target != null ? target.typeOf(name) : names.indexOf(name);
            if (ty < 0 && target != null) {
                throw InputException.atLine(in.file, ln, "species '" + name + "' is not in the force field (it has "
                        + String.join(", ", target.names()) + ")");
            }
            if (ty < 0) {
                String element = Elements.elementOf(name);
                if (element == null) {
                    throw InputException.atLine(in.file, ln, "species '" + name + "' does not start with an "
                            + "element symbol, so its mass is unknown");
                }
                names.add(name);
                masses.add(Elements.mass(element));
                ty = names.size() - 1;
            }
            type[i] = ty;
            for (int d = 0; d < 3; d++) {
                x[3 * i + d] = TextLines.parseFinite(t[pos.first + d], in.file, ln, "coordinate");
                if (velo != null) {
                    v[3 * i + d] = TextLines.parseFinite(t[velo.first + d], in.file, ln, "velocity");
                }
                if (forces != null) {
                    f[3 * i + d] = TextLines.parseFinite(t[forces.first + d], in.file, ln, "force");
                }
            }
            if (ids != null) {
                long idv = TextLines.parseLong(t[ids.first], in.file, ln, "id");
                if (idv < 1 || idv > Integer.MAX_VALUE) {
                    throw InputException.atLine(in.file, ln, "atom id must be a positive 32-bit integer, got " + idv);
                }
                if (!seenIds.add((int) idv)) {
                    throw InputException.atLine(in.file, ln, "atom id " + idv + " appears twice");
                }
                id[i] = (int) idv;
            } else {
                id[i] = i + 1;
            }
        }

        double[] m = new double[masses.size()];
        for (int k = 0; k < m.length; k++) {
            m[k] = masses.get(k);
        }
        Atoms atoms = new Atoms(target != null ? target : new Species(names, m, new double[m.length]), n);
        FrameRotation rot = frame.rotation;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                atoms.x[3 * i + d] = x[3 * i + d];
                atoms.v[3 * i + d] = v[3 * i + d];
                atoms.f[3 * i + d] = f[3 * i + d];
            }
            rot.toLammps(atoms.x, 3 * i);
            rot.toLammps(atoms.v, 3 * i);
            rot.toLammps(atoms.f, 3 * i);
            atoms.type[i] = type[i];
            atoms.id[i] = id[i];
        }
        if (target != null) {
            atoms.chargesFromSpecies();
        }
        rot.toLammps(origin, 0);
        Box box = new Box(origin[0], origin[1], origin[2], frame.lx, frame.ly, frame.lz, frame.xy, frame.xz, frame.yz);
        box.setPeriodic(pbc[0], pbc[1], pbc[2]);
        return new Structure(atoms, box, info, rot, in.file, velo != null);
    }

    private static Column expect(Column c, char type, int count, String file, int line) {
        if (c.type != type || c.count != count) {
            throw InputException.atLine(file, line, "Properties column '" + c.name + "' must be " + c.name + ":"
                    + type + ":" + count + ", got " + c.name + ":" + c.type + ":" + c.count);
        }
        return c;
    }

    private static String symbolOfZ(String token, String file, int line) {
        long zv = TextLines.parseLong(token, file, line, "Z");
        String s = zv > 0 && zv < 1000 ? Elements.symbol((int) zv) : null;
        if (s == null) {
            throw InputException.atLine(file, line, "Z: no element with atomic number " + zv);
        }
        return s;
    }

    private static String describe(List<Column> columns) {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(c.name).append(':').append(c.type).append(':').append(c.count);
        }
        return sb.toString();
    }

    private static List<Column> parseProperties(String text, String file, int line) {
        String[] p = text.split(":", -1);
        if (p.length % 3 != 0 || p.length == 0) {
            throw InputException.atLine(file, line, "Properties must be name:type:count triples, got '" + text + "'");
        }
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int first = 0;
        for (int k = 0; k < p.length; k += 3) {
            String name = p[k];
            String type = p[k + 1];
            if (name.isEmpty() || type.length() != 1 || "SRIL".indexOf(type.charAt(0)) < 0) {
                throw InputException.atLine(file, line, "Properties entry '" + name + ":" + type + ":" + p[k + 2]
                        + "' needs a name, a type S, R, I or L, and a count");
            }
            int count;
            try {
                count = Integer.parseInt(p[k + 2]);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1) {
                throw InputException.atLine(file, line, "Properties entry '" + name + "': count must be a "
                        + "positive integer, got '" + p[k + 2] + "'");
            }
            if (!seen.add(name)) {
                throw InputException.atLine(file, line, "Properties declares '" + name + "' twice");
            }
            cols.add(new Column(name, type.charAt(0), count, first));
            first += count;
        }
        return cols;
    }

    private static boolean[] parsePbc(String text, String file, int line) {
        String[] t = TextLines.fields(text);
        if (t.length != 3) {
            throw InputException.atLine(file, line, "pbc needs three flags (e.g. pbc=\"T T T\"), got '" + text + "'");
        }
        boolean[] out = new boolean[3];
        for (int k = 0; k < 3; k++) {
            String s = t[k].toLowerCase(Locale.ROOT);
            if (s.equals("t") || s.equals("true") || s.equals("1")) {
                out[k] = true;
            } else if (s.equals("f") || s.equals("false") || s.equals("0")) {
                out[k] = false;
            } else {
                throw InputException.atLine(file, line, "pbc flag '" + t[k] + "' is neither T nor F");
            }
        }
        return out;
    }

    /** Exactly {@code count} finite numbers from a value, ignoring brackets and commas. */
    static double[] numbers(String text, int count, String key, String file, int line) {
        String cleaned = text.replace('[', ' ').replace(']', ' ').replace('{', ' ').replace('}', ' ')
                .replace(',', ' ');
        String[] t = TextLines.fields(cleaned);
        if (t.length != count) {
            throw InputException.atLine(file, line, key + " needs " + count + " numbers, got " + t.length);
        }
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = TextLines.parseFinite(t[k], file, line, key);
        }
        return out;
    }

    /**
     * The key/value pairs of a comment line, in order. Keys and values may be double-quoted (with
     * backslash escapes); values may also be bracketed ({@code [...]}, {@code {...}}); a bare key
     * stands for {@code key=T}.
     */
    static LinkedHashMap<String, String> parseInfo(String s, String file, int line) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        int n = s.length();
        int[] pos = {0};
        while (true) {
            skipSpace(s, pos);
            if (pos[0] >= n) {
                break;
            }
            String key = s.charAt(pos[0]) == '"' ? quoted(s, pos, file, line) : bare(s, pos, true);
            if (key.isEmpty()) {
                throw InputException.atLine(file, line, "comment line: '=' without a key at column " + (pos[0] + 1));
            }
            skipSpace(s, pos);
            String value = "T";
            if (pos[0] < n && s.charAt(pos[0]) == '=') {
                pos[0]++;
                skipSpace(s, pos);
                if (pos[0] >= n) {
                    throw InputException.atLine(file, line, "comment line: key '" + key + "' has no value");
                }
                char c = s.charAt(pos[0]);
                if (c == '"') {
                    value = quoted(s, pos, file, line);
                } else if (c == '[' || c == '{') {
                    value = bracketed(s, pos, file, line);
                } else {
                    value = bare(s, pos, false);
                }
            }
            if (out.containsKey(key)) {
                throw InputException.atLine(file, line, "comment line: key '" + key + "' appears twice");
            }
            out.put(key, value);
        }
        return out;
    }

    private static void skipSpace(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String bare(String s, int[] pos, boolean stopAtEquals) {
        int start = pos[0];
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (Character.isWhitespace(c) || (stopAtEquals && c == '=')) {
                break;
            }
            pos[0]++;
        }
        return s.substring(start, pos[0]);
    }

    private static String quoted(String s, int[] pos, String file, int line) {
        int start = pos[0];
        StringBuilder sb = new StringBuilder();
        pos[0]++;
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '\\' && pos[0] < s.length()) {
                char e = s.charAt(pos[0]++);
                sb.append(e == 'n' ? '\n' : e);
            } else if (c == '"') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw InputException.atLine(file, line, "comment line: quote opened at column " + (start + 1) + " is not closed");
    }

    private static String bracketed(String s, int[] pos, String file, int line) {
        int start = pos[0];
        int depth = 0;
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return s.substring(start, pos[0]);
                }
            }
        }
        throw InputException.atLine(file, line, "comment line: bracket opened at column " + (start + 1) + " is not closed");
    }
}
