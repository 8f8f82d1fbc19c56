package org.dendrite.md.analysis;

import java.util.Arrays;

/**
 * A uniaxial tensile test as a table of (axial strain, axial stress, lateral strains, potential
 * energy per atom), and the quantities seed 000 takes from it (You et al., ACS Appl. Mater.
 * Interfaces 17, 32163 (2025), §2 and §4.6):
 *
 * <ul>
 * <li>Young's modulus E: slope of σ(ε) by least squares over a stated strain window of the elastic
 *     stage (intercept free, so a residual stress at ε = 0 does not bias it);</li>
 * <li>Poisson's ratio ν = −dε_lat/dε over the same window, per lateral axis and their mean (the
 *     lateral strains are those the lateral barostat lets the cell take);</li>
 * <li>peak stress and the strain at the peak; the failure strain, the first strain after the peak
 *     at which σ has fallen to {@code failureFraction}·σ_peak (complete separation);</li>
 * <li>critical energy release rate, eq. 1: G_c = (V/A_crack) ∫σ dε (trapezoids from the first
 *     point to the failure strain, or to the last point when the sample did not fail), with V the
 *     initial volume and A_crack the crack area. In the units used here,
 *     G_c [J/m²] = 0.1 · (V/A_crack) [Å] · ∫σ dε [GPa] (1 Å·GPa = 10⁻¹⁰ m · 10⁹ Pa = 0.1 J/m²);</li>
 * <li>critical stress intensity factor, eq. 2 (plane strain): K_Ic = sqrt(G_c E / (1 − ν²)),
 *     reported in MPa·m^0.5 (G_c in J/m² times E in Pa gives Pa²·m).</li>
 * </ul>
 *
 * Rows are appended as a run goes (a few thousand doubles, not a trajectory); {@link #analyze} may
 * be called at any time.
 */
public final class TensileCurve {
    /** Conversion of (V/A) [Å] · ∫σ dε [GPa] into J/m². */
    public static final double ANGSTROM_GPA_TO_J_PER_M2 = 0.1;

    private double[] strain = new double[64];
    private double[] stressGPa = new double[64];
    private double[] lat1 = new double[64];
    private double[] lat2 = new double[64];
    private double[] peEvPerAtom = new double[64];
    private int n;

    /**
     * How to evaluate a curve.
     *
     * @param fitFrom         lower strain of the elastic fit window
     * @param fitTo           upper strain of the elastic fit window
     * @param failureFraction σ/σ_peak below which, after the peak, the sample counts as separated (0..1)
     * @param volumeA3        V of eq. 1: the cell volume at zero strain, Å³
     * @param crackAreaA2     A_crack of eq. 1, Å² (for a crack across the whole periodic cell: its
     *                        cross-section normal to the pulling axis, V/L₀)
     * @param poissonOverride ν to use in eq. 2 instead of the fitted one (NaN: use the fit)
     */
    public record Settings(double fitFrom, double fitTo, double failureFraction, double volumeA3,
                           double crackAreaA2, double poissonOverride) {
        public Settings {
            if (!(fitTo > fitFrom)) {
                throw new IllegalArgumentException("fit window must have to > from, got [" + fitFrom + ", " + fitTo + "]");
            }
            if (!(failureFraction >= 0 && failureFraction < 1)) {
                throw new IllegalArgumentException("failure fraction must be in [0, 1), got " + failureFraction);
            }
            if (!(volumeA3 > 0) || !(crackAreaA2 > 0)) {
                throw new IllegalArgumentException("volume and crack area must be > 0, got " + volumeA3 + " Å³, "
                        + crackAreaA2 + " Å²");
            }
        }
    }

    /**
     * What the curve gives. NaN marks a quantity that could not be obtained (no lateral data,
     * no failure within the curve).
     *
     * @param modulus        fit of σ [GPa] against ε: slope = E in GPa
     * @param nuLateral1     ν from the first lateral axis (in x, y, z order)
     * @param nuLateral2     ν from the second lateral axis
     * @param nu             mean of the two, or the override
     * @param peakStressGPa  largest σ
     * @param strainAtPeak   ε at the largest σ
     * @param failureStrain  first ε after the peak with σ ≤ failureFraction·σ_peak (NaN: did not fail)
     * @param workGPa        ∫σ dε up to {@code integratedTo}, GPa
     * @param integratedTo   upper strain of the integral
     * @param gcJPerM2       G_c, J/m²
     * @param kIcMPaSqrtM    K_Ic, MPa·m^0.5
     * @param peRiseEvPerAtom change of potential energy per atom from the first point to the peak, eV
     */
    public record Result(LinearFit modulus, double nuLateral1, double nuLateral2, double nu, double peakStressGPa,
                         double strainAtPeak, double failureStrain, double workGPa, double integratedTo,
                         double gcJPerM2, double kIcMPaSqrtM, double peRiseEvPerAtom) {
        public double youngsGPa() {
            return modulus.slope();
        }

        public boolean failed() {
            return !Double.isNaN(failureStrain);
        }
    }

