#!/usr/bin/env python3
"""Writes the NumPy reference values MulticlassPerceptronTest checks the batched update against.

The update is the course's batched perceptron rule exactly as shared/anchors/w1_perceptron.py runs it:

    scores = X @ W + b ; pred = argmax(scores)
    delta  = onehot(label) - onehot(pred)
    W += (lr / len(X)) * (X.T @ delta) ; b += lr * mean(delta, axis=0)

with W [784, 10] and b [10] float32 starting at 0, batches taken in file order. Inputs are the first
training images of Fashion-MNIST scaled to [0, 1] as float32 (x / 255), the same images as the sample
embedded in ruru-data (its first 5,000). Two cases:

  w1       batch 100, lr 1.0, the first 300 images (3 full batches): W1's settings
  partial  batch 64, lr 0.5, the first 200 images (3 batches of 64, then one of 8, averaged over 8)

For each case and step k (from 1) the archive holds CASE_bias_k (b after step k, [10]) and
CASE_predictions_k (the step's predictions, int64 [batch]); CASE_weights_k (W after step k, [784, 10])
is kept for the first and the last step only, to keep the file small.

Source: Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist); NumPy only.
Run from the repository root:  /usr/bin/python3 ruru-perceptron/scripts/make_batched_reference.py
"""
import gzip
import os
import struct

import numpy as np

SOURCE = "/usr/share/datasets/fashion-mnist"
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                      "dev", "ruru", "perceptron", "batched-reference.npz")
CASES = {"w1": (300, 100, 1.0), "partial": (200, 64, 0.5)}


def read_idx(name):
    with gzip.open(os.path.join(SOURCE, name), "rb") as f:
        data = f.read()
    ndim = struct.unpack(">I", data[:4])[0] & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    images = read_idx("train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255.0
    labels = read_idx("train-labels-idx1-ubyte.gz").astype(np.int64)
    eye = np.eye(10, dtype=np.float32)
    out = {}
    for case, (count, batch, lr) in CASES.items():
        W = np.zeros((784, 10), dtype=np.float32)
        b = np.zeros(10, dtype=np.float32)
        starts = range(0, count, batch)
        for step, i in enumerate(starts, start=1):
            xb, yb = images[i:min(i + batch, count)], labels[i:min(i + batch, count)]
            pred = np.argmax(xb @ W + b, axis=1)
            delta = eye[yb] - eye[pred]
            W += (lr / len(xb)) * (xb.T @ delta)
            b += lr * delta.mean(axis=0)
            if step in (1, len(starts)):
                out[f"{case}_weights_{step}"] = W.copy()
            out[f"{case}_bias_{step}"] = b.copy()
            out[f"{case}_predictions_{step}"] = pred.astype(np.int64)
    np.savez_compressed(TARGET, **out)
    print(f"wrote {os.path.normpath(TARGET)}: {len(out)} arrays, {os.path.getsize(TARGET)} bytes")


if __name__ == "__main__":
    main()
