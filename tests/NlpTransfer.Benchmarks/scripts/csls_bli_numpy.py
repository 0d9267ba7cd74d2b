#!/usr/bin/python3
"""numpy peer of AlignmentBenchmarks: CSLS BLI, 1,500 queries x 200,000 targets x 300 dims, float32.

The same computation as CrossLingualRetriever: unit-normalise both sides, cos = Q T^T, r_T = mean of each query's
10 best cosines, r_S = mean of each target's 10 best cosines over the 1,500 queries, CSLS = 2 cos - r_T - r_S,
top-10 targets per query (sorted). The straightforward numpy way: one 1,500 x 200,000 score matrix (1.2 GB).
A second variant, csls_top10_blocked, works MUSE's way (target blocks, contiguous partitions) and is usually
faster; the comparison uses the faster of the two. Also times the nearest-neighbour top-10 and the bare 1,500 x 20,000 x 300 product.

Run with Debian's python3-numpy over OpenBLAS (libopenblas0-pthread); unset OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE
for this command only (run-alignment-benchmarks.sh does). Prints one JSON object.
"""
import json
import os
import platform
import sys
import time

import numpy as np

Q, T, D, K, TOP = 1500, 200_000, 300, 10, 10
REPEATS = int(os.environ.get("REPEATS", "3"))


def unit(m):
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def top_sorted(scores, n):
    part = np.argpartition(-scores, n - 1, axis=1)[:, :n]
    vals = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-vals, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(vals, order, axis=1)


def csls_top10(queries, targets):
    q, t = unit(queries), unit(targets)
    cos = q @ t.T                                                    # Q x T
    r_t = np.partition(cos, T - K, axis=1)[:, T - K:].mean(axis=1)   # each query's K best targets
    r_s = np.partition(cos, Q - K, axis=0)[Q - K:, :].mean(axis=0)   # each target's K best queries
    csls = 2 * cos
    csls -= r_t[:, None]
    csls -= r_s[None, :]
    return top_sorted(csls, TOP)


def csls_top10_blocked(queries, targets, block=20_000):
    """MUSE-style: neighbourhood terms from contiguous products (no strided partition), then CSLS per target
    block with a running top-10; three products in all, peak memory one 1,500 x block slab per step."""
    q, t = unit(queries), unit(targets)
    r_t_lists = []
    r_s = np.empty(T, dtype=np.float32)
    for j in range(0, T, block):
        tb = t[j:j + block]
        ct = tb @ q.T                                                  # block x Q, rows contiguous
        r_s[j:j + block] = np.partition(ct, Q - K, axis=1)[:, Q - K:].mean(axis=1)
        c = q @ tb.T                                                   # Q x block
        r_t_lists.append(np.partition(c, c.shape[1] - K, axis=1)[:, c.shape[1] - K:])
    r_t = np.partition(np.concatenate(r_t_lists, axis=1), -K, axis=1)[:, -K:].mean(axis=1)
    best_i = np.empty((Q, 0), dtype=np.int64)
    best_v = np.empty((Q, 0), dtype=np.float32)
    for j in range(0, T, block):
        s = 2 * (q @ t[j:j + block].T) - r_t[:, None] - r_s[None, j:j + block]
        i, v = top_sorted(s, TOP)
        best_i = np.concatenate([best_i, i + j], axis=1)
        best_v = np.concatenate([best_v, v], axis=1)
        i, v = top_sorted(best_v, TOP)
        best_i, best_v = np.take_along_axis(best_i, i, axis=1), v
    return best_i, best_v


def nn_top10(queries, targets):
    q, t = unit(queries), unit(targets)
    return top_sorted(q @ t.T, TOP)


def product(queries, targets):
    return queries @ targets[:20_000].T


def timed(fn, *args):
    fn(*args)  # warm-up
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn(*args)
        runs.append(time.perf_counter() - start)
    runs.sort()
    return {"median_s": runs[len(runs) // 2], "min_s": runs[0], "runs_s": runs}


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return threadpool_info()
    except ImportError:
        pass
    libs = []
    try:
        with open(f"/proc/{os.getpid()}/maps") as maps:
            for line in maps:
                if "blas" in line or "lapack" in line:
                    libs.append(line.split()[-1])
    except OSError:
        pass
    return sorted(set(libs))


def main():
    rng = np.random.default_rng(42)
    queries = rng.uniform(-1, 1, (Q, D)).astype(np.float32)
    targets = rng.uniform(-1, 1, (T, D)).astype(np.float32)
    result = {
        "shape": {"queries": Q, "targets": T, "dimensions": D, "csls_k": K, "top": TOP},
        "numpy": np.__version__,
        "python": platform.python_version(),
        "blas": blas_info(),
        "env": {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS", "OMP", "MKL"))},
        "csls_top10": timed(csls_top10, queries, targets),
        "csls_top10_blocked": timed(csls_top10_blocked, queries, targets),
        "nn_top10": timed(nn_top10, queries, targets),
        "product_1500x20000x300": timed(product, queries, targets),
    }
    result["csls_best_median_s"] = min(result["csls_top10"]["median_s"], result["csls_top10_blocked"]["median_s"])
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
