#!/usr/bin/env python3
"""Independent reference checker for the rota model, version 1.

Written from /work/shared/spec/rota-model.md alone, as a test oracle for the
Swift checker.  Standard library only (Python 3.11+, zoneinfo).

    python3 refcheck.py SCENARIO.json SOLUTION.json [--explain]

prints one JSON object

    {"valid", "violatedRules", "objective", "terms", "objectiveMismatch", "otherProblems"}

in the shape of the entries of the spec's examples/expected.json.  With
--explain, a human-readable list of every violation found goes to stderr.

INTERPRETATION CHOICES (where the spec is silent or ambiguous)
---------------------------------------------------------------
Time
 T1. Local wall-clock times are converted through the scenario's IANA zone to
     absolute minutes since the horizon's first local midnight.  A local time
     that does not exist (spring-forward gap) is an input error: it is reported
     in otherProblems and then read as the instant the clock would show after
     the gap (fold=0 offset).  An ambiguous time (autumn fall-back) is the first
     occurrence (fold=0).  "24:00" means 00:00 of the next calendar day.
 T2. Session starts are on the grid when the *local wall-clock* minute of the
     day (hh*60+mm) is a multiple of slotMinutes.
 T3. Recurring weekly windows ({days, from, to}: worker availability, venue
     opening) are expanded for every calendar day from one day before the
     horizon to two days after it.  A window whose `to` is not after its `from`
     (e.g. 22:00-06:00) runs over midnight into the next day.  Touching or
     overlapping windows (also those of consecutive days, e.g. mon 18:00-24:00
     and tue 00:00-08:00) are merged into one continuous window before the
     "wholly inside one window" test.  An explicitly empty `availability` list
     means never available (only an omitted one means always available); an
     omitted `open` means always open, an explicitly empty one never open.
 T4. Intervals are half-open [start, end).  "Outside every unavailable period"
     means no overlap of positive length; touching is allowed.
 T5. Days are indexed by local midnights, so a 23/25-hour day is exact.  An
     activity that belongs to a day outside the horizon is reported in
     otherProblems and left out of every day/week based rule (H7-H10, routes).

Activities
 A1. The day of a session (for its transport legs, report minutes, route and
     week) is the day of the session start t, not of the lead's leaving time.
 A2. A session without venues happens at transport.from (if any), otherwise at
     the lead worker's base, for all its workers; its solution entry must then
     give no venue (null/absent/""), otherwise H1.
 A3. A shift's place is its type's location, else the worker's base.
 A4. A worker with no base has no place: legs to/from it count 0 minutes and
     it is reported in otherProblems.

Hard rules
 H1. Checked per assigned session: on grid, inside one window (whole
     [t, t+duration) inside [from, to]), venue in the session's venues.
 H2. Unknown or repeated workers in a session break H2 (and unknown ones are
     also listed in otherProblems).
 H4. Checked for every pair of blocking activities of a worker (not only
     neighbours), ordered by (start, end, then input order).  Two activities
     with the same start are ordered that way and so still need the travel
     gap: two same-start activities of positive length always break H4.
 H5. Open windows as T3; rooms counted over sessions only (transport legs are
     outside the venue), with half-open intervals.  A session at a venue id
     that does not exist is H1 (and otherProblems), not H5.
 H6. The allocated worker of a case is `allocatedWorker`, else the solution's
     allocation.  Every allocation (and every given allocatedWorker) counts
     toward the caseload, with or without sessions.  An allocation for a case
     that already has an allocatedWorker, a repeated allocation, or one naming
     an unknown case/worker is listed in otherProblems (and ignored).  A case
     with an assigned session and no allocated worker breaks H6.
 H7. Weeks are 7-day blocks from horizon.start; a shorter final block is still
     a week and gets the full maxMinutes/minMinutes/contractMinutes.
     Working minutes: every worker of a session gets durationMinutes (the lead
     with transport gets the whole activity, legs included); the lead gets
     reportMinutes; plus the day's route travel; plus countedMinutes of every
     shift (default durationMinutes), each in the week of the day it belongs to.
 H8. Rest applies to pairs of blocking activities (A, B) whose *days* (in the
     belongs-to sense) satisfy day(B) > day(A): B.start - A.end >= minRest.
     cannotFollow applies to all shifts, standby ones included (it is a rule
     on shift types, as the spec writes it), worker on day d then d+1.
 H9. maxShiftsPerDay counts shifts by their date.  maxShifts[T] counts only
     shifts of this solution (history is not added).  A weekend is worked when
     any blocking activity or shift belongs to its Saturday or Sunday; a
     weekend partly outside the horizon (horizon starting on a Sunday, or
     ending on a Saturday) counts when its in-horizon day is worked.
H10. Working day = a day to which at least one blocking activity or at least
     one shift (standby included) belongs; report minutes alone do not make a
     working day.  maxConsecutiveDays applies to every run, including runs
     touching the first or last day of the horizon (days outside the horizon
     are not known and not counted).  minConsecutiveDays and
     minConsecutiveDaysOff exempt runs touching the first or last day.
     Worker values override rules when present and not null.
H11. Workers of a shift are counted distinct; a repeated or unknown worker
     breaks H11 (unknown also in otherProblems).
H12. A pinned session must be assigned with exactly the pinned worker list
     (same order, so the same lead), start and venue.  pinnedWorkers of a
     shift must all be among its workers (others may be added).  With a
     baseline and freezeBefore: every baseline session assignment whose start
     is before freezeBefore must be kept exactly (workers, start, venue), and
     every baseline shift starting (date + type start) before freezeBefore
     must keep exactly the same worker set.  Nothing is frozen without
     freezeBefore.

Objective
 O1. continuity: charged only when the case has an allocated worker (given
     or chosen) and the lead is a different worker; a case with no allocated
     worker is not charged (it is an H6 problem instead) - this is what the
     spec's examples (team-7002 09-drop_alloc) show.
 O2. travel: each worker's route on each working day, base -> start place of
     each blocking activity of that day in (start, end) order, end place ->
     next start place, ..., -> base.  A day with only standby shifts has an
     empty route (0).
 O3. overtime only for workers with contractMinutes; per week as H7.
 O4. fairness: eligible = has every requiredSkills of at least one shift of
     that type in the scenario; no shifts of a type or no eligible workers ->
     0.  Count = history.shiftCounts[T] (default 0) + shifts of T in the
     solution.
 O5. requests: `date`, optional `shiftType` (absent/null = any shift),
     `on` (default false), `weight` (default 3, the value shown in the spec).
 O6. stability: a session absent from the baseline counts as unassigned
     there; a shift absent from the baseline has no workers there.
 O7. Terms and objective are recomputed from the assignments even when the
     solution is invalid (hard-rule violations do not zero anything).
     objectiveMismatch: the stated objective, or any of the nine stated
     terms (a missing one included), differs from the recomputed value.
     valid = no violated rule, no mismatch and no otherProblems.

Defaults (field left out)
 D1. A field left out takes the value shown in the spec's example, except
     the exceptions the spec lists; list-valued fields (skills,
     requiredSkills, needsSkills, excludedWorkers, preferredWorkers,
     cannotFollow, requests, unavailable, pinnedWorkers, travelMatrix) default
     to empty.  So: slotMinutes 15, travel 40 km/h x 1.3, timeZone
     Europe/London, horizon.days 7, priority 1, workersNeeded 1,
     reportMinutes 0, mandatory false, durationMinutes 90, minMinutes 0,
     minTotalMinutes 0, caseloadOther 0, shift required/min/max 1,
     underWeight 1000, overWeight 0, shiftType start 17:00, durationMinutes
     960, countedMinutes = its durationMinutes (the H7 exception), standby
     true, fairness true, location null (worker's base); request on false,
     weight 3, shiftType absent = any shift.  rules/weights entries default
     to the spec's values.  The example's *references and per-person data*
     are not used as defaults: an absent case.allocatedWorker, session
     transport, session pinned means none; absent history means zero
     weekends and zero shift counts; absent worker base means no base
     (reported in otherProblems, legs to it count 0).
"""
import bisect
import datetime as dt
import json
import math
import sys
from zoneinfo import ZoneInfo

