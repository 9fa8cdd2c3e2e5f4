"""Reference SSIM for ruru-models FrameQualityTest: scikit-image's structural_similarity defaults
(7x7 uniform window, sample covariance, K1 0.01, K2 0.03, data_range 1, mean over the windows wholly
inside the image), written out with SciPy since scikit-image is not packaged here. Prints the values the
test pins. Run: python3 ssim_reference.py
"""
import numpy as np
from scipy.ndimage import uniform_filter


def ssim(x, y, win=7):
    n = win * win
    ux, uy = uniform_filter(x, win), uniform_filter(y, win)
    uxx, uyy, uxy = uniform_filter(x * x, win), uniform_filter(y * y, win), uniform_filter(x * y, win)
    norm = n / (n - 1)
    vx, vy, vxy = norm * (uxx - ux * ux), norm * (uyy - uy * uy), norm * (uxy - ux * uy)
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    s = ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux ** 2 + uy ** 2 + c1) * (vx + vy + c2))
    pad = (win - 1) // 2
    return s[pad:-pad, pad:-pad].mean()


# The test builds the same two 12x12 frames: a ramp and the ramp with a bright square.
i, j = np.meshgrid(np.arange(12), np.arange(12), indexing="ij")
a = ((i * 12 + j) / 143.0).astype(np.float32).astype(np.float64)
b = a.copy()
b[3:7, 4:9] = 1.0
print(repr(ssim(a, b)), repr(((a - b) ** 2).sum()))
