package dev.ruru.array;

/**
 * The elementwise functions of one argument. Most transcendental functions run one virtual call per
 * element. The ones training calls every step (exp, log, sqrt: a VAE's variance, Adam's denominator)
 * and the cheap ones (neg, abs, relu) have their own contiguous float loops that call the function
 * directly: a profiled VAE step spent a sixth of its time in Adam's sqrt through the virtual call. The
 * JIT vectorises such loops (sqrt and the cheap ones) only when input and output share one index
 * (see {@link BinaryOp}). float32 tanh is {@link FloatTanh}'s. Functions that keep integers integral (neg, abs,
 * sign, relu) keep integer dtypes; the others turn integers into float64, as NumPy does.
 */
enum UnaryOp {
  NEG(true) {
    @Override
    double apply(double x) {
      return -x;
    }

    @Override
    long apply(long x) {
      return -x;
    }

    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1 && io == oo) {
        for (int k = oo; k < oo + n; k++) {
          out[k] = -in[k];
        }
      } else if (is == 1 && os == 1) {
        for (int i = 0; i < n; i++) {
          out[oo + i] = -in[io + i];
        }
      } else {
        super.apply(in, io, is, out, oo, os, n);
      }
    }
  },
  ABS(true) {
    @Override
    double apply(double x) {
      return Math.abs(x);
    }

    /** The most negative value stays itself, as NumPy's wrap-around gives. */
    @Override
    long apply(long x) {
      return Math.abs(x);
    }

    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1 && io == oo) {
        for (int k = oo; k < oo + n; k++) {
          out[k] = Math.abs(in[k]);
        }
      } else if (is == 1 && os == 1) {
        for (int i = 0; i < n; i++) {
          out[oo + i] = Math.abs(in[io + i]);
        }
      } else {
        super.apply(in, io, is, out, oo, os, n);
      }
    }
  },
  SIGN(true) {
    @Override
    double apply(double x) {
      return Math.signum(x);
    }

    @Override
    long apply(long x) {
      return Long.signum(x);
    }
  },
  EXP(false) {
    @Override
    double apply(double x) {
      return Math.exp(x);
    }

    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1) {
        for (int i = 0; i < n; i++) {
          out[oo + i] = (float) Math.exp(in[io + i]);
        }
      } else {
        super.apply(in, io, is, out, oo, os, n);
      }
    }
  },
  LOG(false) {
    @Override
    double apply(double x) {
      return Math.log(x);
    }

    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1) {
        for (int i = 0; i < n; i++) {
          out[oo + i] = (float) Math.log(in[io + i]);
        }
      } else {
        super.apply(in, io, is, out, oo, os, n);
      }
    }
  },
  SQRT(false) {
    @Override
    double apply(double x) {
      return Math.sqrt(x);
    }

    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1) {
        for (int i = 0; i < n; i++) {
          out[oo + i] = (float) Math.sqrt(in[io + i]);
        }
      } else {
        super.apply(in, io, is, out, oo, os, n);
      }
    }
  },
  SIN(false) {
    @Override
    double apply(double x) {
      return Math.sin(x);
    }
  },
  COS(false) {
    @Override
    double apply(double x) {
      return Math.cos(x);
    }
  },
  TANH(false) {
    @Override
    double apply(double x) {
      return Math.tanh(x);
    }

    /** float32 through {@link FloatTanh} (vectorized, within 3 ulps of Math.tanh): the time of recurrent and gated training. */
    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1) {
        FloatTanh.tanh(in, io, out, oo, n);
      } else {
        for (int i = 0; i < n; i++) {
          out[oo + i * os] = FloatTanh.tanh(in[io + i * is]);
        }
      }
    }
  },
  SIGMOID(false) {
    /** For x ≪ 0, exp(−x) overflows to ∞ and the result is exactly 0, which is the right limit. */
    @Override
    double apply(double x) {
      return 1 / (1 + Math.exp(-x));
    }
  },
  RELU(true) {
    /** max(x, 0); Math.max keeps NaN as NaN, like NumPy's maximum. */
    @Override
    double apply(double x) {
      return Math.max(x, 0);
    }

    @Override
    long apply(long x) {
      return Math.max(x, 0);
    }

    @Override
    void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
      if (is == 1 && os == 1 && io == oo) {
        for (int k = oo; k < oo + n; k++) {
          out[k] = Math.max(in[k], 0f);
        }
      } else if (is == 1 && os == 1) {
        for (int i = 0; i < n; i++) {
          out[oo + i] = Math.max(in[io + i], 0f);
        }
      } else {
        super.apply(in, io, is, out, oo, os, n);
      }
    }
  };

  private final boolean keepsIntegers;

  UnaryOp(boolean keepsIntegers) {
    this.keepsIntegers = keepsIntegers;
  }

  /** The result dtype for an input dtype. */
  DType resultType(DType input) {
    if (input == DType.BOOL) {
      return keepsIntegers ? DType.INT64 : DType.FLOAT64;
    }
    return keepsIntegers ? input : input.floatingResult();
  }

  abstract double apply(double x);

  void apply(float[] in, int io, int is, float[] out, int oo, int os, int n) {
    for (int i = 0; i < n; i++) {
      out[oo + i * os] = (float) apply(in[io + i * is]);
    }
  }

  void apply(double[] in, int io, int is, double[] out, int oo, int os, int n) {
    for (int i = 0; i < n; i++) {
      out[oo + i * os] = apply(in[io + i * is]);
    }
  }

  /**
   * One integer element, for the functions that keep integers (int32 rows wrap on the way back, as
   * NumPy's do). Each computes in long arithmetic: through a double, int64 values beyond 2^53 would
   * come back rounded.
   */
  long apply(long x) {
    throw new IllegalStateException(this + " runs in floating point");
  }
}
