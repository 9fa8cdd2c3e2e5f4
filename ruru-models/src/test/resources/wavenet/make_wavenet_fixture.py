#!/usr/bin/python3
"""Reference values for Ruru's WaveNet (dev.ruru.models.wavenet) from the same network in PyTorch.

Run with Debian's python3-torch (1.13):
    /usr/bin/python3 ruru-models/src/test/resources/wavenet/make_wavenet_fixture.py
Writes wavenet.npz (float64): every parameter under PyTorch's names ("param." + name), a window of
mu-law codes [2, 21] and its digits, the next-sample loss (mean cross-entropy of codes 1..20 given
0..19), the logits, and the loss's gradients by three parameters. WaveNetTest loads the parameters into
Ruru's network and compares. The network is bench/wavenet_torch.py's, small. Seeds are fixed.
"""
import os
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class GatedLayer(nn.Module):
    def __init__(self, residual, skip, digits, dilation, last):
        super().__init__()
        self.dilation = dilation
        self.dilated = nn.Conv1d(residual, 2 * residual, 2, dilation=dilation)
        self.condition = nn.Embedding(digits, 2 * residual)
        self.residual = None if last else nn.Conv1d(residual, residual, 1)
        self.skip = nn.Conv1d(residual, skip, 1)

    def forward(self, x, digits):
        h = self.dilated(F.pad(x, (self.dilation, 0))) + self.condition(digits).unsqueeze(2)
        f, g = h.chunk(2, 1)
        z = torch.tanh(f) * torch.sigmoid(g)
        return (None if self.residual is None else x + self.residual(z)), self.skip(z)


class WaveNet(nn.Module):
    def __init__(self, residual, skip, layers_per_stack, stacks, digits):
        super().__init__()
        count = layers_per_stack * stacks
        self.embedding = nn.Embedding(256, residual)
        self.layers = nn.ModuleList(GatedLayer(residual, skip, digits, 2 ** (i % layers_per_stack), i == count - 1)
                                    for i in range(count))
        self.output = nn.ModuleList([nn.Conv1d(skip, skip, 1), nn.Conv1d(skip, 256, 1)])

    def forward(self, codes, digits):
        x = self.embedding(codes).transpose(1, 2)
        skips = 0
        for layer in self.layers:
            x, s = layer(x, digits)
            skips = skips + s
        return self.output[1](F.relu(self.output[0](F.relu(skips))))


def main():
    torch.manual_seed(20)
    rng = np.random.default_rng(20)
    net = WaveNet(4, 6, 3, 2, 3).double()
    codes = torch.tensor(rng.integers(0, 256, (2, 21)))
    digits = torch.tensor([2, 0])
    logits = net(codes[:, :-1], digits)
    loss = F.cross_entropy(logits, codes[:, 1:])
    names = ["embedding.weight", "layers.1.dilated.weight", "layers.4.condition.weight"]
    params = dict(net.named_parameters())
    grads = torch.autograd.grad(loss, [params[n] for n in names])
    out = {"param." + n: p.detach().numpy() for n, p in params.items()}
    out.update(codes=codes.numpy().astype(np.int32), digits=digits.numpy(), logits=logits.detach().numpy(),
               loss=loss.detach().numpy())
    out.update({"grad." + n: g.numpy() for n, g in zip(names, grads)})
    np.savez(os.path.join(HERE, "wavenet.npz"), **out)


if __name__ == "__main__":
    main()
