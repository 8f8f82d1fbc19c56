package org.dendrite.fem.conduction;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.dendrite.fem.FemException;
import org.dendrite.fem.element.ElementValues;
import org.dendrite.fem.element.FacetValues;
import org.dendrite.fem.element.Quadrature;
import org.dendrite.fem.mesh.BoundaryFacets;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.VtuWriter;
import org.dendrite.fem.solve.SolveStats;

/**
 * The solution of a {@link ConductionModel} and what is derived from it (SI units; in 2-D,
 * currents are per metre of depth, A/m, and areas are lengths × 1 m):
 * <ul>
 *   <li>{@link #potential()}: nodal φ, V;</li>
 *   <li>{@link #currentDensity()}: j = −σ∇φ per element at its centroid, A/m² (dim components);</li>
 *   <li>{@link #profile(BoxFace)}: the normal current density j·n (outward n) on each boundary facet
 *       of a face, from the owning element's gradient at the facet centre;</li>
 *   <li>{@link #hotSpotRatio(BoxFace)}: max/mean of that profile, oriented so the mean is positive;</li>
 *   <li>{@link #windowedHotSpotRatio(BoxFace, double)}: the same with the profile first averaged over a
 *       sliding window of fixed length (2-D), which converges under refinement where the facet maximum
 *       does not (a GB meeting the electrode is a corner singularity);</li>
 *   <li>{@link #currentOut(BoxFace)}: the total current leaving through a fixed-potential face, from
 *       the nodal reactions of the assembled (unconstrained) system, which is exactly conservative:
 *       the currents of all fixed faces sum to zero up to the solver tolerance;</li>
 *   <li>{@link #effectiveConductivity(BoxFace, BoxFace)}: σ_eff = I·L / (ΔV·A).</li>
 * </ul>
 */
public final class ConductionResult {
    /** The normal current density along a face: per facet its centre (dim per facet), area and j·n. */
    public record FaceProfile(BoxFace face, int[] facets, double[] centre, double[] area, double[] jn) {
        /** Area-weighted mean of j·n, A/m². */
        public double mean() {
            double s = 0;
            double a = 0;
            for (int i = 0; i < jn.length; i++) {
                s += jn[i] * area[i];
                a += area[i];
            }
            return s / a;
        }

        /** Total area of the face, m² (m in 2-D). */
        public double totalArea() {
            double a = 0;
            for (double v : area) {
                a += v;
            }
            return a;
        }
    }

    private final Mesh mesh;
    private final double[] sigma;
    private final double[] phi;
    private final double[] reaction;
    private final Map<BoxFace, Double> potentials;
    private final SolveStats stats;
    private final double assemblySeconds;
    private final double solveSeconds;
    private double[] current;

    ConductionResult(Mesh mesh, double[] sigma, double[] phi, double[] reaction, Map<BoxFace, Double> potentials,
            SolveStats stats, double assemblySeconds, double solveSeconds) {
        this.mesh = mesh;
        this.sigma = sigma;
        this.phi = phi;
        this.reaction = reaction;
        this.potentials = potentials;
        this.stats = stats;
        this.assemblySeconds = assemblySeconds;
        this.solveSeconds = solveSeconds;
    }

    public Mesh mesh() {
        return mesh;
    }

    /** Nodal potential, V (the backing array). */
    public double[] potential() {
        return phi;
    }

    /** Conductivity per element, S/m (the backing array). */
    public double[] elementConductivity() {
        return sigma;
    }

    /** The linear solve's statistics. */
    public SolveStats solveStats() {
        return stats;
    }

    /** Wall time of checks, pattern and assembly, s. */
    public double assemblySeconds() {
        return assemblySeconds;
    }

    /** Wall time of elimination, floating check and linear solve, s. */
    public double solveSeconds() {
        return solveSeconds;
    }

    /** j = −σ∇φ per element at the centroid, A/m², {@code dim} components per element. */
    public synchronized double[] currentDensity() {
        if (current == null) {
            int d = mesh.dim();
            ElementType t = mesh.type();
            ElementValues ev = new ElementValues(mesh, Quadrature.atPoints(t, t.refCentroid(), new double[] {1}));
            double[] g = new double[d];
            current = new double[mesh.elementCount() * d];
            for (int e = 0; e < mesh.elementCount(); e++) {
                ev.reinit(e);
                ev.gradient(phi, 0, g);
                for (int c = 0; c < d; c++) {
                    current[e * d + c] = -sigma[e] * g[c];
                }
            }
        }
        return current;
    }

