#!/usr/bin/env bash
# Domain-decomposition throughput of `dendrite run` beside LAMMPS with 1 and 2 MPI ranks, back to
# back on this machine (issue 5's speed benchmark). NVE of LLZO after 300 K velocities, the
# Du/Teter force field (LAMMPS: born/coul/dsf, the same terms as tools/bench/lammps-llzo-nve.in).
# Usage: tools/bench/bench_domains.sh DATA_FILE STEPS REPLICATE [ROUNDS]
#   e.g. tools/bench/bench_domains.sh conf/structures/llzo-tetragonal-5184.data 200 2 3   # 41472 atoms
# Prints one markdown row per case and round: atoms, case, cores used, steps/s, speed-up over
# dendrite on 1 domain with 1 thread, share of the step spent in exchange (mean over ranks) and
# the ratio to LAMMPS on the same number of cores (dendrite/LAMMPS steps/s; > 1 is faster).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(realpath "$1")"; steps="$2"; rep="$3"; rounds="${4:-1}"
command -v lmp >/dev/null || { echo "error: lmp not on PATH (apt-get install -y lammps)" >&2; exit 2; }
jar="$root/driver/target/dendrite.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -B -DskipTests package)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

lammps_steps_per_s() { # ranks
  local log="$work/lmp-$1.log"
  (cd "$work" && OMP_NUM_THREADS=1 mpirun --allow-run-as-root --oversubscribe -np "$1" \
      lmp -in "$here/lammps-llzo-nve.in" -var data "$data" -var steps "$steps" -var rep "$rep" \
      -log "$log" -screen none)
  awk -v s="$steps" '/^Loop time of/ {print s / $4}' "$log"
}

dendrite_case() { # name domains transport threads -> "steps_per_s exchange_share"
  local cfg="$work/$1.yaml" out="$work/run-$1"
  rm -rf "$out"
  cat > "$cfg" <<YAML
structure: {file: $data, types: [Li, La, Zr, O], replicate: [$rep, $rep, $rep]}
forcefield: $root/conf/forcefields/llzo-du-teter.yaml
neighbor: {skin_A: 2.0}
threads: $4
seed: 20261121
output: {thermo_every_steps: 0, restart_every_steps: 0, progress_every_s: 3600}
partition: {domains: $2, transport: $3}
stages:
  - {type: velocity, temperature_K: 300}
  - {type: nve, steps: $steps, timestep_fs: 1.0}
YAML
  java -jar "$jar" run "$cfg" --out "$out" >/dev/null 2>&1
  python3 - "$out/run.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p, dec = d["performance"], d.get("decomposition", {})
shares = dec.get("exchange_share_per_rank") or [0.0]
print(p["steps"] / p["loop_s"], sum(shares) / len(shares))
PY
}

echo "| atoms | case | cores | steps/s | speed-up vs 1 domain | exchange share | dendrite/LAMMPS |"
echo "|---:|---|---:|---:|---:|---:|---:|"
atoms=$(( $(awk '/ atoms$/ {print $1; exit}' "$data") * rep * rep * rep ))
for round in $(seq 1 "$rounds"); do
  l1=$(lammps_steps_per_s 1); l2=$(lammps_steps_per_s 2)
  read -r d1 x1 < <(dendrite_case one 1x1x1 local 1)
  read -r d2 x2 < <(dendrite_case two 2x1x1 local 2)
  read -r d4 x4 < <(dendrite_case four 2x2x1 local 2)
  read -r h2 y2 < <(dendrite_case hz2 2x1x1 hazelcast 2)
  python3 - "$atoms" "$l1" "$l2" "$d1" "$x1" "$d2" "$x2" "$d4" "$x4" "$h2" "$y2" "$round" <<'PY'
import sys
a = sys.argv[1]; l1, l2, d1, x1, d2, x2, d4, x4, h2, y2 = map(float, sys.argv[2:12]); r = sys.argv[12]
def row(case, cores, s, x, lmp):
    ratio = f"{s / lmp:.2f}" if lmp else ""
    print(f"| {a} | {case} (round {r}) | {cores} | {s:.2f} | {s / d1:.2f} | {100 * x:.1f} % | {ratio} |")
row("LAMMPS 1 rank", 1, l1, 0, 0)
row("LAMMPS 2 ranks", 2, l2, 0, 0)
row("dendrite 1 domain", 1, d1, x1, l1)
row("dendrite 2 domains in-process", 2, d2, x2, l2)
row("dendrite 4 domains in-process (2 per core)", 2, d4, x4, l2)
row("dendrite 2 domains, Hazelcast (2 members, one JVM)", 2, h2, y2, l2)
PY
done
