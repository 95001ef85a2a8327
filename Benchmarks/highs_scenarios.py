#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The native solver beside a strong independent solver given the same time: HiGHS (highspy, from
PyPI; a yardstick, never a runtime dependency) on the integer program rota writes with --write-lp,
against `rota solve --solver greedy` and `--solver auto`, on the shipped examples and generated teams.
rota's answers are judged by `rota check`; HiGHS's objective is that of rota's model, which equals
the checker's for every rota (Tests/RotaMIPTests), and its answer, made a rota by
`rota import lp-values`, is judged by `rota check` too.

Usage: highs_scenarios.py ROTA_BINARY [--time-limit 20] [--sizes 10,30] [--threads 1]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchlib import generated_team, machine  # noqa: E402
ROOT = os.path.dirname(HERE)


def solve(rota, scenario, solver, seconds, tmp):
    out = os.path.join(tmp, f"{solver}.json")
    t = time.time()
    r = subprocess.run([rota, "solve", scenario, "--solver", solver, "--time-limit", str(seconds), "--output", out, "--quiet"],
                       capture_output=True, text=True)
    secs = time.time() - t
    if r.returncode != 0:
        return None, secs, False
    ok = subprocess.run([rota, "check", scenario, out], capture_output=True).returncode == 0
    return json.load(open(out)).get("objective"), secs, ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rota")
    ap.add_argument("--time-limit", type=float, default=20)
    ap.add_argument("--sizes", default="10,30")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--examples", default="examples/family-time-week.json,examples/recovery-team-oncall.json,"
                    "../shared/spec/examples/team-7001.scenario.json,../shared/spec/examples/team-7002.scenario.json,"
                    "../shared/spec/examples/team-7003.scenario.json")
    a = ap.parse_args()
    import highspy
    print(machine(python=True) + "\n")
    print(f"{a.time_limit:g} s each: `rota solve --solver greedy`, `rota solve --solver auto`, and HiGHS "
          f"{highspy.Highs().version()} ({a.threads} thread(s)) on rota's whole integer program. "
          "Gap = (rota − HiGHS's best) / HiGHS's best.\n")
    print("| scenario | greedy | auto | HiGHS objective | HiGHS bound | HiGHS status | greedy gap | auto gap | valid (rota) |"
          " HiGHS's rota valid, objective agreed (`rota check`) |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        scenarios = [(os.path.basename(p).replace(".json", ""), os.path.join(ROOT, p)) for p in a.examples.split(",") if p]
        for n in [int(x) for x in a.sizes.split(",") if x]:
            path = generated_team(n, tmp)
            scenarios.append((f"generated {n} workers", path))
        for name, sc in scenarios:
            lp = os.path.join(tmp, "m.lp")
            # The LP is written before solving; the short greedy run only lets the command finish.
            subprocess.run([a.rota, "solve", sc, "--solver", "greedy", "--time-limit", "0.5", "--write-lp", lp,
                            "--output", os.path.join(tmp, "w.json"), "--quiet"], capture_output=True)
            g, _, gok = solve(a.rota, sc, "greedy", a.time_limit, tmp)
            au, _, aok = solve(a.rota, sc, "auto", a.time_limit, tmp)
            h = highspy.Highs()
            h.setOptionValue("output_flag", False)
            h.setOptionValue("time_limit", a.time_limit)
            h.setOptionValue("threads", a.threads)
            h.readModel(lp)
            h.run()
            info = h.getInfo()
            ho = round(info.objective_function_value) if info.primal_solution_status == 2 else None
            status = h.modelStatusToString(h.getModelStatus())
            hok = None
            if ho is not None:
                # HiGHS's answer as a rota, judged by `rota check` like rota's own.
                values = os.path.join(tmp, "highs.values")
                with open(values, "w") as f:
                    for col, v in zip(h.getLp().col_names_, h.getSolution().col_value):
                        if abs(v) > 1e-9:
                            f.write(f"{col} {v!r}\n")
                rota_doc = os.path.join(tmp, "highs.json")
                subprocess.run([a.rota, "import", "lp-values", sc, values, "--output", rota_doc], capture_output=True)
                checked = subprocess.run([a.rota, "check", sc, rota_doc, "--json"], capture_output=True, text=True)
                hok = checked.returncode == 0 and json.loads(checked.stdout)["objective"] == ho

            def gap(x):
                return "" if x is None or not ho else f"{100 * (x - ho) / ho:+.2f} %"
            print(f"| {name} | {g if g is not None else '-'} | {au if au is not None else '-'} | {ho if ho is not None else '-'} | "
                  f"{info.mip_dual_bound:.0f} | {status} | {gap(g)} | {gap(au)} | {'yes' if gok and aok else 'NO'} | "
                  f"{'-' if hok is None else 'yes' if hok else 'NO'} |", flush=True)


if __name__ == "__main__":
    main()
