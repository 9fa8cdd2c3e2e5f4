package dev.ruru.array;

/**
 * The elementwise binary operations, each with its own loops over float32, float64 and integer rows.
 * Rows come from {@link StridedLoop}: {@code a}, {@code b} and the output {@code o} start at their
 * offsets and step by their strides. Each operation writes out a loop per kind of {@link Row}, because
 * HotSpot vectorises a loop only when it can prove the arrays do not overlap in a way that matters:
 * with one index {@code k} for all three (same offsets, the common case of operands of one shape and a
 * fresh result) it can, even when they are one array; with different offsets it cannot, and runs the
 * loop scalar (4–8× slower on arrays that fit in cache). Integer arithmetic wraps around on overflow,
 * as NumPy's does.
 */
enum BinaryOp {
  ADD("add") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] + b[k]; }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] + y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] + b[bo + i]; }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] + y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] + b[bo + i * bs]; }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] + b[k]; }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] + y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] + b[bo + i]; }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] + y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] + b[bo + i * bs]; }
      }
    }

    @Override
    long apply(long a, long b) {
      return a + b;
    }
  },

  SUB("sub") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] - b[k]; }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] - y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] - b[bo + i]; }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] - y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] - b[bo + i * bs]; }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] - b[k]; }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] - y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] - b[bo + i]; }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] - y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] - b[bo + i * bs]; }
      }
    }

    @Override
    long apply(long a, long b) {
      return a - b;
    }
  },

  MUL("mul") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] * b[k]; }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] * y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * b[bo + i]; }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] * b[bo + i * bs]; }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] * b[k]; }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] * y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * b[bo + i]; }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] * b[bo + i * bs]; }
      }
    }

    @Override
    long apply(long a, long b) {
      return a * b;
    }
  },

  DIV("div") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] / b[k]; }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] / y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] / b[bo + i]; }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] / y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] / b[bo + i * bs]; }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] / b[k]; }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] / y; }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] / b[bo + i]; }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] / y; }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] / b[bo + i * bs]; }
      }
    }

    @Override
    long apply(long a, long b) {
      throw new IllegalStateException("div runs in floating point");
    }
  },

  POW("pow") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = (float) Math.pow(a[k], b[k]); }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = (float) Math.pow(a[k], y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = (float) Math.pow(a[ao + i], b[bo + i]); }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = (float) Math.pow(a[ao + i], y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]); }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = Math.pow(a[k], b[k]); }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = Math.pow(a[k], y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = Math.pow(a[ao + i], b[bo + i]); }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = Math.pow(a[ao + i], y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = Math.pow(a[ao + i * as], b[bo + i * bs]); }
      }
    }

    @Override
    long apply(long a, long b) {
      if (b < 0) {
        throw new IllegalArgumentException("pow: integers to negative integer powers are not allowed (exponent " + b + ")");
      }
      long result = 1;
      for (long i = 0; i < b; i++) {
        result *= a;
      }
      return result;
    }
  },

  MAXIMUM("maximum") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = Math.max(a[k], b[k]); }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = Math.max(a[k], y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = Math.max(a[ao + i], b[bo + i]); }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = Math.max(a[ao + i], y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]); }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = Math.max(a[k], b[k]); }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = Math.max(a[k], y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = Math.max(a[ao + i], b[bo + i]); }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = Math.max(a[ao + i], y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]); }
      }
    }

    @Override
    long apply(long a, long b) {
      return Math.max(a, b);
    }
  },

  MINIMUM("minimum") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = Math.min(a[k], b[k]); }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = Math.min(a[k], y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = Math.min(a[ao + i], b[bo + i]); }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = Math.min(a[ao + i], y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]); }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = Math.min(a[k], b[k]); }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = Math.min(a[k], y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = Math.min(a[ao + i], b[bo + i]); }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = Math.min(a[ao + i], y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]); }
      }
    }

    @Override
    long apply(long a, long b) {
      return Math.min(a, b);
    }
  },

  /**
   * a·H(b) with H the Heaviside step, H(b) = 1 for b > 0 and 0 for b ≤ 0 (NumPy's
   * {@code a * np.heaviside(b, 0)}): the derivative of relu applied to a gradient. The floating loops
   * compute H(b) with min, max and products ({@link #step(float)}), not with a comparison: HotSpot
   * turns {@code b > 0 ? a : 0} (and Math.signum) into a branch, which mispredicts on the random signs
   * of activations (7–9 ns an element against under 1 here). So NaN in b gives NaN, and ±∞ or NaN in
   * a meets H(b) = 0 as NaN, exactly as NumPy's composite does.
   */
  MUL_HEAVISIDE("mulHeaviside") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] * step(b[k]); }
        case SAME_SCALAR -> { float y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] * step(y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * step(b[bo + i]); }
        case UNIT_SCALAR -> { float y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * step(y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] * step(b[bo + i * bs]); }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      switch (Row.of(ao, as, bo, bs, oo, os)) {
        case SAME -> { for (int k = oo; k < oo + n; k++) o[k] = a[k] * step(b[k]); }
        case SAME_SCALAR -> { double y = b[bo]; for (int k = oo; k < oo + n; k++) o[k] = a[k] * step(y); }
        case UNIT -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * step(b[bo + i]); }
        case UNIT_SCALAR -> { double y = b[bo]; for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * step(y); }
        default -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] * step(b[bo + i * bs]); }
      }
    }

    @Override
    long apply(long a, long b) {
      return b > 0 ? a : 0;
    }

    /**
     * H(b) without a branch: max(b, 0) is 0 for b ≤ 0 (−0 included) and at least 2⁻¹⁴⁹ above, which
     * two factors of 2¹²⁶ lift to at least 1 (∞ stays ∞), and min(1, ·) clips; NaN stays NaN.
     */
    private static float step(float b) {
      return Math.min(1f, Math.max(b, 0f) * 0x1p126f * 0x1p126f);
    }

    /** {@link #step(float)} in float64: 2⁻¹⁰⁷⁴ · 2¹⁰²³ · 2¹⁰²³ ≥ 1. */
    private static double step(double b) {
      return Math.min(1.0, Math.max(b, 0.0) * 0x1p1023 * 0x1p1023);
    }
  };

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operation's name in error messages. */
  String symbol() {
    return symbol;
  }

  /** The dtype the operation computes in, from the promoted operand dtype: division is always floating. */
  DType computeType(DType promoted) {
    if (this == DIV) {
      return promoted.floatingResult();
    }
    return promoted == DType.BOOL ? DType.INT64 : promoted;
  }

  /** How a row's operands lie, from the cheapest loop to the most general one. */
  enum Row {
    /** Unit strides and one offset for all three: one index, vectorised. */
    SAME,
    /** b is one value (stride 0); a and o are unit-stride at one offset: vectorised. */
    SAME_SCALAR,
    /** Unit strides at different offsets. */
    UNIT,
    /** b is one value; a and o are unit-stride at different offsets. */
    UNIT_SCALAR,
    /** Anything else. */
    STRIDED;

    static Row of(int ao, int as, int bo, int bs, int oo, int os) {
      if (os != 1 || as != 1 || (bs != 0 && bs != 1)) {
        return STRIDED;
      }
      if (bs == 0) {
        return ao == oo ? SAME_SCALAR : UNIT_SCALAR;
      }
      return ao == oo && bo == oo ? SAME : UNIT;
    }
  }

  abstract void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n);

  abstract void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n);

  /** One integer element (int32 and int64 both go through here; the rows are not hot). */
  abstract long apply(long a, long b);
}
