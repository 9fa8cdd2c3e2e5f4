package dev.ruru.data.audio;

/**
 * Changes a signal's sample rate by a rational factor {@code up / down} with a polyphase windowed-sinc
 * filter, the method of SciPy's {@code scipy.signal.resample_poly} (and with its defaults, so the two agree
 * to rounding): the low-pass filter is {@code firwin(2·10·max(up, down) + 1, 1 / max(up, down),
 * window=('kaiser', 5.0))} scaled by {@code up}, and output sample m is
 * <pre>
 *   y[m] = Σ_k x[k] · h[H + m·down − k·up],   H = 10·max(up, down) (the filter's centre)
 * </pre>
 * with x zero outside the signal. Only the taps whose index is in range are visited: about
 * {@code 2H / up} per output sample, not the {@code 2H + 1} of the whole filter (that is the polyphase
 * trick). The output has {@code ceil(n · up / down)} samples. 22050 Hz to 16000 Hz is up 320, down 441.
 *
 * <pre>{@code
 * float[] y = Resampler.between(22050, 16000).apply(x);
 * }</pre>
 */
public final class Resampler {
  private static final double KAISER_BETA = 5.0;
  private static final int HALF_LENGTH_PER_RATE = 10;

  private final int up;
  private final int down;
  private final int half;
  private final double[] filter;

  private Resampler(int up, int down) {
    this.up = up;
    this.down = down;
    int maxRate = Math.max(up, down);
    this.half = HALF_LENGTH_PER_RATE * maxRate;
    this.filter = lowPass(2 * half + 1, 1.0 / maxRate, up);
  }

  /** Resamples by {@code up / down} (reduced by their greatest common divisor). */
  public static Resampler of(int up, int down) {
    if (up <= 0 || down <= 0) {
      throw new IllegalArgumentException("Resampler: up and down must be > 0; got up " + up + ", down " + down);
    }
    int gcd = gcd(up, down);
    return new Resampler(up / gcd, down / gcd);
  }

  /** Resamples from {@code fromRate} Hz to {@code toRate} Hz. */
  public static Resampler between(int fromRate, int toRate) {
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException("Resampler: sample rates must be > 0; got " + fromRate + " Hz to " + toRate + " Hz");
    }
    return of(toRate, fromRate);
  }

  /** The output length for {@code n} input samples: {@code ceil(n · up / down)}. */
  public int outputLength(int n) {
    return (int) ((n * (long) up + down - 1) / down);
  }

  /** The resampled signal; {@code x} is not modified. */
  public float[] apply(float[] x) {
    int n = x.length;
    float[] y = new float[outputLength(n)];
    if (up == 1 && down == 1) {
      System.arraycopy(x, 0, y, 0, n);
      return y;
    }
    for (int m = 0; m < y.length; m++) {
      long centre = half + (long) m * down;
      // Taps in range: 0 <= centre - k*up <= 2*half, and 0 <= k < n.
      int first = (int) Math.max(0, ceilDiv(centre - 2L * half, up));
      int last = (int) Math.min(n - 1, Math.floorDiv(centre, (long) up));
      double sum = 0;
      for (int k = first; k <= last; k++) {
        sum += x[k] * filter[(int) (centre - (long) k * up)];
      }
      y[m] = (float) sum;
    }
    return y;
  }

  /** The resampled sound, each channel on its own. */
  public Waveform apply(Waveform sound, int toRate) {
    int channels = sound.channels();
    float[][] rows = new float[channels][];
    for (int c = 0; c < channels; c++) {
      rows[c] = apply(sound.channel(c));
    }
    return new Waveform(toRate, dev.ruru.array.NDArray.of(rows));
  }

  /**
   * SciPy's {@code firwin(taps, cutoff, window=('kaiser', beta))} times {@code gain}: a windowed sinc with
   * cutoff as a fraction of Nyquist, scaled so its taps sum to {@code gain} (unit gain at 0 Hz).
   */
  static double[] lowPass(int taps, double cutoff, double gain) {
    double[] h = new double[taps];
    double alpha = 0.5 * (taps - 1);
    double sum = 0;
    for (int i = 0; i < taps; i++) {
      double t = i - alpha;
      h[i] = cutoff * sinc(cutoff * t) * kaiser(i, taps, KAISER_BETA);
      sum += h[i];
    }
    for (int i = 0; i < taps; i++) {
      h[i] *= gain / sum;
    }
    return h;
  }

  /** The symmetric Kaiser window's value at {@code i} of {@code n}: I0(β·√(1 − r²)) / I0(β). */
  static double kaiser(int i, int n, double beta) {
    if (n == 1) {
      return 1;
    }
    double r = 2.0 * i / (n - 1) - 1;
    return besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
  }

  /** The modified Bessel function of the first kind, order 0, by its power series (converges fast for β ≤ 20). */
  static double besselI0(double x) {
    double term = 1;
    double sum = 1;
    double quarter = x * x / 4;
    for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
      term *= quarter / ((double) k * k);
      sum += term;
    }
    return sum;
  }

  private static double sinc(double x) {
    if (x == 0) {
      return 1;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
