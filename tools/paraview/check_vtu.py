"""Opens a VTU file with ParaView's reader and prints its size and every point/cell array with its
range, so a reviewer can see that ParaView reads dendrite's output (issue 7 acceptance).

    pvpython tools/paraview/check_vtu.py RUN/mesh.vtu [--require phi_V,j_A_per_m2,...]

Exits with status 1 when the file has no cells or a required array is missing.
"""
import argparse
import sys

from paraview import servermanager
from paraview.simple import GetParaViewVersion, UpdatePipeline, XMLUnstructuredGridReader


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vtu")
    ap.add_argument("--require", default="", help="comma-separated arrays that must be present")
    a = ap.parse_args()
    reader = XMLUnstructuredGridReader(FileName=[a.vtu])
    UpdatePipeline(proxy=reader)
    data = servermanager.Fetch(reader)
    v = GetParaViewVersion()
    print(f"ParaView {v.major}.{v.minor}: {a.vtu}")
    print(f"  points {data.GetNumberOfPoints()}, cells {data.GetNumberOfCells()}, "
          f"cell types {sorted({data.GetCellType(i) for i in range(min(data.GetNumberOfCells(), 100000))})}")
    found = set()
    for kind, attrs in (("point", data.GetPointData()), ("cell", data.GetCellData())):
        for i in range(attrs.GetNumberOfArrays()):
            arr = attrs.GetArray(i)
            name = arr.GetName()
            found.add(name)
            ranges = [arr.GetRange(c) for c in range(arr.GetNumberOfComponents())]
            txt = ", ".join(f"[{lo:.6g}, {hi:.6g}]" for lo, hi in ranges)
            print(f"  {kind:5s} {name:16s} {arr.GetDataTypeAsString():7s} x{arr.GetNumberOfComponents()}  {txt}")
    missing = [r for r in a.require.split(",") if r and r not in found]
    if data.GetNumberOfCells() == 0 or missing:
        print(f"FAILED: cells {data.GetNumberOfCells()}, missing arrays {missing}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
