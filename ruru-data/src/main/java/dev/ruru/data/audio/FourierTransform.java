package dev.ruru.data.audio;

/**
 * The discrete Fourier transform of a fixed length n, {@code X[k] = Σ_j x[j]·e^(−2πi·jk/n)}, computed in
 * O(n log n) for every n: radix-2 Cooley-Tukey when n is a power of two, otherwise Bluestein's chirp-z
 * algorithm, which rewrites the transform as a convolution of power-of-two length. Twiddle factors are
 * computed once per instance; {@link #forward} and {@link #inverse} write into the arrays they are given
 * (the one mutation here, named so) and are not thread-safe: use one instance per thread.
 */
public final class FourierTransform {
  private final int n;
  private final int size;
  private final double[] cos;
  private final double[] sin;
  private final double[] chirpRe;
  private final double[] chirpIm;
  private final double[] kernelRe;
  private final double[] kernelIm;
  private final double[] workRe;
  private final double[] workIm;

  /** A transform of length {@code n} (at least 1). */
  public FourierTransform(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("FourierTransform: length must be >= 1; got " + n);
    }
    this.n = n;
    boolean powerOfTwo = Integer.bitCount(n) == 1;
    this.size = powerOfTwo ? n : Integer.highestOneBit(2 * n - 1) << 1;
    this.cos = new double[size / 2];
    this.sin = new double[size / 2];
    for (int i = 0; i < size / 2; i++) {
      cos[i] = Math.cos(2 * Math.PI * i / size);
      sin[i] = Math.sin(2 * Math.PI * i / size);
    }
    if (powerOfTwo) {
      chirpRe = chirpIm = kernelRe = kernelIm = workRe = workIm = null;
      return;
    }
    // Bluestein: jk = (j² + k² − (k − j)²) / 2, so X[k] = w[k]·Σ_j (x[j]·w[j])·conj(w[k − j]), w[j] = e^(−πi·j²/n).
    chirpRe = new double[n];
    chirpIm = new double[n];
    for (int j = 0; j < n; j++) {
      double angle = Math.PI * ((long) j * j % (2L * n)) / n;
      chirpRe[j] = Math.cos(angle);
      chirpIm[j] = -Math.sin(angle);
    }
    kernelRe = new double[size];
    kernelIm = new double[size];
    kernelRe[0] = chirpRe[0];
    kernelIm[0] = -chirpIm[0];
    for (int j = 1; j < n; j++) {
      kernelRe[j] = kernelRe[size - j] = chirpRe[j];
      kernelIm[j] = kernelIm[size - j] = -chirpIm[j];
    }
    radix2(kernelRe, kernelIm, false);
    workRe = new double[size];
    workIm = new double[size];
  }

  /** The transform's length. */
  public int length() {
    return n;
  }

  /** Replaces {@code (re, im)} (each of {@link #length()}) by its forward transform. */
  public void forward(double[] re, double[] im) {
    transform(re, im, false);
  }

  /** Replaces {@code (re, im)} by its inverse transform, scaled by 1/n so that inverse(forward(x)) = x. */
  public void inverse(double[] re, double[] im) {
    transform(re, im, true);
    for (int i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }

  private void transform(double[] re, double[] im, boolean inverse) {
    if (re.length != n || im.length != n) {
      throw new IllegalArgumentException("FourierTransform: expected arrays of length " + n + "; got " + re.length + " and " + im.length);
    }
    if (size == n) {
      radix2(re, im, inverse);
    } else {
      bluestein(re, im, inverse);
    }
  }

  private void bluestein(double[] re, double[] im, boolean inverse) {
    java.util.Arrays.fill(workRe, 0);
    java.util.Arrays.fill(workIm, 0);
    // The inverse is the forward transform of the conjugate, conjugated.
    double sign = inverse ? -1 : 1;
    for (int j = 0; j < n; j++) {
      double xIm = sign * im[j];
      workRe[j] = re[j] * chirpRe[j] - xIm * chirpIm[j];
      workIm[j] = re[j] * chirpIm[j] + xIm * chirpRe[j];
    }
    radix2(workRe, workIm, false);
    for (int i = 0; i < size; i++) {
      double r = workRe[i] * kernelRe[i] - workIm[i] * kernelIm[i];
      workIm[i] = workRe[i] * kernelIm[i] + workIm[i] * kernelRe[i];
      workRe[i] = r;
    }
    radix2(workRe, workIm, true);
    for (int k = 0; k < n; k++) {
      double yRe = workRe[k] / size;
      double yIm = workIm[k] / size;
      re[k] = yRe * chirpRe[k] - yIm * chirpIm[k];
      im[k] = sign * (yRe * chirpIm[k] + yIm * chirpRe[k]);
    }
  }

  /** In-place iterative radix-2 transform of length {@link #size} (unscaled in both directions). */
  private void radix2(double[] re, double[] im, boolean inverse) {
    int length = re.length;
    for (int i = 1, j = 0; i < length; i++) {
      int bit = length >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    double sign = inverse ? 1 : -1;
    for (int half = 1; half < length; half <<= 1) {
      int step = size / (2 * half);
      for (int start = 0; start < length; start += 2 * half) {
        for (int k = 0; k < half; k++) {
          double wRe = cos[k * step];
          double wIm = sign * sin[k * step];
          int a = start + k;
          int b = a + half;
          double tRe = re[b] * wRe - im[b] * wIm;
          double tIm = re[b] * wIm + im[b] * wRe;
          re[b] = re[a] - tRe;
          im[b] = im[a] - tIm;
          re[a] += tRe;
          im[a] += tIm;
        }
      }
    }
  }
}
