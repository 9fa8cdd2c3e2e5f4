package dev.ruru.array;

import dev.ruru.array.blas.Blas;
import dev.ruru.array.blas.Gemm;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.Arrays;

/**
 * Matrix products with NumPy's semantics: {@code matmul} ({@code @}), {@code dot} and {@code outer}.
 *
 * <p>{@code matmul(a, b)} multiplies the last two axes, {@code [..., m, k] @ [..., k, n] -> [..., m, n]};
 * the leading (batch) axes broadcast. A 1-D left operand [k] is read as the row [1, k], a 1-D right
 * operand [k] as the column [k, 1], and the added axis is removed from the result. Operand dtypes
 * promote with {@link DType#promote}. Floating products go to BLAS ({@link Blas#gemm()}) one matrix
 * at a time, reading each operand in place: a matrix whose rows are contiguous is passed as stored, one
 * whose columns are contiguous (a transposed view) with BLAS's transpose flag; only other layouts
 * (steps, broadcast strides inside the matrix) are copied first. Integer and bool products are exact,
 * accumulated in 64-bit integers and stored in the result type (wrapping as NumPy's do).
 */
final class MatMul {
  private MatMul() {}

  /** How BLAS reads one stored matrix: as stored or transposed, and its leading dimension. */
  record BlasLayout(Transpose transpose, int leading) {}

  /** One matrix product of the batch, given each operand's offset for that batch entry. */
  @FunctionalInterface
  private interface Product {
    void run(int leftOffset, int rightOffset, int outOffset);
  }

  /** {@code a @ b}; see the class documentation. */
  static NDArray matmul(NDArray a, NDArray b) {
    return matmul(a, b, null);
  }

