#!/usr/bin/env bash
# Measures MD throughput of dendrite and LAMMPS back to back on this machine and prints a markdown
# table row per case. Usage: tools/bench/bench.sh DATA_FILE STEPS [REPLICATE]
# DATA_FILE: LAMMPS data file of LLZO (types Li La Zr O), e.g. conf/structures/llzo-tetragonal-5184.data
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(realpath "$1")"; steps="$2"; rep="${3:-1}"
command -v lmp >/dev/null || { echo "error: lmp not on PATH (apt-get install -y lammps)" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

lammps_rate() { # ranks -> atom-steps/s from the "Loop time" line
  local ranks="$1" log="$work/lmp-$1.log"
  (cd "$work" && OMP_NUM_THREADS=1 mpirun --allow-run-as-root --oversubscribe -np "$ranks" \
      lmp -in "$here/lammps-llzo-nve.in" -var data "$data" -var steps "$steps" -var rep "$rep" \
      -log "$log" -screen none)
  awk '/^Loop time of/ {t=$4; n=$(NF-1)} END {print t, n}' "$log" | {
    read -r t atoms; echo "$t $atoms"; }
}

dendrite_rate() { # threads -> "seconds atoms"
  "$root/submit-scripts/dendrite" bench md --structure "$data" --types Li,La,Zr,O \
      --forcefield "$root/conf/forcefields/llzo-du-teter.yaml" --steps "$steps" --threads "$1" \
      --skin 2.0 --replicate "$rep,$rep,$rep" | tail -n 1 |
    python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d["seconds"], d["atoms"])'
}

for p in 1 2; do
  read -r lt latoms < <(lammps_rate "$p")
  read -r dt datoms < <(dendrite_rate "$p")
  python3 - "$p" "$lt" "$latoms" "$dt" "$datoms" "$steps" <<'PY'
import sys
p, lt, la, dt, da, steps = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
lr, dr = la * steps / lt, da * steps / dt
print(f"| {da} | {p} | {dr:,.0f} | {lr:,.0f} | {dr/lr:.2f} |")
PY
done
