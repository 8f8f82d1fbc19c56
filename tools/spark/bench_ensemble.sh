#!/usr/bin/env bash
# Throughput of an ensemble on Spark against the same members one after another in one JVM
# (docs/benchmarks.md, "Ensembles on Spark"): the 8-member li-temperature-demo sweep
#   1. --sequential (no Spark) in one JVM,
#   2. on local[2] (SLOTS) in one JVM,
#   3. on local[2] with 10-step members, for Spark's per-member overhead,
# each into a fresh directory; prints the sweep wall times, the phases and the derived numbers.
#   tools/spark/bench_ensemble.sh [OUTDIR]        (default /tmp/dendrite-ensemble-bench)
# Uses driver/target/dendrite.jar (DENDRITE_JAR) with the flags of submit-scripts/dendrite.
# STEPS=N sets the NVT steps of the members of runs 1 and 2 (default: the config's 8000).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"
jar="${DENDRITE_JAR:-$root/driver/target/dendrite.jar}"
out="${1:-/tmp/dendrite-ensemble-bench}"
slots="${SLOTS:-2}"
cfg="$root/conf/sweeps/li-temperature-demo.yaml"
flags="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false --add-modules=java.se -Djava.awt.headless=true -Dlog4j2.configurationFile=$here/log4j2-tasks.properties"
rm -rf "$out"
mkdir -p "$out"
export SPARK_LOCAL_IP=127.0.0.1
run() {
    local name="$1"
    shift
    echo "== $name (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    java $flags -jar "$jar" ensemble "$cfg" --out "$out/$name" "$@" 2>"$out/$name.log" | grep '^ensemble' | tail -1
}
steps=()
if [[ -n "${STEPS:-}" ]]; then
    steps=(--set "set=['stages[1].steps=$STEPS']")
fi
run sequential --sequential "${steps[@]}"
run spark --master "local[$slots]" "${steps[@]}"
run overhead --master "local[$slots]" --set "set=['stages[1].steps=10']"
python3 - "$out" "$slots" <<'PY'
import csv, json, sys
out, slots = sys.argv[1], int(sys.argv[2])
def load(name):
    j = json.load(open(f"{out}/{name}/run.json"))
    w = [float(r["wall_s"]) for r in csv.DictReader(open(f"{out}/{name}/results.csv"))]
    return j["sweep"]["wall_s"], j["spark"].get("phases", {}), w
seq, _, wseq = load("sequential")
spk, ph, wspk = load("spark")
ovh, pho, wovh = load("overhead")
n = len(wspk)
print(f"sequential sweep {seq:.1f} s (members {sum(wseq):.1f} s, mean {sum(wseq)/n:.2f} s)")
print(f"local[{slots}] sweep {spk:.1f} s, phases {json.dumps({k: round(v, 2) for k, v in ph.items()})}, members mean {sum(wspk)/n:.2f} s")
print(f"speed-up, whole sweep: {seq/spk:.2f}x; member phase only: {sum(wseq)/ph['members_s']:.2f}x")
per = (pho["members_s"] * slots - sum(wovh)) / n
print(f"10-step members: members phase {pho['members_s']:.2f} s for {n} members on {slots} slots, member bodies {sum(wovh):.2f} s"
      f" -> Spark overhead per member {per:.3f} s (slot time outside the member body)")
per2 = (ph["members_s"] * slots - sum(wspk)) / n
print(f"8000-step members: slot time outside member bodies per member {per2:.3f} s (includes the wait for the last task)")
# Spark's own task durations (driver log, "Finished task i.0 in stage 0.0 ... in X ms"; partition i =
# member i) minus the member body measured inside the task = what Spark adds per member.
import re
for name, w in (("overhead", wovh), ("spark", wspk)):
    d = {}
    for m in re.finditer(r"Finished task (\d+)\.0 in stage 0\.0 \(TID \d+\) in (\d+) ms", open(f"{out}/{name}.log").read()):
        d[int(m.group(1))] = int(m.group(2)) / 1000
    o = sorted(d[i] - w[i] for i in d)
    print(f"{name}: Spark task time - member body, per member: " + ", ".join(f"{x:.3f}" for x in o)
          + f" s; median {o[len(o) // 2]:.3f} s, first wave (JVM warm-up) {max(o):.3f} s")
PY
