#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent yardstick: rota's team scenarios (rota-scenario/1) solved with OR-Tools CP-SAT.

    team.py SCENARIO.json --time-limit 20 [--workers 2] [--seed 1] [--max-candidates K|auto]
            [--warm-start refgreedy|shifts|none] [--output SOL.json] [--log]

Written from /work/shared/spec/rota-model.md and the independent Python checker
(Benchmarks/reference/refcheck.py, whose Clock, window expansion, travel and
helpers it imports, so that time and travel are computed exactly as that checker
does).  Nothing of rota's Swift sources is read or used.  Prints a one-line JSON
summary on stdout and writes a rota-solution/1 document with --output.

THE MODEL (exact unless --max-candidates restricts it, see below)
------------------------------------------------------------------
Sessions.  Every session s has an integer start variable on the slot grid (its
domain: the grid starts of its windows).  A "placement" literal p[s,g,v] chooses
a window g (and the day it lies on) and a venue v (None for a session without
venues); its start set is the grid starts of g with [t, t+duration) inside v's
opening hours (H1, H5).  At most one placement; assigned x[s] = sum of them.
Node literals per (s, g, v, worker, role): the lead of a transport session runs
from transport.from, travel(from, v) before t, to travel(v, from) after the end;
every other worker of a session occupies [t, t+duration) at v.  A node exists only
if the worker has the skills (incl. the case's needsSkills), is not excluded,
is a driver when leading a transport session, and some start of the placement
keeps the whole activity inside one merged availability window and off every
unavailable period (H2, H3); the node literal then restricts the start to those
starts.  Per placement: exactly 1 lead and workersNeeded-1 others; a worker takes
at most one role in a session.  Where the lead's and another's activity are the
same (no transport) one circuit node carries both roles.
Shifts.  y[h,w] for workers with the shift's skills, outside unavailable periods
and, for non-standby shifts, inside availability (H3, H11); min <= count <= max;
pinnedWorkers forced.  Non-standby shifts are fixed-time circuit nodes at the
type's location or the worker's base; standby shifts block nothing.
Routes (H4, travel term).  Per worker and day an AddCircuit over the base depot
and that day's nodes; an arc i->j implies start_j >= end_i + travel(end place i,
start place j); the depot's self loop is "no blocking activity that day" and
forbids every node.  Route travel = sum of the travel of the used arcs (base ->
first start place, ..., last end place -> base).  Every node starts and ends at
the same place and computed travel obeys the triangle inequality, so neighbour
gaps imply the gap for every pair; a travelMatrix that breaks the triangle
inequality is refused.  Arcs that can never fit in time are left out.
H6: allocation literals for cases without allocatedWorker (at most one; at
least one when a session of the case is assigned); caseloadOther + given +
chosen <= caseloadCap.  H7: weekly working minutes (session minutes with the
lead's legs, report minutes of the lead, route travel, countedMinutes) within
[minMinutes, maxMinutes]; horizon total within [minTotalMinutes, maxTotalMinutes].
H8: rest (and travel) between blocking activities of different days; cannotFollow
on shifts of consecutive days.  H9: maxShiftsPerDay, maxShifts, weekends (Saturday
or Sunday working) + history <= maxWeekends.  H10: every window of maxConsecutive+1
days has a day off; forbidden short working / off runs away from the horizon edges.
H12: pinned sessions and pinned shift workers are kept.
Objective: the nine terms of the spec, every one an exact expression of the
decision literals (max/min equalities, not slacks), so the objective CP-SAT
reports for any solution is the true one.  stability is 0: a scenario with a
baseline is refused.

RESTRICTION (--max-candidates K, K > 0)
---------------------------------------
Each session keeps as candidate workers only K of its able workers: always
the case's allocated worker, the preferred workers and pinned workers, then the
nearest by travel from base to the session's first place; ties (a whole office
shares one base) go to the candidate with the fewest candidate sessions on that
day so far, then by a seeded scramble.  Unallocated cases may be allocated only
to the candidates of their sessions (or, if none, the workers with the most
caseload room).  The result is still a valid rota and an honest upper bound,
but CP-SAT's bound is then only a bound of the restricted model and is not
reported as `bound` (the summary calls it restricted_bound).  K = 0 is the full
model; --max-candidates auto (default) uses K = 0 up to 15 workers and K = 4
above (on a 30-worker team at 30 s, K = 4 gave 9790, K = 8 10468, K = 12 14610,
K = 0 found nothing: its presolve alone took 29 s).  A warm-start rota's workers
are also kept as candidates, so K is a minimum, not an exact count.