TERMS = ["unassigned", "continuity", "preference", "travel", "overtime",
         "fairness", "requests", "cover", "stability"]
DEFAULT_RULES = {"maxWeeklyMinutes": 2880, "minRestMinutes": 660, "maxConsecutiveDays": 6,
                 "minConsecutiveDays": 1, "minConsecutiveDaysOff": 1, "maxShiftsPerDay": 1}
DEFAULT_WEIGHTS = {"unassignedSession": 1000, "unassignedMandatory": 100000, "continuity": 100,
                   "preference": 20, "travelMinute": 1, "overtimeMinute": 2, "fairness": 50,
                   "change": 200}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
EARTH_R = 6371.0088


def nz(v, default):
    return default if v is None else v


class InputError(Exception):
    pass


class Clock:
    """Local wall-clock <-> absolute minutes since the horizon's first local midnight."""

    def __init__(self, tzname, start_date, days, problems):
        self.tz = ZoneInfo(tzname)
        self.problems = problems
        self.start_date = start_date
        self.days = days
        self.utc0 = self._utc(dt.datetime.combine(start_date, dt.time(0, 0)), "horizon start")
        # local midnights from day -2 .. days+3
        self.first_day = -2
        self.midnights = [self.date_minutes(start_date + dt.timedelta(days=i))
                          for i in range(self.first_day, days + 4)]

    def _utc(self, naive, what):
        aware = naive.replace(tzinfo=self.tz, fold=0)
        utc = aware.astimezone(dt.timezone.utc)
        back = utc.astimezone(self.tz).replace(tzinfo=None)
        if back != naive:
            self.problems.append(f"non-existent local time {naive.isoformat(timespec='minutes')} ({what})")
        return utc

    def local(self, date, hhmm, what=""):
        h, m = parse_hhmm(hhmm)
        if h == 24:
            date = date + dt.timedelta(days=1)
            h = 0
        naive = dt.datetime.combine(date, dt.time(h, m))
        return int((self._utc(naive, what) - self.utc0).total_seconds() // 60)

    def date_minutes(self, date):
        return self.local(date, "00:00", "midnight")

    def instant(self, s, what=""):
        if not isinstance(s, str) or "T" not in s:
            raise InputError(f"bad instant {s!r} ({what})")
        d, t = s.split("T", 1)
        return self.local(parse_date(d), t[:5], what)

    def day_of(self, minute):
        """Horizon day index (0-based) of an absolute minute; may be <0 or >= days."""
        i = bisect.bisect_right(self.midnights, minute) - 1
        return i + self.first_day

    def day_start(self, i):
        return self.midnights[i - self.first_day]

    def date_index(self, date):
        return (date - self.start_date).days


def parse_hhmm(s):
    try:
        h, m = s.split(":")
        h, m = int(h), int(m)
    except Exception:
        raise InputError(f"bad time {s!r}")
    if not (0 <= h <= 24 and 0 <= m < 60) or (h == 24 and m != 0):
        raise InputError(f"bad time {s!r}")
    return h, m


def parse_date(s):
    try:
        return dt.date.fromisoformat(s)
    except Exception:
        raise InputError(f"bad date {s!r}")


def merge(intervals):
    out = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1][1] = b
        else:
            out.append([a, b])
    return out


