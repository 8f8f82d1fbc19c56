#!/usr/bin/env bash
# Seed 000 Table 1 with dendrite: runs conf/scenarios/youngs-modulus-{100,110,111}.yaml one after the
# other and prints E along [100], [110], [111] (GPa, ± standard error of the fit) and ν from each
# run's metrics.json beside the paper's DPMD and DFT numbers and our 0 K values from Cij.
#   tools/mechanics/directional_moduli.sh [OUTDIR] [--set key=value ...]
# OUTDIR defaults to runs/youngs-moduli-<time>; extra --set options go to every run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
out="${1:-$root/runs/youngs-moduli-$(date +%Y%m%d-%H%M%S)}"
shift || true
mkdir -p "$out"
for d in 100 110 111; do
    "$root/submit-scripts/dendrite" run "$root/conf/scenarios/youngs-modulus-$d.yaml" --out "$out/$d" "$@"
done
python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
paper = {"100": (133.15, 0.91, 132.91), "110": (162.48, 1.88, 159.86), "111": (171.06, 1.26, 171.45)}
cij = {"100": 86, "110": 116, "111": 131}
print("| direction | E (GPa), dendrite 300 K tension | nu | E from 0 K Cij (validation.md §1.4) | DPMD (seed 000) | DFT pure LLZO |")
print("|---|---|---|---|---|---|")
for d in ("100", "110", "111"):
    m = json.load(open(os.path.join(out, d, "metrics.json")))
    print(f"| [{d}] | {m['E_GPa']:.1f} ± {m.get('E_err_GPa', float('nan')):.1f} | {m.get('nu', float('nan')):.3f} | "
          f"{cij[d]} | {paper[d][0]} ± {paper[d][1]} | {paper[d][2]} |")
PY
