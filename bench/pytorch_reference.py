#!/usr/bin/env python3
"""PyTorch reference for Strata's training benchmark: the seed MLP and CNN on the bundled MNIST, batch 64, Adam 1e-3.

Same networks, data, batch size and optimizer as bench/run, so that the two can run side by side
(bench/compare.py alternates them and prints the ratio). Needs Debian's python3-torch with libopenblas0-openmp
(its default reference BLAS is about 10x slower):

    apt-get install python3-torch libopenblas0-openmp
    /usr/bin/python3 bench/pytorch_reference.py [--runs N] [--epochs-mlp N] [--epochs-cnn N] [--threads N] [--json]

Prints the median samples/s of warm epochs (all but the first of each run).
"""
import argparse
import gzip
import json
import os
import statistics
import struct
import time

import numpy as np
import torch
from torch import nn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-projects", "data", "mnist-10k")


def idx(name):
    with gzip.open(os.path.join(ROOT, name), "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows, cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8)


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def cnn():
    # Conv 32 3x3 ReLU, MaxPool 2, Conv 64 3x3 ReLU, MaxPool 2, Dense 128 ReLU, Dense 10 (softmax in the loss).
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))


class Rows(nn.Module):
    """An image [batch, 1, 28, 28] as a sequence of its 28 rows of 28 pixels [batch, 28, 28]."""

    def forward(self, x):
        return x.reshape(x.shape[0], 28, 28)


class LastStep(nn.Module):
    """A recurrent layer's output at the last step, as Strata's LSTM without returnSequences gives it."""

    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        return self.rnn(x)[0][:, -1]


def lstm():
    return nn.Sequential(Rows(), LastStep(nn.LSTM(28, 128, batch_first=True)), nn.Linear(128, 10))


def gru():
    return nn.Sequential(Rows(), LastStep(nn.GRU(28, 128, batch_first=True)), nn.Linear(128, 10))


class Block(nn.Module):
    """A post-norm transformer encoder block as the benchmark's Strata network draws it."""

    def __init__(self, d=64, heads=4, hidden=128):
        super().__init__()
        self.attention = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm1 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, d))
        self.norm2 = nn.LayerNorm(d)

    def forward(self, x):
        x = self.norm1(x + self.attention(x, x, x, need_weights=False)[0])
        return self.norm2(x + self.ff(x))


class Transformer(nn.Module):
    """MNIST rows projected to 64 features, sinusoidal positions, two blocks, the mean over rows, a classifier."""

    def __init__(self):
        super().__init__()
        self.rows = Rows()
        self.project = nn.Linear(28, 64)
        t = torch.arange(28, dtype=torch.float64)[:, None]
        angle = t / torch.pow(10000.0, torch.arange(0, 64, 2, dtype=torch.float64) / 64)
        table = torch.zeros(28, 64, dtype=torch.float64)
        table[:, 0::2] = torch.sin(angle)
        table[:, 1::2] = torch.cos(angle)
        self.register_buffer("positions", table.float())
        self.blocks = nn.Sequential(Block(), Block())
        self.out = nn.Linear(64, 10)

    def forward(self, x):
        return self.out(self.blocks(self.project(self.rows(x)) + self.positions).mean(dim=1))


class Conv1d(nn.Module):
    """MNIST rows through two 1-D convolutions ('same', ReLU) with a max pool between, the mean over time."""

    def __init__(self):
        super().__init__()
        self.rows = Rows()
        self.convs = nn.Sequential(nn.Conv1d(28, 64, 3, padding=1), nn.ReLU(), nn.MaxPool1d(2),
                                   nn.Conv1d(64, 64, 3, padding=1), nn.ReLU())
        self.out = nn.Linear(64, 10)

    def forward(self, x):
        return self.out(self.convs(self.rows(x).transpose(1, 2)).mean(dim=2))


TANG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-projects", "tang-poems", "tang300.txt")


def tang_windows(vocabulary=2146, context=64, stride=8, train=0.9):
    """The Tang poems as bench/networks/small-gpt.strata reads them: characters numbered by frequency (0 pads, 1 is
    unknown, 2146 in all as Strata's vocabulary of the corpus), windows of 64 every 8 characters, the first 90 %
    for training; each window's targets are its characters one position on."""
    text = open(TANG, encoding="utf-8").read()
    counts = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))[:vocabulary - 2]
    ids = {c: i + 2 for i, c in enumerate(ranked)}
    tokens = torch.tensor([ids.get(c, 1) for c in text], dtype=torch.int64)
    starts = range(0, len(tokens) - context - 1, stride)
    x = torch.stack([tokens[i:i + context] for i in starts])
    y = torch.stack([tokens[i + 1:i + context + 1] for i in starts])
    n = int(len(x) * train)
    return x[:n], y[:n]


