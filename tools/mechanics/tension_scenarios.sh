#!/usr/bin/env bash
# Seed 000 Fig. 3c, 3d and 4 with dendrite: runs conf/scenarios/tension-111-{crystal,interface,amorphous}.yaml
# and overlays their stress-strain, energy and bond curves (compare_*.png) with a table of E, ν, peak
# stress, G_c and K_Ic (compare_table.md), all in OUTDIR.
#   tools/mechanics/tension_scenarios.sh [OUTDIR] [--set key=value ...]      # ~7 min on 2 idle cores
# Extra --set options go to every run (stage indices differ: the amorphous model has one more stage).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
out="${1:-$root/runs/tension-111-$(date +%Y%m%d-%H%M%S)}"
shift || true
mkdir -p "$out"
for m in crystal interface amorphous; do
    "$root/submit-scripts/dendrite" run "$root/conf/scenarios/tension-111-$m.yaml" --out "$out/$m" "$@"
done
jshell --class-path "$root/driver/target/dendrite.jar" -R-Djava.awt.headless=true \
    -R-Druns="$out/crystal,$out/interface,$out/amorphous" -R-Dlabels=crystal,interface,amorphized \
    -R-Dout="$out" "$root/tools/mechanics/compare_tension.jsh"
