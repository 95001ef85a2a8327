#!/bin/sh
# Measures the MIP backend (GLPK) on the shared and project examples.
# Usage: Benchmarks/mip/run.sh [time limit seconds, default 60]
cd "$(dirname "$0")/../.." || exit 1
ROTA_MIP_MEASURE=1 ROTA_MIP_LIMIT="${1:-60}" swift test -c release -Xswiftc -enable-testing --scratch-path .build-mip-release \
  --no-parallel --filter RotaMIPTests.MeasureTests 2>&1 | grep -E "MEASURE|note:|passed|failed"
