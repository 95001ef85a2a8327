#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rota's native solver against the CP-SAT yardstick (team.py), same wall time.

    compare.py [--sizes 10,30,100] [--gen-seeds 1,2,3] [--seed 1] [--time-limit 20]
               [--threads 1] [--max-candidates auto] [--work /tmp/cpsat-compare] [--nice 19]

For every size N and generator seed g: `gen.py --seed g --workers N` writes the
scenario; `rota solve SCEN --solver greedy --time-limit T --seed s --threads H
--quiet` and `team.py SCEN --time-limit T --seed s --workers H` solve it with
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
ROTA = os.path.join(ROOT, ".build", "release", "rota")


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
    a = ap.parse_args(argv[1:])
    os.makedirs(a.work, exist_ok=True)
    sizes = [int(x) for x in a.sizes.split(",")]
    gseeds = [int(x) for x in a.gen_seeds.split(",")]
    T = a.time_limit
    rows = []
    print(f"Time limit {T:g} s each, solver seed {a.seed}, threads {a.threads}, CP-SAT max-candidates "
          f"{a.max_candidates}, under nice -n {a.nice}.\n")
    print("| scenario | workers | sessions | rota objective | CP-SAT objective | CP-SAT bound | "
          "CP-SAT vs rota | both valid | rota s | CP-SAT s (build+solve) | CP-SAT model |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    sys.stdout.flush()
    for n in sizes:
        for g in gseeds:
            scen = os.path.join(a.work, f"gen-s{g}-w{n}.json")
            if not os.path.exists(scen):
                with open(scen, "w") as f:
                    subprocess.run((["nice", "-n", str(a.nice)] if a.nice else []) +
                                   [sys.executable, GEN, "--seed", str(g), "--workers", str(n)], stdout=f, check=True)
            with open(scen) as f:
                nsess = len(json.load(f)["sessions"])
            rsol = os.path.join(a.work, f"rota-s{g}-w{n}.json")
            csol = os.path.join(a.work, f"cpsat-s{g}-w{n}.json")
            for x in (rsol, csol):
                if os.path.exists(x):
                    os.remove(x)
            _, rsec = run([ROTA, "solve", scen, "--solver", "greedy", "--time-limit", str(T), "--seed", str(a.seed),
                           "--threads", str(a.threads), "--output", rsol, "--quiet"], a.nice, 10 * T + 120)
            p, csec = run([sys.executable, TEAM, scen, "--time-limit", str(T), "--seed", str(a.seed),
                           "--workers", str(a.threads), "--max-candidates", str(a.max_candidates),
                           "--output", csol], a.nice, 10 * T + 120)
            try:
                summ = json.loads(p.stdout.strip().splitlines()[-1])
            except (json.JSONDecodeError, IndexError):
                summ = {}
            rok, robj, rnote = judge(scen, rsol)
            cok, cobj, cnote = judge(scen, csol)
            bound = summ.get("bound")
            rel = None
            if rok and cok and robj:
                rel = 100.0 * (cobj - robj) / robj
            row = dict(n=n, g=g, sessions=nsess, robj=robj if rok else None, cobj=cobj if cok else None,
                       bound=bound, rel=rel, valid=rok and cok, rsec=rsec, csec=csec,
                       build=summ.get("build_seconds"), solve=summ.get("solve_seconds"),
                       model=f"{summ.get('variables')} vars, {summ.get('arcs')} arcs, K={summ.get('max_candidates')}",
                       status=summ.get("status"))
            rows.append(row)
            print(f"| gen seed {g} | {n} | {nsess} | {fmt(row['robj'])} | {fmt(row['cobj'])} ({row['status']}) | "
                  f"{fmt(bound)} | {fmt(rel)}{' %' if rel is not None else ''} | "
                  f"{'yes' if row['valid'] else 'NO'} | {rsec:.1f} | {csec:.1f} ({fmt(row['build'])}+{fmt(row['solve'])}) "
                  f"| {row['model']} |")
            for note, who in ((rnote, "rota"), (cnote, "cp-sat")):
                if note:
                    print(f"|  | {who}: {note} | | | | | | | | | |")
            sys.stdout.flush()
    print("\nMedians over generator seeds:\n")
    print("| workers | sessions | rota objective | CP-SAT objective | CP-SAT bound | CP-SAT vs rota | all valid |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for n in sizes:
        rs = [r for r in rows if r["n"] == n]

        def med(key):
            v = [r[key] for r in rs if r[key] is not None]
            return statistics.median(v) if v else None
        print(f"| {n} | {fmt(med('sessions'))} | {fmt(med('robj'))} | {fmt(med('cobj'))} | {fmt(med('bound'))} | "
              f"{fmt(med('rel'))}{' %' if med('rel') is not None else ''} | "
              f"{sum(r['valid'] for r in rs)}/{len(rs)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
