package org.dendrite.md.potential.coulomb;

/**
 * The complementary error function in full double precision, after W. J. Cody, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–637, with the coefficients of
 * his CALERF routine (Netlib SPECFUN). Three intervals: |x| ≤ 0.46875 (erf as a rational function
 * of x²), 0.46875 < |x| ≤ 4 (erfc = e^{−x²} R(x)) and |x| > 4 (erfc = e^{−x²}/x · (1/√π + R(1/x²))).
 * Maximum relative error is a few ulp (measured in {@code ErfcTest} against 30-digit values).
 *
 * <p>Java has no erfc. The Coulomb kernels need erfc(αr) together with exp(−α²r²) for the force,
 * so {@link #erfcGivenExp(double, double)} takes that exponential from the caller and the kernel
 * pays for one {@code Math.exp} per pair instead of two.
 */
public final class Erfc {
    private Erfc() {
    }

    /** Boundary between the first and second interval of Cody's approximation. */
    static final double THRESHOLD = 0.46875;

    // erf(x) = x · P(x²)/Q(x²) for |x| <= 0.46875 (Cody 1969, table for the first interval).
    private static final double A0 = 3.16112374387056560e00;
    private static final double A1 = 1.13864154151050156e02;
    private static final double A2 = 3.77485237685302021e02;
    private static final double A3 = 3.20937758913846947e03;
    private static final double A4 = 1.85777706184603153e-1;
    private static final double B0 = 2.36012909523441209e01;
    private static final double B1 = 2.44024637934444173e02;
    private static final double B2 = 1.28261652607737228e03;
    private static final double B3 = 2.84423683343917062e03;

    // erfc(x) = exp(-x²) · P(x)/Q(x) for 0.46875 < x <= 4.
    private static final double C0 = 5.64188496988670089e-1;
    private static final double C1 = 8.88314979438837594e00;
    private static final double C2 = 6.61191906371416295e01;
    private static final double C3 = 2.98635138197400131e02;
    private static final double C4 = 8.81952221241769090e02;
    private static final double C5 = 1.71204761263407058e03;
    private static final double C6 = 2.05107837782607147e03;
    private static final double C7 = 1.23033935479799725e03;
    private static final double C8 = 2.15311535474403846e-8;
    private static final double D0 = 1.57449261107098347e01;
    private static final double D1 = 1.17693950891312499e02;
    private static final double D2 = 5.37181101862009858e02;
    private static final double D3 = 1.62138957456669019e03;
    private static final double D4 = 3.29079923573345963e03;
    private static final double D5 = 4.36261909014324716e03;
    private static final double D6 = 3.43936767414372164e03;
    private static final double D7 = 1.23033935480374942e03;

    // erfc(x) = exp(-x²)/x · (1/√π + 1/x² · P(1/x²)/Q(1/x²)) for x > 4.
    private static final double P0 = 3.05326634961232344e-1;
    private static final double P1 = 3.60344899949804439e-1;
    private static final double P2 = 1.25781726111229246e-1;
    private static final double P3 = 1.60837851487422766e-2;
    private static final double P4 = 6.58749161529837803e-4;
    private static final double P5 = 1.63153871373020978e-2;
    private static final double Q0 = 2.56852019228982242e00;
    private static final double Q1 = 1.87295284992346047e00;
    private static final double Q2 = 5.27905102951428412e-1;
    private static final double Q3 = 6.05183413124413191e-2;
    private static final double Q4 = 2.33520497626869185e-3;

    /** 1/√π. */
    static final double INV_SQRT_PI = 0.56418958354775628695;
    /** Beyond this erfc(x) underflows to 0 in double precision (Cody's XBIG). */
    private static final double X_BIG = 26.543;

    /** erfc(x) for any real x. */
    public static double erfc(double x) {
        double y = Math.abs(x);
        double result;
        if (y <= THRESHOLD) {
            return 1.0 - erfSmall(x);
        } else if (y >= X_BIG) {
            result = 0.0;
        } else {
            // exp(-y²) split as exp(-t²)·exp(-(y-t)(y+t)) with t = y rounded down to 1/16 so that the
            // large argument of exp is exact (Cody's CALERF does the same); keeps relative accuracy for big y.
            double t = Math.floor(y * 16.0) / 16.0;
            double e = Math.exp(-t * t) * Math.exp(-(y - t) * (y + t));
            result = e * scaledTail(y);
        }
        return x < 0 ? 2.0 - result : result;
    }

    /** erf(x) for any real x. */
    public static double erf(double x) {
        if (Math.abs(x) <= THRESHOLD) {
            return erfSmall(x);
        }
        double c = erfc(Math.abs(x));
        return x < 0 ? c - 1.0 : 1.0 - c;
    }

    /**
     * erfc(x) for x ≥ 0 when the caller already holds {@code expMinusXSq} = exp(−x²): one exponential
     * serves erfc and the Gaussian force term of a damped Coulomb kernel. The relative error of the
     * caller's exp(−x²) (about x²·ε) carries over; for the x ≤ 6 of Coulomb kernels that is ≤ 1e-14.
     */
    public static double erfcGivenExp(double x, double expMinusXSq) {
        if (x <= THRESHOLD) {
            return 1.0 - erfSmall(x);
        }
        return expMinusXSq * scaledTail(x);
    }

    /** erf(x) for |x| ≤ 0.46875. */
    private static double erfSmall(double x) {
        double z = x * x;
        double num = (((A4 * z + A0) * z + A1) * z + A2) * z + A3;
        double den = (((z + B0) * z + B1) * z + B2) * z + B3;
        return x * num / den;
    }

    /** exp(y²)·erfc(y) for y > 0.46875. */
    private static double scaledTail(double y) {
        if (y <= 4.0) {
            double num = (((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y + C7;
            double den = (((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7;
            return num / den;
        }
        double z = 1.0 / (y * y);
        double num = ((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4;
        double den = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4;
        return (INV_SQRT_PI - z * num / den) / y;
    }

    /**
     * The Abramowitz–Stegun 7.1.26 polynomial erfc(x) ≈ t(a1 + t(a2 + t(a3 + t(a4 + t a5))))·exp(−x²),
     * t = 1/(1 + p x), absolute error ≤ 1.5e-7 for x ≥ 0. LAMMPS coul/dsf and coul/long use it in
     * their pair loops; offered only to reproduce LAMMPS bit for bit when that is the point.
     */
    public static double erfcAbramowitzStegun(double x, double expMinusXSq) {
        double t = 1.0 / (1.0 + AS_P * x);
        return t * (AS_A1 + t * (AS_A2 + t * (AS_A3 + t * (AS_A4 + t * AS_A5)))) * expMinusXSq;
    }

    // Abramowitz & Stegun, Handbook of Mathematical Functions (1964), eq. 7.1.26.
    private static final double AS_P = 0.3275911;
    private static final double AS_A1 = 0.254829592;
    private static final double AS_A2 = -0.284496736;
    private static final double AS_A3 = 1.421413741;
    private static final double AS_A4 = -1.453152027;
    private static final double AS_A5 = 1.061405429;
}