    /** The normal current density j·n_out on every boundary facet of {@code face}. */
    public FaceProfile profile(BoxFace face) {
        BoundaryFacets bf = mesh.boundary();
        int[] facets = bf.facetsOn(face);
        if (facets.length == 0) {
            throw new FemException("face " + face.key() + " has no boundary facets");
        }
        int d = mesh.dim();
        ElementType t = mesh.type();
        // One single-point evaluator per local facet, at the facet's centre in reference coordinates.
        ElementValues[] atFacet = new ElementValues[t.facetCount()];
        for (int f = 0; f < t.facetCount(); f++) {
            int[] ln = t.facetNodes(f);
            double[] xi = new double[t.dim];
            for (int a : ln) {
                for (int c = 0; c < t.dim; c++) {
                    xi[c] += t.refCoord(a, c) / ln.length;
                }
            }
            atFacet[f] = new ElementValues(mesh, Quadrature.atPoints(t, xi, new double[] {1}));
        }
        FacetValues fv = new FacetValues(mesh, 1);
        double[] centre = new double[facets.length * d];
        double[] area = new double[facets.length];
        double[] jn = new double[facets.length];
        double[] g = new double[d];
        for (int i = 0; i < facets.length; i++) {
            int f = facets[i];
            fv.reinit(f);
            double a = 0;
            for (int q = 0; q < fv.nq; q++) {
                a += fv.jxw[q];
            }
            area[i] = a;
            for (int c = 0; c < d; c++) {
                centre[i * d + c] = fv.xq[c];
            }
            int e = bf.owner(f);
            ElementValues ev = atFacet[bf.localFacet(f)];
            ev.reinit(e);
            ev.gradient(phi, 0, g);
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += -sigma[e] * g[c] * fv.normal[c];
            }
            jn[i] = s;
        }
        return new FaceProfile(face, facets, centre, area, jn);
    }

    /**
     * Hot-spot ratio max(j_n)/mean(j_n) on a face, with j_n signed so that its area-weighted mean
     * is positive (current entering at one electrode, leaving at the other, both count).
     */
    public double hotSpotRatio(BoxFace face) {
        FaceProfile p = profile(face);
        double mean = p.mean();
        double sign = Math.signum(mean);
        if (sign == 0) {
            throw new FemException("no net current through " + face.key() + "; the hot-spot ratio is undefined");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p.jn()) {
            max = Math.max(max, sign * v);
        }
        return max / (sign * mean);
    }

    /**
     * Hot-spot ratio of the profile averaged over a window: max over window positions x0 of
     * (1/w)∫_{x0}^{x0+w} j_n dx, divided by the area-weighted mean, with j_n signed as in
     * {@link #hotSpotRatio(BoxFace)}. Only for 2-D meshes, where the face is a line along the other axis.
     *
     * <p>Why: where a resistive grain boundary meets the electrode, the field has a corner singularity,
     * j ~ r^(α−1) with 0 < α < 1, so the facet maximum grows without bound as h → 0 (docs/validation.md §2).
     * The singularity is integrable, so the mean over a fixed length converges to a finite value.
     * j_n is constant on each facet, so the window integral is piecewise linear in x0 and its maximum is
     * reached where one end of the window sits on a facet end; those positions are all evaluated exactly.
     */
    public double windowedHotSpotRatio(BoxFace face, double window) {
        if (mesh.dim() != 2) {
            throw new FemException("the windowed hot-spot ratio is defined for 2-D meshes only (face is a line), got "
                    + mesh.dim() + "-D");
        }
        FaceProfile p = profile(face);
        double mean = p.mean();
        double sign = Math.signum(mean);
        if (sign == 0) {
            throw new FemException("no net current through " + face.key() + "; the hot-spot ratio is undefined");
        }
        int axis = 1 - face.axis;
        int n = p.jn().length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p.centre()[2 * a + axis], p.centre()[2 * b + axis]));
        // Facet ends s[0..n] along the face and the running integral F of sign·j_n at them.
        double[] s = new double[n + 1];
        double[] f = new double[n + 1];
        double[] jv = new double[n];
        s[0] = p.centre()[2 * order[0] + axis] - p.area()[order[0]] / 2;
        for (int i = 0; i < n; i++) {
            int k = order[i];
            jv[i] = sign * p.jn()[k];
            s[i + 1] = s[i] + p.area()[k];
            f[i + 1] = f[i] + jv[i] * p.area()[k];
        }
        double length = s[n] - s[0];
        if (!(window > 0) || window > length * (1 + 1e-12)) {
            throw new FemException(String.format(Locale.ROOT,
                    "hot-spot window %.6g m must be positive and at most the face length %.6g m", window, length));
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double startAtEnd = s[i];
            double startBeforeEnd = s[i] - window;
            for (double x0 : new double[] {startAtEnd, startBeforeEnd}) {
                double a = Math.max(s[0], Math.min(x0, s[n] - window));
                best = Math.max(best, (integral(s, f, jv, a + window) - integral(s, f, jv, a)) / window);
            }
        }
        return best / (sign * mean);
    }

    /** ∫ from s[0] to x of the piecewise-constant profile, from the running integral at the facet ends. */
    private static double integral(double[] s, double[] f, double[] jv, double x) {
        int i = Arrays.binarySearch(s, x);
        if (i >= 0) {
            return f[i];
        }
        int k = Math.min(Math.max(-i - 2, 0), jv.length - 1);
        return f[k] + jv[k] * (x - s[k]);
    }

    /** Total current leaving the domain through a fixed-potential face, A (A/m in 2-D). */
    public double currentOut(BoxFace face) {
        if (!potentials.containsKey(face)) {
            throw new FemException("face " + face.key() + " has no fixed potential; its current is j·n = 0 by the"
                    + " boundary condition (use profile() for the flux through fixed faces only)");
        }
        // Reaction R = Kφ = ∫ σ ∂φ/∂n N ds = −∫ j·n N ds; summing the face's nodes gives −I_out.
        double s = 0;
        for (int n : mesh.boundary().nodesOn(face)) {
            s += reaction[n];
        }
        return -s;
    }

    /**
     * σ_eff = I L / (ΔV A) between two opposite fixed faces: I the current from the higher to the
     * lower potential (mean of the two faces' reactions), L the box extent between them, A the
     * area of {@code a}.
     */
    public double effectiveConductivity(BoxFace a, BoxFace b) {
        if (b != a.opposite()) {
            throw new FemException("effective conductivity needs opposite faces, got " + a.key() + " and " + b.key());
        }
        double dv = potentials.get(a) - potentials.get(b);
        if (dv == 0) {
            throw new FemException("no potential difference between " + a.key() + " and " + b.key());
        }
        double current = 0.5 * (currentOut(b) - currentOut(a));
        double[] bb = mesh.boundingBox();
        double length = bb[3 + a.axis] - bb[a.axis];
        double area = profile(a).totalArea();
        return current * length / (dv * area);
    }

    /** Writes φ (phi_V), j (j_A_per_m2), σ (sigma_S_per_m) and the mesh tags as a VTU file. */
    public void writeVtu(Path file) throws IOException {
        new VtuWriter(mesh).pointData("phi_V", phi, 1).cellData("j_A_per_m2", currentDensity(), mesh.dim())
                .cellData("sigma_S_per_m", sigma, 1).write(file);
    }

    /** Writes a face's profile as CSV: facet centre (m), area (m² or m), j·n (A/m²). */
    public void writeProfileCsv(BoxFace face, Path file) throws IOException {
        FaceProfile p = profile(face);
        int d = mesh.dim();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(d == 2 ? "x_m,y_m,area_m,jn_A_per_m2\n" : "x_m,y_m,z_m,area_m2,jn_A_per_m2\n");
            for (int i = 0; i < p.jn().length; i++) {
                for (int c = 0; c < d; c++) {
                    w.write(String.format(Locale.ROOT, "%.9g,", p.centre()[i * d + c]));
                }
                w.write(String.format(Locale.ROOT, "%.9g,%.9g%n", p.area()[i], p.jn()[i]));
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
