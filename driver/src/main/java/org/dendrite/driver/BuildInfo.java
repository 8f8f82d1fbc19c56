package org.dendrite.driver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Version and git commit of this build, baked into the jar at build time (resource filtering for
 * the version, an antrun {@code git describe} for the commit; see driver/pom.xml). Used by
 * {@code --version} and recorded in every run.json so a result names the code that produced it.
 */
public final class BuildInfo {
    private static final String VERSION = load("build.properties", "version");
    private static final String COMMIT = load("git.properties", "git.commit");

    private BuildInfo() {
    }

    /** Project version, e.g. 0.1.0-SNAPSHOT. */
    public static String version() {
        return VERSION;
    }

    /** Full git commit hash, with a "-dirty" suffix when the tree had uncommitted changes; "unknown" outside git. */
    public static String gitCommit() {
        return COMMIT;
    }

    public static String javaVersion() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
    }

    public static String osVersion() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static String load(String resource, String key) {
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(key, "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
