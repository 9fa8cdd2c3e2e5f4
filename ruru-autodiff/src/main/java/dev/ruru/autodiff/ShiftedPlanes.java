package dev.ruru.autodiff;

import dev.ruru.array.DType;
import java.util.Arrays;

/**
 * im2col and col2im in float32 for stride 1 when output rows are as wide as input rows ("same"
 * padding: W3's layers and most CNNs'). Then each row (c, i, j) of a sample's column matrix is the
 * input plane shifted by a constant, col[t] = x[plane + (i·dh − top)·W + (j·dw − left) + t], so whole
 * planes move at once instead of row by row. The reason is the JIT: HotSpot 25 runs a loop
 * {@code a[p + t] = b[q + t]} scalar, since it cannot prove that the two arrays do not overlap, but
 * vectorises {@code System.arraycopy} and loops that read and write one index, {@code x[k] += y[k]}.
 * The per-row loops of {@link Im2col}'s general case were a quarter of W3's step.
 *
 * <p>A stride s &gt; 1 becomes stride 1 by splitting each input plane into its s_h·s_w phases
 * (space-to-depth): phase (p, q) holds x[s_h·r + p, s_w·t + q] at [r, t], ⌈H/s_h⌉ × ⌈W/s_w⌉, zero where
 * that lies outside the input. Kernel tap (i, j) then reads one phase, shifted by a constant, so when
 * the phases are as wide as the output rows (the stride-2 4×4 convolutions of DCGAN, "same"-padded
 * strided convolutions in general) the shifted-plane copy applies to them. The split costs one pass
 * over the input; the general loops' rows were 7 to 14 elements long, strided, with two fills each,
 * and a third of a DCGAN epoch.
 */
final class ShiftedPlanes {
  private ShiftedPlanes() {}

