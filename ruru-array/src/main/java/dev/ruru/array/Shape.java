package dev.ruru.array;

import java.util.Arrays;

/**
 * The extent of an array along each axis; {@code Shape.of()} is a scalar (rank 0, one element).
 * Immutable: the dimensions are copied in and out.
 */
public record Shape(int[] dims) {
  public Shape {
    dims = dims.clone();
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException("negative dimension " + dims[i] + " at axis " + i + " in " + Arrays.toString(dims));
      }
    }
    Check.size(dims);
  }

  public static Shape of(int... dims) {
    return new Shape(dims);
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  public int rank() {
    return dims.length;
  }

  /** Extent of axis {@code axis}; negative axes count from the end as in NumPy. */
  public int dim(int axis) {
    return dims[Check.axis("shape", axis, dims.length)];
  }

  /** Number of elements: the product of the dimensions (1 for a scalar). */
  public int size() {
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    return size;
  }

  /** NumPy's broadcast of two shapes; the error names {@code op} and the first clashing dimension. */
  public static Shape broadcast(String op, Shape a, Shape b) {
    return new Shape(Layout.broadcastShapes(op, a.dims, b.dims));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code [2, 3]}, as the error messages print shapes. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
