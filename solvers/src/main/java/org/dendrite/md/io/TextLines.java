package org.dendrite.md.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Line-by-line reading with line numbers and the number parsing every reader shares, so that each
 * error names the file and line in the same words.
 */
final class TextLines implements AutoCloseable {
    private final BufferedReader in;
    final String file;
    private int lineNo;

    private TextLines(BufferedReader in, String file) {
        this.in = in;
        this.file = file;
    }

    static TextLines open(Path path) {
        String name = path.toString();
        try {
            return new TextLines(Files.newBufferedReader(path, StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw InputException.inFile(name, "no such file", e);
        } catch (IOException e) {
            throw InputException.inFile(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Next line (without terminator), or null at end of file. */
    String next() {
        try {
            String s = in.readLine();
            if (s != null) {
                lineNo++;
            }
            return s;
        } catch (IOException e) {
            throw InputException.inFile(file, "cannot read after line " + lineNo + ": " + e.getMessage(), e);
        }
    }

    /** Number of the line last returned by {@link #next()}. */
    int lineNumber() {
        return lineNo;
    }

    InputException error(String reason) {
        return InputException.atLine(file, lineNo, reason);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written, and everything needed has been read: a failing close loses nothing.
        }
    }

    /** Whitespace-separated fields of a line. */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /** The line without a trailing {@code # comment}. */
    static String stripComment(String line) {
        int h = line.indexOf('#');
        return h >= 0 ? line.substring(0, h) : line;
    }

    /**
     * A finite decimal number. Rejects what Java would accept but other programs would not (hex
     * floats, {@code d}/{@code f} suffixes) and names non-finite values, which a simulation cannot use.
     */
    static double parseFinite(String token, String file, int line, String what) {
        double v = parseNumber(token, file, line, what);
        if (!Double.isFinite(v)) {
            throw InputException.atLine(file, line, what + ": non-finite value '" + token + "'");
        }
        return v;
    }

    private static double parseNumber(String token, String file, int line, String what) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (u.equals("nan") || u.equals("inf") || u.equals("infinity")) {
            return Double.NaN;
        }
        boolean ok = !u.isEmpty() && (Character.isDigit(u.charAt(0)) || u.charAt(0) == '.');
        for (int k = 0; ok && k < u.length(); k++) {
            char c = u.charAt(k);
            ok = Character.isDigit(c) || c == '.' || c == 'e' || c == '+' || c == '-';
        }
        if (ok) {
            try {
                return Double.parseDouble(token);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        throw InputException.atLine(file, line, what + ": '" + token + "' is not a number");
    }

    /** A decimal integer. */
    static long parseLong(String token, String file, int line, String what) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw InputException.atLine(file, line, what + ": '" + token + "' is not an integer");
        }
    }
}
