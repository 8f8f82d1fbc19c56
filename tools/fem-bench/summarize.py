#!/usr/bin/python3
"""Markdown tables from tools/fem-bench/run.sh's results.jsonl: per size and solver, the median over the
rounds of assembly, setup, solve and setup + solve (wall s), iterations, and the ratio of DOLFINx's
time to ours (> 1: we are faster), plus the nodal agreement of the two solutions."""
import json
import statistics
import sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
med = statistics.median
sizes = sorted({r["n"] for r in rows})
print("| unknowns | code | ranks | preconditioner | assembly (s) | PC setup (s) | CG solve (s) | setup + solve (s) | iterations | load (1 min) |")
print("|---:|---|---:|---|---:|---:|---:|---:|---:|---|")
groups = {}
for r in rows:
    if r["code"] == "agreement":
        continue
    if r.get("jvm_round") == 1:
        r["code"] = "dendrite, 1st solve in a fresh JVM"
    groups.setdefault((r["n"], r["code"], r["ranks"], r["pc"]), []).append(r)
ours_total = {}
table = []
for (n, code, ranks, pc), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], not kv[0][1].startswith("dendrite"), kv[0][1], kv[0][2], kv[0][3])):
    a, s, v = med([x["assembly_s"] for x in rs]), med([x["setup_s"] for x in rs]), med([x["solve_s"] for x in rs])
    t = med([x["setup_s"] + x["solve_s"] for x in rs])
    its = sorted({x["iterations"] for x in rs})
    loads = [x["load"] for x in rs]
    print(f"| {rs[0]['unknowns']:,} | {code} | {ranks} | {pc} | {a:.3f} | {s:.3f} | {v:.3f} | {t:.3f} | "
          f"{'/'.join(map(str, its))} | {min(loads):.1f}–{max(loads):.1f} |")
    if code == "dendrite":
        ours_total[(n, pc)] = (a, t)
    table.append((n, code, ranks, pc, a, t))
print()
print("Ratios, DOLFINx time / dendrite time (medians; > 1 means dendrite is faster):")
print()
print("| unknowns | DOLFINx (ranks, PC) | vs dendrite PC | assembly | setup + solve |")
print("|---:|---|---|---:|---:|")
for n, code, ranks, pc, a, t in table:
    if code != "dolfinx":
        continue
    ref = "amg" if pc in ("gamg", "hypre") else pc
    if (n, ref) in ours_total:
        oa, ot = ours_total[(n, ref)]
        print(f"| {(n + 1) ** 3:,} | {ranks}, {pc} | 1 thread, {ref} | {a / oa:.2f} | {t / ot:.2f} |")
print()
for r in rows:
    if r["code"] == "agreement":
        print(f"agreement, {r['unknowns']:,} unknowns: max |φ_dendrite − φ_DOLFINx| = {r['max_abs_diff_vs_ours']:.2e} "
              f"(both solved to relative residual 1e-8; DOLFINx with {r['pc']})")
