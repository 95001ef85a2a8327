#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rota's native solver against the CP-SAT yardstick (team.py), same wall time.

    compare.py [--sizes 10,30,100] [--gen-seeds 1,2,3] [--seed 1] [--time-limit 20]
               [--threads 1] [--max-candidates auto] [--work /tmp/cpsat-compare] [--nice 19]
               [--solvers greedy,auto] [--rota .build/release/rota]

For every size N and generator seed g: `gen.py --seed g --workers N` writes the
scenario; `rota solve SCEN --solver X --time-limit T --seed s --threads H
--quiet` (for each X of --solvers, default greedy) and `team.py SCEN --time-limit T --seed s --workers H` solve it with
the same wall-time limit (team.py counts its model building inside T); both
answers are judged by `rota check --json` and by the independent
reference/refcheck.py.  An objective counts only when both checkers call the
rota valid and recompute the objective the solver stated.

Prints one Markdown row per run, then one row per size with medians over the
generator seeds.  CP-SAT's bound is a proved lower bound only when team.py ran
unrestricted (--max-candidates 0, or auto on a small team); otherwise "-".
With --threads 1 (default) CP-SAT interleaves its portfolio in one thread and
rota uses one thread: the fair single-core comparison.  Everything runs under
`nice` (default 19), one solve at a time.

The model and its restriction are described in team.py.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(ROOT, "Benchmarks", "reference", "gen.py")
REFCHECK = os.path.join(ROOT, "Benchmarks", "reference", "refcheck.py")
TEAM = os.path.join(HERE, "team.py")
ROTA = os.path.join(ROOT, ".build", "release", "rota")  # --rota overrides


def run(cmd, nice, timeout):
    full = (["nice", "-n", str(nice)] if nice else []) + cmd
    t = time.monotonic()
    p = subprocess.run(full, capture_output=True, text=True, timeout=timeout)
    return p, time.monotonic() - t


def judge(scen, sol):
    """(valid by both, objective or None, note)"""
    if not os.path.exists(sol):
        return False, None, "no output"
    with open(sol) as f:
        try:
            stated = json.load(f).get("objective")
        except json.JSONDecodeError:
            return False, None, "unreadable output"
    p = subprocess.run([ROTA, "check", scen, sol, "--json"], capture_output=True, text=True)
    try:
        r = json.loads(p.stdout)
    except json.JSONDecodeError:
        return False, None, "rota check failed"
    q = subprocess.run([sys.executable, REFCHECK, scen, sol], capture_output=True, text=True)
    try:
        c = json.loads(q.stdout)
    except json.JSONDecodeError:
        return False, None, "refcheck failed"
    ok = p.returncode == 0 and bool(r.get("valid")) and bool(c.get("valid")) \
        and r.get("objective") == stated and c.get("objective") == stated
    note = "" if ok else f"rota check valid={r.get('valid')} obj={r.get('objective')}; " \
                         f"refcheck valid={c.get('valid')} obj={c.get('objective')} {c.get('violatedRules')}; stated={stated}"
    return ok, stated, note


