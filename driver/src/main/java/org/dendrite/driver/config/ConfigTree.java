package org.dendrite.driver.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A run configuration as plain maps, lists and scalars (what {@link Params} reads), together with
 * the origin of every key: the YAML file and line it was written on, or the {@code --set} option
 * that replaced it. The YAML is composed into SnakeYAML nodes first, not loaded straight into
 * objects, because only the nodes carry line marks; so every {@link ParamException} raised while
 * reading the config can be reported as {@code file:line: key 'a.b[2].c': reason}.
 *
 * <p>Key paths use the {@link Params} syntax: {@code a.b} for nested mappings, {@code a[2]} for
 * list elements, so a path from a ParamException looks up its origin directly.
 */
public final class ConfigTree {
    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, Origin> origins;
    private final List<String> applied = new ArrayList<>();

    private ConfigTree(Path file, Map<String, Object> root, Map<String, Origin> origins) {
        this.file = file;
        this.root = root;
        this.origins = origins;
    }

    /** Reads a YAML config file; its top level must be a mapping. Duplicate keys are errors. */
    public static ConfigTree load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "config file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read config file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses YAML text as if it were the content of {@code file} (used by tests and by load). */
    public static ConfigTree parse(Path file, String text) {
        Node node = compose(text, file.toString());
        Map<String, Origin> origins = new HashMap<>();
        if (node == null) {
            return new ConfigTree(file, new LinkedHashMap<>(), origins);
        }
        if (!(node instanceof MappingNode)) {
            throw new ConfigException(file + ":" + line(node.getStartMark()),
                    "the top level of a run config must be a mapping of keys to values");
        }
        Converter c = new Converter(file, origins, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) c.convert(node, "");
        return new ConfigTree(file, root, origins);
    }

