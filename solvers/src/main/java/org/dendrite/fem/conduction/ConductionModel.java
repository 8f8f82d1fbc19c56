package org.dendrite.fem.conduction;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dendrite.fem.FemException;
import org.dendrite.fem.assembly.Assembler;
import org.dendrite.fem.assembly.Dirichlet;
import org.dendrite.fem.assembly.Kernels;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshQuality;
import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.LinearSolver;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.fem.solve.SingularityCheck;
import org.dendrite.fem.solve.SolveStats;
import org.dendrite.fem.sparse.CsrMatrix;

/**
 * Steady ionic (or electronic) conduction ∇·(σ∇φ) = 0 in a domain of regions with constant
 * conductivities (grains, grain boundaries, layers), with fixed potentials on faces of the bounding
 * box and no flux elsewhere: the model of seed 003 (Li⁺ flux through a Voronoi LLZO polycrystal
 * with resistive grain boundaries between electrodes at 0.1 V and 0 V), in SI units: σ in S/m, φ
 * in V, coordinates in m, current density j = −σ∇φ in A/m².
 *
 * <p>Usage: {@code new ConductionModel(mesh).conductivity(0, 1e-2).conductivity(1, 1e-5)
 * .potential(BoxFace.XMIN, 0.1).potential(BoxFace.XMAX, 0).solve()}. Regions are read from the
 * element tag {@link Mesh#REGION} (or {@link #regionTag}). Before assembling, the model checks the
 * mesh (inverted elements), that every region present has a positive conductivity, and that every
 * fixed face has nodes; after Dirichlet elimination, that no connected part floats. Each failure is
 * a {@link FemException} naming the element, region, face or node.
 */
public final class ConductionModel {
    private final Mesh mesh;
    private String regionTag = Mesh.REGION;
    private final Map<Integer, Double> sigma = new TreeMap<>();
    private final Map<BoxFace, Double> potentials = new EnumMap<>(BoxFace.class);
    private int[] couplingA = new int[0];
    private int[] couplingB = new int[0];
    private double[] couplingG = new double[0];
    private LinearSolver solver = new ConjugateGradient(PreconditionerType.AMG, new IterationControl(1e-10, 0, 2000));

    public ConductionModel(Mesh mesh) {
        this.mesh = mesh;
    }

    /** Reads regions from this element tag instead of {@link Mesh#REGION}. */
    public ConductionModel regionTag(String name) {
        this.regionTag = name;
        return this;
    }

    /** Conductivity of a region, S/m. */
    public ConductionModel conductivity(int region, double sigmaSPerM) {
        if (!(sigmaSPerM > 0) || !Double.isFinite(sigmaSPerM)) {
            throw new FemException("conductivity of region " + region + " must be positive and finite, got "
                    + sigmaSPerM + " S/m");
        }
        sigma.put(region, sigmaSPerM);
        return this;
    }

    /** A fixed potential on a face of the bounding box, V. */
    public ConductionModel potential(BoxFace face, double volts) {
        if (!Double.isFinite(volts)) {
            throw new FemException("potential on " + face.key() + " must be finite, got " + volts);
        }
        potentials.put(face, volts);
        return this;
    }

    /**
     * Node-pair conductances: current g_k (φ_a − φ_b) flows from node a_k to node b_k, with g_k in S
     * (S per metre of depth in 2-D). This is how zero-thickness interface elements enter, e.g. a
     * grain boundary of per-area conductance G = σ_GB/t_GB between duplicated nodes, integrated with
     * the nodal (trapezoidal) rule: g = G·ℓ/2 per end of a facet of length ℓ. Pairs with a = b are
     * ignored (a shared node has no jump). Replaces earlier couplings.
     */
    public ConductionModel couplings(int[] a, int[] b, double[] gSiemens) {
        if (a.length != b.length || a.length != gSiemens.length) {
            throw new FemException("couplings need equal lengths, got " + a.length + ", " + b.length + ", "
                    + gSiemens.length);
        }
        for (int k = 0; k < a.length; k++) {
            if (a[k] < 0 || a[k] >= mesh.nodeCount() || b[k] < 0 || b[k] >= mesh.nodeCount()) {
                throw new FemException("coupling " + k + " joins nodes " + a[k] + " and " + b[k]
                        + ", outside the mesh's " + mesh.nodeCount() + " nodes");
            }
            if (!(gSiemens[k] >= 0) || !Double.isFinite(gSiemens[k])) {
                throw new FemException("coupling " + k + " (nodes " + a[k] + ", " + b[k]
                        + ") must have a non-negative finite conductance, got " + gSiemens[k] + " S");
            }
        }
        this.couplingA = a.clone();
        this.couplingB = b.clone();
        this.couplingG = gSiemens.clone();
        return this;
    }

    /** The linear solver (default: CG + smoothed-aggregation AMG, relative tolerance 1e-10). */
    public ConductionModel solver(LinearSolver s) {
        this.solver = s;
        return this;
    }

    /** Per-element conductivity from the region tag; every region present must have one. */
    double[] elementConductivity() {
        int[] tag = mesh.cellTag(regionTag);
        if (tag == null) {
            throw new FemException("mesh has no element tag '" + regionTag + "' to look conductivities up by"
                    + " (tags present: " + mesh.cellTagNames() + ")");
        }
        double[] k = new double[mesh.elementCount()];
        Map<Integer, int[]> missing = new TreeMap<>();
        for (int e = 0; e < k.length; e++) {
            Double s = sigma.get(tag[e]);
            if (s == null) {
                int[] m = missing.get(tag[e]);
                if (m == null) {
                    missing.put(tag[e], m = new int[] {0, e});
                }
                m[0]++;
                continue;
            }
            k[e] = s;
        }
        if (!missing.isEmpty()) {
            var first = missing.entrySet().iterator().next();
            throw new FemException("region " + first.getKey() + " (tag '" + regionTag + "') has no conductivity: "
                    + first.getValue()[0] + " element(s), e.g. " + MeshQuality.describe(mesh, first.getValue()[1])
                    + (missing.size() > 1 ? "; regions without conductivity: " + missing.keySet() : "")
                    + "; conductivities are given for regions " + sigma.keySet());
        }
        return k;
    }

