package dev.ruru.array;

/**
 * Runs elementwise operations over broadcast operands: promotes dtypes, allocates the output and
 * drives the per-dtype row loops of {@link BinaryOp}, {@link UnaryOp} and {@link Comparison} through
 * {@link StridedLoop}. Inputs are never modified, except by the {@code inPlace}/{@code into} entry
 * points, whose target is named.
 */
final class Elementwise {
  private Elementwise() {}

  static NDArray binary(BinaryOp op, NDArray a, NDArray b) {
    if (a.dtype == DType.BOOL && b.dtype == DType.BOOL) {
      return logical(op, a, b);
    }
    DType type = op.computeType(DType.promote(a.dtype, b.dtype));
    NDArray out = NDArray.fresh(type, Layout.broadcastShapes(op.symbol(), a.shape, b.shape));
    run(op, a.astype(type), b.astype(type), out);
    return out;
  }

  /**
   * NumPy keeps bool for bool ⊕ bool where the result is still a truth value: + and maximum are "or",
   * · and minimum are "and"; the others compute on 0/1 integers.
   */
  private static NDArray logical(BinaryOp op, NDArray a, NDArray b) {
    NDArray result = binary(op, a.astype(DType.INT64), b.astype(DType.INT64));
    return switch (op) {
      case ADD, MUL, MUL_HEAVISIDE, MAXIMUM, MINIMUM -> result.astype(DType.BOOL);
      default -> result;
    };
  }

  /** A Java scalar is "weak" as in NumPy 2: it takes the array's dtype unless a fraction meets integers. */
  static NDArray binary(BinaryOp op, NDArray a, double scalar) {
    return binary(op, a, NDArray.scalar(scalar, scalarType(a, scalar)));
  }

  private static DType scalarType(NDArray a, double scalar) {
    return DType.promoteWithScalar(a.dtype, scalar != Math.rint(scalar) || !Double.isFinite(scalar));
  }

  /**
   * {@code target = target op other}, with other broadcast to the target's shape. As in NumPy, the
   * operation runs in the promoted dtype and the result is rounded once into the target: float32 +=
   * float64 adds in float64, where casting the operand to float32 first would round twice.
   */
  static NDArray inPlace(BinaryOp op, NDArray target, NDArray other) {
    String name = op.symbol() + "InPlace";
    checkWritable(name, target);
    DType computed = checkCast(name, op, DType.promote(target.dtype, other.dtype), target.dtype);
    Layout.broadcastStrides(name, other.shape, other.strides, target.shape);   // the target cannot grow
    if (computed != target.dtype) {
      copyInto(binary(op, target, other), target);
      return target;
    }
    run(op, target, readAsBefore(name, other.astype(target.dtype), target), target);
    return target;
  }

  /**
   * {@code source} as an update of {@code target} must read it: as it is before any element of the
   * target is written, as NumPy guarantees. A source that shares memory with the target other than
   * element for element ({@code x[1:] -= x[:-1]}, {@code a += a.T}, {@code x += x[0]}) is copied first,
   * or the update would read elements it has already changed; any other (an optimiser's gradient,
   * {@code x += x}) is the source itself, with no copy and no allocation. Callers broadcast the result.
   */
  static NDArray readAsBefore(String name, NDArray source, NDArray target) {
    if (!Layout.mayOverlap(source, target)) {
      return source;
    }
    int[] strides = Layout.broadcastStrides(name, source.shape, source.strides, target.shape);
    return Layout.sameElements(target.shape, strides, source.offset, target.strides, target.offset) ? source : source.copy();
  }

