package org.dendrite.md.build.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.Species;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.StructureBuilders;
import org.dendrite.md.io.Structure;
import org.dendrite.md.potential.ConfFiles;
import org.dendrite.md.potential.ForceField;
import org.dendrite.md.potential.ForceFieldLoader;
import org.dendrite.md.potential.ReferenceEvaluator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * A Li metal | LLZO stack built on the species of conf/forcefields/li-llzo-hybrid.yaml: the hybrid
 * force field must be exactly the sum of its parts — Du/Teter + DSF on the garnet atoms alone
 * (llzo-du-teter.yaml), the Li metal EAM on the metal atoms alone (li-metal-fs.yaml), and the
 * Lim–garnet cross terms alone — so the EAM sees only Lim (the ionic Li is NULL in it) and the
 * neutral Lim takes no part in the Coulomb sum.
 */
class LiLlzoStackForceFieldTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("on a Li|LLZO stack the hybrid energy and forces equal LLZO (Du/Teter) + metal (EAM) + cross terms computed separately")
    void hybridIsSumOfParts() throws IOException {
        Path ffPath = ConfFiles.forcefield("li-llzo-hybrid.yaml");
        ForceField hybrid = ForceFieldLoader.load(ffPath);
        Files.writeString(dir.resolve("li.extxyz"), "2\nLattice=\"3.51 0 0 0 3.51 0 0 0 3.51\" "
                + "Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nLi 0 0 0\nLi 1.755 1.755 1.755\n");
        Path llzo = Path.of("..", "conf", "structures", "llzo-tetragonal-192.extxyz").toAbsolutePath();
        String yaml = String.format(Locale.ROOT, """
                type: stack
                match_to: 1
                max_misfit_percent: 7
                gap_A: 2.2
                slabs:
                  - {structure: {file: li.extxyz}, repeats: 3, rename: {Li: Lim}}
                  - {structure: {file: '%s'}, repeats: 1}
                """, llzo);
        BuildContext ctx = BuildContext.forSpecies(dir, 3, hybrid.species());
        Structure s = StructureBuilders.buildStructure(Params.of("structure", new Yaml().load(yaml)), ctx);
        Atoms all = s.atoms();
        Box box = s.box();
        assertEquals(0.0, ((Number) ctx.report().sections().get("structure").get("slab0_net_charge_e")).doubleValue(), 0.0,
                "Lim is neutral under the hybrid's charges");

        ReferenceEvaluator.Result whole = ReferenceEvaluator.evaluate(hybrid, all, box);

        ForceField llzoFf = ForceFieldLoader.load(ConfFiles.forcefield("llzo-du-teter.yaml"));
        ForceField metalFf = ForceFieldLoader.load(ConfFiles.forcefield("li-metal-fs.yaml"));
        Path crossPath = dir.resolve("cross.yaml");
        Path table = ffPath.getParent().resolve("lim-llzo-zbl.table").toAbsolutePath();
        Files.writeString(crossPath, String.format(Locale.ROOT, """
                species: {Li: {mass: 6.941}, La: {mass: 138.90547}, Zr: {mass: 91.224}, O: {mass: 15.999}, Lim: {mass: 6.941}}
                pairs:
                  - {pair: [Lim, O], style: buckingham, A: 41051.9380, rho: 0.151160, C: 0.0, cutoff: 11.0, shift: true}
                  - {pair: [Lim, Li], style: table, file: '%1$s', keyword: LIM_LI, interpolation: spline, N: 4000}
                  - {pair: [Lim, La], style: table, file: '%1$s', keyword: LIM_LA, interpolation: spline, N: 4000}
                  - {pair: [Lim, Zr], style: table, file: '%1$s', keyword: LIM_ZR, interpolation: spline, N: 4000}
                """, table));
        ForceField crossFf = ForceFieldLoader.load(crossPath);

        int lim = hybrid.species().typeOf("Lim");
        int[] garnet = indices(all, t -> t != lim);
        int[] metal = indices(all, t -> t == lim);
        assertTrue(metal.length == 2 * 4 * 4 * 3 && garnet.length == 192, metal.length + " metal, " + garnet.length + " garnet atoms");
        ReferenceEvaluator.Result rg = ReferenceEvaluator.evaluate(llzoFf, subset(all, garnet, llzoFf.species(), hybrid.species()), box);
        ReferenceEvaluator.Result rm = ReferenceEvaluator.evaluate(metalFf, subset(all, metal, metalFf.species(), null), box);
        ReferenceEvaluator.Result rc = ReferenceEvaluator.evaluate(crossFf, all, box);

        double sum = rg.energy + rm.energy + rc.energy;
        System.out.println(String.format(Locale.ROOT, "Li|LLZO stack (%d atoms): E = %.9f eV = LLZO %.9f + metal %.9f + cross %.9f",
                all.nlocal, whole.energy, rg.energy, rm.energy, rc.energy));
        assertEquals(sum, whole.energy, 1e-9 * Math.abs(whole.energy));
        double maxDiff = 0;
        for (int k = 0; k < all.nlocal; k++) {
            for (int d = 0; d < 3; d++) {
                double parts = rc.f[3 * k + d];
                int g = indexOf(garnet, k);
                parts += g >= 0 ? rg.f[3 * g + d] : rm.f[3 * indexOf(metal, k) + d];
                maxDiff = Math.max(maxDiff, Math.abs(parts - whole.f[3 * k + d]));
            }
        }
        assertTrue(maxDiff < 1e-9, "max force difference " + maxDiff + " eV/A");
    }

    interface TypeTest {
        boolean test(int type);
    }

    static int[] indices(Atoms a, TypeTest t) {
        return java.util.stream.IntStream.range(0, a.nlocal).filter(i -> t.test(a.type[i])).toArray();
    }

    static int indexOf(int[] list, int k) {
        return java.util.Arrays.binarySearch(list, k);
    }

    /** The atoms at the given indices on another force field's species (metal atoms become 'Li' when from is null). */
    static Atoms subset(Atoms all, int[] idx, Species to, Species from) {
        Atoms a = new Atoms(to, idx.length);
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            System.arraycopy(all.x, 3 * i, a.x, 3 * k, 3);
            a.type[k] = from == null ? to.typeOf("Li") : to.typeOf(from.name(all.type[i]));
            a.id[k] = k + 1;
        }
        a.chargesFromSpecies();
        return a;
    }
}
