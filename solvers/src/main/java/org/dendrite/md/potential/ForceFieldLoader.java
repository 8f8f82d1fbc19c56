package org.dendrite.md.potential;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.io.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a force-field YAML file (schema in docs/forcefields.md) into a {@link ForceField}:
 * <pre>
 * species:  {Li: {mass: 6.941, charge: 0.6}, O: {mass: 15.999, charge: -1.2}}
 * coulomb:  {method: dsf, alpha: 0.25, cutoff: 8.0}        # none | cut | dsf | wolf | ewald
 * pairs:    [{pair: [Li, O], style: buckingham, A: 41051.938, rho: 0.15116, C: 0.0, cutoff: 8.0}]
 * manybody: [{style: eam/alloy, file: Li.eam.alloy}]
 * </pre>
 * Styles come from {@link PotentialStyles}. Every error is one line naming the file and line.
 * Files named inside (tables, EAM) are relative to the YAML file's directory.
 */
public final class ForceFieldLoader {
    private ForceFieldLoader() {
    }

    /** Loads a force field that does not depend on the structure (everything but Ewald with accuracy only). */
    public static ForceField load(Path file) {
        return load(file, null, null);
    }

    /**
     * Loads a force field for a given structure: Ewald with only an {@code accuracy} chooses its
     * α from N, Σq² and the box, as LAMMPS does at init. Atoms and box may be null.
     */
    public static ForceField load(Path file, Atoms atoms, Box box) {
        StyleParams top = new StyleParams(file, compose(file), "force field");
        Species species = readSpecies(top);
        ForceField.Builder builder = ForceField.builder(species);
        builder.description(top.optionalString("description", file.getFileName().toString()));

        StyleParams coulomb = top.optionalMap("coulomb");
        if (coulomb != null) {
            coulomb.relabel("coulomb");
            String method = coulomb.requireString("method");
            PotentialStyles.CoulombMethod m = PotentialStyles.coulombMethods().get(method);
            if (m == null) {
                throw coulomb.error("method", "is unknown: '" + method + "' (known: "
                        + String.join(", ", PotentialStyles.coulombMethods().keySet()) + ")");
            }
            coulomb.relabel("coulomb (" + method + ")");
            m.install(coulomb, builder, atoms, box);
            coulomb.finish();
        }

        for (StyleParams p : listOfMaps(top, "pairs")) {
            readPair(p, species, builder);
        }
        for (StyleParams p : listOfMaps(top, "manybody")) {
            String style = p.requireString("style");
            PotentialStyles.ManyBodyStyle s = PotentialStyles.manyBodyStyles().get(style);
            if (s == null) {
                throw p.error("style", "is unknown: '" + style + "' (known: "
                        + String.join(", ", PotentialStyles.manyBodyStyles().keySet()) + ")");
            }
            p.relabel(p.context() + " (" + style + ")");
            builder.manyBody(s.create(p, species));
            p.finish();
        }
        top.finish();
        return builder.build();
    }

    /**
     * Only the species of a force-field file (names, masses in amu, charges in e), checked as a full
     * load checks them. A structure is read on these species before the force field is set up for
     * it, since an Ewald sum given only an accuracy needs the structure's charges and box.
     */
    public static Species species(Path file) {
        return readSpecies(new StyleParams(file, compose(file), "force field"));
    }

    /** The YAML node tree of a force-field file; syntax errors name the file and line. */
    private static Node compose(Path file) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException ex) {
            int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
            throw line > 0 ? InputException.atLine(file.toString(), line, "not valid YAML: " + ex.getProblem())
                    : InputException.inFile(file.toString(), "not valid YAML: " + ex.getProblem());
        } catch (YAMLException ex) {
            throw InputException.inFile(file.toString(), "not valid YAML: " + ex.getMessage());
        } catch (IOException ex) {
            throw InputException.inFile(file.toString(), "cannot read force-field file: " + ex.getMessage(), ex);
        }
        if (root == null) {
            throw InputException.atLine(file.toString(), 1, "force-field file is empty");
        }
        return root;
    }

    private static Species readSpecies(StyleParams top) {
        Node node = top.valueNode("species");
        if (node == null) {
            throw top.error("missing section 'species'");
        }
        if (!(node instanceof MappingNode m) || m.getValue().isEmpty()) {
            throw top.at(node, "species: must map each species name to {mass, charge}");
        }
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || k.getValue().isBlank() || k.getValue().contains(" ")) {
                throw top.at(t.getKeyNode(), "species: names must be single words");
            }
            String name = k.getValue();
            if (names.contains(name)) {
                throw top.at(k, "species: '" + name + "' is defined twice");
            }
            StyleParams sp = new StyleParams(top.file(), t.getValueNode(), "species " + name);
            double mass = sp.requirePositive("mass");
            double charge = sp.optionalDouble("charge", 0.0);
            sp.finish();
            names.add(name);
            values.add(new double[] {mass, charge});
        }
        double[] mass = new double[names.size()];
        double[] charge = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            mass[i] = values.get(i)[0];
            charge[i] = values.get(i)[1];
        }
        return new Species(names, mass, charge);
    }

    private static List<StyleParams> listOfMaps(StyleParams top, String key) {
        Node node = top.valueNode(key);
        List<StyleParams> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            throw top.error(key, "must be a list of entries");
        }
        int k = 0;
        for (Node item : seq.getValue()) {
            out.add(new StyleParams(top.file(), item, key + "[" + k + "]"));
            k++;
        }
        return out;
    }

    private static void readPair(StyleParams p, Species species, ForceField.Builder builder) {
        List<String> pair = p.requireStringList("pair");
        if (pair.size() != 2) {
            throw p.error("pair", "must name two species, got " + pair);
        }
        int[] t = new int[2];
        for (int k = 0; k < 2; k++) {
            t[k] = species.typeOf(pair.get(k));
            if (t[k] < 0) {
                throw p.error("pair", "names species '" + pair.get(k) + "', which is not defined under species ("
                        + String.join(", ", species.names()) + ")");
            }
        }
        String style = p.requireString("style");
        p.relabel(p.context() + " (" + pair.get(0) + "-" + pair.get(1) + ", " + style + ")");
        PotentialStyles.PairStyle s = PotentialStyles.pairStyles().get(style);
        if (s == null) {
            throw p.error("style", "is unknown: '" + style + "' (known: "
                    + String.join(", ", PotentialStyles.pairStyles().keySet()) + ")");
        }
        boolean shift = p.optionalBoolean("shift", false);
        PairEvaluator evaluator = s.create(p);
        if (shift && "table".equals(style)) {
            // LAMMPS pair_style table ignores pair_modify shift; shift the table file itself instead.
            throw p.error("shift", "is not supported for style table (LAMMPS ignores pair_modify shift for tables)");
        }
        p.finish();
        builder.pair(t[0], t[1], evaluator, shift);
    }
}
