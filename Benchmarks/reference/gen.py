#!/usr/bin/env python3
"""Seeded generator of realistic rota-scenario/1 documents, a greedy solver for
them, and a perturbation tool that breaks solutions on purpose.

    python3 gen.py [gen] --seed 7 --workers 12 --days 7 [options] > s.json
    python3 gen.py solve SCENARIO.json > sol.json
    python3 gen.py perturb --seed S [--kind K] SCENARIO.json SOLUTION.json > broken.json

gen options
    --seed N          random seed (default 1); same arguments -> same bytes
    --workers N       team size, 5..600 (default 12)
    --days N          horizon length in days, >= 7 (default 7)
    --start DATE      horizon start (default 2026-11-23, a Monday)
    --tz NAME         IANA time zone (default Europe/London)
    --counties K      number of counties (default: 1 per 100 workers, max 6)
    --pinned N        pin N sessions to a feasible assignment (default 0)
    --baseline        add a baseline (a greedy solution of an earlier version of
                      the scenario, where some leave was not yet known) and a
                      freezeBefore two days into the horizon
    --matrix          add directed travelMatrix entries for some office/venue pairs
    --rules           add non-default rules (maxConsecutiveDays 5, minRest 690)

solve: a conservative greedy (shifts first, then sessions by mandatory and
priority), checked against refcheck; any session that refcheck still objects to
is unassigned again, so the output is valid (stated objective = refcheck's).

perturb kinds (default: random among those that apply; --kind to choose):
    offgrid, outside_window, wrong_venue, unknown_venue, drop_alloc,
    empty_shift, overfill_shift, unskilled_shift, swap_leads, double_book,
    short_crew, non_driver, misstate, unassign, break_pin, leave_clash
The output is the broken solution with an added "perturbation" object
{kind, target, expectRules, expectMismatch} saying which rules *must* be
reported (others may be reported too).  Unless the kind is `misstate`, the
stated objective and terms are restated with refcheck's values, so only the
intended kind of error is present.
"""
import argparse
import copy
import datetime as dt
import json
import math
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcheck  # noqa: E402

# Real English counties, towns with approximate real coordinates.
COUNTIES = {
    "Worcestershire": [("Worcester", 52.192, -2.220), ("Kidderminster", 52.388, -2.249),
                       ("Redditch", 52.306, -1.940), ("Bromsgrove", 52.335, -2.057),
                       ("Evesham", 52.092, -1.947), ("Malvern", 52.112, -2.325)],
    "Herefordshire": [("Hereford", 52.056, -2.716), ("Leominster", 52.227, -2.737),
                      ("Ross-on-Wye", 51.914, -2.587), ("Ledbury", 52.035, -2.423)],
    "Shropshire": [("Shrewsbury", 52.707, -2.754), ("Telford", 52.678, -2.445),
                   ("Oswestry", 52.860, -3.054), ("Ludlow", 52.367, -2.718),
                   ("Bridgnorth", 52.535, -2.419)],
    "Gloucestershire": [("Gloucester", 51.865, -2.238), ("Cheltenham", 51.899, -2.078),
                        ("Stroud", 51.745, -2.218), ("Cirencester", 51.718, -1.968),
                        ("Tewkesbury", 51.992, -2.160)],
    "Warwickshire": [("Warwick", 52.282, -1.585), ("Nuneaton", 52.523, -1.468),
                     ("Rugby", 52.370, -1.265), ("Stratford-upon-Avon", 52.192, -1.707),
                     ("Leamington Spa", 52.292, -1.537)],
    "Staffordshire": [("Stafford", 52.806, -2.117), ("Stoke-on-Trent", 53.003, -2.179),
                      ("Burton upon Trent", 52.807, -1.643), ("Tamworth", 52.633, -1.695),
                      ("Lichfield", 52.682, -1.827), ("Cannock", 52.691, -2.031)],
}
SURNAMES = ["Ashworth", "Beaumont", "Carrick", "Dunmore", "Ellery", "Fairbairn", "Greaves",
            "Holloway", "Ingleby", "Jessop", "Kettering", "Lathom", "Marchbank", "Northcott",
            "Oakley", "Pendle", "Quarrie", "Redfern", "Sefton", "Thistlewood", "Underhill",
            "Varley", "Whitlock", "Yardley"]
