"""Reference values for dev.ruru.models.quality's tests (FrechetDistanceTest).

Run with Debian's Python (SciPy): /usr/bin/python3 make_quality_fixtures.py
Writes quality.npz beside this script; seeded, so reruns give the same file. The Fréchet distance is
pytorch-fid's calculate_frechet_distance (scipy.linalg.sqrtm of sigma1 @ sigma2); the score is the
inception score's formula with one split.
"""
import numpy as np
import scipy.linalg
from scipy.special import log_softmax

rng = np.random.default_rng(7)

first = rng.standard_normal((200, 6)) @ rng.standard_normal((6, 6)) + 0.5
second = rng.standard_normal((150, 6)) @ rng.standard_normal((6, 6)) - 0.25


def frechet(a, b):
    mu1, mu2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    covmean = scipy.linalg.sqrtm(s1 @ s2).real
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


logits = 3 * rng.standard_normal((100, 10))
log_p = log_softmax(logits, axis=1)
p = np.exp(log_p)
kl = (p * (log_p - np.log(p.mean(0, keepdims=True)))).sum(1)

np.savez("quality.npz", first=first, second=second, frechet=np.array(frechet(first, second)),
         logits=logits, score=np.array(np.exp(kl.mean())))
