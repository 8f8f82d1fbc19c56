#!/usr/bin/env bash
# Regenerates the committed LAMMPS reference of the rdf/msd oracle test (RdfMsdLammpsTest):
# runs in.analyses with lmp and copies traj.lammpstrj, rdf.out and msd.out into
# solvers/src/test/resources/lammps-analyses/. Usage: tools/lammps-reference/analyses/make_reference.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
dest="$here/../../../solvers/src/test/resources/lammps-analyses"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/in.analyses" "$work/"
(cd "$work" && "${LMP:-lmp}" -in in.analyses -log log.lammps -screen none)
mkdir -p "$dest"
cp "$work/traj.lammpstrj" "$work/rdf.out" "$work/msd.out" "$dest/"
echo "wrote $dest/{traj.lammpstrj,rdf.out,msd.out} ($("${LMP:-lmp}" -h | sed -n 's/.*Simulator - \(.*\)$/\1/p' | head -1))"
