#!/usr/bin/python3
"""Reference values for Ruru's VAE objective (dev.ruru.models.latent.Elbo) from PyTorch.

Run with Debian's python3-torch (1.13):
    /usr/bin/python3 ruru-models/src/test/resources/torch/make_vae_fixtures.py
Writes vae.npz (float64):
  - the ELBO's pieces on given tensors: mean, log_variance, epsilon, a linear decoder (w, b) and images x;
    the KL to N(0, I) per row (torch.distributions.kl_divergence), the Bernoulli and Gaussian (std 0.1)
    negative log-likelihoods per row, the mean negative ELBO and its gradients;
  - a tiny dense VAE (6 pixels as 2x3, hidden 5, latent 3) with Ruru's parameter names, its ELBO terms
    per image with fixed noise, and the importance-weighted log-likelihood with k = 5 fixed noise draws.
Seeds are fixed.
"""
import math
import os
import numpy as np
import torch
from torch.distributions import Normal, kl_divergence
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20)


def tensor(array, grad=False):
    return torch.tensor(array, dtype=torch.float64, requires_grad=grad)


def pieces(out):
    mean, logvar = tensor(rng.standard_normal((4, 3)), True), tensor(0.5 * rng.standard_normal((4, 3)), True)
    eps, x = tensor(rng.standard_normal((4, 3))), tensor(rng.uniform(0, 1, (4, 6)))
    w, b = tensor(rng.standard_normal((6, 3)), True), tensor(rng.standard_normal(6), True)
    z = mean + torch.exp(0.5 * logvar) * eps
    logits = z @ w.T + b
    kl = kl_divergence(Normal(mean, torch.exp(0.5 * logvar)), Normal(0.0, 1.0)).sum(1)
    bernoulli = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
    gaussian = -Normal(torch.sigmoid(logits), 0.1).log_prob(x).sum(1)
    negative_elbo = (bernoulli + kl).mean()
    grads = torch.autograd.grad(negative_elbo, [mean, logvar, w, b])
    out.update(mean=mean.detach().numpy(), log_variance=logvar.detach().numpy(), epsilon=eps.numpy(), x=x.numpy(),
               w=w.detach().numpy(), b=b.detach().numpy(), kl=kl.detach().numpy(), bernoulli=bernoulli.detach().numpy(),
               gaussian=gaussian.detach().numpy(), negative_elbo=negative_elbo.detach().numpy(),
               grad_mean=grads[0].numpy(), grad_log_variance=grads[1].numpy(), grad_w=grads[2].numpy(), grad_b=grads[3].numpy())


def tiny_vae(out):
    torch.manual_seed(3)
    layers = {"encoder.0": torch.nn.Linear(6, 5), "mean": torch.nn.Linear(5, 3), "log_variance": torch.nn.Linear(5, 3),
              "decoder.0": torch.nn.Linear(3, 5), "decoder.2": torch.nn.Linear(5, 6)}
    for name, layer in layers.items():
        layer.double()
        out["model." + name + ".weight"] = layer.weight.detach().numpy()
        out["model." + name + ".bias"] = layer.bias.detach().numpy()
    x = tensor(rng.uniform(0, 1, (4, 6)))
    hidden = torch.relu(layers["encoder.0"](x))
    mean, logvar = layers["mean"](hidden), layers["log_variance"](hidden)

    def decode(z):
        return layers["decoder.2"](torch.relu(layers["decoder.0"](z)))

    eps = tensor(rng.standard_normal((4, 3)))
    z = mean + torch.exp(0.5 * logvar) * eps
    reconstruction = F.binary_cross_entropy_with_logits(decode(z), x, reduction="none").sum(1)
    kl = kl_divergence(Normal(mean, torch.exp(0.5 * logvar)), Normal(0.0, 1.0)).sum(1)
    k = 5
    eps_k = tensor(rng.standard_normal((k, 4, 3)))
    q = Normal(mean, torch.exp(0.5 * logvar))
    log_weights = []
    for j in range(k):
        zj = mean + torch.exp(0.5 * logvar) * eps_k[j]
        log_px_z = -F.binary_cross_entropy_with_logits(decode(zj), x, reduction="none").sum(1)
        log_weights.append(log_px_z + Normal(0.0, 1.0).log_prob(zj).sum(1) - q.log_prob(zj).sum(1))
    iwae = torch.logsumexp(torch.stack(log_weights), 0) - math.log(k)
    out.update(model_x=x.numpy(), model_epsilon=eps.numpy(), model_reconstruction=reconstruction.detach().numpy(),
               model_kl=kl.detach().numpy(), model_epsilon_k=eps_k.numpy(), model_iwae=iwae.detach().numpy())


def main():
    out = {}
    pieces(out)
    tiny_vae(out)
    np.savez(os.path.join(HERE, "vae.npz"), **out)


if __name__ == "__main__":
    main()
