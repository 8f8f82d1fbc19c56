package org.dendrite.driver.ensemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny member configs (bcc Li with the test EAM) and ensemble configs for the ensemble tests. */
final class EnsembleFixtures {
    static final Path ROOT = findRoot();

    private EnsembleFixtures() {
    }

    /** bcc Li cells^3 x 2 atoms, test EAM (cut-off 5.5 Å), velocity + {@code steps} NVT steps at 300 K. */
    static Path member(Path dir, String name, int[] cells, int steps, String extra) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n",
                "structure: {type: crystal, phase: li-bcc, cells: [" + cells[0] + ", " + cells[1] + ", " + cells[2] + "]}",
                "forcefield: " + ROOT.resolve("conf/forcefields/li-test-eam.yaml"),
                "neighbor: {skin_A: 1.0}",
                "threads: 1",
                "seed: 7",
                "output: {thermo_every_steps: 10}",
                "stages:",
                "  - {type: velocity, temperature_K: 300}",
                "  - {type: nvt, steps: " + steps + ", timestep_fs: 1.0, temperature_K: 300, tdamp_ps: 0.1}",
                extra,
                ""), StandardCharsets.UTF_8);
        return f;
    }

    /** An ensemble over the velocity and thermostat temperatures of {@code base}. */
    static Path temperatureSweep(Path dir, String name, Path base, String temps, String extra) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n",
                "job: ensemble",
                "base: " + base,
                "axes:",
                "  - name: temperature_K",
                "    keys: ['stages[0].temperature_K', 'stages[1].temperature_K']",
                "    values: " + temps,
                "max_attempts: 2",
                "output: " + dir.resolve(name.replace(".yaml", "-out")),
                "plots:",
                "  - {type: arrhenius, metric: final_temp_K}",
                "  - {type: parameter, metric: final_pe_eV}",
                extra,
                ""), StandardCharsets.UTF_8);
        return f;
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("conf/structures"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("tests must run inside the repository");
        }
        return p;
    }
}
