#!/usr/bin/env python3
"""Runs Strata's benchmark and the PyTorch reference alternately and prints samples/s and their ratio.

    /usr/bin/python3 bench/compare.py [--rounds N]

Each round runs bench/run --json once and pytorch_reference.py --json once (one run each), so both see the same
machine state; the table gives medians over the rounds.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    strata, torch_ = {}, {}
    for r in range(a.rounds):
        order = [("strata", [os.path.join(HERE, "run"), "--runs", "1", "--json"]),
                 ("pytorch", [sys.executable, os.path.join(HERE, "pytorch_reference.py"), "--runs", "1", "--json"])]
        if r % 2:
            order.reverse()
        for who, cmd in order:
            for rec in lines(cmd):
                (strata if who == "strata" else torch_).setdefault(rec["net"], []).append(rec["samplesPerSecond"])
        print(f"round {r + 1}/{a.rounds} done", file=sys.stderr, flush=True)
    print(f"{'net':10s} {'Strata':>10s} {'PyTorch':>10s} {'ratio':>7s}   (median samples/s over {a.rounds} rounds)")
    for net in ("mnist-mlp", "mnist-cnn"):
        s, t = statistics.median(strata[net]), statistics.median(torch_[net])
        print(f"{net:10s} {s:10,.0f} {t:10,.0f} {s / t:7.2f}   Strata runs {[round(v) for v in strata[net]]}, "
              f"PyTorch runs {[round(v) for v in torch_[net]]}")


if __name__ == "__main__":
    main()