    /**
     * Appends a row; lateral strains may be NaN (lateral cell fixed), the energy may be NaN.
     *
     * @param eps        axial engineering strain
     * @param sigmaGPa   axial stress, tension positive, GPa
     * @param epsLat1    engineering strain of the first lateral axis
     * @param epsLat2    engineering strain of the second lateral axis
     * @param pePerAtom  potential energy per atom, eV
     */
    public void add(double eps, double sigmaGPa, double epsLat1, double epsLat2, double pePerAtom) {
        if (n == strain.length) {
            int m = 2 * n;
            strain = Arrays.copyOf(strain, m);
            stressGPa = Arrays.copyOf(stressGPa, m);
            lat1 = Arrays.copyOf(lat1, m);
            lat2 = Arrays.copyOf(lat2, m);
            peEvPerAtom = Arrays.copyOf(peEvPerAtom, m);
        }
        strain[n] = eps;
        stressGPa[n] = sigmaGPa;
        lat1[n] = epsLat1;
        lat2[n] = epsLat2;
        peEvPerAtom[n] = pePerAtom;
        n++;
    }

    public int size() {
        return n;
    }

    public double strain(int i) {
        return strain[i];
    }

    public double stressGPa(int i) {
        return stressGPa[i];
    }

    public double lateral1(int i) {
        return lat1[i];
    }

    public double lateral2(int i) {
        return lat2[i];
    }

    public double pePerAtom(int i) {
        return peEvPerAtom[i];
    }

    /** Copies of the columns (for plots). */
    public double[] strains() {
        return Arrays.copyOf(strain, n);
    }

    public double[] stressesGPa() {
        return Arrays.copyOf(stressGPa, n);
    }

    /** Potential energy per atom relative to the first row, eV. */
    public double[] peChangeEvPerAtom() {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = peEvPerAtom[i] - peEvPerAtom[0];
        }
        return d;
    }

    /** Evaluates the curve (see the class comment). */
    public Result analyze(Settings s) {
        if (n < 3) {
            throw new IllegalArgumentException("a tensile curve needs at least 3 rows, has " + n);
        }
        LinearFit fit = fitInWindow(strain, stressGPa, s);
        double nu1 = poisson(lat1, s);
        double nu2 = poisson(lat2, s);
        double nu;
        if (!Double.isNaN(s.poissonOverride())) {
            nu = s.poissonOverride();
        } else if (Double.isNaN(nu1) || Double.isNaN(nu2)) {
            nu = Double.isNaN(nu1) ? nu2 : nu1;
        } else {
            nu = 0.5 * (nu1 + nu2);
        }
        int peak = 0;
        for (int i = 1; i < n; i++) {
            if (stressGPa[i] > stressGPa[peak]) {
                peak = i;
            }
        }
        double peakStress = stressGPa[peak];
        int fail = -1;
        for (int i = peak + 1; i < n; i++) {
            if (stressGPa[i] <= s.failureFraction() * peakStress) {
                fail = i;
                break;
            }
        }
        int last = fail >= 0 ? fail : n - 1;
        double work = 0;
        for (int i = 1; i <= last; i++) {
            work += 0.5 * (stressGPa[i] + stressGPa[i - 1]) * (strain[i] - strain[i - 1]);
        }
        double gc = ANGSTROM_GPA_TO_J_PER_M2 * s.volumeA3() / s.crackAreaA2() * work;
        double kic = Double.NaN;
        double e = fit.slope();
        if (!Double.isNaN(nu) && gc > 0 && e > 0 && Math.abs(nu) < 1) {
            kic = Math.sqrt(gc * e * 1e9 / (1 - nu * nu)) * 1e-6;
        }
        return new Result(fit, nu1, nu2, nu, peakStress, strain[peak], fail >= 0 ? strain[fail] : Double.NaN, work,
                strain[last], gc, kic, peEvPerAtom[peak] - peEvPerAtom[0]);
    }

    /** −slope of a lateral strain against the axial strain over the fit window (NaN without data). */
    private double poisson(double[] lat, Settings s) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(lat[i]) && strain[i] >= s.fitFrom() && strain[i] <= s.fitTo()) {
                return Double.NaN;
            }
        }
        return -fitInWindow(strain, lat, s).slope();
    }

    /** Least-squares line through the rows whose strain lies in the fit window (ends included). */
    private LinearFit fitInWindow(double[] x, double[] y, Settings s) {
        double[] xw = new double[n];
        double[] yw = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] >= s.fitFrom() && x[i] <= s.fitTo()) {
                xw[m] = x[i];
                yw[m++] = y[i];
            }
        }
        if (m < 2) {
            throw new IllegalArgumentException("fewer than 2 points (" + m + ") with strain in [" + s.fitFrom() + ", "
                    + s.fitTo() + "]");
        }
        return LinearFit.of(xw, yw, 0, m);
    }
}
