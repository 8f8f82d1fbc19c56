package org.dendrite.md.potential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dendrite.md.io.InputException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of a force-field file, read through SnakeYAML's node API so that every error
 * names the file and line: {@code llzo.yaml:12: pairs[3] (Li-O, buckingham): missing parameter 'rho'}.
 * {@link #finish()} rejects keys nobody asked for, so a misspelt parameter is an error.
 */
public final class StyleParams {
    private final Path file;
    private final Node node;
    private String context;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final Set<String> asked = new LinkedHashSet<>();

    StyleParams(Path file, Node node, String context) {
        this.file = file;
        this.node = node;
        this.context = context;
        if (!(node instanceof MappingNode m)) {
            throw at(node, context + ": expected a mapping of keys to values");
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw at(t.getKeyNode(), context + ": keys must be plain words");
            }
            if (entries.put(k.getValue(), t) != null) {
                throw at(k, context + ": key '" + k.getValue() + "' appears twice");
            }
        }
    }

    /** An input error at the line of a node: {@code FILE:LINE: reason}. */
    InputException at(Node n, String reason) {
        return InputException.atLine(file.toString(), n.getStartMark().getLine() + 1, reason);
    }

    /** Renames the location used in messages once the entry is known, e.g. "pairs[2] (O-O, buckingham)". */
    void relabel(String newContext) {
        this.context = newContext;
    }

    /** The file this mapping comes from. */
    public Path file() {
        return file;
    }

    /** Human-readable location inside the file, e.g. "pairs[2] (O-O, buckingham)". */
    public String context() {
        return context;
    }

    /** An error located at this mapping. */
    public InputException error(String reason) {
        return at(node, context + ": " + reason);
    }

    /** An error located at the value of {@code key} (or at the mapping if absent). */
    public InputException error(String key, String reason) {
        NodeTuple t = entries.get(key);
        Node at = t == null ? node : t.getValueNode();
        return at(at, context + ": '" + key + "' " + reason);
    }

    public boolean has(String key) {
        asked.add(key);
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    Node valueNode(String key) {
        used.add(key);
        asked.add(key);
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    private ScalarNode scalar(String key) {
        Node v = valueNode(key);
        if (v == null) {
            throw error("missing parameter '" + key + "'");
        }
        if (!(v instanceof ScalarNode s)) {
            throw error(key, "must be a single value");
        }
        return s;
    }

    public double requireDouble(String key) {
        ScalarNode s = scalar(key);
        try {
            double d = Double.parseDouble(s.getValue());
            if (!Double.isFinite(d)) {
                throw error(key, "must be a finite number, got '" + s.getValue() + "'");
            }
            return d;
        } catch (NumberFormatException ex) {
            throw error(key, "must be a number, got '" + s.getValue() + "'");
        }
    }

    public double optionalDouble(String key, double defaultValue) {
        return has(key) ? requireDouble(key) : defaultValue;
    }

    /** A number that must be positive (cut-offs, widths). */
    public double requirePositive(String key) {
        double d = requireDouble(key);
        if (!(d > 0)) {
            throw error(key, "must be positive, got " + d);
        }
        return d;
    }

    public int requireInt(String key) {
        ScalarNode s = scalar(key);
        try {
            return Integer.parseInt(s.getValue());
        } catch (NumberFormatException ex) {
            throw error(key, "must be an integer, got '" + s.getValue() + "'");
        }
    }

    public String requireString(String key) {
        return scalar(key).getValue();
    }

    public String optionalString(String key, String defaultValue) {
        return has(key) ? requireString(key) : defaultValue;
    }

    public boolean optionalBoolean(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String v = requireString(key);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "must be true or false, got '" + v + "'");
        };
    }

    /** A nested mapping, or null when absent. */
    public StyleParams optionalMap(String key) {
        Node v = valueNode(key);
        return v == null ? null : new StyleParams(file, v, context + "." + key);
    }

    /** A list of scalar strings. */
    public List<String> requireStringList(String key) {
        Node v = valueNode(key);
        if (v == null) {
            throw error("missing parameter '" + key + "'");
        }
        if (!(v instanceof SequenceNode seq)) {
            throw error(key, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            if (!(n instanceof ScalarNode s)) {
                throw at(n, context + ": '" + key + "' entries must be single values");
            }
            out.add(s.getValue());
        }
        return out;
    }

    /** A list of integers, or a single integer repeated {@code count} times. */
    public int[] requireIntOrList(String key, int count) {
        Node v = valueNode(key);
        if (v instanceof ScalarNode) {
            int k = requireInt(key);
            int[] out = new int[count];
            java.util.Arrays.fill(out, k);
            return out;
        }
        List<String> items = requireStringList(key);
        if (items.size() != count) {
            throw error(key, "must be one integer or a list of " + count + ", got " + items.size() + " values");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(items.get(i));
            } catch (NumberFormatException ex) {
                throw error(key, "must hold integers, got '" + items.get(i) + "'");
            }
        }
        return out;
    }

    /**
     * A file named relative to the force-field file's directory; it must exist.
     */
    public Path requireFile(String key) {
        String name = requireString(key);
        Path base = file.toAbsolutePath().getParent();
        Path p = base == null ? Path.of(name) : base.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw error(key, "names a file that does not exist: " + p);
        }
        return p;
    }

    /** Rejects every key that was not read: misspelt or unsupported parameters. */
    public void finish() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!used.contains(e.getKey())) {
                throw at(e.getValue().getKeyNode(), context
                        + ": unknown parameter '" + e.getKey() + "'" + (asked.isEmpty() ? "" : " (allowed: " + String.join(", ", asked) + ")"));
            }
        }
    }
}
