#!/usr/bin/python3
"""DOLFINx side of the conduction benchmark (docs/benchmarks.md, "FEM conduction against DOLFINx").

The problem is the one of org.dendrite.fem.bench.ConductionBenchmark: div(sigma grad phi) = 0 on the
unit cube, P1 tetrahedra, phi = 1 on x = 0 and 0 on x = 1, natural (zero-flux) conditions elsewhere,
sigma = 1 or a 4x4x4 checkerboard of 1 and --contrast, CG from a zero initial guess to
|b - A x| <= rtol |b| (unpreconditioned residual norm, as ours).

Mesh: --mesh FILE.vtu reads the mesh our benchmark wrote with --write-mesh (same nodes, same
Kuhn 6-tet split), converted with meshio to XDMF/HDF5, which DOLFINx 0.5 reads. Without --mesh,
dolfinx.mesh.create_box(n, n, n, tetrahedron) is used.

Prints one JSON object per preconditioner on stdout (times in seconds, wall clock):
  assembly_s = sparsity + matrix + vector + lifting + Dirichlet rows (the form is compiled before, and
  FFCx caches it on disk), setup_s = KSP/PC setup, solve_s = CG iterations.
"""
import argparse
import json
import os
import sys
import tempfile
import time

import numpy as np
from mpi4py import MPI
from petsc4py import PETSc

import dolfinx
import ufl
from dolfinx import fem, mesh as dmesh
from dolfinx.fem.petsc import apply_lifting, assemble_matrix, assemble_vector, set_bc

PCS = {
    # PETSc's smoothed-aggregation AMG with its defaults (one V-cycle per CG iteration).
    "gamg": {"pc_type": "gamg"},
    # hypre BoomerAMG (Debian's PETSc is built with hypre), default classical AMG settings.
    "hypre": {"pc_type": "hypre", "pc_hypre_type": "boomeramg"},
    "jacobi": {"pc_type": "jacobi"},
    "none": {"pc_type": "none"},
}


def _xdmf_format():
    # HDF5 when h5py is there (meshio needs it for HDF); otherwise inline XML, which DOLFINx also reads.
    try:
        import h5py  # noqa: F401
        return "HDF"
    except ImportError:
        return "XML"


FORMAT = _xdmf_format()