  /**
   * {@code target = target + alpha·other} (BLAS's axpy), other broadcast to the target's shape: one pass
   * and no temporary array for an optimiser's step, which would otherwise make a fresh array the size of
   * the parameter. Each element is {@code t + (α·o)} rounded twice, as {@code other.mul(alpha)} added to
   * the target would be, so the two forms give the same bits.
   */
  static NDArray addScaledInPlace(NDArray target, NDArray other, double alpha) {
    String name = "addScaledInPlace";
    checkWritable(name, target);
    if (!target.dtype.isFloating()) {
      throw new IllegalArgumentException(name + ": expected a float32 or float64 array to update, got " + target.dtype);
    }
    if (other.dtype != target.dtype) {
      // NumPy's t += α·o: α·o in o's own dtype, then added in the wider of the two and rounded once.
      Layout.broadcastStrides(name, other.shape, other.strides, target.shape);
      return inPlace(BinaryOp.ADD, target, other.mul(alpha));
    }
    Layout.broadcastStrides(name, other.shape, other.strides, target.shape);
    NDArray source = readAsBefore(name, other, target);
    StridedLoop loop = loop(target, source);
    int ts = loop.innerStride(0);
    int ss = loop.innerStride(1);
    if (target.data instanceof float[] t) {
      float[] y = (float[]) source.data;
      float a = (float) alpha;
      loop.run((at, n) -> {
        if (ts == 1 && ss == 1 && at[0] == at[1]) {
          // One index for both arrays, so that HotSpot vectorises the loop (see Realigned).
          for (int k = at[0]; k < at[0] + n; k++) t[k] += a * y[k];
        } else {
          for (int i = 0; i < n; i++) t[at[0] + i * ts] += a * y[at[1] + i * ss];
        }
      });
    } else {
      double[] t = (double[]) target.data;
      double[] y = (double[]) source.data;
      loop.run((at, n) -> {
        if (ts == 1 && ss == 1 && at[0] == at[1]) {
          for (int k = at[0]; k < at[0] + n; k++) t[k] += alpha * y[k];
        } else {
          for (int i = 0; i < n; i++) t[at[0] + i * ts] += alpha * y[at[1] + i * ss];
        }
      });
    }
    return target;
  }

  static NDArray inPlace(BinaryOp op, NDArray target, double scalar) {
    return inPlace(op, target, NDArray.scalar(scalar, scalarType(target, scalar)));
  }

  /** {@code out = a op b}, written into an existing array of exactly the broadcast shape. */
  static NDArray into(BinaryOp op, NDArray a, NDArray b, NDArray out) {
    String name = op.symbol() + "InPlace";
    checkWritable(name, out);
    int[] shape = Layout.broadcastShapes(name, a.shape, b.shape);
    if (!java.util.Arrays.equals(shape, out.shape)) {
      throw new ShapeMismatchException(name + ": the result has shape " + java.util.Arrays.toString(shape)
          + " but the output array has shape " + java.util.Arrays.toString(out.shape));
    }
    if (checkCast(name, op, DType.promote(a.dtype, b.dtype), out.dtype) != out.dtype) {
      copyInto(binary(op, a, b), out);   // computed in the operands' dtype and rounded once, as NumPy does
      return out;
    }
    run(op, readAsBefore(name, a.astype(out.dtype), out), readAsBefore(name, b.astype(out.dtype), out), out);
    return out;
  }

  /**
   * NumPy's "same_kind" casting for outputs: a floating result cannot be stored in an integer array.
   * Returns the dtype the operation computes in.
   */
  private static DType checkCast(String name, BinaryOp op, DType result, DType target) {
    DType computed = op.computeType(result);
    if (computed.isFloating() && !target.isFloating()) {
      throw new IllegalArgumentException(name + ": cannot store a " + computed + " result in a " + target + " array");
    }
    return computed;
  }

  /** Refuses to write through views where several indices share one element (broadcast, stride 0). */
  static NDArray checkWritable(String op, NDArray target) {
    for (int i = 0; i < target.shape.length; i++) {
      if (target.strides[i] == 0 && target.shape[i] > 1) {
        throw new IllegalArgumentException(op + ": cannot write into a broadcast view (axis " + i + " of shape "
            + java.util.Arrays.toString(target.shape) + " has stride 0); make a copy first");
      }
    }
    return target;
  }

