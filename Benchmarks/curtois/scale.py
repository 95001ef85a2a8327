#!/usr/bin/env python3
"""Make larger instances in the Curtois & Qu format from a shared one, for testing rota at the
sizes of the benchmark's Instances 13-24 (28 to 364 days, up to 150 staff and 32 shift types),
which are not in ../shared.

The larger instance repeats the source's days (days off, requests and cover every `source days`),
copies its staff (new ids, the same rules, cover raised in proportion) and copies its shift
types (new ids, the same length and successions; each copy takes its share of the cover).
Per-horizon limits (shifts of a type, total minutes, weekends) grow with the horizon. Staff copy c
of person P has P's requests and days off moved by c days, so copies differ.

These are stand-ins, not the benchmark's instances: their optimum is unknown, and the report
compares rota against the lower bound it proves, not against a best-known value.

    python3 Benchmarks/curtois/scale.py ../shared/bench/curtois-qu/Instance12.txt \
        --days 364 --staff 150 --types 32 --output /tmp/S24.txt
"""
import argparse
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from yardstick import read_sections  # noqa: E402


def scale(path, days, staff, types, seed):
    rng = random.Random(seed)
    src = read_sections(path)
    src_days = int(src["SECTION_HORIZON"][0][0])
    if days % 7:
        raise SystemExit("--days must be a whole number of weeks")
    day_factor = days / src_days

    shifts = [row + [""] * (3 - len(row)) for row in src["SECTION_SHIFTS"]]
    src_types = [s[0] for s in shifts]
    copies = {t: [t] for t in src_types}
    i = 0
    while sum(len(c) for c in copies.values()) < types:
        t = src_types[i % len(src_types)]
        copies[t].append(f"{t}x{len(copies[t])}")
        i += 1
    out = ["SECTION_HORIZON", str(days), "", "SECTION_SHIFTS"]
    for ident, length, forbidden in shifts:
        banned = [c for f in forbidden.split("|") if f for c in copies[f]]
        for c in copies[ident]:
            out.append(f"{c},{length},{'|'.join(banned)}")

    people = src["SECTION_STAFF"]
    staff_ids = []
    out += ["", "SECTION_STAFF"]
    for k in range(staff):
        base = people[k % len(people)]
        copy = k // len(people)
        ident = base[0] if copy == 0 else f"{base[0]}_{copy}"
        staff_ids.append((ident, base[0], copy))
        limits = []
        for item in base[1].split("|"):
            t, n = item.split("=")
            for c in copies[t]:
                allowed = int(n) > 0 and (c == t or rng.random() < 0.7)
                limits.append(f"{c}={math.ceil(int(n) * day_factor) if allowed else 0}")
        max_total = round(int(base[2]) * day_factor)
        min_total = round(int(base[3]) * day_factor)
        weekends = math.ceil(int(base[7]) * day_factor)
        out.append(f"{ident},{'|'.join(limits)},{max_total},{min_total},{base[4]},{base[5]},{base[6]},{weekends}")

    def shifted(day, copy, repeat):
        """The day of a source day in a repeat, moved by the copy's offset; None beyond the horizon."""
        d = int(day) + repeat * src_days + copy
        return d if 0 <= d < days else None

    def type_copy(t):
        return rng.choice(copies[t])

    repeats = math.ceil(days / src_days)
    # Repeats from -1, so that a copy moved by c days has the source's pattern from day 0 on.
    every = range(-1, repeats)
    days_off = {p[0]: p[1:] for p in src["SECTION_DAYS_OFF"]}
    out += ["", "SECTION_DAYS_OFF"]
    for ident, base, copy in staff_ids:
        listed = sorted({shifted(d, copy, r) for d in days_off.get(base, []) for r in every} - {None})
        out.append(",".join([ident] + [str(d) for d in listed]))

    for section in ("SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS"):
        out += ["", section]
        rows = src.get(section, [])
        by_person = {}
        for p, d, t, w in rows:
            by_person.setdefault(p, []).append((d, t, w))
        for ident, base, copy in staff_ids:
            seen = set()
            for r in every:
                for d, t, w in by_person.get(base, []):
                    day = shifted(d, copy, r)
                    if day is None or day in seen:
                        continue
                    seen.add(day)
                    out.append(f"{ident},{day},{type_copy(t)},{w}")

    staff_factor = staff / len(people)
    out += ["", "SECTION_COVER"]
    cover = src["SECTION_COVER"]
    for r in range(repeats):
        for d, t, req, under, over in cover:
            day = int(d) + r * src_days
            if day >= days:
                continue
            total = round(int(req) * staff_factor)
            share, extra = divmod(total, len(copies[t]))
            for n, c in enumerate(copies[t]):
                out.append(f"{day},{c},{share + (1 if n < extra else 0)},{under},{over}")
    return "\r\n".join(out) + "\r\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("--days", type=int, required=True)
    parser.add_argument("--staff", type=int, required=True)
    parser.add_argument("--types", type=int, default=0, help="shift types (default: the source's)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    text = scale(args.source, args.days, args.staff, args.types, args.seed)
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
