package org.dendrite.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, checked access to one mapping of a configuration tree (plain maps, lists, strings and
 * numbers as a YAML parser yields them). Every getter names the key and its unit in the config; a
 * wrong or missing value throws {@link ParamException} with the full key path. {@link #finish()}
 * rejects keys that nobody read, so a misspelt key is an error rather than silently ignored.
 */
public final class Params {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    public Params(String path, Map<String, Object> values) {
        this.path = path == null ? "" : path;
        this.values = values == null ? Map.of() : values;
    }

    /** Wraps a config node that must be a mapping. */
    @SuppressWarnings("unchecked")
    public static Params of(String path, Object node) {
        if (node == null) {
            return new Params(path, new LinkedHashMap<>());
        }
        if (!(node instanceof Map)) {
            throw new ParamException(path, "must be a mapping of keys to values, got " + describe(node));
        }
        return new Params(path, (Map<String, Object>) node);
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** Raw value of a key (marks it read), or null. */
    public Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    public double requireDouble(String key) {
        Object v = raw(key);
        if (v == null) {
            throw new ParamException(pathOf(key), "is required");
        }
        return toDouble(key, v);
    }

    public double getDouble(String key, double defaultValue) {
        Object v = raw(key);
        return v == null ? defaultValue : toDouble(key, v);
    }

    public double requirePositive(String key) {
        double d = requireDouble(key);
        return checkPositive(key, d);
    }

    public double getPositive(String key, double defaultValue) {
        return checkPositive(key, getDouble(key, defaultValue));
    }

    public double getNonNegative(String key, double defaultValue) {
        double d = getDouble(key, defaultValue);
        if (d < 0) {
            throw new ParamException(pathOf(key), "must be >= 0, got " + d);
        }
        return d;
    }

    private double checkPositive(String key, double d) {
        if (!(d > 0)) {
            throw new ParamException(pathOf(key), "must be > 0, got " + d);
        }
        return d;
    }

    public long requireLong(String key) {
        Object v = raw(key);
        if (v == null) {
            throw new ParamException(pathOf(key), "is required");
        }
        return toLong(key, v);
    }

    public long getLong(String key, long defaultValue) {
        Object v = raw(key);
        return v == null ? defaultValue : toLong(key, v);
    }

    public int getInt(String key, int defaultValue) {
        long l = getLong(key, defaultValue);
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
            throw new ParamException(pathOf(key), "out of integer range: " + l);
        }
        return (int) l;
    }

    public String requireString(String key) {
        Object v = raw(key);
        if (v == null) {
            throw new ParamException(pathOf(key), "is required");
        }
        return v.toString();
    }

    public String getString(String key, String defaultValue) {
        Object v = raw(key);
        return v == null ? defaultValue : v.toString();
    }

    /** A string that must be one of {@code allowed}. */
    public String getChoice(String key, String defaultValue, String... allowed) {
        String s = getString(key, defaultValue);
        if (s == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equals(s)) {
                return s;
            }
        }
        throw new ParamException(pathOf(key), "must be one of " + String.join(", ", allowed) + ", got '" + s + "'");
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase();
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ParamException(pathOf(key), "must be true or false, got '" + v + "'");
        };
    }

    /** A list of exactly {@code n} numbers, or null when absent. */
    public double[] getDoubles(String key, int n) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || list.size() != n) {
            throw new ParamException(pathOf(key), "must be a list of " + n + " numbers, got " + describe(v));
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = toDouble(key + "[" + i + "]", list.get(i));
        }
        return out;
    }

    /** A list of strings (a YAML list, or a comma-separated string), or null when absent. */
    public List<String> getStrings(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o).trim());
            }
        } else {
            for (String s : v.toString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** A nested mapping (empty when absent). */
    public Params child(String key) {
        return Params.of(pathOf(key), raw(key));
    }

    /** A list of mappings (empty when absent). */
    public List<Params> children(String key) {
        Object v = raw(key);
        List<Params> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw new ParamException(pathOf(key), "must be a list, got " + describe(v));
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(Params.of(pathOf(key) + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    /** Fails on the first key that no getter asked for. */
    public void finish() {
        for (String k : values.keySet()) {
            if (!read.contains(k)) {
                throw new ParamException(pathOf(k), "unknown key (allowed here: " + String.join(", ", read) + ")");
            }
        }
    }

    private double toDouble(String key, Object v) {
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new ParamException(pathOf(key), "must be a number, got '" + v + "'");
            }
        }
        if (!Double.isFinite(d)) {
            throw new ParamException(pathOf(key), "must be finite, got " + v);
        }
        return d;
    }

    private long toLong(String key, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ParamException(pathOf(key), "must be an integer, got '" + v + "'");
        }
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return "'" + v + "'";
    }
}