  /**
   * {@code a @ b} written into {@code into} (NumPy's {@code out=}) when it is not null, else into a fresh
   * array. {@code into} must have the result's shape and dtype, be C-contiguous and share no memory with
   * the operands: a training loop's weight gradient goes where the last step's did, in the caches.
   */
  static NDArray matmul(NDArray a, NDArray b, NDArray into) {
    requireRank("matmul", a, 0);
    requireRank("matmul", b, 1);
    NDArray left = a.shape.length == 1 ? new NDArray(a.dtype, a.data, new int[] {1, a.shape[0]}, new int[] {0, a.strides[0]}, a.offset) : a;
    NDArray right = b.shape.length == 1 ? new NDArray(b.dtype, b.data, new int[] {b.shape[0], 1}, new int[] {b.strides[0], 0}, b.offset) : b;
    int m = left.shape[left.shape.length - 2];
    int k = left.shape[left.shape.length - 1];
    int n = right.shape[right.shape.length - 1];
    if (k != right.shape[right.shape.length - 2]) {
      throw new ShapeMismatchException("matmul: shapes " + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape)
          + " do not align (" + k + " != " + right.shape[right.shape.length - 2] + ")");
    }
    int[] batch = batchShape(a, b, left, right);
    DType dtype = DType.promote(a.dtype, b.dtype);
    int[] full = concat(batch, m, n);
    int[] shape = full;
    if (a.shape.length == 1) {
      shape = Views.remove(shape, shape.length - 2);
    }
    if (b.shape.length == 1) {
      shape = Views.remove(shape, shape.length - 1);
    }
    NDArray out = into == null ? NDArray.fresh(dtype, full) : output(into, dtype, shape, full, a, b);
    if (out.size() > 0 && k > 0) {
      multiply(left, right, out, batch);
    } else if (into != null) {
      into.fillInPlace(0);
    }
    return into != null ? into : new NDArray(out.dtype, out.data, shape, Layout.strides(shape, Order.C), 0);
  }

  /** {@code into} seen with the product's [batch..., m, n] shape, after checking that it can take the result. */
  private static NDArray output(NDArray into, DType dtype, int[] shape, int[] full, NDArray a, NDArray b) {
    if (!Arrays.equals(into.shape, shape) || into.dtype != dtype) {
      throw new ShapeMismatchException("matmul: the result is " + dtype + " " + Arrays.toString(shape) + " but the output array is "
          + into.dtype + " " + Arrays.toString(into.shape));
    }
    if (!into.isContiguous()) {
      throw new IllegalArgumentException("matmul: the output array must be C-contiguous, got strides " + Arrays.toString(into.strides));
    }
    if (into.data == a.data || into.data == b.data) {
      throw new IllegalArgumentException("matmul: the output array shares memory with an operand");
    }
    return new NDArray(dtype, into.data, full, Layout.strides(full, Order.C), into.offset);
  }

  private static void requireRank(String op, NDArray operand, int position) {
    if (operand.shape.length == 0) {
      throw new IllegalArgumentException(op + ": operand " + position + " has shape [] but needs at least 1 dimension; use mul for scalars");
    }
  }

  /** The broadcast of the operands' batch axes (all but the last two), named by the caller's shapes on a clash. */
  private static int[] batchShape(NDArray a, NDArray b, NDArray left, NDArray right) {
    int[] leftBatch = Arrays.copyOf(left.shape, left.shape.length - 2);
    int[] rightBatch = Arrays.copyOf(right.shape, right.shape.length - 2);
    try {
      return Layout.broadcastShapes("matmul", leftBatch, rightBatch);
    } catch (ShapeMismatchException e) {
      throw new ShapeMismatchException("matmul: batch dimensions of " + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape)
          + " do not broadcast (" + Arrays.toString(leftBatch) + " vs " + Arrays.toString(rightBatch) + ")");
    }
  }

  private static int[] concat(int[] batch, int m, int n) {
    int[] shape = Arrays.copyOf(batch, batch.length + 2);
    shape[batch.length] = m;
    shape[batch.length + 1] = n;
    return shape;
  }

  /** Fills the fresh {@code out} [batch..., m, n] with the products of the (already promoted to 2-D) operands. */
  private static void multiply(NDArray left, NDArray right, NDArray out, int[] batch) {
    if (!out.dtype.isFloating()) {
      NDArray l = left.astype(DType.INT64);
      NDArray r = right.astype(DType.INT64);
      forEachMatrix(l, r, out, batch, exactProduct(l, r, out));
      return;
    }
    NDArray l = left.astype(out.dtype);
    NDArray r = right.astype(out.dtype);
    if (layout(l) == null) {
      l = l.contiguous();
    }
    if (layout(r) == null) {
      r = r.contiguous();
    }
    NDArray rows = foldBatchIntoRows(l, r);
    if (rows != null) {
      int[] flatShape = {rows.shape[0], out.shape[out.shape.length - 1]};
      NDArray flatOut = new NDArray(out.dtype, out.data, flatShape, Layout.strides(flatShape, Order.C), out.offset);
      blasProduct(rows, r, flatOut).run(rows.offset, r.offset, out.offset);
    } else {
      forEachMatrix(l, r, out, batch, blasProduct(l, r, out));
    }
  }

  /**
   * When the right operand is a single matrix and the left one's batch and row axes lie in memory as
   * one run of equally spaced rows (a C-contiguous [batch..., m, k] stack, as when a layer is applied
   * to a sequence), the stack is one [batch·m, k] matrix: one large GEMM instead of many small ones,
   * writing the C-ordered result in the same order. Null when that does not hold.
   */
  private static NDArray foldBatchIntoRows(NDArray left, NDArray right) {
    int rank = left.shape.length;
    if (rank <= 2 || Layout.size(Arrays.copyOf(right.shape, right.shape.length - 2)) != 1) {
      return null;
    }
    int rowStride = 0;
    int expected = -1;
    for (int i = rank - 2; i >= 0; i--) {
      if (left.shape[i] == 1) {
        continue;
      }
      if (expected >= 0 && left.strides[i] != expected) {
        return null;
      }
      if (expected < 0) {
        rowStride = left.strides[i];
      }
      expected = left.strides[i] * left.shape[i];
    }
    int rows = Layout.size(Arrays.copyOf(left.shape, rank - 1));
    int k = left.shape[rank - 1];
    BlasLayout folded = blasLayout(rows, k, rowStride, left.strides[rank - 1]);
    if (folded == null || folded.transpose() != Transpose.NO) {
      return null;
    }
    return new NDArray(left.dtype, left.data, new int[] {rows, k}, new int[] {rowStride, left.strides[rank - 1]}, left.offset);
  }

  /** The BLAS reading of the operand's last two axes, or null when neither rows nor columns are contiguous. */
  private static BlasLayout layout(NDArray matrix) {
    int rank = matrix.shape.length;
    return blasLayout(matrix.shape[rank - 2], matrix.shape[rank - 1], matrix.strides[rank - 2], matrix.strides[rank - 1]);
  }

  /**
   * How BLAS can read a [rows, columns] matrix with the given strides without a copy: as stored
   * (element (r, c) at r·ld + c) when its rows are contiguous, transposed (at c·ld + r) when its
   * columns are; null otherwise. Strides along axes of extent 1 never matter.
   */
  static BlasLayout blasLayout(int rows, int columns, int rowStride, int columnStride) {
    if ((columns <= 1 || columnStride == 1) && (rows <= 1 || rowStride >= Math.max(1, columns))) {
      return new BlasLayout(Transpose.NO, rows <= 1 ? Math.max(1, columns) : rowStride);
    }
    if ((rows <= 1 || rowStride == 1) && (columns <= 1 || columnStride >= Math.max(1, rows))) {
      return new BlasLayout(Transpose.YES, columns <= 1 ? Math.max(1, rows) : columnStride);
    }
    return null;
  }

  private static Product blasProduct(NDArray left, NDArray right, NDArray out) {
    int m = left.shape[left.shape.length - 2];
    int k = left.shape[left.shape.length - 1];
    int n = right.shape[right.shape.length - 1];
    BlasLayout a = layout(left);
    BlasLayout b = layout(right);
    Gemm gemm = Blas.gemm();
    // Where row i of A starts (stored as is: i·ld; transposed: i) and column j of B (j, or j·ld).
    int aRow = a.transpose() == Transpose.NO ? a.leading() : 1;
    int bColumn = b.transpose() == Transpose.NO ? 1 : b.leading();
    boolean byRows = m >= n;
    if (out.dtype == DType.FLOAT32) {
      float[] x = (float[]) left.data;
      float[] y = (float[]) right.data;
      float[] z = (float[]) out.data;
      return (xo, yo, zo) -> forEachBlock(m, n, k, (from, to) -> {
        if (byRows) {
          gemm.sgemm(a.transpose(), b.transpose(), to - from, n, k, 1f, x, xo + from * aRow, a.leading(), y, yo, b.leading(), 0f, z, zo + from * n, n);
        } else {
          gemm.sgemm(a.transpose(), b.transpose(), m, to - from, k, 1f, x, xo, a.leading(), y, yo + from * bColumn, b.leading(), 0f, z, zo + from, n);
        }
      });
    }
    double[] x = (double[]) left.data;
    double[] y = (double[]) right.data;
    double[] z = (double[]) out.data;
    return (xo, yo, zo) -> forEachBlock(m, n, k, (from, to) -> {
      if (byRows) {
        gemm.dgemm(a.transpose(), b.transpose(), to - from, n, k, 1.0, x, xo + from * aRow, a.leading(), y, yo, b.leading(), 0.0, z, zo + from * n, n);
      } else {
        gemm.dgemm(a.transpose(), b.transpose(), m, to - from, k, 1.0, x, xo, a.leading(), y, yo + from * bColumn, b.leading(), 0.0, z, zo + from, n);
      }
    });
  }

  /**
   * Products of at least this many multiply-adds are split into blocks when there are several threads:
   * from here on two halves beat one call now that idle workers spin (W1's [10, 784]·[784, 100] at
   * 784K multiply-adds: 37 µs whole, about 20 µs as two halves).
   */
  private static final long MIN_SPLIT_WORK = 1L << 19;
  /** From this many on OpenBLAS's own threads scale well (they share the packed B), so it gets the product whole. */
  private static final long MAX_SPLIT_WORK = 1L << 26;
  /** The narrowest block worth its own call. */
  private static final int MIN_BLOCK = 32;

  /**
   * Runs {@code block} over [0, max(m, n)), the rows of an [m, k]·[k, n] product when m ≥ n, else its
   * columns: whole on one thread, or, for mid-sized products with several threads, as one block per
   * thread, each on single-threaded BLAS. OpenBLAS's own two threads gain only 1.25–1.35× on such
   * products (W2's [128, 784]·[784, 256] and [256, 128]·[128, 784] here: 290 and 252 µs against 345
   * and 306 at one thread), where two halves computed side by side take about 180 µs: each thread
   * packs only its part and no thread waits for the other inside the call. The longer side is split
   * because a product with a narrow side runs far below the BLAS's peak. The blocks depend on the
   * thread count only, so a product repeats bit for bit at a given count; across counts it may differ
   * in the last bits (OpenBLAS picks its kernel by size: a half-sized block can take its direct path).
   */
  private static void forEachBlock(int m, int n, int k, Parallel.Range block) {
    long work = (long) m * n * k;
    int length = Math.max(m, n);
    if (work >= MAX_SPLIT_WORK) {
      block.run(0, length);
      return;
    }
    int parts = work < MIN_SPLIT_WORK ? 1 : Math.min(Parallel.threads(), length / MIN_BLOCK);
    // Even whole, a product below MAX_SPLIT_WORK goes through forEachRun, so that it runs on one BLAS
    // thread: OpenBLAS uses its own workers from 2¹⁸ multiply-adds on, and they then spin beside
    // Ruru's for the same cores (W2 at two threads, whose small layer is of that size: 0.58 s an epoch
    // with them, 0.53–0.56 without).
    Parallel.forEachRun(length, parts <= 1 ? length : (length + parts - 1) / parts, block);
  }

  /** Σ_p left[i, p]·right[p, j] in 64-bit integers over int64 operands, stored in the result's type. */
  private static Product exactProduct(NDArray left, NDArray right, NDArray out) {
    int rank = left.shape.length;
    int m = left.shape[rank - 2];
    int k = left.shape[rank - 1];
    int n = right.shape[right.shape.length - 1];
    long[] x = (long[]) left.data;
    long[] y = (long[]) right.data;
    int xRow = left.strides[rank - 2];
    int xCol = left.strides[rank - 1];
    int yRow = right.strides[right.shape.length - 2];
    int yCol = right.strides[right.shape.length - 1];
    return (xo, yo, zo) -> {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          long sum = 0;
          for (int p = 0; p < k; p++) {
            sum += x[xo + i * xRow + p * xCol] * y[yo + p * yRow + j * yCol];
          }
          Storage.setLong(out.data, zo + i * n + j, sum);
        }
      }
    };
  }

  /** Runs {@code product} for every index of the broadcast batch, with each operand's offset (stride 0 on broadcast axes). */
  private static void forEachMatrix(NDArray left, NDArray right, NDArray out, int[] batch, Product product) {
    int[] leftStrides = batchStrides(left, batch);
    int[] rightStrides = batchStrides(right, batch);
    int matrixSize = out.shape[out.shape.length - 2] * out.shape[out.shape.length - 1];
    int[] index = new int[batch.length];
    int count = Layout.size(batch);
    int leftOffset = left.offset;
    int rightOffset = right.offset;
    for (int entry = 0; entry < count; entry++) {
      product.run(leftOffset, rightOffset, out.offset + entry * matrixSize);
      // Advance the batch index like an odometer, moving the offsets along with it.
      for (int axis = batch.length - 1; axis >= 0; axis--) {
        leftOffset += leftStrides[axis];
        rightOffset += rightStrides[axis];
        if (++index[axis] < batch[axis]) {
          break;
        }
        leftOffset -= leftStrides[axis] * batch[axis];
        rightOffset -= rightStrides[axis] * batch[axis];
        index[axis] = 0;
      }
    }
  }

  private static int[] batchStrides(NDArray operand, int[] batch) {
    int rank = operand.shape.length;
    return Layout.broadcastStrides("matmul", Arrays.copyOf(operand.shape, rank - 2), Arrays.copyOf(operand.strides, rank - 2), batch);
  }

  /**
   * NumPy's {@code dot}: the inner product of two vectors (a 0-d result), the matrix product of
   * matrices, a product with a scalar (0-d) operand, and for N-D operands the sum over the last axis
   * of {@code a} and the second-to-last of {@code b}:
   * {@code dot(a, b)[i..., j..., n] = Σ_p a[i..., p]·b[j..., p, n]}, shape
   * {@code a.shape[:-1] + b.shape[:-2] + b.shape[-1:]} (unlike matmul, batch axes do not pair up).
   */
  static NDArray dot(NDArray a, NDArray b) {
    if (a.shape.length == 0 || b.shape.length == 0) {
      return a.mul(b);
    }
    if (a.shape.length <= 2 && b.shape.length <= 2 || b.shape.length == 1) {
      return matmul(a, b);
    }
    int k = a.shape[a.shape.length - 1];
    int rankB = b.shape.length;
    if (k != b.shape[rankB - 2]) {
      throw new ShapeMismatchException("dot: shapes " + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape)
          + " do not align (" + k + " != " + b.shape[rankB - 2] + ")");
    }
    int[] leading = Arrays.copyOf(a.shape, a.shape.length - 1);
    int[] axes = new int[rankB];
    axes[0] = rankB - 2;
    for (int i = 1; i < rankB - 1; i++) {
      axes[i] = i - 1;
    }
    axes[rankB - 1] = rankB - 1;
    // b as [k, (b's batch axes and n)]: its second-to-last axis moved to the front.
    int[] rest = Views.remove(b.shape, rankB - 2);
    NDArray right = b.permute(axes).reshape(k, Layout.size(rest));
    NDArray product = matmul(a.reshape(Layout.size(leading), k), right);
    int[] shape = Arrays.copyOf(leading, leading.length + rest.length);
    System.arraycopy(rest, 0, shape, leading.length, rest.length);
    return product.reshape(shape);
  }

  /** NumPy's {@code outer}: both operands flattened, {@code out[i, j] = a[i]·b[j]}, shape [a.size, b.size]. */
  static NDArray outer(NDArray a, NDArray b) {
    return matmul(a.reshape(a.size(), 1), b.reshape(1, b.size()));
  }

  /** Sets OpenBLAS's thread count (or the Java kernel's), once a GEMM is in use; see {@link Parallel#setThreads}. */
  static void setBlasThreads(int threads) {
    Blas.setThreads(threads);
  }
}
