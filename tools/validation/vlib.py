"""Shared helpers of the validation scripts: run `dendrite`, read/write extended XYZ, read thermo.csv.

Only the standard library and NumPy. Units: LAMMPS metal (Å, eV, ps, bar); 1 GPa = 1e4 bar.
"""
import csv
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DENDRITE = ROOT / "submit-scripts" / "dendrite"
FORCEFIELD = ROOT / "conf" / "forcefields" / "llzo-du-teter.yaml"
STRUCTURE = ROOT / "conf" / "structures" / "llzo-tetragonal-192.extxyz"
RESULTS = Path(__file__).resolve().parent / "results"
BAR_PER_GPA = 1.0e4


class Frame:
    """One extended-XYZ frame: species, positions (N×3, Å) and cell (rows = edge vectors a, b, c, Å)."""

    def __init__(self, species, positions, cell, info=None):
        self.species = list(species)
        self.positions = np.asarray(positions, dtype=float)
        self.cell = np.asarray(cell, dtype=float)
        self.info = dict(info or {})

    def copy(self):
        return Frame(self.species, self.positions.copy(), self.cell.copy(), self.info)

    def deformed(self, f):
        """Homogeneously deformed copy, x' = F x for positions and for the edge vectors."""
        f = np.asarray(f, dtype=float)
        return Frame(self.species, self.positions @ f.T, self.cell @ f.T, {})

    def replicated(self, n):
        """Supercell n[0]×n[1]×n[2] (as LAMMPS replicate)."""
        pos, spc = [], []
        for i in range(n[0]):
            for j in range(n[1]):
                for k in range(n[2]):
                    shift = i * self.cell[0] + j * self.cell[1] + k * self.cell[2]
                    pos.append(self.positions + shift)
                    spc += self.species
        cell = self.cell * np.asarray(n, dtype=float)[:, None]
        return Frame(spc, np.vstack(pos), cell, {})


def _split_info(line):
    """key=value pairs of an extended-XYZ comment line; values may be double-quoted."""
    out, i, n = {}, 0, len(line)
    while i < n:
        while i < n and line[i] == " ":
            i += 1
        if i >= n:
            break
        j = i
        while j < n and line[j] not in "= ":
            j += 1
        key = line[i:j]
        if j < n and line[j] == "=":
            j += 1
            if j < n and line[j] == '"':
                k = line.index('"', j + 1)
                out[key] = line[j + 1:k]
                i = k + 1
            else:
                k = j
                while k < n and line[k] != " ":
                    k += 1
                out[key] = line[j:k]
                i = k
        else:
            out[key] = "T"
            i = j
    return out


def read_extxyz(path, last_only=True):
    """Frames of an extended-XYZ file (species and pos columns); the last one unless last_only=False."""
    frames = []
    with open(path) as fh:
        lines = fh.read().splitlines()
    i = 0
    while i < len(lines) and lines[i].strip():
        n = int(lines[i])
        info = _split_info(lines[i + 1])
        cell = np.array([float(v) for v in info["Lattice"].split()]).reshape(3, 3)
        props = info.get("Properties", "species:S:1:pos:R:3").split(":")
        col, spec_col, pos_col = 0, None, None
        for name, _kind, count in zip(props[0::3], props[1::3], props[2::3]):
            if name == "species":
                spec_col = col
            if name == "pos":
                pos_col = col
            col += int(count)
        rows = [lines[i + 2 + k].split() for k in range(n)]
        species = [r[spec_col] for r in rows]
        pos = np.array([[float(v) for v in r[pos_col:pos_col + 3]] for r in rows])
        frames.append(Frame(species, pos, cell, info))
        i += 2 + n
    return frames[-1] if last_only else frames


def write_extxyz(path, frame, comment=""):
    cell = " ".join(repr(float(v)) for v in frame.cell.reshape(-1))
    with open(path, "w") as fh:
        fh.write(f"{len(frame.species)}\n")
        fh.write(f'Lattice="{cell}" Properties=species:S:1:pos:R:3 pbc="T T T"')
        if comment:
            fh.write(f' comment="{comment}"')
        fh.write("\n")
        for s, p in zip(frame.species, frame.positions):
            fh.write(f"{s} {float(p[0])!r} {float(p[1])!r} {float(p[2])!r}\n")