def fmt(x):
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.1f}"
    return str(x)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,30,100")
    ap.add_argument("--gen-seeds", default="1,2,3")
    ap.add_argument("--seed", type=int, default=1, help="solver seed for both")
    ap.add_argument("--time-limit", type=float, default=20.0)
    ap.add_argument("--threads", type=int, default=1, help="rota --threads and CP-SAT workers")
    ap.add_argument("--max-candidates", default="auto")
    ap.add_argument("--work", default="/tmp/cpsat-compare")
    ap.add_argument("--nice", type=int, default=19)
    ap.add_argument("--solvers", default="greedy", help="rota solvers to run, comma-separated (greedy, auto, glpk)")
    ap.add_argument("--rota", default=None, help="the rota binary (default .build/release/rota)")
    a = ap.parse_args(argv[1:])
    global ROTA
    if a.rota:
        ROTA = os.path.abspath(a.rota)
    solvers = [x for x in a.solvers.split(",") if x]
    os.makedirs(a.work, exist_ok=True)
    sizes = [int(x) for x in a.sizes.split(",")]
    gseeds = [int(x) for x in a.gen_seeds.split(",")]
    T = a.time_limit
    rows = []
    print(f"Time limit {T:g} s each, solver seed {a.seed}, threads {a.threads}, CP-SAT max-candidates "
          f"{a.max_candidates}, under nice -n {a.nice}. \"vs CP-SAT\" = (rota - CP-SAT) / CP-SAT: positive "
          "means rota is worse; \"above bound\" is against CP-SAT's proved bound (full model only).\n")
    cols = " | ".join(f"rota {x}" for x in solvers)
    vs = " | ".join(f"{x} vs CP-SAT | {x} above bound" for x in solvers)
    print(f"| scenario | workers | sessions | {cols} | CP-SAT objective | CP-SAT bound | {vs} | all valid | "
          "rota s | CP-SAT s (build+solve) | CP-SAT model |")
    print("| --- | --- | --- | " + "--- | " * len(solvers) + "--- | --- | " + "--- | --- | " * len(solvers) + "--- | --- | --- | --- |")
    sys.stdout.flush()

    def pct(x, ref):
        return None if x is None or not ref else 100.0 * (x - ref) / ref

    for n in sizes:
        for g in gseeds:
            scen = os.path.join(a.work, f"gen-s{g}-w{n}.json")
            if not os.path.exists(scen):
                with open(scen, "w") as f:
                    subprocess.run((["nice", "-n", str(a.nice)] if a.nice else []) +
                                   [sys.executable, GEN, "--seed", str(g), "--workers", str(n)], stdout=f, check=True)
            with open(scen) as f:
                nsess = len(json.load(f)["sessions"])
            robj, rsec, notes, valid = {}, {}, [], True
            for x in solvers:
                rsol = os.path.join(a.work, f"rota-{x}-s{g}-w{n}.json")
                if os.path.exists(rsol):
                    os.remove(rsol)
                _, rsec[x] = run([ROTA, "solve", scen, "--solver", x, "--time-limit", str(T), "--seed", str(a.seed),
                                  "--threads", str(a.threads), "--output", rsol, "--quiet"], a.nice, 10 * T + 120)
                ok, obj, note = judge(scen, rsol)
                robj[x] = obj if ok else None
                valid = valid and ok
                if note:
                    notes.append((f"rota {x}", note))
            csol = os.path.join(a.work, f"cpsat-s{g}-w{n}.json")
            if os.path.exists(csol):
                os.remove(csol)
            p, csec = run([sys.executable, TEAM, scen, "--time-limit", str(T), "--seed", str(a.seed),
                           "--workers", str(a.threads), "--max-candidates", str(a.max_candidates),
                           "--output", csol], a.nice, 10 * T + 120)
            try:
                summ = json.loads(p.stdout.strip().splitlines()[-1])
            except (json.JSONDecodeError, IndexError):
                summ = {}
            cok, cobj, cnote = judge(scen, csol)
            if cnote:
                notes.append(("cp-sat", cnote))
            valid = valid and cok
            cobj = cobj if cok else None
            bound = summ.get("bound")
            # A bound at or below 0 proves nothing about these objectives (CP-SAT with two workers runs
            # no bounding search, and reports the trivial bound of its model).
            if bound is not None and bound <= 0:
                bound = None
            row = dict(n=n, g=g, sessions=nsess, cobj=cobj, bound=bound, valid=valid)
            for x in solvers:
                row[x] = robj[x]
                row[x + " vs"] = pct(robj[x], cobj)
                row[x + " above"] = pct(robj[x], bound)
            rows.append(row)
            model = f"{summ.get('variables')} vars, {summ.get('arcs')} arcs, K={summ.get('max_candidates')}"
            vals = " | ".join(fmt(robj[x]) for x in solvers)
            gaps = " | ".join(f"{fmt(row[x + ' vs'])}{' %' if row[x + ' vs'] is not None else ''} | "
                              f"{fmt(row[x + ' above'])}{' %' if row[x + ' above'] is not None else ''}" for x in solvers)
            print(f"| gen seed {g} | {n} | {nsess} | {vals} | {fmt(cobj)} ({summ.get('status')}) | {fmt(bound)} | {gaps} | "
                  f"{'yes' if valid else 'NO'} | {'/'.join(f'{rsec[x]:.1f}' for x in solvers)} | "
                  f"{csec:.1f} ({fmt(summ.get('build_seconds'))}+{fmt(summ.get('solve_seconds'))}) | {model} |")
            for who, note in notes:
                print(f"|  | {who}: {note} |")
            sys.stdout.flush()
    print("\nMedians over generator seeds:\n")
    print(f"| workers | sessions | {cols} | CP-SAT objective | CP-SAT bound | {vs} | all valid |")
    print("| --- | --- | " + "--- | " * len(solvers) + "--- | --- | " + "--- | --- | " * len(solvers) + "--- |")
    for n in sizes:
        rs = [r for r in rows if r["n"] == n]

        def med(key):
            v = [r[key] for r in rs if r[key] is not None]
            return statistics.median(v) if v else None

        def p(key):
            return f"{fmt(med(key))}{' %' if med(key) is not None else ''}"
        print(f"| {n} | {fmt(med('sessions'))} | {' | '.join(fmt(med(x)) for x in solvers)} | {fmt(med('cobj'))} | "
              f"{fmt(med('bound'))} | {' | '.join(p(x + ' vs') + ' | ' + p(x + ' above') for x in solvers)} | "
              f"{sum(r['valid'] for r in rs)}/{len(rs)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
