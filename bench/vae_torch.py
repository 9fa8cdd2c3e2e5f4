#!/usr/bin/python3
"""The VAE of PyTorch's examples (vae/main.py): 784-400-20, ReLU, Bernoulli decoder, Adam 1e-3, batch 128,
on Fashion-MNIST, as the reference for bench/compare_vae.py.

The model, loss (binary cross-entropy summed over pixels plus the analytic KL, summed over the batch) and
training loop are the example's; the data is Fashion-MNIST's IDX files (FMNIST_DIR, default
/usr/share/datasets/fashion-mnist) scaled to [0, 1]. Each epoch is timed over its training steps only,
then the test set's negative ELBO per image is computed as the example's test() does (one sample each).
Prints one line: RESULT {"seconds": [...], "test_negative_elbo": [...], "threads": T, "seed": S}.

Usage: BENCH_THREADS=T /usr/bin/python3 bench/vae_torch.py EPOCHS [SEED]
"""
import gzip, json, os, struct, sys, time

THREADS = int(os.environ.get("BENCH_THREADS", "1"))
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, str(THREADS))

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

FMNIST_DIR = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")


def read_idx(name):
    with gzip.open(os.path.join(FMNIST_DIR, name), "rb") as f:
        data = f.read()
    dims = struct.unpack(">" + "I" * (data[3]), data[4:4 + 4 * data[3]])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * data[3]).reshape(dims)


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        return mu + torch.randn_like(std) * std

    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))

    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 784))
        return self.decode(self.reparameterize(mu, logvar)), mu, logvar


def loss_function(recon_x, x, mu, logvar):
    bce = F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction="sum")
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kld


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(THREADS)
    torch.manual_seed(seed)
    train = torch.tensor(read_idx("train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255.0)
    test = torch.tensor(read_idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255.0)
    model = VAE()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    seconds, test_elbo = [], []
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(train))
        start = time.perf_counter()
        for begin in range(0, len(train), 128):
            data = train[order[begin:begin + 128]]
            optimizer.zero_grad()
            recon, mu, logvar = model(data)
            loss_function(recon, data, mu, logvar).backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
        model.eval()
        total = 0.0
        with torch.no_grad():
            for begin in range(0, len(test), 128):
                data = test[begin:begin + 128]
                recon, mu, logvar = model(data)
                total += loss_function(recon, data, mu, logvar).item()
        test_elbo.append(total / len(test))
    print("RESULT " + json.dumps({"seconds": seconds, "test_negative_elbo": test_elbo, "threads": THREADS, "seed": seed}), flush=True)


if __name__ == "__main__":
    main()
