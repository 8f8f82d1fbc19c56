#!/usr/bin/python3
"""Reads a VTU file with meshio and prints its cells and every point/cell array with its range
(issue 7: "meshio reads the mesh").   /usr/bin/python3 tools/paraview/check_meshio.py RUN/mesh.vtu"""
import sys

import meshio

m = meshio.read(sys.argv[1])
print(f"meshio {meshio.__version__}: {sys.argv[1]}")
print(f"  points {len(m.points)}, cells " + ", ".join(f"{b.type} {len(b.data)}" for b in m.cells))
for k, v in m.point_data.items():
    print(f"  point {k:16s} {str(v.dtype):8s} {v.shape}  [{v.min():.6g}, {v.max():.6g}]")
for k, v in m.cell_data.items():
    print(f"  cell  {k:16s} {str(v[0].dtype):8s} {v[0].shape}  [{v[0].min():.6g}, {v[0].max():.6g}]")
sys.exit(0 if len(m.points) and m.cells else 1)
