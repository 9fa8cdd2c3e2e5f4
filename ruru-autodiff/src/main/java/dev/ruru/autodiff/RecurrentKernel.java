package dev.ruru.autodiff;

import dev.ruru.array.blas.Gemm.Transpose;

/**
 * The whole sequence of a recurrent layer in float32, forward and backward through time, in flat
 * arrays: per step one GEMM for h·W_hhᵀ and one pass of pointwise cell math, instead of a dozen
 * recorded operations per step. Backward walks the steps in reverse with one GEMM per step for the
 * hidden-state gradient, and computes ∂W_hh for all steps in one GEMM at the end.
 *
 * <p>Layouts, row-major: the input projection p [B, T, G·H] (batch first), W_hh [G·H, H], b_hh [G·H],
 * states [B, H], the output [B, T, H]. Padding (mask 0) must come after a row's steps: there the state
 * is carried unchanged and the output is 0, so the final state is the one after the last real step
 * (PyTorch's packed sequences). A reversed layer walks the steps from T − 1 down, so it meets the
 * padding first and starts its real steps from the initial state.
 */
final class RecurrentKernel {
  private final RecurrentCell cell;
  private final int batch, steps, hidden, width;
  private final float[] mask;
  private final boolean reverse;
  private final float[] weight;
  /** Per step and row: the gate activations (LSTM i f g o, GRU r z n, RNN h). */
  private final float[] activations;
  /** GRU only: q_n = (h·W_hhᵀ + b_hh)_n, which r multiplies. */
  private final float[] hiddenPart;
  /** The state h_{t−1} each step read: the right operand of ∂W_hh and the GRU's z·h. */
  private final float[] previous;
  /** LSTM only: c_{t−1} each step read, and tanh(c_t) it made. */
  private final float[] previousCell, cellTanh;
  final float[] output, finalHidden, finalCell;

  RecurrentKernel(RecurrentCell cell, int batch, int steps, int hidden, float[] mask, boolean reverse,
      float[] projection, float[] weight, float[] bias, float[] h0, float[] c0) {
    this.cell = cell;
    this.batch = batch;
    this.steps = steps;
    this.hidden = hidden;
    this.width = cell.gates() * hidden;
    this.mask = mask;
    this.reverse = reverse;
    this.weight = weight;
    this.activations = projection;
    this.hiddenPart = cell == RecurrentCell.GRU ? new float[projection.length] : null;
    this.previous = new float[batch * steps * hidden];
    boolean lstm = cell.hasCellState();
    this.previousCell = lstm ? new float[previous.length] : null;
    this.cellTanh = lstm ? new float[previous.length] : null;
    this.output = new float[previous.length];
    this.finalHidden = h0.clone();
    this.finalCell = lstm ? c0.clone() : null;
    run(bias);
  }

  private int step(int s) { return reverse ? steps - 1 - s : s; }
  private boolean valid(int b, int t) { return mask == null || mask[b * steps + t] != 0; }

  private void run(float[] bias) {
    float[] h = finalHidden;
    float[][] gateBias = new float[cell.gates()][];
    for (int k = 0; k < gateBias.length; k++) {
      gateBias[k] = java.util.Arrays.copyOfRange(bias, k * hidden, (k + 1) * hidden);
    }
    float[] product = new float[width * batch];
    float[][] scratch = cell == RecurrentCell.LSTM ? new float[8][hidden] : null;
    for (int s = 0; s < steps; s++) {
      int t = step(s);
      for (int b = 0; b < batch; b++) {
        System.arraycopy(h, b * hidden, previous, (b * steps + t) * hidden, hidden);
      }
      // (h·W_hhᵀ)ᵀ = W_hh·hᵀ [G·H, B]: OpenBLAS runs this shape about a quarter faster than [B, G·H] for
      // B = 32. It goes onto activations[t] (GRU: into its own buffer, since r scales only the hidden part).
      Im2col.gemm(Transpose.NO, Transpose.YES, width, batch, hidden, weight, 0, hidden, h, 0, hidden, false, product, 0, batch);
      if (cell != RecurrentCell.LSTM) {   // the LSTM adds it while copying its gates out (lstmStep)
        addTransposed(product, cell == RecurrentCell.GRU ? hiddenPart : activations, t, cell != RecurrentCell.GRU);
      }
      for (int b = 0; b < batch; b++) {
        switch (cell) {
          case LSTM -> lstmStep(b, t, product, gateBias, scratch);
          case GRU -> gruStep(b, t, bias);
          case RNN_TANH, RNN_RELU -> rnnStep(b, t, bias);
        }
      }
    }
  }