    /** Solves and returns φ, j and the derived quantities. */
    public ConductionResult solve() {
        long t0 = System.nanoTime();
        if (potentials.isEmpty()) {
            throw new FemException("no fixed potential on any face: the potential is determined only up to a"
                    + " constant (set at least one, e.g. xmin and xmax)");
        }
        MeshQuality.requireValid(mesh);
        double[] k = elementConductivity();
        Dirichlet bc = new Dirichlet();
        for (Map.Entry<BoxFace, Double> p : potentials.entrySet()) {
            BoxFace f = p.getKey();
            if (f.axis >= mesh.dim() || mesh.boundary().nodesOn(f).length == 0) {
                throw new FemException("face " + f.key() + " has no boundary nodes in this " + mesh.dim()
                        + "-D mesh; cannot fix its potential");
            }
            bc.onFace(mesh, f, 1, 0, p.getValue());
        }
        Assembler asm = new Assembler(mesh, 1, mesh.type().isSimplex() ? 0 : 2);
        CsrMatrix a = asm.newMatrix();
        asm.assemble(Kernels.diffusion(k), a, null);
        if (couplingA.length > 0) {
            a = withCouplings(a);
        }
        long tAsm = System.nanoTime();
        // Keep the assembled rows of the fixed nodes: their products with φ are the nodal
        // reaction currents, which give a conservative total current through each electrode.
        double[] fixedVals = new double[a.rows];
        boolean[] fixed = bc.fixedMask(a.rows, fixedVals);
        double[] rawRows = new double[a.nnz()];
        for (int i = 0; i < a.rows; i++) {
            if (fixed[i]) {
                System.arraycopy(a.values, a.rowPtr[i], rawRows, a.rowPtr[i], a.rowPtr[i + 1] - a.rowPtr[i]);
            }
        }
        double[] b = new double[a.rows];
        bc.apply(a, b);
        SingularityCheck.requireDetermined(a, this::describeNode);
        double[] phi = new double[a.rows];
        bc.impose(phi);
        SolveStats stats = solver.solve(a, b, phi);
        long tSolve = System.nanoTime();
        double[] reaction = new double[a.rows];
        for (int i = 0; i < a.rows; i++) {
            if (fixed[i]) {
                double s = 0;
                for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                    s += rawRows[p] * phi[a.colIdx[p]];
                }
                reaction[i] = s;
            }
        }
        return new ConductionResult(mesh, k, phi, reaction, new EnumMap<>(potentials), stats,
                (tAsm - t0) * 1e-9, (tSolve - tAsm) * 1e-9);
    }

    /** a plus the coupling terms, on the union of a's pattern and the coupled pairs. */
    private CsrMatrix withCouplings(CsrMatrix a) {
        int n = a.rows;
        int[] extraCount = new int[n + 1];
        for (int k = 0; k < couplingA.length; k++) {
            if (couplingA[k] != couplingB[k]) {
                extraCount[couplingA[k] + 1]++;
                extraCount[couplingB[k] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            extraCount[i + 1] += extraCount[i];
        }
        int[] extraCols = new int[extraCount[n]];
        int[] fill = Arrays.copyOf(extraCount, n);
        for (int k = 0; k < couplingA.length; k++) {
            if (couplingA[k] != couplingB[k]) {
                extraCols[fill[couplingA[k]]++] = couplingB[k];
                extraCols[fill[couplingB[k]]++] = couplingA[k];
            }
        }
        int[] rowPtr = new int[n + 1];
        int[] cols = new int[a.nnz() + extraCols.length];
        int[] scratch = new int[0];
        for (int i = 0; i < n; i++) {
            int na = a.rowPtr[i + 1] - a.rowPtr[i];
            int ne = extraCount[i + 1] - extraCount[i];
            if (scratch.length < na + ne) {
                scratch = new int[2 * (na + ne)];
            }
            System.arraycopy(a.colIdx, a.rowPtr[i], scratch, 0, na);
            System.arraycopy(extraCols, extraCount[i], scratch, na, ne);
            Arrays.sort(scratch, 0, na + ne);
            int m = rowPtr[i];
            for (int q = 0; q < na + ne; q++) {
                if (q == 0 || scratch[q] != scratch[q - 1]) {
                    cols[m++] = scratch[q];
                }
            }
            rowPtr[i + 1] = m;
        }
        CsrMatrix u = CsrMatrix.ofPattern(n, n, rowPtr, Arrays.copyOf(cols, rowPtr[n]));
        for (int i = 0; i < n; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                u.add(i, a.colIdx[p], a.values[p]);
            }
        }
        for (int k = 0; k < couplingA.length; k++) {
            int i = couplingA[k];
            int j = couplingB[k];
            if (i != j) {
                double g = couplingG[k];
                u.add(i, i, g);
                u.add(j, j, g);
                u.add(i, j, -g);
                u.add(j, i, -g);
            }
        }
        return u;
    }

    private String describeNode(int n) {
        StringBuilder sb = new StringBuilder("node ").append(n).append(" at (");
        for (int c = 0; c < mesh.dim(); c++) {
            sb.append(c > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", mesh.x(n, c)));
        }
        return sb.append(")").toString();
    }

    @Override
    public String toString() {
        return "conduction on " + mesh + ", σ by region " + sigma + " S/m, potentials " + potentials + " V";
    }
}
