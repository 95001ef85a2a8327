#!/usr/bin/env python3
"""Write the shipped example scenarios (rota-scenario/1) into examples/.

    python3 Benchmarks/tools/make_examples.py [--out DIR]

Standard library only, fully deterministic: the data are written out by hand
below (no randomness), so re-running the script reproduces the committed files
byte for byte.  Every document is checked against the invariants of
/work/shared/spec/rota-model.md (ids unique and resolvable, windows long enough
and inside the horizon, times on the slot grid, whole minutes, caseloads within
caps, someone eligible for every mandatory session and every shift minimum)
before anything is written; a failed check stops the script with a list of
problems and writes nothing.

All people and families are fictitious.  Place coordinates are approximate town
or village centres in Worcestershire; no real addresses are used.
"""

import argparse
import json
import math
import os
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TZ = "Europe/London"

SPEC_RULES = {"maxWeeklyMinutes": 2880, "minRestMinutes": 660, "maxConsecutiveDays": 6,
              "minConsecutiveDays": 1, "minConsecutiveDaysOff": 1, "maxShiftsPerDay": 1}
SPEC_WEIGHTS = {"unassignedSession": 1000, "unassignedMandatory": 100000, "continuity": 100,
                "preference": 20, "travelMinute": 1, "overtimeMinute": 2, "fairness": 50,
                "change": 200}


def day(start, i):
    """ISO date of day i of a horizon starting at `start` (YYYY-MM-DD)."""
    return (date.fromisoformat(start) + timedelta(days=i)).isoformat()


def at(start, i, hhmm):
    return f"{day(start, i)}T{hhmm}"


def win(start, i, frm, to):
    return {"from": at(start, i, frm), "to": at(start, i, to)}


def loc(id_, name, lat, lon):
    return {"id": id_, "name": name, "lat": lat, "lon": lon}


# ---------------------------------------------------------------------------
# 1. Worcestershire family-time team, one week
# ---------------------------------------------------------------------------

FT_START = "2026-11-23"  # Monday; week 48

OFFICES = [
    ("office-worcester", "Worcester office (County Hall)", 52.1849, -2.1826),
    ("office-redditch", "Redditch office", 52.3066, -1.9431),
    ("office-kidderminster", "Kidderminster office", 52.3875, -2.2484),
    ("office-malvern", "Malvern office", 52.1114, -2.3263),
    ("office-evesham", "Evesham office", 52.0920, -1.9465),
    ("office-bromsgrove", "Bromsgrove office", 52.3353, -2.0579),
]

# venue id, location id, name, lat, lon, rooms, weekday hours, Saturday hours (None: closed)
CENTRES = [
    ("fc-worcester", "loc-fc-worcester", "Family Time Centre, Worcester", 52.1967, -2.2236, 3,
     ("09:00", "20:00"), ("09:00", "13:00")),
    ("fc-redditch", "loc-fc-redditch", "Family Time Centre, Redditch", 52.3110, -1.9360, 2,
     ("09:00", "20:00"), ("09:00", "13:00")),
    ("fc-kidderminster", "loc-fc-kidderminster", "Family Time Centre, Kidderminster", 52.3840,
     -2.2410, 2, ("09:00", "19:30"), ("09:00", "12:30")),
    ("fc-evesham", "loc-fc-evesham", "Family Time Centre, Evesham", 52.0950, -1.9420, 1,
     ("09:30", "19:30"), None),
    ("fc-malvern", "loc-fc-malvern", "Family Time Centre, Malvern", 52.1190, -2.3210, 1,
     ("09:00", "19:30"), ("09:30", "12:30")),
]

# Carers' homes: one per case, named by town or village only.
HOMES = {
    "c01": ("Droitwich Spa", 52.2670, -2.1530),
    "c02": ("Pershore", 52.1115, -2.0775),
    "c03": ("Stourport-on-Severn", 52.3395, -2.2800),
    "c04": ("Tenbury Wells", 52.3105, -2.5960),
    "c05": ("Alvechurch", 52.3520, -1.9650),
    "c06": ("Upton-upon-Severn", 52.0640, -2.2170),
    "c07": ("Broadway", 52.0380, -1.8590),
    "c08": ("Bewdley", 52.3760, -2.3160),
    "c09": ("Hagley", 52.4250, -2.1370),
    "c10": ("Ombersley", 52.2710, -2.2290),
    "c11": ("Callow End", 52.1480, -2.2360),
    "c12": ("Inkberrow", 52.2130, -1.9810),
    "c13": ("Rubery", 52.3960, -2.0110),
    "c14": ("Kempsey", 52.1410, -2.2130),
    "c15": ("Hartlebury", 52.3330, -2.2320),
    "c16": ("Bredon", 52.0300, -2.1150),
    "c17": ("Welland", 52.0570, -2.2900),
    "c18": ("Catshill", 52.3660, -2.0580),
    "c19": ("Wythall", 52.3810, -1.8860),
    "c20": ("Martley", 52.2400, -2.3590),
    "c21": ("Fernhill Heath", 52.2290, -2.1940),
    "c22": ("Badsey", 52.0870, -1.9000),
    "c23": ("Honeybourne", 52.0940, -1.8300),
    "c24": ("Powick", 52.1630, -2.2480),
    "c25": ("Astwood Bank", 52.2560, -1.9370),
    "c26": ("Wolverley", 52.4120, -2.2420),
    "c27": ("Bretforton", 52.0920, -1.8680),
    "c28": ("Great Witley", 52.2830, -2.3630),
    "c29": ("Clifton upon Teme", 52.2620, -2.4230),
    "c30": ("Wychbold", 52.2940, -2.1190),
}

FT_AVAIL = [{"days": WEEKDAYS, "from": "08:00", "to": "20:30"}]
SAT_AM = {"days": ["sat"], "from": "08:30", "to": "13:30"}
WEEKEND = {"days": ["sat", "sun"], "from": "08:30", "to": "17:30"}

