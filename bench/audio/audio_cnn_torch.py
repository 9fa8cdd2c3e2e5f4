"""PyTorch side of bench/audio/compare_audio_cnn.py: the spoken-digit CNN of `ruru train --model audio-cnn`,
the same network on the same features, so that seconds per epoch compare like for like.

Features, as Ruru's dev.ruru.models.audio.AudioFeatures (written in NumPy here; librosa is not installed):
the STFT (512-sample periodic Hann frames, hop 256, centred, reflect padding), the power through 32
Slaney mel filters, 10*log10(max(S, 1e-10)) floored 80 dB below the clip's peak, scaled to [0, 1] as
(dB - peak + 80) / 80, highest band first. Network: Conv2d(1, 16, 3, pad 1) ReLU MaxPool2d(2), Conv2d(16, 32, 3, pad 1) ReLU
MaxPool2d(2), Flatten, Linear(32*8*15, 64) ReLU, Linear(64, 10); Adam, cross-entropy, shuffled batches.
Train on the corpus's train voices, report accuracy on its test voices.

Prints one line: RESULT {"seconds": [...], "test_accuracy": A, "threads": T, "seed": S}.
Usage: BENCH_THREADS=T /usr/bin/python3 bench/audio/audio_cnn_torch.py CORPUS_DIR EPOCHS [SEED] [BATCH] [LR]
"""
import csv, json, os, sys, time, wave

THREADS = int(os.environ.get("BENCH_THREADS", "1"))
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))

import numpy as np
import torch
from torch import nn

torch.set_num_threads(THREADS)
N_FFT, HOP, MELS, RATE = 512, 256, 32, 16000


def mel_filters():
    def hz_to_mel(f):
        return np.where(f < 1000, f / (200 / 3), 15 + np.log(np.maximum(f, 1e-300) / 1000) / (np.log(6.4) / 27))

    def mel_to_hz(m):
        return np.where(m < 15, m * (200 / 3), 1000 * np.exp(np.log(6.4) / 27 * (m - 15)))

    freqs = np.linspace(0, RATE / 2, 1 + N_FFT // 2)
    edges = mel_to_hz(np.linspace(hz_to_mel(np.float64(0)), hz_to_mel(np.float64(RATE / 2)), MELS + 2))
    ramps = edges[:, None] - freqs[None, :]
    fdiff = np.diff(edges)
    w = np.array([np.maximum(0, np.minimum(-ramps[i] / fdiff[i], ramps[i + 2] / fdiff[i + 1])) for i in range(MELS)])
    return w * (2.0 / (edges[2:MELS + 2] - edges[:MELS]))[:, None]


FILTERS = mel_filters()
WINDOW = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)


def features(x):
    padded = np.pad(x.astype(np.float64), N_FFT // 2, mode="reflect")
    frames = 1 + (len(padded) - N_FFT) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(frames)[:, None]
    power = np.abs(np.fft.rfft(padded[idx] * WINDOW, axis=1)) ** 2
    db = 10 * np.log10(np.maximum(FILTERS @ power.T, 1e-10))
    peak = db.max()
    # Highest band first, as Ruru's pictures (a spectrogram drawn the usual way up).
    return ((np.maximum(db, peak - 80) - peak + 80) / 80).astype(np.float32)[::-1].copy()


def load(directory):
    splits = {"train": ([], []), "validation": ([], []), "test": ([], [])}
    with open(os.path.join(directory, "manifest.csv")) as f:
        for row in csv.DictReader(f):
            with wave.open(os.path.join(directory, row["file"])) as w:
                x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2") / 32768.0
            splits[row["split"]][0].append(features(x))
            splits[row["split"]][1].append(int(row["digit"]))
    return {k: (torch.tensor(np.stack(v[0]))[:, None], torch.tensor(v[1])) for k, v in splits.items()}


def network():
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32 * 8 * 15, 64), nn.ReLU(), nn.Linear(64, 10))


def accuracy(model, x, y):
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def main():
    directory, epochs = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    batch = int(sys.argv[4]) if len(sys.argv) > 4 else 32
    lr = float(sys.argv[5]) if len(sys.argv) > 5 else 1e-3
    torch.manual_seed(seed)
    data = load(directory)
    x, y = data["train"]
    model = network()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    seconds = []
    for epoch in range(epochs):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(y))
        for i in range(0, len(y), batch):
            index = order[i:i + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[index]), y[index])
            loss.backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
        model.eval()
        print(f"epoch {epoch + 1}: loss {loss.item():.4f}, validation accuracy {accuracy(model, *data['validation']):.4f}", file=sys.stderr)
    print("RESULT " + json.dumps({"seconds": seconds, "test_accuracy": accuracy(model, *data["test"]), "threads": THREADS, "seed": seed}))


if __name__ == "__main__":
    main()
