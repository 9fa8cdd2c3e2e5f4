package dev.ruru.array;

/**
 * The elementwise binary operations, each with its own loops over float32, float64 and integer rows.
 * Rows come from {@link StridedLoop}: {@code a}, {@code b} and the output {@code o} start at their
 * offsets and step by their strides; the unit-stride and scalar-operand cases are written out so the
 * JIT vectorises them. Integer arithmetic wraps around on overflow, as NumPy's does.
 */
enum BinaryOp {
  ADD("add") {
    @Override
    void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] + b[bo + i * bs];
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] + b[bo + i * bs];
        }
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
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] - b[bo + i * bs];
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] - b[bo + i * bs];
        }
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
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] * b[bo + i * bs];
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] * b[bo + i * bs];
        }
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
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] / b[bo + i * bs];
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / b[bo + i];
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / y;
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = a[ao + i * as] / b[bo + i * bs];
        }
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
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = (float) Math.pow(a[ao + i], b[bo + i]);
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = (float) Math.pow(a[ao + i], y);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.pow(a[ao + i], b[bo + i]);
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.pow(a[ao + i], y);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = Math.pow(a[ao + i * as], b[bo + i * bs]);
        }
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
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i], y);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i], y);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]);
        }
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
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        float y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i], y);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }

    @Override
    void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
      if (os == 1 && as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
      } else if (os == 1 && as == 1 && bs == 0) {
        double y = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i], y);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }

    @Override
    long apply(long a, long b) {
      return Math.min(a, b);
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

  abstract void apply(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n);

  abstract void apply(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n);

  /** One integer element (int32 and int64 both go through here; the rows are not hot). */
  abstract long apply(long a, long b);
}
