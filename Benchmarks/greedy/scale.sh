#!/bin/sh
# Scale check of the greedy solver on a generated county scenario (600 workers).
# Usage: Benchmarks/greedy/scale.sh [seconds of local search, 0 = greedy alone]
set -e
cd "$(dirname "$0")/../.."
out=${TMPDIR:-/tmp}/rota-county600.json
python3 Benchmarks/reference/gen.py gen --seed 5 --workers 600 --days 7 > "$out"
ROTA_GREEDY_SCALE="$out" ROTA_GREEDY_SECONDS="${1:-0}" \
  swift test -c release --scratch-path .build-greedy --filter 'RotaGreedyTests.ScaleTests'
