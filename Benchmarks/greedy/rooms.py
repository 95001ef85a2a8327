#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The native solver on generated teams of 10-600 workers against an independent lower bound.

No general solver reads rota's whole integer program beyond about 30 workers (100 workers: over two
billion nonzeros), so the yardstick here is a relaxation written from the scenario alone, not from
rota's code: keep the rules about rooms (H5: a session inside one of its windows, on the slot grid,
inside its venue's opening hours, never more sessions at a venue than rooms) and who may take a
session at all (H2: skills, exclusions, a driver for transport; H3: enough of them free at the
start), drop every other worker rule, and minimise the cost of unassigned sessions plus the
continuity that no rota can avoid (a case's given worker who cannot lead the session at that start:
skills, exclusion, availability, leave). HiGHS (highspy, from PyPI; a yardstick, never a runtime
dependency) solves it as an integer program; its dual bound is a lower bound on the unassigned and
continuity terms of any valid rota, and so on the whole objective (every other term is at least 0).

For each size: a fresh team (generator seed 9000 + workers, not a seed the solver was tuned on),
`rota solve --solver greedy` for the time limit with seeds 1..runs, every answer judged by
`rota check` and by the independent Python checker (reference/refcheck.py).

Usage: rooms.py ROTA [--baseline OLD_ROTA] [--sizes 10,30,100,300,600] [--time-limit 20] [--runs 3]
                [--bound-time 60]
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from benchlib import machine  # noqa: E402