def read_restart(path):
    """Final state of a run from its binary restart file (layout: Javadoc of
    org.dendrite.md.state.RestartFile, format version 1; big-endian). Positions in the LAMMPS frame,
    atoms sorted by id; the cell's rows are a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz)."""
    import struct
    raw = Path(path).read_bytes()
    if raw[:8] != b"DNDRSTRT":
        raise ValueError(f"{path}: not a dendrite restart file")
    version, = struct.unpack(">i", raw[8:12])
    if version != 1:
        raise ValueError(f"{path}: restart format version {version}, this reader knows version 1")
    o = 20
    step, time_ps, _stage, _stage_step, _stage_t0 = struct.unpack(">qdiqd", raw[o:o + 36])
    o += 36 + 1 + 8 + 1  # stageStarted, seed, forcesValid
    box = struct.unpack(">9d", raw[o:o + 72])
    o += 72 + 3
    nspecies, = struct.unpack(">i", raw[o:o + 4])
    o += 4
    names = []
    for _ in range(nspecies):
        ln, = struct.unpack(">H", raw[o:o + 2])
        names.append(raw[o + 2:o + 2 + ln].decode("utf-8"))
        o += 2 + ln + 16
    n, = struct.unpack(">i", raw[o:o + 4])
    o += 4
    x = np.frombuffer(raw, dtype=">f8", count=3 * n, offset=o).reshape(n, 3)
    o += 3 * 8 * n * 3 + 3 * 4 * n  # positions, velocities, forces, image flags
    ids = np.frombuffer(raw, dtype=">i4", count=n, offset=o)
    types = np.frombuffer(raw, dtype=">i4", count=n, offset=o + 4 * n)
    order = np.argsort(ids)
    lx, ly, lz, xy, xz, yz = box[3:9]
    cell = np.array([[lx, 0, 0], [xy, ly, 0], [xz, yz, lz]])
    frame = Frame([names[t] for t in types[order]], np.array(x[order], dtype=float), cell,
                  {"step": str(step), "time_ps": repr(time_ps)})
    frame.origin = np.array(box[0:3])
    return frame


def read_thermo(run_dir):
    """thermo.csv of a run directory as a dict of NumPy columns."""
    with open(Path(run_dir) / "thermo.csv") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    data = np.array([[float(v) for v in r] for r in rows[1:]])
    return {h: data[:, k] for k, h in enumerate(head)}


def run_dendrite(config, run_dir, log=None):
    """Writes `config` (a dict, dumped as JSON, which is YAML) beside run_dir and runs `dendrite run`.

    An existing run directory is reused (the scripts are restartable); returns (run_dir, wall_s).
    """
    run_dir = Path(run_dir)
    if (run_dir / "run.json").exists():
        return run_dir, json.load(open(run_dir / "run.json")).get("timing", {}).get("total_s", 0.0)
    run_dir.parent.mkdir(parents=True, exist_ok=True)
    cfg_path = run_dir.parent / (run_dir.name + ".yaml")
    cfg_path.write_text(json.dumps(config, indent=1) + "\n")
    cmd = [str(DENDRITE), "run", str(cfg_path), "--out", str(run_dir)]
    env = dict(os.environ)
    t0 = time.time()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.time() - t0
    if log is not None:
        log.write(" ".join(shlex.quote(c) for c in cmd) + f"  # {wall:.1f} s\n")
    if res.returncode != 0:
        sys.stderr.write(res.stdout + res.stderr)
        raise RuntimeError(f"dendrite run failed ({res.returncode}): {' '.join(cmd)}")
    return run_dir, wall


def base_config(structure, stages, threads=1, thermo_every=100, traj_every=0):
    return {
        "description": "tools/validation",
        "structure": {"file": str(Path(structure).resolve())},
        "forcefield": str(FORCEFIELD),
        "threads": threads,
        "output": {
            "thermo_every_steps": thermo_every,
            "trajectory": {"format": "extxyz" if traj_every else "none", "every_steps": traj_every},
            "restart_every_steps": 0,
        },
        "stages": stages,
    }


def stress_gpa(thermo, row=-1):
    """Cauchy stress (tension positive) in GPa, 3×3, from the pressure tensor of a thermo row."""
    p = {k: thermo[f"p{k}_bar"][row] for k in ("xx", "yy", "zz", "xy", "xz", "yz")}
    s = -np.array([[p["xx"], p["xy"], p["xz"]], [p["xy"], p["yy"], p["yz"]], [p["xz"], p["yz"], p["zz"]]])
    return s / BAR_PER_GPA


def save_json(name, obj):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(obj, indent=1, sort_keys=False) + "\n")
    return path
