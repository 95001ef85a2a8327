#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# rota at the sizes of Curtois & Qu's Instances 13-24, which are not in ../shared: stand-ins made by
# scale.py from the shared instances (same format, same rules; see scale.py), each solved once at
# the time limit and judged by `rota check`. Writes Benchmarks/curtois/LARGER.md.
#
#   swift build -c release && sh Benchmarks/curtois/larger.sh [seconds] [solvers] [bounds.json ...]
#
# The stand-ins have no best known value. With bounds files (`bounds.py --json` or `highs_lp.py --json`,
# run with --data on the same stand-ins: KEEP=DIR keeps them there) the table adds the best proved
# lower bound and the gap to it, which is at least the gap to the optimum.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${KEEP:-$(mktemp -d)}
mkdir -p "$data"
limit=${1:-60}
solvers=${2:-auto}
[ $# -ge 2 ] && shift 2 || shift $#
boundargs=""
for b in "$@"; do boundargs="$boundargs --bounds $b"; done
shared=${SHARED:-/work/shared/bench/curtois-qu}
# name, source instance, days, staff, shift types: the sizes of the benchmark's Instances 13-24.
while read -r n src days staff types; do
    python3 "$here/scale.py" "$shared/Instance$src.txt" --days "$days" --staff "$staff" --types "$types" \
        --output "$data/Instance$n.txt"
done <<SIZES
13 12 28 120 18
14 8 42 32 4
15 11 42 45 6
16 7 56 20 3
17 8 56 32 4
18 7 84 22 3
19 10 84 40 5
20 11 182 50 6
21 11 182 100 8
22 12 364 50 10
23 12 364 100 16
24 12 364 150 32
SIZES
python3 "$here/report.py" --data "$data" --instances 13-24 --solvers "$solvers" --time-limit "$limit" \
    --label "stand-in " --output "$here/LARGER.md" $boundargs \
    --note "Stand-ins for Instances 13-24 (scale.py: the shared instance named in larger.sh repeated over the days, its staff and shift types copied); their optimum is unknown, so there is no gap to best known; with a bounds file the last two columns give the gap to a proved lower bound, at least the gap to the optimum."
[ -n "${KEEP:-}" ] || rm -rf "$data"
