"""Reference values for ResamplerTest: SciPy's resample_poly with its defaults (Kaiser window, beta 5,
half-length 10 * max(up, down)). Seeded; run from this directory: python3 make_resample.py"""
import numpy as np
from scipy.signal import resample_poly

rng = np.random.default_rng(2026)
x = rng.standard_normal(700).astype(np.float64)
out = {"x": x.astype(np.float32)}
for up, down in [(320, 441), (2, 1), (1, 3), (3, 2)]:
    out[f"y_{up}_{down}"] = resample_poly(x.astype(np.float32).astype(np.float64), up, down).astype(np.float32)
np.savez("resample.npz", **out)
