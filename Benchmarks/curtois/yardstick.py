#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Yardstick for the Curtois & Qu benchmark: an independent strong solver (OR-Tools CP-SAT).

Builds the classic nurse-rostering model directly from each InstanceN.txt file (it does not read
the converted rota scenario), solves it with a time limit and prints objective, bound and time per
instance as a Markdown table. A comparison point for rota's own solvers, never a runtime
dependency of rota.

    pip install ortools
    python3 Benchmarks/curtois/yardstick.py --instances 1-12 --time-limit 60 --output Benchmarks/curtois/YARDSTICK.md

The model (x[e,d,s] = person e works shift s on day d):
- at most one shift a day; days off fixed to 0; forbidden successions x[e,d,s] + x[e,d+1,t] <= 1;
- at most MaxShifts[s] shifts of each type; total minutes within [MinTotal, MaxTotal];
- every MaxConsecutive+1 window of days holds at most MaxConsecutive working days;
- no run of working days shorter than MinConsecutive and no run of days off shorter than
  MinConsecutiveDaysOff, except runs touching the first or last day (forbidden-pattern cuts);
- weekends worked (Saturday 7w+5 or Sunday 7w+6) at most MaxWeekends;
- objective: on-request weight if not worked, off-request weight if worked, cover
  WeightUnder * shortfall + WeightOver * excess.
"""
import argparse
import datetime
import os
import platform
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import machine, write_atomically  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = "/work/shared/bench/curtois-qu"

BEST_KNOWN = {1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1300, 9: 439,
              10: 4631, 11: 3443, 12: 4040}


def read_sections(path):
    """An InstanceN.txt file's sections: {"SECTION_...": [[field, ...], ...]} (comments and blank lines dropped)."""
    sections = {}
    current = None
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("SECTION_"):
                current = line
                sections.setdefault(current, [])
                continue
            sections[current].append([x.strip() for x in line.split(",")])
    return sections


def parse_instance(path):
    """Reads an InstanceN.txt file into a dict (independent of rota's importer)."""
    sections = read_sections(path)
    inst = {"days": int(sections["SECTION_HORIZON"][0][0])}
    inst["shifts"] = []
    for row in sections["SECTION_SHIFTS"]:
        follow = [t for t in (row[2].split("|") if len(row) > 2 else []) if t]
        inst["shifts"].append({"id": row[0], "len": int(row[1]), "cannot_follow": follow})
    inst["staff"] = []
    for row in sections["SECTION_STAFF"]:
        maxs = {}
        for part in row[1].split("|"):
            if part:
                k, v = part.split("=")
                maxs[k] = int(v)
        inst["staff"].append({"id": row[0], "max_shifts": maxs, "max_total": int(row[2]),
                              "min_total": int(row[3]), "max_consec": int(row[4]),
                              "min_consec": int(row[5]), "min_off": int(row[6]),
                              "max_weekends": int(row[7])})
    inst["days_off"] = {row[0]: [int(d) for d in row[1:] if d] for row in sections.get("SECTION_DAYS_OFF", [])}
    inst["on"] = [(r[0], int(r[1]), r[2], int(r[3])) for r in sections.get("SECTION_SHIFT_ON_REQUESTS", [])]
    inst["off"] = [(r[0], int(r[1]), r[2], int(r[3])) for r in sections.get("SECTION_SHIFT_OFF_REQUESTS", [])]
    inst["cover"] = [(int(r[0]), r[1], int(r[2]), int(r[3]), int(r[4])) for r in sections.get("SECTION_COVER", [])]
    return inst


