#!/usr/bin/python3
"""Ruru's video encoder-forecaster (dev.ruru.models.video) written in PyTorch, as the reference for
bench/compare_video.py.

The same model: 64x64 frames cut into 4x4 patches (16 channels of 16x16), an encoder of ConvLSTM layers
(gates i, f, g, o as one 3x3 convolution over [x, h]) over the 10 input frames, a forecaster of the same
shape starting from the encoder's final states and reading the last input frame at each of 10 steps, a 1x1
convolution (bias starting at logit(0.05)) and a sigmoid back to patches; mean squared error, Adam. The clips follow the same protocol (Srivastava et al.
2015: two Fashion-MNIST items, random start and direction, a tenth of the free width per frame, bounce,
maximum), generated with NumPy from its own seed, so the clips differ from Ruru's but come from the same
distribution: training clips from the training images, test clips from the test images. Each epoch is timed
over its training steps only. Test metrics: squared error summed over a frame's pixels per frame, and SSIM
(scikit-image's defaults, written with SciPy), each beside copying the last input frame, and the error of
an all-black prediction.
Prints one line: RESULT {"seconds": [...], "test": {...}, "threads": T}.

Usage: BENCH_THREADS=T /usr/bin/python3 bench/convlstm_torch.py EPOCHS CLIPS TEST_CLIPS BATCH LR [SEED]
"""
import gzip, json, os, struct, sys, time

THREADS = int(os.environ.get("BENCH_THREADS", "1"))
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, str(THREADS))

import numpy as np
import torch
from scipy.ndimage import uniform_filter
from torch import nn

FMNIST_DIR = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")
SIZE, PATCH, HIDDEN, KERNEL, T_IN, T_OUT = 64, 4, [16, 16], 3, 10, 10


def read_idx(name):
    with gzip.open(os.path.join(FMNIST_DIR, name), "rb") as f:
        data = f.read()
    dims = struct.unpack(">" + "I" * (data[3]), data[4:4 + 4 * data[3]])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * data[3]).reshape(dims).astype(np.float32) / 255.0


def moving_clips(images, count, rng):
    """Srivastava et al.'s Moving MNIST with `images` as the items: [count, 20, 64, 64]."""
    clips = np.zeros((count, T_IN + T_OUT, SIZE, SIZE), np.float32)
    free = SIZE - images.shape[1]
    for n in range(count):
        for _ in range(2):
            image = images[rng.integers(len(images))]
            y, x, theta = rng.random(), rng.random(), rng.random() * 2 * np.pi
            vy, vx = np.sin(theta), np.cos(theta)
            for t in range(T_IN + T_OUT):
                y, x = y + 0.1 * vy, x + 0.1 * vx
                if y <= 0 or y >= 1:
                    y, vy = min(max(y, 0.0), 1.0), -vy
                if x <= 0 or x >= 1:
                    x, vx = min(max(x, 0.0), 1.0), -vx
                top, left = int(free * y), int(free * x)
                view = clips[n, t, top:top + 28, left:left + 28]
                np.maximum(view, image, out=view)
    return clips


