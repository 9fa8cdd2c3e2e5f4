package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.blas.Blas;
import dev.ruru.array.blas.Gemm;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.Arrays;

/**
 * The loops convolution is made of. im2col copies the receptive fields of a chunk of samples into the
 * columns of a [C·kh·kw, s·OH·OW] matrix (row (c, i, j), column (n, oy, ox) holds
 * x[n, c, oy·sh + i·dh − top, ox·sw + j·dw − left], zero outside the input), so that convolving the
 * chunk is one matrix product per sample and group, each reading or writing the sample's [O, OH·OW]
 * where it lies in NCHW; col2im is its transpose, adding each column entry back where it came from.
 * Chunks hold as many samples as fit in about 256 KB ({@link #chunk}), so the column matrix is written
 * and read again while it is still in cache, instead of a whole batch's (7 MB for W3's second layer)
 * travelling through memory twice. Arrays are flat C-order float[] or double[]; the type is dispatched
 * once per call, so the inner loops are plain array loops. float32 convolutions whose output rows are
 * as wide as their input rows ("same" padding), or for a stride as the rows of the input's phases,
 * move whole shifted planes instead ({@link ShiftedPlanes}).
 */
final class Im2col {
  /** Elements a chunk's column matrix may hold: 64 K, 256 KB of float32, half a core's L2 cache. */
  private static final int CHUNK_ELEMENTS = 1 << 16;

  private Im2col() {}

  /**
   * The elements of {@code array} in C order as float[] (float32) or double[] (float64), to read only:
   * the array's own storage when it can be ({@link NDArray#floatsToRead}).
   */
  static Object data(NDArray array) {
    return array.dtype() == DType.FLOAT64 ? array.doublesToRead() : array.floatsToRead();
  }

  static Object allocate(DType dtype, int size) {
    return dtype == DType.FLOAT64 ? new double[size] : new float[size];
  }

  static NDArray array(Object data, int... shape) {
    return data instanceof double[] d ? NDArray.wrap(d, shape) : NDArray.wrap((float[]) data, shape);
  }

  /**
   * How many samples one column matrix holds (at least one): as few chunks as fit, with the batch
   * shared evenly among them. W3's first layer fits 9 samples; as 7 chunks of 9 and one of 1, the
   * two threads' runs of whole chunks held 36 and 28 samples, and the thread with 36 finished its
   * forward and weight gradient 140 and 110 µs after the other, every step. As 8 chunks of 8 they hold
   * 32 each, as every other layer's do, so a thread also finds the samples it wrote last in its own
   * cache. The chunks fix the weight gradient's order of summation, so they depend on the batch and
   * the geometry only, never on the thread count.
   */
  static int chunk(ConvGeometry g) {
    long perSample = (long) g.groups() * g.patch() * g.positions();
    int most = (int) Math.max(1, Math.min(g.batch(), CHUNK_ELEMENTS / Math.max(1, perSample)));
    int chunks = (g.batch() + most - 1) / most;
    return Math.max(1, (g.batch() + chunks - 1) / Math.max(1, chunks));
  }

  /**
   * Writes the sample of {@code x} starting at {@code offset} into {@code col}, its OH·OW columns
   * starting at {@code column}, rows {@code rowStride} apart: every entry of those columns, 0 where the
   * receptive field lies in the padding (so the buffer needs no clearing between chunks).
   */
  static void im2col(Object x, int offset, ConvGeometry g, Object col, int column, int rowStride) {
    switch (x) {
      case float[] f -> im2col(f, offset, g, (float[]) col, column, rowStride);
      case double[] d -> im2col(d, offset, g, (double[]) col, column, rowStride);
      default -> throw new IllegalStateException("im2col: unsupported storage " + x.getClass());
    }
  }

