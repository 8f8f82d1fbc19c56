package org.dendrite.md.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few scalar results a run declares about itself (a diffusion coefficient, a modulus, Li at a
 * boundary), keyed by name with the unit in the name ({@code D_Li_cm2_per_s}, {@code E_GPa}).
 * Analyses put their headline numbers here; the driver writes them to {@code metrics.json} and
 * {@code run.json}, and an ensemble collects them into one row per member.
 */
public final class RunMetrics {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * Records a number. A non-finite value is refused: a metric that could not be computed is left
     * out (or recorded with {@link #putText}) rather than written as NaN into a results table.
     */
    public synchronized void put(String nameWithUnit, double value) {
        checkName(nameWithUnit);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric '" + nameWithUnit + "' is not finite: " + value);
        }
        values.put(nameWithUnit, value);
    }

    /** Records a count. */
    public synchronized void put(String name, long value) {
        checkName(name);
        values.put(name, value);
    }

    /** Records a label (a fitted window, a phase, why a number is missing). */
    public synchronized void putText(String name, String value) {
        checkName(name);
        values.put(name, value);
    }

    /** The metrics in the order they were first recorded (unmodifiable snapshot). */
    public synchronized Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public synchronized boolean isEmpty() {
        return values.isEmpty();
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
            throw new IllegalArgumentException("metric name '" + name + "' must be a word of letters, digits, _ . -");
        }
    }
}
