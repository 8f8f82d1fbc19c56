#!/usr/bin/env bash
# Domain-decomposition throughput of `dendrite run` beside LAMMPS with 1 and 2 MPI ranks, back to
# back on this machine (issue 5's speed benchmark). NVE of LLZO after 300 K velocities, the
# Du/Teter force field (LAMMPS: born/coul/dsf, the same terms as tools/bench/lammps-llzo-nve.in).
# Usage: tools/bench/bench_domains.sh DATA_FILE STEPS REPLICATE [ROUNDS]
#   e.g. tools/bench/bench_domains.sh conf/structures/llzo-tetragonal-5184.data 200 2 3   # 41472 atoms
# Prints one markdown row per case and round, then the median of each case over the rounds:
# atoms, case, cores used, steps/s, speed-up (dendrite over dendrite on 1 domain with 1 thread,
# LAMMPS over LAMMPS 1 rank), share of the step spent in exchange (mean over ranks) and the ratio to
# LAMMPS on the same number of cores (dendrite/LAMMPS steps/s; > 1 is faster).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(realpath "$1")"; steps="$2"; rep="$3"; rounds="${4:-1}"
command -v lmp >/dev/null || { echo "error: lmp not on PATH (apt-get install -y lammps)" >&2; exit 2; }
jar="$root/driver/target/dendrite.jar"
"$root/submit-scripts/dendrite" --version >/dev/null   # builds the jar if missing or stale
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# The member JVM and the run JVM need Hazelcast's module flags; the coordinator's come from here too.

lammps_steps_per_s() { # ranks
  local log="$work/lmp-$1.log"
  (cd "$work" && OMP_NUM_THREADS=1 mpirun --allow-run-as-root --oversubscribe -np "$1" \
      lmp -in "$here/lammps-llzo-nve.in" -var data "$data" -var steps "$steps" -var rep "$rep" \
      -log "$log" -screen none)
  awk -v s="$steps" '/^Loop time of/ {print s / $4}' "$log"
}

dendrite_case() { # name domains transport threads [extra partition keys] -> "steps_per_s exchange_share"
  local cfg="$work/$1.yaml" out="$work/run-$1" extra="${5:-}"
  rm -rf "$out"
  cat > "$cfg" <<YAML
structure: {file: $data, types: [Li, La, Zr, O], replicate: [$rep, $rep, $rep]}
forcefield: $root/conf/forcefields/llzo-du-teter.yaml
neighbor: {skin_A: 2.0}
threads: $4
seed: 20261121
output: {thermo_every_steps: 0, restart_every_steps: 0, progress_every_s: 3600}
partition: {domains: $2, transport: $3$extra}
stages:
  - {type: velocity, temperature_K: 300}
  - {type: nve, steps: $steps, timestep_fs: 1.0}
YAML
  java "${hz_flags[@]}" -Dhazelcast.logging.type=none -jar "$jar" run "$cfg" --out "$out" >/dev/null 2>&1
  python3 - "$out/run.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p, dec = d["performance"], d.get("decomposition", {})
# Ranks hosted by another JVM report null (their time is not known to rank 0's JVM).
shares = [x for x in (dec.get("exchange_share_per_rank") or [0.0]) if x is not None] or [0.0]
print(p["steps"] / p["loop_s"], sum(shares) / len(shares))
PY
}

# Two JVMs: a `dendrite member` rank host (what hazelcast-member.sh starts) hosts rank 1, the
# `dendrite run` JVM rank 0. Free ports on loopback; the member is stopped at the end.
hz_ports=($(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])'))
cat > "$work/member.yaml" <<YAML
hazelcast:
  cluster-name: bench-$$
  network:
    port: {port: ${hz_ports[0]}, auto-increment: false}
    interfaces: {enabled: true, interfaces: [127.0.0.1]}
    join:
      multicast: {enabled: false}
      auto-detection: {enabled: false}
      tcp-ip: {enabled: true, connection-timeout-seconds: 2, member-list: [127.0.0.1:${hz_ports[0]}, 127.0.0.1:${hz_ports[1]}]}
  properties: {dendrite.expected.members: 1, dendrite.join.timeout.seconds: 60}
YAML
hz_flags=(--add-modules=java.se --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.management/sun.management=ALL-UNNAMED
    --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED)
java "${hz_flags[@]}" -Dhazelcast.logging.type=none -jar "$jar" member "$work/member.yaml" > "$work/member.log" 2>&1 &
member_pid=$!
trap 'kill $member_pid 2>/dev/null; rm -rf "$work"' EXIT
until grep -q "dendrite member up" "$work/member.log"; do
  kill -0 $member_pid 2>/dev/null || { cat "$work/member.log" >&2; exit 1; }; sleep 0.5