GEN = os.path.join(HERE, "..", "reference", "gen.py")
REFCHECK = os.path.join(HERE, "..", "reference", "refcheck.py")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def minutes(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def room_bound(scenario, seconds):
    """(lower bound, best packing found, status) of the unassigned and continuity terms, by the room relaxation.
    Local times are read as minutes from the horizon's first midnight (the generated weeks have no
    clock change)."""
    import highspy
    d = scenario
    start = datetime.date.fromisoformat(d["horizon"]["start"])
    days, slot = d["horizon"]["days"], d.get("slotMinutes", 15)
    w = {"unassignedSession": 1000, "unassignedMandatory": 100000, "continuity": 100}
    w.update(d.get("weights", {}))

    def at(stamp):
        t = datetime.datetime.fromisoformat(stamp)
        return (t.date() - start).days * 1440 + t.hour * 60 + t.minute

    venues = {v["id"]: v for v in d["venues"]}
    opening = {}
    for vid, v in venues.items():
        if "open" not in v:
            opening[vid] = [(-1440, (days + 1) * 1440)]
            continue
        spans = []
        for k in range(days):
            wd = DAYS[(start + datetime.timedelta(days=k)).weekday()]
            for o in v["open"]:
                if wd in o["days"]:
                    spans.append((k * 1440 + minutes(o["from"]), k * 1440 + minutes(o["to"])))
        opening[vid] = spans
    workers = d["workers"]
    cases = {c["id"]: c for c in d["cases"]}
    by_id = {x["id"]: x for x in workers}

    def free(x, a, b):
        """H3: [a, b) inside one of worker x's availability windows and outside every unavailable period."""
        k = a // 1440
        wd = DAYS[(start + datetime.timedelta(days=k)).weekday()]
        if x.get("availability") is not None and not any(
                wd in o["days"] and k * 1440 + minutes(o["from"]) <= a and b <= k * 1440 + minutes(o["to"])
                for o in x["availability"]):
            return False
        return not any(at(u["from"]) < b and a < at(u["to"]) for u in x.get("unavailable", []))

    saved = os.dup(1)                    # HiGHS prints a banner on stdout when created
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    try:
        h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(seconds))
    h.setOptionValue("threads", 1)
    constant, ncols, use = 0.0, 0, {}
    for s in d["sessions"]:
        penalty = w["unassignedMandatory"] if s.get("mandatory") else w["unassignedSession"] * s.get("priority", 1)
        case = cases[s["case"]]
        skills = set(s.get("requiredSkills", [])) | set(case.get("needsSkills", []))
        able = [x for x in workers if x["id"] not in case.get("excludedWorkers", []) and skills <= set(x.get("skills", []))]
        drivers = [x for x in able if "driver" in x.get("skills", [])]
        if len(able) < s.get("workersNeeded", 1) or (s.get("transport") and not drivers):
            constant += penalty          # no valid rota can assign it
            continue
        # Continuity (section 4): a case's allocated worker (given) who lacks the skills, is excluded,
        # or is not free at a start cannot lead the session there, so assigning it there costs
        # `continuity`. Transport legs are ignored (the lead is busy longer, so this only weakens it).
        given = by_id.get(case.get("allocatedWorker") or "")
        lead_skills = skills | ({"driver"} if s.get("transport") else set())
        can_lead = given is not None and lead_skills <= set(given.get("skills", [])) \
            and given["id"] not in case.get("excludedWorkers", [])
        starts = []                      # (start, continuity): starts at which enough able workers are free (H3)
        for win in s["windows"]:
            a, b = at(win["from"]), at(win["to"])
            t = -(-a // slot) * slot
            while t + s["durationMinutes"] <= b:
                e = t + s["durationMinutes"]
                here = [x for x in able if free(x, t, e)]
                if len(here) >= s.get("workersNeeded", 1) and (not s.get("transport") or any(x in drivers for x in here)):
                    starts.append((t, 0 if given is None or (can_lead and free(given, t, e)) else w["continuity"]))
                t += slot
        if not starts:
            constant += penalty          # no able worker is free at any start
            continue
        if not s.get("venues"):
            constant += min(penalty, min(c for _, c in starts))   # needs no room: at its cheapest start
            continue
        constant += penalty
        cols = []
        for t, cont in starts:
            for vid in s["venues"]:
                if any(o0 <= t and t + s["durationMinutes"] <= o1 for o0, o1 in opening[vid]):
                    h.addVar(0, 1)
                    h.changeColIntegrality(ncols, highspy.HighsVarType.kInteger)
                    h.changeColCost(ncols, -penalty + min(cont, penalty))
                    cols.append(ncols)
                    for u in range(t, t + s["durationMinutes"], slot):
                        use.setdefault((vid, u), []).append(ncols)
                    ncols += 1
        if cols:
            h.addRow(-highspy.kHighsInf, 1, len(cols), cols, [1.0] * len(cols))
    for (vid, _), cols in use.items():
        rooms = venues[vid].get("rooms", 1)
        if len(cols) > rooms:
            h.addRow(-highspy.kHighsInf, rooms, len(cols), cols, [1.0] * len(cols))
    if ncols == 0:
        return constant, constant, "no room needed"
    h.run()
    info = h.getInfo()
    return constant + info.mip_dual_bound, constant + info.objective_function_value, h.modelStatusToString(h.getModelStatus())


def solve(rota, path, seed, seconds, tmp):
    out = os.path.join(tmp, f"sol-{os.path.basename(rota)}-{seed}.json")
    r = subprocess.run([rota, "solve", path, "--solver", "greedy", "--time-limit", str(seconds), "--seed", str(seed),
                        "--output", out, "--quiet"], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    ours = subprocess.run([rota, "check", path, out], capture_output=True).returncode == 0
    ref = json.loads(subprocess.run([sys.executable, REFCHECK, path, out], capture_output=True, text=True).stdout)
    sol = json.load(open(out))
    agree = ref["valid"] and ref["objective"] == sol["objective"]
    return {"objective": sol["objective"], "unassigned": sol["terms"]["unassigned"] + sol["terms"]["continuity"],
            "valid": ours and agree}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rota")
    ap.add_argument("--baseline", help="an earlier rota binary, run the same way for comparison")
    ap.add_argument("--sizes", default="10,30,100,300,600")
    ap.add_argument("--time-limit", type=float, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bound-time", type=float, default=60)
    a = ap.parse_args()
    print(machine(python=True) + "\n")
    print(f"`rota solve --solver greedy --time-limit {a.time_limit:g}`, seeds 1-{a.runs}, medians; bound: HiGHS on the room "
          f"relaxation for up to {a.bound_time:g} s. \"above bound\" = (objective − bound) / objective, where the bound covers the "
          "unassigned and continuity terms only (travel and the rest are bounded by 0).\n")
    head = ("| workers | sessions | objective | unassigned + continuity | bound on them | best packing | they above bound |"
            " objective above bound |")
    sep = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    if a.baseline:
        head += " baseline objective | baseline unassigned + continuity |"
        sep += " ---: | ---: |"
    print(head + " valid (both checkers) |")
    print(sep + " --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in a.sizes.split(",") if x]:
            path = os.path.join(tmp, f"team-{n}.json")
            with open(path, "w") as f:
                subprocess.run([sys.executable, GEN, "--seed", str(9000 + n), "--workers", str(n)], stdout=f, check=True)
            scenario = json.load(open(path))
            runs = [solve(a.rota, path, s, a.time_limit, tmp) for s in range(1, a.runs + 1)]
            base = [solve(a.baseline, path, s, a.time_limit, tmp) for s in range(1, a.runs + 1)] if a.baseline else []
            lb, packing, _ = room_bound(scenario, a.bound_time)
            ok = [r for r in runs if r]
            valid = len(ok) == len(runs) and all(r["valid"] for r in ok)
            obj = statistics.median(r["objective"] for r in ok) if ok else None
            un = statistics.median(r["unassigned"] for r in ok) if ok else None

            def pct(x):
                return "" if x is None or not obj else f"{100 * x / obj:.1f} %"
            row = (f"| {n} | {len(scenario['sessions'])} | {obj:.0f} | {un:.0f} | {lb:.0f} | {packing:.0f} | {pct(un - lb)} | "
                   f"{pct(obj - lb)} |")
            if a.baseline:
                bok = [r for r in base if r]
                row += (f" {statistics.median(r['objective'] for r in bok):.0f} | {statistics.median(r['unassigned'] for r in bok):.0f} |"
                        if bok else " - | - |")
                valid = valid and len(bok) == len(base) and all(r["valid"] for r in bok)
            print(row + f" {'yes' if valid else 'NO'} |", flush=True)


if __name__ == "__main__":
    main()
