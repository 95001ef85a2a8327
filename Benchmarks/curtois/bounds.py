#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proved lower bounds for Curtois & Qu instances (or scale.py's stand-ins) from `rota bound`:
column generation's root, priced exactly. Prints a Markdown table and, with --json, writes instance
number -> bound in the form `report.py --bounds` reads (as `highs_lp.py --json` does).

    swift build -c release
    python3 Benchmarks/curtois/bounds.py --data DIR --instances 13-24 --time-limit 300 --json bounds.json
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import machine, write_atomically  # noqa: E402
from report import BEST_KNOWN, DEFAULT_DATA, find_rota, import_instance, parse_range  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--instances", default="1-12")
    ap.add_argument("--time-limit", type=float, default=300.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--labels", type=int, help="rota bound --labels (default: rota's)")
    ap.add_argument("--rota")
    ap.add_argument("--json", help="write instance number -> bound here (report.py --bounds reads it)")
    a = ap.parse_args()
    rota = find_rota(a.rota)
    print(machine() + "\n")
    print(f"`rota bound --time-limit {a.time_limit:g} --threads {a.threads}`"
          + (f" `--labels {a.labels}`" if a.labels else "") + "\n")
    print("| instance | best known | bound | least objective | converged | rounds | seconds | note |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |", flush=True)
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in parse_range(a.instances):
            files = import_instance(rota, a.data, n, tmp)
            if files is None:
                continue
            sc = files[1]
            out = os.path.join(tmp, f"b{n}.json")
            cmd = [rota, "bound", sc, "--time-limit", f"{a.time_limit:g}", "--threads", str(a.threads), "--output", out]
            if a.labels:
                cmd += ["--labels", str(a.labels)]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=a.time_limit * 2 + 120)
            if not os.path.exists(out):
                print(f"| Instance{n} | {BEST_KNOWN.get(n, '')} | | | | | | {p.stderr.strip()[:200]} |", flush=True)
                continue
            with open(out) as f:
                doc = json.load(f)
            if doc.get("bound") is not None:
                found[n] = {"bound": doc["bound"], "by": "rota bound", "converged": doc["converged"],
                            "seconds": doc["seconds"], "time_limit": a.time_limit}
            b = doc.get("bound")
            print(f"| Instance{n} | {BEST_KNOWN.get(n, '')} | {'' if b is None else f'{b:.2f}'} | {doc.get('leastObjective') or ''} "
                  f"| {'yes' if doc['converged'] else 'no'} | {doc['rounds']} | {doc['seconds']:.1f} | {doc.get('note') or ''} |", flush=True)
            if a.json:
                write_atomically(a.json, json.dumps(found, indent=1))


if __name__ == "__main__":
    main()
