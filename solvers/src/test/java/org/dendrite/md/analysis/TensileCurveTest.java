package org.dendrite.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TensileCurveTest {

    private static TensileCurve.Settings settings(double from, double to, double volume, double area) {
        return new TensileCurve.Settings(from, to, 0.1, volume, area, Double.NaN);
    }

    @Test
    @DisplayName("a linear stress-strain curve gives back its modulus: exactly without noise, within 3 % and 3 standard errors with 0.1 GPa noise")
    void linearCurveGivesBackItsModulus() {
        TensileCurve exact = new TensileCurve();
        TensileCurve noisy = new TensileCurve();
        SplittableRandom rng = new SplittableRandom(5);
        double e = 131.0;
        for (int i = 0; i <= 400; i++) {
            double eps = 0.0001 * i;
            exact.add(eps, 0.2 + e * eps, Double.NaN, Double.NaN, Double.NaN);
            noisy.add(eps, e * eps + 0.1 * rng.nextGaussian(), Double.NaN, Double.NaN, Double.NaN);
        }
        TensileCurve.Result r = exact.analyze(settings(0, 0.02, 1000, 100));
        assertEquals(e, r.youngsGPa(), 1e-9);
        assertEquals(201, r.modulus().n());
        TensileCurve.Result rn = noisy.analyze(settings(0, 0.02, 1000, 100));
        assertEquals(e, rn.youngsGPa(), 0.03 * e);
        // the stated standard error covers the actual error (3 sigma)
        assertTrue(Math.abs(rn.youngsGPa() - e) < 3 * rn.modulus().slopeError());
        // no lateral strains recorded: no Poisson ratio and no K_Ic
        assertTrue(Double.isNaN(rn.nu()));
        assertTrue(Double.isNaN(rn.kIcMPaSqrtM()));
    }

    @Test
    @DisplayName("G_c of a known triangle: (V/A)·area·0.1 J/m² per Å·GPa, and K_Ic = sqrt(G_c E/(1-ν²)) in MPa·m^0.5")
    void criticalEnergyReleaseRateOfATriangle() {
        // σ rises at E = 100 GPa to 10 GPa at ε = 0.1, falls linearly to 0 at ε = 0.12 and stays 0.
        TensileCurve c = new TensileCurve();
        double nu = 0.25;
        for (int i = 0; i <= 20; i++) {
            double eps = i / 100.0;
            double sigma = i <= 10 ? 100 * eps : Math.max(0, 10 * (12 - i) / 2.0);
            c.add(eps, sigma, -nu * eps, -nu * eps, -5.0 + eps);
        }
        // V = 5000 Å³, A = 100 Å² → V/A = 50 Å; ∫σ dε = ½·10·0.12 = 0.6 GPa → G_c = 0.1·50·0.6 = 3.0 J/m².
        TensileCurve.Result r = c.analyze(settings(0, 0.05, 5000, 100));
        assertEquals(0.6, r.workGPa(), 1e-12);
        assertEquals(3.0, r.gcJPerM2(), 1e-12);
        assertEquals(100, r.youngsGPa(), 1e-9);
        assertEquals(nu, r.nu(), 1e-12);
        // K_Ic = sqrt(3.0 J/m² · 1e11 Pa / (1 - 0.0625)) = sqrt(3.2e11) Pa·m^0.5 = 0.565685 MPa·m^0.5
        assertEquals(Math.sqrt(3.2e11) / 1e6, r.kIcMPaSqrtM(), 1e-12);
        assertEquals(0.5656854, r.kIcMPaSqrtM(), 1e-7);
        assertEquals(10, r.peakStressGPa(), 1e-12);
        assertEquals(0.1, r.strainAtPeak(), 1e-12);
        // first point after the peak at or below 0.1 σ_peak = 1 GPa: ε = 0.12 (σ = 5 GPa at 0.11)
        assertEquals(0.12, r.failureStrain(), 1e-12);
        assertEquals(0.12, r.integratedTo(), 1e-12);
        assertTrue(r.failed());
        assertEquals(0.1, r.peRiseEvPerAtom(), 1e-12);
    }

    @Test
    @DisplayName("Poisson's ratio from the lateral strains of a synthetic isotropic solid under uniaxial stress, within 0.01")
    void poissonRatioOfAnIsotropicSolid() {
        // Isotropic linear elasticity under uniaxial stress σ along the axis: ε = σ/E, ε_lat = -ν σ/E on
        // both lateral axes; thermal noise of 2e-4 on each lateral strain.
        double e = 110, nu = 0.27;
        SplittableRandom rng = new SplittableRandom(11);
        TensileCurve c = new TensileCurve();
        for (int i = 0; i <= 300; i++) {
            double sigma = 0.01 * i;
            double eps = sigma / e;
            c.add(eps, sigma, -nu * eps + 2e-4 * rng.nextGaussian(), -nu * eps + 2e-4 * rng.nextGaussian(), 0);
        }
        TensileCurve.Result r = c.analyze(settings(0, 0.03, 1, 1));
        assertEquals(nu, r.nuLateral1(), 0.01);
        assertEquals(nu, r.nuLateral2(), 0.01);
        assertEquals(nu, r.nu(), 0.01);
        assertEquals(e, r.youngsGPa(), 1e-9);
    }

    @Test
    @DisplayName("a curve that never drops below the failure fraction is integrated to its end and reported as not failed")
    void unbrokenCurveIsIntegratedToItsEnd() {
        TensileCurve c = new TensileCurve();
        for (int i = 0; i <= 100; i++) {
            double eps = 0.001 * i;
            c.add(eps, Math.min(50 * eps, 2.0), Double.NaN, Double.NaN, 0);
        }
        TensileCurve.Result r = c.analyze(new TensileCurve.Settings(0, 0.02, 0.1, 1000, 100, 0.3));
        assertFalse(r.failed());
        assertEquals(0.1, r.integratedTo(), 1e-12);
        // ½·0.04·2 + 0.06·2 = 0.16 GPa
        assertEquals(0.16, r.workGPa(), 1e-9);
        assertEquals(0.3, r.nu(), 0);
        assertTrue(r.kIcMPaSqrtM() > 0);
    }

    @Test
    @DisplayName("a fit window with fewer than two points is refused with the window in the message")
    void emptyFitWindowIsRefused() {
        TensileCurve c = new TensileCurve();
        for (int i = 0; i < 10; i++) {
            c.add(0.01 * i, i, Double.NaN, Double.NaN, 0);
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> c.analyze(settings(0.5, 0.6, 1, 1)));
        assertTrue(ex.getMessage().contains("[0.5, 0.6]"), ex.getMessage());
    }
}
