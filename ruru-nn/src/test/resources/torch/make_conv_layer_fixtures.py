#!/usr/bin/python3
"""Reference values for Ruru's image layers (BatchNorm2d, Conv2d with bias, ConvTranspose2d) from PyTorch.

Run with Debian's python3-torch (1.13):
    /usr/bin/python3 ruru-nn/src/test/resources/torch/make_conv_layer_fixtures.py
Writes image_layers.npz (float64): inputs, parameters, outputs, a cotangent and torch's gradients;
ImageLayersTest loads the same parameters into Ruru's layers and compares. Seeds are fixed.
"""
import os
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(66)


def t(*shape):
    return torch.tensor(rng.standard_normal(shape), dtype=torch.float64, requires_grad=True)


def main():
    out = {}
    # BatchNorm2d: one training step (output, gradients, running statistics), then evaluation.
    bn = torch.nn.BatchNorm2d(3).double()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(rng.uniform(0.5, 1.5, 3)))
        bn.bias.copy_(torch.tensor(rng.standard_normal(3)))
    x = t(4, 3, 5, 6)
    y = bn(x)
    cot = torch.tensor(rng.standard_normal(tuple(y.shape)))
    gx, gw, gb = torch.autograd.grad(y, [x, bn.weight, bn.bias], cot)
    bn.eval()
    out.update(bn_x=x.detach().numpy(), bn_weight=bn.weight.detach().numpy(), bn_bias=bn.bias.detach().numpy(),
               bn_train=y.detach().numpy(), bn_cot=cot.numpy(), bn_grad_x=gx.numpy(), bn_grad_weight=gw.numpy(),
               bn_grad_bias=gb.numpy(), bn_running_mean=bn.running_mean.numpy(), bn_running_var=bn.running_var.numpy(),
               bn_eval=bn(x).detach().numpy())
    # Conv2d layer with bias, stride 2, padding 1, groups 2.
    conv = torch.nn.Conv2d(4, 6, 3, stride=2, padding=1, groups=2).double()
    x = t(2, 4, 7, 7)
    out.update(conv_x=x.detach().numpy(), conv_weight=conv.weight.detach().numpy(), conv_bias=conv.bias.detach().numpy(),
               conv_out=conv(x).detach().numpy())
    # ConvTranspose2d layer with bias, stride 2, padding 1, output padding 1: 7x7 -> 14x14.
    up = torch.nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1, output_padding=1).double()
    x = t(2, 4, 7, 7)
    out.update(up_x=x.detach().numpy(), up_weight=up.weight.detach().numpy(), up_bias=up.bias.detach().numpy(),
               up_out=up(x).detach().numpy())
    np.savez(os.path.join(HERE, "image_layers.npz"), **out)


if __name__ == "__main__":
    main()