    private static Node compose(String text, String sourceName) {
        // Duplicate keys are rejected in Converter: compose() builds nodes and never checks them.
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(options);
        try (Reader r = new StringReader(text)) {
            return yaml.compose(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? sourceName : sourceName + ":" + line(m);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigException(where, "invalid YAML: " + oneLine(problem), e);
        } catch (YAMLException | IOException e) {
            throw new ConfigException(sourceName, "invalid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    /** The {@code key=value} overrides applied with {@link #set}, in order (to rebuild this tree elsewhere). */
    public List<String> overrides() {
        return List.copyOf(applied);
    }

    public Path file() {
        return file;
    }

    /** The configuration as plain maps/lists/scalars (mutable only through {@link #set}). */
    public Map<String, Object> root() {
        return root;
    }

    /** The whole configuration for typed reading. */
    public Params params() {
        return new Params("", root);
    }

    /**
     * Applies one {@code key=value} override: {@code key} is a dotted path with list indices
     * ({@code stages[1].temperature_K}); {@code value} is parsed as YAML, so {@code 900} is a
     * number, {@code true} a boolean, {@code [2,2,2]} a list and {@code x.extxyz} a string.
     * Missing intermediate mappings are created; a list index may be at most the list's size
     * (equal to the size appends).
     */
    public void set(String assignment) {
        String option = "--set " + assignment;
        applied.add(assignment);
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(option, "expected key=value, e.g. --set stages[1].temperature_K=900");
        }
        String path = assignment.substring(0, eq).trim();
        String valueText = assignment.substring(eq + 1);
        List<Object> segments = parsePath(path, option);
        Origin origin = Origin.override(option);

        Node valueNode = valueText.isBlank() ? null : compose(valueText, option);
        Map<String, Origin> newOrigins = new HashMap<>();
        Object value = valueNode == null ? null : new Converter(null, newOrigins, origin).convert(valueNode, path);

        Object container = root;
        StringBuilder at = new StringBuilder();
        for (int k = 0; k < segments.size() - 1; k++) {
            Object seg = segments.get(k);
            Object next = segments.get(k + 1);
            Object child = get(container, seg, at, option);
            appendSegment(at, seg);
            if (child == null) {
                if (next instanceof Integer) {
                    throw new ConfigException(option, "'" + at + "' is not a list, cannot index it");
                }
                child = new LinkedHashMap<String, Object>();
                put(container, seg, child, at, option);
                origins.put(at.toString(), origin);
            } else if (next instanceof String && !(child instanceof Map)) {
                throw new ConfigException(option, "'" + at + "' is not a mapping, cannot set a key in it");
            } else if (next instanceof Integer && !(child instanceof List)) {
                throw new ConfigException(option, "'" + at + "' is not a list, cannot index it");
            }
            container = child;
        }
        Object last = segments.get(segments.size() - 1);
        StringBuilder parentPath = new StringBuilder(at);
        put(container, last, value, parentPath, option);
        appendSegment(at, last);
        String full = at.toString();
        origins.keySet().removeIf(p -> p.equals(full) || p.startsWith(full + ".") || p.startsWith(full + "["));
        origins.put(full, origin);
        origins.putAll(newOrigins);
    }

    /**
     * Where the value at {@code path} came from: its own origin, or that of the nearest enclosing
     * key (a missing required key is reported at the line of the mapping that lacks it).
     */
    public Origin locate(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Origin o = origins.get(p);
            if (o != null) {
                return o;
            }
            p = parentPath(p);
        }
        return Origin.fileLine(file, 1);
    }

    /** Turns a ParamException into a ConfigException at the key's file and line. */
    public ConfigException error(ParamException e) {
        return new ConfigException(locate(e.path()).toString(), e.getMessage(), e);
    }

    /** Resolves a path-valued key against the directory its value came from (see {@link Origin}). */
    public Path resolvePath(String keyPath, String value) {
        Path p = Path.of(value);
        if (p.isAbsolute()) {
            return p.normalize();
        }
        return locate(keyPath).baseDirectory().resolve(p).normalize();
    }

    static String parentPath(String p) {
        int dot = p.lastIndexOf('.');
        int bracket = p.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? null : p.substring(0, cut);
    }

    private static void appendSegment(StringBuilder sb, Object seg) {
        if (seg instanceof Integer i) {
            sb.append('[').append(i).append(']');
        } else {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(seg);
        }
    }

    /** Splits {@code a.b[2][0].c} into ["a", "b", 2, 0, "c"]. */
    static List<Object> parsePath(String path, String option) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = path.length();
        if (n == 0) {
            throw new ConfigException(option, "empty key");
        }
        while (i < n) {
            char ch = path.charAt(i);
            if (ch == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new ConfigException(option, "unclosed '[' in key '" + path + "'");
                }
                String idx = path.substring(i + 1, close).trim();
                int index;
                try {
                    index = Integer.parseInt(idx);
                } catch (NumberFormatException e) {
                    throw new ConfigException(option, "list index must be a non-negative integer, got '" + idx + "'");
                }
                if (index < 0) {
                    throw new ConfigException(option, "list index must be a non-negative integer, got " + index);
                }
                if (out.isEmpty()) {
                    throw new ConfigException(option, "key must start with a name, not an index");
                }
                out.add(index);
                i = close + 1;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                    if (i == n || path.charAt(i) == '[') {
                        throw new ConfigException(option, "a name must follow '.' in key '" + path + "'");
                    }
                } else if (i < n && path.charAt(i) != '[') {
                    throw new ConfigException(option, "expected '.' or '[' after ']' in key '" + path + "'");
                }
            } else {
                int j = i;
                while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                String name = path.substring(i, j).trim();
                if (name.isEmpty()) {
                    throw new ConfigException(option, "empty name in key '" + path + "'");
                }
                out.add(name);
                i = j;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                    if (i == n || path.charAt(i) == '[') {
                        throw new ConfigException(option, "a name must follow '.' in key '" + path + "'");
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object container, Object seg, CharSequence at, String option) {
        if (seg instanceof Integer idx) {
            List<Object> list = (List<Object>) container;
            if (idx >= list.size()) {
                throw new ConfigException(option, "index " + idx + " is out of range: '" + at + "' has "
                        + list.size() + " element" + (list.size() == 1 ? "" : "s"));
            }
            return list.get(idx);
        }
        return ((Map<String, Object>) container).get((String) seg);
    }

    @SuppressWarnings("unchecked")
    private static void put(Object container, Object seg, Object value, CharSequence at, String option) {
        if (seg instanceof Integer idx) {
            if (!(container instanceof List)) {
                throw new ConfigException(option, "'" + at + "' is not a list, cannot index it");
            }
            List<Object> list = (List<Object>) container;
            if (idx < list.size()) {
                list.set(idx, value);
            } else if (idx == list.size()) {
                list.add(value);
            } else {
                throw new ConfigException(option, "index " + idx + " is out of range: '" + at + "' has "
                        + list.size() + " element" + (list.size() == 1 ? "" : "s") + " (an index equal to the size appends)");
            }
        } else {
            if (!(container instanceof Map)) {
                throw new ConfigException(option, "'" + at + "' is not a mapping, cannot set a key in it");
            }
            ((Map<String, Object>) container).put((String) seg, value);
        }
    }

    private static int line(Mark m) {
        return m.getLine() + 1;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Copies a composed YAML node into maps/lists/scalars, recording each key's origin. */
    private static final class Converter {
        private final Path file;
        private final Map<String, Origin> origins;
        private final Origin fixedOrigin;

        Converter(Path file, Map<String, Origin> origins, Origin fixedOrigin) {
            this.file = file;
            this.origins = origins;
            this.fixedOrigin = fixedOrigin;
        }

        private Origin at(Node node) {
            return fixedOrigin != null ? fixedOrigin : Origin.fileLine(file, line(node.getStartMark()));
        }

        private String where(Node node) {
            return at(node).toString();
        }

        Object convert(Node node, String path) {
            if (node instanceof MappingNode m) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    Node k = t.getKeyNode();
                    if (!(k instanceof ScalarNode ks)) {
                        throw new ConfigException(where(k), "keys must be plain names");
                    }
                    String key = ks.getValue();
                    if (key.equals("<<")) {
                        throw new ConfigException(where(k), "YAML merge keys ('<<') are not supported in run configs");
                    }
                    if (map.containsKey(key)) {
                        throw new ConfigException(where(k), "duplicate key '" + key + "'");
                    }
                    String child = path.isEmpty() ? key : path + "." + key;
                    origins.put(child, at(k));
                    map.put(key, convert(t.getValueNode(), child));
                }
                return map;
            }
            if (node instanceof SequenceNode s) {
                List<Object> list = new ArrayList<>();
                int i = 0;
                for (Iterator<Node> it = s.getValue().iterator(); it.hasNext(); i++) {
                    Node item = it.next();
                    String child = path + "[" + i + "]";
                    origins.put(child, at(item));
                    list.add(convert(item, child));
                }
                return list;
            }
            return scalar((ScalarNode) node);
        }

        /** YAML 1.1 core scalars as SnakeYAML's resolver tagged them; anything else stays a string. */
        private static Object scalar(ScalarNode node) {
            String v = node.getValue();
            Tag tag = node.getTag();
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                String s = v.toLowerCase();
                return s.equals("true") || s.equals("yes") || s.equals("on") || s.equals("y");
            }
            if (Tag.INT.equals(tag)) {
                try {
                    return Long.parseLong(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return Double.parseDouble(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            return v;
        }
    }
}