# id, name, base, skills, contract, max, availability, caseloadCap, caseloadOther,
# history (weekendsWorked, OC, WD), unavailable, requests
FT_WORKERS = [
    ("w-harriet", "Harriet Venn", "office-worcester", ["driver", "senior", "firstAid"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 12, 9, (1, 6, 2),
     [{"from": "2026-11-26T10:00", "to": "2026-11-26T15:00", "reason": "court: giving evidence"}],
     []),
    ("w-dominic", "Dominic Astley", "office-worcester", ["driver", "senior"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 12, 8, (2, 7, 2),
     [{"from": "2026-11-25T00:00", "to": "2026-11-28T00:00", "reason": "annual leave"}], []),
    ("w-priya", "Priya Castellan", "office-redditch", ["driver", "senior", "firstAid"], 2220, 2520,
     FT_AVAIL + [SAT_AM], 12, 9, (1, 5, 1), [],
     [{"date": "2026-11-25", "shiftType": "OC", "on": False, "weight": 3}]),
    ("w-gareth", "Gareth Pennock", "office-kidderminster", ["driver", "senior"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 12, 10, (0, 8, 1), [],
     [{"date": "2026-11-24", "shiftType": "OC", "on": True, "weight": 1}]),
    ("w-sunita", "Sunita Marlowe", "office-bromsgrove", ["driver", "senior", "bsl"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 12, 8, (1, 5, 0), [], []),
    ("w-owen", "Owen Blakemere", "office-evesham", ["driver", "senior"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 12, 10, (2, 6, 2), [],
     [{"date": "2026-11-27", "shiftType": "OC", "on": False, "weight": 3}]),
    ("w-kasia", "Kasia Wronska-Hale", "office-evesham", ["driver", "firstAid", "polish"], 2220, 2520,
     FT_AVAIL + [SAT_AM], 15, 13, (1, 0, 1), [], []),
    ("w-lewis", "Lewis Fairbairn", "office-worcester", ["firstAid"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 15, 11, (2, 0, 0), [], []),
    ("w-bethan", "Bethan Crowther", "office-kidderminster", ["driver"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 15, 12, (0, 0, 1),
     [{"from": "2026-11-23T00:00", "to": "2026-11-24T00:00", "reason": "annual leave"}],
     [{"date": "2026-11-28", "shiftType": "WD", "on": True, "weight": 2}]),
    ("w-imogen", "Imogen Tregarth", "office-malvern", ["driver", "firstAid"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 15, 12, (2, 0, 2),
     [{"from": "2026-11-24T13:00", "to": "2026-11-24T15:30", "reason": "appointment"}],
     [{"date": "2026-11-29", "on": False, "weight": 2}]),
    ("w-marcus", "Marcus Oduya", "office-redditch", ["driver", "firstAid", "polish"], 2220, 2520,
     FT_AVAIL + [WEEKEND], 15, 13, (2, 0, 1),
     [{"from": "2026-11-26T09:00", "to": "2026-11-26T16:30", "reason": "training: court skills"}],
     []),
]

PT_WORKERS = [
    ("w-ruth", "Ruth Ellingham", "office-malvern", ["driver", "bsl"], 1332, 1480,
     [{"days": ["mon", "tue", "wed"], "from": "08:30", "to": "20:00"}], 9, 6, (0, 0, 0), [], []),
    ("w-nadia", "Nadia Farrant", "office-worcester", ["firstAid"], 1110, 1250,
     [{"days": ["mon", "tue", "thu"], "from": "09:15", "to": "15:15"}], 8, 7, (0, 0, 0), [], []),
    ("w-colin", "Colin Sayer", "office-bromsgrove", ["driver"], 1665, 1850,
     [{"days": ["tue", "wed", "thu", "fri"], "from": "12:00", "to": "20:30"}, SAT_AM], 11, 9,
     (1, 0, 0), [], []),
    ("w-jade", "Jade Whitcombe", "office-kidderminster", ["driver"], 1110, 1250,
     [{"days": ["wed", "thu", "fri"], "from": "13:00", "to": "20:00"}, SAT_AM], 8, 6, (0, 0, 0),
     [], []),
    ("w-ffion", "Ffion Hartland", "office-redditch", ["driver", "firstAid"], 1332, 1480,
     [{"days": ["mon", "thu", "fri"], "from": "08:30", "to": "20:00"}], 9, 7, (1, 0, 0), [], []),
]

# id, family name, allocated worker, excluded, needsSkills, venues
CASES = [
    ("c01", "Holloway family", "w-harriet", [], [], ["fc-worcester"]),
    ("c02", "Ashdown family", "w-lewis", [], [], ["fc-worcester", "fc-evesham"]),
    ("c03", "Brennan family", "w-bethan", [], [], ["fc-kidderminster"]),
    ("c04", "Pargeter family", "w-gareth", [], [], ["fc-kidderminster"]),
    ("c05", "Quenby family", "w-priya", [], [], ["fc-redditch"]),
    ("c06", "Dellow family", "w-imogen", [], [], ["fc-malvern"]),
    ("c07", "Fairclough family", "w-owen", [], [], ["fc-evesham"]),
    ("c08", "Merriman family", None, [], [], ["fc-kidderminster"]),
    ("c09", "Tolland family", "w-jade", [], [], ["fc-kidderminster"]),
    ("c10", "Ravensworth family", "w-dominic", [], [], ["fc-worcester"]),
    ("c11", "Kilbride family", "w-ruth", [], ["bsl"], ["fc-malvern", "fc-worcester"]),
    ("c12", "Sandercock family", "w-marcus", ["w-colin"], [], ["fc-redditch", "fc-worcester"]),
    ("c13", "Wyatt-Lomas family", "w-ffion", [], [], ["fc-redditch"]),
    ("c14", "Penhaligon family", "w-nadia", [], [], ["fc-worcester"]),
    ("c15", "Draycott family", None, [], [], ["fc-kidderminster", "fc-worcester"]),
    ("c16", "Harcombe family", "w-kasia", [], [], ["fc-evesham"]),
    ("c17", "Yelland family", "w-imogen", ["w-ruth"], [], ["fc-malvern"]),
    ("c18", "Mostyn family", "w-sunita", [], [], ["fc-redditch"]),
    ("c19", "Catterall family", "w-colin", [], [], ["fc-redditch"]),
    ("c20", "Bellingham family", "w-harriet", [], [], ["fc-worcester"]),
    ("c21", "Ferris family", "w-lewis", [], [], ["fc-worcester"]),
    ("c22", "Nowicki family", "w-kasia", [], ["polish"], ["fc-evesham"]),
    ("c23", "Grabowski family", None, [], [], ["fc-evesham"]),
    ("c24", "Oyelaran family", "w-harriet", [], [], ["fc-malvern", "fc-worcester"]),
    ("c25", "Stannard family", "w-marcus", [], [], ["fc-redditch"]),
    ("c26", "Whitlock family", "w-gareth", [], [], ["fc-kidderminster"]),
    ("c27", "Gorringe family", "w-owen", [], [], ["fc-evesham"]),
    ("c28", "Brackley family", None, [], ["firstAid"], ["fc-kidderminster", "fc-worcester"]),
    ("c29", "Chalcott family", None, [], [], ["fc-worcester", "fc-malvern"]),
    ("c30", "Lindqvist family", "w-dominic", ["w-priya"], [], ["fc-worcester", "fc-redditch"]),
]

AS = ("15:30", "19:30")    # after school, weekdays
U5 = ("09:30", "14:30")    # daytime, under-fives
SAT = ("09:00", "13:00")   # Saturday morning

# case, suffix, [(day index, window)], duration, transport?, report, extra options
#   options: n (workersNeeded), skills (requiredSkills), mand (mandatory), pri, pref,
#            venues (override the case's venues; [] = no venue)
SESSIONS = [
    ("c01", "mon", [(0, U5)], 90, True, 45, {"mand": True}),
    ("c01", "wed", [(2, U5)], 90, True, 45, {"mand": True}),
    ("c01", "fri", [(4, U5)], 90, True, 45, {"mand": True}),
    ("c02", "tue", [(1, AS)], 120, False, 45, {"pri": 2}),
    ("c02", "fri", [(4, AS)], 90, False, 30, {"pri": 3}),
    ("c03", "wed", [(2, AS)], 120, True, 60, {"n": 2, "mand": True}),
    ("c03", "sat", [(5, SAT)], 120, True, 45, {"pri": 2}),
    ("c04", "thu", [(3, AS), (4, AS)], 90, True, 45, {}),
    ("c05", "mon", [(0, AS)], 90, True, 45, {"mand": True}),
    ("c05", "thu", [(3, AS)], 90, True, 45, {"mand": True}),
    ("c06", "tue", [(1, AS)], 120, True, 45, {}),
    ("c06", "sat", [(5, SAT)], 90, True, 30, {"pri": 2}),
    ("c07", "tue", [(1, U5)], 120, True, 45, {"mand": True}),
    ("c07", "thu", [(3, U5)], 120, True, 45, {"mand": True}),
    ("c08", "fri", [(4, AS)], 90, False, 30, {"pri": 3}),
    ("c09", "wed", [(2, AS), (4, AS)], 60, True, 30, {"pri": 2}),
    ("c10", "thu", [(3, AS)], 90, True, 45, {"pref": ["w-dominic", "w-harriet"]}),
    ("c10", "sat", [(5, SAT)], 90, True, 30, {"pri": 2, "pref": ["w-dominic", "w-harriet"]}),
    ("c11", "mon", [(0, AS)], 90, False, 45, {"mand": True, "pref": ["w-ruth", "w-sunita"]}),
    ("c11", "wed", [(2, AS), (3, AS)], 90, False, 45, {"mand": True, "pref": ["w-ruth", "w-sunita"]}),
    ("c12", "tue", [(1, AS)], 120, True, 45, {}),
    ("c12", "fri", [(3, AS), (4, AS)], 90, True, 30, {"pri": 2}),
    ("c13", "mon", [(0, AS)], 90, True, 45, {}),
    ("c13", "sat", [(5, SAT)], 120, True, 45, {"mand": True}),
    ("c14", "mon", [(0, U5)], 60, False, 30, {"mand": True, "pref": ["w-nadia"]}),
    ("c14", "tue", [(1, U5)], 90, False, 30, {"mand": True, "pref": ["w-nadia"]}),
    ("c14", "thu", [(3, U5)], 90, False, 30, {"mand": True, "pref": ["w-nadia"]}),
    ("c15", "thu", [(3, AS)], 120, True, 60, {"n": 2, "mand": True}),
    ("c16", "wed", [(2, AS), (1, AS)], 90, True, 45, {"pri": 2}),
    ("c17", "mon", [(0, AS)], 90, True, 30, {"pri": 2}),
    ("c17", "thu", [(3, AS)], 120, True, 45, {}),
    ("c18", "mon", [(0, AS)], 90, False, 45, {}),
    ("c18", "fri", [(4, AS)], 90, False, 45, {"pri": 2}),
    ("c18", "sat", [(5, SAT)], 90, False, 30, {"pri": 3}),
    ("c19", "wed", [(2, AS), (3, AS)], 120, True, 45, {}),
    ("c20", "tue", [(1, AS)], 90, True, 45, {}),
    ("c20", "sat", [(5, SAT)], 120, True, 60, {"n": 2}),
    ("c21", "tue", [(1, U5)], 90, False, 45, {"mand": True}),
    ("c21", "fri", [(4, U5)], 90, False, 45, {"mand": True}),
    ("c22", "mon", [(0, AS)], 90, True, 45, {"mand": True}),
    ("c22", "thu", [(3, AS)], 90, True, 45, {}),
    ("c23", "fri", [(4, AS)], 90, True, 45, {"pri": 2, "pref": ["w-kasia"]}),
    ("c24", "wed", [(2, AS)], 120, False, 45, {"pri": 2}),
    ("c25", "tue", [(1, U5)], 90, True, 45, {"mand": True}),
    ("c25", "thu", [(3, U5)], 90, True, 45, {"mand": True}),
    ("c26", "mon", [(0, AS)], 90, True, 45, {}),
    ("c26", "sun", [(6, ("11:00", "16:00"))], 120, True, 45, {"pri": 2, "venues": []}),
    ("c27", "tue", [(1, AS)], 120, False, 45, {"mand": True}),
    ("c27", "thu", [(3, AS)], 90, False, 30, {"pri": 2}),
    ("c28", "wed", [(2, AS)], 180, True, 60, {"n": 2}),
    ("c29", "thu", [(3, AS), (4, AS)], 90, True, 45, {"pri": 3}),
    ("c30", "mon", [(0, AS)], 120, True, 60, {"mand": True}),
    ("c30", "wed", [(2, ("16:00", "19:30"))], 60, False, 30, {"pri": 3}),
    ("c05", "sat", [(5, SAT)], 90, True, 30, {"pri": 2}),
    ("c08", "mon", [(0, AS)], 90, False, 30, {"pri": 2}),
    ("c09", "sat", [(5, SAT)], 60, True, 30, {"pri": 3}),
    ("c15", "mon", [(0, AS)], 120, True, 60, {"n": 2}),
    ("c23", "tue", [(1, AS)], 90, True, 45, {"pri": 2, "pref": ["w-kasia"]}),
    ("c28", "sat", [(5, SAT)], 120, True, 60, {"n": 2, "pri": 3}),
]


def family_time_week():
    s = FT_START
    locations = [loc(*o) for o in OFFICES]
    venues = []
    for vid, lid, name, lat, lon, rooms, wk, sat in CENTRES:
        locations.append(loc(lid, name, lat, lon))
        open_ = [{"days": WEEKDAYS, "from": wk[0], "to": wk[1]}]
        if sat:
            open_.append({"days": ["sat"], "from": sat[0], "to": sat[1]})
        venues.append({"id": vid, "location": lid, "rooms": rooms, "open": open_})
    for cid, (place, lat, lon) in HOMES.items():
        locations.append(loc(f"home-{cid}", f"Carer's home, {place}", lat, lon))

    workers = []
    for row, pt in [(r, False) for r in FT_WORKERS] + [(r, True) for r in PT_WORKERS]:
        (wid, name, base, skills, contract, mx, avail, cap, other, hist, unav, reqs) = row
        senior = "senior" in skills
        wd_ok = "driver" in skills
        w = {"id": wid, "name": name, "skills": skills, "base": base,
             "contractMinutes": contract, "maxMinutes": mx, "minMinutes": 0,
             "availability": avail, "unavailable": unav,
             "caseloadCap": cap, "caseloadOther": other,
             "maxShifts": {"OC": 2 if senior else 0, "WD": 1 if wd_ok else 0},
             "maxWeekends": 2,
             "history": {"weekendsWorked": hist[0],
                         "shiftCounts": {"OC": hist[1], "WD": hist[2]}},
             "requests": reqs}
        workers.append(w)

    cases = []
    case_venues = {}
    for cid, fam, alloc, excl, needs, vs in CASES:
        cases.append({"id": cid, "name": fam, "allocatedWorker": alloc,
                      "excludedWorkers": excl, "needsSkills": needs})
        case_venues[cid] = vs

    sessions = []
    for cid, suffix, wins, dur, transport, report, o in SESSIONS:
        sess = {"id": f"s-{cid}-{suffix}", "case": cid, "durationMinutes": dur,
                "windows": [win(s, d, a, b) for d, (a, b) in wins],
                "venues": o.get("venues", case_venues[cid]),
                "workersNeeded": o.get("n", 1), "requiredSkills": o.get("skills", [])}
        if transport:
            sess["transport"] = {"from": f"home-{cid}"}
        sess.update({"reportMinutes": report, "mandatory": o.get("mand", False),
                     "priority": o.get("pri", 1), "preferredWorkers": o.get("pref", []),
                     "pinned": None})
        sessions.append(sess)

    shift_types = [
        {"id": "OC", "name": "Evening and night on-call (from home)", "start": "17:00",
         "durationMinutes": 960, "countedMinutes": 120, "standby": True, "location": None,
         "cannotFollow": [], "fairness": True},
        {"id": "WD", "name": "Weekend duty (office)", "start": "09:00", "durationMinutes": 480,
         "countedMinutes": 480, "standby": False, "location": "office-worcester",
         "cannotFollow": [], "fairness": True},
    ]
    shifts = []
    for i in range(7):
        shifts.append({"id": f"OC-{day(s, i)}", "type": "OC", "date": day(s, i), "required": 1,
                       "min": 1, "max": 1, "requiredSkills": ["senior"], "underWeight": 5000,
                       "overWeight": 0, "pinnedWorkers": []})
    for i in (5, 6):
        shifts.append({"id": f"WD-{day(s, i)}", "type": "WD", "date": day(s, i), "required": 1,
                       "min": 1, "max": 1, "requiredSkills": ["driver"], "underWeight": 5000,
                       "overWeight": 0, "pinnedWorkers": []})

    travel_matrix = [
        # The A456 over the hills is slower than the straight-line estimate.
        {"from": "home-c04", "to": "loc-fc-kidderminster", "minutes": 38, "km": 29.5},
        {"from": "loc-fc-kidderminster", "to": "home-c04", "minutes": 38, "km": 29.5},
    ]

    return {
        "format": "rota-scenario/1",
        "name": "Worcestershire Family Time, week 48 (23-29 Nov 2026)",
        "timeZone": TZ,
        "horizon": {"start": s, "days": 7},
        "slotMinutes": 15,
        "travel": {"speedKmh": 40, "roadFactor": 1.3},
        "travelMatrix": travel_matrix,
        "rules": dict(SPEC_RULES),
        "weights": dict(SPEC_WEIGHTS),
        "locations": locations,
        "venues": venues,
        "workers": workers,
        "cases": cases,
        "sessions": sessions,
        "shiftTypes": shift_types,
        "shifts": shifts,
        "baseline": None,
        "freezeBefore": None,
    }


# ---------------------------------------------------------------------------
# 2. Adult recovery team, four weeks of early / late / on-call
# ---------------------------------------------------------------------------

RT_START = "2026-11-23"
RT_DAYS = 28


def recovery_team():
    s = RT_START
    locations = [
        loc("loc-hub", "Wyre Forest Recovery Hub, Kidderminster", 52.3862, -2.2452),
        loc("loc-home-rosalind", "Home, Bewdley", 52.3760, -2.3160),
    ]
    venues = [{"id": "hub-group-room", "location": "loc-hub", "rooms": 1,
               "open": [{"days": WEEKDAYS, "from": "08:00", "to": "20:00"}]}]
    all_week = [{"days": ALL_DAYS, "from": "06:30", "to": "21:30"}]
    # id, name, skills, contract, weekly max, min total, max total, availability, OC max,
    # unavailable, requests, history OC, extra fields
    rows = [
        ("w-rosalind", "Rosalind Garrow", ["senior", "driver"], 2220, 2700, 5850, 9900,
         all_week, 7, [],
         [{"date": day(s, 11), "on": False, "weight": 5}], 8, {}),
        ("w-tobias", "Tobias Renshaw", ["senior", "driver"], 2220, 2700, 5850, 9900,
         all_week, 7, [],
         [{"date": day(s, 4), "shiftType": "L", "on": True, "weight": 2}], 6, {}),
        ("w-amara", "Amara Quilter", ["senior", "driver"], 2220, 2700, 4050, 7500,
         all_week, 5,
         [{"from": f"{day(s, 14)}T00:00", "to": f"{day(s, 21)}T00:00", "reason": "annual leave"}],
         [], 7, {}),
        ("w-declan", "Declan Moorcroft", ["senior", "driver"], 2220, 2700, 5850, 9900,
         all_week, 7, [],
         [{"date": day(s, 26), "shiftType": "OC", "on": False, "weight": 3}], 9, {}),
        ("w-yusuf", "Yusuf Allingham", ["senior", "driver"], 2220, 2700, 5850, 9900,
         all_week, 7, [],
         [{"date": day(s, 19), "on": False, "weight": 3},
          {"date": day(s, 20), "on": False, "weight": 3}], 5, {}),
        ("w-hollie", "Hollie Sturridge", ["senior", "driver"], 2220, 2700, 5850, 9900,
         all_week, 7,
         [{"from": f"{day(s, 9)}T09:00", "to": f"{day(s, 9)}T17:00",
           "reason": "training: mental health first aid instructor"}],
         [{"date": day(s, 0), "shiftType": "E", "on": True, "weight": 1},
          {"date": day(s, 7), "shiftType": "E", "on": True, "weight": 1}], 0, {}),
        ("w-maren", "Maren Cobbold", [], 1332, 1480, 3600, 5400,
         [{"days": WEEKDAYS, "from": "06:30", "to": "21:30"}], 0, [], [], 0,
         {"maxConsecutiveDays": 3}),
        ("w-eliot", "Eliot Brassington", ["driver"], 1110, 1350, 2700, 4500,
         all_week, 0,
         [{"from": f"{day(s, 2)}T00:00", "to": f"{day(s, 4)}T00:00", "reason": "annual leave"}],
         [{"date": day(s, 8), "shiftType": "E", "on": True, "weight": 2}], 0,
         {"maxConsecutiveDays": 3}),
    ]
    workers = []
    for (wid, name, skills, contract, mx, mint, maxt, avail, ocmax, unav, reqs, hoc,
         extra) in rows:
        w = {"id": wid, "name": name, "skills": skills,
             "base": "loc-home-rosalind" if wid == "w-rosalind" else "loc-hub",
             "contractMinutes": contract, "maxMinutes": mx, "minMinutes": 0,
             "minTotalMinutes": mint, "maxTotalMinutes": maxt,
             "availability": avail, "unavailable": unav,
             "maxShifts": {"E": 12, "L": 12, "OC": ocmax}, "maxWeekends": 2,
             "history": {"weekendsWorked": 0,
                         "shiftCounts": {"E": 0, "L": 0, "OC": hoc}},
             "requests": reqs}
        w.update(extra)
        workers.append(w)

    shift_types = [
        {"id": "E", "name": "Early", "start": "07:00", "durationMinutes": 450,
         "countedMinutes": 450, "standby": False, "location": "loc-hub",
         "cannotFollow": [], "fairness": False},
        {"id": "L", "name": "Late (home visits)", "start": "13:30", "durationMinutes": 450,
         "countedMinutes": 450, "standby": False, "location": "loc-hub",
         "cannotFollow": ["E"], "fairness": True},
        {"id": "OC", "name": "Night on-call (from home)", "start": "21:00",
         "durationMinutes": 600, "countedMinutes": 60, "standby": True, "location": None,
         "cannotFollow": ["E"], "fairness": True},
    ]
    shifts = []
    for i in range(RT_DAYS):
        d = day(s, i)
        weekend = date.fromisoformat(d).weekday() >= 5
        if weekend:
            e = (1, 1, 2, 300, 100)
            l_ = (1, 1, 1, 300, 200)
        else:
            e = (2, 1, 3, 300, 100)
            l_ = (2, 1, 2, 300, 200)
        for t, (req, mn, mx, uw, ow), skills in [("E", e, []), ("L", l_, ["driver"])]:
            shifts.append({"id": f"{t}-{d}", "type": t, "date": d, "required": req, "min": mn,
                           "max": mx, "requiredSkills": skills, "underWeight": uw,
                           "overWeight": ow, "pinnedWorkers": []})
        shifts.append({"id": f"OC-{d}", "type": "OC", "date": d, "required": 1, "min": 1,
                       "max": 1, "requiredSkills": ["senior"], "underWeight": 5000,
                       "overWeight": 0, "pinnedWorkers": []})

    cases = [{"id": "g-thu", "name": "Thursday recovery group", "allocatedWorker": "w-hollie",
              "excludedWorkers": [], "needsSkills": []}]
    sessions = []
    for wk in range(4):
        i = wk * 7 + 3
        sessions.append({"id": f"s-group-{day(s, i)}", "case": "g-thu", "durationMinutes": 90,
                         "windows": [win(s, i, "14:30", "17:30")], "venues": ["hub-group-room"],
                         "workersNeeded": 1, "requiredSkills": [], "reportMinutes": 30,
                         "mandatory": False, "priority": 2, "preferredWorkers": [],
                         "pinned": None})

    rules = dict(SPEC_RULES)
    rules.update({"maxWeeklyMinutes": 2880, "maxConsecutiveDays": 5, "minConsecutiveDays": 2,
                  "minConsecutiveDaysOff": 2})
    weights = dict(SPEC_WEIGHTS)
    return {
        "format": "rota-scenario/1",
        "name": "Wyre Forest adult recovery team, on-call and shifts, 23 Nov - 20 Dec 2026",
        "timeZone": TZ,
        "horizon": {"start": s, "days": RT_DAYS},
        "slotMinutes": 15,
        "travel": {"speedKmh": 40, "roadFactor": 1.3},
        "rules": rules,
        "weights": weights,
        "locations": locations,
        "venues": venues,
        "workers": workers,
        "cases": cases,
        "sessions": sessions,
        "shiftTypes": shift_types,
        "shifts": shifts,
        "baseline": None,
        "freezeBefore": None,
    }


# ---------------------------------------------------------------------------
# 3. Tiny test scenarios
# ---------------------------------------------------------------------------

def small_base(name, start, days):
    return {"format": "rota-scenario/1", "name": name, "timeZone": TZ,
            "horizon": {"start": start, "days": days}, "slotMinutes": 15,
            "travel": {"speedKmh": 40, "roadFactor": 1.3},
            "rules": dict(SPEC_RULES), "weights": dict(SPEC_WEIGHTS)}


def small_session(sid, case, dur, windows, venues, **kw):
    sess = {"id": sid, "case": case, "durationMinutes": dur, "windows": windows,
            "venues": venues, "workersNeeded": kw.get("n", 1),
            "requiredSkills": kw.get("skills", [])}
    if "transport" in kw:
        sess["transport"] = {"from": kw["transport"]}
    sess.update({"reportMinutes": kw.get("report", 30), "mandatory": kw.get("mand", False),
                 "priority": kw.get("pri", 1), "preferredWorkers": kw.get("pref", []),
                 "pinned": None})
    return sess


def small_worker(wid, name, skills, base, avail=None, **kw):
    w = {"id": wid, "name": name, "skills": skills, "base": base,
         "contractMinutes": kw.get("contract", 2220), "maxMinutes": kw.get("max", 2520)}
    if avail is not None:
        w["availability"] = avail
    w["unavailable"] = kw.get("unavailable", [])
    w.update({k: v for k, v in kw.items() if k not in ("contract", "max", "unavailable")})
    return w


FC_WORC = loc("loc-fc-worcester", "Family Time Centre, Worcester", 52.1967, -2.2236)
OFF_WORC = loc("office-worcester", "Worcester office (County Hall)", 52.1849, -2.1826)
VENUE_WORC = {"id": "fc-worcester", "location": "loc-fc-worcester", "rooms": 2,
              "open": [{"days": ALL_DAYS, "from": "09:00", "to": "20:00"}]}


def tiny():
    d = "2026-11-24"
    doc = small_base("Tiny: two workers, three sessions, one day", d, 1)
    doc.update({
        "locations": [OFF_WORC, FC_WORC],
        "venues": [dict(VENUE_WORC)],
        "workers": [
            small_worker("w-ana", "Ana Pelling", ["driver"], "office-worcester",
                         [{"days": ALL_DAYS, "from": "09:00", "to": "20:00"}]),
            small_worker("w-ben", "Ben Corrie", [], "office-worcester",
                         [{"days": ALL_DAYS, "from": "12:00", "to": "20:00"}]),
        ],
        "cases": [
            {"id": "c1", "name": "Alder family", "allocatedWorker": "w-ana",
             "excludedWorkers": [], "needsSkills": []},
            {"id": "c2", "name": "Birch family", "allocatedWorker": "w-ben",
             "excludedWorkers": [], "needsSkills": []},
            {"id": "c3", "name": "Cedar family", "allocatedWorker": "w-ana",
             "excludedWorkers": [], "needsSkills": []},
        ],
        "sessions": [
            small_session("s1", "c1", 60, [win(d, 0, "10:00", "12:00")], ["fc-worcester"]),
            small_session("s2", "c2", 90, [win(d, 0, "15:30", "18:00")], ["fc-worcester"]),
            small_session("s3", "c3", 60, [win(d, 0, "16:00", "18:00")], ["fc-worcester"],
                          mand=True),
        ],
        "shiftTypes": [], "shifts": [], "baseline": None, "freezeBefore": None,
    })
    return doc


def transport():
    d = "2026-11-25"
    doc = small_base("Transport: the carer's-home pick-up needs a driver", d, 1)
    doc.update({
        "locations": [OFF_WORC, FC_WORC,
                      loc("home-c1", "Carer's home, Droitwich Spa", 52.2670, -2.1530)],
        "venues": [dict(VENUE_WORC)],
        "workers": [
            small_worker("w-cal", "Cal Merrow", [], "office-worcester",
                         [{"days": ALL_DAYS, "from": "09:00", "to": "20:00"}]),
            small_worker("w-dee", "Dee Oakhurst", ["driver"], "office-worcester",
                         [{"days": ALL_DAYS, "from": "09:00", "to": "20:00"}]),
        ],
        "cases": [{"id": "c1", "name": "Elm family", "allocatedWorker": "w-cal",
                   "excludedWorkers": [], "needsSkills": []}],
        "sessions": [
            small_session("s-pickup", "c1", 90, [win(d, 0, "15:30", "19:30")],
                          ["fc-worcester"], transport="home-c1", report=45),
        ],
        "shiftTypes": [], "shifts": [], "baseline": None, "freezeBefore": None,
    })
    return doc


def dst(name, start):
    """Two days from a clock-change Sunday; a night duty from local midnight on the Sunday."""
    doc = small_base(name, start, 2)
    everyday = [{"days": ALL_DAYS, "from": "00:00", "to": "24:00"}]
    doc.update({
        "locations": [OFF_WORC, FC_WORC],
        "venues": [dict(VENUE_WORC)],
        "workers": [
            small_worker("w-fay", "Fay Linden", ["driver", "senior"], "office-worcester",
                         everyday),
            small_worker("w-gil", "Gil Harrow", ["driver", "senior"], "office-worcester",
                         everyday),
        ],
        "cases": [{"id": "c1", "name": "Fir family", "allocatedWorker": "w-fay",
                   "excludedWorkers": [], "needsSkills": []},
                  {"id": "c2", "name": "Hazel family", "allocatedWorker": "w-gil",
                   "excludedWorkers": [], "needsSkills": []}],
        "sessions": [
            small_session("s-sun-am", "c1", 120, [win(start, 0, "09:00", "12:00")],
                          ["fc-worcester"]),
            small_session("s-sun-pm", "c2", 90, [win(start, 0, "14:00", "17:00")],
                          ["fc-worcester"]),
            small_session("s-mon-as", "c1", 90, [win(start, 1, "15:30", "19:30")],
                          ["fc-worcester"]),
        ],
        "shiftTypes": [
            {"id": "N", "name": "Night duty (office), from local midnight", "start": "00:00",
             "durationMinutes": 480, "countedMinutes": 480, "standby": False,
             "location": "office-worcester", "cannotFollow": [], "fairness": False},
            {"id": "OC", "name": "Evening and night on-call", "start": "17:00",
             "durationMinutes": 960, "countedMinutes": 120, "standby": True, "location": None,
             "cannotFollow": [], "fairness": True},
        ],
        "shifts": [
            {"id": f"N-{start}", "type": "N", "date": start, "required": 1, "min": 0, "max": 1,
             "requiredSkills": [], "underWeight": 500, "overWeight": 0, "pinnedWorkers": []},
            {"id": f"OC-{start}", "type": "OC", "date": start, "required": 1, "min": 1, "max": 1,
             "requiredSkills": ["senior"], "underWeight": 5000, "overWeight": 0,
             "pinnedWorkers": []},
        ],
        "baseline": None, "freezeBefore": None,
    })
    return doc


def dst_spring():
    return dst("DST spring: 28 Mar 2027 has 23 hours (01:00-02:00 does not exist)", "2027-03-28")


def dst_autumn():
    return dst("DST autumn: 25 Oct 2026 has 25 hours (01:00-02:00 happens twice)", "2026-10-25")


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

FLOAT_KEYS = {"lat", "lon", "km", "speedKmh", "roadFactor"}
DAY_NAMES = set(ALL_DAYS)


class Checker:
    def __init__(self, doc, label):
        self.doc = doc
        self.label = label
        self.problems = []
        self.zone = ZoneInfo(doc["timeZone"])
        self.start = date.fromisoformat(doc["horizon"]["start"])
        self.days = doc["horizon"]["days"]
        self.slot = doc.get("slotMinutes", 15)
        self.t0 = self.utc(self.start, 0)
        self.t_end = (self.utc(self.start + timedelta(days=self.days), 0) - self.t0)

    def fail(self, msg):
        self.problems.append(f"{self.label}: {msg}")

    def utc(self, d, minute):
        """UTC minutes of local date d at minute-of-day (0..1440), rejecting gaps and folds."""
        if minute == 1440:
            d, minute = d + timedelta(days=1), 0
        naive = datetime(d.year, d.month, d.day, minute // 60, minute % 60)
        a = naive.replace(tzinfo=self.zone, fold=0)
        b = naive.replace(tzinfo=self.zone, fold=1)
        if a.utcoffset() != b.utcoffset():
            self.fail(f"local time {naive} is ambiguous or does not exist in {self.zone.key}")
        back = a.astimezone(timezone.utc).astimezone(self.zone).replace(tzinfo=None)
        if back != naive:
            self.fail(f"local time {naive} does not exist")
        return int(a.astimezone(timezone.utc).timestamp()) // 60

    def hhmm(self, s, allow24=True):
        try:
            h, m = s.split(":")
            v = int(h) * 60 + int(m)
        except Exception:
            self.fail(f"bad time {s!r}")
            return 0
        if len(h) != 2 or len(m) != 2 or not (0 <= v <= (1440 if allow24 else 1439)) or int(m) > 59:
            self.fail(f"bad time {s!r}")
        if v % self.slot:
            self.fail(f"time {s} is off the {self.slot}-minute grid")
        return v

    def instant(self, s):
        """Minutes since the horizon's first local midnight."""
        try:
            d, t = s.split("T")
            dd = date.fromisoformat(d)
        except Exception:
            self.fail(f"bad instant {s!r}")
            return 0
        return self.utc(dd, self.hhmm(t)) - self.t0

    def numbers(self, node, path="$"):
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, float) and k not in FLOAT_KEYS:
                    self.fail(f"{path}.{k} = {v} is not a whole number")
                self.numbers(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, float):
                    self.fail(f"{path}[{i}] = {v} is not a whole number")
                self.numbers(v, f"{path}[{i}]")

    def weekly(self, windows, what):
        out = []
        for w in windows:
            if not set(w["days"]) <= DAY_NAMES or not w["days"]:
                self.fail(f"{what}: bad days {w['days']}")
            a, b = self.hhmm(w["from"]), self.hhmm(w["to"])
            if a >= b:
                self.fail(f"{what}: window {w['from']}-{w['to']} is empty")
            out.append((set(w["days"]), a, b))
        return out

    def local_intervals(self, weekly, extra_days=1):
        """Expand weekly windows to horizon-minute intervals (None: always)."""
        if weekly is None:
            return None
        res = []
        for i in range(-extra_days, self.days + extra_days):
            d = self.start + timedelta(days=i)
            name = ALL_DAYS[d.weekday()]
            for days, a, b in weekly:
                if name in days:
                    res.append((self.utc(d, a) - self.t0, self.utc(d, b) - self.t0))
        return res

    def run(self):
        doc = self.doc
        self.numbers(doc)
        if doc.get("format") != "rota-scenario/1":
            self.fail("format is not rota-scenario/1")
        if not doc.get("name"):
            self.fail("no name")
        ids = {}
        for key in ["locations", "venues", "workers", "cases", "sessions", "shiftTypes", "shifts"]:
            seen = set()
            for item in doc.get(key, []):
                if item["id"] in seen:
                    self.fail(f"duplicate id {item['id']} in {key}")
                seen.add(item["id"])
            ids[key] = seen
        locs = {l["id"]: l for l in doc["locations"]}
        for l in doc["locations"]:
            if not (49.5 < l["lat"] < 59.5 and -8.5 < l["lon"] < 2.0):
                self.fail(f"location {l['id']} is not in Great Britain")
        for e in doc.get("travelMatrix", []):
            for k in ("from", "to"):
                if e[k] not in locs:
                    self.fail(f"travelMatrix {k} {e[k]} is not a location")
        venues = {v["id"]: v for v in doc["venues"]}
        venue_open = {}
        for v in doc["venues"]:
            if v["location"] not in locs:
                self.fail(f"venue {v['id']} location {v['location']} unknown")
            if v.get("rooms", 1) < 1:
                self.fail(f"venue {v['id']} has no rooms")
            venue_open[v["id"]] = self.local_intervals(
                self.weekly(v["open"], f"venue {v['id']}") if "open" in v else None)
        workers = {w["id"]: w for w in doc["workers"]}
        types = {t["id"]: t for t in doc["shiftTypes"]}
        skills_held = set()
        avail = {}
        unav = {}
        for w in doc["workers"]:
            if w["base"] not in locs:
                self.fail(f"worker {w['id']} base {w['base']} unknown")
            skills_held |= set(w["skills"])
            if "availability" in w and not w["availability"]:
                self.fail(f"worker {w['id']}: empty availability means never available")
            avail[w["id"]] = self.local_intervals(
                self.weekly(w["availability"], f"worker {w['id']}") if "availability" in w
                else None)
            unav[w["id"]] = []
            for u in w.get("unavailable", []):
                a, b = self.instant(u["from"]), self.instant(u["to"])
                if a >= b:
                    self.fail(f"worker {w['id']}: empty unavailable period")
                unav[w["id"]].append((a, b))
            for t in list(w.get("maxShifts", {})) + list(w.get("history", {}).get("shiftCounts", {})):
                if t not in types:
                    self.fail(f"worker {w['id']}: unknown shift type {t}")
            for r in w.get("requests", []):
                dd = date.fromisoformat(r["date"])
                if not (0 <= (dd - self.start).days < self.days):
                    self.fail(f"worker {w['id']}: request date {r['date']} outside horizon")
                if r.get("shiftType") is not None and r["shiftType"] not in types:
                    self.fail(f"worker {w['id']}: request for unknown type {r['shiftType']}")
            if w.get("maxMinutes") is not None and w.get("contractMinutes") is not None \
                    and w["maxMinutes"] < w["contractMinutes"]:
                self.fail(f"worker {w['id']}: maxMinutes below contractMinutes")
            if w.get("minTotalMinutes", 0) > (w.get("maxTotalMinutes") or 10 ** 9):
                self.fail(f"worker {w['id']}: minTotalMinutes above maxTotalMinutes")

        # Cases and caseloads.
        cases = {c["id"]: c for c in doc["cases"]}
        load = {wid: 0 for wid in workers}
        for c in doc["cases"]:
            a = c.get("allocatedWorker")
            if a is not None:
                if a not in workers:
                    self.fail(f"case {c['id']}: allocated worker {a} unknown")
                else:
                    load[a] += 1
                if a in c.get("excludedWorkers", []):
                    self.fail(f"case {c['id']}: allocated worker is excluded")
            for x in c.get("excludedWorkers", []):
                if x not in workers:
                    self.fail(f"case {c['id']}: excluded worker {x} unknown")
            for sk in c.get("needsSkills", []):
                if sk not in skills_held:
                    self.fail(f"case {c['id']}: nobody has skill {sk}")
        spare = 0
        for wid, w in workers.items():
            cap = w.get("caseloadCap")
            if cap is None:
                spare += 10 ** 6
                continue
            used = w.get("caseloadOther", 0) + load[wid]
            if used > cap:
                self.fail(f"worker {wid}: caseload {used} over cap {cap}")
            spare += cap - used
        unallocated = sum(1 for c in doc["cases"] if c.get("allocatedWorker") is None)
        if unallocated > spare:
            self.fail(f"{unallocated} unallocated cases but only {spare} caseload places")

        # Sessions.
        for s in doc["sessions"]:
            sid = s["id"]
            if s["case"] not in cases:
                self.fail(f"session {sid}: case {s['case']} unknown")
                continue
            case = cases[s["case"]]
            dur = s["durationMinutes"]
            if dur <= 0 or dur % self.slot:
                self.fail(f"session {sid}: duration {dur} not a positive multiple of the slot")
            for v in s.get("venues", []):
                if v not in venues:
                    self.fail(f"session {sid}: venue {v} unknown")
            tr = s.get("transport")
            if tr is not None and tr["from"] not in locs:
                self.fail(f"session {sid}: transport.from {tr['from']} unknown")
            for p in s.get("preferredWorkers", []):
                if p not in workers:
                    self.fail(f"session {sid}: preferred worker {p} unknown")
            if not s["windows"]:
                self.fail(f"session {sid}: no windows")
            wins = []
            for wdw in s["windows"]:
                a, b = self.instant(wdw["from"]), self.instant(wdw["to"])
                if b - a < dur:
                    self.fail(f"session {sid}: window {wdw} shorter than {dur} minutes")
                if a < 0 or b > self.t_end:
                    self.fail(f"session {sid}: window {wdw} outside the horizon")
                wins.append((a, b))
            # Some window fits inside a venue's opening hours.
            fits = []
            for a, b in wins:
                vs = s.get("venues") or [None]
                for v in vs:
                    opens = venue_open.get(v) if v else None
                    if opens is None:
                        fits.append((a, b))
                        continue
                    for oa, ob in opens:
                        lo, hi = max(a, oa), min(b, ob)
                        if hi - lo >= dur:
                            fits.append((lo, hi))
            if not fits:
                self.fail(f"session {sid}: no window fits any venue's opening hours")
            need = set(s.get("requiredSkills", [])) | set(case.get("needsSkills", []))
            for sk in need:
                if sk not in skills_held:
                    self.fail(f"session {sid}: nobody has skill {sk}")
            eligible = []
            for wid, w in workers.items():
                if not need <= set(w["skills"]) or wid in case.get("excludedWorkers", []):
                    continue
                ok = False
                for a, b in fits:
                    for wa, wb in (avail[wid] if avail[wid] is not None else [(a, b)]):
                        lo, hi = max(a, wa), min(b, wb)
                        if hi - lo >= dur and not any(ua < hi and lo < ub for ua, ub in unav[wid]
                                                      if ua <= lo and hi <= ub):
                            ok = True
                if ok:
                    eligible.append(wid)
            n = s.get("workersNeeded", 1)
            if len(eligible) < n:
                self.fail(f"session {sid}: {len(eligible)} eligible workers, needs {n}")
            if tr is not None and not any("driver" in workers[x]["skills"] for x in eligible):
                self.fail(f"session {sid}: transport but no eligible driver")
            if s.get("priority", 1) < 1:
                self.fail(f"session {sid}: priority below 1")

        # Shift types and shifts.
        for t in doc["shiftTypes"]:
            if t.get("location") is not None and t["location"] not in locs:
                self.fail(f"shift type {t['id']}: location {t['location']} unknown")
            self.hhmm(t["start"], allow24=False)
            for u in t.get("cannotFollow", []):
                if u not in types:
                    self.fail(f"shift type {t['id']}: cannotFollow {u} unknown")
            if t.get("countedMinutes", t["durationMinutes"]) > t["durationMinutes"]:
                self.fail(f"shift type {t['id']}: countedMinutes above durationMinutes")
        demand = []
        for sh in doc["shifts"]:
            if sh["type"] not in types:
                self.fail(f"shift {sh['id']}: type {sh['type']} unknown")
                continue
            dd = date.fromisoformat(sh["date"])
            i = (dd - self.start).days
            if not 0 <= i < self.days:
                self.fail(f"shift {sh['id']}: date outside horizon")
            if not sh["min"] <= sh["required"] <= sh["max"]:
                self.fail(f"shift {sh['id']}: not min <= required <= max")
            for p in sh.get("pinnedWorkers", []):
                if p not in workers:
                    self.fail(f"shift {sh['id']}: pinned worker {p} unknown")
            t = types[sh["type"]]
            a = self.utc(dd, self.hhmm(t["start"])) - self.t0
            b = a + t["durationMinutes"]
            ok = []
            for wid, w in workers.items():
                if not set(sh.get("requiredSkills", [])) <= set(w["skills"]):
                    continue
                if w.get("maxShifts", {}).get(sh["type"], 1) == 0:
                    continue
                if any(ua < b and a < ub for ua, ub in unav[wid]):
                    continue
                if not t.get("standby") and avail[wid] is not None and \
                        not any(wa <= a and b <= wb for wa, wb in avail[wid]):
                    continue
                if dd.weekday() >= 5 and w.get("maxWeekends") is not None and \
                        w.get("history", {}).get("weekendsWorked", 0) >= w["maxWeekends"]:
                    continue
                ok.append(wid)
            if len(ok) < sh["min"]:
                self.fail(f"shift {sh['id']}: {len(ok)} eligible workers, min {sh['min']}")
            demand.append((sh, i, ok))
        self.shift_flow(demand, workers)
        return self.problems

    def shift_flow(self, demand, workers):
        """Can every shift get its `min` workers, one shift a worker a day, within maxShifts?"""
        per_day = self.doc.get("rules", {}).get("maxShiftsPerDay", 1)
        graph = {}

        def add(u, v, c):
            graph.setdefault(u, {}).setdefault(v, 0)
            graph[u][v] += c
            graph.setdefault(v, {}).setdefault(u, 0)

        total = 0
        for sh, i, ok in demand:
            if sh["min"] == 0:
                continue
            total += sh["min"]
            add("src", ("s", sh["id"]), sh["min"])
            for wid in ok:
                add(("s", sh["id"]), ("wd", wid, i), 1)
                add(("wd", wid, i), ("wt", wid, sh["type"]), per_day)
        for wid, w in workers.items():
            for t in self.doc["shiftTypes"]:
                node = ("wt", wid, t["id"])
                if node in graph:
                    add(node, "sink", w.get("maxShifts", {}).get(t["id"], 10 ** 6))
        flow = 0
        while True:
            parent = {"src": None}
            queue = ["src"]
            while queue and "sink" not in parent:
                u = queue.pop(0)
                for v, c in graph.get(u, {}).items():
                    if c > 0 and v not in parent:
                        parent[v] = u
                        queue.append(v)
            if "sink" not in parent:
                break
            v = "sink"
            while parent[v] is not None:
                u = parent[v]
                graph[u][v] -= 1
                graph[v][u] += 1
                v = u
            flow += 1
        if flow < total:
            self.fail(f"shift minimums need {total} assignments, only {flow} possible")


# ---------------------------------------------------------------------------

def dumps(node, indent=0, width=100):
    """JSON with one item per line, but any list or object that fits on one line kept inline."""
    flat = json.dumps(node, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(node, (dict, list)) or not node:
        return flat + ("\n" if indent == 0 else "")
    pad = " " * (indent + 2)
    if isinstance(node, dict):
        items = [f"{pad}{json.dumps(k)}: {dumps(v, indent + 2, width).lstrip()}"
                 for k, v in node.items()]
        out = "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    else:
        items = [pad + dumps(v, indent + 2, width) for v in node]
        out = "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    return out + ("\n" if indent == 0 else "")


def outputs():
    return [
        ("family-time-week.json", family_time_week()),
        ("recovery-team-oncall.json", recovery_team()),
        ("small/tiny.json", tiny()),
        ("small/transport.json", transport()),
        ("small/dst-spring.json", dst_spring()),
        ("small/dst-autumn.json", dst_autumn()),
    ]


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.normpath(os.path.join(here, "..", "..", "examples")))
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args(argv)
    docs = outputs()
    problems = []
    for path, doc in docs:
        problems += Checker(doc, path).run()
    # The stated counts of the brief.
    ft = docs[0][1]
    assert len(ft["workers"]) >= 14, "family-time team needs at least 14 workers"
    assert 45 <= len(ft["sessions"]) <= 60, "family-time week needs 45-60 sessions"
    assert len(ft["cases"]) == 30
    assert 7 <= len(docs[1][1]["workers"]) <= 8
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if args.check_only:
        print("all examples pass the self-check")
        return 0
    for path, doc in docs:
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(dumps(doc))
        print(f"wrote {full}: {len(doc['workers'])} workers, {len(doc['sessions'])} sessions, "
              f"{len(doc['shifts'])} shifts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
