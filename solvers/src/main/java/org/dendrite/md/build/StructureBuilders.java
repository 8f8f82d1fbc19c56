package org.dendrite.md.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.io.Structure;

/**
 * The {@code structure:} block of a run config, and every nested structure mapping (a bicrystal's
 * grain, a stack's slab): {@code type} picks a {@link StructureBuilder} (default {@code file} when a
 * {@code file} key is given), then the generic keys apply in this order:
 * <ol>
 *   <li>{@code replicate: [na, nb, nc]} — LAMMPS-style supercell of the built model;</li>
 *   <li>{@code modify: [ {type: …, …}, … ]} — {@link ModelModifier}s in list order.</li>
 * </ol>
 * To add a builder or a modifier, implement the interface and register it in the static block.
 */
public final class StructureBuilders {
    private static final Map<String, StructureBuilder> BUILDERS = new LinkedHashMap<>();
    private static final Map<String, ModelModifier> MODIFIERS = new LinkedHashMap<>();

    static {
        BUILDERS.put("file", new FileBuilder());
        BUILDERS.put("crystal", new org.dendrite.md.build.crystal.CrystalBuilder());
        BUILDERS.put("oriented", new org.dendrite.md.build.gb.OrientedCrystalBuilder());
        BUILDERS.put("tilt-gb", new org.dendrite.md.build.gb.TiltGbBuilder());
        BUILDERS.put("mirror-gb", new org.dendrite.md.build.gb.MirrorGbBuilder());
        BUILDERS.put("stack", new org.dendrite.md.build.stack.StackBuilder());
        MODIFIERS.put("crack", new org.dendrite.md.build.defect.CrackModifier());
        MODIFIERS.put("delete-region", new org.dendrite.md.build.defect.DeleteRegionModifier());
        MODIFIERS.put("vacancies", new org.dendrite.md.build.defect.VacancyModifier());
        MODIFIERS.put("dopants", new org.dendrite.md.build.defect.DopantModifier());
    }

    private StructureBuilders() {
    }

    /** Builds the model a structure mapping describes (recursively for nested structures). */
    public static AtomicModel build(Params p, BuildContext ctx) {
        String type = p.getString("type", p.has("file") ? "file" : null);
        if (type == null) {
            throw new ParamException(p.pathOf("type"), "is required (one of " + String.join(", ", new TreeSet<>(BUILDERS.keySet()))
                    + "), or give 'file'");
        }
        StructureBuilder b = BUILDERS.get(type);
        if (b == null) {
            throw new ParamException(p.pathOf("type"), "unknown structure type '" + type + "' (known: "
                    + String.join(", ", new TreeSet<>(BUILDERS.keySet())) + ")");
        }
        int[] replicate = replicateCounts(p);
        java.util.List<Params> modify = p.children("modify");
        AtomicModel m = b.build(p, ctx);
        if (replicate[0] * replicate[1] * replicate[2] != 1) {
            m = Supercells.replicate(m, replicate[0], replicate[1], replicate[2]);
            ctx.report().put(p.path(), "replicate", replicate[0] + "x" + replicate[1] + "x" + replicate[2]);
        }
        for (Params mp : modify) {
            String mtype = mp.requireString("type");
            ModelModifier mod = MODIFIERS.get(mtype);
            if (mod == null) {
                throw new ParamException(mp.pathOf("type"), "unknown modifier '" + mtype + "' (known: "
                        + String.join(", ", new TreeSet<>(MODIFIERS.keySet())) + ")");
            }
            mod.apply(m, mp, ctx);
        }
        ctx.report().put(p.path(), "atoms", m.size());
        return m;
    }

    /** Builds and converts to a structure on the context's species (or on the model's own elements). */
    public static Structure buildStructure(Params p, BuildContext ctx) {
        AtomicModel m = build(p, ctx);
        try {
            return m.toStructure(ctx.species(), ctx.charges(), p.path().isEmpty() ? "structure" : p.path());
        } catch (IllegalArgumentException e) {
            throw new ParamException(p.path(), e.getMessage());
        }
    }

    /** Registered builder type names. */
    public static java.util.Set<String> builderTypes() {
        return java.util.Collections.unmodifiableSet(BUILDERS.keySet());
    }

    /** Registered modifier type names. */
    public static java.util.Set<String> modifierTypes() {
        return java.util.Collections.unmodifiableSet(MODIFIERS.keySet());
    }

    /** The {@code replicate: [na, nb, nc]} key of a structure mapping ({1, 1, 1} when absent), checked. */
    public static int[] replicateCounts(Params p) {
        double[] rep = p.getDoubles("replicate", 3);
        int[] replicate = {1, 1, 1};
        if (rep != null) {
            for (int k = 0; k < 3; k++) {
                if (rep[k] != Math.rint(rep[k]) || rep[k] < 1 || rep[k] > 1000) {
                    throw new ParamException(p.pathOf("replicate") + "[" + k + "]",
                            "must be a whole number from 1 to 1000, got " + rep[k]);
                }
                replicate[k] = (int) rep[k];
            }
        }
        return replicate;
    }
}