def read_our_mesh(vtu, comm):
    """Our VTU (TET4, VTK node order) -> XDMF/HDF5 via meshio -> DOLFINx mesh; rank 0 converts."""
    tmpdir = os.environ.get("FEM_BENCH_TMP", tempfile.gettempdir())
    xdmf = os.path.join(tmpdir, os.path.basename(vtu).replace(".vtu", ".xdmf"))
    if comm.rank == 0 and (not os.path.exists(xdmf) or os.path.getmtime(xdmf) < os.path.getmtime(vtu)):
        import meshio
        m = meshio.read(vtu)
        meshio.write(xdmf, meshio.Mesh(m.points, [("tetra", m.cells_dict["tetra"])]), data_format=FORMAT)
    comm.barrier()
    with dolfinx.io.XDMFFile(comm, xdmf, "r") as f:
        return f.read_mesh(name="Grid")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=45, help="cells per edge when --mesh is not given")
    ap.add_argument("--mesh", help="our mesh written by ConductionBenchmark --write-mesh")
    ap.add_argument("--pcs", default="gamg,hypre,jacobi")
    ap.add_argument("--contrast", type=float, default=1.0)
    ap.add_argument("--rtol", type=float, default=1e-8)
    ap.add_argument("--compare", help="our solution (VTU with point data phi_V) to compare at the nodes")
    args = ap.parse_args()
    comm = MPI.COMM_WORLD

    t0 = time.perf_counter()
    msh = read_our_mesh(args.mesh, comm) if args.mesh else dmesh.create_box(
        comm, [np.zeros(3), np.ones(3)], [args.n] * 3, dmesh.CellType.tetrahedron)
    t_mesh = time.perf_counter() - t0
    tdim = msh.topology.dim
    V = fem.FunctionSpace(msh, ("Lagrange", 1))
    Q = fem.FunctionSpace(msh, ("DG", 0))
    sigma = fem.Function(Q)
    ncell = msh.topology.index_map(tdim).size_local + msh.topology.index_map(tdim).num_ghosts
    if args.contrast != 1.0:
        mid = dmesh.compute_midpoints(msh, tdim, np.arange(ncell, dtype=np.int32))
        s = (np.floor(mid[:, 0] * 4) + np.floor(mid[:, 1] * 4) + np.floor(mid[:, 2] * 4)).astype(int)
        sigma.x.array[:] = np.where(s % 2 == 0, 1.0, args.contrast)
    else:
        sigma.x.array[:] = 1.0
    u, v = ufl.TrialFunction(V), ufl.TestFunction(V)
    a = fem.form(sigma * ufl.inner(ufl.grad(u), ufl.grad(v)) * ufl.dx)
    L = fem.form(fem.Constant(msh, PETSc.ScalarType(0)) * v * ufl.dx)
    left = fem.locate_dofs_geometrical(V, lambda x: np.isclose(x[0], 0.0))
    right = fem.locate_dofs_geometrical(V, lambda x: np.isclose(x[0], 1.0))
    bcs = [fem.dirichletbc(PETSc.ScalarType(1), left, V), fem.dirichletbc(PETSc.ScalarType(0), right, V)]
    ndofs = V.dofmap.index_map.size_global

    comm.barrier()
    t0 = time.perf_counter()
    A = assemble_matrix(a, bcs=bcs)
    A.assemble()
    b = assemble_vector(L)
    apply_lifting(b, [a], bcs=[bcs])
    b.ghostUpdate(addv=PETSc.InsertMode.ADD, mode=PETSc.ScatterMode.REVERSE)
    set_bc(b, bcs)
    comm.barrier()
    t_asm = time.perf_counter() - t0

    ours = None
    if args.compare and comm.size == 1:
        import meshio
        m = meshio.read(args.compare)
        n = round(1 / np.min(np.diff(np.unique(m.points[:, 0]))))
        key = np.rint(m.points * n).astype(np.int64) @ np.array([1, n + 1, (n + 1) ** 2])
        ours = (n, dict(zip(key.tolist(), np.ravel(m.point_data["phi_V"]).tolist())))

    for name in args.pcs.split(","):
        uh = fem.Function(V)
        ksp = PETSc.KSP().create(comm)
        ksp.setOperators(A)
        ksp.setType("cg")
        ksp.setNormType(PETSc.KSP.NormType.UNPRECONDITIONED)
        ksp.setTolerances(rtol=args.rtol, atol=0.0, max_it=20000)
        opts = PETSc.Options()
        prefix = f"bench_{name}_"
        ksp.setOptionsPrefix(prefix)
        for k, val in PCS[name].items():
            opts[prefix + k] = val
        ksp.setFromOptions()
        comm.barrier()
        t0 = time.perf_counter()
        ksp.setUp()
        comm.barrier()
        t_setup = time.perf_counter() - t0
        t0 = time.perf_counter()
        ksp.solve(b, uh.vector)
        comm.barrier()
        t_solve = time.perf_counter() - t0
        uh.x.scatter_forward()
        r = b.copy()
        A.mult(uh.vector, r)
        r.aypx(-1.0, b)
        rec = {
            "code": "dolfinx", "version": dolfinx.__version__, "petsc": ".".join(map(str, PETSc.Sys.getVersion())),
            "ranks": comm.size, "pc": name, "unknowns": ndofs, "contrast": args.contrast,
            "mesh": "ours (meshio->XDMF)" if args.mesh else "create_box",
            "mesh_s": t_mesh, "assembly_s": t_asm, "setup_s": t_setup, "solve_s": t_solve,
            "iterations": ksp.getIterationNumber(), "converged_reason": ksp.getConvergedReason(),
            "relative_residual": r.norm() / b.norm(),
        }
        if ours is not None:
            n, phi = ours
            xyz = V.tabulate_dof_coordinates()
            key = np.rint(xyz * n).astype(np.int64) @ np.array([1, n + 1, (n + 1) ** 2])
            mine = np.array([phi[k] for k in key.tolist()])
            rec["max_abs_diff_vs_ours"] = float(np.max(np.abs(mine - uh.x.array[: len(mine)])))
        if ksp.getConvergedReason() <= 0:
            rec["error"] = "did not converge"
        if comm.rank == 0:
            print(json.dumps(rec), flush=True)
        ksp.destroy()


if __name__ == "__main__":
    sys.exit(main())
