#!/usr/bin/env python3
"""Runs Strata's benchmark and the PyTorch reference alternately and prints samples/s and their ratio.

    /usr/bin/python3 bench/compare.py [--rounds N] [--epochs-mlp N] [--epochs-cnn N] [--epochs-family N] [--only NET,...]

Before the rounds it probes the matrix product of PyTorch and of NumPy in PyTorch's environment; when PyTorch's is under
half of NumPy's, or the BLAS it loaded is the reference one (Debian's libblas3 alone), it is on a slow path and no
ratio is reported (--probe-only: just that). Each round runs
bench/run --json once and pytorch_reference.py --json once per thread count (1, then every core),
so all see the same machine state. With python3-threadpoolctl it also prints PyTorch's thread pools, OpenBLAS's
version and the core type its kernels were chosen for. PyTorch is given its faster thread count per network in each round, as Strata
measures its own: on some machines PyTorch starts with one OpenMP thread although more cores are there (its CNN then
runs at about half speed), which would flatter Strata. The table gives medians over the rounds.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lines(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def machine():
    """What the comparison runs on: the CPU, its cores, PyTorch's version and the BLAS it was built with."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    torch_info = subprocess.run([sys.executable, "-c", "import torch; print(torch.__version__); "
                                 "print(torch.__config__.show())"], capture_output=True, text=True).stdout
    version = torch_info.splitlines()[0] if torch_info else "not found"
    blas = re.search(r"BLAS_INFO=([^,\s]+)", torch_info)
    return (f"machine: {cpu}, {os.cpu_count()} cores; PyTorch {version} (BLAS: {blas.group(1) if blas else '?'}); "
            f"removed from PyTorch's environment: OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE")


PROBE = r"""
import json, os, sys, time
import numpy as np
import torch
n = 1024
a, b = np.random.rand(n, n).astype(np.float32), np.random.rand(n, n).astype(np.float32)
ta, tb = torch.from_numpy(a), torch.from_numpy(b)
def best(f):
    f()
    t = min(timed(f) for _ in range(5))
    return 2 * n ** 3 / t / 1e9
def timed(f):
    s = time.perf_counter(); f(); return time.perf_counter() - s
out = {"parallel": torch.__config__.parallel_info().splitlines()[:6]}
for threads in sorted({1, os.cpu_count() or 1}):
    torch.set_num_threads(threads)
    out[f"torch{threads}"] = best(lambda: torch.mm(ta, tb))
out["numpy"] = best(lambda: a @ b)
try:  # each thread pool PyTorch's process runs: OpenMP's, and the BLAS with its version and the core type it chose
    from threadpoolctl import threadpool_info
    out["pools"] = [{k: i.get(k) for k in ("internal_api", "version", "num_threads", "threading_layer", "architecture")}
                    for i in threadpool_info()]
except ImportError:
    out["pools"] = "threadpoolctl not installed (apt-get install python3-threadpoolctl)"
with open("/proc/self/maps") as f:  # the BLAS this process really loaded
    out["blas"] = sorted({l.split()[-1] for l in f if "blas" in l.lower() or "blis" in l.lower() or "mkl" in l.lower()})
print(json.dumps(out))
"""


