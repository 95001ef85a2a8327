#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rota on the Curtois & Qu shift scheduling benchmark.

For each instance: `rota import curtois`, then `rota solve --solver S --time-limit T` for each
solver S, then `rota check` and the independent scorer `score.py` (which reads the instance file,
not rota's conversion) on every answer; prints a Markdown table (instance, days, staff, best
known, solver, objective, gap to best known %, bound, status, seconds, valid) and writes it, with
the machine and the date, to Benchmarks/curtois/RESULTS.md.

    swift build -c release
    python3 Benchmarks/curtois/report.py --instances 1-12 --time-limit 60 --runs 1

With --runs N every (instance, solver) is solved N times (seeds 1..N) and the table gives medians
of objective, bound and seconds; `status` is the most common status and `valid` counts valid runs.

With --bounds FILE (the JSON `bounds.py --json` or `highs_lp.py --json` writes: instance number to a
proved bound; repeat it for several) two columns are added: the best lower bound known (the largest
of those and any bound rota proved in these runs) and the gap to it, (objective - bound) / bound. The optimum lies
between the two, so that gap is at least the gap to the optimum: where no best known value exists
(scale.py's stand-ins), it is what can be said.
"""
import argparse
import collections
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import machine, write_atomically  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DATA = "/work/shared/bench/curtois-qu"
SCORE = os.path.join(HERE, "score.py")
BEST_KNOWN = {1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1300, 9: 439,
              10: 4631, 11: 3443, 12: 4040}


def parse_range(text):
    out = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def find_rota(explicit):
    if explicit:
        return explicit
    for p in [os.path.join(REPO, ".build", "release", "rota"), os.path.join(REPO, ".build", "debug", "rota")]:
        if os.path.exists(p):
            return p
    return "rota"


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {timeout:.0f} s"


def import_instance(rota, data, n, folder):
    """`rota import curtois` of data/InstanceN.txt into folder: (instance file, scenario file), or None
    (the reason on stderr) when the file is missing or does not convert."""
    src = os.path.join(data, f"Instance{n}.txt")
    if not os.path.exists(src):
        print(f"skip Instance{n}: {src} not found", file=sys.stderr)
        return None
    scen = os.path.join(folder, f"Instance{n}.json")
    rc, _, err = run([rota, "import", "curtois", src, "--output", scen], 120)
    if rc != 0:
        print(f"Instance{n}: import failed ({rc}): {err.strip()}", file=sys.stderr)
        return None
    return src, scen


def median(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    m = statistics.median(values)
    return int(m) if float(m).is_integer() else m


def fmt(v, digits=1):
    if v is None:
        return ""
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.{digits}f}"
    return str(int(v))


def source_version():
    """The repository's commit, and whether Sources/ differs from it (the build may include such changes)."""
    try:
        head = subprocess.check_output(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], text=True).strip()
        dirty = subprocess.check_output(["git", "-C", REPO, "status", "--porcelain", "--", "Sources", "Package.swift"],
                                        text=True).strip()
    except Exception:
        return "unknown"
    return head + (" with uncommitted changes to Sources" if dirty else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder of InstanceN.txt files")
    ap.add_argument("--instances", default="1-12", help="for example 1-12 or 1,3,5")
    ap.add_argument("--solvers", default="glpk,greedy,auto")
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per solve")
    ap.add_argument("--runs", type=int, default=1, help="solves per (instance, solver); medians reported")
    ap.add_argument("--rota", help="the rota executable (default: .build/release/rota, .build/debug/rota, then PATH)")
    ap.add_argument("--work", help="folder for scenarios and solutions (default: a temporary folder)")
    ap.add_argument("--note", default="", help="a sentence added to RESULTS.md (for example which build was measured)")
    ap.add_argument("--output", default=os.path.join(HERE, "RESULTS.md"), help="Markdown file to write ('-' for none)")
    ap.add_argument("--label", default="Instance",
                    help="what the table calls instance N (for example 'stand-in ' for scale.py's; no best known is used then)")
    ap.add_argument("--bounds", action="append", default=[],
                    help="JSON of proved lower bounds by instance number (bounds.py or highs_lp.py --json); may be repeated")
    args = ap.parse_args()
    # Every bound in these files is proved, so the largest for an instance holds.
    yardstick = {}
    for path in args.bounds:
        with open(path) as f:
            for k, v in json.load(f).items():
                if v.get("bound") is not None:
                    yardstick[int(k)] = max(yardstick.get(int(k), v["bound"]), v["bound"])
    # The build under test is the tree as it is when the run starts (a commit made during a long
    # run must not be credited with it); uncommitted changes to the sources are said.
    version = source_version()

    rota = find_rota(args.rota)
    work = args.work or tempfile.mkdtemp(prefix="rota-curtois-")
    os.makedirs(work, exist_ok=True)
    solvers = [s for s in args.solvers.split(",") if s]
    # With several runs, a last column gives every run's objective (seeds 1..N): a median hides how far
    # apart they are (a dive lands on one level of short shifts or another).
    each = args.runs > 1
    header = ("| instance | days | staff | best known | solver | objective | gap to best known % | bound | status "
              "| seconds | valid |" + (" objectives by seed |" if each else "")
              + (" lower bound | gap to it % |" if args.bounds else "")
              + "\n| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | --- |" + (" --- |" if each else "")
              + (" ---: | ---: |" if args.bounds else ""))
    print(header, flush=True)
    rows = []
    for i in parse_range(args.instances):
        files = import_instance(rota, args.data, i, work)
        if files is None:
            continue
        src, scen = files
        with open(scen) as f:
            doc = json.load(f)
        days, staff = doc["horizon"]["days"], len(doc["workers"])
        best = BEST_KNOWN.get(i) if args.label == "Instance" else None
        for s in solvers:
            objs, bounds, secs, statuses, valid = [], [], [], [], 0
            for r in range(1, args.runs + 1):
                sol = os.path.join(work, f"Instance{i}-{s}-{r}.json")
                if os.path.exists(sol):
                    os.remove(sol)
                cmd = [rota, "solve", scen, "--solver", s, "--time-limit", f"{args.time_limit:g}", "--output", sol, "--quiet"]
                if each:
                    cmd += ["--seed", str(r)]
                rc, _, err = run(cmd, args.time_limit * 3 + 120)
                if not os.path.exists(sol):
                    statuses.append("error" if rc is not None else "timeout")
                    objs.append(None)  # keeps the seeds in step (median skips it)
                    print(f"Instance{i} {s} run {r}: no solution (exit {rc}): {err.strip()[:300]}", file=sys.stderr)
                    continue
                with open(sol) as f:
                    out = json.load(f)
                statuses.append(out.get("status", "?"))
                objs.append(out.get("objective"))
                bounds.append(out.get("bound"))
                secs.append(out.get("seconds"))
                if out.get("status") in ("optimal", "feasible"):
                    crc, _, cerr = run([rota, "check", scen, sol], 300)
                    # The independent scorer reads the instance file itself, not rota's conversion.
                    score_rc, score_out, _ = run([sys.executable, SCORE, src, sol], 300)
                    if crc == 0 and score_rc == 0:
                        valid += 1
                    if crc != 0:
                        print(f"Instance{i} {s} run {r}: rota check says invalid (exit {crc})", file=sys.stderr)
                    if score_rc != 0:
                        print(f"Instance{i} {s} run {r}: score.py disagrees (exit {score_rc}): {score_out.strip()[:300]}", file=sys.stderr)
            obj, bound, sec = median(objs), median(bounds), median(secs)
            gap = "" if obj is None or not best else f"{100.0 * (obj - best) / best:.1f}"
            status = collections.Counter(statuses).most_common(1)[0][0] if statuses else ""
            vtext = f"{valid}/{args.runs}" if each else ("yes" if valid == 1 else "no")
            row = (f"| {args.label}{i} | {days} | {staff} | {best or ''} | {s} | {fmt(obj)} | {gap} | {fmt(bound)} "
                   f"| {status} | {fmt(sec, 2)} | {vtext} |"
                   + (f" {' / '.join(fmt(o) if o is not None else 'none' for o in objs)} |" if each else ""))
            if args.bounds:
                # Every bound here is proved (rota's own in any run, HiGHS's on the same model): the largest holds.
                known = [b for b in bounds if b is not None] + ([yardstick[i]] if i in yardstick else [])
                lower = max(known) if known else None
                # A rota at a converged LP bound reads 0.0, not -0.0 from the LP's rounding; an objective truly
                # below a proved bound (a bug) stays negative.
                to_lower = "" if obj is None or not lower else f"{100.0 * (obj - lower) / lower:.1f}".replace("-0.0", "0.0")
                row += f" {fmt(lower)} | {to_lower} |"
            print(row, flush=True)
            rows.append(row)
    if args.output and args.output != "-":
        now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        text = (f"# rota on the Curtois & Qu instances\n\n"
                f"Generated by `Benchmarks/curtois/report.py --instances {args.instances} --solvers {args.solvers} "
                f"--time-limit {args.time_limit:g} --runs {args.runs}` on {now}, rota at commit {version}.\n\n"
                f"Machine: {machine()}; load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}.\n\n"
                + (args.note + "\n\n" if args.note else "")
                + "Each instance is converted by `rota import curtois` (its objective equals the benchmark's), solved by "
                "`rota solve`, and every answer is judged by `rota check` and by the independent scorer `score.py`, "
                "which reads the instance file itself (`valid`: both find it valid, with the objective it states). Best known values from "
                "/work/shared/bench/curtois-qu/README.md; gap = (objective - best known) / best known."
                + (f" Lower bound: the largest proved bound, rota's own in these runs or one from {', '.join(args.bounds)} "
                   "(`rota bound`, or HiGHS on the same model); "
                   "gap to it = (objective - lower bound) / lower bound, at least the gap to the optimum." if args.bounds else "")
                + (" Objective, bound and seconds are medians over the runs (seeds 1..N)." if each else "")
                + "\n\n" + header + "\n" + "\n".join(rows) + "\n")
        write_atomically(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
