#!/usr/bin/python3
"""Reference values for Ruru's Upsample layer (nearest and bilinear, align_corners=False) from PyTorch.

Run with Debian's python3-torch (1.13):
    /usr/bin/python3 ruru-nn/src/test/resources/torch/make_upsample_fixtures.py
Writes upsample.npz (float64): for each case <mode>_<scale> the input x, the output, a cotangent and
torch's gradient of <output, cotangent> by x; UpsampleTest compares. Seeds are fixed.
"""
import os
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(19)


def main():
    out = {}
    for mode in ("nearest", "bilinear"):
        for scale in (2.0, 1.5, 3.0):
            name = f"{mode}_{str(scale).replace('.', 'p')}"
            x = torch.tensor(rng.standard_normal((2, 3, 4, 5)), dtype=torch.float64, requires_grad=True)
            y = torch.nn.Upsample(scale_factor=scale, mode=mode)(x)
            cot = torch.tensor(rng.standard_normal(tuple(y.shape)))
            (gx,) = torch.autograd.grad(y, [x], cot)
            out.update({name + "_x": x.detach().numpy(), name + "_y": y.detach().numpy(),
                        name + "_cot": cot.numpy(), name + "_grad": gx.numpy()})
    np.savez(os.path.join(HERE, "upsample.npz"), **out)


if __name__ == "__main__":
    main()