  /** target[b, t, k] (+)= product[k, b] for every row b and gate unit k. */
  private void addTransposed(float[] product, float[] target, int t, boolean accumulate) {
    for (int b = 0; b < batch; b++) {
      int row = (b * steps + t) * width;
      for (int k = 0; k < width; k++) {
        target[row + k] = (accumulate ? target[row + k] : 0) + product[k * batch + b];
      }
    }
  }


  /**
   * One row's LSTM step. The gates are copied out to arrays of their own so that every loop reads and
   * writes at one index from 0 and the JIT vectorizes it ({@link FloatActivations}): five tanh-like
   * functions per element are most of a step's pointwise time.
   */
  private void lstmStep(int b, int t, float[] product, float[][] gateBias, float[][] scratch) {
    int a = (b * steps + t) * width, s = (b * steps + t) * hidden, r = b * hidden, hh = hidden;
    float[] i = scratch[0], f = scratch[1], g = scratch[2], o = scratch[3], cp = scratch[4], c = scratch[5], tc = scratch[6], h = scratch[7];
    for (int k = 0; k < 4; k++) {
      float[] gate = scratch[k];
      for (int j = 0, unit = k * hh; j < hh; j++, unit++) {
        gate[j] = activations[a + unit] + product[unit * batch + b];   // p_t + (W_hh·hᵀ)ᵀ
      }
    }
    FloatActivations.sigmoidInPlace(i, gateBias[0], hh);
    FloatActivations.sigmoidInPlace(f, gateBias[1], hh);
    FloatActivations.tanhInPlace(g, gateBias[2], hh);
    FloatActivations.sigmoidInPlace(o, gateBias[3], hh);
    System.arraycopy(finalCell, r, cp, 0, hh);
    for (int j = 0; j < hh; j++) {
      c[j] = f[j] * cp[j] + i[j] * g[j];
    }
    FloatActivations.tanh(c, tc, hh);
    for (int j = 0; j < hh; j++) {
      h[j] = o[j] * tc[j];
    }
    for (int k = 0; k < 4; k++) {
      System.arraycopy(scratch[k], 0, activations, a + k * hh, hh);
    }
    System.arraycopy(cp, 0, previousCell, s, hh);
    System.arraycopy(tc, 0, cellTanh, s, hh);
    if (valid(b, t)) {
      System.arraycopy(c, 0, finalCell, r, hh);
      System.arraycopy(h, 0, finalHidden, r, hh);
      System.arraycopy(h, 0, output, s, hh);
    }
  }

  private void gruStep(int b, int t, float[] bias) {
    int a = (b * steps + t) * width, s = (b * steps + t) * hidden, r = b * hidden, hh = hidden;
    boolean keep = valid(b, t);
    for (int j = 0; j < hh; j++) {
      float reset = sigmoid(activations[a + j] + hiddenPart[a + j] + bias[j]);
      float z = sigmoid(activations[a + hh + j] + hiddenPart[a + hh + j] + bias[hh + j]);
      float qn = hiddenPart[a + 2 * hh + j] + bias[2 * hh + j];
      float n = tanh(activations[a + 2 * hh + j] + reset * qn);
      activations[a + j] = reset;
      activations[a + hh + j] = z;
      activations[a + 2 * hh + j] = n;
      hiddenPart[a + 2 * hh + j] = qn;
      if (keep) {
        float h = n + z * (previous[s + j] - n);
        finalHidden[r + j] = h;
        output[s + j] = h;
      }
    }
  }

