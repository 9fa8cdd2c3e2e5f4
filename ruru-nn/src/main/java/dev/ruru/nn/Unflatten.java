package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;
import java.util.Arrays;

/**
 * Splits one axis into several, {@code torch.nn.Unflatten(axis, sizes)}, the inverse of
 * {@link Flatten}: e.g. a CNN's first layer turns greyscale images {@code [n, 28, 28]} into the
 * {@code [n, 1, 28, 28]} its convolutions take. No parameters; a view of contiguous inputs.
 *
 * <pre>{@code
 * Tensor y = new Unflatten(1, 1, 28).forward(x);     // x [64, 28, 28] -> y [64, 1, 28, 28]
 * }</pre>
 */
public final class Unflatten implements Layer {
  private final int axis;
  private final int[] sizes;

  /** Splits {@code axis} into {@code sizes}, whose product must be that axis's length. */
  public Unflatten(int axis, int... sizes) {
    if (axis < 0 || sizes.length == 0 || Arrays.stream(sizes).anyMatch(size -> size < 1)) {
      throw new IllegalArgumentException("Unflatten: expected a non-negative axis and positive sizes, got axis " + axis + ", sizes "
          + Arrays.toString(sizes));
    }
    this.axis = axis;
    this.sizes = sizes.clone();
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int[] dims = input.shape().dims();
    int product = Arrays.stream(sizes).reduce(1, Math::multiplyExact);
    if (axis >= dims.length || dims[axis] != product) {
      throw new IllegalArgumentException(this + ": expected input with axis " + axis + " of length " + product + ", got "
          + input.shape());
    }
    int[] shape = new int[dims.length - 1 + sizes.length];
    System.arraycopy(dims, 0, shape, 0, axis);
    System.arraycopy(sizes, 0, shape, axis, sizes.length);
    System.arraycopy(dims, axis + 1, shape, axis + sizes.length, dims.length - axis - 1);
    return input.reshape(shape);
  }

  public int axis() { return axis; }
  /** The extents the axis is split into (a copy). */
  public int[] sizes() { return sizes.clone(); }

  @Override
  public String toString() {
    return "Unflatten(" + axis + ", " + Arrays.toString(sizes) + ")";
  }
}