def probe(env):
    """PyTorch's and NumPy's 1024x1024 float32 matrix product in GFLOP/s (best of five), in the rival's environment."""
    out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def plausible(p):
    """@return why PyTorch's figures cannot be trusted here, or None: its matrix product (at its best thread count)
    under half of NumPy's on the same machine means its BLAS runs on a slow path, and a ratio would flatter Strata."""
    torch_best = max(v for k, v in p.items() if k.startswith("torch"))
    optimised = [lib for lib in p["blas"] if "/blas/libblas.so" not in lib and "/lapack/" not in lib]
    if not optimised:
        return (f"PyTorch's matrix product runs on the reference BLAS ({', '.join(p['blas']) or 'none found'}, "
                f"{torch_best:.1f} GFLOP/s): install an optimised one (apt-get install libopenblas0-openmp) so the "
                f"rival runs at its best; no ratio is reported")
    if torch_best < 0.5 * p["numpy"]:
        return (f"PyTorch's matrix product runs at {torch_best:.1f} GFLOP/s, under half of NumPy's {p['numpy']:.1f} "
                f"on this machine: its BLAS is on a slow path here, so no ratio is reported")
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--epochs-mlp", type=int, default=10,
                    help="MLP epochs per run (the first is not counted): an epoch of the MLP takes ~0.1 s, so fewer "
                         "measure the JVM's compiler and PyTorch's warm-up more than either's training")
    ap.add_argument("--epochs-cnn", type=int, default=4,
                    help="CNN epochs per run (the first is not counted: PyTorch's first CNN epochs are ~2x slower)")
    ap.add_argument("--epochs-family", type=int, default=3,
                    help="epochs of each layer family's network (the first is not counted)")
    ap.add_argument("--only", default=None, help="comma-separated networks (default: all)")
    ap.add_argument("--probe-only", action="store_true",
                    help="print the machine and the matrix-product probe, and stop")
    a = ap.parse_args()
    strata, torch_, torch_threads, strata_threads = {}, {}, {}, {}
    # The rival at its best: these two slow a current OpenBLAS (they are set on some machines for older builds), so
    # they are removed from PyTorch's environment alone, and what it ran on is printed with the figures.
    rival_env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    print(machine(), flush=True)
    p = probe(rival_env)
    print("PyTorch's threads: " + "; ".join(l.strip() for l in p["parallel"]), flush=True)
    print("matrix product 1024x1024 float32, GFLOP/s: " + ", ".join(
        f"{k} {v:.1f}" for k, v in p.items() if k not in ("parallel", "blas", "pools")) + "; BLAS loaded: "
        + ", ".join(p["blas"]), flush=True)
    pools = p["pools"] if isinstance(p["pools"], str) else "; ".join(
        ", ".join(f"{k} {v}" for k, v in pool.items() if v is not None) for pool in p["pools"])
    print("PyTorch's thread pools (threadpoolctl): " + pools, flush=True)
    refused = plausible(p)
    if refused:
        print(refused, flush=True)
    if a.probe_only:
        return
    for r in range(a.rounds):
        epochs = ["--epochs-mlp", str(a.epochs_mlp), "--epochs-cnn", str(a.epochs_cnn), "--epochs-family", str(a.epochs_family)]
        if a.only:
            epochs += ["--only", a.only]
        order = [("strata", [os.path.join(HERE, "run"), "--runs", "1", "--json"] + epochs, None)]
        for t in sorted({1, os.cpu_count() or 1}):
            order.append(("pytorch", [sys.executable, os.path.join(HERE, "pytorch_reference.py"), "--runs", "1",
                                      "--threads", str(t), "--json"] + epochs, rival_env))
        if r % 2:
            order.reverse()
        best = {}
        for who, cmd, env in order:
            for rec in lines(cmd, env):
                if who == "strata":
                    strata.setdefault(rec["net"], []).append(rec["samplesPerSecond"])
                    strata_threads.setdefault(rec["net"], []).append(rec.get("threads"))
                else:
                    prev = best.get(rec["net"])
                    if prev is None or rec["samplesPerSecond"] > prev[0]:
                        best[rec["net"]] = (rec["samplesPerSecond"], rec["threads"])
        for net, (rate, threads) in best.items():
            torch_.setdefault(net, []).append(rate)
            torch_threads.setdefault(net, []).append(threads)
        print(f"round {r + 1}/{a.rounds} done", file=sys.stderr, flush=True)
    print(f"{'net':10s} {'Strata':>10s} {'PyTorch':>10s} {'ratio':>7s}   (median samples/s over {a.rounds} rounds)")
    for net in [n for n in strata if n in torch_]:
        s, t = statistics.median(strata[net]), statistics.median(torch_[net])
        ratio = "      —" if refused else f"{s / t:7.2f}"
        print(f"{net:10s} {s:10,.0f} {t:10,.0f} {ratio}   Strata runs {[round(v) for v in strata[net]]} "
              f"(threads chosen, telemetry off and on: {strata_threads[net]}), "
              f"PyTorch runs {[round(v) for v in torch_[net]]} (its faster thread count: {torch_threads[net]})")
    # The bar for stability: no run more than 25 % below its median.
    for net in [n for n in strata if n in torch_]:
        for who, runs in (("Strata", strata[net]), ("PyTorch", torch_[net])):
            m = statistics.median(runs)
            slow = sum(1 for v in runs if v < 0.75 * m)
            print(f"{net:10s} {who}: {slow} of {len(runs)} runs more than 25 % below the median")


if __name__ == "__main__":
    main()
