package org.dendrite.md.build.defect;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.build.AtomicModel;
import org.dendrite.md.build.BuildContext;
import org.dendrite.md.build.ModelModifier;

/**
 * {@code {type: vacancies, species: Li, count: 8}} (or {@code fraction: 0.05}): removes atoms of
 * one species chosen uniformly at random with a seeded sampler, optionally only inside a
 * {@code region}.
 *
 * <p>Charge compensation ({@code compensate: true}, the default) is by Schottky-type removal of
 * counter-ions: N vacancies of charge q_v are balanced by removing M = round(N q_v / |q_c|) atoms of
 * the compensating species (charge q_c of opposite sign), by default O for a cation vacancy and Li
 * for an O vacancy ({@code compensate_species}), drawn at random from the same region. With Li
 * vacancies that is one O per two Li (a Li₂O Schottky unit); any remainder that whole atoms cannot
 * balance (e.g. one La vacancy = 1.5 O) stays as net charge and is reported.
 *
 * <p>Keys: {@code species} (required), {@code count} | {@code fraction} (of that species' atoms in
 * the region), {@code region}, {@code seed} (default: the run seed mixed with this entry's config
 * path), {@code compensate}, {@code compensate_species}. Charges are the force field's (formal
 * ones without a force field).
 */
public final class VacancyModifier implements ModelModifier {
    @Override
    public void apply(AtomicModel m, Params p, BuildContext ctx) {
        String species = p.requireString("species");
        boolean[] mask = Defects.regionMask(m, p, "region");
        int[] pool = Defects.candidates(m, species, mask);
        if (m.count(species) == 0) {
            throw new ParamException(p.pathOf("species"), "no atom of '" + species + "' in the model (it has "
                    + String.join(", ", m.elements()) + ")");
        }
        int n = Defects.amount(p, pool.length, species + " atoms" + (mask == null ? "" : " in the region"));
        long seed = Defects.seed(p, ctx);
        boolean compensate = p.getBoolean("compensate", true);
        double qv = Defects.charge(ctx, species, p.pathOf("species"));
        String comp = p.getString("compensate_species", qv > 0 ? "O" : "Li");
        p.finish();
        double qc = compensate ? Defects.charge(ctx, comp, p.pathOf("compensate_species")) : 0.0;
        if (compensate && !(qc * qv < 0)) {
            throw new ParamException(p.pathOf("compensate_species"), "'" + comp + "' (" + qc + " e) must carry a charge"
                    + " of opposite sign to the vacancies' " + species + " (" + qv + " e)");
        }
        Map<String, Integer> before = Defects.composition(m);
        double qBefore = Defects.netCharge(m, ctx, p.path());
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] keep = new boolean[m.size()];
        java.util.Arrays.fill(keep, true);
        for (int i : Defects.choose(pool, n, rng)) {
            keep[i] = false;
        }
        int mc = 0;
        if (compensate && n > 0) {
            mc = (int) Math.round(n * Math.abs(qv) / Math.abs(qc));
            int[] compPool = Defects.candidates(m, comp, mask);
            if (mc > compPool.length) {
                throw new ParamException(p.pathOf("compensate_species"), n + " " + species + " vacancies need " + mc
                        + " " + comp + " removed for neutrality, but only " + compPool.length + " are available"
                        + (mask == null ? "" : " in the region"));
            }
            for (int i : Defects.choose(compPool, mc, rng)) {
                keep[i] = false;
            }
        }
        m.retain(keep);
        ctx.report().put(p.path(), "vacancies_" + species, n);
        ctx.report().put(p.path(), "seed", seed);
        ctx.report().put(p.path(), "net_charge_before_e", qBefore);
        Defects.reportRemoval(m, before, p, ctx);
        if (compensate && n > 0) {
            ctx.report().note(p.path(), String.format(Locale.ROOT, "%d %s vacancies (%.6g e each) compensated by"
                    + " removing %d %s (%.6g e each), chosen at random%s; net charge %.6g e -> %.6g e", n, species, qv,
                    mc, comp, qc, mask == null ? "" : " in the region", qBefore, Defects.netCharge(m, ctx, p.path())));
        }
    }
}