  /**
   * The scratch {@link #col2im} needs for its fast path (float32, output rows as wide as the input's
   * rows or, for a stride, its phases: {@link ShiftedPlanes}), else null: two arrays of one sample's
   * image (as phase planes), one to align column rows in and one to add them up in. Each parallel task
   * takes its own; at 12 KB (W3's second layer) they stay in cache.
   */
  static float[][] col2imScratch(ConvGeometry g, Object image) {
    int size = ShiftedPlanes.phasedSample(g);
    return image instanceof float[] && ShiftedPlanes.applies(g) ? new float[][] {new float[size], new float[size]} : null;
  }

  /**
   * Sets the sample of {@code x} at {@code offset} to the sum of one sample's columns of {@code col}
   * (laid out as {@link #im2col} writes them), each entry added where it came from; {@code scratch} is
   * {@link #col2imScratch}'s (or null).
   */
  static void col2im(Object col, int column, int rowStride, ConvGeometry g, Object x, int offset, float[][] scratch) {
    if (scratch == null) {
      switch (x) {
        case float[] f -> Arrays.fill(f, offset, offset + g.inputSample(), 0f);
        case double[] d -> Arrays.fill(d, offset, offset + g.inputSample(), 0d);
        default -> throw new IllegalStateException("col2im: unsupported storage " + x.getClass());
      }
    }
    switch (x) {
      case float[] f when scratch != null -> ShiftedPlanes.col2im((float[]) col, column, rowStride, g, f, offset, scratch[0], scratch[1]);
      case float[] f -> col2im((float[]) col, column, rowStride, g, f, offset);
      case double[] d -> col2im((double[]) col, column, rowStride, g, d, offset);
      default -> throw new IllegalStateException("col2im: unsupported storage " + x.getClass());
    }
  }

  /** Adds {@code values[r]} to every element of row r of the [rows, width] matrix at {@code offset} of {@code matrix}. */
  static void addToRows(Object matrix, int offset, Object values, int rows, int width) {
    switch (matrix) {
      case float[] m -> {
        float[] v = (float[]) values;
        for (int r = 0; r < rows; r++) {
          float y = v[r];
          for (int k = offset + r * width; k < offset + (r + 1) * width; k++) {
            m[k] += y;
          }
        }
      }
      case double[] m -> {
        double[] v = (double[]) values;
        for (int r = 0; r < rows; r++) {
          double y = v[r];
          for (int k = offset + r * width; k < offset + (r + 1) * width; k++) {
            m[k] += y;
          }
        }
      }
      default -> throw new IllegalStateException("addToRows: unsupported storage " + matrix.getClass());
    }
  }

  /** A vector of {@code length} ones. */
  static Object ones(DType dtype, int length) {
    Object ones = allocate(dtype, length);
    switch (ones) {
      case float[] f -> Arrays.fill(f, 1f);
      case double[] d -> Arrays.fill(d, 1d);
      default -> throw new IllegalStateException("ones: unsupported dtype " + dtype);
    }
    return ones;
  }

  /** Elements [from, to) of {@code data}: itself when that is all of it, else a copy. */
  static Object copyOfRange(Object data, int from, int to) {
    return switch (data) {
      case float[] f -> from == 0 && to == f.length ? f : Arrays.copyOfRange(f, from, to);
      case double[] d -> from == 0 && to == d.length ? d : Arrays.copyOfRange(d, from, to);
      default -> throw new IllegalStateException("copyOfRange: unsupported storage " + data.getClass());
    };
  }

  /** max(v, 0) in place for the {@code length} elements from {@code offset} (NaN stays NaN, as {@link NDArray#relu}). */
  static void reluInPlace(Object data, int offset, int length) {
    switch (data) {
      case float[] f -> {
        for (int k = offset; k < offset + length; k++) {
          f[k] = Math.max(f[k], 0f);
        }
      }
      case double[] d -> {
        for (int k = offset; k < offset + length; k++) {
          d[k] = Math.max(d[k], 0d);
        }
      }
      default -> throw new IllegalStateException("reluInPlace: unsupported storage " + data.getClass());
    }
  }

