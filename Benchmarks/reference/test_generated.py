#!/usr/bin/env python3
"""Tests on generated scenarios and hand-built micro scenarios (run by test_refcheck.py).

1. gen.py scenarios over several sizes/options: the greedy solution is valid
   according to refcheck *without repairs* (an independent cross-check of the
   greedy's own feasibility logic against refcheck), and every applicable
   perturbation kind is caught: its expectRules are all reported, a misstated
   objective sets objectiveMismatch, and the result is invalid.
2. Micro scenarios, each built to make exactly one rule fire (or not), with
   the outcome computed by hand: H3 touching leave, H4 same start, H8 rest and
   cannotFollow, H9 weekends, H10 max run at the horizon edge and min-run
   exemption, H7 on a 25-hour day, H12 frozen baseline, stability, requests,
   fairness eligibility, merged availability across midnight.
"""
import argparse
import copy
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import refcheck  # noqa: E402

CONFIGS = [
    dict(seed=1, workers=5, days=7),
    dict(seed=2, workers=12, days=7, pinned=2, matrix=True),
    dict(seed=3, workers=30, days=14, pinned=3, baseline=True, rules=True),
    dict(seed=4, workers=9, days=14, start="2026-03-23"),          # spring clock change
    dict(seed=5, workers=9, days=10, start="2026-10-19", pinned=1),  # autumn clock change
    dict(seed=6, workers=120, days=7, baseline=True),
]


def gen_args(**kw):
    a = argparse.Namespace(seed=1, workers=12, days=7, start="2026-11-23", tz="Europe/London", counties=0,
                           pinned=0, baseline=False, matrix=False, rules=False, venues=0, sessions_per_case=1.0,
                           rooms=[1, 2, 2, 3])
    for k, v in kw.items():
        setattr(a, k, v)
    return a


def generated(verbose):
    passed = failed = 0
    for cfg in CONFIGS:
        sc = gen.generate(gen_args(**cfg))
        sol = gen.solve(sc)
        res, viol = refcheck.check(sc, sol)
        name = f"gen {cfg}"
        if res["valid"] and sol["repairs"] == 0 and res["objective"] == sol["objective"]:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: greedy solution valid={res['valid']} repairs={sol['repairs']} {viol[:3]}")
            continue
        # determinism
        if json.dumps(gen.generate(gen_args(**cfg))) != json.dumps(sc):
            failed += 1
            print(f"FAIL {name}: generator not deterministic")
        else:
            passed += 1
        for kind in gen.KINDS:
            rnd = random.Random(1000 * gen.KINDS.index(kind) + cfg["seed"])
            try:
                broken, sc2 = gen.perturb(sc, sol, rnd, kind)
            except SystemExit:
                continue  # kind does not apply
            p = broken["perturbation"]
            r2, _ = refcheck.check(sc2 or sc, broken)
            ok = set(p["expectRules"]) <= set(r2["violatedRules"]) and r2["objectiveMismatch"] == p["expectMismatch"]
            if p["expectRules"] or p["expectMismatch"]:
                ok = ok and not r2["valid"]
            if kind == "unassign" and not p["expectRules"]:
                # the restated unassignment is a valid (worse) solution, and costs more
                ok = ok and r2["valid"] and r2["objective"] > res["objective"]
            if ok:
                passed += 1
                if verbose:
                    print(f"ok   {name} {kind}: {r2['violatedRules']} mismatch={r2['objectiveMismatch']}")
            else:
                failed += 1
                print(f"FAIL {name} {kind}: expected {p}, got {r2['violatedRules']} "
                      f"mismatch={r2['objectiveMismatch']} valid={r2['valid']}")
    return passed, failed


# ---------------------------------------------------------------------------- micro scenarios
def base_scenario():
    return {
        "format": "rota-scenario/1", "name": "micro", "timeZone": "Europe/London",
        "horizon": {"start": "2026-11-23", "days": 7}, "slotMinutes": 15,
        "travel": {"speedKmh": 40, "roadFactor": 1.3},
        "travelMatrix": [{"from": "office", "to": "fc", "minutes": 20, "km": 10},
                         {"from": "fc", "to": "office", "minutes": 20, "km": 10},
                         {"from": "fc", "to": "fc2", "minutes": 30, "km": 20},
                         {"from": "fc2", "to": "fc", "minutes": 30, "km": 20},
                         {"from": "office", "to": "fc2", "minutes": 25, "km": 15},
                         {"from": "fc2", "to": "office", "minutes": 25, "km": 15}],
        "locations": [{"id": "office", "lat": 52.19, "lon": -2.22}, {"id": "fc", "lat": 52.2, "lon": -2.2},
                      {"id": "fc2", "lat": 52.3, "lon": -2.2}],
        "venues": [{"id": "fc", "location": "fc", "rooms": 1}, {"id": "fc2", "location": "fc2", "rooms": 1}],
        "workers": [{"id": "a", "skills": ["driver", "senior"], "base": "office"},
                    {"id": "b", "skills": ["senior"], "base": "office"}],
        "cases": [{"id": "c1", "allocatedWorker": "a"}],
        "sessions": [], "shiftTypes": [], "shifts": [],
    }


