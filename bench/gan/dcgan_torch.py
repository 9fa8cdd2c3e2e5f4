#!/usr/bin/python3
"""The PyTorch side of bench/gan/compare_dcgan.py: GanSpec's DCGAN (latent 100, width 32) on the Fashion-MNIST
IDX files of DATA_DIR, trained as AdversarialObjective trains it (per batch of 64 real images: a discriminator
step on BCE(D(x), 1) + BCE(D(G(z).detach()), 0), then a generator step on BCE(D(G(z)), 1); two Adams, lr 2e-4,
betas 0.5 and 0.999; pixels scaled to [-1, 1]), for EPOCHS epochs, shuffled, seeded. Prints one JSON line per
epoch with its seconds and mean losses, then writes SAMPLES generated images in [0, 1] to OUT.npy if given.
SEED (default 0) seeds PyTorch's generator.

    BENCH_THREADS=1 /usr/bin/python3 bench/gan/dcgan_torch.py DATA_DIR [EPOCHS] [OUT.npy] [SEED]
"""
import gzip, json, os, sys, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LATENT, WIDTH, BATCH = 100, 32, 64


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def networks():
    g = nn.Sequential(
        nn.Unflatten(1, (LATENT, 1, 1)),
        nn.ConvTranspose2d(LATENT, 2 * WIDTH, 7, 1, 0), nn.BatchNorm2d(2 * WIDTH), nn.ReLU(),
        nn.ConvTranspose2d(2 * WIDTH, WIDTH, 4, 2, 1), nn.BatchNorm2d(WIDTH), nn.ReLU(),
        nn.ConvTranspose2d(WIDTH, 1, 4, 2, 1), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(1, WIDTH, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(WIDTH, 2 * WIDTH, 4, 2, 1), nn.BatchNorm2d(2 * WIDTH), nn.LeakyReLU(0.2),
        nn.Conv2d(2 * WIDTH, 1, 7, 1, 0), nn.Flatten())
    return g, d


def main():
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
    root = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    out = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
    torch.manual_seed(int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    images = torch.tensor(idx(os.path.join(root, "train-images-idx3-ubyte.gz")), dtype=torch.float32).div(255).view(-1, 1, 28, 28) * 2 - 1
    g, d = networks()
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    for epoch in range(1, epochs + 1):
        start = time.time()
        order = torch.randperm(images.shape[0])
        losses_d, losses_g = [], []
        for first in range(0, images.shape[0], BATCH):
            real = images[order[first:first + BATCH]]
            z = torch.randn(real.shape[0], LATENT)
            fake = g(z)
            real_logits, fake_logits = d(real), d(fake.detach())
            loss_d = F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits)) \
                + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()
            logits = d(fake)
            loss_g = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
            opt_g.zero_grad()
            loss_g.backward()
            opt_g.step()
            losses_d.append(loss_d.item())
            losses_g.append(loss_g.item())
        print(json.dumps({"epoch": epoch, "seconds": time.time() - start, "discriminator_loss": float(np.mean(losses_d)),
                          "generator_loss": float(np.mean(losses_g)), "threads": torch.get_num_threads()}), flush=True)
    if out:
        g.eval()
        with torch.no_grad():
            samples = (g(torch.randn(1000, LATENT)) + 1) / 2
        np.save(out, samples.view(-1, 28, 28).numpy())


if __name__ == "__main__":
    main()
