package org.dendrite.fem.polycrystal;

import java.util.SplittableRandom;

import org.dendrite.fem.FemException;

/**
 * A 2-D Voronoi tessellation of a rectangle from seeded random points: grain g is the set of points
 * nearer to seed g than to any other (bounded box, no periodic images). The number of grains is set
 * by the target mean grain size d, taken as the equivalent-circle diameter of the mean grain area:
 * N = round(W·H / (π d²/4)). Seeds are drawn uniformly with a hard-core distance r_min (random
 * sequential addition) so that no grain is much smaller than a mesh element; r_min = 0 gives the
 * Poisson–Voronoi tessellation. The same seed gives the same points (SplittableRandom).
 */
public final class Voronoi2D {
    private final double[] seeds;
    private final double x0;
    private final double y0;
    private final double width;
    private final double height;

    private Voronoi2D(double[] seeds, double x0, double y0, double width, double height) {
        this.seeds = seeds;
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
    }

    /** Number of grains for a target equivalent-circle diameter d in a W×H rectangle (at least 1). */
    public static int grainCount(double width, double height, double grainSize) {
        return (int) Math.max(1, Math.round(width * height / (Math.PI * grainSize * grainSize / 4)));
    }

    /**
     * Seeds in [x0, x0+W]×[y0, y0+H] for target grain size d (m), with hard-core distance
     * {@code minDistanceFraction}·d (0 ≤ fraction < 1; 0.5 by default in scenarios).
     */
    public static Voronoi2D generate(double x0, double y0, double width, double height, double grainSize,
            double minDistanceFraction, long seed) {
        if (!(width > 0 && height > 0 && grainSize > 0)) {
            throw new FemException("Voronoi box and grain size must be positive, got " + width + " × " + height
                    + " m, grain size " + grainSize + " m");
        }
        if (!(minDistanceFraction >= 0 && minDistanceFraction < 1)) {
            throw new FemException("minimum seed distance fraction must be in [0, 1), got " + minDistanceFraction);
        }
        int n = grainCount(width, height, grainSize);
        double rmin2 = Math.pow(minDistanceFraction * grainSize, 2);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] pts = new double[2 * n];
        int placed = 0;
        long attempts = 0;
        long maxAttempts = 10_000L * n;
        while (placed < n) {
            double x = x0 + width * rng.nextDouble();
            double y = y0 + height * rng.nextDouble();
            boolean ok = true;
            for (int k = 0; k < placed && ok; k++) {
                double dx = x - pts[2 * k];
                double dy = y - pts[2 * k + 1];
                ok = dx * dx + dy * dy >= rmin2;
            }
            if (ok) {
                pts[2 * placed] = x;
                pts[2 * placed + 1] = y;
                placed++;
            } else if (++attempts > maxAttempts) {
                throw new FemException("cannot place " + n + " Voronoi seeds " + minDistanceFraction * grainSize
                        + " m apart in " + width + " × " + height + " m after " + maxAttempts
                        + " attempts; lower the minimum seed distance");
            }
        }
        return new Voronoi2D(pts, x0, y0, width, height);
    }

    /** A tessellation from given seeds (x, y pairs). */
    public static Voronoi2D of(double x0, double y0, double width, double height, double... xy) {
        if (xy.length == 0 || xy.length % 2 != 0) {
            throw new FemException("Voronoi seeds must be (x, y) pairs, got " + xy.length + " numbers");
        }
        return new Voronoi2D(xy.clone(), x0, y0, width, height);
    }

    public int grains() {
        return seeds.length / 2;
    }

    public double seedX(int g) {
        return seeds[2 * g];
    }

    public double seedY(int g) {
        return seeds[2 * g + 1];
    }

    /** Lower-left corner and size of the tessellated rectangle: {x0, y0, W, H}. */
    public double[] box() {
        return new double[] {x0, y0, width, height};
    }

    /** The grain containing (x, y): the nearest seed (ties to the lower index). */
    public int grainAt(double x, double y) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int g = 0; g < seeds.length / 2; g++) {
            double dx = x - seeds[2 * g];
            double dy = y - seeds[2 * g + 1];
            double d2 = dx * dx + dy * dy;
            if (d2 < bd) {
                bd = d2;
                best = g;
            }
        }
        return best;
    }
}
