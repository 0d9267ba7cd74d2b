#!/usr/bin/python3
"""Times gensim's side of WordVectorQueryBenchmarks on the same files, for the ratio in docs/word-vectors-queries.md.

Usage (Debian 12: python3-gensim 4.2.0, numpy 1.24 with OpenBLAS), wrapped in the shared benchmark lock:
    flock /tmp/nlpt-bench.lock /usr/bin/python3 tests/NlpTransfer.Benchmarks/scripts/gensim_word_vector_queries.py \
        VECTORS.w2v.txt QUESTIONS.txt [--repeats N] [--skip-analogies] [--skip-batch]

For the full 341,479-word file the analogy run takes many minutes; the figures in the docs used every 10th question
(section lines kept), written with:
    awk '/^:/ || (n++ % 10 == 0)' questions-words.txt > /tmp/questions-words.every10.txt
and the same file on the .NET side.

Prints one JSON object: load seconds, evaluate_word_analogies seconds (each repeat) and its counts, most_similar
latency for one word ("king", topn=10, median of 20) and the time for 1,000 query vectors (most_similar with a
vector each, topn=10: gensim has no batched most_similar).
"""
import argparse
import json
import statistics
import time

import numpy as np
from gensim.models import KeyedVectors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("vectors")
    parser.add_argument("questions")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--skip-analogies", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()

    t0 = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(args.vectors, binary=False)
    load_s = time.perf_counter() - t0
    kv.fill_norms()

    result = {"vectors": args.vectors, "words": len(kv.index_to_key), "load_s": round(load_s, 3)}

    one = []
    kv.most_similar("king", topn=10)
    for _ in range(20):
        t0 = time.perf_counter()
        kv.most_similar("king", topn=10)
        one.append(time.perf_counter() - t0)
    result["most_similar_one_ms_median"] = round(1000 * statistics.median(one), 3)

    if not args.skip_batch:
        result.update(time_batch(kv))

    if not args.skip_analogies:
        runs = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            score, sections = kv.evaluate_word_analogies(args.questions)
            runs.append(round(time.perf_counter() - t0, 3))
        total = sections[-1]
        result["evaluate_word_analogies_s"] = runs
        result["analogies_correct"] = len(total["correct"])
        result["analogies_evaluated"] = len(total["correct"]) + len(total["incorrect"])

    print(json.dumps(result))


def time_batch(kv):
    """1,000 perturbed word vectors (rows 0, 37, 74, ...), most_similar(topn=10) each: gensim has no batched call."""
    rng = np.random.default_rng(42)
    rows = [(q * 37) % len(kv.index_to_key) for q in range(1000)]
    queries = kv.vectors[rows] + (rng.random((1000, kv.vector_size), dtype=np.float32) - 0.5) * 0.1
    t0 = time.perf_counter()
    for q in queries:
        kv.most_similar(positive=[q], topn=10)
    return {"most_similar_batch_1000_s": round(time.perf_counter() - t0, 3)}


if __name__ == "__main__":
    main()
