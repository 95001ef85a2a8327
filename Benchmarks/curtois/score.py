#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent scorer for Curtois & Qu rosters.

Reads a benchmark instance in its own format (InstanceN.txt, as distributed) and a roster, checks
every hard rule and computes the benchmark's objective from the instance's definition alone
(/work/shared/bench/curtois-qu/README.md). It shares nothing with rota's Swift sources: not the
import, not the checker. The roster is a rota-solution/1 document, read only for who works which
shift, by the shift ids that `rota import curtois` gives each cover row: `<ShiftID>-d<day>`, day
counted from 0 (`D-d003` is shift type D on day 3).

    python3 Benchmarks/curtois/score.py Instance8.txt SOLUTION.json [--json]

Exit 0 when the roster is valid and the solution states the objective computed here; 1 when a hard
rule is broken or the stated objective differs; 2 for input that cannot be read.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from yardstick import parse_instance  # noqa: E402  (the instance file's reader; CP-SAT is not loaded)


class Instance:
    """The instance as the scorer reads it: yardstick.py's reading, indexed by shift and staff id."""

    def __init__(self, path):
        p = parse_instance(path)
        self.days = p["days"]
        self.length = {sh["id"]: sh["len"] for sh in p["shifts"]}
        self.forbidden_next = {sh["id"]: set(sh["cannot_follow"]) for sh in p["shifts"]}
        self.staff = {row["id"]: row for row in p["staff"]}
        self.days_off = {e: set(ds) for e, ds in p["days_off"].items()}
        self.on_requests, self.off_requests, self.cover = p["on"], p["off"], p["cover"]


def roster_from_solution(inst, doc):
    """{employee: [shift type or None per day]}, and problems reading it (unknown ids, two shifts a day)."""
    roster = {e: [None] * inst.days for e in inst.staff}
    problems = []
    for entry in doc.get("shifts", []):
        sid = entry.get("id", "")
        if "-d" not in sid:
            problems.append(f"shift id {sid!r} is not <ShiftID>-d<day>")
            continue
        stype, day_text = sid.rsplit("-d", 1)
        if stype not in inst.length or not day_text.isdigit() or int(day_text) >= inst.days:
            problems.append(f"shift id {sid!r}: unknown shift type or day")
            continue
        day = int(day_text)
        for e in entry.get("workers", []):
            if e not in roster:
                problems.append(f"{sid}: unknown employee {e!r}")
            elif roster[e][day] is not None:
                problems.append(f"{e} works two shifts on day {day} ({roster[e][day]} and {stype})")
            else:
                roster[e][day] = stype
    return roster, problems


def runs(works):
    """Maximal runs of equal values in a list of booleans: (value, first day, length)."""
    out, start = [], 0
    for d in range(1, len(works) + 1):
        if d == len(works) or works[d] != works[start]:
            out.append((works[start], start, d - start))
            start = d
    return out


def score(inst, roster):
    """(violations, objective) of a roster."""
    v = []
    for e, rule in inst.staff.items():
        days = roster[e]
        for d, s in enumerate(days):
            if s is not None and d in inst.days_off.get(e, set()):
                v.append(f"{e} works {s} on day {d}, a day off")
            if s is not None and d + 1 < inst.days and days[d + 1] in inst.forbidden_next[s]:
                v.append(f"{e} works {days[d + 1]} on day {d + 1} after {s}")
        for s in inst.length:
            n = sum(1 for x in days if x == s)
            if n > rule["max_shifts"].get(s, 0):
                v.append(f"{e} works {n} {s} shifts, at most {rule['max_shifts'].get(s, 0)}")
        minutes = sum(inst.length[x] for x in days if x is not None)
        if not rule["min_total"] <= minutes <= rule["max_total"]:
            v.append(f"{e} works {minutes} minutes, outside [{rule['min_total']}, {rule['max_total']}]")
        for working, first, length in runs([x is not None for x in days]):
            edge = first == 0 or first + length == inst.days
            if working and length > rule["max_consec"]:
                v.append(f"{e} works {length} days in a row from day {first}, at most {rule['max_consec']}")
            if working and not edge and length < rule["min_consec"]:
                v.append(f"{e} works {length} days in a row from day {first}, at least {rule['min_consec']}")
            if not working and not edge and length < rule["min_off"]:
                v.append(f"{e} has {length} days off in a row from day {first}, at least {rule['min_off']}")
        weekends = sum(1 for w in range(inst.days // 7) if days[7 * w + 5] is not None or days[7 * w + 6] is not None)
        if weekends > rule["max_weekends"]:
            v.append(f"{e} works {weekends} weekends, at most {rule['max_weekends']}")
    objective = 0
    for e, d, s, w in inst.on_requests:
        if roster[e][d] != s:
            objective += w
    for e, d, s, w in inst.off_requests:
        if roster[e][d] == s:
            objective += w
    for d, s, required, under, over in inst.cover:
        x = sum(1 for e in roster if roster[e][d] == s)
        objective += (required - x) * under if x < required else (x - required) * over
    return v, objective


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("instance")
    ap.add_argument("solution")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    a = ap.parse_args()
    try:
        inst = Instance(a.instance)
        with open(a.solution) as f:
            doc = json.load(f)
    except (OSError, ValueError, KeyError, IndexError) as e:
        print(f"cannot read input: {e}", file=sys.stderr)
        return 2
    roster, problems = roster_from_solution(inst, doc)
    violations, objective = score(inst, roster)
    violations = problems + violations
    stated = doc.get("objective")
    ok = not violations and stated == objective
    if a.json:
        print(json.dumps(dict(valid=not violations, objective=objective, stated=stated, violations=violations)))
    else:
        print(f"{a.solution}: {'VALID' if not violations else 'INVALID'}; objective {objective}"
              + ("" if stated == objective else f", but the solution states {stated}"))
        for x in violations[:20]:
            print(f"  {x}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
