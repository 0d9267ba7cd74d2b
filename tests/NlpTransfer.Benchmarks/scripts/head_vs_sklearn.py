#!/usr/bin/python3
"""Fit time of scikit-learn's LogisticRegression on the very features `nlpt train` cached, for the head benchmark.

usage: head_vs_sklearn.py <cache-dir> <dataset-file> [--identity-prefix all-minilm] [--repeats 5]

Reads the NlpTransfer feature-cache file (NLPTFEAT v1: magic, version, rows, dims, key, float32 rows) whose key names
<dataset-file>'s SHA-256 and an encoder identity starting with the prefix, reads the labels of <dataset-file>
('label text' lines or 'text<TAB>label'), and fits LogisticRegression(C=1.0, max_iter=1000) (lbfgs, L2) several
times. Prints one JSON object: rows, dims, n_iter, fit seconds (min and median), train accuracy.
"""
import hashlib, json, os, struct, sys, time

import numpy as np
from sklearn.linear_model import LogisticRegression


def read_cache(cache_dir, dataset, prefix):
    sha = hashlib.sha256(open(dataset, "rb").read()).hexdigest()
    stem = os.path.basename(dataset)
    for name in sorted(os.listdir(cache_dir)):
        if not (name.startswith(stem + ".") and name.endswith(".nlptfeat")):
            continue
        blob = open(os.path.join(cache_dir, name), "rb").read()
        if blob[:8] != b"NLPTFEAT":
            continue
        version, rows, dims, key_length = struct.unpack("<iiii", blob[8:24])
        key = blob[24:24 + key_length].decode("utf-8").split("\n")
        if version == 1 and key[0].startswith(prefix) and key[1] == sha:
            x = np.frombuffer(blob, dtype="<f4", offset=24 + key_length).reshape(rows, dims)
            return x, key[0]
    raise SystemExit(f"no cached features for {dataset} with an encoder identity starting '{prefix}' in {cache_dir}")


def read_labels(dataset):
    labels = []
    for line in open(dataset, "rb").read().decode("utf-8").split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        labels.append(line[line.rindex("\t") + 1:] if "\t" in line else line[:line.index(" ")])
    return np.array(labels)


def main():
    args = sys.argv[1:]
    cache_dir, dataset = args[0], args[1]
    prefix = args[args.index("--identity-prefix") + 1] if "--identity-prefix" in args else "all-minilm"
    repeats = int(args[args.index("--repeats") + 1]) if "--repeats" in args else 5
    x, identity = read_cache(cache_dir, dataset, prefix)
    y = read_labels(dataset)
    assert len(y) == x.shape[0], (len(y), x.shape)
    times = []
    for _ in range(repeats):
        model = LogisticRegression(max_iter=1000, C=1.0)
        start = time.perf_counter()
        model.fit(x, y)
        times.append(time.perf_counter() - start)
    print(json.dumps({
        "encoder": identity, "rows": int(x.shape[0]), "dims": int(x.shape[1]), "n_iter": int(model.n_iter_[0]),
        "fit_seconds_min": min(times), "fit_seconds_median": float(np.median(times)),
        "train_accuracy": float(model.score(x, y)),
    }))


if __name__ == "__main__":
    main()
