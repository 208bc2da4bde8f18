#!/usr/bin/env python3
"""Makes tang300.txt, the corpus of the "Tang poems" sample, from Debian's fortunes-zh package.

    mkdir tang && cd tang && apt-get download fortunes-zh && dpkg-deb -x fortunes-zh_*.deb x
    python3 ../make-corpus.py x/usr/share/games/fortunes/tang300 > ../tang300.txt

Keeps each poem's lines and drops its title, its author and the colour codes fortune prints them with; poems are
separated by an empty line. Only the poems whose every line is made of halves of five or seven characters, each
ended by the poems' punctuation (，。？！；), are kept: the sample's network learns that form. CORPUS-LICENCE.md says
where the poems come from and the licence they are shipped under.
"""
import re
import sys

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
HALF = re.compile(r"[^，。？！；]+[，。？！；]")


def poems(text):
    for block in text.split("\n%\n"):
        lines = [ESCAPE.sub("", l).strip() for l in block.strip().split("\n")]
        body = [l for l in lines if l and not l.startswith("《") and not l.startswith("作者：")]
        if body:
            yield body


def regular(body):
    for line in body:
        halves = HALF.findall(line)
        if "".join(halves) != line or any(len(h) - 1 not in (5, 7) for h in halves):
            return False
    return True


def main(path):
    with open(path, encoding="utf-8") as f:
        kept = [p for p in poems(f.read()) if regular(p)]
    sys.stdout.write("\n\n".join("\n".join(p) for p in kept) + "\n")
    print(f"{len(kept)} poems", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