done
two_jvm=", rank_hosts: 1, cluster_name: bench-$$, port: ${hz_ports[1]}, peers: [\"127.0.0.1:${hz_ports[0]}\"]"
# A member outlives the runs it hosts (as on a cluster), so its JIT has compiled the force loop
# before it is measured: one unreported run first. Without it the first measured run pays the
# member's compilation (4 s of C2 time in a 23 s run, docs/benchmarks.md).
dendrite_case warmup 2x1x1 hazelcast 2 "$two_jvm" > /dev/null

echo "| atoms | case | cores | steps/s | speed-up vs 1 domain | exchange share | dendrite/LAMMPS |"
echo "|---:|---|---:|---:|---:|---:|---:|"
atoms=$(( $(awk '/ atoms$/ {print $1; exit}' "$data") * rep * rep * rep ))
# Each round runs the 2-core dendrite cases in a rotated order, so that no case always runs last
# (this VM's speed drifts by ±10-20 % over minutes); the summary gives the median over the rounds.
cases=(two four hz2 jvm2)
results="$work/results.tsv"
for round in $(seq 1 "$rounds"); do
  l1=$(lammps_steps_per_s 1); l2=$(lammps_steps_per_s 2)
  read -r d1 x1 < <(dendrite_case one 1x1x1 local 1)
  declare -A sps=() share=()
  for k in 0 1 2 3; do
    c=${cases[$(( (k + round - 1) % 4 ))]}
    case $c in
      two)  read -r sps[$c] share[$c] < <(dendrite_case two 2x1x1 local 2) ;;
      four) read -r sps[$c] share[$c] < <(dendrite_case four 2x2x1 local 2) ;;
      hz2)  read -r sps[$c] share[$c] < <(dendrite_case hz2 2x1x1 hazelcast 2) ;;
      jvm2) read -r sps[$c] share[$c] < <(dendrite_case jvm2 2x1x1 hazelcast 2 "$two_jvm") ;;
    esac
  done
  python3 - "$atoms" "$l1" "$l2" "$d1" "$x1" "${sps[two]}" "${share[two]}" "${sps[four]}" "${share[four]}" \
      "${sps[hz2]}" "${share[hz2]}" "${sps[jvm2]}" "${share[jvm2]}" "$round" "$results" <<'PY'
import sys
a = sys.argv[1]; l1, l2, d1, x1, d2, x2, d4, x4, h2, y2, j2, z2 = map(float, sys.argv[2:14]); r = sys.argv[14]
out = open(sys.argv[15], "a")
def row(case, cores, s, x, lmp, base):
    ratio = f"{s / lmp:.2f}" if lmp else ""
    print(f"| {a} | {case} (round {r}) | {cores} | {s:.2f} | {s / base:.2f} | {100 * x:.1f} % | {ratio} |")
    out.write(f"{case}\t{cores}\t{s}\t{s / base}\t{x}\t{s / lmp if lmp else ''}\n")
row("LAMMPS 1 rank", 1, l1, 0, 0, l1)
row("LAMMPS 2 ranks", 2, l2, 0, 0, l1)
row("dendrite 1 domain", 1, d1, x1, l1, d1)
row("dendrite 2 domains in-process", 2, d2, x2, l2, d1)
row("dendrite 4 domains in-process (2 per core)", 2, d4, x4, l2, d1)
row("dendrite 2 domains, Hazelcast (2 members, one JVM)", 2, h2, y2, l2, d1)
row("dendrite 2 domains, Hazelcast (2 JVMs, rank 1 on a dendrite member)", 2, j2, z2, l2, d1)
PY
done
# Medians over the rounds; a LAMMPS row's speed-up is over LAMMPS 1 rank.
python3 - "$atoms" "$rounds" "$results" <<'PY'
import sys, statistics
a, rounds = sys.argv[1], sys.argv[2]
rows = {}
for line in open(sys.argv[3]):
    case, cores, s, up, x, ratio = line.rstrip("\n").split("\t")
    rows.setdefault((case, cores), []).append((float(s), float(up), float(x), float(ratio) if ratio else None))
for (case, cores), v in rows.items():
    med = lambda k: statistics.median(r[k] for r in v)
    ratio = f"{statistics.median(r[3] for r in v):.2f}" if v[0][3] is not None else ""
    print(f"| {a} | {case} (median of {rounds}) | {cores} | {med(0):.2f} | {med(1):.2f} | {100 * med(2):.1f} % | {ratio} |")
PY
