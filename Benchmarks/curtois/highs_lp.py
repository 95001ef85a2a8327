#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A yardstick for rota's formulation: HiGHS (highspy, from PyPI; never a runtime dependency) on
the very integer program rota builds, as written by `rota solve --write-lp`. Beside GLPK's result in
rota's own run, it separates what the formulation gives from what the solver gives.

    pip install highspy
    python3 Benchmarks/curtois/highs_lp.py --instances 1-7 --time-limit 60

HiGHS's solutions are not turned back into rosters: the table gives HiGHS's objective and bound
on rota's model, whose objective equals the benchmark's (tested in Tests/RotaCLITests).

With --relaxation HiGHS solves only the model's LP relaxation, by its interior-point method with
crossover: a weaker bound than branch and cut's, but one that the largest stand-ins (182-364 days,
whose root LP the simplex does not finish in minutes) reach. It counts as a bound only when HiGHS
reports the relaxation optimal.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import machine, write_atomically  # noqa: E402
from report import BEST_KNOWN, DEFAULT_DATA, find_rota, parse_range  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--instances", default="1-7")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=1, help="HiGHS threads (GLPK uses one)")
    ap.add_argument("--relaxation", action="store_true",
                    help="solve only the LP relaxation (interior point, then crossover)")
    ap.add_argument("--rota")
    ap.add_argument("--json", help="also write instance number -> HiGHS's bound, objective, status, seconds "
                                   "(report.py --bounds reads it)")
    a = ap.parse_args()
    import highspy
    rota = find_rota(a.rota)
    print(machine(python=True) + "\n")
    what = "the LP relaxation of rota's LP export (interior point)" if a.relaxation else "rota's LP export"
    print(f"HiGHS {highspy.Highs().version()} on {what}, {a.threads} thread(s), {a.time_limit:g} s per instance.\n")
    print("| instance | best known | HiGHS objective | HiGHS bound | status | seconds | model (rows × columns) |")
    print("| --- | ---: | ---: | ---: | --- | ---: | --- |")
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in parse_range(a.instances):
            src = os.path.join(a.data, f"Instance{n}.txt")
            sc = os.path.join(tmp, f"i{n}.json"); lp = os.path.join(tmp, f"i{n}.lp")
            subprocess.run([rota, "import", "curtois", src, "--output", sc], check=True, capture_output=True)
            # The LP is written before solving; a short greedy run is only there to let the command finish.
            subprocess.run([rota, "solve", sc, "--solver", "greedy", "--time-limit", "1", "--write-lp", lp,
                            "--output", os.path.join(tmp, "s.json"), "--quiet"], capture_output=True)
            h = highspy.Highs()
            h.setOptionValue("output_flag", False)
            h.setOptionValue("time_limit", a.time_limit)
            h.setOptionValue("threads", a.threads)
            if a.relaxation:
                h.setOptionValue("solve_relaxation", True)
                h.setOptionValue("solver", "ipm")
            h.readModel(lp)
            t = time.time()
            h.run()
            secs = time.time() - t
            info = h.getInfo()
            status = h.modelStatusToString(h.getModelStatus())
            lpm = h.getLp()
            obj = info.objective_function_value if info.primal_solution_status == 2 else None
            if a.relaxation:
                # The relaxation's optimum bounds every rota; its point is not a rota.
                bound = info.objective_function_value if status == "Optimal" else None
                obj = None
            else:
                bound = info.mip_dual_bound if math.isfinite(info.mip_dual_bound) else None
            found[n] = {"bound": bound, "objective": obj, "status": status, "seconds": round(secs, 1),
                        "highs": h.version(), "time_limit": a.time_limit, **({"relaxation": True} if a.relaxation else {})}
            if a.json:
                write_atomically(a.json, json.dumps(found, indent=1))
            print(f"| Instance{n} | {BEST_KNOWN.get(n, '')} | {'' if obj is None else round(obj)} | {'' if bound is None else f'{bound:.1f}'} | {status} | {secs:.1f} | {lpm.num_row_} × {lpm.num_col_} |")


if __name__ == "__main__":
    main()
