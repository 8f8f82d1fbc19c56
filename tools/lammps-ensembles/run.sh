#!/bin/sh
# NVT and NPT ensemble comparison of dendrite with LAMMPS on 1536-atom LLZO (2x2x2 tetragonal
# cells, Du/Teter + DSF) at 600 K: runs LAMMPS (in.nvt, in.npt), the dendrite long test that writes
# the same runs' thermo tables, then compare.py. From the repository root:
#   sh tools/lammps-ensembles/run.sh              # everything (about an hour on 1 core)
#   SKIP_DENDRITE=1 sh tools/lammps-ensembles/run.sh   # LAMMPS + comparison only
# Environment: STEPS (20000 = 20 ps at 1 fs), NP (MPI ranks for lmp, default 1), T (600).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tools/lammps-ensembles"
OUT="$ROOT/solvers/target/lammps-ensembles"
STEPS=${STEPS:-20000}
NP=${NP:-1}
T=${T:-600}
SEED=4928459
mkdir -p "$OUT"
python3 "$HERE/make_data.py" "$ROOT/conf/structures/llzo-tetragonal-192.extxyz" "$OUT/llzo-192.data"
LMP=lmp
if [ "$NP" -gt 1 ]; then LMP="mpirun -np $NP lmp"; fi
cd "$HERE"
for ens in nvt npt; do
  echo "LAMMPS $ens ($STEPS steps) ..."
  $LMP -in "in.$ens" -var data "$OUT/llzo-192.data" -var rep 2 -var T "$T" -var seed "$SEED" \
       -var steps "$STEPS" -log "$OUT/lammps-$ens-1536.log" -screen none
done
if [ "${SKIP_DENDRITE:-0}" != 1 ]; then
  echo "dendrite nvt, npt ..."
  (cd "$ROOT" && mvn -q -o -pl solvers test -Plong -Dtest='LlzoEnsembleValidationTest#nvtOnLlzo1536+nptOnLlzo1536')
fi
python3 "$HERE/compare.py" --skip-ps 5 \
  nvt "$OUT/dendrite-nvt-1536.csv" "$OUT/lammps-nvt-1536.log" \
  npt "$OUT/dendrite-npt-1536.csv" "$OUT/lammps-npt-1536.log"
