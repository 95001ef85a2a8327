#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of the independent Curtois & Qu scorer (score.py), and a cross-check of it against rota.

1. A hand-made instance: each hard rule broken once, and the objective of a known roster.
2. Shared Instances 1-4: `rota import curtois`, a short `rota solve`, then rosters changed at random
   (a worker added to or taken from a shift, or moved to another shift that day); for each, score.py
   and `rota check` must agree on validity and, when valid, on the objective.

    python3 Benchmarks/curtois/test_score.py [ROTA]    # default .build/debug/rota

Prints "N passed, M failed" and exits non-zero on any failure.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = "/work/shared/bench/curtois-qu"
sys.path.insert(0, HERE)
import score  # noqa: E402

# Two shift types (E may not follow L), 14 days from a Monday, two people.
TINY = """# hand-made
SECTION_HORIZON
14

SECTION_SHIFTS
E,480,
L,480,E

SECTION_STAFF
A,E=10|L=2,4800,1440,4,2,2,1
B,E=14|L=14,6720,0,5,1,1,2

SECTION_DAYS_OFF
A,6

SECTION_SHIFT_ON_REQUESTS
A,0,E,2

SECTION_SHIFT_OFF_REQUESTS
B,1,L,3

SECTION_COVER
0,E,1,100,1
1,L,1,100,1
"""

results = {"passed": 0, "failed": 0}


def expect(cond, what):
    results["passed" if cond else "failed"] += 1
    if not cond:
        print(f"FAIL {what}")


def tiny_tests(tmp):
    path = os.path.join(tmp, "tiny.txt")
    with open(path, "w", newline="\r\n") as f:   # the distributed files have CRLF line ends
        f.write(TINY)
    inst = score.Instance(path)
    expect(inst.days == 14 and inst.forbidden_next["L"] == {"E"} and inst.staff["A"]["max_weekends"] == 1,
           "the instance reads (CRLF, empty cannot-follow field)")

    def roster(a, b):
        return {"A": [None if c == "." else c for c in a], "B": [None if c == "." else c for c in b]}

    # A works E on days 0-2 and 8-9, B works L on day 1: valid; A's on-request met, B's off-request not.
    good = roster("EEE.....EE....", ".L............")
    v, obj = score.score(inst, good)
    expect(v == [], f"a valid roster has no violations: {v}")
    # Cover: day 0 E has 1 (A) → 0; day 1 L has 1 (B) → 0. Requests: B works L on day 1 → 3.
    expect(obj == 3, f"objective 3, got {obj}")
    cases = {
        "a day off": roster("EEE...E.......", ".L............"),
        "after L": roster("EEE.....EE....", "LE............"),
        "3 L shifts, at most 2": roster("LLL.....EE....", ".L............"),
        "outside [": roster("EE............", ".L............"),
        "in a row from day 0, at most 4": roster("EEEEE...EE....", ".L............"),
        "days in a row from day 4, at least 2": roster("EE..E...EE....", ".L............"),
        "days off in a row from day 3, at least 2": roster("EEE.EE..EE....", ".L............"),
        "weekends, at most 1": roster("EEE..EE.....EE", ".L............"),
    }
    for what, r in cases.items():
        v, _ = score.score(inst, r)
        expect(any(what in x for x in v), f"{what!r} found in {v}")
    # A run touching the last day is exempt from the minimums.
    v, _ = score.score(inst, roster("EEE..........E", ".L............"))
    expect(not any("at least" in x for x in v), f"an edge run is exempt: {v}")
    # Two shifts on one day, read from a solution document.
    doc = {"shifts": [{"id": "E-d000", "workers": ["A"]}, {"id": "L-d000", "workers": ["A"]},
                      {"id": "X-d001", "workers": ["B"]}]}
    _, problems = score.roster_from_solution(inst, doc)
    expect(any("two shifts on day 0" in p for p in problems) and any("'X-d001'" in p for p in problems),
           f"two shifts a day and an unknown type are problems: {problems}")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def cross_check(rota, tmp, instances=(1, 2, 3, 4), changes=12, seed=7):
    rng = random.Random(seed)
    for i in instances:
        src = os.path.join(SHARED, f"Instance{i}.txt")
        scen, sol = os.path.join(tmp, f"I{i}.json"), os.path.join(tmp, f"I{i}-sol.json")
        if run([rota, "import", "curtois", src, "--output", scen]).returncode != 0:
            expect(False, f"Instance{i} imports")
            continue
        run([rota, "solve", scen, "--solver", "greedy", "--time-limit", "2", "--max-idle-moves", "2000",
             "--output", sol, "--quiet"])
        with open(sol) as f:
            doc = json.load(f)
        inst = score.Instance(src)
        roster, problems = score.roster_from_solution(inst, doc)
        v, obj = score.score(inst, roster)
        expect(problems == [] and v == [] and obj == doc["objective"],
               f"Instance{i}: rota's roster is valid with objective {doc['objective']} (score.py: {obj}, {problems + v})")
        staff = sorted(inst.staff)
        for k in range(changes):
            d = json.loads(json.dumps(doc))
            shift = rng.choice(d["shifts"])
            day = shift["id"].rsplit("-d", 1)[1]
            others = [s for s in d["shifts"] if s["id"].endswith("-d" + day) and s is not shift]
            # Only changes this shift allows: nobody to take away, or no other shift that day to move to.
            kinds = ["add"] + (["remove"] + (["move"] if others else []) if shift["workers"] else [])
            kind = rng.choice(kinds)
            if kind == "remove":
                shift["workers"].remove(rng.choice(shift["workers"]))
            elif kind == "move":
                w = rng.choice(shift["workers"])
                shift["workers"].remove(w)
                rng.choice(others)["workers"].append(w)
            else:
                w = rng.choice(staff)
                if w not in shift["workers"]:
                    shift["workers"].append(w)
            changed = os.path.join(tmp, f"I{i}-change{k}.json")
            # The stated objective is left out: validity and the computed objective are compared.
            d.pop("objective", None)
            with open(changed, "w") as f:
                json.dump(d, f)
            r = run([rota, "check", scen, changed, "--json"])
            try:
                rep = json.loads(r.stdout)
            except json.JSONDecodeError:
                expect(False, f"Instance{i} change {k}: rota check --json output: {r.stdout[:200]} {r.stderr[:200]}")
                continue
            roster, problems = score.roster_from_solution(inst, d)
            v, obj = score.score(inst, roster)
            ours = not (problems or v)
            # (No objective is stated, so rota check's `valid` is false for that alone: its rules decide.)
            theirs = not rep.get("violations") and not rep.get("otherProblems")
            expect(theirs == ours,
                   f"Instance{i} change {k} ({kind} {shift['id']}): rota check {rep.get('violations')}, score.py {problems + v}")
            if ours and theirs:
                expect(rep.get("objective") == obj, f"Instance{i} change {k}: objective {rep.get('objective')} against {obj}")


def main():
    rota = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, ".build/debug/rota")
    with tempfile.TemporaryDirectory() as tmp:
        tiny_tests(tmp)
        if os.path.exists(SHARED) and os.path.exists(rota):
            cross_check(rota, tmp)
        else:
            print(f"cross-check skipped: {SHARED} or {rota} not found")
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
