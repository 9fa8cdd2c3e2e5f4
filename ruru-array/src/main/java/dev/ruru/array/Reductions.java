package dev.ruru.array;

import java.util.Arrays;

/**
 * Reductions over any set of axes. The reduced axes are moved last (a view) and the array made
 * contiguous, so each output element reduces one contiguous run; reducing leading axes of a
 * contiguous array (a bias gradient, a batch mean) instead accumulates whole rows, which needs no copy.
 * Work is split into chunks fixed by the data size, never by the thread count, so results are the
 * same bit for bit however many threads run.
 */
final class Reductions {
  private static final int CHUNK = 1 << 16;

  private Reductions() {}

  /** @param axes the axes to reduce, or null for all */
  static NDArray reduce(Reduction op, NDArray a, int[] axes, Dims dims) {
    boolean[] picked = picked(op.symbol(), a, axes);
    int[] kept = keptShape(a.shape, picked);
    int count = Layout.size(kept);
    int length = reducedSize(a.shape, picked);
    if (length == 0 && !op.hasIdentity()) {
      // NumPy refuses even when no result has to be made (np.zeros((0, 0)).max(0)).
      throw new IllegalArgumentException(op.symbol() + ": zero-size array to reduction operation " + op.symbol()
          + " which has no identity; axes " + axesText(picked) + " of shape " + Arrays.toString(a.shape));
    }
    NDArray out = NDArray.fresh(op.resultType(a.dtype), kept);
    if (count > 0) {   // else the result is empty ([2, 0] summed over axis 0 is [0]) and the kernels have nothing to fill
      fill(op, a, picked, count, length, out);
    }
    return dims == Dims.KEEP ? out.reshape(keepShape(a.shape, picked)) : out;
  }

  /** Writes the {@code count} results, each reducing {@code length} elements, into out. */
  private static void fill(Reduction op, NDArray a, boolean[] picked, int count, int length, NDArray out) {
    if (a.dtype.isFloating() && op != Reduction.PROD && isLeadingContiguous(a, picked) && length > 1) {
      reduceLeading(op, a, length, count, out);
    } else {
      NDArray runs = a.permute(order(picked)).contiguous();
      reduceRuns(op, runs, count, length, out);
    }
  }

  private static void reduceRuns(Reduction op, NDArray runs, int count, int length, NDArray out) {
    if (count == 1) {
      storeRun(op, runs, runs.offset, length, out, 0, true);
      return;
    }
    int rowsPerChunk = Math.max(1, CHUNK / Math.max(length, 1));
    Runnable sequential = () -> reduceRows(op, runs, length, out, 0, count);
    if ((long) count * length < Parallel.MIN_PARALLEL_ELEMENTS) {
      sequential.run();
    } else {
      Parallel.forEachChunk(count, rowsPerChunk, (from, to) -> reduceRows(op, runs, length, out, from, to));
    }
  }

  /**
   * Reduces the leading {@code rows} rows of a contiguous [rows, columns] array by accumulating whole
   * rows (vectorisable, no transposing copy, memory read in order). Blocks of rows, fixed by the size
   * alone, are reduced in parallel and their partial results combined in block order.
   */
  private static void reduceLeading(Reduction op, NDArray a, int rows, int columns, NDArray out) {
    int blockRows = Math.max(1, CHUNK / columns);
    int blocks = (rows + blockRows - 1) / blockRows;
    double[][] partial = new double[blocks][];
    Parallel.RangeBody body = (from, to) -> {
      for (int block = from; block < to; block++) {
        double[] acc = new double[columns];
        Arrays.fill(acc, op.identity());
        for (int r = block * blockRows; r < Math.min(rows, (block + 1) * blockRows); r++) {
          int base = a.offset + r * columns;
          if (a.data instanceof float[] x) {
            accumulate(op, x, base, acc, 0, columns);
          } else {
            accumulate(op, (double[]) a.data, base, acc, 0, columns);
          }
        }
        partial[block] = acc;
      }
    };
    if ((long) rows * columns < Parallel.MIN_PARALLEL_ELEMENTS) {
      body.run(0, blocks);
    } else {
      Parallel.forEachChunk(blocks, 1, body);
    }
    double[] result = partial[0];
    for (int block = 1; block < blocks; block++) {
      for (int j = 0; j < columns; j++) {
        result[j] = op.combine(result[j], partial[block][j]);
      }
    }
    for (int j = 0; j < columns; j++) {
      Storage.setDouble(out.data, j, result[j]);
    }
  }

