#!/usr/bin/env bash
# Runs AlignmentBenchmarks (BenchmarkDotNet, Release) and its numpy peer back to back, under the shared benchmark
# lock so that no other benchmark overlaps. numpy runs with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset (they may be
# set for other tools on this machine; OpenBLAS then picks its kernel for the CPU itself).
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${1:-/tmp/nlpt-alignment-bench}
mkdir -p "$out"
flock /tmp/nlpt-bench.lock bash -c "
  dotnet run -c Release --project tests/NlpTransfer.Benchmarks -- --filter '*AlignmentBenchmarks*' --artifacts '$out/dotnet' &&
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE REPEATS=${REPEATS:-3} /usr/bin/python3 tests/NlpTransfer.Benchmarks/scripts/csls_bli_numpy.py > '$out/numpy.json'
"
cat "$out"/dotnet/results/*AlignmentBenchmarks*-report-github.md
cat "$out/numpy.json"
