#!/usr/bin/env bash
# Regenerates every number of docs/validation.md §1 (Du/Teter LLZO), in dependency order, then prints
# the tables. About 30 min of 0 K work plus the 60 ps NPT run (1536 atoms) on a 2-core machine.
# Finished run directories in runs/validation/ are reused, so an interrupted call can be repeated.
set -euo pipefail
cd "$(dirname "$0")"
python3 test_elastic.py
python3 run_relax_0K.py --kicks 10
python3 run_elastic_0K.py --start ordered
python3 run_elastic_0K.py --start kick5
for s in 1 2 3 4 6 7 9 10; do python3 run_elastic_0K.py --start kick$s --strains 0.0025,0.005; done
python3 run_elastic_0K.py --start kick1 --replicate 2 --strains 0.005
python3 run_lammps_check.py --kick 5
python3 run_npt_300K.py --quench
python3 run_elastic_0K.py --start quench300 --strains 0.0025,0.005
python3 summarize.py --write-doc ../../docs/validation.md
