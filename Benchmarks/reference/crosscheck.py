#!/usr/bin/env python3
"""Cross-check `rota check` against the independent reference checker (refcheck.py).

For generated scenarios (gen.py, several seeds, sizes and options) it takes the generator's
greedy solution and a set of deliberately broken variants of it (gen.py perturb), runs both
checkers on each, and compares the verdict, the violated rules, the objective and every term.
It also checks rota's own `rota solve` answers with refcheck.

Usage: crosscheck.py ROTA_BINARY [--quick]
Prints one line per disagreement and ends with "N passed, M failed"; exit 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["offgrid", "outside_window", "wrong_venue", "drop_alloc", "unassign", "empty_shift",
         "overfill_shift", "unskilled_shift", "swap_leads", "double_book", "short_crew",
         "non_driver", "misstate", "break_pin"]


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def refcheck(scenario, solution):
    r = run([sys.executable, os.path.join(HERE, "refcheck.py"), scenario, solution])
    return json.loads(r.stdout)


def rotacheck(rota, scenario, solution):
    r = run([rota, "check", scenario, solution, "--json"])
    if r.returncode not in (0, 1):
        raise RuntimeError(f"rota check exited {r.returncode}: {r.stderr[:500]}")
    return json.loads(r.stdout)


def compare(a, b):
    diffs = []
    for k in ("valid", "violatedRules", "objective", "terms", "objectiveMismatch"):
        if a.get(k) != b.get(k):
            diffs.append(f"{k}: rota={a.get(k)} ref={b.get(k)}")
    if bool(a.get("otherProblems")) != bool(b.get("otherProblems")):
        diffs.append(f"otherProblems: rota={a.get('otherProblems')} ref={b.get('otherProblems')}")
    return diffs


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    rota = os.path.abspath(sys.argv[1])
    quick = "--quick" in sys.argv
    configs = [
        ["--seed", "11", "--workers", "8"],
        ["--seed", "12", "--workers", "14", "--pinned", "2"],
        ["--seed", "13", "--workers", "10", "--baseline"],
        ["--seed", "14", "--workers", "12", "--matrix", "--rules"],
        ["--seed", "15", "--workers", "9", "--start", "2027-03-22"],
        ["--seed", "16", "--workers", "9", "--start", "2026-10-19"],
    ]
    if not quick:
        configs += [["--seed", str(s), "--workers", str(w)] for s, w in [(21, 20), (22, 30), (23, 6), (24, 40)]]
        configs += [["--seed", "25", "--workers", "16", "--days", "14", "--baseline"]]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for cfg in configs:
            tag = " ".join(cfg)
            scen = os.path.join(tmp, "s.json")
            with open(scen, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen.py")] + cfg, stdout=f, check=True)
            sol = os.path.join(tmp, "sol.json")
            with open(sol, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "solve", scen], stdout=f, check=True)
            variants = [("greedy", sol)]
            for i, kind in enumerate(KINDS):
                out = os.path.join(tmp, f"v{i}.json")
                r = run([sys.executable, os.path.join(HERE, "gen.py"), "perturb", "--seed", str(i + 1), "--kind", kind, scen, sol])
                if r.returncode != 0 or not r.stdout.strip():
                    continue
                with open(out, "w") as f:
                    f.write(r.stdout)
                variants.append((kind, out))
            # rota's own answers.
            for solver in ("greedy",):
                out = os.path.join(tmp, f"rota-{solver}.json")
                r = run([rota, "solve", scen, "--solver", solver, "--time-limit", "3", "--output", out, "--quiet"])
                if r.returncode == 0:
                    variants.append((f"rota solve --solver {solver}", out))
                else:
                    failed += 1
                    print(f"FAIL [{tag}] rota solve --solver {solver} exited {r.returncode}: {r.stderr[-300:]}")
            for name, path in variants:
                try:
                    a, b = rotacheck(rota, scen, path), refcheck(scen, path)
                    diffs = compare(a, b)
                except Exception as e:  # a crash is a failure, never a pass
                    diffs = [f"error: {e}"]
                if name.startswith("rota solve") and not b.get("valid"):
                    diffs.append(f"rota's own answer is invalid by refcheck: {b.get('violatedRules')} {b.get('otherProblems')}")
                if diffs:
                    failed += 1
                    print(f"FAIL [{tag}] {name}: " + "; ".join(diffs))
                else:
                    passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
