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
   * {@link Im2col#im2col} for {@link #applies} geometries: one intrinsic copy moves each column row's
   * block from its first in-bounds element to its last. The copy also carries, at each row's ends, the
   * neighbouring row's pixels into the places that read padding; those few are zeroed after.
   */
  static void im2col(float[] x, int offset, ConvGeometry g, float[] col, int column, int rowStride) {
    int oh = g.outHeight(), ow = g.outWidth(), height = g.height(), width = g.width();
    int block = oh * ow;
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = offset + c * height * width;
      for (int i = 0; i < g.kernelHeight(); i++) {
        int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
        int firstRow = Math.max(0, -rowShift), endRow = Math.min(oh, height - rowShift);
        for (int j = 0; j < g.kernelWidth(); j++, row++) {
          int shift = j * g.spec().dilationWidth() - g.spec().padLeft();
          int first = Math.min(ow, Im2col.firstInside(shift, 1)), end = Math.max(first, Im2col.endInside(shift, 1, width, ow));
          int target = row * rowStride + column;
          if (firstRow >= endRow || first >= end) {
            Arrays.fill(col, target, target + block, 0f);
            continue;
          }
          int from = firstRow * ow + first, to = (endRow - 1) * ow + end;
          Arrays.fill(col, target, target + from, 0f);
          System.arraycopy(x, plane + rowShift * width + shift + from, col, target + from, to - from);
          Arrays.fill(col, target + to, target + block, 0f);
          for (int oy = firstRow; oy < endRow; oy++) {
            for (int ox = 0; ox < first; ox++) {
              col[target + oy * ow + ox] = 0f;
            }
            for (int ox = end; ox < ow; ox++) {
              col[target + oy * ow + ox] = 0f;
            }
          }
        }
      }
    }
  }

  /**
   * col2im for {@link #applies} geometries, the transpose of {@link #im2col}: each column row
   * is added to the input plane shifted by a constant. The row is first copied into {@code aligned}
   * at the very indices it is added to, and its padding places there zeroed, so that the add reads and
   * writes one index, {@code x[k] += aligned[k]}, which HotSpot vectorises; adding {@code col} at its
   * own offset directly would run scalar.
   */
  static void col2im(float[] col, int column, int rowStride, ConvGeometry g, float[] x, int offset, float[] aligned) {
    int oh = g.outHeight(), ow = g.outWidth(), height = g.height(), width = g.width();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = offset + c * height * width;
      for (int i = 0; i < g.kernelHeight(); i++) {
        int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
        int firstRow = Math.max(0, -rowShift), endRow = Math.min(oh, height - rowShift);
        for (int j = 0; j < g.kernelWidth(); j++, row++) {
          int shift = j * g.spec().dilationWidth() - g.spec().padLeft();
          int first = Math.min(ow, Im2col.firstInside(shift, 1)), end = Math.max(first, Im2col.endInside(shift, 1, width, ow));
          if (firstRow >= endRow || first >= end) {
            continue;
          }
          int from = firstRow * ow + first, to = (endRow - 1) * ow + end;
          int delta = plane + rowShift * width + shift;   // x index of column entry t: delta + t
          System.arraycopy(col, row * rowStride + column + from, aligned, delta + from, to - from);
          // The padding places between the first and the last in-bounds entry (outside them nothing was copied).
          for (int oy = firstRow; oy < endRow; oy++) {
            for (int ox = oy == firstRow ? first : 0; ox < first; ox++) {
              aligned[delta + oy * ow + ox] = 0f;
            }
            for (int ox = end; ox < (oy == endRow - 1 ? end : ow); ox++) {
              aligned[delta + oy * ow + ox] = 0f;
            }
          }
          for (int k = delta + from; k < delta + to; k++) {
            x[k] += aligned[k];
          }
        }
      }
    }
  }
}