  private static void accumulate(Reduction op, float[] x, int base, double[] acc, int from, int to) {
    switch (op) {
      case SUM -> {
        for (int j = from; j < to; j++) {
          acc[j - from] += x[base + j];
        }
      }
      case MAX -> {
        for (int j = from; j < to; j++) {
          acc[j - from] = Math.max(acc[j - from], x[base + j]);
        }
      }
      default -> {
        for (int j = from; j < to; j++) {
          acc[j - from] = Math.min(acc[j - from], x[base + j]);
        }
      }
    }
  }

  private static void accumulate(Reduction op, double[] x, int base, double[] acc, int from, int to) {
    switch (op) {
      case SUM -> {
        for (int j = from; j < to; j++) {
          acc[j - from] += x[base + j];
        }
      }
      case MAX -> {
        for (int j = from; j < to; j++) {
          acc[j - from] = Math.max(acc[j - from], x[base + j]);
        }
      }
      default -> {
        for (int j = from; j < to; j++) {
          acc[j - from] = Math.min(acc[j - from], x[base + j]);
        }
      }
    }
  }

  private static void reduceRows(Reduction op, NDArray runs, int length, NDArray out, int from, int to) {
    for (int row = from; row < to; row++) {
      storeRun(op, runs, runs.offset + row * length, length, out, row, false);
    }
  }

  /** Reduces one contiguous run into out[index]; a long single run is split into fixed chunks. */
  private static void storeRun(Reduction op, NDArray runs, int start, int length, NDArray out, int index, boolean split) {
    if (!runs.dtype.isFloating()) {
      Storage.setLong(out.data, index, op.reduceLong(runs.data, start, length));
      return;
    }
    double value;
    if (split && length >= Parallel.MIN_PARALLEL_ELEMENTS) {
      int chunks = (length + CHUNK - 1) / CHUNK;
      double[] partial = new double[chunks];
      Parallel.forEachChunk(chunks, 1, (from, to) -> {
        for (int c = from; c < to; c++) {
          int begin = start + c * CHUNK;
          partial[c] = reduceSpan(op, runs.data, begin, Math.min(CHUNK, start + length - begin));
        }
      });
      value = partial[0];
      for (int c = 1; c < chunks; c++) {
        value = op.combine(value, partial[c]);
      }
    } else {
      value = length == 0 ? op.identity() : reduceSpan(op, runs.data, start, length);
    }
    Storage.setDouble(out.data, index, value);
  }

  private static double reduceSpan(Reduction op, Object data, int start, int length) {
    return data instanceof float[] f ? op.reduce(f, start, length) : op.reduce((double[]) data, start, length);
  }

  /** Index (int64) of the first maximum or minimum along one axis; NaN counts as the extreme. */
  static NDArray argReduce(Reduction op, NDArray a, int axis, Dims dims) {
    String name = op == Reduction.MAX ? "argmax" : "argmin";
    int ax = Check.axis(name, axis, a.shape.length);
    boolean[] picked = new boolean[a.shape.length];
    picked[ax] = true;
    int length = a.shape[ax];
    if (length == 0) {
      throw new IllegalArgumentException(name + ": attempt to get " + name + " of an empty sequence (axis " + axis
          + " of shape " + Arrays.toString(a.shape) + ")");
    }
    int[] kept = keptShape(a.shape, picked);
    // The reduced axis moved last, as a view: each result scans one strided run where it lies (a copy
    // to make the runs contiguous cost more than the scan for a batch of scores).
    NDArray runs = a.permute(order(picked));
    int stride = runs.strides[runs.shape.length - 1];
    NDArray out = NDArray.fresh(DType.INT64, kept);
    long[] result = (long[]) out.data;
    boolean max = op == Reduction.MAX;
    int[] position = new int[kept.length];
    int start = runs.offset;
    for (int row = 0; row < result.length; row++) {
      result[row] = runs.data instanceof float[] values
          ? argFloat(values, start, stride, length, max)
          : argAny(runs.data, start, stride, length, max);
      // Next start: an odometer over the kept axes, in C order.
      for (int d = kept.length - 1; d >= 0; d--) {
        start += runs.strides[d];
        if (++position[d] < kept[d]) {
          break;
        }
        start -= runs.strides[d] * kept[d];
        position[d] = 0;
      }
    }
    return dims == Dims.KEEP ? out.reshape(keepShape(a.shape, picked)) : out;
  }