def inside_one(intervals, a, b):
    """intervals merged & sorted; is [a,b) wholly inside one of them?"""
    if intervals is None:
        return True
    starts = [iv[0] for iv in intervals]
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and intervals[i][0] <= a and b <= intervals[i][1]


def overlaps(a, b, c, d):
    return a < d and c < b


def haversine_km(p, q):
    la1, lo1, la2, lo2 = map(math.radians, (p[0], p[1], q[0], q[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_R * math.asin(math.sqrt(h))


class Checker:
    def __init__(self, sc, sol):
        self.sc = sc
        self.sol = sol
        self.problems = []      # otherProblems
        self.viol = []          # (rule, message)

    # ------------------------------------------------------------------ helpers
    def v(self, rule, msg):
        self.viol.append((rule, msg))

    def travel(self, a, b):
        if a is None or b is None or a == b:
            return 0
        key = (a, b)
        if key in self.tcache:
            return self.tcache[key]
        if key in self.matrix:
            m = int(self.matrix[key])
        else:
            pa, pb = self.locs.get(a), self.locs.get(b)
            if pa is None or pb is None:
                self.problems.append(f"unknown location {a if pa is None else b!r}")
                m = 0
            else:
                km = haversine_km(pa, pb) * self.road
                m = math.ceil(km / self.speed * 60)
        self.tcache[key] = m
        return m

    def weekly(self, windows, what):
        """Expand weekly recurring windows; None = always."""
        if windows is None:
            return None
        ivs = []
        for i in range(-1, self.days + 2):
            date = self.start + dt.timedelta(days=i)
            wd = WEEKDAYS[date.weekday()]
            for w in windows:
                days = [d.lower()[:3] for d in w.get("days", WEEKDAYS)]
                if wd not in days:
                    continue
                a = self.clock.local(date, w.get("from", "00:00"), what)
                fh, fm = parse_hhmm(w.get("from", "00:00"))
                th, tm = parse_hhmm(w.get("to", "24:00"))
                tdate = date if (th * 60 + tm) > (fh * 60 + fm) else date + dt.timedelta(days=1)
                b = self.clock.local(tdate, w.get("to", "24:00"), what)
                if b > a:
                    ivs.append((a, b))
        return merge(ivs)

    # ------------------------------------------------------------------ main
    def run(self):
        sc, sol = self.sc, self.sol
        self.rules = dict(DEFAULT_RULES)
        self.rules.update({k: v for k, v in (sc.get("rules") or {}).items() if v is not None})
        self.w = dict(DEFAULT_WEIGHTS)
        self.w.update({k: v for k, v in (sc.get("weights") or {}).items() if v is not None})
        hz = sc.get("horizon") or {}
        self.start = parse_date(hz["start"])
        self.days = int(nz(hz.get("days"), 7))
        self.slot = int(nz(sc.get("slotMinutes"), 15))
        self.clock = Clock(nz(sc.get("timeZone"), "Europe/London"), self.start, self.days, self.problems)
        tr = sc.get("travel") or {}
        self.speed = float(nz(tr.get("speedKmh"), 40))
        self.road = float(nz(tr.get("roadFactor"), 1.3))
        self.matrix = {(e["from"], e["to"]): e["minutes"] for e in (sc.get("travelMatrix") or [])}
        self.tcache = {}
        self.venue_open = {}
        self.shift_counts_of = {}
        self.working_days = {}
        self.locs = {l["id"]: (float(l["lat"]), float(l["lon"])) for l in (sc.get("locations") or [])}
        self.venues = {v["id"]: v for v in (sc.get("venues") or [])}
        self.workers = {w["id"]: w for w in (sc.get("workers") or [])}
        self.cases = {c["id"]: c for c in (sc.get("cases") or [])}
        self.sessions = {s["id"]: s for s in (sc.get("sessions") or [])}
        self.stypes = {t["id"]: t for t in (sc.get("shiftTypes") or [])}
        self.shifts = {s["id"]: s for s in (sc.get("shifts") or [])}
        for w in self.workers.values():
            if w.get("base") is None:
                self.problems.append(f"worker {w['id']} has no base")
            elif w["base"] not in self.locs:
                self.problems.append(f"worker {w['id']} base {w['base']} is not a location")

        self.read_solution()
        self.build_activities()
        self.check_sessions()      # H1 H2 H5 H12(sessions)
        self.check_workers()       # H3 H4 H7 H8 H9 H10
        self.check_caseload()      # H6
        self.check_shifts()        # H11 H12(shifts)
        terms = self.objective()
        return self.report(terms)

    # ------------------------------------------------------------------ solution
    def read_solution(self):
        sol = self.sol
        self.assign = {}   # session id -> (workers, start_str, t, venue) for assigned
        seen = set()
        for e in sol.get("sessions") or []:
            sid = e.get("id")
            if sid not in self.sessions:
                self.problems.append(f"solution names unknown session {sid!r}")
                continue
            if sid in seen:
                self.problems.append(f"session {sid} appears more than once")
                continue
            seen.add(sid)
            if e.get("unassigned") or not e.get("workers"):
                if not e.get("unassigned"):
                    self.problems.append(f"session {sid} has no workers and is not marked unassigned")
                continue
            try:
                t = self.clock.instant(e.get("start"), f"session {sid} start")
            except InputError as ex:
                self.problems.append(f"session {sid}: {ex}")
                continue
            self.assign[sid] = (list(e["workers"]), e.get("start"), t, e.get("venue") or None)
        for sid in self.sessions:
            if sid not in seen:
                self.problems.append(f"session {sid} missing from solution")
        self.shift_workers = {}
        for e in sol.get("shifts") or []:
            hid = e.get("id")
            if hid not in self.shifts:
                self.problems.append(f"solution names unknown shift {hid!r}")
                continue
            if hid in self.shift_workers:
                self.problems.append(f"shift {hid} appears more than once")
                continue
            self.shift_workers[hid] = list(e.get("workers") or [])
        for hid in self.shifts:
            if hid not in self.shift_workers:
                self.problems.append(f"shift {hid} missing from solution")
                self.shift_workers[hid] = []
        self.alloc = {}
        for a in sol.get("allocations") or []:
            c, w = a.get("case"), a.get("worker")
            if c not in self.cases:
                self.problems.append(f"allocation for unknown case {c!r}")
            elif self.cases[c].get("allocatedWorker") is not None:
                self.problems.append(f"allocation for case {c} which already has an allocated worker")
            elif w not in self.workers:
                self.problems.append(f"allocation of case {c} to unknown worker {w!r}")
            elif c in self.alloc:
                self.problems.append(f"case {c} allocated more than once")
            else:
                self.alloc[c] = w

    def allocated(self, cid):
        c = self.cases.get(cid)
        if c is None:
            return None
        return c.get("allocatedWorker") if c.get("allocatedWorker") is not None else self.alloc.get(cid)

    def session_place(self, s, venue, lead):
        if s.get("venues"):
            v = self.venues.get(venue)
            return v.get("location", v["id"]) if v else None
        if s.get("transport"):
            return s["transport"].get("from")
        w = self.workers.get(lead)
        return w.get("base") if w else None

    # ------------------------------------------------------------------ activities
    def build_activities(self):
        # per worker: list of dicts {kind, id, start, end, sp, ep, day, blocking, minutes}
        self.acts = {wid: [] for wid in self.workers}
        self.extra_minutes = {wid: [] for wid in self.workers}  # (day, minutes) non-activity (reports)
        order = 0
        for sid, (ws, _, t, venue) in self.assign.items():
            s = self.sessions[sid]
            dur = int(nz(s.get("durationMinutes"), 90))
            day = self.clock.day_of(t)
            lead = ws[0]
            place = self.session_place(s, venue, lead)
            for k, wid in enumerate(ws):
                if wid not in self.workers:
                    continue
                if k == 0 and s.get("transport"):
                    frm = s["transport"].get("from")
                    a = t - self.travel(frm, place)
                    b = t + dur + self.travel(place, frm)
                    sp = ep = frm
                else:
                    a, b, sp, ep = t, t + dur, place, place
                order += 1
                self.acts[wid].append(dict(kind="session", id=sid, start=a, end=b, sp=sp, ep=ep,
                                           day=day, blocking=True, minutes=b - a, order=order))
            if lead in self.workers and s.get("reportMinutes"):
                self.extra_minutes[lead].append((day, int(s["reportMinutes"])))
        for hid, ws in self.shift_workers.items():
            h = self.shifts[hid]
            T = self.stypes.get(h.get("type"))
            if T is None:
                self.problems.append(f"shift {hid} has unknown type {h.get('type')!r}")
                continue
            date = parse_date(h["date"])
            day = self.clock.date_index(date)
            a = self.clock.local(date, nz(T.get("start"), "17:00"), f"shift {hid}")
            b = a + int(nz(T.get("durationMinutes"), 960))
            counted = int(nz(T.get("countedMinutes"), nz(T.get("durationMinutes"), 960)))
            standby = bool(nz(T.get("standby"), True))
            for wid in dict.fromkeys(ws):
                if wid not in self.workers:
                    continue
                place = T.get("location") or self.workers[wid].get("base")
                order += 1
                self.acts[wid].append(dict(kind="shift", id=hid, type=T["id"], start=a, end=b,
                                           sp=place, ep=place, day=day, blocking=not standby,
                                           minutes=counted, order=order))
        for wid, acts in self.acts.items():
            acts.sort(key=lambda x: (x["start"], x["end"], x["order"]))
            for x in acts:
                if not (0 <= x["day"] < self.days):
                    self.problems.append(f"{x['kind']} {x['id']} of {wid} belongs to a day outside the horizon")

    # ------------------------------------------------------------------ H1 H2 H5 H12
    def check_sessions(self):
        venue_use = {}
        for sid, (ws, start_s, t, venue) in self.assign.items():
            s = self.sessions[sid]
            dur = int(nz(s.get("durationMinutes"), 90))
            # H1
            hh, mm = parse_hhmm(start_s.split("T", 1)[1][:5])
            if (hh * 60 + mm) % self.slot != 0:
                self.v("H1", f"{sid} start {start_s} off the {self.slot}-minute grid")
            wins = []
            for w in s.get("windows") or []:
                wins.append((self.clock.instant(w["from"], sid), self.clock.instant(w["to"], sid)))
            if not any(a <= t and t + dur <= b for a, b in wins):
                self.v("H1", f"{sid} at {start_s} not inside any window")
            if s.get("venues"):
                if venue not in s["venues"]:
                    self.v("H1", f"{sid} venue {venue!r} not one of {s['venues']}")
                if venue is not None and venue not in self.venues:
                    self.problems.append(f"{sid} at unknown venue {venue!r}")
            elif venue is not None:
                self.v("H1", f"{sid} needs no venue but is given {venue!r}")
            # H2
            need = int(nz(s.get("workersNeeded"), 1))
            if len(ws) != need or len(set(ws)) != len(ws):
                self.v("H2", f"{sid} has workers {ws}, needs {need} distinct")
            case = self.cases.get(s.get("case"))
            if case is None:
                self.problems.append(f"{sid} names unknown case {s.get('case')!r}")
                case = {}
            skills = set(s.get("requiredSkills") or []) | set(case.get("needsSkills") or [])
            for wid in ws:
                w = self.workers.get(wid)
                if w is None:
                    self.problems.append(f"{sid} assigned to unknown worker {wid!r}")
                    self.v("H2", f"{sid} unknown worker {wid}")
                    continue
                miss = skills - set(w.get("skills") or [])
                if miss:
                    self.v("H2", f"{sid} worker {wid} lacks {sorted(miss)}")
                if wid in (case.get("excludedWorkers") or []):
                    self.v("H2", f"{sid} worker {wid} is excluded from case")
            if s.get("transport") and ws:
                lw = self.workers.get(ws[0])
                if lw is not None and "driver" not in (lw.get("skills") or []):
                    self.v("H2", f"{sid} has transport; lead {ws[0]} is not a driver")
            # H5
            if s.get("venues") and venue in self.venues:
                V = self.venues[venue]
                if "open" in V and V["open"] is not None:
                    if venue not in self.venue_open:
                        self.venue_open[venue] = self.weekly(V["open"], f"venue {venue}")
                    ow = self.venue_open[venue]
                    if not inside_one(ow, t, t + dur):
                        self.v("H5", f"{sid} at {venue} {start_s} outside opening hours")
                venue_use.setdefault(venue, []).append((t, t + dur, sid))
            # H12 pinned
            pin = s.get("pinned")
            if pin:
                if list(pin.get("workers") or []) != ws or pin.get("venue") != venue or \
                        self.clock.instant(pin["start"], sid) != t:
                    self.v("H12", f"{sid} is pinned to {pin} but assigned {ws} {start_s} {venue}")
        for sid, s in self.sessions.items():
            if s.get("pinned") and sid not in self.assign:
                self.v("H12", f"pinned session {sid} is unassigned")
        for venue, uses in venue_use.items():
            rooms = int(nz(self.venues[venue].get("rooms"), 1))
            ev = sorted([(a, 1) for a, b, _ in uses] + [(b, -1) for a, b, _ in uses], key=lambda x: (x[0], x[1]))
            cur = 0
            for _, d in ev:
                cur += d
                if cur > rooms:
                    self.v("H5", f"venue {venue} has more than {rooms} sessions at once")
                    break
        # H12 baseline sessions
        base = self.sc.get("baseline")
        fb = self.sc.get("freezeBefore")
        self.base_sessions = {}
        self.base_shifts = {}
        if base:
            for e in base.get("sessions") or []:
                if e.get("unassigned") or not e.get("workers"):
                    continue
                self.base_sessions[e["id"]] = (list(e["workers"]), self.clock.instant(e["start"], "baseline"),
                                               e.get("venue") or None)
            for e in base.get("shifts") or []:
                self.base_shifts[e["id"]] = list(e.get("workers") or [])
        if base and fb:
            fbt = self.clock.instant(fb, "freezeBefore")
            for sid, (ws, t, venue) in self.base_sessions.items():
                if t < fbt:
                    cur = self.assign.get(sid)
                    if cur is None or cur[0] != ws or cur[2] != t or cur[3] != venue:
                        self.v("H12", f"frozen baseline session {sid} changed")
            for hid, ws in self.base_shifts.items():
                h = self.shifts.get(hid)
                if h is None:
                    continue
                T = self.stypes.get(h.get("type"), {})
                a = self.clock.local(parse_date(h["date"]), nz(T.get("start"), "17:00"), hid)
                if a < fbt and set(ws) != set(self.shift_workers.get(hid, [])):
                    self.v("H12", f"frozen baseline shift {hid} changed")

    # ------------------------------------------------------------------ per worker
    def check_workers(self):
        R = self.rules
        self.route_minutes = {}   # wid -> total travel minutes
        self.week_minutes = {}    # wid -> [minutes per week]
        nweeks = (self.days + 6) // 7
        for wid, w in self.workers.items():
            acts = self.acts[wid]
            blocking = [a for a in acts if a["blocking"]]
            # H3
            avail = self.weekly(w["availability"], f"availability {wid}") if "availability" in w and \
                w["availability"] is not None else None
            unav = []
            for u in w.get("unavailable") or []:
                unav.append((self.clock.instant(u["from"], wid), self.clock.instant(u["to"], wid)))
            for a in acts:
                if a["blocking"] and not inside_one(avail, a["start"], a["end"]):
                    self.v("H3", f"{wid} {a['kind']} {a['id']} outside availability")
                for uf, ut in unav:
                    if overlaps(a["start"], a["end"], uf, ut):
                        self.v("H3", f"{wid} {a['kind']} {a['id']} during unavailable period")
                        break
            # H4 and H8 rest
            minrest = int(R["minRestMinutes"])
            for i in range(len(blocking)):
                A = blocking[i]
                for j in range(i + 1, len(blocking)):
                    B = blocking[j]
                    if B["start"] < A["end"] + self.travel(A["ep"], B["sp"]):
                        self.v("H4", f"{wid}: {B['kind']} {B['id']} starts too soon after {A['kind']} {A['id']}")
                    if B["day"] > A["day"] and B["start"] - A["end"] < minrest:
                        self.v("H8", f"{wid}: rest between {A['id']} and {B['id']} below {minrest}")
                    if A["day"] > B["day"] and A["start"] - B["end"] < minrest:
                        self.v("H8", f"{wid}: rest between {B['id']} and {A['id']} below {minrest}")
            # cannotFollow
            shifts = [a for a in acts if a["kind"] == "shift"]
            for A in shifts:
                cf = self.stypes[A["type"]].get("cannotFollow") or []
                for B in shifts:
                    if B["day"] == A["day"] + 1 and B["type"] in cf:
                        self.v("H8", f"{wid}: {B['id']} may not follow {A['id']}")
            # days, routes, minutes
            by_day = {}
            working = set()
            for a in acts:
                if 0 <= a["day"] < self.days:
                    working.add(a["day"])
                    if a["blocking"]:
                        by_day.setdefault(a["day"], []).append(a)
            base = w.get("base")
            total_travel = 0
            weeks = [0] * nweeks
            for d in working:
                route = by_day.get(d, [])
                tm = 0
                place = base
                for a in route:
                    tm += self.travel(place, a["sp"])
                    place = a["ep"]
                if route:
                    tm += self.travel(place, base)
                total_travel += tm
                weeks[d // 7] += tm
            for a in acts:
                if 0 <= a["day"] < self.days:
                    weeks[a["day"] // 7] += a["minutes"]
            for d, m in self.extra_minutes[wid]:
                if 0 <= d < self.days:
                    weeks[d // 7] += m
            self.route_minutes[wid] = total_travel
            self.week_minutes[wid] = weeks
            # H7
            mx = int(nz(w.get("maxMinutes"), R["maxWeeklyMinutes"]))
            mn = int(nz(w.get("minMinutes"), 0))
            for k, m in enumerate(weeks):
                if m > mx:
                    self.v("H7", f"{wid} week {k + 1}: {m} > {mx}")
                if m < mn:
                    self.v("H7", f"{wid} week {k + 1}: {m} < {mn}")
            tot = sum(weeks)
            if tot < int(nz(w.get("minTotalMinutes"), 0)):
                self.v("H7", f"{wid} total {tot} below minTotalMinutes")
            if w.get("maxTotalMinutes") is not None and tot > int(w["maxTotalMinutes"]):
                self.v("H7", f"{wid} total {tot} above maxTotalMinutes")
            # H9
            per_day = {}
            per_type = {}
            for a in shifts:
                per_day[a["day"]] = per_day.get(a["day"], 0) + 1
                per_type[a["type"]] = per_type.get(a["type"], 0) + 1
            for d, n in per_day.items():
                if n > int(R["maxShiftsPerDay"]):
                    self.v("H9", f"{wid}: {n} shifts on day {d}")
            for T, n in per_type.items():
                lim = (w.get("maxShifts") or {}).get(T)
                if lim is not None and n > int(lim):
                    self.v("H9", f"{wid}: {n} shifts of {T} > {lim}")
            weekends = set()
            for d in working:
                wd = (self.start + dt.timedelta(days=d)).weekday()
                if wd == 5:
                    weekends.add(d)
                elif wd == 6:
                    weekends.add(d - 1)
            hist = int(nz((w.get("history") or {}).get("weekendsWorked"), 0))
            if w.get("maxWeekends") is not None and len(weekends) + hist > int(w["maxWeekends"]):
                self.v("H9", f"{wid}: {len(weekends)} weekends + {hist} history > {w['maxWeekends']}")
            # H10
            maxc = int(nz(w.get("maxConsecutiveDays"), R["maxConsecutiveDays"]))
            minc = int(nz(w.get("minConsecutiveDays"), R["minConsecutiveDays"]))
            minoff = int(nz(w.get("minConsecutiveDaysOff"), R["minConsecutiveDaysOff"]))
            d = 0
            while d < self.days:
                on = d in working
                e = d
                while e + 1 < self.days and ((e + 1) in working) == on:
                    e += 1
                length = e - d + 1
                edge = d == 0 or e == self.days - 1
                if on:
                    if length > maxc:
                        self.v("H10", f"{wid}: {length} consecutive working days from day {d}")
                    if not edge and length < minc:
                        self.v("H10", f"{wid}: only {length} consecutive working days from day {d}")
                elif not edge and length < minoff:
                    self.v("H10", f"{wid}: only {length} consecutive days off from day {d}")
                d = e + 1
            self.shift_counts_of[wid] = per_type
            self.working_days[wid] = working

    # ------------------------------------------------------------------ H6
    def check_caseload(self):
        load = {}
        for cid, c in self.cases.items():
            aw = self.allocated(cid)
            if aw is not None:
                if aw not in self.workers:
                    self.problems.append(f"case {cid} allocated to unknown worker {aw!r}")
                    continue
                load[aw] = load.get(aw, 0) + 1
        for wid, w in self.workers.items():
            cap = w.get("caseloadCap")
            n = int(nz(w.get("caseloadOther"), 0)) + load.get(wid, 0)
            if cap is not None and n > int(cap):
                self.v("H6", f"{wid}: caseload {n} > {cap}")
        for sid in self.assign:
            cid = self.sessions[sid].get("case")
            if self.allocated(cid) is None:
                self.v("H6", f"case {cid} has assigned session {sid} but no allocated worker")

    # ------------------------------------------------------------------ H11 H12 shifts
    def check_shifts(self):
        for hid, h in self.shifts.items():
            ws = self.shift_workers.get(hid, [])
            n = len(set(ws))
            if len(ws) != n:
                self.v("H11", f"shift {hid} repeats a worker")
            lo, hi = int(nz(h.get("min"), 1)), int(nz(h.get("max"), 1))
            if n < lo or n > hi:
                self.v("H11", f"shift {hid} has {n} workers, needs {lo}..{hi}")
            req = set(h.get("requiredSkills") or [])
            for wid in ws:
                w = self.workers.get(wid)
                if w is None:
                    self.problems.append(f"shift {hid} names unknown worker {wid!r}")
                    self.v("H11", f"shift {hid} unknown worker {wid}")
                elif req - set(w.get("skills") or []):
                    self.v("H11", f"shift {hid} worker {wid} lacks {sorted(req - set(w.get('skills') or []))}")
            for p in h.get("pinnedWorkers") or []:
                if p not in ws:
                    self.v("H12", f"shift {hid} pinned worker {p} missing")

    # ------------------------------------------------------------------ objective
    def objective(self):
        W = self.w
        t = dict.fromkeys(TERMS, 0)
        for sid, s in self.sessions.items():
            if sid not in self.assign:
                if s.get("mandatory"):
                    t["unassigned"] += int(W["unassignedMandatory"])
                else:
                    t["unassigned"] += int(W["unassignedSession"]) * int(nz(s.get("priority"), 1))
                continue
            lead = self.assign[sid][0][0]
            aw = self.allocated(s.get("case"))
            if aw is not None and lead != aw:
                t["continuity"] += int(W["continuity"])
            pw = s.get("preferredWorkers") or []
            if pw and lead not in pw:
                t["preference"] += int(W["preference"])
        t["travel"] = int(W["travelMinute"]) * sum(self.route_minutes.values())
        ot = 0
        for wid, w in self.workers.items():
            if w.get("contractMinutes") is not None:
                ot += sum(max(0, m - int(w["contractMinutes"])) for m in self.week_minutes[wid])
        t["overtime"] = int(W["overtimeMinute"]) * ot
        for T in self.stypes.values():
            if not nz(T.get("fairness"), True):
                continue
            skillsets = [set(h.get("requiredSkills") or []) for h in self.shifts.values() if h.get("type") == T["id"]]
            counts = []
            for wid, w in self.workers.items():
                sk = set(w.get("skills") or [])
                if any(ss <= sk for ss in skillsets):
                    hist = int(nz(((w.get("history") or {}).get("shiftCounts") or {}).get(T["id"]), 0))
                    counts.append(hist + self.shift_counts_of[wid].get(T["id"], 0))
            if counts:
                t["fairness"] += int(W["fairness"]) * (max(counts) - min(counts))
        for wid, w in self.workers.items():
            for r in w.get("requests") or []:
                day = self.clock.date_index(parse_date(r["date"]))
                st = r.get("shiftType")
                works = any(a["kind"] == "shift" and a["day"] == day and (st is None or a["type"] == st)
                            for a in self.acts[wid])
                on = bool(r.get("on", False))
                if works != on:
                    t["requests"] += int(nz(r.get("weight"), 3))
        for hid, h in self.shifts.items():
            n = len(set(self.shift_workers.get(hid, [])))
            req = int(nz(h.get("required"), 1))
            t["cover"] += int(nz(h.get("underWeight"), 1000)) * max(0, req - n) + \
                int(nz(h.get("overWeight"), 0)) * max(0, n - req)
        if self.sc.get("baseline"):
            ch = int(W["change"])
            for sid in self.sessions:
                b = self.base_sessions.get(sid)
                c = self.assign.get(sid)
                if b is None and c is None:
                    continue
                if b is None or c is None or b[0][0] != c[0][0] or b[1] != c[2] or b[2] != c[3]:
                    t["stability"] += ch
            for hid in self.shifts:
                b = set(self.base_shifts.get(hid, []))
                c = set(self.shift_workers.get(hid, []))
                t["stability"] += ch * len(b ^ c)
        return t

    def report(self, terms):
        obj = sum(terms.values())
        stated_terms = self.sol.get("terms") or {}
        mismatch = self.sol.get("objective") != obj or any(stated_terms.get(k) != terms[k] for k in TERMS)
        rules = sorted({r for r, _ in self.viol}, key=lambda r: (r,))
        probs = list(dict.fromkeys(self.problems))
        return {
            "valid": not rules and not mismatch and not probs,
            "violatedRules": rules,
            "objective": obj,
            "terms": terms,
            "objectiveMismatch": mismatch,
            "otherProblems": probs,
        }


def check(scenario, solution):
    c = Checker(scenario, solution)
    try:
        res = c.run()
    except (InputError, KeyError, ValueError, TypeError) as ex:
        res = {"valid": False, "violatedRules": sorted({r for r, _ in c.viol}), "objective": None,
               "terms": None, "objectiveMismatch": True,
               "otherProblems": list(dict.fromkeys(c.problems)) + [f"input error: {type(ex).__name__}: {ex}"]}
    return res, c.viol


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    with open(args[0]) as f:
        sc = json.load(f)
    with open(args[1]) as f:
        sol = json.load(f)
    res, viol = check(sc, sol)
    if "--explain" in argv:
        for r, m in viol:
            print(f"{r}: {m}", file=sys.stderr)
        for p in res["otherProblems"]:
            print(f"other: {p}", file=sys.stderr)
    print(json.dumps(res, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
