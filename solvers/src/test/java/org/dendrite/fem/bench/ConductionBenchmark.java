package org.dendrite.fem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.dendrite.fem.assembly.Assembler;
import org.dendrite.fem.assembly.Dirichlet;
import org.dendrite.fem.assembly.Kernels;
import org.dendrite.fem.element.ElementValues;
import org.dendrite.fem.mesh.BoxFace;
import org.dendrite.fem.mesh.ElementType;
import org.dendrite.fem.mesh.Mesh;
import org.dendrite.fem.mesh.MeshTags;
import org.dendrite.fem.mesh.StructuredMeshes;
import org.dendrite.fem.mesh.VtuWriter;
import org.dendrite.fem.solve.ConjugateGradient;
import org.dendrite.fem.solve.IterationControl;
import org.dendrite.fem.solve.Preconditioner;
import org.dendrite.fem.solve.PreconditionerType;
import org.dendrite.fem.solve.SmoothedAggregationAmg;
import org.dendrite.fem.solve.SolveStats;
import org.dendrite.fem.sparse.CsrMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * Benchmark (not a test): the conduction problem ∇·(σ∇φ) = 0 on the unit cube, P1 tetrahedra
 * (6 per cube, {@link StructuredMeshes#box}), φ = 1 on xmin and 0 on xmax, with (n+1)³ unknowns;
 * σ = 1, or a 4×4×4 checkerboard of σ = 1 and {@code --contrast} to mimic resistive boundaries.
 * Reports wall and thread-CPU time of each phase (the CPU time is what a shared machine distorts
 * least), CG iterations per preconditioner, and the assembly and y = Ax of our CSR arrays beside
 * EJML's triplet → CSC conversion and CSC × dense-vector product.
 *
 * <pre>
 * mvn -q -o -pl solvers test-compile
 * java -Xmx8g -cp solvers/target/classes:solvers/target/test-classes:$(cat cp.txt) \
 *     org.dendrite.fem.bench.ConductionBenchmark --n 45 --preconditioners amg,ic0,jacobi --ejml
 * </pre>
 * {@code --write-mesh F.vtu} writes the mesh and {@code --write-solution F.vtu} the first solve's φ
 * (round 1) for the DOLFINx comparison in {@code tools/fem-bench/}.
 */
public final class ConductionBenchmark {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ConductionBenchmark() {
    }

    private static final class Timer {
        long wall = System.nanoTime();
        long cpu = MX.getCurrentThreadCpuTime();

        /** Wall and CPU seconds since the last lap, without resetting. */
        double[] peek() {
            return new double[] {(System.nanoTime() - wall) * 1e-9, (MX.getCurrentThreadCpuTime() - cpu) * 1e-9};
        }

        String lap() {
            long w = System.nanoTime();
            long c = MX.getCurrentThreadCpuTime();
            String s = String.format(Locale.ROOT, "%8.3f s wall %8.3f s cpu", (w - wall) * 1e-9, (c - cpu) * 1e-9);
            wall = w;
            cpu = c;
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        int n = 45;
        String pcs = "amg";
        boolean ejml = false;
        int reps = 3;
        double contrast = 1;
        double rtol = 1e-8;
        String writeMesh = null;
        String writeSolution = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--preconditioners" -> pcs = args[++i];
                case "--ejml" -> ejml = true;
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--contrast" -> contrast = Double.parseDouble(args[++i]);
                case "--rtol" -> rtol = Double.parseDouble(args[++i]);
                case "--write-mesh" -> writeMesh = args[++i];
                case "--write-solution" -> writeSolution = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, load %.2f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int rep = 0; rep < reps; rep++) {
            System.out.printf("--- round %d ---%n", rep + 1);
            Timer t = new Timer();
            Mesh mesh = StructuredMeshes.box(ElementType.TET4, n, n, n, 1, 1, 1);
            System.out.printf("mesh            %s  (%d nodes, %d tets)%n", t.lap(), mesh.nodeCount(), mesh.elementCount());
            double[] sigma = new double[mesh.elementCount()];
            Arrays.fill(sigma, 1);
            if (contrast != 1) {
                double[] c = MeshTags.centroids(mesh);
                for (int e = 0; e < sigma.length; e++) {
                    int s = (int) (c[3 * e] * 4) + (int) (c[3 * e + 1] * 4) + (int) (c[3 * e + 2] * 4);
                    sigma[e] = s % 2 == 0 ? 1 : contrast;
                }
            }
            mesh.boundary();
            System.out.printf("boundary        %s%n", t.lap());
            Assembler asm = new Assembler(mesh, 1, 0);
            CsrMatrix a = asm.newMatrix();
            double[] asmTime = t.peek();
            System.out.printf("pattern         %s  (%d nonzeros)%n", t.lap(), a.nnz());
            asm.assemble(Kernels.diffusion(sigma), a, null);
            double[] asmTime2 = t.peek();
            System.out.printf("assembly (CSR)  %s%n", t.lap());
            double[] x = new double[a.rows];
            double[] y = new double[a.rows];
            Arrays.fill(x, 1.0 / 3);
            int mv = 20;
            for (int k = 0; k < mv; k++) {
                a.multiply(x, y);
            }
            System.out.printf("%d matvec (CSR) %s%n", mv, t.lap());
            if (ejml) {
                ejml(mesh, sigma, mv, t);
            }
            if (writeMesh != null && rep == 0) {
                new VtuWriter(mesh).write(Path.of(writeMesh));
                t.lap();
            }
            double[] b = new double[a.rows];
            new Dirichlet().onFace(mesh, BoxFace.XMIN, 1, 0, 1.0).onFace(mesh, BoxFace.XMAX, 1, 0, 0.0).apply(a, b);
            double[] bcTime = t.peek();
            System.out.printf("dirichlet       %s%n", t.lap());
            // assembly as DOLFINx's assemble_matrix + vector + lifting + set_bc: pattern + assembly + Dirichlet
            double asmWall = asmTime[0] + asmTime2[0] + bcTime[0];
            double asmCpu = asmTime[1] + asmTime2[1] + bcTime[1];
            boolean written = false;
            for (String name : pcs.split(",")) {
                PreconditionerType type = PreconditionerType.of(name);
                Preconditioner p = type.apply(a);
                double[] setupTime = t.peek();
                String setup = t.lap();
                double[] phi = new double[a.rows];
                SolveStats s = ConjugateGradient.solve(a, b, phi, p, new IterationControl(rtol, 0, 20000));
                System.out.printf("%-6s setup    %s%s%n", name, setup,
                        p instanceof SmoothedAggregationAmg amg ? "  (" + amg.summary() + ")" : "");
                double[] solveTime = t.peek();
                System.out.printf("%-6s CG       %s  (%d iterations, relative residual %.2e)%n", name, t.lap(),
                        s.iterations(), s.relativeResidual());
                // one machine-readable line per solve for tools/fem-bench/summarize.py (wall s; cpu s)
                System.out.printf(Locale.ROOT, "RESULT {\"code\": \"dendrite\", \"round\": %d, \"pc\": \"%s\", "
                        + "\"unknowns\": %d, \"contrast\": %s, \"assembly_s\": %.6f, \"setup_s\": %.6f, "
                        + "\"solve_s\": %.6f, \"assembly_cpu_s\": %.6f, \"setup_cpu_s\": %.6f, \"solve_cpu_s\": %.6f, "
                        + "\"iterations\": %d, \"relative_residual\": %.3e}%n", rep + 1, name, a.rows, contrast,
                        asmWall, setupTime[0], solveTime[0], asmCpu, setupTime[1], solveTime[1], s.iterations(),
                        s.relativeResidual());
                if (writeSolution != null && rep == 0 && !written) {
                    new VtuWriter(mesh).pointData("phi_V", phi, 1).write(Path.of(writeSolution));
                    written = true;
                    t.lap();
                }
            }
        }
    }

    /** EJML path: per-element triplets, triplet → CSC conversion summing duplicates, CSC × vector. */
    private static void ejml(Mesh mesh, double[] sigma, int mv, Timer t) {
        ElementValues ev = new ElementValues(mesh, 0);
        int npe = ev.npe;
        double[] ke = new double[npe * npe];
        DMatrixSparseTriplet trip = new DMatrixSparseTriplet(mesh.nodeCount(), mesh.nodeCount(),
                mesh.elementCount() * npe * npe);
        for (int e = 0; e < mesh.elementCount(); e++) {
            ev.reinit(e);
            Arrays.fill(ke, 0);
            Kernels.diffusion(sigma).compute(ev, ke, null);
            for (int i = 0; i < npe; i++) {
                for (int j = 0; j < npe; j++) {
                    trip.addItem(ev.nodes[i], ev.nodes[j], ke[i * npe + j]);
                }
            }
        }
        String tripTime = t.lap();
        DMatrixSparseCSC csc = DConvertMatrixStruct.convert(trip, (DMatrixSparseCSC) null);
        CommonOps_DSCC.duplicatesAdd(csc, null);
        System.out.printf("EJML triplets   %s%nEJML →CSC+dups  %s  (%d nonzeros)%n", tripTime, t.lap(), csc.nz_length);
        DMatrixRMaj x = new DMatrixRMaj(mesh.nodeCount(), 1);
        Arrays.fill(x.data, 1.0 / 3);
        DMatrixRMaj y = new DMatrixRMaj(mesh.nodeCount(), 1);
        for (int k = 0; k < mv; k++) {
            CommonOps_DSCC.mult(csc, x, y);
        }
        System.out.printf("%d matvec EJML  %s%n", mv, t.lap());
    }
}
