#!/usr/bin/env bash
# Issue 4, scenario 5 (seed 001): Li diffusion and conductivity of bulk, grain-boundary and amorphous
# LLZO over a temperature series, with one Arrhenius plot of the three. Runs
# conf/scenarios/li-diffusion-{bulk,gb,amorphous}.yaml (each: D_Li per NVT window, its own Arrhenius
# fit, msd.csv and PNGs) into OUTDIR/{bulk,gb,amorphous}, then `dendrite analyze arrhenius` into
# OUTDIR/arrhenius (arrhenius.csv, arrhenius.png).
#   tools/scenarios/li_diffusion.sh [OUTDIR] [--set key=value ...]     # ~7 min on 2 idle cores
# Extra --set options go to every run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
out="${1:-$root/runs/li-diffusion-$(date +%Y%m%d-%H%M%S)}"
shift || true
if [[ -e "$out" ]]; then
    echo "error: $out exists; give a new output directory" >&2
    exit 2
fi
mkdir -p "$out"
for m in bulk gb amorphous; do
    "$root/submit-scripts/dendrite" run "$root/conf/scenarios/li-diffusion-$m.yaml" --out "$out/$m" "$@"
done
"$root/submit-scripts/dendrite" analyze arrhenius "$out/bulk" "$out/gb" "$out/amorphous" --out "$out/arrhenius"