  /** The sum of the {@code rows} consecutive rows of {@code size} elements in {@code partials}, in row order. */
  static Object sumRows(Object partials, int rows, int size) {
    if (rows == 1) {
      return partials;
    }
    switch (partials) {
      case float[] f -> {
        float[] sum = Arrays.copyOf(f, size);
        for (int r = 1; r < rows; r++) {
          for (int j = 0, at = r * size; j < size; j++) {
            sum[j] += f[at + j];
          }
        }
        return sum;
      }
      case double[] d -> {
        double[] sum = Arrays.copyOf(d, size);
        for (int r = 1; r < rows; r++) {
          for (int j = 0, at = r * size; j < size; j++) {
            sum[j] += d[at + j];
          }
        }
        return sum;
      }
      default -> throw new IllegalStateException("sumRows: unsupported storage " + partials.getClass());
    }
  }

  /**
   * The first {@code blocks} consecutive [rows, columns] matrices of {@code data}, each transposed into
   * [columns, rows], as a new array (what follows them in {@code data} is not read).
   */
  static Object transposeBlocks(Object data, int blocks, int rows, int columns) {
    int size = rows * columns;
    switch (data) {
      case float[] f -> {
        float[] t = new float[blocks * size];
        for (int b = 0; b < blocks; b++) {
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
              t[b * size + c * rows + r] = f[b * size + r * columns + c];
            }
          }
        }
        return t;
      }
      case double[] d -> {
        double[] t = new double[blocks * size];
        for (int b = 0; b < blocks; b++) {
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
              t[b * size + c * rows + r] = d[b * size + r * columns + c];
            }
          }
        }
        return t;
      }
      default -> throw new IllegalStateException("transposeBlocks: unsupported storage " + data.getClass());
    }
  }

  /** C ← op(A)·op(B) + (accumulate ? C : 0), row-major, through the process's BLAS. */
  static void gemm(Transpose transA, Transpose transB, int m, int n, int k, Object a, int aOffset, int lda,
      Object b, int bOffset, int ldb, boolean accumulate, Object c, int cOffset, int ldc) {
    Gemm gemm = Blas.gemm();
    if (c instanceof double[] d) {
      gemm.dgemm(transA, transB, m, n, k, 1, (double[]) a, aOffset, lda, (double[]) b, bOffset, ldb, accumulate ? 1 : 0, d, cOffset, ldc);
    } else {
      gemm.sgemm(transA, transB, m, n, k, 1, (float[]) a, aOffset, lda, (float[]) b, bOffset, ldb, accumulate ? 1 : 0, (float[]) c, cOffset, ldc);
    }
  }

  /**
   * The output columns [first, end) whose input column ox·stride + shift lies in [0, width): the
   * rest of a row reads padding.
   */
  static int firstInside(int shift, int stride) {
    return shift >= 0 ? 0 : (-shift + stride - 1) / stride;
  }

  static int endInside(int shift, int stride, int width, int outWidth) {
    return shift >= width ? 0 : Math.min(outWidth, (width - 1 - shift) / stride + 1);
  }

  private static void im2col(float[] x, int offset, ConvGeometry g, float[] col, int column, int rowStride) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth(), oh = g.outHeight(), ow = g.outWidth();
    if (ShiftedPlanes.applies(g)) {
      ShiftedPlanes.im2col(x, offset, g, col, column, rowStride);
      return;
    }
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int i = 0; i < g.kernelHeight(); i++) {
        int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
        for (int j = 0; j < g.kernelWidth(); j++, row++) {
          int shift = j * g.spec().dilationWidth() - g.spec().padLeft();
          int first = Math.min(ow, firstInside(shift, sw)), end = Math.max(first, endInside(shift, sw, g.width(), ow));
          int target = row * rowStride + column;
          for (int oy = 0; oy < oh; oy++, target += ow) {
            int iy = oy * sh + rowShift;
            if (iy < 0 || iy >= g.height()) {
              Arrays.fill(col, target, target + ow, 0f);
              continue;
            }
            Arrays.fill(col, target, target + first, 0f);
            Arrays.fill(col, target + end, target + ow, 0f);
            int source = offset + (c * g.height() + iy) * g.width() + shift;
            if (sw == 1) {
              for (int ox = first; ox < end; ox++) {
                col[target + ox] = x[source + ox];
              }
            } else {
              for (int ox = first; ox < end; ox++) {
                col[target + ox] = x[source + ox * sw];
              }
            }
          }
        }
      }
    }
  }

  private static void im2col(double[] x, int offset, ConvGeometry g, double[] col, int column, int rowStride) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth(), oh = g.outHeight(), ow = g.outWidth();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int i = 0; i < g.kernelHeight(); i++) {
        int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
        for (int j = 0; j < g.kernelWidth(); j++, row++) {
          int shift = j * g.spec().dilationWidth() - g.spec().padLeft();
          int first = Math.min(ow, firstInside(shift, sw)), end = Math.max(first, endInside(shift, sw, g.width(), ow));
          int target = row * rowStride + column;
          for (int oy = 0; oy < oh; oy++, target += ow) {
            int iy = oy * sh + rowShift;
            if (iy < 0 || iy >= g.height()) {
              Arrays.fill(col, target, target + ow, 0d);
              continue;
            }
            Arrays.fill(col, target, target + first, 0d);
            Arrays.fill(col, target + end, target + ow, 0d);
            int source = offset + (c * g.height() + iy) * g.width() + shift;
            if (sw == 1) {
              for (int ox = first; ox < end; ox++) {
                col[target + ox] = x[source + ox];
              }
            } else {
              for (int ox = first; ox < end; ox++) {
                col[target + ox] = x[source + ox * sw];
              }
            }
          }
        }
      }
    }
  }

  private static void col2im(float[] col, int column, int rowStride, ConvGeometry g, float[] x, int offset) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth(), oh = g.outHeight(), ow = g.outWidth();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int i = 0; i < g.kernelHeight(); i++) {
        int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
        for (int j = 0; j < g.kernelWidth(); j++, row++) {
          int shift = j * g.spec().dilationWidth() - g.spec().padLeft();
          int first = Math.min(ow, firstInside(shift, sw)), end = endInside(shift, sw, g.width(), ow);
          int source = row * rowStride + column;
          for (int oy = 0; oy < oh; oy++, source += ow) {
            int iy = oy * sh + rowShift;
            if (iy < 0 || iy >= g.height()) {
              continue;
            }
            int target = offset + (c * g.height() + iy) * g.width() + shift;
            if (sw == 1) {
              for (int ox = first; ox < end; ox++) {
                x[target + ox] += col[source + ox];
              }
            } else {
              for (int ox = first; ox < end; ox++) {
                x[target + ox * sw] += col[source + ox];
              }
            }
          }
        }
      }
    }
  }

  private static void col2im(double[] col, int column, int rowStride, ConvGeometry g, double[] x, int offset) {
    int sh = g.spec().strideHeight(), sw = g.spec().strideWidth(), oh = g.outHeight(), ow = g.outWidth();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int i = 0; i < g.kernelHeight(); i++) {
        int rowShift = i * g.spec().dilationHeight() - g.spec().padTop();
        for (int j = 0; j < g.kernelWidth(); j++, row++) {
          int shift = j * g.spec().dilationWidth() - g.spec().padLeft();
          int first = Math.min(ow, firstInside(shift, sw)), end = endInside(shift, sw, g.width(), ow);
          int source = row * rowStride + column;
          for (int oy = 0; oy < oh; oy++, source += ow) {
            int iy = oy * sh + rowShift;
            if (iy < 0 || iy >= g.height()) {
              continue;
            }
            int target = offset + (c * g.height() + iy) * g.width() + shift;
            if (sw == 1) {
              for (int ox = first; ox < end; ox++) {
                x[target + ox] += col[source + ox];
              }
            } else {
              for (int ox = first; ox < end; ox++) {
                x[target + ox * sw] += col[source + ox];
              }
            }
          }
        }
      }
    }
  }
}
