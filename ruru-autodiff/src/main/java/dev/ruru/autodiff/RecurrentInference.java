package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.blas.Gemm.Transpose;

/**
 * The LSTM's forward pass when nothing records gradients (inference) and no row is padded: the values
 * of {@link RecurrentKernel}, computed a whole step of the batch at a time. The state and the gates
 * are kept transposed, [H, B] per gate, so that one product W_hh·hᵀ [G·H, B] adds onto the step's
 * input projection, its four gate blocks are contiguous, and the pointwise math runs over loops of
 * H·B elements, which the JIT turns into vector instructions. {@link RecurrentKernel} works a row at a
 * time (loops of H, 16 in the ONNX fixture) because it keeps every step's gates, states and tanh(c)
 * for backpropagation; inference keeps none of them. At batch 64 (the ONNX fixture's layer, 7 steps,
 * H = 16) it takes 94–118 against 210 µs, micro-benchmark, one thread.
 *
 * <p>Inputs as {@link Recurrence#run}: p [B, T, 4·H] (any strides; see {@link #stepsTransposed}), W_hh [4·H, H], b_hh [4·H], h0 and c0 [B, H];
 * gates in PyTorch's order i, f, g, o.
 */
final class RecurrentInference {
  /** The outputs time-major, [T, B, H]: {@link #output()} views them batch first. */
  private final float[] timeMajorOutput;
  private final int batch, steps, hidden;
  final float[] finalHidden, finalCell;

  RecurrentInference(int batch, int steps, int hidden, boolean reverse, NDArray projection, float[] weight, float[] bias,
      float[] h0, float[] c0) {
    this.batch = batch;
    this.steps = steps;
    this.hidden = hidden;
    int width = 4 * hidden, block = hidden * batch;
    float[] gates = stepsTransposed(projection, bias, batch, steps, width);
    float[] h = transpose(h0, batch, hidden);
    float[] c = transpose(c0, batch, hidden);
    float[] i = new float[block], f = new float[block], g = new float[block], o = new float[block], cellTanh = new float[block];
    timeMajorOutput = new float[batch * steps * hidden];
    for (int s = 0; s < steps; s++) {
      int t = reverse ? steps - 1 - s : s;
      int at = t * width * batch;
      addProduct(weight, h, gates, at, width, batch, hidden);
      System.arraycopy(gates, at, i, 0, block);
      System.arraycopy(gates, at + block, f, 0, block);
      System.arraycopy(gates, at + 2 * block, g, 0, block);
      System.arraycopy(gates, at + 3 * block, o, 0, block);
      FloatActivations.sigmoidInPlace(i, block);
      FloatActivations.sigmoidInPlace(f, block);
      FloatActivations.tanhInPlace(g, block);
      FloatActivations.sigmoidInPlace(o, block);
      for (int j = 0; j < block; j++) {
        c[j] = f[j] * c[j] + i[j] * g[j];
      }
      FloatActivations.tanh(c, cellTanh, block);
      for (int j = 0; j < block; j++) {
        h[j] = o[j] * cellTanh[j];
      }
      for (int b = 0, row = t * batch * hidden; b < batch; b++, row += hidden) {
        for (int u = 0; u < hidden; u++) {
          timeMajorOutput[row + u] = h[u * batch + b];
        }
      }
    }
    finalHidden = transpose(h, hidden, batch);
    finalCell = transpose(c, hidden, batch);
  }

  /**
   * gates_t [4·H, B] += W_hh·hᵀ, hᵀ being the state as kept, [H, B] row-major. A batch of one is a
   * matrix-vector product of 4·H·H multiply-adds, which a loop here does in less time than a call to
   * OpenBLAS takes (the ONNX fixture's layer of 7 steps, H = 16: 7.5 against 8.5 µs, micro-benchmark).
   */
  private static void addProduct(float[] weight, float[] h, float[] gates, int at, int width, int batch, int hidden) {
    if (batch > 1) {
      Im2col.gemm(Transpose.NO, Transpose.NO, width, batch, hidden, weight, 0, hidden, h, 0, batch, true, gates, at, batch);
      return;
    }
    for (int u = 0; u < width; u++) {
      float sum = 0;
      for (int k = 0, row = u * hidden; k < hidden; k++) {
        sum += weight[row + k] * h[k];
      }
      gates[at + u] += sum;
    }
  }

  /**
   * The outputs [B, T, H], a batch-first view of time-major storage: ONNX's graphs want them time-major,
   * and a next layer then projects them without a copy.
   */
  NDArray output() {
    return NDArray.wrap(timeMajorOutput, steps, batch, hidden).permute(1, 0, 2);
  }

  /**
   * p [B, T, W] plus b_hh as [T, W, B]: each step's gates as W rows of the batch. p is read where it
   * lies when its storage is [W, T, B], [W, B, T] (a projection made as W_ih·xᵀ, {@code FusedRecurrence}'s
   * in ruru-onnx), [T, B, W] or [B, T, W]; any other view is copied to [B, T, W] first. Read as [W, ·, ·],
   * each gate unit's values lie together; read from [B, T, W] rows, the batch's values of one unit lie
   * T·W apart, and the pass cost a quarter of the ONNX fixture's LSTM (JFR).
   */
  private static float[] stepsTransposed(NDArray projection, float[] bias, int batch, int steps, int width) {
    int[][] layouts = {{2, 1, 0}, {2, 0, 1}, {1, 0, 2}};
    int[] order = {0, 1, 2};
    for (int[] layout : layouts) {
      if (projection.permute(layout).isContiguous()) {
        order = layout;
        break;
      }
    }
    float[] p = projection.permute(order).floatsToRead();
    int[] dims = {batch, steps, width};
    int[] strides = new int[3];
    for (int k = 2, stride = 1; k >= 0; stride *= dims[order[k]], k--) {
      strides[order[k]] = stride;
    }
    float[] gates = new float[p.length];
    for (int t = 0; t < steps; t++) {
      for (int u = 0; u < width; u++) {
        float b0 = bias[u];
        for (int b = 0, from = t * strides[1] + u * strides[2], to = (t * width + u) * batch; b < batch; b++, from += strides[0], to++) {
          gates[to] = p[from] + b0;
        }
      }
    }
    return gates;
  }

  /** The [rows, columns] matrix {@code m} as [columns, rows]. */
  private static float[] transpose(float[] m, int rows, int columns) {
    float[] out = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < columns; k++) {
        out[k * rows + r] = m[r * columns + k];
      }
    }
    return out;
  }
}
