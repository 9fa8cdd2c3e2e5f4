"""Reference values for DeepSvddTest: Ruff et al.'s one-class Deep SVDD in PyTorch (their MNIST LeNet, no biases).

Run with Debian's Python and PyTorch: /usr/bin/python3 make_svdd_fixtures.py
Writes svdd.npz beside this script; seeded. Holds the network's initial state dictionary (batch norm with
gamma 1 and beta 0, which is affine=False at initialisation), the images, the centre c (mean code of one
training-mode pass, coordinates within eps = 0.1 of 0 moved to +-eps, as Ruff's init_center_c), the loss
mean ||phi(x) - c||^2 in training mode with its gradient by the first convolution's weight, and the
evaluation-mode scores after that pass.
"""
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(21)
net = nn.Sequential(
    nn.Unflatten(1, (1, 28)),
    nn.Conv2d(1, 8, 5, padding=2, bias=False), nn.BatchNorm2d(8, eps=1e-4), nn.LeakyReLU(0.01), nn.MaxPool2d(2),
    nn.Conv2d(8, 4, 5, padding=2, bias=False), nn.BatchNorm2d(4, eps=1e-4), nn.LeakyReLU(0.01), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(4 * 7 * 7, 32, bias=False))
state = {"net." + k: v.numpy().copy() for k, v in net.state_dict().items()}
images = torch.rand(6, 28, 28)

with torch.no_grad():
    c = net(images).mean(0)
eps = 0.1
c[(c.abs() < eps) & (c < 0)] = -eps
c[(c.abs() < eps) & (c >= 0)] = eps

loss = ((net(images) - c) ** 2).sum(1).mean()
grad = torch.autograd.grad(loss, net[1].weight)[0]
net.eval()
with torch.no_grad():
    scores = ((net(images) - c) ** 2).sum(1)
np.savez("svdd.npz", images=images.numpy(), centre=c.numpy(), loss=np.array(loss.item()), grad=grad.numpy(),
         scores=scores.numpy(), **state)
