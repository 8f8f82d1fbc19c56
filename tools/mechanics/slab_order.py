#!/usr/bin/env python3
"""Order of the boundary slabs of a tension-111 run: rms(g - 1) over 4-8 Å of the La-O, Zr-O and Li-O
partial g(r) whose centre atoms lie within 6 Å of z = 0 or z = L/2 (the two boundaries of the
interface models), averaged over the traj.extxyz frames with step in [LO, HI] (take the NPT stage
before the tension). Larger is more ordered; an amorphous solid tends to 0 (docs/validation.md §1.7).

    python3 tools/mechanics/slab_order.py RUN/traj.extxyz LO HI
"""
import sys, numpy as np
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'validation'))
import vlib
path, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
frames = [f for f in vlib.read_extxyz(path, last_only=False) if lo <= int(f.info.get('step', -1)) <= hi]
bins = np.linspace(0, 8, 81); rc = 0.5*(bins[1:]+bins[:-1])
res = {}
for a, b in (('La','O'), ('Zr','O'), ('Li','O')):
    hist = np.zeros(80); norm = 0
    for f in frames:
        h = f.cell; L = np.diag(h); sp = np.array(f.species); x = f.positions
        z = x[:, 2] % L[2]
        inslab = (np.minimum(z, L[2]-z) < 6) | (np.abs(z - L[2]/2) < 6)
        ia = np.where((sp == a) & inslab)[0]; ib = np.where(sp == b)[0]
        d = x[ia][:, None, :] - x[ib][None, :, :]
        d -= np.round(d / L) * L
        r = np.linalg.norm(d, axis=2).ravel()
        hist += np.histogram(r, bins)[0]
        norm += len(ia) * len(ib) / np.prod(L)
    shell = 4/3*np.pi*(bins[1:]**3 - bins[:-1]**3)
    g = hist / (norm * shell)
    m = (rc >= 4) & (rc <= 8)
    res[f'{a}-{b}'] = float(np.sqrt(np.mean((g[m]-1)**2)))
print(len(frames), 'frames', {k: round(v, 3) for k, v in res.items()})
