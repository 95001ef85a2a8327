#!/usr/bin/env python3
"""Benchmark rota's solvers on the shipped examples and on generated teams of 10 to 600 workers.

For each scenario and solver it runs `rota solve` (release build recommended), checks the answer
with both `rota check` and the independent reference checker, and prints a Markdown table:
scenario, workers, sessions, shifts, solver, objective, bound, gap to the best objective any
solver found in the same run, status, seconds (median of --runs), valid (both checkers).

Usage: scenarios.py ROTA_BINARY [--runs N] [--time-limit S] [--solvers greedy,glpk,auto]
                                [--sizes 10,30,100,300,600] [--out FILE]
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchlib import generated_team, machine  # noqa: E402
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rota")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=20)
    ap.add_argument("--solvers", default="greedy,glpk,auto")
    ap.add_argument("--sizes", default="10,30,100,300,600")
    ap.add_argument("--examples", default="examples/family-time-week.json,examples/recovery-team-oncall.json,../shared/spec/examples/team-7001.scenario.json,../shared/spec/examples/team-7002.scenario.json,../shared/spec/examples/team-7003.scenario.json")
    ap.add_argument("--out")
    a = ap.parse_args()
    rota = os.path.abspath(a.rota)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        scenarios = []
        for ex in [e for e in a.examples.split(",") if e]:
            p = os.path.join(ROOT, ex)
            if os.path.exists(p):
                scenarios.append((os.path.basename(ex).replace(".json", ""), p))
        for n in [int(x) for x in a.sizes.split(",") if x]:
            p = generated_team(n, tmp)
            scenarios.append((f"generated {n} workers", p))
        for name, path in scenarios:
            s = json.load(open(path))
            results = []
            for solver in a.solvers.split(","):
                runs = []
                for r in range(a.runs):
                    out = os.path.join(tmp, "sol.json")
                    if os.path.exists(out):
                        os.remove(out)
                    t0 = time.time()
                    p = subprocess.run([rota, "solve", path, "--solver", solver, "--time-limit", str(a.time_limit), "--output", out, "--quiet"], capture_output=True, text=True)
                    wall = time.time() - t0
                    if p.returncode != 0 or not os.path.exists(out):
                        runs.append({"status": f"exit {p.returncode}", "objective": None, "bound": None, "wall": wall, "valid": False, "solver": solver})
                        continue
                    sol = json.load(open(out))
                    ours = subprocess.run([rota, "check", path, out], capture_output=True).returncode == 0
                    ref = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "reference", "refcheck.py"), path, out], capture_output=True, text=True).stdout or "{}")
                    runs.append({"status": sol.get("status"), "objective": sol.get("objective"), "bound": sol.get("bound"),
                                 "wall": wall, "valid": ours and ref.get("valid", False), "solver": sol.get("solver")})
                objs = [r["objective"] for r in runs if r["objective"] is not None]
                med = statistics.median(objs) if objs else None
                results.append((solver, runs, med))
            best = min([m for _, _, m in results if m is not None], default=None)
            for solver, runs, med in results:
                last = runs[-1]
                gap = "" if med is None or best is None else f"{(med - best) / max(1, abs(best)) * 100:.2f}%"
                rows.append([name, str(len(s.get("workers", []))), str(len(s.get("sessions", []))), str(len(s.get("shifts", []))),
                             f"{solver} ({last['solver']})", "" if med is None else str(int(med)),
                             "" if last["bound"] is None else str(int(last["bound"])), gap, str(last["status"]),
                             f"{statistics.median([r['wall'] for r in runs]):.2f}", "yes" if all(r["valid"] for r in runs) else "NO"])
                print(" | ".join(rows[-1]), file=sys.stderr)
    head = ["scenario", "workers", "sessions", "shifts", "solver (answered)", "objective", "bound", "gap to best", "status", "seconds", "valid"]
    lines = [f"Machine: {machine()}; {time.strftime('%Y-%m-%d')}; time limit {a.time_limit:g} s; median of {a.runs} run(s).", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