  private void rnnStep(int b, int t, float[] bias) {
    int a = (b * steps + t) * width, s = (b * steps + t) * hidden, r = b * hidden;
    boolean keep = valid(b, t);
    for (int j = 0; j < hidden; j++) {
      float pre = activations[a + j] + bias[j];
      float h = cell == RecurrentCell.RNN_TANH ? tanh(pre) : Math.max(pre, 0f);
      activations[a + j] = h;
      if (keep) {
        finalHidden[r + j] = h;
        output[s + j] = h;
      }
    }
  }

  private static float sigmoid(float x) {
    return FloatActivations.sigmoid(x);
  }

  private static float tanh(float x) {
    return FloatActivations.tanh(x);
  }

  /** The gradients of every input: p [B, T, G·H], W_hh, b_hh, h0 and (LSTM) c0. */
  record Gradients(float[] projection, float[] weight, float[] bias, float[] h0, float[] c0) {}

  /**
   * Backpropagation through time for the cotangents of the output [B, T, H], the final h and the
   * final c [B, H]; any of them may be null (zero).
   */
  Gradients backward(float[] outputGradient, float[] finalHiddenGradient, float[] finalCellGradient) {
    float[] dp = new float[activations.length];
    float[] dq = cell == RecurrentCell.GRU ? new float[activations.length] : dp;
    float[] dh = finalHiddenGradient != null ? finalHiddenGradient.clone() : new float[batch * hidden];
    float[] dc = !cell.hasCellState() ? null : finalCellGradient != null ? finalCellGradient.clone() : new float[batch * hidden];
    float[] direct = new float[batch * hidden];
    float[] carried = new float[hidden * batch];
    float[][] scratch = cell == RecurrentCell.LSTM ? new float[12][hidden] : null;
    for (int s = steps - 1; s >= 0; s--) {
      int t = step(s);
      // The pointwise work stays on this thread: split across the pool it ran slower at 2 threads (116
      // against 97 ms a W4 step), competing with OpenBLAS's threads that spin between products.
      for (int b = 0; b < batch; b++) {
        stepBack(b, t, outputGradient, dh, dc, dp, dq, direct, scratch);
      }
      // ∂h_{t−1} = ∂q_t·W_hh + the direct path (GRU's z, or padding); as (W_hhᵀ·∂q_tᵀ)ᵀ, the faster shape.
      Im2col.gemm(Transpose.YES, Transpose.YES, hidden, batch, width, weight, 0, hidden, dq, t * width, steps * width, false, carried, 0,
          batch);
      for (int b = 0; b < batch; b++) {
        for (int j = 0; j < hidden; j++) {
          dh[b * hidden + j] = carried[j * batch + b] + direct[b * hidden + j];
        }
      }
    }
    float[] dw = new float[width * hidden];
    Im2col.gemm(Transpose.YES, Transpose.NO, width, hidden, batch * steps, dq, 0, width, previous, 0, hidden, false, dw, 0, hidden);
    float[] db = new float[width];
    for (int row = 0; row < batch * steps; row++) {
      for (int k = 0; k < width; k++) {
        db[k] += dq[row * width + k];
      }
    }
    return new Gradients(dp, dw, db, dh, dc);
  }

  private void stepBack(int b, int t, float[] outputGradient, float[] dh, float[] dc, float[] dp, float[] dq, float[] direct,
      float[][] scratch) {
    int r = b * hidden, o = (b * steps + t) * hidden;
    if (!valid(b, t)) {
      System.arraycopy(dh, r, direct, r, hidden);   // the state passed through unchanged
      return;
    }
    if (outputGradient != null) {
      for (int j = 0; j < hidden; j++) {
        dh[r + j] += outputGradient[o + j];
      }
    }
    switch (cell) {
      case LSTM -> lstmBack(b, t, dh, dc, dp, direct, scratch);
      case GRU -> gruBack(b, t, dh, dp, dq, direct);
      case RNN_TANH, RNN_RELU -> rnnBack(b, t, dh, dp, direct);
    }
  }

