#!/usr/bin/env python3
"""Makes sayings.txt, the corpus of the "Sayings" sample, from Debian's fortunes package (BSD licence).

    mkdir sayings && cd sayings && apt-get download fortunes && dpkg-deb -x fortunes_*.deb x
    f=x/usr/share/games/fortunes
    python3 ../make-corpus.py $f/people $f/wisdom $f/work $f/science $f/literature > ../sayings.txt

Each fortune becomes one line: its lines joined with single spaces, its attribution ("-- Name") dropped. Kept are
only fortunes of plain prose: printable ASCII, no tables or verse laid out with tabs or runs of spaces, no dialogue
set out line by line, at most 300 characters. CORPUS-LICENCE.md says where the sayings come from and their licence.
"""
import re
import sys

ATTRIBUTION = re.compile(r"^\s*--\s")
PROSE = re.compile(r"^[ -~]+$")


def fortunes(text):
    for block in text.split("\n%\n"):
        lines = block.rstrip("\n%").split("\n")
        body = []
        for line in lines:
            if ATTRIBUTION.match(line):
                break
            body.append(line)
        yield body


def saying(body):
    if not body or any("\t" in l or "   " in l.strip() or ":" in l[:12] for l in body):
        return None
    text = " ".join(l.strip() for l in body if l.strip())
    text = re.sub(r"\s+", " ", text).strip()
    if not text or len(text) > 300 or not PROSE.match(text):
        return None
    return text


def main(paths):
    seen = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="strict") as f:
            for body in fortunes(f.read()):
                s = saying(body)
                if s and s not in seen:
                    seen.add(s)
                    print(s)


if __name__ == "__main__":
    main(sys.argv[1:])