class ConvLSTMCell(nn.Module):
    def __init__(self, n_in, hidden):
        super().__init__()
        self.gates = nn.Conv2d(n_in + hidden, 4 * hidden, KERNEL, padding=KERNEL // 2)

    def forward(self, x, h, c):
        i, f, g, o = torch.chunk(self.gates(torch.cat([x, h], 1)), 4, 1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class Stack(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        ins = [n_in] + HIDDEN[:-1]
        self.cells = nn.ModuleList(ConvLSTMCell(a, b) for a, b in zip(ins, HIDDEN))

    def forward(self, frames, states):
        finals = []
        for cell, (h, c) in zip(self.cells, states):
            outputs = []
            for x in frames:
                h, c = cell(x, h, c)
                outputs.append(h)
            frames = outputs
            finals.append((h, c))
        return frames, finals


class EncoderForecaster(nn.Module):
    def __init__(self):
        super().__init__()
        channels = PATCH * PATCH
        self.encoder, self.forecaster = Stack(channels), Stack(channels)
        self.head = nn.Conv2d(HIDDEN[-1], channels, 1)
        nn.init.constant_(self.head.bias, float(np.log(0.05 / 0.95)))

    def forward(self, frames):  # [B, T_in, 1, 64, 64] -> [B, T_out, 1, 64, 64]
        b, cells = frames.shape[0], SIZE // PATCH
        patched = frames.reshape(b, T_IN, cells, PATCH, cells, PATCH).permute(0, 1, 3, 5, 2, 4).reshape(b, T_IN, PATCH * PATCH, cells, cells)
        zeros = [torch.zeros(b, n, cells, cells) for n in HIDDEN]
        _, states = self.encoder([patched[:, t] for t in range(T_IN)], [(z, z) for z in zeros])
        maps, _ = self.forecaster([patched[:, T_IN - 1]] * T_OUT, states)
        out = torch.sigmoid(self.head(torch.stack(maps, 1).reshape(b * T_OUT, HIDDEN[-1], cells, cells)))
        out = out.reshape(b, T_OUT, PATCH, PATCH, cells, cells).permute(0, 1, 4, 2, 5, 3)
        return out.reshape(b, T_OUT, 1, SIZE, SIZE)


def ssim(a, b, win=7):
    n = win * win
    ua, ub = uniform_filter(a, win), uniform_filter(b, win)
    norm = n / (n - 1)
    va, vb = norm * (uniform_filter(a * a, win) - ua * ua), norm * (uniform_filter(b * b, win) - ub * ub)
    vab = norm * (uniform_filter(a * b, win) - ua * ub)
    s = ((2 * ua * ub + 1e-4) * (2 * vab + 9e-4)) / ((ua ** 2 + ub ** 2 + 1e-4) * (va + vb + 9e-4))
    pad = (win - 1) // 2
    return s[pad:-pad, pad:-pad].mean()


def quality(predicted, truth):
    frames_p, frames_t = predicted.reshape(-1, SIZE, SIZE).astype(np.float64), truth.reshape(-1, SIZE, SIZE).astype(np.float64)
    mse = ((frames_p - frames_t) ** 2).sum() / len(frames_p)
    return mse, float(np.mean([ssim(p, t) for p, t in zip(frames_p, frames_t)]))


def main():
    epochs, clips, test_clips, batch, lr = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    torch.set_num_threads(THREADS)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    train = torch.tensor(moving_clips(read_idx("train-images-idx3-ubyte.gz"), clips, rng)).unsqueeze(2)
    test = torch.tensor(moving_clips(read_idx("t10k-images-idx3-ubyte.gz"), test_clips, rng)).unsqueeze(2)
    model = EncoderForecaster()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    seconds = []
    for _ in range(epochs):
        order = torch.randperm(clips)
        start = time.perf_counter()
        for begin in range(0, clips, batch):
            clip = train[order[begin:begin + batch]]
            loss = nn.functional.mse_loss(model(clip[:, :T_IN]), clip[:, T_IN:])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
    with torch.no_grad():
        predicted = torch.cat([model(test[i:i + batch, :T_IN]) for i in range(0, test_clips, batch)]).numpy()
    truth = test[:, T_IN:].numpy()
    copied = np.repeat(test[:, T_IN - 1:T_IN].numpy(), T_OUT, axis=1)
    mse, similarity = quality(predicted, truth)
    copy_mse, copy_ssim = quality(copied, truth)
    black_mse = (truth.astype(np.float64) ** 2).sum() / (truth.shape[0] * truth.shape[1])
    result = {"mse_frame": mse, "ssim": similarity, "copy_last_mse_frame": copy_mse, "copy_last_ssim": copy_ssim, "black_mse_frame": black_mse}
    print("RESULT " + json.dumps({"seconds": seconds, "test": result, "threads": THREADS}))


if __name__ == "__main__":
    main()
