package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;

/**
 * The fixed positional encoding of Vaswani et al. (2017), added to x [B, T, dim] (or [T, dim]):
 * PE[pos, 2i] = sin(pos / 10000^(2i/dim)) and PE[pos, 2i+1] = cos(pos / 10000^(2i/dim)). The table is
 * computed once in float64 and is a constant, neither trained nor saved in the state dictionary (it is
 * a function of dim and maxLen alone); it is added in the input's dtype.
 *
 * <pre>{@code
 * Layer encode = new Sequential(new SinusoidalPositionalEncoding(64, 512), new Dropout(0.1, rng));
 * }</pre>
 */
public final class SinusoidalPositionalEncoding implements Layer {
  private final int dim;
  private final int maxLen;
  private final NDArray table;

  public SinusoidalPositionalEncoding(int dim, int maxLen) {
    if (dim < 1 || maxLen < 1) {
      throw new IllegalArgumentException("SinusoidalPositionalEncoding: dim and maxLen must be positive, got " + dim + " and " + maxLen);
    }
    this.dim = dim;
    this.maxLen = maxLen;
    this.table = table(dim, maxLen);
  }

  private static NDArray table(int dim, int maxLen) {
    double[] values = new double[maxLen * dim];
    for (int position = 0; position < maxLen; position++) {
      for (int j = 0; j < dim; j++) {
        double angle = position / Math.pow(10000, (double) (j - j % 2) / dim);
        values[position * dim + j] = j % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
      }
    }
    return NDArray.wrap(values, maxLen, dim);
  }

  /** x + PE[0:T] for x [..., T, dim]; inputs are not modified. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int length = checkInput(toString(), input, dim, maxLen);
    DType dtype = input.dtype().isFloating() ? input.dtype() : DType.FLOAT32;
    return input.add(Tensor.constant(table.slice(0, 0, length, 1).astype(dtype)));
  }

  /** The encodings of positions 0..maxLen−1, [maxLen, dim] float64. */
  public NDArray table() {
    return table;
  }

  /** The sequence length T of x [..., T, dim], checked against {@code maxLen}. */
  static int checkInput(String layer, Tensor x, int dim, int maxLen) {
    Shape shape = x.shape();
    if (x.rank() < 2 || shape.dim(x.rank() - 1) != dim) {
      throw new ShapeMismatchException(layer + ": expected input [batch, length, " + dim + "], got " + shape);
    }
    int length = shape.dim(x.rank() - 2);
    if (length > maxLen) {
      throw new IllegalArgumentException(layer + ": the sequence has " + length + " positions but maxLen is " + maxLen
          + "; build the encoding with a larger maxLen or cut the sequence");
    }
    return length;
  }

  @Override
  public String toString() {
    return "SinusoidalPositionalEncoding(dim=" + dim + ", maxLen=" + maxLen + ")";
  }
}
