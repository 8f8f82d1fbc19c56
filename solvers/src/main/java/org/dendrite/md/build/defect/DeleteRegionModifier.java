package org.dendrite.md.build.defect;

import java.util.List;
import java.util.Map;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.ModelModifier;
import org.dendrite.md.region.Region;
import org.dendrite.md.region.Regions;

/**
 * {@code {type: delete-region, region: {…}, species: [Li, O]}}: removes the atoms inside a region
 * (LAMMPS {@code delete_atoms region}), optionally only those of the listed species. Reports the
 * atoms removed per element and the net charge after.
 */
public final class DeleteRegionModifier implements ModelModifier {
    @Override
    public void apply(AtomicModel m, Params p, BuildContext ctx) {
        if (!p.has("region")) {
            throw new ParamException(p.pathOf("region"), "is required: the region whose atoms are removed");
        }
        Region region = Regions.parse(p.child("region"));
        List<String> species = p.getStrings("species");
        p.finish();
        if (species != null) {
            for (int k = 0; k < species.size(); k++) {
                if (m.count(species.get(k)) == 0) {
                    throw new ParamException(p.pathOf("species") + "[" + k + "]", "no atom of '" + species.get(k)
                            + "' in the model (it has " + String.join(", ", m.elements()) + ")");
                }
            }
        }
        boolean[] inside = region.place(m.box()).mask(m.positions(), m.size());
        Map<String, Integer> before = Defects.composition(m);
        boolean[] keep = new boolean[m.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !(inside[i] && (species == null || species.contains(m.element(i))));
        }
        m.retain(keep);
        ctx.report().put(p.path(), "region", region.describe());
        Defects.reportRemoval(m, before, p, ctx);
    }
}
