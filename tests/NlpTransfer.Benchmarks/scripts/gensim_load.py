#!/usr/bin/python3
"""The gensim side of the text-load comparison: times KeyedVectors.load_word2vec_format on a word2vec text file.

    flock /tmp/nlpt-bench.lock /usr/bin/python3 tests/NlpTransfer.Benchmarks/scripts/gensim_load.py /tmp/glove-6b-100d-wink.w2v.txt [repeats]

Prints one JSON line per run: wall seconds and process CPU seconds (the machine is shared, so both are reported).
"""
import json
import sys
import time

from gensim.models import KeyedVectors


def main(path: str, repeats: int) -> None:
    for _ in range(repeats):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        vectors = KeyedVectors.load_word2vec_format(path, binary=False)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        print(json.dumps({"words": len(vectors.index_to_key), "dims": vectors.vector_size,
                          "wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}), flush=True)
        del vectors


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