class GptBlock(nn.Module):
    """A pre-norm GPT block: causal self-attention and a GELU (tanh) feed-forward, each added to its input."""

    def __init__(self, d=128, heads=4, hidden=512, context=64):
        super().__init__()
        self.norm1 = nn.LayerNorm(d)
        self.attention = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm2 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, hidden), nn.GELU(approximate="tanh"), nn.Linear(hidden, d))
        self.register_buffer("causal", torch.triu(torch.full((context, context), float("-inf")), diagonal=1))

    def forward(self, x):
        h = self.norm1(x)
        x = x + self.attention(h, h, h, attn_mask=self.causal, need_weights=False)[0]
        return x + self.ff(self.norm2(x))


class SmallGpt(nn.Module):
    """The benchmark's small GPT: embedding 2146 x 128, learned positions, two blocks, a final LayerNorm and the
    head tied to the embedding (no bias): a class of the vocabulary at every position."""

    def __init__(self, vocabulary=2146, d=128, context=64):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, d)
        self.positions = nn.Parameter(torch.randn(context, d) * 0.02)
        self.blocks = nn.Sequential(GptBlock(d), GptBlock(d))
        self.norm = nn.LayerNorm(d)

    def forward(self, x):
        h = self.norm(self.blocks(self.embedding(x) + self.positions))
        return h @ self.embedding.weight.t()


def run(make, x, y, epochs, batch=64, seed=42):
    torch.manual_seed(seed)
    model = make()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    cross_entropy = nn.CrossEntropyLoss()

    def loss_fn(out, target):  # a class at every position: [batch, T, V] against [batch, T]
        return cross_entropy(out.reshape(-1, out.shape[-1]), target.reshape(-1)) if out.dim() == 3 \
            else cross_entropy(out, target)
    n = x.shape[0]
    rates = []
    for _ in range(epochs):
        perm = torch.randperm(n)
        start = time.perf_counter()
        for i in range(0, n, batch):
            idx_ = perm[i:i + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx_]), y[idx_])
            loss.backward()
            opt.step()
        rates.append(n / (time.perf_counter() - start))
    return statistics.median(rates[1:] if len(rates) > 1 else rates)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--epochs-mlp", type=int, default=3)
    ap.add_argument("--epochs-cnn", type=int, default=2)
    ap.add_argument("--epochs-family", type=int, default=2, help="epochs of each layer family's network")
    ap.add_argument("--only", default=None, help="comma-separated networks (default: all)")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: PyTorch's default)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    images = torch.from_numpy(idx("train-images-idx3-ubyte.gz").astype(np.float32) / 255.0).unsqueeze(1)
    labels = torch.from_numpy(idx("train-labels-idx1-ubyte.gz").astype(np.int64))
    for name, make, epochs in (("mnist-mlp", mlp, a.epochs_mlp), ("mnist-cnn", cnn, a.epochs_cnn),
                               ("mnist-lstm", lstm, a.epochs_family), ("mnist-gru", gru, a.epochs_family),
                               ("mnist-transformer", Transformer, a.epochs_family),
                               ("mnist-conv1d", Conv1d, a.epochs_family),
                               ("small-gpt", SmallGpt, a.epochs_family)):
        if a.only and name not in a.only.split(","):
            continue
        if name == "small-gpt":  # windows of the Tang poems, batch 32 as the Strata network trains
            x, y = tang_windows()
            rates = [run(make, x, y, epochs, batch=32) for _ in range(a.runs)]
        else:
            rates = [run(make, images, labels, epochs) for _ in range(a.runs)]
        med = statistics.median(rates)
        if a.json:
            print(json.dumps({"net": name, "engine": "pytorch", "samplesPerSecond": round(med, 1),
                              "runs": [round(r) for r in rates], "threads": torch.get_num_threads(),
                              "torch": torch.__version__}), flush=True)
        else:
            print(f"{name:10s} PyTorch {torch.__version__} samples/s {med:9,.0f} (runs {[round(r) for r in rates]}, "
                  f"{torch.get_num_threads()} threads)", flush=True)


if __name__ == "__main__":
    main()