SEARCH
------
Time: --time-limit is the wall time of the whole run; CP-SAT gets what is left
after reading, building and the warm start (max_time_in_seconds = limit -
build seconds - a small margin for writing).  Warm start (--warm-start
refgreedy, default): the reference generator's Python greedy (gen.py solve,
independent of rota) gives a valid rota; the model is solved once with that
rota's sessions and shifts fixed (routes, allocations left free) and the
complete assignment becomes CP-SAT's solution hint, so the first solution is
that rota.  `shifts`: the same with every session unassigned.  Threads: with
--workers 1 CP-SAT runs its portfolio interleaved in one thread
(interleave_search); when the model is restricted (or --lns-only yes) the
LP-based full searches, slow to load on these models, are left out and the
LNS neighbourhoods do the work.  --workers N > 1: CP-SAT's ordinary parallel
portfolio on N threads.
Status: `optimal` only when CP-SAT proved optimality of the unrestricted model;
`bound` is then CP-SAT's proved lower bound (also when only feasible).
"""
import time

T0 = time.monotonic()

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import refcheck  # noqa: E402
from refcheck import nz, parse_date, inside_one, overlaps  # noqa: E402

from ortools.sat.python import cp_model  # noqa: E402

TERMS = refcheck.TERMS


class Refuse(Exception):
    pass


def ranges(allowed, domain):
    """Runs [first, last] of members of `allowed` that are consecutive in the sorted list
    `domain`.  The start variable only takes values already restricted to `domain`, so
    `start in union of runs` is exactly `start in allowed`."""
    ok = set(allowed)
    out = []
    prev_in = False
    for v in domain:
        if v in ok:
            if prev_in:
                out[-1][1] = v
            else:
                out.append([v, v])
            prev_in = True
        else:
            prev_in = False
    return out


class Team:
    def __init__(self, sc, args):
        self.sc = sc
        self.args = args
        if sc.get("baseline"):
            raise Refuse("scenarios with a baseline (stability term, freezeBefore) are not supported")
        # set up the reference checker's machinery (exactly as Checker.run does)
        c = refcheck.Checker(sc, {"sessions": [], "shifts": []})
        c.rules = dict(refcheck.DEFAULT_RULES)
        c.rules.update({k: v for k, v in (sc.get("rules") or {}).items() if v is not None})
        c.w = dict(refcheck.DEFAULT_WEIGHTS)
        c.w.update({k: v for k, v in (sc.get("weights") or {}).items() if v is not None})
        hz = sc.get("horizon") or {}
        c.start = parse_date(hz["start"])
        c.days = int(nz(hz.get("days"), 7))
        c.slot = int(nz(sc.get("slotMinutes"), 15))
        c.clock = refcheck.Clock(nz(sc.get("timeZone"), "Europe/London"), c.start, c.days, c.problems)
        tr = sc.get("travel") or {}
        c.speed = float(nz(tr.get("speedKmh"), 40))
        c.road = float(nz(tr.get("roadFactor"), 1.3))
        c.matrix = {(e["from"], e["to"]): e["minutes"] for e in (sc.get("travelMatrix") or [])}
        c.tcache = {}
        c.locs = {l["id"]: (float(l["lat"]), float(l["lon"])) for l in (sc.get("locations") or [])}
        self.c = c
        self.R, self.W = c.rules, c.w
        self.days, self.slot, self.clock = c.days, c.slot, c.clock
        self.nweeks = (self.days + 6) // 7
        self.venues = {v["id"]: v for v in (sc.get("venues") or [])}
        self.workers = sc.get("workers") or []
        self.wix = {w["id"]: i for i, w in enumerate(self.workers)}
        self.cases = {x["id"]: x for x in (sc.get("cases") or [])}
        self.sessions = sc.get("sessions") or []
        self.stypes = {t["id"]: t for t in (sc.get("shiftTypes") or [])}
        self.shifts = sc.get("shifts") or []
        for w in self.workers:
            if w.get("base") is None or w["base"] not in c.locs:
                raise Refuse(f"worker {w['id']} has no base location")
        self.check_triangle()

    def travel(self, a, b):
        return self.c.travel(a, b)

    # ------------------------------------------------------------------ input checks
    def check_triangle(self):
        if not self.c.matrix:
            return
        locs = list(self.c.locs)
        t = self.travel
        for (a, b) in self.c.matrix:
            for x in locs:
                if t(a, b) > t(a, x) + t(x, b) or t(x, b) > t(x, a) + t(a, b) or t(a, x) > t(a, b) + t(b, x):
                    raise Refuse(f"travelMatrix entry {a}->{b} breaks the triangle inequality with {x}; "
                                 "route gaps between non-neighbours would need pairwise constraints")

    # ------------------------------------------------------------------ time helpers
    def local_str(self, t):
        utc = self.clock.utc0 + dt.timedelta(minutes=t)
        loc = utc.astimezone(self.clock.tz)
        return loc.strftime("%Y-%m-%dT%H:%M")

    def grid_ok(self, t):
        utc = self.clock.utc0 + dt.timedelta(minutes=t)
        loc = utc.astimezone(self.clock.tz)
        return (loc.hour * 60 + loc.minute) % self.slot == 0

    # ------------------------------------------------------------------ preprocessing
    def prepare(self):
        c = self.c
        self.avail = []
        self.unav = []
        for w in self.workers:
            av = c.weekly(w["availability"], f"availability {w['id']}") if w.get("availability") is not None else None
            self.avail.append(av)
            self.unav.append([(self.clock.instant(u["from"], w["id"]), self.clock.instant(u["to"], w["id"]))
                              for u in w.get("unavailable") or []])
        self.vopen = {}
        for vid, V in self.venues.items():
            self.vopen[vid] = c.weekly(V["open"], f"venue {vid}") if V.get("open") is not None else None
        self.skills = [set(w.get("skills") or []) for w in self.workers]

    def free(self, wi, a, b, blocking=True):
        if blocking and not inside_one(self.avail[wi], a, b):
            return False
        for uf, ut in self.unav[wi]:
            if overlaps(a, b, uf, ut):
                return False
        return True

    # ------------------------------------------------------------------ build
    def build(self, warm=None):
        """warm: a valid solution document used as the first solution (its workers are kept
        among the candidates so that it can be represented)."""
        self.warm = warm
        self.warm_sessions = {}
        if warm:
            for e in warm.get("sessions") or []:
                if not e.get("unassigned") and e.get("workers"):
                    self.warm_sessions[e["id"]] = (e["workers"], self.clock.instant(e["start"], e["id"]),
                                                   e.get("venue") or None)
        self.prepare()
        m = self.m = cp_model.CpModel()
        nW = len(self.workers)
        rnd = random.Random(self.args.seed)
        # per worker: list of circuit nodes; per worker/day
        self.nodes = [[] for _ in range(nW)]          # node dicts
        self.lead_lits = {}     # (si, wi) -> [lits]
        self.other_lits = {}
        self.report_terms = [[[] for _ in range(self.nweeks)] for _ in range(nW)]  # (coef, lit)
        self.restricted = False
        K = self.args.max_candidates
        cand_load = {}          # (wi, day) -> candidate sessions so far
        self.sess = []
        # session order for candidate selection: fewest able workers first
        able_all = []
        for si, s in enumerate(self.sessions):
            case = self.cases.get(s.get("case"))
            if case is None:
                raise Refuse(f"session {s['id']} names unknown case {s.get('case')!r}")
            req = set(s.get("requiredSkills") or []) | set(case.get("needsSkills") or [])
            excl = set(case.get("excludedWorkers") or [])
            able = [wi for wi, w in enumerate(self.workers) if req <= self.skills[wi] and w["id"] not in excl]
            able_all.append(able)
        order = sorted(range(len(self.sessions)), key=lambda i: (len(able_all[i]), i))
        sess_info = [None] * len(self.sessions)
        for si in order:
            s = self.sessions[si]
            sess_info[si] = self.session_candidates(si, s, able_all[si], K, cand_load, rnd)
        # now the variables
        self.venue_ivs = {}
        self.sess_workers = {}
        for si, s in enumerate(self.sessions):
            self.build_session(si, s, sess_info[si])
        for v, ivs in self.venue_ivs.items():
            rooms = int(nz(self.venues[v].get("rooms"), 1))
            if len(ivs) <= rooms:
                continue
            if rooms == 1:
                m.AddNoOverlap(ivs)
            else:
                m.AddCumulative(ivs, [1] * len(ivs), rooms)
        self.build_shifts()
        self.build_routes()
        self.build_worker_rules()
        self.build_caseload()
        self.build_objective()

    def session_places(self, s):
        vs = list(s.get("venues") or [])
        if vs:
            for v in vs:
                if v not in self.venues:
                    raise Refuse(f"session {s['id']} names unknown venue {v!r}")
            return [(v, self.venues[v].get("location", v)) for v in vs]
        if s.get("transport"):
            return [(None, s["transport"]["from"])]
        return [(None, None)]   # at the lead's base

    def session_candidates(self, si, s, able, K, cand_load, rnd):
        """Placements (window, day, venue, start set) and the node shapes per able worker."""
        dur = int(nz(s.get("durationMinutes"), 90))
        need = int(nz(s.get("workersNeeded"), 1))
        transport = s.get("transport")
        places = self.session_places(s)
        if places[0][1] is None and need > 1:
            raise Refuse(f"session {s['id']}: no venue, no transport and {need} workers (place = lead's base) "
                         "is not supported")
        # placements
        placements = []
        for gi, win in enumerate(s.get("windows") or []):
            a = self.clock.instant(win["from"], s["id"])
            b = self.clock.instant(win["to"], s["id"])
            starts = [t for t in range(a, b - dur + 1) if self.grid_ok(t)]
            byday = {}
            for t in starts:
                byday.setdefault(self.clock.day_of(t), []).append(t)
            for day, ts in byday.items():
                if not 0 <= day < self.days:
                    continue
                for v, place in places:
                    if v is not None:
                        op = self.vopen[v]
                        ts2 = [t for t in ts if inside_one(op, t, t + dur)]
                    else:
                        ts2 = ts
                    if ts2:
                        placements.append(dict(g=gi, day=day, v=v, place=place, starts=ts2))
        pin = s.get("pinned")
        must = set()
        case = self.cases[s["case"]]
        if case.get("allocatedWorker") in self.wix:
            must.add(self.wix[case["allocatedWorker"]])
        for p in s.get("preferredWorkers") or []:
            if p in self.wix:
                must.add(self.wix[p])
        if pin:
            for p in pin.get("workers") or []:
                if p not in self.wix:
                    raise Refuse(f"pinned session {s['id']} names unknown worker {p}")
                must.add(self.wix[p])
        for p in self.warm_sessions.get(s["id"], (([]),))[0]:
            if p in self.wix:
                must.add(self.wix[p])

        def shapes(wi, pl):
            """role -> (soff, eoff, sp, ep, allowed starts)"""
            base = self.workers[wi]["base"]
            place = pl["place"] if pl["place"] is not None else base
            out = {}
            roles = ["lead"] + (["other"] if need > 1 else [])
            for role in roles:
                if role == "lead" and transport:
                    if "driver" not in self.skills[wi]:
                        continue
                    frm = transport["from"]
                    soff, eoff, sp = -self.travel(frm, place), dur + self.travel(place, frm), frm
                else:
                    soff, eoff, sp = 0, dur, place
                ok = [t for t in pl["starts"] if self.free(wi, t + soff, t + eoff)]
                if ok:
                    out[role] = (soff, eoff, sp, sp, ok)
            return out

        # candidate selection
        first_place = placements[0]["place"] if placements else None
        days = sorted({pl["day"] for pl in placements})
        per_worker = {}
        if K and len(able) > K:
            self.restricted = True

            def key(wi):
                tr = self.travel(self.workers[wi]["base"], first_place) if first_place else 0
                load = sum(cand_load.get((wi, d), 0) for d in days)
                return (tr // 10, load, rnd.random())
            chosen = []
            for wi in sorted(must & set(able)):
                sh = {id(pl): shapes(wi, pl) for pl in placements}
                if any(sh.values()):
                    per_worker[wi] = sh
                    chosen.append(wi)
            for wi in sorted((wi for wi in able if wi not in must), key=key):
                if len(chosen) >= K:
                    break
                sh = {id(pl): shapes(wi, pl) for pl in placements}
                if any(sh.values()):
                    per_worker[wi] = sh
                    chosen.append(wi)
        else:
            for wi in able:
                sh = {id(pl): shapes(wi, pl) for pl in placements}
                if any(sh.values()):
                    per_worker[wi] = sh
        for wi in per_worker:
            for d in days:
                cand_load[(wi, d)] = cand_load.get((wi, d), 0) + 1
        return dict(placements=placements, per_worker=per_worker, dur=dur, need=need)

    def build_session(self, si, s, info):
        m = self.m
        dur, need = info["dur"], info["need"]
        placements = info["placements"]
        allstarts = sorted({t for pl in placements for t in pl["starts"]})
        rec = dict(id=s["id"], x=None, start=None, placements=[], dur=dur)
        self.sess.append(rec)
        if not allstarts:
            rec["x"] = m.NewConstant(0)
            return
        start = m.NewIntVarFromDomain(cp_model.Domain.FromValues(allstarts), f"t_{si}")
        node_mark = {wi: len(self.nodes[wi]) for wi in info["per_worker"]}
        rec["start"] = start
        plits = []
        for pi, pl in enumerate(placements):
            p = m.NewBoolVar(f"p_{si}_{pi}")
            plits.append(p)
            if len(pl["starts"]) < len(allstarts):
                m.AddLinearExpressionInDomain(start, cp_model.Domain.FromIntervals(
                    ranges(pl["starts"], allstarts))).OnlyEnforceIf(p)
            leads, others = [], []
            for wi, sh in info["per_worker"].items():
                roles = sh[id(pl)]
                if not roles:
                    continue
                L = roles.get("lead")
                O = roles.get("other")
                if L and O and L[:4] == O[:4]:
                    # same activity: one circuit node for both roles
                    n = m.NewBoolVar(f"n_{si}_{pi}_{wi}")
                    l = m.NewBoolVar(f"l_{si}_{pi}_{wi}")
                    o = m.NewBoolVar(f"o_{si}_{pi}_{wi}")
                    m.Add(n == l + o)
                    self.add_node(wi, n, start, L, pl["day"], si, kind="session", lead=l, other=o, dur=dur,
                                  pl_starts=pl["starts"])
                    leads.append((wi, l))
                    others.append((wi, o))
                    m.AddImplication(n, p)
                else:
                    for role, S in roles.items():
                        n = m.NewBoolVar(f"{role[0]}_{si}_{pi}_{wi}")
                        self.add_node(wi, n, start, S, pl["day"], si, kind="session",
                                      lead=n if role == "lead" else None, other=n if role == "other" else None,
                                      dur=dur, pl_starts=pl["starts"])
                        (leads if role == "lead" else others).append((wi, n))
                        m.AddImplication(n, p)
            m.Add(sum(l for _, l in leads) == p)
            if need > 1:
                m.Add(sum(o for _, o in others) == (need - 1) * p)
            for wi, l in leads:
                self.lead_lits.setdefault((si, wi), []).append(l)
                rep = int(nz(s.get("reportMinutes"), 0))
                if rep:
                    self.report_terms[wi][pl["day"] // 7].append((rep, l))
            for wi, o in others:
                self.other_lits.setdefault((si, wi), []).append(o)
            rec["placements"].append(dict(p=p, v=pl["v"], day=pl["day"], leads=leads, others=others,
                                          starts=set(pl["starts"])))
        x = m.NewBoolVar(f"x_{si}")
        m.Add(x == sum(plits))
        rec["x"] = x
        # a worker takes at most one role
        for wi in info["per_worker"]:
            ls = [nd["lit"] for nd in self.nodes[wi][node_mark[wi]:]]
            if len(ls) > 1:
                m.AddAtMostOne(ls)
        self.sess_workers[si] = list(info["per_worker"])
        # rooms: optional intervals per venue
        for pl, pr in zip(placements, rec["placements"]):
            if pl["v"] is not None:
                iv = m.NewOptionalFixedSizeIntervalVar(start, dur, pr["p"], f"iv_{si}_{pl['v']}")
                self.venue_ivs.setdefault(pl["v"], []).append(iv)
        # pinned
        pin = s.get("pinned")
        if pin:
            t = self.clock.instant(pin["start"], s["id"])
            ws = [self.wix[x_] for x_ in pin["workers"]]
            m.Add(x == 1)
            m.Add(start == t)
            ok = False
            for pl, pr in zip(placements, rec["placements"]):
                if pl["v"] == (pin.get("venue") or None) and t in pl["starts"]:
                    ok = True
            if not ok:
                raise Refuse(f"pinned session {s['id']} cannot be placed as pinned")
            for pr in rec["placements"]:
                if pr["v"] != (pin.get("venue") or None):
                    m.Add(pr["p"] == 0)
            lw = ws[0]
            m.Add(sum(self.lead_lits.get((si, lw), [])) == 1)
            for ow in ws[1:]:
                m.Add(sum(self.other_lits.get((si, ow), [])) == 1)

    def add_node(self, wi, lit, svar, shape, day, si, kind, lead=None, other=None, dur=0, pl_starts=None,
                 minutes=None, hid=None):
        m = self.m
        soff, eoff, sp, ep, ok = shape
        if svar is not None and pl_starts is not None and len(ok) < len(pl_starts):
            m.AddLinearExpressionInDomain(svar, cp_model.Domain.FromIntervals(
                ranges(ok, pl_starts))).OnlyEnforceIf(lit)
        nd = dict(lit=lit, svar=svar, soff=soff, eoff=eoff, sp=sp, ep=ep, day=day, si=si, kind=kind,
                  est=ok[0] + soff, lst=ok[-1] + soff, eet=ok[0] + eoff, let=ok[-1] + eoff,
                  lead=lead, other=other, dur=dur, hid=hid)
        if minutes is None:
            # working minutes of the activity: lead with transport gets the legs
            nd["min_terms"] = [(eoff - soff, lit)]
        else:
            nd["min_terms"] = [(minutes, lit)]
        self.nodes[wi].append(nd)
        return nd

    # ------------------------------------------------------------------ shifts
    def build_shifts(self):
        m = self.m
        self.y = {}             # (hi, wi) -> lit
        self.shift_recs = []
        self.standby_by_wd = {}  # (wi, day) -> [lits]
        self.shift_by_wd = {}    # (wi, day) -> [(hi, lit, type)]
        for hi, h in enumerate(self.shifts):
            T = self.stypes.get(h.get("type"))
            if T is None:
                raise Refuse(f"shift {h['id']} has unknown type {h.get('type')!r}")
            date = parse_date(h["date"])
            day = self.clock.date_index(date)
            a = self.clock.local(date, nz(T.get("start"), "17:00"), h["id"])
            b = a + int(nz(T.get("durationMinutes"), 960))
            counted = int(nz(T.get("countedMinutes"), nz(T.get("durationMinutes"), 960)))
            standby = bool(nz(T.get("standby"), True))
            req = set(h.get("requiredSkills") or [])
            lits = []
            pinned = set(h.get("pinnedWorkers") or [])
            for wi, w in enumerate(self.workers):
                if not req <= self.skills[wi] or not (0 <= day < self.days) or not self.free(wi, a, b, not standby):
                    if w["id"] in pinned:
                        raise Refuse(f"shift {h['id']}: pinned worker {w['id']} cannot work it")
                    continue
                y = m.NewBoolVar(f"y_{hi}_{wi}")
                if w["id"] in pinned:
                    m.Add(y == 1)
                self.y[(hi, wi)] = y
                lits.append((wi, y))
                self.shift_by_wd.setdefault((wi, day), []).append((hi, y, T["id"]))
                if standby:
                    self.standby_by_wd.setdefault((wi, day), []).append(y)
                    self.report_terms[wi][day // 7].append((counted, y))
                else:
                    place = T.get("location") or w["base"]
                    self.add_node(wi, y, None, (a, b, place, place, [0]), day, None, kind="shift",
                                  minutes=counted, hid=hi)
            lo, hi_ = int(nz(h.get("min"), 1)), int(nz(h.get("max"), 1))
            n = sum(l for _, l in lits)
            if lo > len(lits):
                raise Refuse(f"shift {h['id']} needs {lo} workers, only {len(lits)} can work it")
            m.Add(n >= lo)
            m.Add(n <= hi_)
            req_n = int(nz(h.get("required"), 1))
            under = m.NewIntVar(0, max(0, req_n), f"under_{hi}")
            over = m.NewIntVar(0, len(lits), f"over_{hi}")
            m.AddMaxEquality(under, [0, req_n - n])
            m.AddMaxEquality(over, [0, n - req_n])
            self.shift_recs.append(dict(id=h["id"], lits=lits, day=day, type=T["id"], under=under, over=over,
                                        uw=int(nz(h.get("underWeight"), 1000)), ow=int(nz(h.get("overWeight"), 0))))

    # ------------------------------------------------------------------ routes
    def build_routes(self):
        m = self.m
        nW = len(self.workers)
        self.travel_terms = [[[] for _ in range(self.nweeks)] for _ in range(nW)]
        self.day_nodes = {}
        self.narcs = 0
        maxpd = int(self.R["maxShiftsPerDay"])
        for wi in range(nW):
            base = self.workers[wi]["base"]
            byday = {}
            for nd in self.nodes[wi]:
                byday.setdefault(nd["day"], []).append(nd)
            for day, nds in byday.items():
                self.day_nodes[(wi, day)] = nds
                arcs = []
                empty = m.NewBoolVar(f"empty_{wi}_{day}")
                arcs.append((0, 0, empty))
                tt = []
                for i, nd in enumerate(nds, 1):
                    m.AddImplication(nd["lit"], empty.Not())
                    arcs.append((i, i, nd["lit"].Not()))
                    a = m.NewBoolVar("")
                    arcs.append((0, i, a))
                    tt.append((self.travel(base, nd["sp"]), a))
                    b = m.NewBoolVar("")
                    arcs.append((i, 0, b))
                    tt.append((self.travel(nd["ep"], base), b))
                for i, A in enumerate(nds, 1):
                    for j, B in enumerate(nds, 1):
                        if i == j:
                            continue
                        if A["si"] is not None and A["si"] == B["si"]:
                            continue
                        if A["kind"] == "shift" and B["kind"] == "shift" and maxpd <= 1:
                            continue
                        tr = self.travel(A["ep"], B["sp"])
                        if A["eet"] + tr > B["lst"]:
                            continue
                        a = m.NewBoolVar("")
                        arcs.append((i, j, a))
                        self.narcs += 1
                        if tr:
                            tt.append((tr, a))
                        # start_B >= end_A + tr
                        if A["svar"] is None and B["svar"] is None:
                            continue  # fixed times, checked above
                        lhs = (B["svar"] + B["soff"]) if B["svar"] is not None else B["soff"]
                        rhs = (A["svar"] + A["eoff"]) if A["svar"] is not None else A["eoff"]
                        if A["let"] + tr <= B["est"]:
                            continue  # always fits
                        m.Add(lhs >= rhs + tr).OnlyEnforceIf(a)
                m.AddCircuit(arcs)
                self.travel_terms[wi][day // 7].extend(tt)

    # ------------------------------------------------------------------ worker rules
    def build_worker_rules(self):
        m = self.m
        R = self.R
        nW = len(self.workers)
        minrest = int(R["minRestMinutes"])
        maxpd = int(R["maxShiftsPerDay"])
        self.wd = {}
        self.week_min = {}
        self.ot = []
        for wi, w in enumerate(self.workers):
            # rest between days (and travel) for blocking activities on different days
            nds = self.nodes[wi]
            byday = {}
            for nd in nds:
                byday.setdefault(nd["day"], []).append(nd)
            dlist = sorted(byday)
            for ia, d1 in enumerate(dlist):
                for d2 in dlist[ia + 1:]:
                    for A in byday[d1]:
                        for B in byday[d2]:
                            need = max(minrest, self.travel(A["ep"], B["sp"]))
                            if B["est"] - A["let"] >= need:
                                continue
                            if A["si"] is not None and A["si"] == B["si"]:
                                continue  # exclusive anyway
                            if B["lst"] - A["eet"] < need:
                                m.AddBoolOr([A["lit"].Not(), B["lit"].Not()])
                                continue
                            lhs = (B["svar"] + B["soff"]) if B["svar"] is not None else B["soff"]
                            rhs = (A["svar"] + A["eoff"]) if A["svar"] is not None else A["eoff"]
                            m.Add(lhs - rhs >= need).OnlyEnforceIf([A["lit"], B["lit"]])
                    # B on a later day starting before A ends: also covered since est/let consider it
            # cannotFollow (all shifts, standby included)
            for d in range(self.days - 1):
                for (hi, y, T) in self.shift_by_wd.get((wi, d), []):
                    cf = self.stypes[T].get("cannotFollow") or []
                    for (hj, y2, U) in self.shift_by_wd.get((wi, d + 1), []):
                        if U in cf:
                            m.AddBoolOr([y.Not(), y2.Not()])
            # shifts per day, maxShifts
            per_type = {}
            for d in range(self.days):
                sl = self.shift_by_wd.get((wi, d), [])
                if len(sl) > maxpd:
                    m.Add(sum(y for _, y, _ in sl) <= maxpd)
                for _, y, T in sl:
                    per_type.setdefault(T, []).append(y)
            for T, lim in (w.get("maxShifts") or {}).items():
                if lim is not None and len(per_type.get(T, [])) > int(lim):
                    m.Add(sum(per_type[T]) <= int(lim))
            # working days
            wdl = []
            for d in range(self.days):
                lits = [nd["lit"] for nd in byday.get(d, [])] + self.standby_by_wd.get((wi, d), [])
                if not lits:
                    wdl.append(None)
                    continue
                v = m.NewBoolVar(f"wd_{wi}_{d}")
                m.AddMaxEquality(v, lits)
                wdl.append(v)
            self.wd[wi] = wdl
            # weekends
            if w.get("maxWeekends") is not None:
                hist = int(nz((w.get("history") or {}).get("weekendsWorked"), 0))
                wks = []
                for d in range(self.days):
                    wdn = (self.c.start + dt.timedelta(days=d)).weekday()
                    key = d if wdn == 5 else (d - 1 if wdn == 6 else None)
                    if key is None:
                        continue
                    wks.append((key, wdl[d]))
                groups = {}
                for key, v in wks:
                    if v is not None:
                        groups.setdefault(key, []).append(v)
                wlits = []
                for key, vs in groups.items():
                    if len(vs) == 1:
                        wlits.append(vs[0])
                    else:
                        e = m.NewBoolVar("")
                        m.AddMaxEquality(e, vs)
                        wlits.append(e)
                lim = int(w["maxWeekends"]) - hist
                if lim < 0:
                    raise Refuse(f"worker {w['id']} has history.weekendsWorked above maxWeekends")
                if len(wlits) > lim:
                    m.Add(sum(wlits) <= lim)
            # H10 runs
            maxc = int(nz(w.get("maxConsecutiveDays"), R["maxConsecutiveDays"]))
            minc = int(nz(w.get("minConsecutiveDays"), R["minConsecutiveDays"]))
            minoff = int(nz(w.get("minConsecutiveDaysOff"), R["minConsecutiveDaysOff"]))

            for d in range(self.days - maxc):
                vs = [wdl[e] for e in range(d, d + maxc + 1) if wdl[e] is not None]
                if len(vs) == maxc + 1:
                    m.Add(sum(vs) <= maxc)
            # forbidden short runs strictly inside the horizon: days d..e, with d-1 and e+1 the opposite
            for length in range(1, max(minc, minoff)):
                for d in range(1, self.days - length):
                    e = d + length - 1
                    if e + 1 > self.days - 1:
                        continue
                    for working, lim in ((True, minc), (False, minoff)):
                        if length >= lim:
                            continue
                        clause = []
                        # pattern: d-1 opposite, d..e = working, e+1 opposite; forbid it
                        feasible = True
                        for x in range(d - 1, e + 2):
                            want = working if d <= x <= e else (not working)
                            v = wdl[x]
                            if v is None:
                                if want:
                                    feasible = False
                                continue
                            clause.append(v.Not() if want else v)
                        if feasible:
                            m.AddBoolOr(clause)
            # H7 minutes
            mx = int(nz(w.get("maxMinutes"), R["maxWeeklyMinutes"]))
            mn = int(nz(w.get("minMinutes"), 0))
            weeks = [[] for _ in range(self.nweeks)]
            for nd in nds:
                weeks[nd["day"] // 7].extend(nd["min_terms"])
            for k in range(self.nweeks):
                weeks[k].extend(self.report_terms[wi][k])
                weeks[k].extend(self.travel_terms[wi][k])
            wm = []
            ub_all = 0
            for k in range(self.nweeks):
                ub = sum(cf for cf, _ in weeks[k])
                ub_all += ub
                v = m.NewIntVar(0, max(ub, 0), f"wm_{wi}_{k}")
                m.Add(v == sum(cf * l for cf, l in weeks[k]))
                if ub > mx:
                    m.Add(v <= mx)
                if mn > 0:
                    m.Add(v >= mn)
                wm.append(v)
                if w.get("contractMinutes") is not None:
                    cm = int(w["contractMinutes"])
                    if ub > cm:
                        o = m.NewIntVar(0, ub - cm, f"ot_{wi}_{k}")
                        m.AddMaxEquality(o, [0, v - cm])
                        self.ot.append(o)
            self.week_min[wi] = wm
            tot_min = int(nz(w.get("minTotalMinutes"), 0))
            if tot_min > 0:
                m.Add(sum(wm) >= tot_min)
            if w.get("maxTotalMinutes") is not None and ub_all > int(w["maxTotalMinutes"]):
                m.Add(sum(wm) <= int(w["maxTotalMinutes"]))

    # ------------------------------------------------------------------ H6
    def build_caseload(self):
        m = self.m
        nW = len(self.workers)
        load = [int(nz(w.get("caseloadOther"), 0)) for w in self.workers]
        self.alloc = {}
        chosen_terms = [[] for _ in range(nW)]
        by_case = {}
        for si, s in enumerate(self.sessions):
            by_case.setdefault(s["case"], []).append(si)
        for cid, case in self.cases.items():
            aw = case.get("allocatedWorker")
            if aw is not None:
                if aw not in self.wix:
                    raise Refuse(f"case {cid} allocated to unknown worker {aw}")
                load[self.wix[aw]] += 1
        room = [None if w.get("caseloadCap") is None else int(w["caseloadCap"]) - load[wi]
                for wi, w in enumerate(self.workers)]
        for wi, r in enumerate(room):
            if r is not None and r < 0:
                raise Refuse(f"worker {self.workers[wi]['id']} is over caseloadCap with given allocations")
        self.cont_terms = []   # (weight, expr-lit list) handled in objective
        for cid, case in self.cases.items():
            sis = by_case.get(cid, [])
            xs = [self.sess[si]["x"] for si in sis if self.sess[si]["start"] is not None]
            if case.get("allocatedWorker") is not None or not xs:
                continue
            cands = sorted({wi for si in sis for wi in self.sess_workers.get(si, [])})
            if not self.restricted:
                cands = list(range(nW))
            cands = [wi for wi in cands if room[wi] is None or room[wi] > 0]
            if not cands:
                # any worker with room (restricted mode)
                cands = sorted([wi for wi in range(nW) if room[wi] is None or room[wi] > 0],
                               key=lambda wi: -(room[wi] if room[wi] is not None else 10 ** 6))[:3]
            lits = {}
            for wi in cands:
                a = m.NewBoolVar(f"alloc_{cid}_{wi}")
                lits[wi] = a
                chosen_terms[wi].append(a)
            m.AddAtMostOne(lits.values())
            for x in xs:
                m.Add(sum(lits.values()) >= x)
            self.alloc[cid] = lits
        for wi in range(nW):
            if room[wi] is not None and len(chosen_terms[wi]) > room[wi]:
                m.Add(sum(chosen_terms[wi]) <= room[wi])

    # ------------------------------------------------------------------ objective
    def build_objective(self):
        m = self.m
        W = self.W
        t = {k: [] for k in TERMS}   # linear exprs (as lists of (coef, var)) + constants
        const = dict.fromkeys(TERMS, 0)
        for si, s in enumerate(self.sessions):
            rec = self.sess[si]
            x = rec["x"]
            cost = int(W["unassignedMandatory"]) if s.get("mandatory") else \
                int(W["unassignedSession"]) * int(nz(s.get("priority"), 1))
            const["unassigned"] += cost
            t["unassigned"].append((-cost, x))
            if rec["start"] is None:
                continue
            case = self.cases[s["case"]]
            aw = case.get("allocatedWorker")
            cw = int(W["continuity"])
            if aw is not None:
                # charged when assigned and lead != aw
                t["continuity"].append((cw, x))
                for l in self.lead_lits.get((si, self.wix[aw]), []):
                    t["continuity"].append((-cw, l))
            else:
                # lead != chosen allocation: x - sum_w (lead_w AND alloc_w)
                t["continuity"].append((cw, x))
                alits = self.alloc.get(s["case"], {})
                for wi, a in alits.items():
                    ls = self.lead_lits.get((si, wi), [])
                    if not ls:
                        continue
                    both = m.NewBoolVar("")
                    lead = sum(ls)
                    # both == lead AND a  (lead is 0/1 as a sum of exclusive literals)
                    m.Add(both <= lead)
                    m.Add(both <= a)
                    m.Add(both >= lead + a - 1)
                    t["continuity"].append((-cw, both))
            pw = [self.wix[p] for p in (s.get("preferredWorkers") or []) if p in self.wix]
            if s.get("preferredWorkers"):
                pwt = int(W["preference"])
                t["preference"].append((pwt, x))
                for wi in pw:
                    for l in self.lead_lits.get((si, wi), []):
                        t["preference"].append((-pwt, l))
        for wi in range(len(self.workers)):
            for k in range(self.nweeks):
                for cf, l in self.travel_terms[wi][k]:
                    t["travel"].append((int(W["travelMinute"]) * cf, l))
        for o in self.ot:
            t["overtime"].append((int(W["overtimeMinute"]), o))
        # fairness
        for T in self.stypes.values():
            if not nz(T.get("fairness"), True):
                continue
            skillsets = [set(h.get("requiredSkills") or []) for h in self.shifts if h.get("type") == T["id"]]
            counts = []
            for wi, w in enumerate(self.workers):
                if any(ss <= self.skills[wi] for ss in skillsets):
                    hist = int(nz(((w.get("history") or {}).get("shiftCounts") or {}).get(T["id"]), 0))
                    lits = [self.y[(hi, wi)] for hi, h in enumerate(self.shifts)
                            if h.get("type") == T["id"] and (hi, wi) in self.y]
                    counts.append((hist, lits))
            if len(counts) < 2:
                continue
            lo = min(h for h, _ in counts)
            hi_ = max(h + len(ls) for h, ls in counts)
            mxv = m.NewIntVar(lo, hi_, f"fmax_{T['id']}")
            mnv = m.NewIntVar(lo, hi_, f"fmin_{T['id']}")
            exprs = [h + sum(ls) for h, ls in counts]
            m.AddMaxEquality(mxv, exprs)
            m.AddMinEquality(mnv, exprs)
            t["fairness"].append((int(W["fairness"]), mxv))
            t["fairness"].append((-int(W["fairness"]), mnv))
        # requests
        for wi, w in enumerate(self.workers):
            for r in w.get("requests") or []:
                day = self.clock.date_index(parse_date(r["date"]))
                st = r.get("shiftType")
                lits = [y for (hi, y, T) in self.shift_by_wd.get((wi, day), []) if st is None or T == st]
                on = bool(r.get("on", False))
                wt = int(nz(r.get("weight"), 3))
                # broken: on and not working, or off and working; working = OR(lits) (at most
                # maxShiftsPerDay of them; use an exact OR)
                if not lits:
                    if on:
                        const["requests"] += wt
                    continue
                if len(lits) == 1:
                    works = lits[0]
                else:
                    works = m.NewBoolVar("")
                    m.AddMaxEquality(works, lits)
                if on:
                    const["requests"] += wt
                    t["requests"].append((-wt, works))
                else:
                    t["requests"].append((wt, works))
        for sr in self.shift_recs:
            if sr["uw"]:
                t["cover"].append((sr["uw"], sr["under"]))
            if sr["ow"]:
                t["cover"].append((sr["ow"], sr["over"]))
        self.term_exprs = t
        self.term_const = const
        m.Minimize(sum(const.values()) + sum(cf * v for k in TERMS for cf, v in t[k]))

    # ------------------------------------------------------------------ hint
    def hint_warm(self, time_limit, seed):
        """First solution from the warm-start rota: the model with its sessions and shifts fixed
        (routes, allocations and the rest left to CP-SAT) is solved, and the complete assignment
        becomes the hint of the real model."""
        if not self.warm:
            return False
        m2 = self.m.clone()
        for rec in self.sess:
            e = self.warm_sessions.get(rec["id"])
            if rec["start"] is None:
                if e:
                    return False
                continue
            if not e:
                m2.Add(rec["x"] == 0)
                continue
            ws, t, venue = e
            m2.Add(rec["x"] == 1)
            m2.Add(rec["start"] == t)
            found = None
            for pr in rec["placements"]:
                if pr["v"] == venue and t in pr["starts"]:
                    found = pr
                    break
            if found is None:
                return False
            m2.Add(found["p"] == 1)
            lead = dict((wi, l) for wi, l in found["leads"])
            oth = dict((wi, o) for wi, o in found["others"])
            if self.wix.get(ws[0]) not in lead or any(self.wix.get(o) not in oth for o in ws[1:]):
                return False
            m2.Add(lead[self.wix[ws[0]]] == 1)
            for o in ws[1:]:
                m2.Add(oth[self.wix[o]] == 1)
        wsh = {e["id"]: set(e.get("workers") or []) for e in self.warm.get("shifts") or []}
        for sr in self.shift_recs:
            want = wsh.get(sr["id"], set())
            have = set()
            for wi, y in sr["lits"]:
                wid = self.workers[wi]["id"]
                m2.Add(y == (1 if wid in want else 0))
                have.add(wid)
            if want - have:
                return False
        return self._hint_from(m2, time_limit, seed)

    def _hint_from(self, m2, time_limit, seed):
        """Solves m2 (a copy of the model with more constraints) and makes its solution the real
        model's complete hint; False when it finds none in time."""
        s = cp_model.CpSolver()
        s.parameters.max_time_in_seconds = max(0.1, time_limit)
        s.parameters.num_workers = 1
        s.parameters.random_seed = seed
        st = s.Solve(m2)
        if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return False
        sol = s.ResponseProto().solution
        h = self.m.Proto().solution_hint
        h.vars.extend(range(len(sol)))
        h.values.extend(sol)
        return True

    def hint_no_sessions(self, time_limit, seed):
        """First solution: the same model with every session unassigned (shifts only) - small
        after presolve.  Its full assignment becomes the hint of the real model, so CP-SAT starts
        from a feasible rota and improves it."""
        m2 = self.m.clone()
        for rec in self.sess:
            if rec["start"] is not None:
                m2.Add(rec["x"] == 0)
        return self._hint_from(m2, time_limit, seed)

    # ------------------------------------------------------------------ solve / extract
    def solve(self, time_limit, workers, seed, log):
        s = cp_model.CpSolver()
        s.parameters.max_time_in_seconds = max(0.1, time_limit)
        s.parameters.num_workers = workers
        s.parameters.random_seed = seed
        s.parameters.log_search_progress = log
        if workers == 1 and not self.args.no_interleave:
            # one thread that interleaves CP-SAT's whole portfolio (LNS, core, LP, ...); plain
            # num_workers=1 would run a single search strategy only
            s.parameters.interleave_search = True
            if self.args.lns_only:
                # the full-problem searches with an LP take seconds to load on the larger models;
                # keep the LP-free ones and every LNS neighbourhood
                s.parameters.ignore_subsolvers.extend(["default_lp", "fixed", "max_lp", "pseudo_costs",
                                                       "reduced_costs", "core", "quick_restart"]
                                                      + (["quick_restart_no_lp"] if self.args.lns_only == 2 else []))
                s.parameters.max_presolve_iterations = 1
        st = s.Solve(self.m)
        self.solver = s
        return st

    def extract(self, status_name):
        s = self.solver
        V = s.Value
        terms = {}
        for k in TERMS:
            terms[k] = self.term_const[k] + sum(cf * V(v) for cf, v in self.term_exprs[k])
        sessions = []
        for si, rec in enumerate(self.sess):
            if rec["start"] is None or not V(rec["x"]):
                sessions.append({"id": rec["id"], "unassigned": True})
                continue
            t = V(rec["start"])
            for pr in rec["placements"]:
                if V(pr["p"]):
                    lead = [self.workers[wi]["id"] for wi, l in pr["leads"] if V(l)]
                    others = [self.workers[wi]["id"] for wi, o in pr["others"] if V(o)]
                    e = {"id": rec["id"], "workers": lead + others, "start": self.local_str(t)}
                    if pr["v"] is not None:
                        e["venue"] = pr["v"]
                    sessions.append(e)
        shifts = []
        for sr in self.shift_recs:
            shifts.append({"id": sr["id"], "workers": [self.workers[wi]["id"] for wi, y in sr["lits"] if V(y)]})
        allocs = []
        for cid, lits in self.alloc.items():
            for wi, a in lits.items():
                if V(a):
                    allocs.append({"case": cid, "worker": self.workers[wi]["id"]})
        obj = sum(terms.values())
        return obj, terms, {"sessions": sessions, "shifts": shifts, "allocations": allocs}