FIRST = ["Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Megan", "Callum", "Ruth", "Dev",
         "Hannah", "Imran", "Lucy", "Owen", "Nia", "Gareth", "Chloe", "Ben", "Zara", "Mark"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def slug(s):
    return "".join(ch.lower() if ch.isalnum() else "-" for ch in s).strip("-")


def hhmm(m):
    return f"{m // 60:02d}:{m % 60:02d}"


def inst(date, m):
    return f"{date.isoformat()}T{hhmm(m)}"


# ---------------------------------------------------------------------------- generate
def generate(a):
    rnd = random.Random(a.seed)
    n = a.workers
    if not 5 <= n <= 600:
        raise SystemExit("--workers must be 5..600")
    if a.days < 7:
        raise SystemExit("--days must be >= 7")
    start = dt.date.fromisoformat(a.start)
    k = a.counties or min(6, max(1, math.ceil(n / 100)))
    counties = list(COUNTIES)[:k]
    locations, venues, workers, cases, sessions, shifts = [], [], [], [], [], []
    open_hours = [{"days": WEEKDAYS[:5], "from": "09:00", "to": "20:00"},
                  {"days": ["sat"], "from": "09:00", "to": "14:00"},
                  {"days": ["sun"], "from": "10:00", "to": "16:00"}]
    per = [n // k + (1 if i < n % k else 0) for i in range(k)]
    wno = cno = 0
    shift_types = [
        {"id": "OC", "name": "Evening and night on-call", "start": "17:00", "durationMinutes": 960,
         "countedMinutes": 120, "standby": True, "location": None, "cannotFollow": [], "fairness": True},
        {"id": "WD", "name": "Weekend duty", "start": "09:00", "durationMinutes": 480,
         "countedMinutes": 480, "standby": False, "location": None, "cannotFollow": [], "fairness": True},
        {"id": "LD", "name": "Late duty", "start": "12:00", "durationMinutes": 480,
         "countedMinutes": 480, "standby": False, "location": None, "cannotFollow": [], "fairness": False},
    ]
    matrix = []
    weeks = math.ceil(a.days / 7)
    for ci, county in enumerate(counties):
        towns = COUNTIES[county]
        nw = per[ci]
        office_town = towns[0]
        office = f"office-{slug(office_town[0])}"
        locations.append({"id": office, "name": f"Office {office_town[0]}",
                          "lat": round(office_town[1] + 0.002, 4), "lon": round(office_town[2] + 0.002, 4)})
        nven = min(len(towns), 2 + nw // 15) if not a.venues else a.venues // k + (1 if ci < a.venues % k else 0)
        cven = []
        for ti in range(nven):
            t = towns[ti % len(towns)]
            # beyond one centre a town (--venues), the second is "fc-town-2", and so on
            second = f"-{ti // len(towns) + 1}" if ti >= len(towns) else ""
            vid = f"fc-{slug(t[0])}{second}"
            locations.append({"id": "loc-" + vid, "name": f"Family Centre {t[0]}{second}",
                              "lat": round(t[1] + rnd.uniform(-0.004, 0.004), 4),
                              "lon": round(t[2] + rnd.uniform(-0.004, 0.004), 4)})
            venues.append({"id": vid, "location": "loc-" + vid, "rooms": rnd.choice(a.rooms),
                           "open": copy.deepcopy(open_hours)})
            cven.append((vid, t))
            if a.matrix and rnd.random() < 0.5:
                matrix.append({"from": office, "to": "loc-" + vid,
                               "minutes": rnd.randint(5, 40), "km": round(rnd.uniform(2, 30), 1)})
        # workers
        cw = []
        for i in range(nw):
            wno += 1
            wid = f"w{wno:03d}"
            ft = rnd.random() < 0.7
            contract = 2220 if ft else rnd.choice([1110, 1332, 1665])
            skills = [s for s, p in (("driver", 0.7), ("senior", 0.45), ("bsl", 0.1), ("firstAid", 0.3))
                      if rnd.random() < p]
            if i < min(nw, math.ceil(a.days / (2 * weeks)) + 2):
                # enough seniors to cover on-call within everyone's maxShifts
                skills = sorted(set(skills) | {"senior"} | ({"driver"} if i == 0 else set()))
            f = rnd.choice([450, 480, 510, 480])
            t_ = rnd.choice([1140, 1170, 1200])
            if ft:
                avail = [{"days": WEEKDAYS[:5], "from": hhmm(f), "to": hhmm(t_)}]
                if rnd.random() < 0.6:
                    avail.append({"days": ["sat", "sun"], "from": "08:30", "to": "17:30"})
            else:
                days = sorted(rnd.sample(range(5), rnd.choice([3, 3, 4])))
                avail = [{"days": [WEEKDAYS[d] for d in days], "from": hhmm(f), "to": hhmm(t_)}]
                if rnd.random() < 0.4:
                    avail.append({"days": ["sat", "sun"], "from": "08:30", "to": "17:30"})
            weekend_core = i < min(nw, 2 * weeks + 1)   # enough people for weekend duty
            if weekend_core and not any("sat" in x["days"] for x in avail):
                avail.append({"days": ["sat", "sun"], "from": "08:30", "to": "17:30"})
            unavailable = []
            if rnd.random() < 0.15 and not weekend_core:
                d0 = rnd.randrange(a.days - 1)
                ln = rnd.choice([1, 2, 3])
                unavailable.append({"from": inst(start + dt.timedelta(days=d0), 0),
                                    "to": inst(start + dt.timedelta(days=min(a.days, d0 + ln)), 0),
                                    "reason": "annual leave"})
            if rnd.random() < 0.1:
                d0 = rnd.randrange(a.days)
                unavailable.append({"from": inst(start + dt.timedelta(days=d0), 540),
                                    "to": inst(start + dt.timedelta(days=d0), 780), "reason": "training"})
            requests = []
            if rnd.random() < 0.2:
                d0 = rnd.randrange(a.days)
                requests.append({"date": (start + dt.timedelta(days=d0)).isoformat(),
                                 "shiftType": rnd.choice(["OC", None]), "on": rnd.random() < 0.3,
                                 "weight": rnd.choice([1, 3, 5])})
                if requests[-1]["shiftType"] is None:
                    del requests[-1]["shiftType"]
            w = {"id": wid, "name": f"{rnd.choice(FIRST)} {rnd.choice(SURNAMES)}", "skills": skills,
                 "base": office, "contractMinutes": contract, "maxMinutes": int(contract * 1.15),
                 "availability": avail, "unavailable": unavailable, "caseloadCap": 15,
                 "caseloadOther": rnd.randint(8, 12),
                 "maxShifts": {"OC": rnd.choice([2, 3]) * weeks, "WD": weeks},
                 "maxWeekends": 1 + (a.days // 14),
                 "history": {"weekendsWorked": rnd.choice([0, 0, 1]) if a.days >= 14 and not weekend_core else 0,
                             "shiftCounts": {"OC": rnd.randint(0, 4), "WD": rnd.randint(0, 2)}},
                 "requests": requests}
            workers.append(w)
            cw.append(w)
        # cases and sessions
        ncases = max(2, round(nw * 2.1))
        given = {}
        for j in range(ncases):
            cno += 1
            cid = f"c{cno:04d}"
            room = [x for x in cw if x["caseloadOther"] + given.get(x["id"], 0) < x["caseloadCap"] - 1]
            alloc = rnd.choice(room)["id"] if room and rnd.random() < 0.75 else None
            if alloc:
                given[alloc] = given.get(alloc, 0) + 1
            case = {"id": cid, "name": f"{rnd.choice(SURNAMES)} family", "allocatedWorker": alloc,
                    "excludedWorkers": [], "needsSkills": []}
            if rnd.random() < 0.07:
                ex = rnd.choice(cw)["id"]
                if ex != alloc:
                    case["excludedWorkers"] = [ex]
            if rnd.random() < 0.06 and any("bsl" in x["skills"] for x in cw):
                case["needsSkills"] = ["bsl"]
            cases.append(case)
            t = rnd.choice(towns)
            home = f"home-{cid}"
            locations.append({"id": home, "name": f"Carer home {cid}",
                              "lat": round(t[1] + rnd.uniform(-0.08, 0.08), 4),
                              "lon": round(t[2] + rnd.uniform(-0.1, 0.1), 4)})
            nsess = max(1, round(rnd.choice([1, 1, 2, 2, 3]) * a.days / 7 * a.sessions_per_case))
            for si in range(nsess):
                kind = rnd.random()
                wins = []
                for _ in range(rnd.choice([1, 1, 2])):
                    d = rnd.randrange(a.days)
                    date = start + dt.timedelta(days=d)
                    wd = date.weekday()
                    if wd == 5:
                        wins.append({"from": inst(date, 570), "to": inst(date, 810)})
                    elif wd == 6:
                        wins.append({"from": inst(date, 600), "to": inst(date, 930)})
                    elif kind < 0.7:
                        wins.append({"from": inst(date, 930), "to": inst(date, 1170)})
                    else:
                        wins.append({"from": inst(date, 570), "to": inst(date, 900)})
                wins = [dict(x) for x in {(x["from"], x["to"]): x for x in wins}.values()]
                vs = [v for v, _ in cven]
                chosen = [x for x in vs if rnd.random() < 0.5] or [rnd.choice(vs)]
                s = {"id": f"s-{cid}-{si + 1}", "case": cid, "durationMinutes": rnd.choice([60, 90, 90, 120]),
                     "windows": wins, "venues": chosen,
                     "workersNeeded": 2 if rnd.random() < 0.1 else 1, "requiredSkills": [],
                     "reportMinutes": rnd.choice([30, 45, 60]), "mandatory": rnd.random() < 0.1,
                     "priority": rnd.choice([1, 1, 2, 3])}
                if rnd.random() < 0.2:
                    s["transport"] = {"from": home}
                if rnd.random() < 0.12:
                    s["preferredWorkers"] = [rnd.choice(cw)["id"]]
                if rnd.random() < 0.04:
                    s["requiredSkills"] = ["firstAid"]
                if rnd.random() < 0.05:   # a home visit: no venue, at the carer's home
                    s["venues"] = []
                    s["transport"] = {"from": home}
                sessions.append(s)
        # shifts
        cslug = slug(office_town[0])
        for d in range(a.days):
            date = start + dt.timedelta(days=d)
            shifts.append({"id": f"OC-{cslug}-{date.isoformat()}", "type": "OC", "date": date.isoformat(),
                           "required": 1, "min": 1, "max": 1, "requiredSkills": ["senior"],
                           "underWeight": 5000, "overWeight": 0, "pinnedWorkers": []})
            if date.weekday() >= 5:
                req = 1 + nw // 12
                shifts.append({"id": f"WD-{cslug}-{date.isoformat()}", "type": "WD", "date": date.isoformat(),
                               "required": req, "min": 1, "max": req, "requiredSkills": [],
                               "underWeight": 2000, "overWeight": 0, "pinnedWorkers": []})
            elif nw >= 20 and d % 2 == 0:
                shifts.append({"id": f"LD-{cslug}-{date.isoformat()}", "type": "LD", "date": date.isoformat(),
                               "required": 1, "min": 0, "max": 2, "requiredSkills": ["driver"],
                               "underWeight": 300, "overWeight": 100, "pinnedWorkers": []})
    sc = {"format": "rota-scenario/1",
          "name": f"Generated family time team (seed {a.seed}, {n} workers)",
          "timeZone": a.tz, "horizon": {"start": start.isoformat(), "days": a.days},
          "slotMinutes": 15, "travel": {"speedKmh": 40, "roadFactor": 1.3},
          "locations": locations, "venues": venues, "workers": workers, "cases": cases,
          "sessions": sessions, "shiftTypes": shift_types, "shifts": shifts}
    if matrix:
        sc["travelMatrix"] = matrix
    if a.rules:
        sc["rules"] = {"maxWeeklyMinutes": 2880, "minRestMinutes": 690, "maxConsecutiveDays": 5,
                       "minConsecutiveDays": 1, "minConsecutiveDaysOff": 1, "maxShiftsPerDay": 1}
        sc["weights"] = {"unassignedSession": 1000, "unassignedMandatory": 100000, "continuity": 100,
                         "preference": 20, "travelMinute": 1, "overtimeMinute": 2, "fairness": 50,
                         "change": 200}
    if a.baseline:
        earlier = copy.deepcopy(sc)
        base = solve(earlier)
        # after the baseline was made, someone's leave became known (after freezeBefore)
        w = rnd.choice(sc["workers"])
        d0 = rnd.randrange(3, a.days)
        w["unavailable"].append({"from": inst(start + dt.timedelta(days=d0), 0),
                                 "to": inst(start + dt.timedelta(days=d0 + 1), 0), "reason": "sick leave"})
        sc["baseline"] = base
        sc["freezeBefore"] = inst(start + dt.timedelta(days=2), 0)
    if a.pinned:
        sol = solve(sc)
        cand = [e for e in sol["sessions"] if not e.get("unassigned")]
        for e in rnd.sample(cand, min(a.pinned, len(cand))):
            s = next(x for x in sc["sessions"] if x["id"] == e["id"])
            s["pinned"] = {"workers": e["workers"], "start": e["start"], "venue": e.get("venue")}
        for h in rnd.sample(sol["shifts"], min(a.pinned, len(sol["shifts"]))):
            if h["workers"]:
                next(x for x in sc["shifts"] if x["id"] == h["id"])["pinnedWorkers"] = h["workers"][:1]
    return sc


# ---------------------------------------------------------------------------- greedy solver
class Greedy:
    def __init__(self, sc):
        self.sc = sc
        empty = {"sessions": [], "shifts": [], "allocations": []}
        self.ck = refcheck.Checker(sc, empty)
        ck = self.ck
        # reuse refcheck's parsing of the scenario (run on an empty solution)
        ck.run()
        self.clock = ck.clock
        self.days = ck.days
        self.start = ck.start
        R = ck.rules
        self.minrest = int(R["minRestMinutes"])
        self.maxc = int(R["maxConsecutiveDays"])
        self.state = {}
        for wid, w in ck.workers.items():
            av = ck.weekly(w["availability"], wid) if w.get("availability") is not None else None
            un = [(self.clock.instant(u["from"]), self.clock.instant(u["to"])) for u in w.get("unavailable") or []]
            self.state[wid] = dict(w=w, av=av, un=un, acts=[], shifts=[], days={}, report={}, cases=0,
                                   skills=set(w.get("skills") or []))
        self.load = {wid: int(w.get("caseloadOther") or 0) for wid, w in ck.workers.items()}
        for c in ck.cases.values():
            if c.get("allocatedWorker") in self.load:
                self.load[c["allocatedWorker"]] += 1
        self.alloc = {}
        self.rooms = {}
        self.out_sessions = {}
        self.out_shifts = {hid: [] for hid in ck.shifts}

    def week_minutes(self, st, extra_acts=(), extra_report=None):
        acts = st["acts"] + list(extra_acts)
        weeks = [0] * ((self.days + 6) // 7)
        byday = {}
        for a in acts:
            if a["blocking"]:
                byday.setdefault(a["day"], []).append(a)
            weeks[a["day"] // 7] += a["minutes"]
        rep = dict(st["report"])
        if extra_report:
            rep[extra_report[0]] = rep.get(extra_report[0], 0) + extra_report[1]
        for d, m in rep.items():
            weeks[d // 7] += m
        base = st["w"].get("base")
        for d, lst in byday.items():
            lst.sort(key=lambda x: (x["start"], x["end"]))
            p = base
            for a in lst:
                weeks[d // 7] += self.ck.travel(p, a["sp"])
                p = a["ep"]
            weeks[d // 7] += self.ck.travel(p, base)
        return weeks

    def ok(self, wid, new, report=None, shift_type=None):
        st = self.state[wid]
        ck = self.ck
        w = st["w"]
        if not (0 <= new["day"] < self.days):
            return False
        for uf, ut in st["un"]:
            if new["start"] < ut and uf < new["end"]:
                return False
        if new["blocking"]:
            if not refcheck.inside_one(st["av"], new["start"], new["end"]):
                return False
            for a in st["acts"]:
                if not a["blocking"]:
                    continue
                A, B = (a, new) if (a["start"], a["end"]) <= (new["start"], new["end"]) else (new, a)
                # generous: 15 minutes buffer besides travel
                if B["start"] < A["end"] + ck.travel(A["ep"], B["sp"]) + 15:
                    return False
                if B["day"] != A["day"] and B["start"] - A["end"] < self.minrest + 30:
                    return False
        if shift_type is not None:
            if sum(1 for s in st["shifts"] if s["day"] == new["day"]) >= int(ck.rules["maxShiftsPerDay"]):
                return False
            lim = (w.get("maxShifts") or {}).get(shift_type)
            if lim is not None and sum(1 for s in st["shifts"] if s["type"] == shift_type) >= lim:
                return False
            for s in st["shifts"]:
                if s["day"] == new["day"] - 1 and shift_type in (ck.stypes[s["type"]].get("cannotFollow") or []):
                    return False
                if s["day"] == new["day"] + 1 and s["type"] in (ck.stypes[shift_type].get("cannotFollow") or []):
                    return False
        # consecutive days and weekends
        days = set(st["days"]) | {new["day"]}
        run = 0
        for d in range(self.days):
            run = run + 1 if d in days else 0
            if run > int(nz(w.get("maxConsecutiveDays"), self.maxc)):
                return False
        if w.get("maxWeekends") is not None:
            we = {d - ((self.start + dt.timedelta(days=d)).weekday() - 5) for d in days
                  if (self.start + dt.timedelta(days=d)).weekday() >= 5}
            if len(we) + int((w.get("history") or {}).get("weekendsWorked") or 0) > int(w["maxWeekends"]):
                return False
        weeks = self.week_minutes(st, [new], report)
        cap = int(nz(w.get("maxMinutes"), ck.rules["maxWeeklyMinutes"]))
        if w.get("contractMinutes") is not None:
            cap = min(cap, int(w["contractMinutes"]) + 60)
        if any(m > cap for m in weeks):
            return False
        if w.get("maxTotalMinutes") is not None and sum(weeks) > int(w["maxTotalMinutes"]):
            return False
        return True

    def add(self, wid, new, report=None):
        st = self.state[wid]
        st["acts"].append(new)
        st["days"][new["day"]] = st["days"].get(new["day"], 0) + 1
        if report:
            st["report"][report[0]] = st["report"].get(report[0], 0) + report[1]
        if new["kind"] == "shift":
            st["shifts"].append(new)

    def shift_act(self, hid, wid):
        ck = self.ck
        h = ck.shifts[hid]
        T = ck.stypes[h["type"]]
        date = dt.date.fromisoformat(h["date"])
        a = self.clock.local(date, nz(T.get("start"), "17:00"))
        place = T.get("location") or self.state[wid]["w"].get("base")
        return dict(kind="shift", type=T["id"], id=hid, start=a, end=a + int(nz(T.get("durationMinutes"), 960)),
                    sp=place, ep=place, day=(date - self.start).days, blocking=not nz(T.get("standby"), True),
                    minutes=int(nz(T.get("countedMinutes"), nz(T.get("durationMinutes"), 960))))

    def session_acts(self, s, ws, t, venue):
        place = self.ck.session_place(s, venue, ws[0])
        dur = int(nz(s.get("durationMinutes"), 90))
        day = self.clock.day_of(t)
        out = []
        for i, wid in enumerate(ws):
            if i == 0 and s.get("transport"):
                frm = s["transport"]["from"]
                a, b = t - self.ck.travel(frm, place), t + dur + self.ck.travel(place, frm)
                sp = ep = frm
            else:
                a, b, sp, ep = t, t + dur, place, place
            out.append(dict(kind="session", id=s["id"], start=a, end=b, sp=sp, ep=ep, day=day,
                            blocking=True, minutes=b - a))
        return out

    def room_ok(self, venue, t, dur):
        if venue is None:
            return True
        V = self.ck.venues[venue]
        if V.get("open") is not None:
            ow = self.ck.weekly(V["open"], venue)
            if not refcheck.inside_one(ow, t, t + dur):
                return False
        uses = self.rooms.get(venue, [])
        rooms = int(nz(V.get("rooms"), 1))
        pts = sorted({t} | {a for a, b in uses if t <= a < t + dur})
        return all(sum(1 for a, b in uses if a <= p < b) + 1 <= rooms for p in pts)

    def place_session(self, s, ws, t, venue):
        acts = self.session_acts(s, ws, t, venue)
        day = acts[0]["day"]
        for i, (wid, act) in enumerate(zip(ws, acts)):
            self.add(wid, act, (day, int(s.get("reportMinutes") or 0)) if i == 0 else None)
        dur = int(nz(s.get("durationMinutes"), 90))
        if venue is not None:
            self.rooms.setdefault(venue, []).append((t, t + dur))
        self.out_sessions[s["id"]] = {"id": s["id"], "workers": ws, "start": self.fmt(t), "venue": venue}
        cid = s.get("case")
        case = self.ck.cases[cid]
        if case.get("allocatedWorker") is None and cid not in self.alloc:
            self.alloc[cid] = ws[0]
            self.load[ws[0]] += 1

    def fmt(self, t):
        d = self.clock.day_of(t)
        date = self.start + dt.timedelta(days=d)
        m = t - self.clock.day_start(d)
        # wall clock: convert via zone
        utc = self.clock.utc0 + dt.timedelta(minutes=t)
        local = utc.astimezone(self.clock.tz)
        return local.strftime("%Y-%m-%dT%H:%M")

    def try_session(self, s):
        ck = self.ck
        case = ck.cases[s["case"]]
        need = int(nz(s.get("workersNeeded"), 1))
        skills = set(s.get("requiredSkills") or []) | set(case.get("needsSkills") or [])
        dur = int(nz(s.get("durationMinutes"), 90))
        aw = case.get("allocatedWorker") or self.alloc.get(case["id"])
        pref = s.get("preferredWorkers") or []
        county_base = ck.workers[aw]["base"] if aw in ck.workers else None
        vlist = s.get("venues") or [None]
        cands = [w for w in ck.workers if skills <= self.state[w]["skills"]
                 and w not in (case.get("excludedWorkers") or [])]
        if county_base is None and vlist[0] is not None:
            # workers of the venue's county: nearest office
            vloc = ck.venues[vlist[0]]["location"]
            cands.sort(key=lambda w: ck.travel(ck.workers[w]["base"], vloc))
            cands = cands[:40]
        else:
            cands = [w for w in cands if county_base is None or ck.workers[w]["base"] == county_base]
        cands.sort(key=lambda w: (w != aw, w not in pref, sum(self.state[w]["days"].values())))
        for win in s.get("windows") or []:
            a = self.clock.instant(win["from"])
            b = self.clock.instant(win["to"])
            t = a + (-a) % 15
            while t + dur <= b:
                # wall-clock grid: check
                if int(self.fmt(t)[-2:]) % int(ck.slot) == 0:
                    for venue in vlist:
                        if not self.room_ok(venue, t, dur):
                            continue
                        for lead in cands:
                            if s.get("transport") and "driver" not in self.state[lead]["skills"]:
                                continue
                            if aw is None and self.load[lead] >= int(nz(ck.workers[lead].get("caseloadCap"), 10 ** 9)):
                                continue
                            team = [lead]
                            for o in cands:
                                if len(team) == need:
                                    break
                                if o != lead:
                                    team.append(o)
                            if len(team) < need:
                                continue
                            # find teammates that fit
                            team = [lead]
                            acts = self.session_acts(s, [lead] + [None] * (need - 1), t, venue) \
                                if need > 1 else self.session_acts(s, [lead], t, venue)
                            day = acts[0]["day"]
                            if not self.ok(lead, acts[0], (day, int(s.get("reportMinutes") or 0))):
                                continue
                            for o in cands:
                                if len(team) == need:
                                    break
                                if o != lead and self.ok(o, acts[1]):
                                    team.append(o)
                            if len(team) == need:
                                self.place_session(s, team, t, venue)
                                return True
                t += 15
        return False

    def solve(self):
        ck = self.ck
        sc = self.sc
        # pinned and frozen things first
        frozen_s, frozen_h = {}, {}
        base = sc.get("baseline")
        if base and sc.get("freezeBefore"):
            fb = self.clock.instant(sc["freezeBefore"])
            for e in base.get("sessions") or []:
                if not e.get("unassigned") and e.get("workers") and self.clock.instant(e["start"]) < fb:
                    frozen_s[e["id"]] = e
            for e in base.get("shifts") or []:
                h = ck.shifts.get(e["id"])
                if h and self.shift_act(e["id"], ck.workers and next(iter(ck.workers)))["start"] < fb:
                    frozen_h[e["id"]] = e.get("workers") or []
        for s in ck.sessions.values():
            e = s.get("pinned") or frozen_s.get(s["id"])
            if e:
                self.place_session(s, list(e["workers"]), self.clock.instant(e["start"]), e.get("venue") or None)
        for hid, h in ck.shifts.items():
            for wid in frozen_h.get(hid, []) + [p for p in (h.get("pinnedWorkers") or []) if p not in frozen_h.get(hid, [])]:
                self.add(wid, self.shift_act(hid, wid))
                self.out_shifts[hid].append(wid)
        # shifts: fill up to required, scarce skills first, fewest counts first
        order = sorted(ck.shifts, key=lambda hid: (ck.shifts[hid]["type"] != "WD", ck.shifts[hid]["date"]))
        for hid in order:
            h = ck.shifts[hid]
            if hid in frozen_h:
                continue
            req = set(h.get("requiredSkills") or [])
            T = h["type"]
            team = hid.split("-")[1] if hid.count("-") >= 4 else None
            cands = [w for w in ck.workers if req <= self.state[w]["skills"] and w not in self.out_shifts[hid]]
            if team and any(ck.workers[w].get("base") == "office-" + team for w in cands):
                cands = [w for w in cands if ck.workers[w].get("base") == "office-" + team]
            cands.sort(key=lambda w: (int(((ck.workers[w].get("history") or {}).get("shiftCounts") or {}).get(T, 0))
                                      + sum(1 for x in self.state[w]["shifts"] if x["type"] == T), w))
            want = min(int(nz(h.get("required"), 1)), int(nz(h.get("max"), 1)))
            for wid in cands:
                if len(self.out_shifts[hid]) >= want:
                    break
                act = self.shift_act(hid, wid)
                if self.ok(wid, act, shift_type=T):
                    self.add(wid, act)
                    self.out_shifts[hid].append(wid)
        # sessions
        rest = [s for s in ck.sessions.values() if s["id"] not in self.out_sessions]
        rest.sort(key=lambda s: (not s.get("mandatory"), -int(nz(s.get("priority"), 1)),
                                 len(s.get("windows") or []), s["id"]))
        for s in rest:
            self.try_session(s)
        return self.document()

    def document(self):
        ck = self.ck
        sessions = [self.out_sessions.get(sid, {"id": sid, "unassigned": True}) for sid in ck.sessions]
        for e in sessions:
            if e.get("venue") is None and not e.get("unassigned"):
                e.pop("venue", None)
        return {"format": "rota-solution/1", "scenario": self.sc.get("name"), "status": "feasible",
                "solver": "reference-greedy", "objective": 0, "bound": None, "seconds": 0,
                "terms": {}, "sessions": sessions,
                "shifts": [{"id": hid, "workers": self.out_shifts[hid]} for hid in ck.shifts],
                "allocations": [{"case": c, "worker": w} for c, w in self.alloc.items()]}


def nz(v, d):
    return d if v is None else v


def restate(sc, sol):
    res, _ = refcheck.check(sc, sol)
    sol["objective"] = res["objective"]
    sol["terms"] = res["terms"]
    return res


def solve(sc, rnd=None):
    rnd = rnd or random.Random(0)
    g = Greedy(sc)
    sol = g.solve()
    g.repairs = 0
    # Repair: the greedy is conservative, but whatever refcheck still objects to
    # is unassigned again (never pinned or frozen sessions).  Counted in
    # sol["repairs"] so tests can see how often the greedy alone was wrong.
    keep = {s["id"] for s in sc["sessions"] if s.get("pinned")}
    for _ in range(50):
        res, viol = refcheck.check(sc, sol)
        if not viol:
            break
        live = {e["id"]: e for e in sol["sessions"] if not e.get("unassigned") and e["id"] not in keep}
        bad = set()
        for r, m in viol:
            toks = set(re.findall(r"[A-Za-z0-9_.\-]+", m))
            hit = toks & set(live)
            if hit:
                bad |= hit
            else:
                ws = toks & {w["id"] for w in sc["workers"]}
                mine = [sid for sid, e in live.items() if set(e["workers"]) & ws]
                if mine:
                    bad.add(rnd.choice(mine))
        if not bad:
            break
        for sid in bad:
            e = live[sid]
            e.clear()
            e.update({"id": sid, "unassigned": True})
            g.repairs += 1
    # allocations only for cases that still have a session, or that were chosen anyway
    restate(sc, sol)
    sol["repairs"] = g.repairs
    return sol


# ---------------------------------------------------------------------------- perturb
KINDS = ["offgrid", "outside_window", "wrong_venue", "unknown_venue", "drop_alloc", "empty_shift",
         "overfill_shift", "unskilled_shift", "swap_leads", "double_book", "short_crew", "non_driver",
         "misstate", "unassign", "break_pin", "leave_clash"]


def perturb(sc, sol, rnd, kind=None):
    sol = copy.deepcopy(sol)
    S = {s["id"]: s for s in sc["sessions"]}
    H = {h["id"]: h for h in sc["shifts"]}
    W = {w["id"]: w for w in sc["workers"]}
    C = {c["id"]: c for c in sc["cases"]}
    assigned = [e for e in sol["sessions"] if not e.get("unassigned")]
    slot = sc.get("slotMinutes", 15)

    def shift_start(e, minutes):
        t = dt.datetime.fromisoformat(e["start"]) + dt.timedelta(minutes=minutes)
        e["start"] = t.strftime("%Y-%m-%dT%H:%M")

    held = {sid for sid, x in S.items() if x.get("pinned")}   # pinned or frozen by the baseline
    if sc.get("baseline") and sc.get("freezeBefore"):
        held |= {e["id"] for e in sc["baseline"].get("sessions") or []
                 if not e.get("unassigned") and e.get("start") and e["start"] < sc["freezeBefore"]}

    def options():
        o = {}
        if assigned and slot > 1:
            o["offgrid"] = lambda: one(assigned, lambda e: (shift_start(e, max(1, slot // 3)), e["id"])[1], ["H1"])
        if assigned:
            def outside():
                e = rnd.choice(assigned)
                wfrom = min(x["from"] for x in S[e["id"]]["windows"])
                d = dt.datetime.fromisoformat(wfrom) - dt.timedelta(minutes=2 * slot)
                e["start"] = d.strftime("%Y-%m-%dT%H:%M")
                return e["id"], ["H1"]
            o["outside_window"] = outside
            def unassign():
                e = rnd.choice([x for x in assigned if x["id"] not in held] or assigned)
                sid = e["id"]
                e.clear()
                e.update({"id": sid, "unassigned": True})
                return sid, ["H12"] if sid in held else []
            o["unassign"] = unassign
            o["misstate"] = None
        mv = [e for e in assigned if S[e["id"]].get("venues") and
              [v for v in (x["id"] for x in sc["venues"]) if v not in S[e["id"]]["venues"]]]
        if mv:
            def wrong():
                e = rnd.choice(mv)
                e["venue"] = rnd.choice([v["id"] for v in sc["venues"] if v["id"] not in S[e["id"]]["venues"]])
                return e["id"], ["H1"]
            o["wrong_venue"] = wrong
        if [e for e in assigned if S[e["id"]].get("venues")]:
            def unknown():
                e = rnd.choice([e for e in assigned if S[e["id"]].get("venues")])
                e["venue"] = "fc-nowhere"
                return e["id"], ["H1"]
            o["unknown_venue"] = unknown
        cases_with = {S[e["id"]]["case"] for e in assigned}
        da = [a for a in sol.get("allocations") or [] if a["case"] in cases_with]
        if da:
            def drop():
                a = rnd.choice(da)
                sol["allocations"].remove(a)
                return a["case"], ["H6"]
            o["drop_alloc"] = drop
        es = [e for e in sol["shifts"] if e["workers"] and nz(H[e["id"]].get("min"), 1) >= 1]
        if es:
            o["empty_shift"] = lambda: one(es, lambda e: (e.update(workers=[]), e["id"])[1], ["H11"])
        of = [e for e in sol["shifts"] if len(e["workers"]) >= nz(H[e["id"]].get("max"), 1)]
        if of:
            def overfill():
                e = rnd.choice(of)
                e["workers"] = e["workers"] + [w for w in W if w not in e["workers"]][:1]
                return e["id"], ["H11"]
            o["overfill_shift"] = overfill
        us = [(e, w) for e in sol["shifts"] if e["workers"] for w in W
              if set(H[e["id"]].get("requiredSkills") or []) - set(W[w].get("skills") or []) and w not in e["workers"]]
        if us:
            def unskilled():
                e, w = rnd.choice(us)
                e["workers"][0] = w
                return e["id"], ["H11"]
            o["unskilled_shift"] = unskilled
        if len(assigned) >= 2:
            def swap():
                a, b = rnd.sample(assigned, 2)
                a["workers"][0], b["workers"][0] = b["workers"][0], a["workers"][0]
                return f"{a['id']}<->{b['id']}", []
            o["swap_leads"] = swap
        byw = {}
        for e in assigned:
            byw.setdefault(e["workers"][0], []).append(e)
        pairs = [(l[0], l[1]) for l in byw.values() if len(l) >= 2]
        if pairs:
            def dbl():
                a, b = rnd.choice(pairs)
                b["start"] = a["start"]
                return f"{b['id']} at {a['id']}'s start", ["H4"]
            o["double_book"] = dbl
        sc2 = [e for e in assigned if len(e["workers"]) >= 2]
        if sc2:
            o["short_crew"] = lambda: one(sc2, lambda e: (e["workers"].pop(), e["id"])[1], ["H2"])
        nd = [w for w in W if "driver" not in (W[w].get("skills") or [])]
        tr = [e for e in assigned if S[e["id"]].get("transport")]
        if nd and tr:
            def nondriver():
                e = rnd.choice(tr)
                e["workers"][0] = rnd.choice([w for w in nd if w not in e["workers"][1:]] or nd)
                return e["id"], ["H2"]
            o["non_driver"] = nondriver
        pn = [e for e in assigned if S[e["id"]].get("pinned")]
        if pn:
            o["break_pin"] = lambda: one(pn, lambda e: (shift_start(e, slot), e["id"])[1], ["H12"])
        if assigned:
            def leave():
                e = rnd.choice(assigned)
                return e["id"], ["H3"]
            o["leave_clash"] = leave
        return o

    def one(lst, f, rules):
        e = rnd.choice(lst)
        return f(e), rules

    o = options()
    if kind is None:
        kind = rnd.choice(sorted(o))
    if kind not in o:
        raise SystemExit(f"perturbation {kind} does not apply to this solution (possible: {sorted(o)})")
    scenario_out = None
    if kind == "misstate":
        res = restate(sc, sol)
        sol["objective"] += rnd.choice([-7, 3, 100])
        target, rules = "objective", []
        mismatch = True
    elif kind == "leave_clash":
        # the solution is unchanged; the *scenario* gets a leave over one assignment: prints both
        e = rnd.choice(assigned)
        w = W[e["workers"][-1]]
        t = dt.datetime.fromisoformat(e["start"])
        scenario_out = copy.deepcopy(sc)
        ww = next(x for x in scenario_out["workers"] if x["id"] == w["id"])
        ww.setdefault("unavailable", []).append({"from": t.strftime("%Y-%m-%dT%H:%M"),
                                                 "to": (t + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
                                                 "reason": "appointment"})
        restate(scenario_out, sol)
        target, rules, mismatch = e["id"], ["H3"], False
    else:
        target, rules = o[kind]()
        restate(sc, sol)
        mismatch = False
    sol["perturbation"] = {"kind": kind, "target": target, "expectRules": rules, "expectMismatch": mismatch}
    return sol, scenario_out


# ---------------------------------------------------------------------------- main
def main(argv):
    if argv and argv[0] == "solve":
        with open(argv[1]) as f:
            sc = json.load(f)
        json.dump(solve(sc), sys.stdout, indent=1)
        print()
        return 0
    if argv and argv[0] == "perturb":
        p = argparse.ArgumentParser(prog="gen.py perturb")
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--kind", choices=KINDS)
        p.add_argument("--scenario-out", help="for leave_clash: where to write the changed scenario")
        p.add_argument("scenario")
        p.add_argument("solution")
        a = p.parse_args(argv[1:])
        with open(a.scenario) as f:
            sc = json.load(f)
        with open(a.solution) as f:
            sol = json.load(f)
        out, sc_out = perturb(sc, sol, random.Random(a.seed), a.kind)
        if sc_out is not None:
            path = a.scenario_out or (os.path.splitext(a.solution)[0] + ".scenario.json")
            with open(path, "w") as f:
                json.dump(sc_out, f, indent=1)
            print(f"changed scenario written to {path}", file=sys.stderr)
        json.dump(out, sys.stdout, indent=1)
        print()
        return 0
    if argv and argv[0] == "gen":
        argv = argv[1:]
    p = argparse.ArgumentParser(prog="gen.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=12)
    p.add_argument("--days", type=int, default=7)
    p.add_argument("--start", default="2026-11-23")
    p.add_argument("--tz", default="Europe/London")
    p.add_argument("--counties", type=int, default=0)
    p.add_argument("--pinned", type=int, default=0)
    p.add_argument("--baseline", action="store_true")
    p.add_argument("--matrix", action="store_true")
    p.add_argument("--rules", action="store_true")
    # A whole county service at the scale the native solver is specified for (600 workers, about 4,000
    # sessions a week, 40 venues): --venues 40 --sessions-per-case 1.8 --rooms 2,3,3,4
    p.add_argument("--venues", type=int, default=0, help="venues over all counties (default: 2 + workers/15 a county, up to its towns)")
    p.add_argument("--sessions-per-case", type=float, default=1.0, help="scales each case's sessions a week (default 1)")
    p.add_argument("--rooms", type=lambda t: [int(x) for x in t.split(",")], default=[1, 2, 2, 3],
                   help="rooms of a venue, drawn from this list (default 1,2,2,3)")
    a = p.parse_args(argv)
    json.dump(generate(a), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
