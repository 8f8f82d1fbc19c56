package org.dendrite.md.analysis;

import org.dendrite.md.Units;

/**
 * Diffusion coefficient from a mean squared displacement (Einstein relation in 3-D,
 * MSD(t) ≈ 6 D t + c in the linear regime) and the Nernst–Einstein conductivity of the diffusing
 * ions, σ = n q² D / (k_B T) with n = N/V (uncorrelated ions: no Haven ratio, no cross terms).
 *
 * <p>The fit uses the samples with t in [fitStart·t_max, fitEnd·t_max] (the ballistic start and
 * the poorly averaged end are left out by the caller's fractions). Its error is the larger of the
 * least-squares standard error of the slope (which ignores the correlation of successive MSD
 * points, so it is too small) and half the difference of the slopes fitted on the two halves of
 * the window (a measure of how far from linear the window is).
 *
 * @param dA2PerPs      D, Å²/ps
 * @param errorA2PerPs  its error, Å²/ps
 * @param fitStartPs    first time of the fit window, ps
 * @param fitEndPs      last time of the fit window, ps
 * @param points        samples in the window
 */
public record Diffusion(double dA2PerPs, double errorA2PerPs, double fitStartPs, double fitEndPs, int points) {
    /** 1 Å²/ps = 1e-16 cm² / 1e-12 s = 1e-4 cm²/s. */
    public static final double A2_PER_PS_TO_CM2_PER_S = 1e-4;
    private static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
    private static final double BOLTZMANN_J_PER_K = 1.380649e-23;

    /**
     * @param t         times from the window's origin, ps, ascending
     * @param msd       MSD at those times, Å²
     * @param count     number of samples
     * @param fitStart  window start as a fraction of the last time (e.g. 0.2)
     * @param fitEnd    window end as a fraction of the last time (e.g. 1.0)
     */
    public static Diffusion fit(double[] t, double[] msd, int count, double fitStart, double fitEnd) {
        double tMax = t[count - 1];
        int from = 0;
        while (from < count && t[from] < fitStart * tMax - 1e-12) {
            from++;
        }
        int to = from;
        while (to < count && t[to] <= fitEnd * tMax + 1e-12) {
            to++;
        }
        if (to - from < 4) {
            throw new IllegalArgumentException("the MSD fit window [" + fitStart + ", " + fitEnd + "] of " + tMax
                    + " ps holds " + (to - from) + " samples; at least 4 are needed (sample more often or run longer)");
        }
        LinearFit all = LinearFit.of(t, msd, from, to);
        int mid = from + (to - from) / 2;
        LinearFit first = LinearFit.of(t, msd, from, mid);
        LinearFit second = LinearFit.of(t, msd, mid, to);
        double err = Math.max(all.slopeError(), 0.5 * Math.abs(first.slope() - second.slope()));
        return new Diffusion(all.slope() / 6, err / 6, t[from], t[to - 1], to - from);
    }

    public double dCm2PerS() {
        return dA2PerPs * A2_PER_PS_TO_CM2_PER_S;
    }

    public double errorCm2PerS() {
        return errorA2PerPs * A2_PER_PS_TO_CM2_PER_S;
    }

    /**
     * Nernst–Einstein conductivity, S/m.
     *
     * @param ions         number of diffusing ions
     * @param volumeA3     cell volume, Å³
     * @param chargeE      ionic charge, e (formal, e.g. +1 for Li⁺)
     * @param temperatureK temperature, K
     * @param dA2PerPs     diffusion coefficient, Å²/ps
     */
    public static double nernstEinsteinSPerM(int ions, double volumeA3, double chargeE, double temperatureK,
                                             double dA2PerPs) {
        double n = ions / (volumeA3 * 1e-30);
        double q = chargeE * ELEMENTARY_CHARGE_C;
        double d = dA2PerPs * 1e-8;
        return n * q * q * d / (BOLTZMANN_J_PER_K * temperatureK);
    }

    /** Kinetic temperature of the given atoms (3N − 3 degrees of freedom), K. */
    static double kineticTemperature(org.dendrite.md.Atoms a) {
        double twoKe = 0;
        for (int i = 0; i < a.nlocal; i++) {
            double m = a.species.mass(a.type[i]);
            double vx = a.v[3 * i], vy = a.v[3 * i + 1], vz = a.v[3 * i + 2];
            twoKe += m * (vx * vx + vy * vy + vz * vz);
        }
        int dof = Math.max(1, 3 * a.nlocal - 3);
        return twoKe * Units.MVV_TO_EV / (dof * Units.BOLTZMANN_EV_PER_K);
    }
}