  /** One row's LSTM backward step, on per-gate copies for the same reason as {@link #lstmStep}. */
  private void lstmBack(int b, int t, float[] dh, float[] dc, float[] dp, float[] direct, float[][] scratch) {
    int a = (b * steps + t) * width, s = (b * steps + t) * hidden, r = b * hidden, hh = hidden;
    float[] i = scratch[0], f = scratch[1], g = scratch[2], o = scratch[3], tc = scratch[4], cp = scratch[5], gh = scratch[6];
    float[] gc = scratch[7], di = scratch[8], df = scratch[9], dg = scratch[10], dout = scratch[11];
    for (int k = 0; k < 4; k++) {
      System.arraycopy(activations, a + k * hh, scratch[k], 0, hh);
    }
    System.arraycopy(cellTanh, s, tc, 0, hh);
    System.arraycopy(previousCell, s, cp, 0, hh);
    System.arraycopy(dh, r, gh, 0, hh);
    System.arraycopy(dc, r, gc, 0, hh);
    for (int j = 0; j < hh; j++) {
      gc[j] += gh[j] * o[j] * (1 - tc[j] * tc[j]);   // ∂c_t: from c_{t+1} and through h_t = o·tanh(c_t)
    }
    for (int j = 0; j < hh; j++) {
      di[j] = gc[j] * g[j] * i[j] * (1 - i[j]);
    }
    for (int j = 0; j < hh; j++) {
      df[j] = gc[j] * cp[j] * f[j] * (1 - f[j]);
    }
    for (int j = 0; j < hh; j++) {
      dg[j] = gc[j] * i[j] * (1 - g[j] * g[j]);
    }
    for (int j = 0; j < hh; j++) {
      dout[j] = gh[j] * tc[j] * o[j] * (1 - o[j]);
    }
    for (int j = 0; j < hh; j++) {
      gc[j] *= f[j];                                   // ∂c_{t−1}
    }
    System.arraycopy(di, 0, dp, a, hh);
    System.arraycopy(df, 0, dp, a + hh, hh);
    System.arraycopy(dg, 0, dp, a + 2 * hh, hh);
    System.arraycopy(dout, 0, dp, a + 3 * hh, hh);
    System.arraycopy(gc, 0, dc, r, hh);
    java.util.Arrays.fill(direct, r, r + hh, 0);
  }

  private void gruBack(int b, int t, float[] dh, float[] dp, float[] dq, float[] direct) {
    int a = (b * steps + t) * width, s = (b * steps + t) * hidden, r = b * hidden, hh = hidden;
    for (int j = 0; j < hh; j++) {
      float reset = activations[a + j], z = activations[a + hh + j], n = activations[a + 2 * hh + j];
      float gh = dh[r + j];
      float gn = gh * (1 - z) * (1 - n * n);
      float gz = gh * (previous[s + j] - n) * z * (1 - z);
      float gr = gn * hiddenPart[a + 2 * hh + j] * reset * (1 - reset);
      dp[a + j] = gr;
      dq[a + j] = gr;
      dp[a + hh + j] = gz;
      dq[a + hh + j] = gz;
      dp[a + 2 * hh + j] = gn;
      dq[a + 2 * hh + j] = gn * reset;
      direct[r + j] = gh * z;
    }
  }

  private void rnnBack(int b, int t, float[] dh, float[] dp, float[] direct) {
    int a = (b * steps + t) * width, r = b * hidden;
    for (int j = 0; j < hidden; j++) {
      float h = activations[a + j];
      float slope = cell == RecurrentCell.RNN_TANH ? 1 - h * h : h > 0 ? 1 : 0;
      dp[a + j] = dh[r + j] * slope;
      direct[r + j] = 0;
    }
  }
}
