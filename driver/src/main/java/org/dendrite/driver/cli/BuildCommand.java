package org.dendrite.driver.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.driver.config.ConfigTree;
import org.dendrite.driver.config.RunConfig;
import org.dendrite.driver.job.Inputs;
import org.dendrite.driver.run.Json;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.io.ExtXyzWriter;
import org.dendrite.md.io.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dendrite build}: makes the model system of each config's {@code structure:} block (a run
 * config or a structure-only config) and writes it as extended XYZ with a JSON report of what the
 * builders did (grain-boundary area, atoms removed, net charge, misfit, …).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the structure of each config (its structure: block) and writes",
            "OUT/NAME.extxyz and OUT/NAME.build.json, NAME being the config's file name",
            "without .yaml. Charges and species come from the config's forcefield if it",
            "has one, else formal charges (docs/structures.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all written", "1:a file could not be written", "2:bad config"})
public final class BuildCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CONFIG.yaml", description = "Configs with a structure: block.")
    List<Path> configs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key (applied to every config), e.g. --set structure.replicate=[2,2,2].")
    List<String> overrides = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Built> built = new ArrayList<>();
        for (Path config : configs) {
            try {
                built.add(build(config));
            } catch (RuntimeException e) {
                throw Errors.badInput(e);
            }
        }
        try {
            Files.createDirectories(out);
            for (Built b : built) {
                Path xyz = out.resolve(b.name + ".extxyz");
                ExtXyzWriter.writeFile(xyz, b.structure, Double.NaN, null, false);
                writeAtomically(out.resolve(b.name + ".build.json"), Json.pretty(b.report));
                spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: %d atoms, cell %.3f x %.3f x %.3f A -> %s",
                        b.config, b.structure.atomCount(), b.structure.box().lx(), b.structure.box().ly(),
                        b.structure.box().lz(), xyz));
            }
        } catch (IOException e) {
            throw new CliFailure(CliFailure.RUN_FAILED, out + ": cannot write: " + e.getMessage(), e);
        }
        return 0;
    }

    private record Built(Path config, String name, Structure structure, Map<String, Object> report) {
    }

    private Built build(Path config) {
        ConfigTree tree = ConfigTree.load(config);
        for (String o : overrides) {
            tree.set(o);
        }
        Params p = tree.params();
        BuildContext ctx;
        long seed;
        try {
            if (!p.has("structure")) {
                throw new ParamException("structure", "is required: the mapping that describes what to build");
            }
            seed = p.getLong("seed", RunConfig.DEFAULT_SEED);
            String ff = p.getString("forcefield", null);
            Path base = tree.locate("structure").baseDirectory();
            ctx = ff == null ? BuildContext.standalone(base, seed)
                    : BuildContext.forSpecies(base, seed, Inputs.species(tree.resolvePath("forcefield", ff)));
        } catch (ParamException e) {
            throw tree.error(e);
        }
        Structure s;
        try {
            s = StructureBuilders.buildStructure(tree.params().child("structure"), ctx);
        } catch (ParamException e) {
            throw tree.error(e);
        }
        String name = config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("config", config.toAbsolutePath().normalize().toString());
        report.put("seed", seed);
        report.put("atoms", s.atomCount());
        report.put("species_counts", speciesCounts(s));
        report.put("cell_A", new double[] {s.box().lx(), s.box().ly(), s.box().lz(), s.box().xy(), s.box().xz(), s.box().yz()});
        report.putAll(Inputs.describe(ctx.report()));
        return new Built(config, name, s, report);
    }

    private static Map<String, Integer> speciesCounts(Structure s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : s.species().names()) {
            counts.put(name, 0);
        }
        for (int i = 0; i < s.atomCount(); i++) {
            counts.merge(s.species().name(s.atoms().type[i]), 1, Integer::sum);
        }
        counts.values().removeIf(c -> c == 0);
        return counts;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
