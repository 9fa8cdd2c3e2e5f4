#!/usr/bin/python3
"""Reference values for Ruru's 1-D layers (Conv1d, causal Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d,
BatchNorm1d over [N, C, L]) from PyTorch.

Run with Debian's python3-torch (1.13):
    /usr/bin/python3 ruru-nn/src/test/resources/torch/make_conv1d_fixtures.py
Writes conv1d_layers.npz (float64): for each case its input, parameters, output, a cotangent and torch's
gradients of <output, cotangent>; Conv1dLayersTest loads the same parameters into Ruru's layers and
compares. A causal convolution is torch's conv1d of the input padded on the left. Seeds are fixed.
"""
import os
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20)
torch.manual_seed(20)


def t(*shape):
    return torch.tensor(rng.standard_normal(shape), dtype=torch.float64, requires_grad=True)


def record(out, name, y, inputs):
    """Output, a cotangent and the gradients of <y, cotangent> by every named input."""
    cot = torch.tensor(rng.standard_normal(tuple(y.shape)))
    grads = torch.autograd.grad(y, list(inputs.values()), cot)
    out[name + "_out"] = y.detach().numpy()
    out[name + "_cot"] = cot.numpy()
    for (key, value), grad in zip(inputs.items(), grads):
        out[name + "_" + key] = value.detach().numpy()
        out[name + "_grad_" + key] = grad.numpy()


def main():
    out = {}
    # Conv1d with bias: stride 2, padding 1, dilation 2, groups 2.
    x, w, b = t(2, 4, 11), t(6, 2, 3), t(6)
    record(out, "conv", F.conv1d(x, w, b, stride=2, padding=1, dilation=2, groups=2), dict(x=x, weight=w, bias=b))
    # Causal Conv1d: kernel 2, dilation 4, 4 zeros on the left.
    x, w, b = t(2, 3, 10), t(5, 3, 2), t(5)
    record(out, "causal", F.conv1d(F.pad(x, (4, 0)), w, b, dilation=4), dict(x=x, weight=w, bias=b))
    # ConvTranspose1d: stride 2, padding 1, output padding 1, bias.
    x, w, b = t(2, 4, 7), t(4, 3, 3), t(3)
    record(out, "up", F.conv_transpose1d(x, w, b, stride=2, padding=1, output_padding=1), dict(x=x, weight=w, bias=b))
    # ConvTranspose1d with groups 2 and dilation 2, no output padding.
    x, w = t(2, 4, 6), t(4, 3, 3)
    record(out, "upgroups", F.conv_transpose1d(x, w, stride=1, padding=1, groups=2, dilation=2), dict(x=x, weight=w))
    # Pooling: kernel 3, stride 2, padding 1.
    x = t(2, 3, 9)
    record(out, "maxpool", F.max_pool1d(x, 3, stride=2, padding=1), dict(x=x))
    x = t(2, 3, 9)
    record(out, "avgpool", F.avg_pool1d(x, 3, stride=2, padding=1), dict(x=x))
    # BatchNorm1d over [N, C, L]: one training step, then evaluation with the running statistics.
    bn = torch.nn.BatchNorm1d(3).double()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(rng.uniform(0.5, 1.5, 3)))
        bn.bias.copy_(torch.tensor(rng.standard_normal(3)))
    x = t(4, 3, 6)
    record(out, "bn", bn(x), dict(x=x, weight=bn.weight, bias=bn.bias))
    bn.eval()
    out.update(bn_running_mean=bn.running_mean.numpy(), bn_running_var=bn.running_var.numpy(), bn_eval=bn(x).detach().numpy())
    np.savez(os.path.join(HERE, "conv1d_layers.npz"), **out)


if __name__ == "__main__":
    main()
