#!/usr/bin/env bash
# Head training speed against scikit-learn on the same cached features (SST-2 train, 6,920 rows).
# usage: tests/NlpTransfer.Benchmarks/scripts/head_vs_sklearn.sh [data-dir] [cache-dir]
# Runs `nlpt train` (Release) with L-BFGS + L2 (C = 1, the scikit-learn default) and with AdamW, five times each,
# then scikit-learn's LogisticRegression(C=1, max_iter=1000) on the features the first run cached. Wrapped in
# flock so that benchmarks never overlap. Prints the training seconds of each run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
data="${1:-../shared/data}"
cache="${2:-${TMPDIR:-/tmp}/nlpt-integration-feature-cache}"
train="$data/sentiment/sst2/stsa.binary.train"
dotnet build src/NlpTransfer.Cli -c Release -v quiet -nologo >/dev/null
nlpt="dotnet src/NlpTransfer.Cli/bin/Release/net10.0/nlpt.dll"
run() {
  flock /tmp/nlpt-bench.lock $nlpt train --train "$train" --features "$1" --cache-dir "$cache" --output /tmp/nlpt-bench.head.json --json "${@:2}" 2>/dev/null \
    | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print("  training %.3f s  epochs/iterations %d  per epoch %.4f s" % (r["seconds"]["training"], r["epochs_run"], r["seconds"]["per_epoch"]))'
}
for features in minilm "vectors:$data/vectors/glove-100d-top50k.w2v.txt"; do
  prefix=$([ "$features" = minilm ] && echo all-minilm || echo word-vector-mean)
  echo "== features $features"
  echo "nlpt train --optimizer lbfgs --sklearn-c 1 (5 runs):"
  for i in 1 2 3 4 5; do run "$features" --optimizer lbfgs --sklearn-c 1; done
  echo "nlpt train (AdamW, 10 epochs, no dev) (5 runs):"
  for i in 1 2 3 4 5; do run "$features" --epochs 10; done
  echo "scikit-learn LogisticRegression(C=1, max_iter=1000), same features:"
  flock /tmp/nlpt-bench.lock /usr/bin/python3 tests/NlpTransfer.Benchmarks/scripts/head_vs_sklearn.py "$cache" "$train" --identity-prefix "$prefix"
done
