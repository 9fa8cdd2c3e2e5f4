package dev.ruru.array;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * NumPy's ndarray for Java: a flat heap array plus dtype, shape, strides and offset.
 *
 * <p>Arrays are immutable values. Views (reshape, transpose, slice, broadcastTo, squeeze, diagonal)
 * share storage and cost O(1); operations return new arrays; {@link #contiguous()} copies only when
 * needed. The only mutators end in {@code InPlace}: they exist for optimiser state and parameters.
 * Elementwise operations broadcast as NumPy does and promote mixed dtypes with
 * {@link DType#promote(DType, DType)}.
 *
 * <pre>{@code
 * NDArray x = NDArray.arange(6).reshape(2, 3).astype(DType.FLOAT32);
 * NDArray y = x.sub(x.mean(1, Dims.KEEP));       // centre each row: [2, 3] - [2, 1]
 * NDArray g = x.matmul(x.transpose());           // [2, 2]; the transpose goes to BLAS as a flag
 * }</pre>
 */
public final class NDArray {
  final DType dtype;
  final Object data;
  final int[] shape;
  final int[] strides;
  final int offset;

  NDArray(DType dtype, Object data, int[] shape, int[] strides, int offset) {
    this.dtype = dtype;
    this.data = data;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
  }

  /** A fresh C-ordered array over new storage. */
  static NDArray fresh(DType dtype, int[] shape) {
    return fresh(dtype, shape, Order.C);
  }

  static NDArray fresh(DType dtype, int[] shape, Order order) {
    Check.size(shape);
    return new NDArray(dtype, Storage.allocate(dtype, Layout.size(shape)), shape.clone(), Layout.strides(shape, order), 0);
  }

  // ---------------------------------------------------------------- creation

  public static NDArray zeros(Shape shape) {
    return zeros(shape, DType.FLOAT32);
  }

  public static NDArray zeros(Shape shape, DType dtype) {
    return fresh(dtype, shape.dims());
  }

  public static NDArray zeros(Shape shape, DType dtype, Order order) {
    return fresh(dtype, shape.dims(), order);
  }

  public static NDArray ones(Shape shape) {
    return full(shape, 1, DType.FLOAT32);
  }

  public static NDArray ones(Shape shape, DType dtype) {
    return full(shape, 1, dtype);
  }

  public static NDArray full(Shape shape, double value, DType dtype) {
    return Creation.full(shape.dims(), value, dtype);
  }

  /** A rank-0 array holding one value. */
  public static NDArray scalar(double value, DType dtype) {
    return Creation.full(new int[0], value, dtype);
  }

  /** {@code [0, 1, ..., stop - 1]} as int64, like {@code np.arange(stop)}. */
  public static NDArray arange(int stop) {
    return Creation.arange(0, stop, 1, DType.INT64);
  }

  /** {@code start, start + step, ...} while below {@code stop} (above, for a negative step). */
  public static NDArray arange(double start, double stop, double step, DType dtype) {
    return Creation.arange(start, stop, step, dtype);
  }

  /** {@code count} evenly spaced float32 values from {@code start} to {@code stop} inclusive. */
  public static NDArray linspace(double start, double stop, int count) {
    return Creation.linspace(start, stop, count, DType.FLOAT32);
  }

  public static NDArray linspace(double start, double stop, int count, DType dtype) {
    return Creation.linspace(start, stop, count, dtype);
  }

  /** The n×n float32 identity matrix. */
  public static NDArray eye(int n) {
    return Creation.eye(n, n, DType.FLOAT32);
  }

  public static NDArray eye(int rows, int columns, DType dtype) {
    return Creation.eye(rows, columns, dtype);
  }

  /** A float32 array over a copy of {@code values}, read in C order into {@code shape}. */
  public static NDArray of(float[] values, int... shape) {
    return Creation.of(DType.FLOAT32, values.clone(), values.length, shape);
  }

  public static NDArray of(double[] values, int... shape) {
    return Creation.of(DType.FLOAT64, values.clone(), values.length, shape);
  }

  public static NDArray of(int[] values, int... shape) {
    return Creation.of(DType.INT32, values.clone(), values.length, shape);
  }

  public static NDArray of(long[] values, int... shape) {
    return Creation.of(DType.INT64, values.clone(), values.length, shape);
  }

  /**
   * A float32 array over {@code values} itself, without the copy {@link #of(float[], int...)} makes:
   * for kernels and readers handing over an array they have just filled. The caller gives the array
   * up: writing to it afterwards would change an immutable NDArray.
   */
  public static NDArray wrap(float[] values, int... shape) {
    return Creation.of(DType.FLOAT32, values, values.length, shape);
  }

  public static NDArray wrap(double[] values, int... shape) {
    return Creation.of(DType.FLOAT64, values, values.length, shape);
  }

  public static NDArray wrap(int[] values, int... shape) {
    return Creation.of(DType.INT32, values, values.length, shape);
  }

  public static NDArray wrap(long[] values, int... shape) {
    return Creation.of(DType.INT64, values, values.length, shape);
  }

  /** A float32 matrix from rows of equal length. */
  public static NDArray of(float[][] rows) {
    return Creation.ofRows(rows);
  }

  /** Uniform float32 samples in [0, 1) from {@code rng}: the same generator state gives the same array. */
  public static NDArray rand(Shape shape, RandomGenerator rng) {
    return Creation.uniform(shape.dims(), 0, 1, DType.FLOAT32, rng);
  }

  /** Uniform samples in [low, high). */
  public static NDArray uniform(Shape shape, double low, double high, DType dtype, RandomGenerator rng) {
    return Creation.uniform(shape.dims(), low, high, dtype, rng);
  }

  /** Standard normal float32 samples from {@code rng}. */
  public static NDArray randn(Shape shape, RandomGenerator rng) {
    return Creation.normal(shape.dims(), 0, 1, DType.FLOAT32, rng);
  }

  /** Normal samples with the given mean and standard deviation. */
  public static NDArray normal(Shape shape, double mean, double std, DType dtype, RandomGenerator rng) {
    return Creation.normal(shape.dims(), mean, std, dtype, rng);
  }

  // ---------------------------------------------------------------- properties

  public DType dtype() {
    return dtype;
  }

  public Shape shape() {
    return new Shape(shape);
  }

  public int rank() {
    return shape.length;
  }

  public int size() {
    return Layout.size(shape);
  }

  /** Extent of one axis; negative axes count from the end. */
  public int dim(int axis) {
    return shape[Check.axis("dim", axis, shape.length)];
  }

  /** Strides in elements (not bytes, unlike NumPy's {@code .strides}). */
  public int[] strides() {
    return strides.clone();
  }

  /** Where element [0, ..., 0] sits in the underlying storage. */
  public int offset() {
    return offset;
  }

  /** True when the elements lie densely in row-major order. */
  public boolean isContiguous() {
    return Layout.isContiguous(shape, strides, Order.C);
  }

  public boolean isContiguous(Order order) {
    return Layout.isContiguous(shape, strides, order);
  }

  /** Whether two arrays are views of the same storage. */
  public boolean sharesStorageWith(NDArray other) {
    return data == other.data;
  }

  // ---------------------------------------------------------------- views and copies

  /** A view with a new shape (one extent may be -1, inferred); copies only when strides forbid a view. */
  public NDArray reshape(int... newShape) {
    return Views.reshape(this, newShape);
  }

  public NDArray reshape(Shape newShape) {
    return Views.reshape(this, newShape.dims());
  }

  /** Reverses the axes (the matrix transpose for rank 2); a view. */
  public NDArray transpose() {
    int[] axes = new int[shape.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axes.length - 1 - i;
    }
    return Views.permute(this, axes);
  }

  /** Reorders the axes: result axis i is this array's axis {@code axes[i]}; a view. */
  public NDArray permute(int... axes) {
    return Views.permute(this, axes);
  }

  /** Swaps two axes; a view. */
  public NDArray swapAxes(int first, int second) {
    return Views.swapAxes(this, first, second);
  }

  /** Elements {@code start, start + step, ...} before {@code stop} along one axis, as {@code a[start:stop:step]}; a view. */
  public NDArray slice(int axis, int start, int stop, int step) {
    return Views.slice(this, axis, start, stop, step);
  }

  /**
   * NumPy basic indexing from a string: {@code "1:3, ::-1"}, {@code "0, ..."}, {@code "None, :"}.
   * Integers drop their axis, slices keep it, {@code None} inserts an axis of extent 1; a view.
   */
  public NDArray index(String spec) {
    return Views.index(this, spec);
  }

  /** Removes every axis of extent 1; a view. */
  public NDArray squeeze() {
    return Views.squeeze(this);
  }

  /** Removes one axis, which must have extent 1; a view. */
  public NDArray squeeze(int axis) {
    return Views.squeeze(this, axis);
  }

  /** Inserts an axis of extent 1 at {@code axis} (of the result); a view. */
  public NDArray unsqueeze(int axis) {
    return Views.unsqueeze(this, axis);
  }

  /** Reads this array as {@code target} by NumPy's broadcasting rules: stride 0 on repeated axes, no copy. */
  public NDArray broadcastTo(Shape target) {
    int[] dims = target.dims();
    return new NDArray(dtype, data, dims, Layout.broadcastStrides("broadcastTo", shape, strides, dims), offset);
  }

  /**
   * The main diagonal, as NumPy's default {@code np.diagonal(a)}: axes 0 and 1 are replaced by one
   * last axis that steps rows + columns; a view.
   */
  public NDArray diagonal() {
    return Views.diagonal(this);
  }

  /** This array if it is already C-contiguous, else a C-ordered copy. */
  public NDArray contiguous() {
    return isContiguous() ? this : copy(Order.C);
  }

  /** A fresh copy laid out in the given order. */
  public NDArray copy(Order order) {
    NDArray out = fresh(dtype, shape, order);
    Elementwise.copyInto(this, out);
    return out;
  }

  public NDArray copy() {
    return copy(Order.C);
  }

  /** The values converted to {@code target}; this array itself when it already has that dtype. */
  public NDArray astype(DType target) {
    if (target == dtype) {
      return this;
    }
    NDArray out = fresh(target, shape);
    Elementwise.copyInto(this, out);
    return out;
  }

  // ---------------------------------------------------------------- elementwise (see Elementwise)

  public NDArray add(NDArray other) { return Elementwise.binary(BinaryOp.ADD, this, other); }
  public NDArray sub(NDArray other) { return Elementwise.binary(BinaryOp.SUB, this, other); }
  public NDArray mul(NDArray other) { return Elementwise.binary(BinaryOp.MUL, this, other); }
  /** True division: integers give float64, as in NumPy. */
  public NDArray div(NDArray other) { return Elementwise.binary(BinaryOp.DIV, this, other); }
  public NDArray pow(NDArray other) { return Elementwise.binary(BinaryOp.POW, this, other); }
  public NDArray maximum(NDArray other) { return Elementwise.binary(BinaryOp.MAXIMUM, this, other); }
  public NDArray minimum(NDArray other) { return Elementwise.binary(BinaryOp.MINIMUM, this, other); }
  /**
   * {@code this · H(other)}, H the Heaviside step (1 where other &gt; 0, else 0), in one pass: NumPy's
   * {@code x * np.heaviside(other, 0)}, with its NaNs (NaN in other, or ±∞ times 0). Backpropagation
   * through relu is {@code gradient.mulHeaviside(input)}.
   */
  public NDArray mulHeaviside(NDArray other) { return Elementwise.binary(BinaryOp.MUL_HEAVISIDE, this, other); }

  public NDArray add(double scalar) { return Elementwise.binary(BinaryOp.ADD, this, scalar); }
  public NDArray sub(double scalar) { return Elementwise.binary(BinaryOp.SUB, this, scalar); }
  public NDArray mul(double scalar) { return Elementwise.binary(BinaryOp.MUL, this, scalar); }
  public NDArray div(double scalar) { return Elementwise.binary(BinaryOp.DIV, this, scalar); }
  public NDArray pow(double scalar) { return Elementwise.binary(BinaryOp.POW, this, scalar); }
  public NDArray maximum(double scalar) { return Elementwise.binary(BinaryOp.MAXIMUM, this, scalar); }
  public NDArray minimum(double scalar) { return Elementwise.binary(BinaryOp.MINIMUM, this, scalar); }

  /** Masks (dtype bool) of elementwise comparisons. */
  public NDArray eq(NDArray other) { return Elementwise.compare(Comparison.EQ, this, other); }
  public NDArray ne(NDArray other) { return Elementwise.compare(Comparison.NE, this, other); }
  public NDArray lt(NDArray other) { return Elementwise.compare(Comparison.LT, this, other); }
  public NDArray le(NDArray other) { return Elementwise.compare(Comparison.LE, this, other); }
  public NDArray gt(NDArray other) { return Elementwise.compare(Comparison.GT, this, other); }
  public NDArray ge(NDArray other) { return Elementwise.compare(Comparison.GE, this, other); }
  public NDArray eq(double scalar) { return Elementwise.compare(Comparison.EQ, this, scalar); }
  public NDArray lt(double scalar) { return Elementwise.compare(Comparison.LT, this, scalar); }
  public NDArray gt(double scalar) { return Elementwise.compare(Comparison.GT, this, scalar); }

  public NDArray neg() { return Elementwise.unary(UnaryOp.NEG, this); }
  public NDArray abs() { return Elementwise.unary(UnaryOp.ABS, this); }
  /** -1, 0 or 1 (NaN stays NaN). */
  public NDArray sign() { return Elementwise.unary(UnaryOp.SIGN, this); }
  public NDArray exp() { return Elementwise.unary(UnaryOp.EXP, this); }
  public NDArray log() { return Elementwise.unary(UnaryOp.LOG, this); }
  public NDArray sqrt() { return Elementwise.unary(UnaryOp.SQRT, this); }
  public NDArray sin() { return Elementwise.unary(UnaryOp.SIN, this); }
  public NDArray cos() { return Elementwise.unary(UnaryOp.COS, this); }
  public NDArray tanh() { return Elementwise.unary(UnaryOp.TANH, this); }
  /** 1 / (1 + e^-x). */
  public NDArray sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this); }
  /** max(x, 0). */
  public NDArray relu() { return Elementwise.unary(UnaryOp.RELU, this); }

  /** Each element limited to [low, high]. */
  public NDArray clip(double low, double high) {
    Check.arg(low <= high, "clip: low %s is greater than high %s", low, high);
    return maximum(low).minimum(high);
  }

  /** {@code condition ? whenTrue : whenFalse} elementwise, all three broadcast together; non-zero is true. */
  public static NDArray where(NDArray condition, NDArray whenTrue, NDArray whenFalse) {
    return Elementwise.where(condition, whenTrue, whenFalse);
  }

  // In-place updates, for optimiser state and parameters: the result is written into this array's storage.

  public NDArray addInPlace(NDArray other) { return Elementwise.inPlace(BinaryOp.ADD, this, other); }
  public NDArray subInPlace(NDArray other) { return Elementwise.inPlace(BinaryOp.SUB, this, other); }
  public NDArray mulInPlace(NDArray other) { return Elementwise.inPlace(BinaryOp.MUL, this, other); }
  public NDArray divInPlace(NDArray other) { return Elementwise.inPlace(BinaryOp.DIV, this, other); }
  public NDArray addInPlace(double scalar) { return Elementwise.inPlace(BinaryOp.ADD, this, scalar); }
  public NDArray mulInPlace(double scalar) { return Elementwise.inPlace(BinaryOp.MUL, this, scalar); }
  /** this ← this·H(other), relu's derivative applied in place ({@link #mulHeaviside}). */
  public NDArray mulHeavisideInPlace(NDArray other) { return Elementwise.inPlace(BinaryOp.MUL_HEAVISIDE, this, other); }

  /**
   * this ← this + α·other, other broadcast to this shape (BLAS's axpy; PyTorch's
   * {@code add_(other, alpha=α)}): an optimiser's step without a temporary array. Floating arrays only.
   */
  public NDArray addScaledInPlace(NDArray other, double alpha) { return Elementwise.addScaledInPlace(this, other, alpha); }

  /** Writes {@code a + b} into this array (NumPy's {@code np.add(a, b, out=this)}). */
  public NDArray addInPlace(NDArray a, NDArray b) { return Elementwise.into(BinaryOp.ADD, a, b, this); }

  /** Copies {@code source} (broadcast to this shape) into this array. */
  public NDArray assignInPlace(NDArray source) {
    NDArray unchanged = Elementwise.readAsBefore("assignInPlace", source, Elementwise.checkWritable("assignInPlace", this));
    Elementwise.copyInto(unchanged.broadcastTo(shape()), this);
    return this;
  }

  /** Sets every element to {@code value}. */
  public NDArray fillInPlace(double value) {
    return assignInPlace(scalar(value, dtype));
  }

  // ---------------------------------------------------------------- reductions (see Reductions)

  public NDArray sum() { return Reductions.reduce(Reduction.SUM, this, null, Dims.DROP); }
  public NDArray sum(int axis) { return Reductions.reduce(Reduction.SUM, this, new int[] {axis}, Dims.DROP); }
  public NDArray sum(int axis, Dims dims) { return Reductions.reduce(Reduction.SUM, this, new int[] {axis}, dims); }
  public NDArray sum(int[] axes, Dims dims) { return Reductions.reduce(Reduction.SUM, this, axes, dims); }

  public NDArray prod() { return Reductions.reduce(Reduction.PROD, this, null, Dims.DROP); }
  public NDArray prod(int[] axes, Dims dims) { return Reductions.reduce(Reduction.PROD, this, axes, dims); }

  public NDArray max() { return Reductions.reduce(Reduction.MAX, this, null, Dims.DROP); }
  public NDArray max(int axis) { return Reductions.reduce(Reduction.MAX, this, new int[] {axis}, Dims.DROP); }
  public NDArray max(int axis, Dims dims) { return Reductions.reduce(Reduction.MAX, this, new int[] {axis}, dims); }
  public NDArray max(int[] axes, Dims dims) { return Reductions.reduce(Reduction.MAX, this, axes, dims); }

  public NDArray min() { return Reductions.reduce(Reduction.MIN, this, null, Dims.DROP); }
  public NDArray min(int axis) { return Reductions.reduce(Reduction.MIN, this, new int[] {axis}, Dims.DROP); }
  public NDArray min(int axis, Dims dims) { return Reductions.reduce(Reduction.MIN, this, new int[] {axis}, dims); }
  public NDArray min(int[] axes, Dims dims) { return Reductions.reduce(Reduction.MIN, this, axes, dims); }

  public NDArray mean() { return Reductions.mean(this, null, Dims.DROP); }
  public NDArray mean(int axis) { return Reductions.mean(this, new int[] {axis}, Dims.DROP); }
  public NDArray mean(int axis, Dims dims) { return Reductions.mean(this, new int[] {axis}, dims); }
  public NDArray mean(int[] axes, Dims dims) { return Reductions.mean(this, axes, dims); }

  /** Variance with {@code ddof} delta degrees of freedom (0: population, 1: sample), as NumPy's var. */
  public NDArray var(int[] axes, Dims dims, int ddof) { return Reductions.var(this, axes, dims, ddof); }
  public NDArray var() { return Reductions.var(this, null, Dims.DROP, 0); }
  public NDArray std(int[] axes, Dims dims, int ddof) { return Reductions.var(this, axes, dims, ddof).sqrt(); }
  public NDArray std() { return var().sqrt(); }

  /** log(Σ exp(x)) computed as m + log(Σ exp(x − m)) with m the maximum, so it cannot overflow. */
  public NDArray logsumexp(int[] axes, Dims dims) { return Reductions.logsumexp(this, axes, dims); }
  public NDArray logsumexp(int axis) { return Reductions.logsumexp(this, new int[] {axis}, Dims.DROP); }

  /** Index (int64) of the first maximum along {@code axis}. */
  public NDArray argmax(int axis) { return Reductions.argReduce(Reduction.MAX, this, axis, Dims.DROP); }
  public NDArray argmax(int axis, Dims dims) { return Reductions.argReduce(Reduction.MAX, this, axis, dims); }
  /** Flat index (int64 scalar) of the first maximum. */
  public NDArray argmax() { return Reductions.argReduce(Reduction.MAX, reshape(-1), 0, Dims.DROP); }
  public NDArray argmin(int axis) { return Reductions.argReduce(Reduction.MIN, this, axis, Dims.DROP); }
  public NDArray argmin(int axis, Dims dims) { return Reductions.argReduce(Reduction.MIN, this, axis, dims); }
  public NDArray argmin() { return Reductions.argReduce(Reduction.MIN, reshape(-1), 0, Dims.DROP); }

  // ---------------------------------------------------------------- linear algebra (see MatMul)

  /**
   * The matrix product with NumPy's semantics: 1-D operands are promoted to a row (left) or column
   * (right) and the added axis removed; N-D operands are stacks of matrices whose batch axes broadcast.
   */
  public NDArray matmul(NDArray other) {
    return MatMul.matmul(this, other);
  }

  /**
   * {@link #matmul(NDArray)} written into {@code out} (NumPy's {@code np.matmul(a, b, out=out)}), which
   * must have the result's shape and dtype, be C-contiguous and share no memory with the operands.
   * Returns {@code out}.
   */
  public NDArray matmul(NDArray other, NDArray out) {
    return MatMul.matmul(this, other, out);
  }

  /**
   * {@code numpy.dot}: the inner product of two vectors, the matrix product of matrices, and for N-D
   * operands a sum over the last axis of this and the second-to-last of {@code other}, giving shape
   * {@code this.shape[:-1] + other.shape[:-2] + other.shape[-1:]} (unlike {@link #matmul}, no
   * broadcasting of batch axes). A 0-d operand multiplies.
   */
  public NDArray dot(NDArray other) {
    return MatMul.dot(this, other);
  }

  /** The outer product of two vectors: [m] and [n] give [m, n]. */
  public NDArray outer(NDArray other) {
    return MatMul.outer(this, other);
  }

  // ---------------------------------------------------------------- indexing (see Indexing)

  /** The element at {@code index} (negative indices count from the end) as a double. */
  public double getDouble(int... index) {
    return Storage.getDouble(data, Indexing.offsetOf("getDouble", this, index));
  }

  /** The element at {@code index} as a long (floats truncate toward zero). */
  public long getLong(int... index) {
    return Storage.getLong(data, Indexing.offsetOf("getLong", this, index));
  }

  /** The only element of a one-element array. */
  public double item() {
    Check.arg(size() == 1, "item: the array has %s elements, expected exactly 1 (shape %s)", size(), shape());
    return Storage.getDouble(data, Indexing.offsetOf("item", this, new int[shape.length]));
  }

  /** Writes one element. */
  public NDArray setInPlace(double value, int... index) {
    Elementwise.checkWritable("setInPlace", this);
    Storage.setDouble(data, Indexing.offsetOf("setInPlace", this, index), value);
    return this;
  }

  /** Elements at {@code indices} (an integer array of any shape) along {@code axis}, as {@code np.take}. */
  public NDArray take(NDArray indices, int axis) { return Indexing.take(this, indices, axis); }

  /**
   * Writes {@code source.take(indices, axis)} into this array, which has its shape and source's dtype,
   * and returns this: NumPy's {@code np.take(source, indices, axis, out=this)}. A buffer reused from
   * step to step saves allocating (and zeroing) a fresh result each time.
   */
  public NDArray takeInPlace(NDArray source, NDArray indices, int axis) { return Indexing.takeInto(source, indices, axis, this); }

  /** {@code out[i][j] = this[index[i][j]][j]} for axis 0, and so on: PyTorch's {@code gather}. */
  public NDArray gather(int axis, NDArray index) { return Indexing.gather(this, axis, index); }

  /** A copy of this array with {@code source} added at {@code index} along {@code axis}: PyTorch's {@code scatter_add}. */
  public NDArray scatterAdd(int axis, NDArray index, NDArray source) { return Indexing.scatterAdd(this, axis, index, source); }

  /**
   * {@code this[indices[k]] += alpha · source[k]} along {@code axis}, in place, for k in order (a repeated
   * index accumulates): PyTorch's {@code index_add_}, NumPy's {@code np.add.at}. {@code indices} is 1-D;
   * {@code source} has this array's dtype and shape except {@code indices.size()} along {@code axis}. For
   * floating types each addition is one fused multiply-add (rounded once, as BLAS's axpy); a source that
   * shares this array's storage is read as it was before any element is written.
   */
  public NDArray indexAddInPlace(int axis, NDArray indices, NDArray source, double alpha) {
    return Indexing.indexAddInPlace(this, axis, indices, source, alpha);
  }

  /** Integer labels of any shape to one-hot vectors along a new last axis of {@code classes}. */
  public static NDArray oneHot(NDArray labels, int classes, DType dtype) { return Indexing.oneHot(labels, classes, dtype); }

  public static NDArray concatenate(List<NDArray> arrays, int axis) { return Joining.concatenate(arrays, axis); }

  /** Joins arrays of one shape along a new axis. */
  public static NDArray stack(List<NDArray> arrays, int axis) { return Joining.stack(arrays, axis); }

  /** Splits into {@code sections} equal views along {@code axis}. */
  public List<NDArray> split(int sections, int axis) { return Joining.split(this, sections, axis); }

  /** Splits into views before each of {@code indices} along {@code axis}, as {@code np.split(a, [i, j])}. */
  public List<NDArray> splitAt(int[] indices, int axis) { return Joining.splitAt(this, indices, axis); }

  /** Pads with {@code value}: {@code widths[axis] = {before, after}}, as {@code np.pad(mode="constant")}. */
  public NDArray pad(int[][] widths, double value) { return Joining.pad(this, widths, value); }

  // ---------------------------------------------------------------- conversion and comparison

  /** The elements in C order as float (copied). */
  public float[] toFloatArray() { return (float[]) astypeStorage(DType.FLOAT32); }
  public double[] toDoubleArray() { return (double[]) astypeStorage(DType.FLOAT64); }
  public int[] toIntArray() { return (int[]) astypeStorage(DType.INT32); }

  /**
   * The elements in C order as float32, for kernels that only read them: this array's storage itself
   * when it is float32, C-contiguous from offset 0 and fills its storage, otherwise a copy as
   * {@link #toFloatArray}. Never write to the result: it may be this array. Fused kernels (convolution,
   * pooling) read their inputs this way, because copying a 3 MB activation costs as much as using it.
   */
  public float[] floatsToRead() {
    return dtype == DType.FLOAT32 && isStorage() ? (float[]) data : toFloatArray();
  }

  /** {@link #floatsToRead} in float64. */
  public double[] doublesToRead() {
    return dtype == DType.FLOAT64 && isStorage() ? (double[]) data : toDoubleArray();
  }

  /** Whether the elements in C order are exactly the storage array, start to end. */
  private boolean isStorage() {
    return offset == 0 && isContiguous(Order.C) && java.lang.reflect.Array.getLength(data) == size();
  }
  public long[] toLongArray() { return (long[]) astypeStorage(DType.INT64); }

  private Object astypeStorage(DType target) {
    NDArray out = fresh(target, shape);
    Elementwise.copyInto(this, out);
    return out.data;
  }

  /** Same dtype, same shape and equal elements (NaN equals NaN here, so an array equals itself). */
  @Override
  public boolean equals(Object other) {
    return other instanceof NDArray array && Comparisons.arrayEquals(this, array);
  }

  @Override
  public int hashCode() {
    return Comparisons.hash(this);
  }

  /** Same shape and |a − b| ≤ atol + rtol·|b| everywhere, as {@code np.allclose} (NaNs are never close). */
  public boolean allClose(NDArray other, double rtol, double atol) {
    return Comparisons.allClose(this, other, rtol, atol);
  }

  /** {@link #allClose(NDArray, double, double)} with NumPy's defaults rtol 1e-5, atol 1e-8. */
  public boolean allClose(NDArray other) {
    return allClose(other, 1e-5, 1e-8);
  }

  /** As NumPy's repr: {@code array([[1., 2.], [3., 4.]], dtype=float32)}, summarised when large. */
  @Override
  public String toString() {
    return Format.repr(this);
  }

  /** Shape, dtype and layout without the values, for error messages and logs. */
  public String describe() {
    return "NDArray(shape=" + Arrays.toString(shape) + ", dtype=" + dtype + ", strides=" + Arrays.toString(strides) + ", offset=" + offset + ")";
  }
}