def main(argv):
    p = argparse.ArgumentParser(description="CP-SAT yardstick for rota team scenarios")
    p.add_argument("scenario")
    p.add_argument("--time-limit", type=float, default=20.0, help="wall seconds for the whole run (build + solve)")
    p.add_argument("--workers", type=int, default=2, help="CP-SAT num_workers")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-candidates", default="auto",
                   help="K workers per session (0 = unrestricted; auto: 0 up to 15 workers, else 4)")
    p.add_argument("--no-interleave", action="store_true",
                   help="with --workers 1: one plain search instead of the interleaved portfolio")
    p.add_argument("--warm-start", choices=["refgreedy", "shifts", "none"], default="refgreedy",
                   help="first solution given to CP-SAT as a complete hint: the reference greedy of gen.py "
                        "(default), shifts only with every session unassigned, or none")
    p.add_argument("--lns-only", default="auto", choices=["auto", "yes", "no", "pure"],
                   help="interleaved mode without the LP-based full searches (auto: with --max-candidates > 0)")
    p.add_argument("--output")
    p.add_argument("--log", action="store_true", help="CP-SAT search log on stderr")
    a = p.parse_args(argv[1:])
    with open(a.scenario) as f:
        sc = json.load(f)
    if a.max_candidates == "auto":
        a.max_candidates = 0 if len(sc.get("workers") or []) <= 15 else 4
    else:
        a.max_candidates = int(a.max_candidates)
    a.lns_only = 2 if a.lns_only == "pure" else int(a.lns_only == "yes" or (a.lns_only == "auto" and a.max_candidates > 0))
    summary = {"scenario": os.path.basename(a.scenario), "workers": len(sc.get("workers") or []),
               "sessions": len(sc.get("sessions") or [])}
    warm = None
    if a.warm_start == "refgreedy":
        # the reference generator's own greedy (Benchmarks/reference/gen.py, Python, independent
        # of rota): a valid rota in about 1 % of the time limit, so that CP-SAT starts from a rota
        import copy
        import gen
        warm = gen.solve(copy.deepcopy(sc))
    try:
        team = Team(sc, a)
        team.build(warm)
    except Refuse as ex:
        summary.update(status="error", error=str(ex))
        print(json.dumps(summary))
        return 2
    hinted = None
    if warm is not None and team.hint_warm(min(10.0, 0.25 * (a.time_limit - (time.monotonic() - T0))), a.seed):
        hinted = a.warm_start
    elif a.warm_start != "none":
        if team.hint_no_sessions(min(10.0, 0.25 * (a.time_limit - (time.monotonic() - T0))), a.seed):
            hinted = "shifts"
    build_s = time.monotonic() - T0
    proto = team.m.Proto()
    margin = 0.5 + 0.000002 * len(proto.variables)
    budget = a.time_limit - build_s - margin
    t1 = time.monotonic()
    st = team.solve(budget, a.workers, a.seed, a.log)
    solve_s = time.monotonic() - t1
    summary.update(build_seconds=round(build_s, 2), solve_seconds=round(solve_s, 2),
                   variables=len(proto.variables), constraints=len(proto.constraints), arcs=team.narcs,
                   restricted=team.restricted, max_candidates=a.max_candidates, hinted=hinted)
    name = team.solver.StatusName(st)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        summary.update(status="infeasible" if st == cp_model.INFEASIBLE and not team.restricted else "error",
                       cpsat_status=name, objective=None, bound=None)
        if a.output:
            doc = {"format": "rota-solution/1", "scenario": sc.get("name"), "status": summary["status"],
                   "solver": "cp-sat", "reasons": [f"CP-SAT: {name}"]}
            with open(a.output, "w") as f:
                json.dump(doc, f, indent=1)
        print(json.dumps(summary))
        return 4
    obj, terms, parts = team.extract(name)
    cp_obj = round(team.solver.ObjectiveValue())
    cp_bound = round(team.solver.BestObjectiveBound())
    status = "optimal" if st == cp_model.OPTIMAL and not team.restricted else "feasible"
    bound = None if team.restricted else cp_bound
    if cp_obj != obj:
        print(f"warning: CP-SAT objective {cp_obj} != sum of terms {obj}", file=sys.stderr)
    doc = {"format": "rota-solution/1", "scenario": sc.get("name"), "status": status, "solver": "cp-sat",
           "objective": obj, "bound": bound, "seconds": round(time.monotonic() - T0, 2), "terms": terms}
    doc.update(parts)
    if a.output:
        with open(a.output, "w") as f:
            json.dump(doc, f, indent=1)
    summary.update(status=status, cpsat_status=name, objective=obj, cpsat_objective=cp_obj, bound=bound,
                   restricted_bound=cp_bound if team.restricted else None,
                   total_seconds=round(time.monotonic() - T0, 2))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
