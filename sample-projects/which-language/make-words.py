#!/usr/bin/env python3
"""Makes words.csv, the data of the "Which language is this word?" sample, from Debian's word lists.

    mkdir words && cd words && apt-get download wamerican wfrench wngerman witalian wspanish wdutch
    for d in *.deb; do dpkg-deb -x "$d" x; done
    python3 ../make-words.py x/usr/share/dict > ../words.csv

Keeps words of 3 to 12 letters (no apostrophes, hyphens or digits), lowercased; drops a word found in more than
one language's list (its language cannot be told from its letters), then draws 4000 words per language with a fixed
seed, so the file is the same on every run. WORDS-LICENCE.md says where each list comes from and its licence.
"""
import csv
import random
import sys

LISTS = [("English", "american-english"), ("French", "french"), ("German", "ngerman"),
         ("Italian", "italian"), ("Spanish", "spanish"), ("Dutch", "dutch")]
PER_LANGUAGE = 4000


def words(path):
    kept = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip().lower()
            if 3 <= len(w) <= 12 and all(c.isalpha() for c in w):
                kept.add(w)
    return kept


def main(folder):
    found = {lang: words(f"{folder}/{name}") for lang, name in LISTS}
    seen = {}
    for lang, ws in found.items():
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    rng = random.Random(42)
    rows = []
    for lang, _ in LISTS:
        own = sorted(w for w in found[lang] if seen[w] == 1)
        rows += [(w, lang) for w in rng.sample(own, PER_LANGUAGE)]
    rng.shuffle(rows)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["word", "language"])
    out.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
