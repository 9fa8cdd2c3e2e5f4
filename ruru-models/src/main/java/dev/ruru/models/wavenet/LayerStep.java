package dev.ruru.models.wavenet;

/**
 * One gated layer at one time step for B sequences, as plain loops over its weights (copied once, in
 * double precision): the arithmetic of {@link GatedLayer#forward} at position t, which needs the layer's
 * input at t and at t − d only. The inputs of the last d steps wait in a ring, so x[t − d] is the slot that
 * x[t] then replaces: the "fast WaveNet" queue. At a few thousand multiply-adds a layer, array operations'
 * allocation and dispatch would cost more than the arithmetic.
 */
final class LayerStep {
  private final int channels;
  private final int skipChannels;
  private final int batch;
  /** [2R, R] row-major: the kernel's tap 0 (reads x[t − d]) and tap 1 (reads x[t]). */
  private final double[] pastTap;
  private final double[] currentTap;
  /** [B, 2R]: the convolution's bias plus each sequence's digit conditioning. */
  private final double[] shift;
  /** [R, R] and [R], or null after the last layer. */
  private final double[] residual;
  private final double[] residualBias;
  /** [S, R] and [S]. */
  private final double[] skip;
  private final double[] skipBias;
  private final double[][] ring;
  private final double[] h;
  private final double[] z;
  private int slot;

  LayerStep(int channels, int skipChannels, int batch, int dilation, double[][] weights) {
    this.channels = channels;
    this.skipChannels = skipChannels;
    this.batch = batch;
    this.pastTap = weights[0];
    this.currentTap = weights[1];
    this.shift = weights[2];
    this.residual = weights[3];
    this.residualBias = weights[4];
    this.skip = weights[5];
    this.skipBias = weights[6];
    this.ring = new double[dilation][batch * channels];
    this.h = new double[2 * channels];
    this.z = new double[channels];
  }

  /**
   * Reads x[t] ({@code input} [B·R]), adds this layer's skip output to {@code skips} [B·S] and writes
   * x'[t] to {@code next} [B·R] (ignored after the last layer); then x[t] takes x[t − d]'s slot.
   */
  void apply(double[] input, double[] skips, double[] next) {
    double[] past = ring[slot];
    int r = channels;
    for (int b = 0; b < batch; b++) {
      int row = b * r;
      for (int o = 0; o < 2 * r; o++) {
        double sum = shift[b * 2 * r + o];
        int w = o * r;
        for (int c = 0; c < r; c++) {
          sum += pastTap[w + c] * past[row + c] + currentTap[w + c] * input[row + c];
        }
        h[o] = sum;
      }
      for (int c = 0; c < r; c++) {
        z[c] = Math.tanh(h[c]) / (1 + Math.exp(-h[r + c]));
      }
      project(skip, skipBias, skipChannels, skips, b * skipChannels, true);
      if (residual != null) {
        project(residual, residualBias, r, next, row, false);
        for (int c = 0; c < r; c++) {
          next[row + c] += input[row + c];
        }
      }
    }
    System.arraycopy(input, 0, past, 0, past.length);
    slot = (slot + 1) % ring.length;
  }

  /** out[at + o] (+)= bias[o] + Σ_c weight[o, c]·z[c]: a kernel-1 convolution of one position. */
  private void project(double[] weight, double[] bias, int outputs, double[] out, int at, boolean accumulate) {
    for (int o = 0; o < outputs; o++) {
      double sum = bias[o];
      int w = o * channels;
      for (int c = 0; c < channels; c++) {
        sum += weight[w + c] * z[c];
      }
      out[at + o] = accumulate ? out[at + o] + sum : sum;
    }
  }
}
