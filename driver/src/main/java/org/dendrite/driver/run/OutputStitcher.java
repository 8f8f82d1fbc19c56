package org.dendrite.driver.run;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Joins the outputs of a run that recovered from member losses into one file each, as if it had
 * run straight through. After loss k the job moved the files written so far into
 * {@code before-loss-k/} and continued from the checkpoint at step S_k into fresh files; at the end
 * each file becomes: the part of attempt 1 before S_1, the part of attempt 2 before S_2, …, then the
 * last attempt whole. A row or frame at S_k itself is taken from the later attempt when it has one
 * (the repeated steps are recomputed, not duplicated). The {@code before-loss-k/} copies stay as the
 * record of what was computed before each loss.
 *
 * <p>Handled: CSV files whose first column is {@code step} (thermo.csv, stress_strain*.csv and
 * analysis tables that follow that convention), extended XYZ frames with {@code step=} in the
 * comment line, and LAMMPS dumps. Files are streamed (trajectories may be large) into a temporary
 * name and renamed.
 */
final class OutputStitcher {
    private OutputStitcher() {
    }

    /** What could not be joined, one line per file (empty when everything was joined). */
    static List<String> stitch(Path dir, List<Path> asideDirs, List<Long> restoredSteps) throws IOException {
        List<String> skipped = new ArrayList<>();
        List<Path> names = new ArrayList<>();
        for (Path aside : asideDirs) {
            try (Stream<Path> s = Files.list(aside)) {
                s.filter(Files::isRegularFile).map(Path::getFileName).filter(n -> !names.contains(n)).forEach(names::add);
            }
        }
        for (Path name : names) {
            Kind kind = kindOf(name.toString());
            if (kind == null) {
                continue;
            }
            Path tmp = dir.resolve(name + ".stitch.tmp");
            boolean headerWritten = false;
            String header = null;
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (int k = 0; k < asideDirs.size(); k++) {
                    Path part = asideDirs.get(k).resolve(name);
                    if (!Files.exists(part)) {
                        continue;
                    }
                    Path later = k + 1 < asideDirs.size() ? asideDirs.get(k + 1).resolve(name) : dir.resolve(name);
                    long until = restoredSteps.get(k);
                    boolean laterHasUntil = Files.exists(later) && firstStep(later, kind) == until;
                    long limit = laterHasUntil ? until - 1 : until;
                    if (kind == Kind.CSV) {
                        String h = firstLine(part);
                        if (header == null) {
                            header = h;
                        } else if (!header.equals(h)) {
                            skipped.add(name + ": columns differ between attempts; left as separate files");
                            break;
                        }
                    }
                    headerWritten |= copyUpTo(part, kind, limit, w, !headerWritten);
                }
                Path last = dir.resolve(name);
                if (Files.exists(last)) {
                    if (kind == Kind.CSV && header != null && !header.equals(firstLine(last))) {
                        skipped.add(name + ": columns differ between attempts; left as separate files");
                    } else {
                        copyUpTo(last, kind, Long.MAX_VALUE, w, !headerWritten);
                    }
                }
            }
            if (skipped.stream().anyMatch(l -> l.startsWith(name + ":"))) {
                Files.deleteIfExists(tmp);
            } else {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return skipped;
    }

    enum Kind { CSV, EXTXYZ, LAMMPS_DUMP }

    static Kind kindOf(String name) {
        if (name.endsWith(".csv")) {
            return Kind.CSV;
        }
        if (name.endsWith(".extxyz")) {
            return Kind.EXTXYZ;
        }
        if (name.endsWith(".lammpstrj")) {
            return Kind.LAMMPS_DUMP;
        }
        return null;
    }

    private static String firstLine(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String l = r.readLine();
            return l == null ? "" : l;
        }
    }

    /** Step of the first row or frame of {@code f}, or −1 if it has none. */
    static long firstStep(Path f, Kind kind) throws IOException {
        long[] first = {-1};
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            walk(r, kind, (step, lines) -> {
                first[0] = step;
                return false;
            }, null);
        }
        return first[0];
    }

    /**
     * Copies the rows or frames of {@code f} with step ≤ {@code limit} (a CSV's header only when
     * {@code withHeader}); returns whether a CSV header was written.
     */
    private static boolean copyUpTo(Path f, Kind kind, long limit, BufferedWriter w, boolean withHeader)
            throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return walk(r, kind, (step, lines) -> {
                if (step > limit) {
                    return false;
                }
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                }
                return true;
            }, withHeader ? w : null);
        }
    }

    @FunctionalInterface
    private interface RecordSink {
        /** One row or frame; return false to stop. */
        boolean accept(long step, List<String> lines) throws IOException;
    }

    /** Reads records in order; a CSV header goes to {@code header} if given. Returns whether one was written. */
    private static boolean walk(BufferedReader r, Kind kind, RecordSink sink, BufferedWriter header)
            throws IOException {
        List<String> rec = new ArrayList<>();
        switch (kind) {
            case CSV -> {
                String h = r.readLine();
                if (h == null) {
                    return false;
                }
                if (header != null) {
                    header.write(h);
                    header.write('\n');
                }
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.isEmpty()) {
                        continue;
                    }
                    int comma = l.indexOf(',');
                    long step = Long.parseLong(comma < 0 ? l : l.substring(0, comma));
                    rec.clear();
                    rec.add(l);
                    if (!sink.accept(step, rec)) {
                        break;
                    }
                }
                return header != null;
            }
            case EXTXYZ -> {
                for (String count; (count = r.readLine()) != null; ) {
                    if (count.isBlank()) {
                        continue;
                    }
                    int n = Integer.parseInt(count.trim());
                    String comment = r.readLine();
                    rec.clear();
                    rec.add(count);
                    rec.add(comment);
                    for (int i = 0; i < n; i++) {
                        rec.add(r.readLine());
                    }
                    if (!sink.accept(extxyzStep(comment), rec)) {
                        break;
                    }
                }
                return false;
            }
            default -> {
                String l = r.readLine();
                while (l != null) {
                    rec.clear();
                    rec.add(l);
                    String stepLine = r.readLine();
                    rec.add(stepLine);
                    long step = Long.parseLong(stepLine.trim());
                    while ((l = r.readLine()) != null && !l.startsWith("ITEM: TIMESTEP")) {
                        rec.add(l);
                    }
                    if (!sink.accept(step, rec)) {
                        break;
                    }
                }
                return false;
            }
        }
    }

    private static long extxyzStep(String comment) {
        int at = (" " + comment).indexOf(" step=");
        if (at < 0) {
            throw new IllegalStateException("extended XYZ frame without step= in its comment line: " + comment);
        }
        int start = at + " step=".length() - 1;
        int end = start;
        while (end < comment.length() && comment.charAt(end) != ' ') {
            end++;
        }
        return Long.parseLong(comment.substring(start, end).replace("\"", ""));
    }
}
