package org.dendrite.driver.ensemble;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dendrite.driver.config.ConfigTree;
import org.dendrite.driver.run.Json;

/**
 * Expands an {@link EnsembleConfig} into members. A member's id is a readable slug of its axis
 * values plus the first 8 hex digits of a SHA-256 over its parameters and the common overrides,
 * so the same parameters always give the same id (and directory), and a changed common setting
 * gives new ids instead of reusing results computed with the old one.
 */
public final class EnsembleExpansion {
    private EnsembleExpansion() {
    }

    /** Every member, in order: product (last axis fastest) or zip, each combination {@code repeats} times. */
    public static List<Member> expand(EnsembleConfig cfg, String invocation) {
        // Combinations are lists of value indices, so a value's label can be found again.
        List<List<Integer>> combos = new ArrayList<>();
        List<EnsembleConfig.Axis> axes = cfg.axes();
        if ("zip".equals(cfg.combine())) {
            for (int i = 0; i < axes.get(0).values().size(); i++) {
                List<Integer> c = new ArrayList<>();
                for (int k = 0; k < axes.size(); k++) {
                    c.add(i);
                }
                combos.add(c);
            }
        } else {
            combos.add(new ArrayList<>());
            for (EnsembleConfig.Axis a : axes) {
                List<List<Integer>> next = new ArrayList<>();
                for (List<Integer> c : combos) {
                    for (int v = 0; v < a.values().size(); v++) {
                        List<Integer> d = new ArrayList<>(c);
                        d.add(v);
                        next.add(d);
                    }
                }
                combos = next;
            }
        }
        List<Member> members = new ArrayList<>();
        for (List<Integer> combo : combos) {
            for (int r = 0; r < cfg.repeats(); r++) {
                members.add(member(cfg, combo, r, members.size(), invocation));
            }
        }
        return members;
    }

    private static Member member(EnsembleConfig cfg, List<Integer> combo, int repeat, int index, String invocation) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> overrides = new ArrayList<>(cfg.set());
        if (!conductionBase(cfg.base())) {
            // An MD run's force loop gets the task's cores; a conduction job has no thread setting.
            overrides.add("threads=" + cfg.threadsPerMember());
        }
        for (int k = 0; k < combo.size(); k++) {
            EnsembleConfig.Axis a = cfg.axes().get(k);
            String text = valueText(a.values().get(combo.get(k)));
            params.put(a.name(), a.labels() != null ? a.labels().get(combo.get(k)) : text);
            for (String key : a.keys()) {
                overrides.add(key + "=" + text);
            }
        }
        String canonical = Json.compact(params) + "|" + Json.compact(overrides);
        if (cfg.repeats() > 1) {
            long seed = seedOf(canonical, repeat);
            params.put("repeat", Integer.toString(repeat));
            params.put("seed", Long.toString(seed));
            overrides.add(cfg.seedKey() + "=" + seed);
            canonical += "|repeat=" + repeat;
        }
        Member m = new Member();
        m.id = memberId(params, canonical);
        m.index = index;
        m.paramNames = params.keySet().toArray(new String[0]);
        m.paramValues = params.values().toArray(new String[0]);
        m.overrides = overrides.toArray(new String[0]);
        m.baseConfig = cfg.base().toAbsolutePath().normalize().toString();
        m.runDir = cfg.output().resolve("members").resolve(m.id).toAbsolutePath().normalize().toString();
        m.maxAttempts = cfg.maxAttempts();
        m.invocation = invocation;
        int[] d = domains(cfg.base(), overrides);
        m.domains = d[0];
        m.hazelcast = d[1] == 1;
        return m;
    }

    /** Whether the base is a {@code job: conduction} config (unreadable bases count as MD; their members fail as bad input). */
    static boolean conductionBase(java.nio.file.Path base) {
        try {
            return "conduction".equals(String.valueOf(ConfigTree.load(base).root().get("job")));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A value as it is written into a {@code --set}: numbers and strings plain, lists and maps as flow JSON. */
    static String valueText(Object v) {
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Json.compact(v);
        }
        return String.valueOf(v);
    }

    /** {@code slug-hash8}: the axis values joined (unsafe characters replaced), then the hash. */
    static String memberId(Map<String, String> params, String canonical) {
        StringBuilder slug = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("seed")) {
                continue;
            }
            if (slug.length() > 0) {
                slug.append('_');
            }
            slug.append(e.getKey()).append('=').append(e.getValue());
        }
        String s = slug.toString().replaceAll("[^A-Za-z0-9._=-]+", "-");
        if (s.length() > 80) {
            s = s.substring(0, 80);
        }
        return s + "-" + sha256(canonical).substring(0, 8);
    }

    /** A repeat's seed: 48 bits of SHA-256 over the member's parameters and the repeat index. */
    static long seedOf(String canonical, int repeat) {
        return Long.parseLong(sha256(canonical + "#" + repeat).substring(0, 12), 16);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {domains, hazelcast?} of the base config with the member's overrides, read from its
     * {@code partition} block without checking the rest (a bad config fails in the member's task,
     * where it is reported as bad input).
     */
    static int[] domains(java.nio.file.Path base, List<String> overrides) {
        try {
            ConfigTree tree = ConfigTree.load(base);
            for (String o : overrides) {
                tree.set(o);
            }
            if (!(tree.root().get("partition") instanceof Map<?, ?> part)) {
                return new int[] {1, 0};
            }
            String text = String.valueOf(part.get("domains") == null ? "1x1x1" : part.get("domains")).trim();
            int n;
            if (text.equals("auto")) {
                n = Integer.parseInt(String.valueOf(part.get("count")));
            } else if (text.matches("[0-9]+")) {
                n = Integer.parseInt(text);
            } else {
                n = 1;
                for (String f : text.split("x")) {
                    n *= Integer.parseInt(f);
                }
            }
            return new int[] {n, "hazelcast".equals(String.valueOf(part.get("transport"))) ? 1 : 0};
        } catch (RuntimeException e) {
            return new int[] {1, 0};
        }
    }
}