  /**
   * Output rows as wide as the input's phases (the input's rows for stride 1): every column row is a
   * phase plane shifted by a constant. A strided kernel smaller than the stride (a 1×1 stride-2
   * downsampling) would read only some of the phases the split writes, so it keeps the general loops.
   */
  static boolean applies(ConvGeometry g) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth();
    boolean unstrided = sh == 1 && sw == 1;
    return planeWidth(g) == g.outWidth() && (unstrided || g.kernelHeight() * g.kernelWidth() >= sh * sw);
  }

  private static boolean strided(ConvGeometry g) {
    return g.spec().strideHeight() > 1 || g.spec().strideWidth() > 1;
  }

  /** Rows of one phase plane, ⌈H/s_h⌉ (H for stride 1). */
  private static int planeHeight(ConvGeometry g) {
    return Math.ceilDiv(g.height(), g.spec().strideHeight());
  }

  /** Columns of one phase plane, ⌈W/s_w⌉ (W for stride 1). */
  private static int planeWidth(ConvGeometry g) {
    return Math.ceilDiv(g.width(), g.spec().strideWidth());
  }

  /** One sample as phase planes, [C, s_h, s_w, ⌈H/s_h⌉, ⌈W/s_w⌉] (the sample itself for stride 1). */
  static int phasedSample(ConvGeometry g) {
    return g.channels() * g.spec().strideHeight() * g.spec().strideWidth() * planeHeight(g) * planeWidth(g);
  }

  /**
   * Where kernel position (i, j)'s column row reads its channel's phases: col[t] = phase[plane][shift + t], for
   * the output rows [firstRow, endRow) and columns [first, end) whose receptive element is in bounds.
   * Between the row's first in-bounds entry, {@link #from}, and its last, {@link #to}, the plane is
   * contiguous; the places outside [first, end) in that stretch read padding.
   */
  private record Tap(int plane, int shift, int firstRow, int endRow, int first, int end) {
    boolean empty() { return firstRow >= endRow || first >= end; }
    int from(int ow) { return firstRow * ow + first; }
    int to(int ow) { return (endRow - 1) * ow + end; }
  }

  /**
   * The taps of the kernel positions in (i, j) order, the order of a channel's column rows. Tap i reads
   * input row s_h·oy + i·dh − top: phase (i·dh − top) mod s_h, shifted by ⌊(i·dh − top) / s_h⌋ rows.
   */
  private static Tap[] taps(ConvGeometry g) {
    int oh = g.outHeight(), ow = g.outWidth(), height = planeHeight(g), width = planeWidth(g);
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth();
    Tap[] taps = new Tap[g.kernelHeight() * g.kernelWidth()];
    for (int i = 0, t = 0; i < g.kernelHeight(); i++) {
      int rowOffset = i * g.spec().dilationHeight() - g.spec().padTop();
      int rowShift = Math.floorDiv(rowOffset, sh);
      for (int j = 0; j < g.kernelWidth(); j++, t++) {
        int columnOffset = j * g.spec().dilationWidth() - g.spec().padLeft();
        int columnShift = Math.floorDiv(columnOffset, sw);
        int first = Math.min(ow, Im2col.firstInside(columnShift, 1));
        int plane = Math.floorMod(rowOffset, sh) * sw + Math.floorMod(columnOffset, sw);
        taps[t] = new Tap(plane, rowShift * width + columnShift, Math.max(0, -rowShift), Math.min(oh, height - rowShift),
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
   * the copy filled with the neighbouring rows' pixels, are zeroed, and the rest of the row too. A
   * strided input is split into its phases first, in a scratch of the thread's.
   */
  static void im2col(float[] x, int offset, ConvGeometry g, float[] col, int column, int rowStride) {
    float[] planes = x;
    int base = offset;
    if (strided(g)) {
      planes = (float[]) ThreadScratch.borrow(DType.FLOAT32, phasedSample(g));
      base = 0;
      split(x, offset, g, planes);
    }
    int ow = g.outWidth(), block = g.outHeight() * ow, planeSize = planeHeight(g) * planeWidth(g);
    int phases = g.spec().strideHeight() * g.spec().strideWidth();
    Tap[] taps = taps(g);
    for (int c = 0, row = 0; c < g.channels(); c++) {
      int channel = base + c * phases * planeSize;
      for (Tap tap : taps) {
        int target = row++ * rowStride + column;
        if (tap.empty()) {
          Arrays.fill(col, target, target + block, 0f);
          continue;
        }
        int from = tap.from(ow), to = tap.to(ow);
        Arrays.fill(col, target, target + from, 0f);
        System.arraycopy(planes, channel + tap.plane() * planeSize + tap.shift() + from, col, target + from, to - from);
        Arrays.fill(col, target + to, target + block, 0f);
        zeroPadding(col, target, ow, tap);
      }
    }
    if (planes != x) {
      ThreadScratch.giveBack(planes);
    }
  }

  /**
   * col2im for {@link #applies} geometries, the transpose of {@link #im2col}: each column row is added
   * to its phase plane shifted by a constant. The row is first copied into {@code aligned} at the very
   * indices it is added to, and its padding places there zeroed, so that the add reads and writes one
   * index, {@code sum[k] += aligned[k]}, which HotSpot vectorises; adding {@code col} at its own offset
   * directly would run scalar. The sample is summed in {@code sum}, a scratch of {@link #phasedSample}
   * that stays in cache, and copied (for a stride, merged from its phases) into {@code x}, whose sample
   * it replaces: aligning in an image-sized scratch cost a fresh 3 MB array per call (W3's second
   * layer) and read-modify-writes of the whole image.
   */
  static void col2im(float[] col, int column, int rowStride, ConvGeometry g, float[] x, int offset, float[] sum, float[] aligned) {
    int ow = g.outWidth(), planeSize = planeHeight(g) * planeWidth(g);
    int phases = g.spec().strideHeight() * g.spec().strideWidth();
    Tap[] taps = taps(g);
    Arrays.fill(sum, 0f);
    for (int c = 0, row = 0; c < g.channels(); c++) {
      for (Tap tap : taps) {
        int source = row++ * rowStride + column;
        if (tap.empty()) {
          continue;
        }
        int from = tap.from(ow), to = tap.to(ow);
        int delta = (c * phases + tap.plane()) * planeSize + tap.shift();   // sample index of column entry t: delta + t
        System.arraycopy(col, source + from, aligned, delta + from, to - from);
        zeroPadding(aligned, delta, ow, tap);
        for (int k = delta + from; k < delta + to; k++) {
          sum[k] += aligned[k];
        }
      }
    }
    if (strided(g)) {
      merge(sum, g, x, offset);
    } else {
      System.arraycopy(sum, 0, x, offset, g.inputSample());
    }
  }

  /** Writes the sample of {@code x} at {@code offset} as its phase planes into {@code planes}, zero where a phase runs past the input. */
  static void split(float[] x, int offset, ConvGeometry g, float[] planes) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth(), width = planeWidth(g), planeSize = planeHeight(g) * width;
    for (int c = 0; c < g.channels(); c++) {
      for (int iy = 0; iy < planeHeight(g) * sh; iy++) {
        for (int q = 0; q < sw; q++) {
          int target = ((c * sh + iy % sh) * sw + q) * planeSize + iy / sh * width;
          int inside = iy < g.height() ? Math.ceilDiv(g.width() - q, sw) : 0;
          int source = offset + (c * g.height() + iy) * g.width() + q;
          for (int t = 0; t < inside; t++) {
            planes[target + t] = x[source + t * sw];
          }
          Arrays.fill(planes, target + Math.max(0, inside), target + width, 0f);
        }
      }
    }
  }

  /** The transpose of {@link #split}: the sample of {@code x} at {@code offset} set from its phase planes (what lies outside the input dropped). */
  static void merge(float[] planes, ConvGeometry g, float[] x, int offset) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth(), width = planeWidth(g), planeSize = planeHeight(g) * width;
    for (int c = 0; c < g.channels(); c++) {
      for (int iy = 0; iy < g.height(); iy++) {
        for (int q = 0; q < sw; q++) {
          int source = ((c * sh + iy % sh) * sw + q) * planeSize + iy / sh * width;
          int target = offset + (c * g.height() + iy) * g.width() + q;
          for (int t = 0, inside = Math.ceilDiv(g.width() - q, sw); t < inside; t++) {
            x[target + t * sw] = planes[source + t];
          }
        }
      }
    }
  }
}
