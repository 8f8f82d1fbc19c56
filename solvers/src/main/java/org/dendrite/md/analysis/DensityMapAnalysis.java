package org.dendrite.md.analysis;

import java.io.IOException;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.md.Atoms;
import org.dendrite.md.Box;
import org.dendrite.md.state.SimulationState;

/**
 * {@code type: density-map}: number density of a species projected onto a plane (seed 001
 * Figs. 3c, 3f–g, 5d–g show Li in the yz plane), averaged over the samples: atoms are binned by
 * their fractional coordinates along the two in-plane axes, and the count of a bin is divided by
 * the number of samples and the bin's volume (bin area × the cell's extent along the projected
 * axis), so a uniform distribution gives its bulk number density everywhere.
 *
 * <p>Keys: {@code species} ([Li]), {@code plane} (yz; or xz, xy), {@code bins} ([60, 60]: along the
 * first and second in-plane axis). Files: {@code NAME.csv} (u_A, v_A: bin centres along the
 * plane's axes, named by them, e.g. y_A, z_A; density_per_A3), {@code NAME.png}. Metrics:
 * {@code NAME_max_over_mean} (peak density over the mean: how concentrated the species is).
 * For orthorhombic cells the axes are Cartesian; in a triclinic cell the map is in the fractional
 * coordinates scaled by the cell lengths.
 */
public final class DensityMapAnalysis implements Analysis {
    private final AnalysisSettings settings;
    private final AnalysisContext ctx;
    private final int[] species;
    private final int u;
    private final int v;
    private final int w;
    private final int nu;
    private final int nv;
    private final long[][] hist;
    private int samples;
    private double lu;
    private double lv;
    private double volumeSum;
    private final double[] frac = new double[3];

    public DensityMapAnalysis(Params p, AnalysisSettings settings, AnalysisContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
        species = Analyses.speciesList(ctx.species(), p, "species", List.of("Li"));
        String plane = p.getChoice("plane", "yz", "yz", "xz", "xy");
        u = "xyz".indexOf(plane.charAt(0));
        v = "xyz".indexOf(plane.charAt(1));
        w = 3 - u - v;
        double[] b = p.getDoubles("bins", 2);
        nu = b == null ? 60 : (int) b[0];
        nv = b == null ? 60 : (int) b[1];
        if (nu < 1 || nv < 1 || nu > 2000 || nv > 2000) {
            throw new ParamException(p.pathOf("bins"), "must be two counts from 1 to 2000, got " + nu + ", " + nv);
        }
        p.finish();
        hist = new long[nv][nu];
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    private static double length(Box box, int k) {
        return k == 0 ? box.lx() : k == 1 ? box.ly() : box.lz();
    }

    @Override
    public void sample(SimulationState whole, int stageIndex) {
        Atoms a = whole.atoms;
        Box box = whole.box;
        for (int i = 0; i < a.nlocal; i++) {
            boolean take = false;
            for (int t : species) {
                take |= a.type[i] == t;
            }
            if (!take) {
                continue;
            }
            box.toFractional(a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2], frac, 0);
            double su = frac[u] - Math.floor(frac[u]);
            double sv = frac[v] - Math.floor(frac[v]);
            hist[Math.min(nv - 1, (int) (sv * nv))][Math.min(nu - 1, (int) (su * nu))]++;
        }
        lu += length(box, u);
        lv += length(box, v);
        volumeSum += box.volume();
        samples++;
    }

    @Override
    public void finish() throws IOException {
        if (samples == 0) {
            ctx.metrics().putText(settings.name() + "_status", "no frame sampled");
            return;
        }
        double mu = lu / samples;
        double mv = lv / samples;
        double binVolume = volumeSum / samples / (nu * nv);
        double[][] rho = new double[nv][nu];
        double max = 0, sum = 0;
        String cu = "xyz".charAt(u) + "_A";
        String cv = "xyz".charAt(v) + "_A";
        try (Csv csv = new Csv(ctx.file(settings.file(".csv")), List.of(cu, cv, "density_per_A3"))) {
            for (int j = 0; j < nv; j++) {
                for (int i = 0; i < nu; i++) {
                    rho[j][i] = hist[j][i] / (samples * binVolume);
                    max = Math.max(max, rho[j][i]);
                    sum += rho[j][i];
                    csv.row((i + 0.5) * mu / nu, (j + 0.5) * mv / nv, rho[j][i]);
                }
            }
        }
        double mean = sum / (nu * nv);
        if (mean > 0) {
            ctx.metrics().put(settings.name() + "_max_over_mean", max / mean);
        }
        StringBuilder names = new StringBuilder();
        for (int t : species) {
            names.append(names.length() == 0 ? "" : "+").append(ctx.species().name(t));
        }
        ctx.plotter().map(settings.file(".png"), names + " density, " + "xyz".charAt(w) + " projected (" + samples
                        + " samples)", "xyz".charAt(u) + " (Å)", "xyz".charAt(v) + " (Å)", 0, mu, 0, mv, rho,
                "number density (1/Å³)");
    }
}
