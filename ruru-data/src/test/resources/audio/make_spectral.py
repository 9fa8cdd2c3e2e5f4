"""Reference values for SpectralTest, written as plain NumPy formulas (librosa is not installed here):
the STFT and ISTFT with torch.stft/torch.istft's conventions (periodic Hann window, centred frames,
reflect padding), librosa's Slaney mel filters and power_to_db, MFCC by scipy.fft.dct (type 2, ortho),
and librosa's Griffin-Lim loop (momentum 0.99, zero initial phase). When /usr/bin/python3 has torch,
the STFT and ISTFT formulas are checked against torch too. Seeded; run here: python3 make_spectral.py"""
import numpy as np
import scipy.fft

rng = np.random.default_rng(2026)
sr = 8000
n = 2000
t = np.arange(n) / sr
x = (0.5 * np.sin(2 * np.pi * (300 + 900 * t) * t) + 0.1 * rng.standard_normal(n)).astype(np.float32)


def hann(n_fft):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)


def stft(x, n_fft, hop):
    padded = np.pad(x.astype(np.float64), n_fft // 2, mode="reflect")
    frames = 1 + (len(padded) - n_fft) // hop
    cols = [np.fft.rfft(hann(n_fft) * padded[i * hop:i * hop + n_fft]) for i in range(frames)]
    return np.stack(cols, axis=1)


def istft(spec, n_fft, hop, length):
    frames = spec.shape[1]
    total = n_fft + hop * (frames - 1)
    out = np.zeros(total)
    env = np.zeros(total)
    w = hann(n_fft)
    for i in range(frames):
        out[i * hop:i * hop + n_fft] += np.fft.irfft(spec[:, i], n_fft) * w
        env[i * hop:i * hop + n_fft] += w * w
    y = np.where(env > 1e-11, out / np.where(env > 1e-11, env, 1), 0)[n_fft // 2:]
    return np.pad(y, (0, max(0, length - len(y))))[:length]


def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    return np.where(f < 1000, f / (200 / 3), 15 + np.log(np.maximum(f, 1e-300) / 1000) / (np.log(6.4) / 27))


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    return np.where(m < 15, m * (200 / 3), 1000 * np.exp(np.log(6.4) / 27 * (m - 15)))


def mel_filters(sr, n_fft, n_mels):
    fft_freqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0), hz_to_mel(sr / 2), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    w = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        w[i] = np.maximum(0, np.minimum(-ramps[i] / fdiff[i], ramps[i + 2] / fdiff[i + 1]))
    return w * (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, None]


def power_to_db(s, top_db=80.0):
    db = 10 * np.log10(np.maximum(1e-10, s))
    return np.maximum(db, db.max() - top_db)


def griffin_lim(mag, n_fft, hop, length, n_iter, momentum=0.99):
    angles = np.ones(mag.shape, dtype=np.complex128)
    rebuilt = 0.0
    for _ in range(n_iter):
        previous = rebuilt
        rebuilt = stft(istft(mag * angles, n_fft, hop, length), n_fft, hop)
        angles = rebuilt - (momentum / (1 + momentum)) * previous
        angles = angles / (np.abs(angles) + 1e-16)
    return istft(mag * angles, n_fft, hop, length)


out = {"x": x}
s256 = stft(x, 256, 64)
out["stft256_re"], out["stft256_im"] = s256.real, s256.imag
s200 = stft(x, 200, 80)
out["stft200_re"], out["stft200_im"] = s200.real, s200.imag
# A spectrum that is no signal's STFT, so the ISTFT's least-squares division by the window envelope matters.
mask = rng.uniform(0.5, 1.5, s256.shape)
out["mask"] = mask
out["istft_masked"] = istft(s256 * mask, 256, 64, n)
mel = mel_filters(sr, 256, 20)
out["mel_weights"] = mel
log_mel = power_to_db(mel @ np.abs(s256) ** 2)
out["log_mel"] = log_mel
out["mfcc13"] = scipy.fft.dct(log_mel, type=2, norm="ortho", axis=0)[:13]
out["griffin_lim8"] = griffin_lim(np.abs(s256), 256, 64, n, 8)
np.savez_compressed("spectral.npz", **out)

try:
    import subprocess
    check = ("import numpy as np, torch; d = np.load('spectral.npz'); x = torch.tensor(d['x'], dtype=torch.float64);"
             "s = torch.stft(x, 256, 64, window=torch.hann_window(256, dtype=torch.float64), center=True, pad_mode='reflect', return_complex=True).numpy();"
             "print('torch.stft max |diff|', np.abs(s - (d['stft256_re'] + 1j * d['stft256_im'])).max());"
             "y = torch.istft(torch.tensor(d['stft256_re'] * d['mask'] + 1j * d['stft256_im'] * d['mask']), 256, 64, window=torch.hann_window(256, dtype=torch.float64), center=True, length=2000).numpy();"
             "print('torch.istft max |diff|', np.abs(y - d['istft_masked']).max())")
    print(subprocess.run(["/usr/bin/python3", "-c", check], capture_output=True, text=True, timeout=120).stdout.strip())
except (OSError, subprocess.SubprocessError) as e:
    print("torch check skipped:", e)
