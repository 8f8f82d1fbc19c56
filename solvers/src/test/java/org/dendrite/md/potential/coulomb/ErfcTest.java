package org.dendrite.md.potential.coulomb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErfcTest {
    /** x and erfc(x) to 30 digits (mpmath, mp.dps = 30). */
    private static final String[][] REFERENCE = {
        {"0", "1.0"},
        {"1e-10", "0.999999999887162083290448742611"},
        {"0.1", "0.887537083981715107796724928256"},
        {"0.46875", "0.507386526782062008411823898065"},
        {"0.47", "0.506254949113917863482908403101"},
        {"0.5", "0.479500122186953462317253346108"},
        {"1", "0.157299207050285130658779364917"},
        {"1.5", "0.0338948535246892729330237383541"},
        {"2", "0.00467773498104726583793074363275"},
        {"2.5", "0.000406952017444958939564215739975"},
        {"3", "0.0000220904969985854413727761295823"},
        {"4", "0.0000000154172579002800188521596734869"},
        {"4.5", "1.96616044154288747627916036766e-10"},
        {"5", "1.53745979442803485018834348538e-12"},
        {"6", "2.15197367124989131165933503992e-17"},
        {"10", "2.08848758376254475700078629496e-45"},
        {"26", "5.66319240885614284647572789693e-296"},
        {"-0.3", "1.32862675945912742763891404787"},
        {"-1", "1.84270079294971486934122063508"},
        {"-3", "1.99997790950300141455862722387"},
    };

    @Test
    @DisplayName("Cody erfc agrees with 30-digit reference values to a few ulp (5e-16 relative) over [-3, 26]")
    void erfcMatchesHighPrecisionValues() {
        double worst = 0;
        for (String[] row : REFERENCE) {
            double x = Double.parseDouble(row[0]);
            double ref = Double.parseDouble(row[1]);
            double rel = Math.abs(Erfc.erfc(x) - ref) / ref;
            worst = Math.max(worst, rel);
            assertTrue(rel < 5e-16, "erfc(" + x + ") relative error " + rel);
        }
        System.out.printf("[erfc] worst relative error vs 30-digit values: %.2e%n", worst);
    }

    @Test
    @DisplayName("erfc given exp(-x^2) equals the stand-alone erfc to 1e-14 relative for 0 <= x <= 6")
    void erfcGivenExpAgreesWithErfc() {
        for (int k = 0; k <= 6000; k++) {
            double x = k * 1e-3;
            double a = Erfc.erfc(x);
            double b = Erfc.erfcGivenExp(x, Math.exp(-x * x));
            assertEquals(a, b, 1e-14 * a, "x = " + x);
        }
    }

    @Test
    @DisplayName("erf(x) + erfc(x) = 1 and erf is odd")
    void erfAndErfcAreComplementary() {
        for (int k = -4000; k <= 4000; k++) {
            double x = k * 1e-3;
            assertEquals(1.0, Erfc.erf(x) + Erfc.erfc(x), 2e-16, "x = " + x);
            assertEquals(-Erfc.erf(x), Erfc.erf(-x), 0.0, "x = " + x);
        }
    }

    @Test
    @DisplayName("the LAMMPS (Abramowitz-Stegun 7.1.26) polynomial stays within its published 1.5e-7 absolute error")
    void lammpsPolynomialErrorIsWithinItsBound() {
        double worst = 0;
        double at = 0;
        for (int k = 0; k <= 60000; k++) {
            double x = k * 1e-4;
            double ex = Math.exp(-x * x);
            double err = Math.abs(Erfc.erfcAbramowitzStegun(x, ex) - Erfc.erfc(x));
            if (err > worst) {
                worst = err;
                at = x;
            }
        }
        System.out.printf("[erfc] Abramowitz-Stegun 7.1.26 max abs error %.3e at x = %.4f%n", worst, at);
        assertTrue(worst <= 1.5e-7, "max abs error " + worst);
    }
}
