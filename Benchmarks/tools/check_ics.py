#!/usr/bin/env python3
"""Parse calendars written by `rota export ics` with the icalendar library (a dev/test tool,
not a runtime dependency: pip install icalendar) and check them against RFC 5545 basics.

usage: check_ics.py DIR [SCENARIO.json]

Checks, per file: CRLF line endings; no content line over 75 octets; icalendar parses it; one
VTIMEZONE whose TZID every DTSTART/DTEND uses; each VEVENT has UID, DTSTAMP, DTSTART, DTEND
(after DTSTART), an integer SEQUENCE and STATUS CONFIRMED or CANCELLED; UIDs unique per file.
With SCENARIO, no case `name` appears anywhere (privacy). Exit 0 when all pass, 1 otherwise.
"""
import json
import pathlib
import sys

import icalendar


def check_file(path, case_names):
    problems = []
    raw = path.read_bytes()
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a line ends in LF without CR")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"line {n} has {len(line)} octets (over 75)")
    text = raw.decode("utf-8")
    for name in case_names:
        if name in text.replace("\r\n ", ""):
            problems.append(f"the case name {name!r} appears")
    cal = icalendar.Calendar.from_ical(raw)
    tzids = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
    if len(tzids) != 1:
        problems.append(f"expected one VTIMEZONE, found {len(tzids)}")
    uids = set()
    events = cal.walk("VEVENT")
    for ev in events:
        uid = str(ev.get("UID", ""))
        if not uid:
            problems.append("a VEVENT has no UID")
        if uid in uids:
            problems.append(f"UID {uid} appears twice")
        uids.add(uid)
        for key in ("DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS"):
            if key not in ev:
                problems.append(f"{uid}: no {key}")
        if "DTSTART" in ev and "DTEND" in ev:
            start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
            if start.tzinfo is None:
                problems.append(f"{uid}: DTSTART has no time zone")
            if end <= start:
                problems.append(f"{uid}: DTEND is not after DTSTART")
            if tzids and ev["DTSTART"].params.get("TZID") != tzids[0]:
                problems.append(f"{uid}: DTSTART TZID is not the VTIMEZONE's")
        if str(ev.get("STATUS", "")) not in ("CONFIRMED", "CANCELLED"):
            problems.append(f"{uid}: STATUS {ev.get('STATUS')}")
        int(ev.get("SEQUENCE", 0))
    cancelled = sum(1 for ev in events if str(ev.get("STATUS")) == "CANCELLED")
    return problems, len(events), cancelled


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    folder = pathlib.Path(sys.argv[1])
    case_names = []
    if len(sys.argv) > 2:
        scenario = json.loads(pathlib.Path(sys.argv[2]).read_text())
        case_names = [c["name"] for c in scenario.get("cases", []) if c.get("name")]
    files = sorted(folder.glob("*.ics"))
    total = cancelled_total = 0
    bad = 0
    for f in files:
        problems, n, cancelled = check_file(f, case_names)
        total += n
        cancelled_total += cancelled
        if problems:
            bad += 1
            print(f"{f.name}: {len(problems)} problem(s)")
            for p in problems[:20]:
                print(f"  {p}")
    print(f"{len(files)} file(s), {total} event(s) ({cancelled_total} cancelled), icalendar {icalendar.__version__}: "
          + ("all pass" if bad == 0 else f"{bad} file(s) with problems"))
    return 0 if bad == 0 and files else 1


if __name__ == "__main__":
    sys.exit(main())