def solve(inst, time_limit, workers, seed=0, linearization=2):
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    D = inst["days"]
    S = [s["id"] for s in inst["shifts"]]
    E = [e["id"] for e in inst["staff"]]
    length = {s["id"]: s["len"] for s in inst["shifts"]}
    x = {}
    for e in inst["staff"]:
        off = set(inst["days_off"].get(e["id"], []))
        for d in range(D):
            for s in S:
                v = m.NewBoolVar(f"x_{e['id']}_{d}_{s}")
                if d in off or e["max_shifts"].get(s, D) == 0:
                    m.Add(v == 0)
                x[e["id"], d, s] = v
    work = {}
    for e in E:
        for d in range(D):
            w = m.NewBoolVar(f"w_{e}_{d}")
            m.Add(sum(x[e, d, s] for s in S) == w)  # at most one shift a day
            work[e, d] = w
    for e in inst["staff"]:
        eid = e["id"]
        for sh in inst["shifts"]:
            for t in sh["cannot_follow"]:
                for d in range(D - 1):
                    m.AddBoolOr([x[eid, d, sh["id"]].Not(), x[eid, d + 1, t].Not()])
        for s in S:
            if s in e["max_shifts"]:
                m.Add(sum(x[eid, d, s] for d in range(D)) <= e["max_shifts"][s])
        total = sum(length[s] * x[eid, d, s] for d in range(D) for s in S)
        m.Add(total <= e["max_total"])
        m.Add(total >= e["min_total"])
        k = e["max_consec"]
        for d in range(D - k):
            m.Add(sum(work[eid, d + j] for j in range(k + 1)) <= k)
        # Runs of working days shorter than min_consec, not touching the horizon's edges.
        for k in range(1, e["min_consec"]):
            for d in range(0, D - k - 1):
                lits = [work[eid, d]] + [work[eid, d + j].Not() for j in range(1, k + 1)] + [work[eid, d + k + 1]]
                m.AddBoolOr(lits)
        # Runs of days off shorter than min_off, not touching the horizon's edges.
        for k in range(1, e["min_off"]):
            for d in range(0, D - k - 1):
                lits = [work[eid, d].Not()] + [work[eid, d + j] for j in range(1, k + 1)] + [work[eid, d + k + 1].Not()]
                m.AddBoolOr(lits)
        weekends = []
        for w in range(D // 7):
            sat, sun = 7 * w + 5, 7 * w + 6
            we = m.NewBoolVar(f"we_{eid}_{w}")
            m.AddMaxEquality(we, [work[eid, sat], work[eid, sun]])
            weekends.append(we)
        m.Add(sum(weekends) <= e["max_weekends"])
    obj = []
    for (e, d, s, wt) in inst["on"]:
        obj.append(wt * (1 - x[e, d, s]))
    for (e, d, s, wt) in inst["off"]:
        obj.append(wt * x[e, d, s])
    n = len(E)
    for (d, s, req, wu, wo) in inst["cover"]:
        y = sum(x[e, d, s] for e in E)
        under = m.NewIntVar(0, max(req, 0), f"u_{d}_{s}")
        over = m.NewIntVar(0, n, f"o_{d}_{s}")
        m.Add(y + under - over == req)
        obj.append(wu * under + wo * over)
    m.Minimize(sum(obj))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_search_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.linearization_level = linearization
    t0 = time.time()
    status = solver.Solve(m)
    secs = time.time() - t0
    name = solver.StatusName(status)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"status": name.lower(), "objective": int(round(solver.ObjectiveValue())),
                "bound": int(round(solver.BestObjectiveBound())), "seconds": secs}
    return {"status": name.lower(), "objective": None, "bound": None, "seconds": secs}


def parse_range(text):
    out = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder of InstanceN.txt files")
    ap.add_argument("--instances", default="1-12", help="for example 1-12 or 1,3,5")
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per instance")
    ap.add_argument("--workers", type=int, default=8,
                    help="CP-SAT search workers (default 8: the portfolio with LP-bound and LNS workers, time-sliced on fewer cores)")
    ap.add_argument("--linearization", type=int, default=2, help="CP-SAT linearization_level (2: full LP relaxation)")
    ap.add_argument("--output", help="also write the table (with machine and date) to this Markdown file")
    args = ap.parse_args()
    import ortools
    workers = args.workers
    header = ("| instance | days | staff | shift types | best known | CP-SAT objective | bound | gap to best known % "
              "| status | seconds |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    print(header, flush=True)
    rows = []
    for i in parse_range(args.instances):
        path = os.path.join(args.data, f"Instance{i}.txt")
        if not os.path.exists(path):
            print(f"skip Instance{i}: {path} not found", file=sys.stderr)
            continue
        inst = parse_instance(path)
        r = solve(inst, args.time_limit, workers, linearization=args.linearization)
        best = BEST_KNOWN.get(i)
        gap = "" if r["objective"] is None or not best else f"{100.0 * (r['objective'] - best) / best:.1f}"
        row = (f"| Instance{i} | {inst['days']} | {len(inst['staff'])} | {len(inst['shifts'])} | {best or ''} "
               f"| {'' if r['objective'] is None else r['objective']} | {'' if r['bound'] is None else r['bound']} "
               f"| {gap} | {r['status']} | {r['seconds']:.1f} |")
        print(row, flush=True)
        rows.append(row)
    if args.output:
        now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        text = (f"# Curtois & Qu instances: OR-Tools CP-SAT yardstick\n\n"
                f"Generated by `Benchmarks/curtois/yardstick.py --instances {args.instances} --time-limit {args.time_limit:g} --workers {workers} --linearization {args.linearization}` "
                f"on {now}.\n\nMachine: {machine(python=True)}; OR-Tools {ortools.__version__}, {workers} search workers, "
                f"{args.time_limit:g} s per instance, linearization_level {args.linearization}. "
                f"Load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (the machine is shared: "
                "other builds and solvers ran at the same time, so times and results are pessimistic).\n\n"
                "CP-SAT solves its own model built directly from the instance file (not rota's converted scenario). "
                "`bound` is CP-SAT's proved lower bound; `optimal` means proved. Best known values from "
                "/work/shared/bench/curtois-qu/README.md.\n\n"
                + header + "\n" + "\n".join(rows) + "\n")
        write_atomically(args.output, text)


if __name__ == "__main__":
    main()
