package dev.ruru.array;

/**
 * Reductions of a contiguous run of elements to one value. Floating sums use eight independent
 * accumulators in blocks: the JIT may not reorder float additions, so one accumulator would run at the
 * latency of an add; eight run at its throughput and also lose less precision.
 */
enum Reduction {
  SUM("sum", 0),
  PROD("prod", 1),
  MAX("max", Double.NEGATIVE_INFINITY),
  MIN("min", Double.POSITIVE_INFINITY);

  private static final int BLOCK = 1024;

  private final String symbol;
  private final double identity;

  Reduction(String symbol, double identity) {
    this.symbol = symbol;
    this.identity = identity;
  }

  String symbol() {
    return symbol;
  }

  /** Whether an empty reduction has a value (sum 0, prod 1) or is an error (max, min). */
  boolean hasIdentity() {
    return this == SUM || this == PROD;
  }

  double identity() {
    return identity;
  }

  /** The result dtype: sums and products of integers and bools are int64; max/min keep the dtype. */
  DType resultType(DType input) {
    if ((this == SUM || this == PROD) && !input.isFloating()) {
      return DType.INT64;
    }
    return input;
  }

  double reduce(float[] x, int from, int n) {
    return switch (this) {
      case SUM -> sum(x, from, n);
      case PROD -> {
        double p = 1;
        for (int i = 0; i < n; i++) {
          p *= x[from + i];
        }
        yield (float) p;
      }
      case MAX -> {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          m = Math.max(m, x[from + i]);
        }
        yield m;
      }
      case MIN -> {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          m = Math.min(m, x[from + i]);
        }
        yield m;
      }
    };
  }

  double reduce(double[] x, int from, int n) {
    double r = identity;
    switch (this) {
      case SUM -> r = sum(x, from, n);
      case PROD -> {
        for (int i = 0; i < n; i++) {
          r *= x[from + i];
        }
      }
      case MAX -> {
        for (int i = 0; i < n; i++) {
          r = Math.max(r, x[from + i]);
        }
      }
      case MIN -> {
        for (int i = 0; i < n; i++) {
          r = Math.min(r, x[from + i]);
        }
      }
    }
    return r;
  }

  /** Integer runs (int32, int64 and bool storage), exact in long arithmetic. */
  long reduceLong(Object data, int from, int n) {
    long r = this == SUM ? 0 : this == PROD ? 1 : this == MAX ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long v = Storage.getLong(data, from + i);
      r = switch (this) {
        case SUM -> r + v;
        case PROD -> r * v;
        case MAX -> Math.max(r, v);
        case MIN -> Math.min(r, v);
      };
    }
    return r;
  }

  /** Combines two partial results (of adjacent chunks, in order). */
  double combine(double a, double b) {
    return switch (this) {
      case SUM -> a + b;
      case PROD -> a * b;
      case MAX -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
      case MIN -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
    };
  }

  private static double sum(float[] x, int from, int n) {
    double total = 0;
    for (int block = 0; block < n; block += BLOCK) {
      int end = from + Math.min(n, block + BLOCK);
      int i = from + block;
      float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (; i + 8 <= end; i += 8) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
        s4 += x[i + 4];
        s5 += x[i + 5];
        s6 += x[i + 6];
        s7 += x[i + 7];
      }
      for (; i < end; i++) {
        s0 += x[i];
      }
      total += (double) ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
    return total;
  }

  private static double sum(double[] x, int from, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = from;
    int end = from + n;
    for (; i + 4 <= end; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < end; i++) {
      s0 += x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
