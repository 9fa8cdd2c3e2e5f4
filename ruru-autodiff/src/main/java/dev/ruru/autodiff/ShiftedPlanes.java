package dev.ruru.autodiff;

import java.util.Arrays;

/**
 * im2col and col2im in float32 for stride 1 when output rows are as wide as input rows ("same"
 * padding: W3's layers and most CNNs'). Then each row (c, i, j) of a sample's column matrix is the
 * input plane shifted by a constant, col[t] = x[plane + (i·dh − top)·W + (j·dw − left) + t], so whole
 * planes move at once instead of row by row. The reason is the JIT: HotSpot 25 runs a loop
 * {@code a[p + t] = b[q + t]} scalar, since it cannot prove that the two arrays do not overlap, but
 * vectorises {@code System.arraycopy} and loops that read and write one index, {@code x[k] += y[k]}.
 * The per-row loops of {@link Im2col}'s general case were a quarter of W3's step.
 */
final class ShiftedPlanes {
  private ShiftedPlanes() {}

  /** Stride 1 with output rows as wide as the input's: every column row is the input plane shifted by a constant. */
  static boolean applies(ConvGeometry g) {
    return g.spec().strideHeight() == 1 && g.spec().strideWidth() == 1 && g.outWidth() == g.width();
  }

  /**
   * Where kernel position (i, j)'s column row reads the input plane: col[t] = x[plane + shift + t], for
   * the output rows [firstRow, endRow) and columns [first, end) whose receptive element is in bounds.
   * Between the row's first in-bounds entry, {@link #from}, and its last, {@link #to}, the plane is
   * contiguous; the places outside [first, end) in that stretch read padding.
   */
  private record Tap(int shift, int firstRow, int endRow, int first, int end) {
    boolean empty() { return firstRow >= endRow || first >= end; }
    int from(int ow) { return firstRow * ow + first; }
    int to(int ow) { return (endRow - 1) * ow + end; }
  }

  /** The taps of the kernel positions in (i, j) order, the order of a channel's column rows. */
  private static Tap[] taps(ConvGeometry g) {
    int oh = g.outHeight(), ow = g.outWidth(), width = g.width();
    Tap[] taps = new Tap[g.kernelHeight() * g.kernelWidth()];
    for (int i = 0, t = 0; i < g.kernelHeight(); i++) {
      int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
      for (int j = 0; j < g.kernelWidth(); j++, t++) {
        int columnShift = j * g.spec().dilationWidth() - g.spec().padLeft();
        int first = Math.min(ow, Im2col.firstInside(columnShift, 1));
        taps[t] = new Tap(rowShift * width + columnShift, Math.max(0, -rowShift), Math.min(oh, g.height() - rowShift),
            first, Math.max(first, Im2col.endInside(columnShift, 1, width, ow)));
      }
    }
    return taps;
  }

  /**
   * Zeroes, in {@code a} from {@code base} on, the padding places of the tap's contiguous stretch: the
   * rows after its first begin with {@code first} of them, the rows before its last end with
   * {@code ow − end}. One strided loop per padded column: a loop over the rows with the bounds worked
   * out per row took a fifth of a convolution's time.
   */
  private static void zeroPadding(float[] a, int base, int ow, Tap tap) {
    int top = base + tap.firstRow() * ow;
    int bottom = base + (tap.endRow() - 1) * ow;
    for (int ox = 0; ox < tap.first(); ox++) {
      for (int k = top + ow + ox; k <= bottom + ox; k += ow) {
        a[k] = 0f;
      }
    }
    for (int ox = tap.end(); ox < ow; ox++) {
      for (int k = top + ox; k < bottom; k += ow) {
        a[k] = 0f;
      }
    }
  }

  /**
   * {@link Im2col#im2col} for {@link #applies} geometries: one intrinsic copy moves each column row's
   * stretch from its first in-bounds element to its last, then the few padding places inside it, which
   * the copy filled with the neighbouring rows' pixels, are zeroed, and the rest of the row too.
   */
  static void im2col(float[] x, int offset, ConvGeometry g, float[] col, int column, int rowStride) {
    int ow = g.outWidth(), block = g.outHeight() * ow;
    Tap[] taps = taps(g);
    for (int c = 0, row = 0; c < g.channels(); c++) {
      int plane = offset + c * g.height() * g.width();
      for (Tap tap : taps) {
        int target = row++ * rowStride + column;
        if (tap.empty()) {
          Arrays.fill(col, target, target + block, 0f);
          continue;
        }
        int from = tap.from(ow), to = tap.to(ow);
        Arrays.fill(col, target, target + from, 0f);
        System.arraycopy(x, plane + tap.shift() + from, col, target + from, to - from);
        Arrays.fill(col, target + to, target + block, 0f);
        zeroPadding(col, target, ow, tap);
      }
    }
  }

  /**
   * col2im for {@link #applies} geometries, the transpose of {@link #im2col}: each column row is added
   * to the input plane shifted by a constant. The row is first copied into {@code aligned} at the very
   * indices it is added to, and its padding places there zeroed, so that the add reads and writes one
   * index, {@code sum[k] += aligned[k]}, which HotSpot vectorises; adding {@code col} at its own offset
   * directly would run scalar. The sample is summed in {@code sum}, a sample-sized scratch that stays
   * in cache, and copied into {@code x}, whose sample it replaces: aligning in an image-sized scratch cost a fresh 3 MB
   * array per call (W3's second layer) and read-modify-writes of the whole image.
   */
  static void col2im(float[] col, int column, int rowStride, ConvGeometry g, float[] x, int offset, float[] sum, float[] aligned) {
    int ow = g.outWidth();
    Tap[] taps = taps(g);
    Arrays.fill(sum, 0f);
    for (int c = 0, row = 0; c < g.channels(); c++) {
      int plane = c * g.height() * g.width();
      for (Tap tap : taps) {
        int source = row++ * rowStride + column;
        if (tap.empty()) {
          continue;
        }
        int from = tap.from(ow), to = tap.to(ow);
        int delta = plane + tap.shift();   // sample index of column entry t: delta + t
        System.arraycopy(col, source + from, aligned, delta + from, to - from);
        zeroPadding(aligned, delta, ow, tap);
        for (int k = delta + from; k < delta + to; k++) {
          sum[k] += aligned[k];
        }
      }
    }
    System.arraycopy(sum, 0, x, offset, sum.length);
  }
}
