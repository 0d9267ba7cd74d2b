#!/usr/bin/env python3
"""Writes sample-vectors.w2v.txt: 64 hand-designed 24-dimensional word vectors (word2vec text format) for the
README's first command and for trying `nlpt vectors` verbs without downloading anything.

The vectors are synthetic, not trained: each dimension stands for a feature (royalty, male, female, capital city,
country, one dimension per country, animal, young, comparative, superlative, ...), plus a little deterministic
noise, so that neighbours and analogies behave as they do in real embeddings (king - man + woman ~ queen,
paris - france + germany ~ berlin). Deterministic: a fixed linear congruential generator, values rounded to 4
decimals. Run: python3 vocab/sample/make_sample_vectors.py (from the repository root).
"""
import os

FEATURES = ["royal", "male", "female", "person", "family", "young", "capital", "country",
            "fr", "de", "it", "es", "jp", "cn", "gb", "europe", "asia", "animal", "adjective",
            "comparative", "superlative", "good", "size", "number"]
F = {name: i for i, name in enumerate(FEATURES)}

WORDS = {
    "king": "royal male person", "queen": "royal female person", "prince": "royal male person young",
    "princess": "royal female person young", "man": "male person", "woman": "female person",
    "boy": "male person young", "girl": "female person young", "father": "male person family",
    "mother": "female person family", "son": "male person family young", "daughter": "female person family young",
    "brother": "male person family", "sister": "female person family", "uncle": "male person family",
    "aunt": "female person family", "husband": "male person family", "wife": "female person family",
    "paris": "capital fr europe", "france": "country fr europe", "berlin": "capital de europe",
    "germany": "country de europe", "rome": "capital it europe", "italy": "country it europe",
    "madrid": "capital es europe", "spain": "country es europe", "tokyo": "capital jp asia",
    "japan": "country jp asia", "beijing": "capital cn asia", "china": "country cn asia",
    "london": "capital gb europe", "england": "country gb europe",
    "cat": "animal", "kitten": "animal young", "dog": "animal", "puppy": "animal young",
    "horse": "animal size", "foal": "animal young size", "cow": "animal size", "calf": "animal young size",
    "good": "adjective good", "better": "adjective good comparative", "best": "adjective good superlative",
    "bad": "adjective", "worse": "adjective comparative", "worst": "adjective superlative",
    "big": "adjective size", "bigger": "adjective size comparative", "biggest": "adjective size superlative",
    "small": "adjective", "smaller": "adjective comparative", "smallest": "adjective superlative",
    "one": "number", "two": "number", "three": "number", "four": "number", "five": "number",
    "the": "", "of": "", "and": "", "a": "", "in": "", "to": "", "café": "",
}


class Lcg:
    """Numerical Recipes LCG: the same numbers on every machine and Python version."""

    def __init__(self, seed: int) -> None:
        self.state = seed

    def uniform(self) -> float:
        self.state = (1664525 * self.state + 1013904223) % 2**32
        return self.state / 2**32 - 0.5


def main() -> None:
    rng = Lcg(20240531)
    lines = [f"{len(WORDS)} {len(FEATURES)}"]
    for word, features in WORDS.items():
        vector = [0.3 * rng.uniform() for _ in FEATURES]
        for feature in features.split():
            vector[F[feature]] += 1.0
        lines.append(word + " " + " ".join(f"{v:.4f}" for v in vector))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample-vectors.w2v.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{path}: {len(WORDS)} words x {len(FEATURES)} dims")


if __name__ == "__main__":
    main()
