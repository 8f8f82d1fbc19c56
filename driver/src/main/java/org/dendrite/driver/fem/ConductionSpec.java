package org.dendrite.driver.fem;

import java.util.ArrayList;
import java.util.List;

import org.dendrite.config.ParamException;
import org.dendrite.config.Params;
import org.dendrite.driver.config.ConfigTree;

/**
 * The keys of a {@code job: conduction} config (docs/config.md, "Conduction jobs"): a 2-D Voronoi
 * polycrystal between two electrodes, optional homogenizing layers, and an optional sweep of the
 * layer thickness. Lengths are read in µm/nm as the key names say and kept here in SI (m).
 */
public record ConductionSpec(String description, double widthM, double thicknessM, double grainSizeM,
                             double minSeedDistanceFraction, long seed, double elementSizeM,
                             double sigmaGrain, double sigmaGb, double gbThicknessM,
                             Layer bottom, Layer top, double voltageV, double rtol, int maxIterations,
                             String preconditioner, List<Double> sweepThicknessM, double sweepTolerance,
                             double hotSpotWindowM) {

    /** A layer on an electrode face: thickness m (0 = none) and conductivity S/m (NaN when absent). */
    public record Layer(double thicknessM, double sigma) {
    }

    /** GB conductance per area, S/m²: G = σ_GB / t_GB. */
    public double gbConductance() {
        return sigmaGb / gbThicknessM;
    }

    public boolean isSweep() {
        return !sweepThicknessM.isEmpty();
    }

    public static ConductionSpec read(ConfigTree tree) {
        try {
            return read(tree.params());
        } catch (ParamException e) {
            throw tree.error(e);
        }
    }

    static ConductionSpec read(Params p) {
        p.getString("job", null);
        String description = p.getString("description", "");
        Params g = p.child("geometry");
        if (!p.has("geometry")) {
            throw new ParamException("geometry", "is required (width_um, thickness_um, grain_size_um)");
        }
        double w = g.requirePositive("width_um") * 1e-6;
        double t = g.requirePositive("thickness_um") * 1e-6;
        double d = g.requirePositive("grain_size_um") * 1e-6;
        double frac = g.getNonNegative("min_seed_distance_fraction", 0.5);
        if (frac >= 1) {
            throw new ParamException(g.pathOf("min_seed_distance_fraction"), "must be below 1, got " + frac);
        }
        long seed = g.getLong("seed", 20261121L);
        g.finish();

        Params m = p.child("mesh");
        double h = m.getPositive("element_size_um", 0.5) * 1e-6;
        m.finish();
        if (w / h * (t / h) > 4e6) {
            throw new ParamException("mesh.element_size_um", "gives " + Math.round(w / h * (t / h))
                    + " elements in the polycrystal; keep it below 4e6 (2-D direct/AMG solve in memory)");
        }

        Params mat = p.child("materials");
        if (!p.has("materials")) {
            throw new ParamException("materials", "is required (sigma_grain_S_per_m, sigma_gb_S_per_m, gb_thickness_nm)");
        }
        double sg = mat.requirePositive("sigma_grain_S_per_m");
        double sgb = mat.requirePositive("sigma_gb_S_per_m");
        double tgb = mat.requirePositive("gb_thickness_nm") * 1e-9;
        mat.finish();

        Params ls = p.child("layers");
        Layer bottom = layer(ls, "bottom");
        Layer top = layer(ls, "top");
        ls.finish();

        double v = p.requireDouble("voltage_V");
        if (v == 0) {
            throw new ParamException(p.pathOf("voltage_V"), "must be non-zero (the potential of the ymax electrode;"
                    + " ymin, the Li|electrolyte interface, is at 0 V)");
        }
        // The facet max/mean grows under refinement at GB/electrode corners; the windowed ratio converges
        // (docs/validation.md §2). 1 µm: a tenth of the seed-003 grain size, several elements at h = 0.5 µm.
        double window = p.getPositive("hot_spot_window_um", 1.0) * 1e-6;
        if (window > w) {
            throw new ParamException(p.pathOf("hot_spot_window_um"), "must be at most geometry.width_um ("
                    + w * 1e6 + "), got " + window * 1e6);
        }
        Params s = p.child("solver");
        double rtol = s.getPositive("rtol", 1e-10);
        int maxIt = s.getInt("max_iterations", 5000);
        String pc = s.getChoice("preconditioner", "amg", "amg", "ic0", "jacobi", "none", "direct");
        s.finish();

        Params sw = p.child("sweep");
        List<Double> thick = new ArrayList<>();
        Object raw = sw.raw("layer_thickness_um");
        double tol = sw.getPositive("tolerance", 0.05);
        if (raw != null) {
            if (!(raw instanceof List<?> list) || list.isEmpty()) {
                throw new ParamException(sw.pathOf("layer_thickness_um"), "must be a non-empty list of thicknesses in µm");
            }
            for (int i = 0; i < list.size(); i++) {
                Object o = list.get(i);
                double x;
                try {
                    x = Double.parseDouble(String.valueOf(o));
                } catch (NumberFormatException e) {
                    throw new ParamException(sw.pathOf("layer_thickness_um") + "[" + i + "]", "must be a number, got " + o);
                }
                if (!(x >= 0)) {
                    throw new ParamException(sw.pathOf("layer_thickness_um") + "[" + i + "]", "must be ≥ 0, got " + o);
                }
                thick.add(x * 1e-6);
            }
            if (Double.isNaN(bottom.sigma()) || Double.isNaN(top.sigma())) {
                throw new ParamException("layers", "a layer-thickness sweep needs layers.bottom.sigma_S_per_m and"
                        + " layers.top.sigma_S_per_m (their thickness_um is replaced by the swept values)");
            }
        }
        sw.finish();
        p.finish();
        return new ConductionSpec(description, w, t, d, frac, seed, h, sg, sgb, tgb, bottom, top, v, rtol, maxIt, pc,
                thick, tol, window);
    }

    private static Layer layer(Params ls, String name) {
        Params l = ls.child(name);
        double th = l.getNonNegative("thickness_um", 0) * 1e-6;
        double sigma = Double.NaN;
        if (l.has("sigma_S_per_m")) {
            sigma = l.requirePositive("sigma_S_per_m");
        } else if (th > 0) {
            throw new ParamException(l.pathOf("sigma_S_per_m"), "is required: the " + name + " layer ("
                    + l.path() + ".thickness_um = " + th * 1e6 + ") has no conductivity");
        }
        l.finish();
        return new Layer(th, sigma);
    }

    /** The same spec with both layers of the given thickness (a sweep point). */
    public ConductionSpec withLayerThickness(double layerM) {
        return new ConductionSpec(description, widthM, thicknessM, grainSizeM, minSeedDistanceFraction, seed,
                elementSizeM, sigmaGrain, sigmaGb, gbThicknessM, new Layer(layerM, bottom.sigma()),
                new Layer(layerM, top.sigma()), voltageV, rtol, maxIterations, preconditioner, List.of(),
                sweepTolerance, hotSpotWindowM);
    }
}