  /** The first index of the largest (or smallest) of {@code length} values; the first NaN wins, as in NumPy. */
  private static int argFloat(float[] values, int start, int stride, int length, boolean max) {
    int best = 0;
    float bestValue = values[start];
    for (int i = 1; i < length && bestValue == bestValue; i++) {
      float v = values[start + i * stride];
      if (v != v || (max ? v > bestValue : v < bestValue)) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }

  /** {@link #argFloat} for any storage, through doubles. */
  private static int argAny(Object values, int start, int stride, int length, boolean max) {
    int best = 0;
    double bestValue = Storage.getDouble(values, start);
    for (int i = 1; i < length && !Double.isNaN(bestValue); i++) {
      double v = Storage.getDouble(values, start + i * stride);
      if (Double.isNaN(v) || (max ? v > bestValue : v < bestValue)) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }

  static NDArray mean(NDArray a, int[] axes, Dims dims) {
    NDArray x = a.astype(a.dtype.floatingResult());
    int length = reducedSize(a.shape, picked("mean", a, axes));
    return reduce(Reduction.SUM, x, axes, dims).div(length);
  }

  /**
   * The sum of squared deviations from the mean over max(n − ddof, 0), as NumPy: with no degrees of
   * freedom left that is +∞, or NaN where the deviations are all 0 (one element, or none).
   */
  static NDArray var(NDArray a, int[] axes, Dims dims, int ddof) {
    Check.arg(ddof >= 0, "var: ddof %s must be non-negative", ddof);
    NDArray x = a.astype(a.dtype.floatingResult());
    int length = reducedSize(a.shape, picked("var", a, axes));
    NDArray deviation = x.sub(mean(x, axes, Dims.KEEP));
    NDArray squares = reduce(Reduction.SUM, deviation.mul(deviation), axes, dims);
    return squares.div(Math.max(length - ddof, 0));
  }

  /** m + log Σ exp(x − m) with m the maximum (0 where the maximum is ±∞, which would give NaN). */
  static NDArray logsumexp(NDArray a, int[] axes, Dims dims) {
    NDArray x = a.astype(a.dtype.floatingResult());
    boolean[] picked = picked("logsumexp", a, axes);
    if (reducedSize(a.shape, picked) == 0) {
      // log of an empty sum, log 0; the maximum below has no value there (SciPy's logsumexp gives -inf too).
      int[] shape = dims == Dims.KEEP ? keepShape(a.shape, picked) : keptShape(a.shape, picked);
      return Creation.full(shape, Double.NEGATIVE_INFINITY, x.dtype);
    }
    NDArray max = reduce(Reduction.MAX, x, axes, Dims.KEEP);
    NDArray shift = NDArray.where(max.abs().lt(Double.POSITIVE_INFINITY), max, NDArray.scalar(0, max.dtype));
    NDArray result = reduce(Reduction.SUM, x.sub(shift).exp(), axes, Dims.KEEP).log().add(shift);
    return dims == Dims.KEEP ? result : result.reshape(keptShape(a.shape, picked));
  }

  static boolean[] picked(String op, NDArray a, int[] axes) {
    if (axes == null) {
      boolean[] all = new boolean[a.shape.length];
      Arrays.fill(all, true);
      return all;
    }
    return Check.axes(op, axes, a.shape.length);
  }

  private static boolean isLeadingContiguous(NDArray a, boolean[] picked) {
    int leading = 0;
    while (leading < picked.length && picked[leading]) {
      leading++;
    }
    for (int i = leading; i < picked.length; i++) {
      if (picked[i]) {
        return false;
      }
    }
    return leading > 0 && leading < picked.length && a.isContiguous();
  }

  static int[] keptShape(int[] shape, boolean[] picked) {
    int[] kept = new int[shape.length];
    int rank = 0;
    for (int i = 0; i < shape.length; i++) {
      if (!picked[i]) {
        kept[rank++] = shape[i];
      }
    }
    return Arrays.copyOf(kept, rank);
  }

  private static int[] keepShape(int[] shape, boolean[] picked) {
    int[] keep = shape.clone();
    for (int i = 0; i < shape.length; i++) {
      if (picked[i]) {
        keep[i] = 1;
      }
    }
    return keep;
  }

  private static int reducedSize(int[] shape, boolean[] picked) {
    int size = 1;
    for (int i = 0; i < shape.length; i++) {
      if (picked[i]) {
        size *= shape[i];
      }
    }
    return size;
  }

  /** Kept axes first, reduced axes last, each group in its original order. */
  private static int[] order(boolean[] picked) {
    int[] order = new int[picked.length];
    int k = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < picked.length; i++) {
        if (picked[i] == (pass == 1)) {
          order[k++] = i;
        }
      }
    }
    return order;
  }

  private static String axesText(boolean[] picked) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < picked.length; i++) {
      if (picked[i]) {
        text.append(text.length() > 1 ? ", " : "").append(i);
      }
    }
    return text.append(")").toString();
  }
}
