package dev.ruru.array;

/**
 * The element type of an {@link NDArray}, with NumPy's promotion rules for mixed operands.
 *
 * <p>float32 is the default (what networks train in); float64 is for precise work and gradient checks;
 * the integer types hold labels and indices; bool holds masks made by comparisons.
 */
public enum DType {
  BOOL("bool", 1),
  INT32("int32", 4),
  INT64("int64", 8),
  FLOAT32("float32", 4),
  FLOAT64("float64", 8);

  private final String numpyName;
  private final int itemSize;

  DType(String numpyName, int itemSize) {
    this.numpyName = numpyName;
    this.itemSize = itemSize;
  }

  /** NumPy's name for this type: {@code "float32"}, {@code "int64"}, ... */
  public String numpyName() {
    return numpyName;
  }

  /** Bytes per element. */
  public int itemSize() {
    return itemSize;
  }

  public boolean isFloating() {
    return this == FLOAT32 || this == FLOAT64;
  }

  public boolean isInteger() {
    return this == INT32 || this == INT64;
  }

  /**
   * The type NumPy gives {@code a op b}: the smallest type that holds both exactly, as
   * {@code np.result_type} does for arrays. Mixing a 32- or 64-bit integer with float32 gives float64,
   * because float32 cannot hold every int32.
   */
  public static DType promote(DType a, DType b) {
    if (a == b) {
      return a;
    }
    if (a == BOOL) {
      return b;
    }
    if (b == BOOL) {
      return a;
    }
    if (a.isFloating() && b.isFloating()) {
      return FLOAT64;
    }
    if (a.isInteger() && b.isInteger()) {
      return INT64;
    }
    DType floating = a.isFloating() ? a : b;
    return floating == FLOAT32 ? FLOAT64 : floating;
  }

  /**
   * The type of {@code array op scalar} where the scalar is a Java literal: as in NumPy 2 (NEP 50), the
   * scalar is "weak" and takes the array's type, unless a float meets an integer array, which gives
   * float64.
   */
  public static DType promoteWithScalar(DType array, boolean scalarIsFloating) {
    if (scalarIsFloating && !array.isFloating()) {
      return FLOAT64;
    }
    return array == BOOL ? INT64 : array;
  }

  /** The type a floating-point function (exp, log, ...) returns for this input: ints become float64. */
  public DType floatingResult() {
    return isFloating() ? this : FLOAT64;
  }

  /** Parses a NumPy name such as {@code "float32"}. */
  public static DType fromNumpyName(String name) {
    for (DType type : values()) {
      if (type.numpyName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown dtype '" + name + "'; expected one of bool, int32, int64, float32, float64");
  }

  @Override
  public String toString() {
    return numpyName;
  }
}
