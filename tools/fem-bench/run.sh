#!/usr/bin/env bash
# Conduction benchmark, dendrite (ConductionBenchmark, 1 thread) against DOLFINx (python3-dolfinx,
# PETSc CG) on the same mesh, back to back, ROUNDS rounds per size. Writes results.jsonl and prints the
# Markdown tables of docs/benchmarks.md ("FEM conduction against DOLFINx").
#
#   tools/fem-bench/run.sh [OUTDIR] [SIZES] [ROUNDS]     # defaults: /tmp/fem-bench "45 99" 3
#
# Each round starts one JVM that solves twice; the table reports the second (JIT-compiled) solve as
# "dendrite" and the first as "dendrite, 1st solve in a fresh JVM".
# n = 45 gives 46³ = 97 336 unknowns, n = 99 gives 100³ = 10⁶. Set CONTRAST=1e-6 for the 4×4×4
# checkerboard, MPI2=1 to add DOLFINx on `mpirun -n 2`. Needs: mvn (offline), /usr/bin/python3 with
# dolfinx, meshio, h5py. Run from the repository root.
set -euo pipefail
OUT=${1:-/tmp/fem-bench}
SIZES=${2:-"45 99"}
ROUNDS=${3:-3}
CONTRAST=${CONTRAST:-1}
MPI2=${MPI2:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
export FEM_BENCH_TMP=$OUT OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

mvn -q -o -pl solvers test-compile
mvn -q -o -pl solvers dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="solvers/target/classes:solvers/target/test-classes:$(cat "$OUT/cp.txt")"
JAVA=(java -Xmx10g -cp "$CP" org.dendrite.fem.bench.ConductionBenchmark --contrast "$CONTRAST")
DX=(/usr/bin/python3 "$HERE/dolfinx_conduction.py" --contrast "$CONTRAST")
RES="$OUT/results.jsonl"
: > "$RES"
tag() { # adds size/round/load to each JSON line
    /usr/bin/python3 -c 'import json,sys,os
for l in sys.stdin:
    l=l.strip()
    if l.startswith("RESULT "): l=l[7:]
    if not l.startswith("{"): continue
    d=json.loads(l)
    if "round" in d: d["jvm_round"]=d.pop("round")
    d.update(n=int(sys.argv[1]), round=int(sys.argv[2]), load=os.getloadavg()[0], ranks=d.get("ranks",1)); print(json.dumps(d))' "$@"
}

for n in $SIZES; do
    mesh="$OUT/mesh_n$n.vtu"
    sol="$OUT/phi_n$n.vtu"
    # Mesh and our solution for the comparison, at the benchmark's tolerance (not timed here).
    "${JAVA[@]}" --n "$n" --preconditioners amg --reps 1 --write-mesh "$mesh" --write-solution "$sol" > "$OUT/prep_n$n.log"
    /usr/bin/python3 "$HERE/dolfinx_conduction.py" --contrast "$CONTRAST" --mesh "$mesh" --pcs hypre --compare "$sol" \
        2>/dev/null | tag "$n" 0 | sed 's/"code": "dolfinx"/"code": "agreement"/' >> "$RES"
    for r in $(seq 1 "$ROUNDS"); do
        echo "n=$n round $r: $(uptime)" >&2
        "${JAVA[@]}" --n "$n" --preconditioners amg,jacobi --reps 2 2>&1 | tee -a "$OUT/ours_n$n.log" | tag "$n" "$r" >> "$RES"
        "${DX[@]}" --mesh "$mesh" --pcs gamg,hypre,jacobi 2>/dev/null | tee -a "$OUT/dolfinx_n$n.log" | tag "$n" "$r" >> "$RES"
        if [ "$MPI2" = 1 ]; then
            mpirun --allow-run-as-root -n 2 "${DX[@]}" --mesh "$mesh" --pcs gamg,hypre 2>/dev/null | tag "$n" "$r" >> "$RES"
        fi
    done
done
/usr/bin/python3 "$HERE/summarize.py" "$RES"