  private static void run(BinaryOp op, NDArray a, NDArray b, NDArray out) {
    StridedLoop loop = loop(out, a, b);
    int os = loop.innerStride(0);
    int as = loop.innerStride(1);
    int bs = loop.innerStride(2);
    boolean distinct = out.data != a.data && out.data != b.data;
    switch (out.data) {
      case float[] o -> {
        float[] x = (float[]) a.data;
        float[] y = (float[]) b.data;
        loop.run((at, n) -> {
          switch (distinct ? Realigned.of(x, at[1], as, y, at[2], bs, o, at[0], os, n) : Realigned.NO) {
            case A_IN_OUTPUT -> op.apply(o, at[0], 1, y, at[2], bs, o, at[0], 1, n);
            case B_IN_OUTPUT -> op.apply(x, at[1], 1, o, at[0], 1, o, at[0], 1, n);
            case NO -> op.apply(x, at[1], as, y, at[2], bs, o, at[0], os, n);
          }
        });
      }
      case double[] o -> {
        double[] x = (double[]) a.data;
        double[] y = (double[]) b.data;
        loop.run((at, n) -> {
          switch (distinct ? Realigned.of(x, at[1], as, y, at[2], bs, o, at[0], os, n) : Realigned.NO) {
            case A_IN_OUTPUT -> op.apply(o, at[0], 1, y, at[2], bs, o, at[0], 1, n);
            case B_IN_OUTPUT -> op.apply(x, at[1], 1, o, at[0], 1, o, at[0], 1, n);
            case NO -> op.apply(x, at[1], as, y, at[2], bs, o, at[0], os, n);
          }
        });
      }
      default -> loop.run((at, n) -> {
        for (int i = 0; i < n; i++) {
          long value = op.apply(Storage.getLong(a.data, at[1] + i * as), Storage.getLong(b.data, at[2] + i * bs));
          Storage.setLong(out.data, at[0] + i * os, value);
        }
      });
    }
  }

  /**
   * Moves a row operand into the output row so that the operation's one-index loop applies
   * ({@link BinaryOp.Row#SAME}): HotSpot (as of JDK 25) vectorises {@code o[k] = a[k] ⊕ b[k]} but runs
   * {@code o[oo + i] = a[ao + i] ⊕ b[bo + i]} scalar, since it cannot prove that the arrays do not
   * overlap. A broadcast row (a bias, NumPy's {@code X + v}) lies at another offset than the output in
   * every row but the first. When the output is a different array from both operands, copying the
   * misaligned operand's row into the output row (an intrinsic, vectorised copy of a row that stays in
   * cache) and then computing {@code o[k] = a[k] ⊕ o[k]} in place reads and writes memory no more than
   * the scalar loop and runs faster ((4096×4096) + (4096,) into an existing array, one thread: 13.7 →
   * 21–29 GB/s). Short rows are left alone: the copy would cost more than it
   * saves.
   */
  private enum Realigned {
    NO, A_IN_OUTPUT, B_IN_OUTPUT;

    private static final int MIN_LENGTH = 32;

    /** Copies the row when it pays and says which operand the output row now holds. */
    static Realigned of(Object a, int ao, int as, Object b, int bo, int bs, Object o, int oo, int os, int n) {
      if (n < MIN_LENGTH || os != 1 || as != 1) {
        return NO;
      }
      if (bs == 1 && ao == oo && bo != oo) {
        System.arraycopy(b, bo, o, oo, n);
        return B_IN_OUTPUT;
      }
      if ((bs == 0 || bo == oo) && ao != oo) {
        System.arraycopy(a, ao, o, oo, n);
        return A_IN_OUTPUT;
      }
      return NO;
    }
  }

  static NDArray unary(UnaryOp op, NDArray a) {
    DType type = op.resultType(a.dtype);
    NDArray input = a.astype(type);
    NDArray out = NDArray.fresh(type, a.shape);
    StridedLoop loop = loop(out, input);
    int os = loop.innerStride(0);
    int is = loop.innerStride(1);
    switch (out.data) {
      case float[] o -> {
        float[] x = (float[]) input.data;
        loop.run((at, n) -> op.apply(x, at[1], is, o, at[0], os, n));
      }
      case double[] o -> {
        double[] x = (double[]) input.data;
        loop.run((at, n) -> op.apply(x, at[1], is, o, at[0], os, n));
      }
      default -> loop.run((at, n) -> {
        for (int i = 0; i < n; i++) {
          Storage.setLong(out.data, at[0] + i * os, op.apply(Storage.getLong(input.data, at[1] + i * is)));
        }
      });
    }
    return out;
  }

