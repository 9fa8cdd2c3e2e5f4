"""Reference values for dev.ruru.models.gan's AdversarialObjectiveTest: the DCGAN of GanSpec in PyTorch.

Run with Debian's Python and PyTorch: /usr/bin/python3 make_gan_fixtures.py
Writes gan.npz (unconditional) and cgan.npz (conditional, 3 classes) beside this script; seeded. Each holds
the generator's and discriminator's state dictionaries (g.NAME, d.NAME), the noise z, the real pixels in
[0, 1], the fakes' and the reals' labels, the non-saturating losses
    L_D = BCE(D(x), 1) + BCE(D(G(z).detach()), 0),   L_G = BCE(D(G(z)), 1)
(both networks in training mode, so batch normalisation uses batch statistics), and the gradients of
L_D by the discriminator's first weight and of L_G by the generator's first weight.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LATENT, WIDTH, N = 8, 4, 5


def networks(classes):
    g = nn.Sequential(
        nn.Unflatten(1, (LATENT + classes, 1, 1)),
        nn.ConvTranspose2d(LATENT + classes, 2 * WIDTH, 7, 1, 0), nn.BatchNorm2d(2 * WIDTH), nn.ReLU(),
        nn.ConvTranspose2d(2 * WIDTH, WIDTH, 4, 2, 1), nn.BatchNorm2d(WIDTH), nn.ReLU(),
        nn.ConvTranspose2d(WIDTH, 1, 4, 2, 1), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(1 + classes, WIDTH, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(WIDTH, 2 * WIDTH, 4, 2, 1), nn.BatchNorm2d(2 * WIDTH), nn.LeakyReLU(0.2),
        nn.Conv2d(2 * WIDTH, 1, 7, 1, 0), nn.Flatten())
    # Non-trivial batch-norm affine parameters, so that their use is tested too.
    with torch.no_grad():
        for module in list(g) + list(d):
            if isinstance(module, nn.BatchNorm2d):
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.2, 0.2)
    return g, d


def with_planes(images, labels, classes):
    if classes == 0:
        return images
    planes = F.one_hot(labels, classes).float().view(-1, classes, 1, 1).expand(-1, classes, 28, 28)
    return torch.cat([images, planes], 1)


def with_code(z, labels, classes):
    return z if classes == 0 else torch.cat([z, F.one_hot(labels, classes).float()], 1)


def fixture(name, classes, seed):
    torch.manual_seed(seed)
    g, d = networks(classes)
    z = torch.randn(N, LATENT)
    pixels = torch.rand(N, 28, 28)
    fake_labels = torch.randint(0, max(classes, 1), (N,))
    real_labels = torch.randint(0, max(classes, 1), (N,))
    real = pixels.view(N, 1, 28, 28) * 2 - 1
    state = {"g." + k: v.numpy().copy() for k, v in g.state_dict().items()}
    state.update({"d." + k: v.numpy().copy() for k, v in d.state_dict().items()})

    fake = g(with_code(z, fake_labels, classes))
    real_logits = d(with_planes(real, real_labels, classes))
    fake_logits = d(with_planes(fake.detach(), fake_labels, classes))
    loss_d = F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits)) \
        + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
    grad_d = torch.autograd.grad(loss_d, d[0].weight)[0]
    logits = d(with_planes(fake, fake_labels, classes))
    loss_g = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
    grad_g = torch.autograd.grad(loss_g, g[1].weight)[0]
    np.savez(name, z=z.numpy(), pixels=pixels.numpy(), fake_labels=fake_labels.numpy(), real_labels=real_labels.numpy(),
             loss_d=np.array(loss_d.item()), loss_g=np.array(loss_g.item()), grad_d=grad_d.numpy(), grad_g=grad_g.numpy(), **state)


fixture("gan.npz", 0, 11)
fixture("cgan.npz", 3, 12)
