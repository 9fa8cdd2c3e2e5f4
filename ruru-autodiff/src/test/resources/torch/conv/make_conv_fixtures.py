#!/usr/bin/python3
"""Reference values and gradients from PyTorch for Ruru's convolution and pooling tests.

Run with Debian's python3-torch (1.13) from anywhere:
    /usr/bin/python3 ruru-autodiff/src/test/resources/torch/conv/make_conv_fixtures.py
For each case it writes <case>.npz holding the inputs (x0, x1, ...), the output (out), a seeded
cotangent (cot) and torch's vector-Jacobian products (grad0, grad1, ...), all float64. The Java test
(ConvolutionTorchTest) applies the same operation with the same settings and compares. Each case draws
from its own generator, seeded by its name, so adding a case leaves the other fixtures unchanged.
"""
import os
import zlib
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def t(*shape):
    """An input of this shape, drawn when its case is written."""
    return shape


CASES = {
    # conv2d: x [N, C, H, W], w [O, C/groups, kh, kw], bias [O]
    "conv_pad1_bias": (lambda x, w, b: F.conv2d(x, w, b, stride=1, padding=1), [t(2, 3, 7, 6), t(4, 3, 3, 3), t(4)]),
    "conv_stride21_groups2": (lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=(1, 0), groups=2), [t(2, 4, 9, 8), t(6, 2, 3, 2)]),
    "conv_dilation2_pad2": (lambda x, w: F.conv2d(x, w, padding=2, dilation=2), [t(1, 3, 10, 9), t(2, 3, 3, 3)]),
    "conv_stride3_depthwise": (lambda x, w: F.conv2d(x, w, stride=3, padding=2, groups=2), [t(2, 2, 8, 8), t(4, 1, 5, 5)]),
    # asymmetric padding (top 1, bottom 0, left 2, right 1): torch pads explicitly first
    "conv_asymmetric_padding": (lambda x, w: F.conv2d(F.pad(x, (2, 1, 1, 0)), w), [t(2, 2, 6, 5), t(3, 2, 2, 3)]),
    # convTranspose2d: x [N, Cin, H, W], w [Cin, Cout/groups, kh, kw]
    "convt_stride2_outpad1": (lambda x, w: F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1), [t(2, 4, 5, 5), t(4, 3, 3, 3)]),
    "convt_groups2_dilation": (lambda x, w: F.conv_transpose2d(x, w, stride=(1, 2), groups=2, dilation=(2, 1)), [t(1, 4, 4, 6), t(4, 1, 3, 2)]),
    # output padding >= stride (allowed below the dilation): rows the kernel does not reach stay zero
    "convt_outpad1_stride1_dilation2": (lambda x, w: F.conv_transpose2d(x, w, dilation=2, output_padding=1), [t(2, 3, 4, 5), t(3, 2, 3, 2)]),
    "convt_outpad21_stride21_dilation32": (lambda x, w: F.conv_transpose2d(x, w, stride=(2, 1), padding=(1, 0), output_padding=(2, 1),
                                                                         groups=2, dilation=(3, 2)), [t(1, 4, 3, 4), t(4, 1, 2, 3)]),
    "maxpool_2": (lambda x: F.max_pool2d(x, 2), [t(2, 3, 8, 8)]),
    "maxpool_3_stride2_pad1": (lambda x: F.max_pool2d(x, 3, stride=2, padding=1), [t(2, 2, 7, 9)]),
    "avgpool_3_stride2_pad1": (lambda x: F.avg_pool2d(x, 3, stride=2, padding=1), [t(2, 3, 7, 7)]),
    "adaptive_avgpool_3x4": (lambda x: F.adaptive_avg_pool2d(x, (3, 4)), [t(2, 3, 7, 10)]),
    "adaptive_avgpool_2x2": (lambda x: F.adaptive_avg_pool2d(x, (2, 2)), [t(2, 3, 8, 8)]),
}


def main():
    for name, (f, shapes) in CASES.items():
        rng = np.random.default_rng([6, zlib.crc32(name.encode())])
        inputs = [torch.tensor(rng.standard_normal(shape), dtype=torch.float64, requires_grad=True) for shape in shapes]
        out = f(*inputs)
        cot = torch.tensor(rng.standard_normal(tuple(out.shape)), dtype=torch.float64)
        grads = torch.autograd.grad(out, inputs, cot)
        arrays = {"out": out.detach().numpy(), "cot": cot.numpy()}
        for i, (x, g) in enumerate(zip(inputs, grads)):
            arrays["x%d" % i] = x.detach().numpy()
            arrays["grad%d" % i] = g.numpy()
        np.savez(os.path.join(HERE, name + ".npz"), **arrays)
        print(name, tuple(out.shape))


if __name__ == "__main__":
    main()
