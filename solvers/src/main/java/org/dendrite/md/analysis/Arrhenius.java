package org.dendrite.md.analysis;

import org.dendrite.md.Units;

/**
 * Arrhenius fit of a thermally activated quantity, D(T) = D0 · exp(−Ea / (k_B T)): a straight line
 * ln D = ln D0 − (Ea/k_B)·(1/T) fitted by {@link LinearFit}, weighted by σ_lnD = σ_D / D when the
 * errors of D are given. Works for conductivities as well (σT is the activated quantity there
 * when the caller passes σ·T).
 *
 * @param activationEv      Ea, eV
 * @param activationErrorEv standard error of Ea, eV
 * @param prefactor         D0, in the unit of the data
 * @param lnPrefactorError  standard error of ln D0
 * @param points            number of temperatures fitted
 */
public record Arrhenius(double activationEv, double activationErrorEv, double prefactor, double lnPrefactorError,
                        int points) {

    /**
     * @param temperatureK temperatures, K (> 0)
     * @param value        the activated quantity at each temperature (> 0)
     * @param error        its standard errors (null or any non-positive entry: unweighted fit)
     */
    public static Arrhenius fit(double[] temperatureK, double[] value, double[] error) {
        int n = temperatureK.length;
        if (value.length != n || (error != null && error.length != n)) {
            throw new IllegalArgumentException("one value (and error) per temperature");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s = error == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            if (!(temperatureK[i] > 0) || !(value[i] > 0)) {
                throw new IllegalArgumentException("Arrhenius fit needs T > 0 and values > 0, got T = "
                        + temperatureK[i] + " K, value " + value[i]);
            }
            x[i] = 1 / temperatureK[i];
            y[i] = Math.log(value[i]);
            if (s != null) {
                if (!(error[i] > 0)) {
                    s = null;
                } else {
                    s[i] = error[i] / value[i];
                }
            }
        }
        LinearFit f = LinearFit.weighted(x, y, s, 0, n);
        double kb = Units.BOLTZMANN_EV_PER_K;
        return new Arrhenius(-f.slope() * kb, f.slopeError() * kb, Math.exp(f.intercept()), f.interceptError(), n);
    }

    /** The fitted value at temperature T. */
    public double at(double temperatureK) {
        return prefactor * Math.exp(-activationEv / (Units.BOLTZMANN_EV_PER_K * temperatureK));
    }
}