def sess(sid, day, frm="09:00", to="20:00", dur=60, **kw):
    d = f"2026-11-{23 + day:02d}"
    s = {"id": sid, "case": "c1", "durationMinutes": dur, "windows": [{"from": f"{d}T{frm}", "to": f"{d}T{to}"}],
         "venues": ["fc", "fc2"]}
    s.update(kw)
    return s


def assign(sid, workers, day, hm, venue="fc"):
    return {"id": sid, "workers": workers, "start": f"2026-11-{23 + day:02d}T{hm}", "venue": venue}


def solution(sc, sessions, shifts=None):
    sol = {"format": "rota-solution/1", "sessions": sessions,
           "shifts": shifts or [{"id": h["id"], "workers": []} for h in sc["shifts"]], "allocations": []}
    named = {e["id"] for e in sessions}
    sol["sessions"] += [{"id": s["id"], "unassigned": True} for s in sc["sessions"] if s["id"] not in named]
    res, _ = refcheck.check(sc, sol)
    sol["objective"], sol["terms"] = res["objective"], res["terms"]
    return sol


def micro_cases():
    cases = []

    # H4: two sessions of one worker with the same start at the same venue -> H4 (and H5 rooms)
    sc = base_scenario()
    sc["venues"][0]["rooms"] = 2
    sc["sessions"] = [sess("s1", 0), sess("s2", 0)]
    cases.append(("H4 same start", sc, solution(sc, [assign("s1", ["a"], 0, "10:00"),
                                                     assign("s2", ["a"], 0, "10:00")]), ["H4"], None))
    # H4: back to back at different venues without travel time; with exactly travel time it is fine
    sc = base_scenario()
    sc["sessions"] = [sess("s1", 0), sess("s2", 0)]
    cases.append(("H4 no travel gap", sc, solution(sc, [assign("s1", ["a"], 0, "10:00", "fc"),
                                                        assign("s2", ["a"], 0, "11:15", "fc2")]), ["H4"], None))
    cases.append(("H4 exact travel gap ok", sc, solution(sc, [assign("s1", ["a"], 0, "10:00", "fc"),
                                                              assign("s2", ["a"], 0, "11:30", "fc2")]), [],
                  {"travel": 20 + 30 + 25}))
    # H3: leave touching the session end is fine; overlapping by a minute is not
    sc = base_scenario()
    sc["workers"][0]["unavailable"] = [{"from": "2026-11-23T11:00", "to": "2026-11-23T12:00"}]
    sc["sessions"] = [sess("s1", 0)]
    cases.append(("H3 touching leave ok", sc, solution(sc, [assign("s1", ["a"], 0, "10:00")]), [], None))
    cases.append(("H3 overlapping leave", sc, solution(sc, [assign("s1", ["a"], 0, "10:45")]), ["H3"], None))
    # H3: availability windows mon 18:00-24:00 and tue 00:00-08:00 merge across midnight
    sc = base_scenario()
    sc["workers"][0]["availability"] = [{"days": ["mon"], "from": "18:00", "to": "24:00"},
                                        {"days": ["tue"], "from": "00:00", "to": "08:00"}]
    sc["sessions"] = [sess("s1", 0, "00:00", "23:59", dur=120)]
    sc["sessions"][0]["windows"] = [{"from": "2026-11-23T00:00", "to": "2026-11-24T08:00"}]
    sc["venues"][0]["open"] = None
    sol = solution(sc, [assign("s1", ["a"], 0, "23:00")])
    cases.append(("H3 merged windows across midnight", sc, sol, [], None))
    # H8: rest 660 between days; 20:00-21:00 Monday then 07:30 Tuesday is 10h30 -> H8
    sc = base_scenario()
    sc["sessions"] = [sess("s1", 0, "19:00", "22:00"), sess("s2", 1, "07:00", "12:00")]
    cases.append(("H8 rest", sc, solution(sc, [assign("s1", ["a"], 0, "20:00"), assign("s2", ["a"], 1, "07:30")]),
                  ["H8"], None))
    cases.append(("H8 rest ok", sc, solution(sc, [assign("s1", ["a"], 0, "20:00"), assign("s2", ["a"], 1, "08:00")]),
                  [], None))
    # H8 cannotFollow (standby types too); H9 maxShiftsPerDay; requests; cover
    sc = base_scenario()
    sc["shiftTypes"] = [{"id": "N", "start": "20:00", "durationMinutes": 600, "countedMinutes": 60,
                         "standby": True, "cannotFollow": ["E"], "fairness": False},
                        {"id": "E", "start": "07:00", "durationMinutes": 480, "standby": True, "fairness": False}]
    sc["shifts"] = [{"id": "N0", "type": "N", "date": "2026-11-23", "min": 0},
                    {"id": "E1", "type": "E", "date": "2026-11-24", "min": 0},
                    {"id": "E0", "type": "E", "date": "2026-11-23", "min": 0}]
    sc["workers"][0]["requests"] = [{"date": "2026-11-24", "on": False, "weight": 7}]
    cases.append(("H8 cannotFollow + request", sc, solution(sc, [], [{"id": "N0", "workers": ["a"]},
                                                                    {"id": "E1", "workers": ["a"]},
                                                                    {"id": "E0", "workers": ["b"]}]),
                  ["H8"], {"requests": 7, "cover": 0}))
    cases.append(("H9 two shifts a day", sc, solution(sc, [], [{"id": "N0", "workers": ["a"]},
                                                              {"id": "E1", "workers": []},
                                                              {"id": "E0", "workers": ["a"]}]),
                  ["H9"], {"cover": 1000}))
    # H9 weekends: maxWeekends 1 with history 1, any standby shift on Sunday breaks it
    sc = base_scenario()
    sc["shiftTypes"] = [{"id": "OC", "start": "17:00", "durationMinutes": 960, "countedMinutes": 120,
                         "standby": True, "fairness": True}]
    sc["shifts"] = [{"id": "OC6", "type": "OC", "date": "2026-11-29", "min": 0, "requiredSkills": ["senior"]}]
    sc["workers"][1]["maxWeekends"] = 1
    sc["workers"][1]["history"] = {"weekendsWorked": 1, "shiftCounts": {"OC": 5}}
    sc["workers"].append({"id": "x", "skills": [], "base": "office", "history": {"shiftCounts": {"OC": 9}}})
    # fairness: x is not eligible (no senior); a has 0+1, b has 5 -> (5-1)*50
    cases.append(("H9 weekends + fairness eligibility", sc,
                  solution(sc, [], [{"id": "OC6", "workers": ["b"]}]), ["H9"], {"fairness": 50 * (6 - 0)}))
    cases.append(("fairness counts solution shifts", sc,
                  solution(sc, [], [{"id": "OC6", "workers": ["a"]}]), [], {"fairness": 50 * (5 - 1)}))
    # H10: a 7-day run touching both edges breaks the max of 6; with maxConsecutiveDays 7 it does not
    sc = base_scenario()
    sc["shiftTypes"] = [{"id": "OC", "start": "17:00", "durationMinutes": 960, "countedMinutes": 60,
                         "standby": True, "fairness": False}]
    sc["shifts"] = [{"id": f"OC{d}", "type": "OC", "date": f"2026-11-{23 + d}", "min": 0} for d in range(7)]
    sc["rules"] = {"maxShiftsPerDay": 1}
    allw = [{"id": f"OC{d}", "workers": ["a"]} for d in range(7)]
    cases.append(("H10 max applies at the edge", sc, solution(sc, [], allw), ["H10"], None))
    sc2 = copy.deepcopy(sc)
    sc2["workers"][0]["maxConsecutiveDays"] = 7
    cases.append(("H10 worker override", sc2, solution(sc2, [], allw), [], None))
    # H10 minConsecutiveDaysOff 2: a single day off in the middle breaks it, at the edge it is exempt
    sc3 = copy.deepcopy(sc)
    sc3["rules"]["minConsecutiveDaysOff"] = 2
    mid = [{"id": f"OC{d}", "workers": ["a"] if d != 3 else []} for d in range(7)]
    edge = [{"id": f"OC{d}", "workers": ["a"] if d != 6 else []} for d in range(7)]
    cases.append(("H10 min days off", sc3, solution(sc3, [], mid), ["H10"], None))
    cases.append(("H10 min days off exempt at edge", sc3, solution(sc3, [], edge), [], None))
    # H7 / overtime on the autumn clock change: a 25-hour day.  A 24h non-standby shift
    # from 00:00 Sunday 2026-10-25 ends at 23:00 local, counted minutes 1440.
    sc = base_scenario()
    sc["horizon"] = {"start": "2026-10-19", "days": 7}
    sc["shiftTypes"] = [{"id": "D", "start": "00:00", "durationMinutes": 1440, "standby": False, "fairness": False}]
    sc["shifts"] = [{"id": "D6", "type": "D", "date": "2026-10-25", "min": 0}]
    sc["workers"][0]["contractMinutes"] = 1000
    sc["workers"][0]["maxMinutes"] = 1439
    cases.append(("H7 + overtime on 25h day", sc, solution(sc, [], [{"id": "D6", "workers": ["a"]}]), ["H7"],
                  {"overtime": 2 * 440, "cover": 0}))
    # H12 frozen baseline and stability
    sc = base_scenario()
    sc["sessions"] = [sess("s1", 0), sess("s2", 3)]
    sc["baseline"] = {"sessions": [assign("s1", ["a"], 0, "10:00"), assign("s2", ["a"], 3, "10:00")],
                      "shifts": []}
    sc["freezeBefore"] = "2026-11-25T00:00"
    cases.append(("H12 frozen session moved", sc, solution(sc, [assign("s1", ["a"], 0, "11:00"),
                                                                assign("s2", ["a"], 3, "10:00")]),
                  ["H12"], {"stability": 200}))
    cases.append(("stability after freeze", sc, solution(sc, [assign("s1", ["a"], 0, "10:00"),
                                                              assign("s2", ["b"], 3, "10:00", "fc2")]),
                  [], {"stability": 200, "continuity": 100}))
    # H6: unallocated case with a session and no allocation
    sc = base_scenario()
    sc["cases"] = [{"id": "c1"}]
    sc["sessions"] = [sess("s1", 0)]
    cases.append(("H6 no allocation", sc, solution(sc, [assign("s1", ["a"], 0, "10:00")]), ["H6"],
                  {"continuity": 0}))
    # H2 transport needs a driver lead; transport legs are in H3 (availability 10:00-..)
    sc = base_scenario()
    sc["locations"].append({"id": "home", "lat": 52.25, "lon": -2.21})
    sc["travelMatrix"] += [{"from": "home", "to": "fc", "minutes": 30}, {"from": "fc", "to": "home", "minutes": 30}]
    sc["sessions"] = [sess("s1", 0, transport={"from": "home"})]
    sc["workers"][0]["availability"] = [{"days": ["mon"], "from": "10:00", "to": "20:00"}]
    cases.append(("H2 non-driver lead", sc, solution(sc, [assign("s1", ["b"], 0, "10:00")]), ["H2"], None))
    cases.append(("H3 transport leg outside availability", sc,
                  solution(sc, [assign("s1", ["a"], 0, "10:15")]), ["H3"], None))
    # route: base -> home (transport start) ... home -> base; office->home by haversine
    return cases


def micro(verbose):
    passed = failed = 0
    for name, sc, sol, rules, terms in micro_cases():
        res, viol = refcheck.check(sc, sol)
        ok = res["violatedRules"] == sorted(rules) and not res["otherProblems"] and not res["objectiveMismatch"]
        if terms:
            ok = ok and all(res["terms"][k] == v for k, v in terms.items())
        if ok:
            passed += 1
            if verbose:
                print(f"ok   micro {name}: {res['violatedRules']}")
        else:
            failed += 1
            print(f"FAIL micro {name}: expected {rules} {terms}, got {res['violatedRules']} "
                  f"{res['terms']} {res['otherProblems']}")
            for r, m in viol:
                print(f"      {r}: {m}")
    return passed, failed


def run(verbose=False):
    p1, f1 = micro(verbose)
    p2, f2 = generated(verbose)
    return p1 + p2, f1 + f2


if __name__ == "__main__":
    p, f = run("-v" in sys.argv)
    print(f"{p} passed, {f} failed")
    sys.exit(1 if f else 0)
