#!/usr/bin/env python3
"""Independent parts on two cores: K generated teams joined into one scenario that share no
worker, venue, case or shift type (ids prefixed per team; each team's sessions and shifts require
its team skill, which only its workers have), solved by `rota solve --solver greedy`
with --threads 1 (the whole scenario at once) and --threads 2 (parts solved separately, two at a
time). Every answer is judged by `rota check`. Prints a Markdown table.

Usage: Benchmarks/greedy/parts.py ROTA_BINARY [--teams 6] [--workers 40] [--seconds 20] [--runs 3]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from benchlib import machine  # noqa: E402

GEN = os.path.join(HERE, "..", "reference", "gen.py")


def team(seed, workers, days, p):
    d = json.loads(subprocess.check_output([sys.executable, GEN, "gen", "--seed", str(seed), "--workers", str(workers), "--days", str(days)]))
    P = lambda x: None if x is None else p + x  # noqa: E731
    for x in d["locations"]: x["id"] = P(x["id"])
    for x in d.get("travelMatrix", []): x["from"] = P(x["from"]); x["to"] = P(x["to"])
    for x in d["venues"]: x["id"] = P(x["id"]); x["location"] = P(x["location"])
    for x in d["shiftTypes"]: x["id"] = P(x["id"])
    for w in d["workers"]:
        w["id"] = P(w["id"]); w["base"] = P(w["base"])
        w["maxShifts"] = {P(k): v for k, v in w.get("maxShifts", {}).items()}
        for r in w.get("requests", []): r["shiftType"] = P(r.get("shiftType"))
        h = w.get("history")
        if h and "shiftCounts" in h: h["shiftCounts"] = {P(k): v for k, v in h["shiftCounts"].items()}
    for c in d["cases"]:
        c["id"] = P(c["id"]); c["allocatedWorker"] = P(c.get("allocatedWorker"))
        c["excludedWorkers"] = [P(w) for w in c.get("excludedWorkers", [])]
    for s in d["sessions"]:
        s["id"] = P(s["id"]); s["case"] = P(s["case"]); s["venues"] = [P(v) for v in s.get("venues", [])]
        if s.get("transport"): s["transport"]["from"] = P(s["transport"]["from"])
        s["preferredWorkers"] = [P(w) for w in s.get("preferredWorkers", [])]
        if s.get("pinned"):
            s["pinned"]["workers"] = [P(w) for w in s["pinned"]["workers"]]; s["pinned"]["venue"] = P(s["pinned"].get("venue"))
    for h in d["shifts"]:
        h["id"] = P(h["id"]); h["type"] = P(h["type"]); h["pinnedWorkers"] = [P(w) for w in h.get("pinnedWorkers", [])]
    # Who may staff what: the team's own skill, on its workers, sessions and shifts.
    skill = p + "team"
    for w in d["workers"]: w["skills"] = w.get("skills", []) + [skill]
    for x in d["sessions"] + d["shifts"]: x["requiredSkills"] = x.get("requiredSkills", []) + [skill]
    return d


def county(teams, workers, days, seed):
    out = None
    for k in range(teams):
        d = team(seed + k, workers, days, f"t{k + 1}-")
        if out is None:
            out = d
            out["name"] = f"{teams} independent teams of {workers} workers (seeds {seed}..{seed + teams - 1})"
            continue
        for key in ["locations", "venues", "workers", "cases", "sessions", "shiftTypes", "shifts", "travelMatrix"]:
            if key in d: out.setdefault(key, []).extend(d[key])
    return out


def run(binary, scenario, threads, seconds, seed):
    with tempfile.TemporaryDirectory() as tmp:
        sol = os.path.join(tmp, "s.json")
        r = subprocess.run([binary, "solve", scenario, "--solver", "greedy", "--time-limit", str(seconds), "--threads", str(threads),
                            "--seed", str(seed), "--output", sol, "--quiet"], capture_output=True, text=True)
        if r.returncode != 0:
            return None, None, False
        doc = json.load(open(sol))
        chk = subprocess.run([binary, "check", scenario, sol, "--json"], capture_output=True, text=True)
        return doc.get("objective"), doc.get("seconds"), chk.returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--teams", type=int, default=6)
    ap.add_argument("--workers", type=int, default=40)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=41)
    a = ap.parse_args()
    sc = county(a.teams, a.workers, a.days, a.seed)
    path = os.path.join(tempfile.gettempdir(), f"rota-parts-{a.teams}x{a.workers}.json")
    json.dump(sc, open(path, "w"))
    print(f"Scenario: {sc['name']}: {len(sc['workers'])} workers, {len(sc['sessions'])} sessions, {len(sc['shifts'])} shifts.\n")
    print(machine() + "\n")
    print(f"`rota solve --solver greedy --time-limit {a.seconds:g}`, median of {a.runs} runs (seeds 1..{a.runs}); valid = `rota check` exit 0.\n")
    print("| threads | objective (median) | objectives | seconds (median) | valid |")
    print("| ---: | ---: | --- | ---: | --- |")
    for threads in (1, 2):
        objs, secs, ok = [], [], True
        for k in range(a.runs):
            o, s, v = run(a.binary, path, threads, a.seconds, k + 1)
            ok = ok and v and o is not None
            if o is not None: objs.append(o); secs.append(s)
        med = statistics.median(objs) if objs else None
        print(f"| {threads} | {med if med is not None else '-'} | {', '.join(map(str, objs))} | {statistics.median(secs) if secs else '-'} | {'yes' if ok else 'NO'} |")


if __name__ == "__main__":
    main()
