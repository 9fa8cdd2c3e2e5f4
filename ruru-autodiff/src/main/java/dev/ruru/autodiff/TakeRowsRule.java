package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * Whole rows picked by a constant integer index: x [n, d...] and ids [k...] give [k..., d...]
 * (NumPy's take along axis 0, PyTorch's index_select and embedding lookup). A primitive because
 * embeddings pick thousands of rows per step, which {@link GatherRule} does element by element; its
 * VJP adds each gradient row back onto the row it came from ({@link PutRowsRule}, its transpose), so a
 * row picked twice gets both.
 */
final class TakeRowsRule implements Rule {
  private final NDArray ids;

  TakeRowsRule(NDArray ids) {
    this.ids = ids;
  }

  public String name() { return "takeRows"; }
  public NDArray forward(NDArray... in) { return in[0].take(ids, 0); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new PutRowsRule(in[0].shape(), ids), g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }

  /** The rows as flat indices, checked against {@code rows}. */
  static int[] rowIndices(NDArray ids, int rows) {
    long[] values = ids.toLongArray();
    int[] picks = new int[values.length];
    for (int k = 0; k < values.length; k++) {
      if (values[k] < 0 || values[k] >= rows) {
        throw new IndexOutOfBoundsException("takeRows: id " + values[k] + " at flat position " + k + " is outside [0, " + rows + ")");
      }
      picks[k] = (int) values[k];
    }
    return picks;
  }

  static Shape rowShape(Shape shape) {
    return Shape.of(java.util.Arrays.copyOfRange(shape.dims(), 1, shape.rank()));
  }
}
