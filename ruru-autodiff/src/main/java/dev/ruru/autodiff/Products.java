package dev.ruru.autodiff;

import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import java.util.Arrays;

/** Tensor matrix products: NumPy's matmul reduced to the {@link MatmulRule} primitive. */
final class Products {
  private Products() {}

  static Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() == 0 || b.rank() == 0) {
      throw new ShapeMismatchException("matmul: operands must have at least one dimension, got shapes " + a.shape()
          + " and " + b.shape() + "; use mul for scalars");
    }
    Tensor x = a.rank() == 1 ? a.reshape(1, a.shape().dim(0)) : a;
    Tensor y = b.rank() == 1 ? b.reshape(b.shape().dim(0), 1) : b;
    int inner = x.shape().dim(-1);
    if (inner != y.shape().dim(-2)) {
      throw new ShapeMismatchException("matmul: shapes " + a.shape() + " and " + b.shape() + " do not align ("
          + inner + " != " + y.shape().dim(-2) + ")");
    }
    Shape batch = Shape.broadcast("matmul", batchOf(x), batchOf(y));
    Tensor product = Tensor.apply(new MatmulRule(), x.broadcastTo(withMatrix(batch, x)), y.broadcastTo(withMatrix(batch, y)));
    int[] shape = product.shape().dims();
    if (a.rank() == 1 && b.rank() == 1) {
      return product.reshape(new int[0]);
    }
    if (a.rank() == 1) {
      return product.reshape(remove(shape, shape.length - 2));
    }
    if (b.rank() == 1) {
      return product.reshape(remove(shape, shape.length - 1));
    }
    return product;
  }

  /**
   * x·wᵀ (+ b), relu after it when asked, for matrices x [batch, in] and w [out, in] and a bias [out]
   * (or null), all of one dtype, as one primitive ({@link LinearRule}).
   */
  static Tensor linear(Tensor x, Tensor w, Tensor b, boolean relu) {
    if (x.rank() != 2 || w.rank() != 2 || x.shape().dim(1) != w.shape().dim(1) || x.dtype() != w.dtype()
        || b != null && (b.rank() != 1 || b.shape().dim(0) != w.shape().dim(0) || b.dtype() != w.dtype())) {
      throw new ShapeMismatchException("linear: expected x [batch, in], w [out, in] and a bias [out] of one dtype, got "
          + x.dtype() + " " + x.shape() + ", " + w.dtype() + " " + w.shape() + (b == null ? " and no bias" : " and " + b.dtype() + " " + b.shape()));
    }
    LinearRule rule = new LinearRule(relu);
    return b == null ? Tensor.apply(rule, x, w) : Tensor.apply(rule, x, w, b);
  }

  private static Shape batchOf(Tensor t) {
    int[] dims = t.shape().dims();
    return Shape.of(Arrays.copyOf(dims, dims.length - 2));
  }

  private static Shape withMatrix(Shape batch, Tensor t) {
    int[] dims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
    dims[batch.rank()] = t.shape().dim(-2);
    dims[batch.rank() + 1] = t.shape().dim(-1);
    return Shape.of(dims);
  }

  private static int[] remove(int[] values, int at) {
    int[] out = new int[values.length - 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at + 1, out, at, values.length - at - 1);
    return out;
  }
}