  static NDArray compare(Comparison op, NDArray a, NDArray b) {
    DType type = DType.promote(a.dtype, b.dtype);
    NDArray out = NDArray.fresh(DType.BOOL, Layout.broadcastShapes(op.symbol(), a.shape, b.shape));
    NDArray x = a.astype(type);
    NDArray y = b.astype(type);
    byte[] o = (byte[]) out.data;
    StridedLoop loop = loop(out, x, y);
    int xs = loop.innerStride(1);
    int ys = loop.innerStride(2);
    loop.run((at, n) -> {
      switch (x.data) {
        case float[] p -> {
          float[] q = (float[]) y.data;
          for (int i = 0; i < n; i++) {
            o[at[0] + i] = (byte) (op.test(p[at[1] + i * xs], q[at[2] + i * ys]) ? 1 : 0);
          }
        }
        case double[] p -> {
          double[] q = (double[]) y.data;
          for (int i = 0; i < n; i++) {
            o[at[0] + i] = (byte) (op.test(p[at[1] + i * xs], q[at[2] + i * ys]) ? 1 : 0);
          }
        }
        default -> {
          for (int i = 0; i < n; i++) {
            boolean result = op.test(Storage.getLong(x.data, at[1] + i * xs), Storage.getLong(y.data, at[2] + i * ys));
            o[at[0] + i] = (byte) (result ? 1 : 0);
          }
        }
      }
    });
    return out;
  }

  static NDArray compare(Comparison op, NDArray a, double scalar) {
    return compare(op, a, NDArray.scalar(scalar, scalarType(a, scalar)));
  }

  static NDArray where(NDArray condition, NDArray whenTrue, NDArray whenFalse) {
    int[] shape = Layout.broadcastShapes("where", Layout.broadcastShapes("where", condition.shape, whenTrue.shape), whenFalse.shape);
    DType type = DType.promote(whenTrue.dtype, whenFalse.dtype);
    NDArray out = NDArray.fresh(type, shape);
    NDArray yes = whenTrue.astype(type);
    NDArray no = whenFalse.astype(type);
    NDArray mask = condition.astype(DType.BOOL);
    StridedLoop loop = loop(out, mask, yes, no);
    int cs = loop.innerStride(1);
    int ys = loop.innerStride(2);
    int ns = loop.innerStride(3);
    byte[] c = (byte[]) mask.data;
    loop.run((at, n) -> {
      switch (out.data) {
        case float[] o -> {
          float[] p = (float[]) yes.data;
          float[] q = (float[]) no.data;
          for (int i = 0; i < n; i++) {
            o[at[0] + i] = c[at[1] + i * cs] != 0 ? p[at[2] + i * ys] : q[at[3] + i * ns];
          }
        }
        case double[] o -> {
          double[] p = (double[]) yes.data;
          double[] q = (double[]) no.data;
          for (int i = 0; i < n; i++) {
            o[at[0] + i] = c[at[1] + i * cs] != 0 ? p[at[2] + i * ys] : q[at[3] + i * ns];
          }
        }
        default -> {
          for (int i = 0; i < n; i++) {
            boolean pick = c[at[1] + i * cs] != 0;
            Storage.copy(pick ? yes.data : no.data, pick ? at[2] + i * ys : at[3] + i * ns, 1, out.data, at[0] + i, 1, 1);
          }
        }
      }
    });
    return out;
  }

  /** Copies {@code from} into {@code into} (same shape, any strides), converting the dtype. */
  static void copyInto(NDArray from, NDArray into) {
    if (!java.util.Arrays.equals(from.shape, into.shape)) {
      throw new ShapeMismatchException("copy: source shape " + java.util.Arrays.toString(from.shape)
          + " differs from target shape " + java.util.Arrays.toString(into.shape));
    }
    StridedLoop loop = loop(into, from);
    int ts = loop.innerStride(0);
    int fs = loop.innerStride(1);
    loop.run((at, n) -> Storage.copy(from.data, at[1], fs, into.data, at[0], ts, n));
  }

  /** A loop over {@code out}'s shape, with every operand broadcast to it (operand 0 is the output). */
  private static StridedLoop loop(NDArray out, NDArray... inputs) {
    int[][] strides = new int[inputs.length + 1][];
    int[] offsets = new int[inputs.length + 1];
    strides[0] = out.strides;
    offsets[0] = out.offset;
    for (int k = 0; k < inputs.length; k++) {
      strides[k + 1] = Layout.broadcastStrides("broadcast", inputs[k].shape, inputs[k].strides, out.shape);
      offsets[k + 1] = inputs[k].offset;
    }
    return new StridedLoop(out.shape, strides, offsets);
  }
}
