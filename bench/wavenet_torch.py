#!/usr/bin/python3
"""PyTorch reference for bench/compare_wavenet.py: the WaveNet of dev.ruru.models.wavenet (the same network,
parameter names and initialisation rules; ruru-models' make_wavenet_fixture.py checks the two agree), trained
the same way on the same windows of a spoken-digit corpus, then generated with the same two loops.

Data, as WaveNetRun does it: the corpus's training clips (manifest.csv, 16 kHz WAVs) resampled to RATE with
scipy's resample_poly (Ruru's Resampler is SciPy-exact), mu-law coded to 256 levels, cut into windows of
WINDOW + 1 codes every WINDOW / 2 samples, windows with RMS below 0.02 left out. Training: Adam 1e-3, batch 8,
shuffled, cross-entropy of every next code. Generation of one digit: the "fast WaveNet" queues (one step per
layer per sample) and the recomputation over the receptive field, each timed in samples per second.

Usage: BENCH_THREADS=T /usr/bin/python3 bench/wavenet_torch.py CORPUS EPOCHS SEED CACHED_SAMPLES RECOMPUTED_SAMPLES
Prints one line "RESULT {json}".
"""
import csv, json, math, os, sys, time
from collections import deque

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from scipy.io import wavfile
from scipy.signal import resample_poly

RESIDUAL, SKIP, LAYERS, STACKS, DIGITS, RATE, WINDOW, BATCH, LR = 32, 64, 8, 2, 10, 8000, 1024, 8, 1e-3


class GatedLayer(nn.Module):
    def __init__(self, dilation, last):
        super().__init__()
        self.dilation = dilation
        self.dilated = nn.Conv1d(RESIDUAL, 2 * RESIDUAL, 2, dilation=dilation)
        self.condition = nn.Embedding(DIGITS, 2 * RESIDUAL)
        self.residual = None if last else nn.Conv1d(RESIDUAL, RESIDUAL, 1)
        self.skip = nn.Conv1d(RESIDUAL, SKIP, 1)

    def forward(self, x, digits):
        h = self.dilated(F.pad(x, (self.dilation, 0))) + self.condition(digits).unsqueeze(2)
        f, g = h.chunk(2, 1)
        z = torch.tanh(f) * torch.sigmoid(g)
        return (None if self.residual is None else x + self.residual(z)), self.skip(z)

    def step(self, past, current, condition):
        """One time step on [B, R] rows: tap 0 of the kernel reads x[t - d], tap 1 reads x[t]."""
        w = self.dilated.weight
        h = past @ w[:, :, 0].t() + current @ w[:, :, 1].t() + self.dilated.bias + condition
        f, g = h.chunk(2, 1)
        z = torch.tanh(f) * torch.sigmoid(g)
        skip = z @ self.skip.weight[:, :, 0].t() + self.skip.bias
        return (None if self.residual is None else current + z @ self.residual.weight[:, :, 0].t() + self.residual.bias), skip


class WaveNet(nn.Module):
    def __init__(self):
        super().__init__()
        count = LAYERS * STACKS
        self.embedding = nn.Embedding(256, RESIDUAL)
        self.layers = nn.ModuleList(GatedLayer(2 ** (i % LAYERS), i == count - 1) for i in range(count))
        self.output = nn.ModuleList([nn.Conv1d(SKIP, SKIP, 1), nn.Conv1d(SKIP, 256, 1)])

    def forward(self, codes, digits):
        x = self.embedding(codes).transpose(1, 2)
        skips = 0
        for layer in self.layers:
            x, s = layer(x, digits)
            skips = skips + s
        return self.output[1](F.relu(self.output[0](F.relu(skips))))

    def head(self, skips):
        hidden = F.relu(F.relu(skips) @ self.output[0].weight[:, :, 0].t() + self.output[0].bias)
        return hidden @ self.output[1].weight[:, :, 0].t() + self.output[1].bias


def mu_law(x):
    companded = np.sign(x) * np.log1p(255 * np.abs(np.clip(x, -1, 1))) / np.log1p(255)
    return np.floor((companded + 1) / 2 * 255 + 0.5).astype(np.int64)


def windows(corpus):
    codes, digits = [], []
    with open(os.path.join(corpus, "manifest.csv")) as f:
        for row in csv.DictReader(f):
            if row["split"] != "train":
                continue
            rate, pcm = wavfile.read(os.path.join(corpus, row["file"]))
            x = resample_poly(pcm.astype(np.float32) / 32768, RATE, rate).astype(np.float32).astype(np.float64)
            for start in range(0, len(x) - WINDOW, WINDOW // 2):
                piece = x[start:start + WINDOW + 1]
                if math.sqrt(np.mean(piece * piece)) >= 0.02:
                    codes.append(mu_law(piece))
                    digits.append(int(row["digit"]))
    return torch.tensor(np.stack(codes)), torch.tensor(digits)


def train(net, codes, digits, epochs, seed):
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    generator = torch.Generator().manual_seed(seed)
    seconds, losses = [], []
    for _ in range(epochs):
        start, total = time.perf_counter(), 0.0
        order = torch.randperm(len(codes), generator=generator)
        for i in range(0, len(codes), BATCH):
            batch = order[i:i + BATCH]
            logits = net(codes[batch, :-1], digits[batch])
            loss = F.cross_entropy(logits, codes[batch, 1:])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        seconds.append(time.perf_counter() - start)
        losses.append(total / len(codes))
    return seconds, losses


def draw(logits, generator):
    return torch.multinomial(torch.softmax(logits, 1), 1, generator=generator)[:, 0]


@torch.no_grad()
def generate_cached(net, digit, samples, generator):
    digits = torch.tensor([digit])
    layers = list(net.layers)
    queues = [deque([torch.zeros(1, RESIDUAL)] * layer.dilation) for layer in layers]
    conditions = [layer.condition(digits) for layer in layers]
    code, out = torch.tensor([128]), []
    for _ in range(samples):
        x, skips = net.embedding(code), 0
        for layer, queue, condition in zip(layers, queues, conditions):
            past = queue.popleft()
            queue.append(x)
            x, s = layer.step(past, x, condition)
            skips = skips + s
        code = draw(net.head(skips), generator)
        out.append(int(code))
    return out


@torch.no_grad()
def generate_recomputed(net, digit, samples, generator):
    field = 1 + STACKS * (2 ** LAYERS - 1)
    digits, codes, out = torch.tensor([digit]), [128], []
    for _ in range(samples):
        window = torch.tensor([codes[-field:]])
        code = draw(net(window, digits)[:, :, -1], generator)
        codes.append(int(code))
        out.append(int(code))
    return out


def main():
    corpus, epochs, seed, cached_samples, recomputed_samples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
    torch.manual_seed(seed)
    codes, digits = windows(corpus)
    net = WaveNet()
    seconds, losses = train(net, codes, digits, epochs, seed)
    net.eval()
    rates = {}
    for name, loop, samples in (("cached", generate_cached, cached_samples), ("recomputed", generate_recomputed, recomputed_samples)):
        start = time.perf_counter()
        loop(net, 7, samples, torch.Generator().manual_seed(seed))
        rates[name] = samples / (time.perf_counter() - start)
    print("RESULT " + json.dumps({"windows": len(codes), "seconds": seconds, "train_loss": losses, "threads": torch.get_num_threads(),
                                  "cached_samples_per_second": rates["cached"], "recomputed_samples_per_second": rates["recomputed"]}))


if __name__ == "__main__":
    main()
