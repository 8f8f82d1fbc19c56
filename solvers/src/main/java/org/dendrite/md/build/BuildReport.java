package org.dendrite.md.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build did, for the user: per step (builder or modifier, named by its config path) an
 * ordered set of quantities whose names carry their units ({@code gb_area_A2}, {@code removed_atoms},
 * {@code misfit_percent}) and free-text notes. Written as {@code build.json} beside the structure
 * and printed by {@code dendrite build}.
 */
public final class BuildReport {
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Records a quantity under a step (config path such as {@code structure.modify[0]}). */
    public void put(String step, String name, Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw new IllegalArgumentException(step + ": report value '" + name + "' is not finite");
        }
        sections.computeIfAbsent(step, k -> new LinkedHashMap<>()).put(name, value);
    }

    /** A sentence saying what was done and why (e.g. which atoms a neutrality rule removed). */
    public void note(String step, String text) {
        notes.add(step + ": " + text);
    }

    /** Step → (quantity → value), in insertion order; unmodifiable view. */
    public Map<String, Map<String, Object>> sections() {
        return Collections.unmodifiableMap(sections);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }
}
