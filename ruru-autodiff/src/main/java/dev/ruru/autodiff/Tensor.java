package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An array value that remembers how it was made: the course's "overloaded functions return Node
 * objects". Each operation applies a primitive {@link Rule}; when an input needs gradients the result
 * links to its inputs (the graph that {@link #backward} walks), and when an input carries a tangent the
 * result carries one too (forward mode's dual numbers). Tensors are immutable; the in-place methods
 * exist for optimiser state and are refused on tensors that need gradients.
 *
 * <pre>{@code
 * Tensor w = Tensor.variable(NDArray.randn(Shape.of(3, 2), rng));
 * Tensor loss = x.matmul(w).tanh().sum();
 * Gradients grads = loss.backward(List.of(w));
 * NDArray dw = grads.get(w);
 * }</pre>
 */
public final class Tensor {
  private final NDArray value;
  private final boolean requiresGrad;
  private final Tensor tangent;
  /** The node: the rule that produced this tensor and its inputs (null for leaves and constants). */
  final Rule rule;
  Tensor[] inputs;
  final int[] inputVersions;
  int version;
  boolean freed;

  Tensor(NDArray value, boolean requiresGrad, Tensor tangent, Rule rule, Tensor[] inputs) {
    this.value = value;
    this.requiresGrad = requiresGrad;
    this.tangent = tangent;
    this.rule = rule;
    this.inputs = inputs;
    this.inputVersions = inputs == null ? null : Arrays.stream(inputs).mapToInt(t -> t.version).toArray();
  }

  /** A value gradients do not flow into. */
  public static Tensor constant(NDArray value) {
    return new Tensor(value, false, null, null, null);
  }

  /** A leaf whose gradient can be asked for (a parameter or an input being differentiated). */
  public static Tensor variable(NDArray value) {
    if (!value.dtype().isFloating()) {
      throw new IllegalArgumentException("variable: only floating tensors can require gradients; got " + value.dtype()
          + " (convert with astype(DType.FLOAT32) or FLOAT64)");
    }
    return new Tensor(value, true, null, null, null);
  }

  /**
   * A dual number: a value with a tangent (the direction forward mode differentiates along). The
   * tangent is copied: forward rules that pass it through unchanged (x + c, reshape, slice) make it the
   * result's tangent, which must not change when the caller reuses its array for the next direction.
   */
  public static Tensor dual(NDArray value, NDArray tangent) {
    if (!value.shape().equals(tangent.shape())) {
      throw new IllegalArgumentException("dual: tangent shape " + tangent.shape() + " differs from value shape " + value.shape());
    }
    NDArray own = tangent.dtype() == value.dtype() ? tangent.copy() : tangent.astype(value.dtype());
    return new Tensor(value, false, constant(own), null, null);
  }

  public static Tensor scalar(double value, DType dtype) {
    return constant(NDArray.scalar(value, dtype));
  }

  /** Applies a primitive: computes the value, records the node and propagates tangents. */
  static Tensor apply(Rule rule, Tensor... in) {
    NDArray[] values = new NDArray[in.length];
    boolean needsGrad = false;
    boolean hasTangent = false;
    for (int i = 0; i < in.length; i++) {
      values[i] = in[i].value;
      needsGrad |= in[i].requiresGrad;
      hasTangent |= in[i].tangent != null;
    }
    NDArray out = rule.forward(values);
    boolean record = needsGrad && GradMode.isRecording();
    Tensor result = new Tensor(out, record, null, record ? rule : null, record ? in.clone() : null);
    Anomaly.checkForward(rule, values, out);
    if (!hasTangent) {
      return result;
    }
    Tensor[] tangents = new Tensor[in.length];
    Tensor[] primals = new Tensor[in.length];
    for (int i = 0; i < in.length; i++) {
      tangents[i] = in[i].tangent;
      primals[i] = in[i].primal();
    }
    return new Tensor(out, record, rule.jvp(tangents, primals, result), result.rule, result.inputs);
  }

  /**
   * This value without its tangent, for the forward rules: they use the tangent explicitly, and
   * seeing it again through their inputs would differentiate the derivative without end. Gradients
   * still flow to this tensor through an identity node.
   */
  private Tensor primal() {
    if (tangent == null) {
      return this;
    }
    boolean record = requiresGrad && GradMode.isRecording();
    return new Tensor(value, record, null, record ? new ReshapeRule(shape()) : null, record ? new Tensor[] {this} : null);
  }

  // ---------------------------------------------------------------- properties

  public NDArray value() { return value; }
  public Shape shape() { return value.shape(); }
  public DType dtype() { return value.dtype(); }
  public int rank() { return value.rank(); }
  public boolean requiresGrad() { return requiresGrad; }
  /** How many times {@link #updateInPlace} changed the value: a cache of something derived from it compares this. */
  public int version() { return version; }
  /** The tangent carried in forward mode, or null. */
  public Tensor tangent() { return tangent; }
  /** The same value with no graph and no tangent: gradients stop here. */
  public Tensor detach() { return constant(value); }
  /** The only element of a one-element tensor. */
  public double item() { return value.item(); }

  // ---------------------------------------------------------------- elementwise (broadcasting via expand)

  public Tensor add(Tensor other) { Tensor[] ab = aligned("add", other); return apply(new AddRule(), ab[0], ab[1]); }
  public Tensor mul(Tensor other) { Tensor[] ab = aligned("mul", other); return apply(new MulRule(), ab[0], ab[1]); }
  public Tensor sub(Tensor other) { return add(other.neg()); }
  public Tensor div(Tensor other) { return mul(other.reciprocal()); }
  public Tensor pow(Tensor exponent) { Tensor[] ab = aligned("pow", exponent); return apply(new PowRule(), ab[0], ab[1]); }
  public Tensor maximum(Tensor other) { Tensor[] ab = aligned("maximum", other); return apply(new MaximumRule(), ab[0], ab[1]); }
  public Tensor minimum(Tensor other) { return neg().maximum(other.neg()).neg(); }

  public Tensor add(double scalar) { return add(scalarLike(scalar)); }
  public Tensor sub(double scalar) { return add(scalarLike(-scalar)); }
  public Tensor mul(double scalar) { return mul(scalarLike(scalar)); }
  public Tensor div(double scalar) { return mul(scalarLike(1 / scalar)); }
  public Tensor pow(double exponent) { return pow(scalarLike(exponent)); }

  public Tensor neg() { return apply(new NegRule(), this); }
  public Tensor reciprocal() { return apply(new ReciprocalRule(), this); }
  public Tensor exp() { return apply(new ExpRule(), this); }
  public Tensor log() { return apply(new LogRule(), this); }
  public Tensor sin() { return apply(new SinRule(), this); }
  public Tensor cos() { return apply(new CosRule(), this); }
  public Tensor tanh() { return apply(new TanhRule(), this); }
  public Tensor sqrt() { return pow(0.5); }
  /** |x| = x·sign(x), with sign a constant, so |x|' = sign(x) and |x|'(0) = 0. */
  public Tensor abs() { return mul(constant(value.sign())); }
  /** σ(x) = (1 + tanh(x/2)) / 2: equal to 1/(1 + e^−x), but neither it nor its gradient overflows. */
  public Tensor sigmoid() { return apply(new SigmoidRule(), this); }
  /** max(x, 0); relu'(0) = 0. */
  public Tensor relu() { return apply(new ReluRule(), this); }

  /** Comparison masks are constants: they have no gradient. */
  public Tensor eq(Tensor other) { return constant(value.eq(other.value)); }
  public Tensor gt(Tensor other) { return constant(value.gt(other.value)); }
  public Tensor lt(Tensor other) { return constant(value.lt(other.value)); }

  /** {@code condition ? whenTrue : whenFalse}; the condition is a mask and gets no gradient. */
  public static Tensor where(Tensor condition, Tensor whenTrue, Tensor whenFalse) {
    Tensor[] ab = whenTrue.aligned("where", whenFalse);
    Shape shape = Shape.broadcast("where", condition.shape(), ab[0].shape());
    return apply(new WhereRule(), condition.detach().broadcastTo(shape), ab[0].broadcastTo(shape), ab[1].broadcastTo(shape));
  }

  public Tensor astype(DType target) {
    return target == dtype() ? this : apply(new CastRule(target), this);
  }

  public Tensor zerosLike() { return constant(NDArray.zeros(shape(), dtype())); }

  // ---------------------------------------------------------------- reductions

  public Tensor sum() { return sum(allAxes(), Dims.DROP); }
  public Tensor sum(int axis, Dims dims) { return sum(new int[] {axis}, dims); }
  public Tensor sum(int[] axes, Dims dims) { return apply(new SumRule(axes, dims), this); }
  public Tensor mean() { return sum().div(Math.max(1, value.size())); }
  public Tensor mean(int axis, Dims dims) { return mean(new int[] {axis}, dims); }

  public Tensor mean(int[] axes, Dims dims) {
    int count = 1;
    for (int axis : axes) {
      count *= value.dim(axis);
    }
    return sum(axes, dims).div(count);
  }

  public Tensor max() { return max(allAxes(), Dims.DROP); }
  public Tensor max(int axis, Dims dims) { return max(new int[] {axis}, dims); }
  public Tensor max(int[] axes, Dims dims) { return apply(new MaxRule(axes, dims), this); }

  /** log(softmax(x)) along {@code axis}; subtracting the max keeps exp() from overflowing. */
  public Tensor logSoftmax(int axis) {
    Tensor shifted = sub(max(axis, Dims.KEEP).detach());
    return shifted.sub(shifted.exp().sum(axis, Dims.KEEP).log());
  }

  public Tensor softmax(int axis) { return logSoftmax(axis).exp(); }

  /**
   * Softmax cross-entropy along the last axis against a target distribution (one-hot rows for class
   * labels; smoothed rows for label smoothing): {@code logsumexp(x) − Σ targets·x} per row, shape
   * [..., C] → [...]. Fused for speed and stable for logits of any size; targets get no gradient.
   */
  public Tensor softmaxCrossEntropy(NDArray targets) {
    if (!targets.shape().equals(shape())) {
      throw new IllegalArgumentException("softmaxCrossEntropy: targets have shape " + targets.shape()
          + " but the logits have shape " + shape() + "; one-hot encode class labels first");
    }
    return apply(new SoftmaxCrossEntropyRule(targets.astype(dtype())), this);
  }

  // ---------------------------------------------------------------- movement

  public Tensor reshape(int... shape) { return reshape(value.reshape(shape).shape()); }

  public Tensor reshape(Shape shape) {
    return shape.equals(shape()) ? this : apply(new ReshapeRule(shape), this);
  }

  public Tensor permute(int... axes) { return apply(new PermuteRule(axes), this); }

  /** Reverses the axes (the matrix transpose for rank 2). */
  public Tensor transpose() {
    int[] axes = new int[rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axes.length - 1 - i;
    }
    return permute(axes);
  }

  /** Broadcasting as a view; its gradient sums back (see ExpandRule.sumTo). */
  public Tensor broadcastTo(Shape shape) {
    return shape.equals(shape()) ? this : apply(new ExpandRule(shape), this);
  }

  /** {@code x[start:stop:step]} along {@code axis}; steps must be positive here. */
  public Tensor slice(int axis, int start, int stop, int step) {
    if (step <= 0) {
      throw new IllegalArgumentException("slice: Tensor slices need a positive step, got " + step);
    }
    return apply(new SliceRule(axis, start, stop, step), this);
  }

  /** Zero padding: {@code widths[axis] = {before, after}}. */
  public Tensor pad(int[][] widths) { return apply(new PadRule(widths), this); }

  /** Joins tensors along an axis (their dtypes promoted to a common one); other dimensions must agree. */
  public static Tensor concat(List<Tensor> tensors, int axis) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("concat: expected at least one tensor");
    }
    int rank = tensors.get(0).rank();
    int ax = axis < 0 ? axis + rank : axis;
    DType type = tensors.get(0).dtype();
    for (Tensor t : tensors) {
      type = DType.promote(type, t.dtype());
    }
    Tensor[] in = new Tensor[tensors.size()];
    int[] sizes = new int[in.length];
    for (int i = 0; i < in.length; i++) {
      Tensor t = tensors.get(i);
      if (t.rank() != rank || ax < 0 || ax >= rank) {
        throw new IllegalArgumentException("concat: tensor " + i + " has shape " + t.shape() + "; expected rank " + rank
            + " and an axis in [" + -rank + ", " + rank + "), got " + axis);
      }
      in[i] = t.astype(type);
      sizes[i] = t.shape().dim(ax);
    }
    return apply(new ConcatRule(ax, sizes), in);
  }

  /**
   * Rows of this [n, d...] picked by the integer {@code ids} [k...] (each in [0, n)): [k..., d...], as an
   * embedding lookup does. Gradients of a row picked several times add up.
   */
  public Tensor takeRows(NDArray ids) {
    if (rank() < 1) {
      throw new IllegalArgumentException("takeRows: expected rows [n, ...], got a scalar");
    }
    if (!ids.dtype().isInteger()) {
      throw new IllegalArgumentException("takeRows: ids must be int32 or int64, got " + ids.dtype());
    }
    TakeRowsRule.rowIndices(ids, shape().dim(0));
    return apply(new TakeRowsRule(ids), this);
  }

  /** PyTorch's gather: {@code out[i][j] = x[index[i][j]][j]} for axis 0; index is a constant. */
  public Tensor gather(int axis, NDArray index) { return apply(new GatherRule(axis, index), this); }

  /**
   * The matrix product with NumPy's semantics. Vectors are promoted to matrices and batch axes
   * broadcast here, as reshapes and expands, so the primitive only sees equal batch shapes.
   */
  public Tensor matmul(Tensor other) { return Products.matmul(this, other); }

  /**
   * this·weightᵀ for a matrix this [batch, in] and weight [out, in] of the same dtype: a linear layer's
   * product, equal to {@code matmul(weight.transpose())} bit for bit, recorded as one primitive (see
   * {@link GradientBuffers}).
   */
  public Tensor linear(Tensor weight) { return Products.linear(this, weight, null, false); }

  /** this·weightᵀ + bias (bias [out]) as one primitive, equal bit for bit to {@code matmul(weight.transpose()).add(bias)}. */
  public Tensor linear(Tensor weight, Tensor bias) { return Products.linear(this, weight, bias, false); }

  /**
   * relu(this·weightᵀ + bias) as one primitive (bias may be null): the output is clipped while it is in
   * cache, with the bits of the operations apart. {@code Sequential} uses it for a Linear before a ReLU.
   */
  public Tensor linearRelu(Tensor weight, Tensor bias) { return Products.linear(this, weight, bias, true); }

  Tensor swapLastTwo() {
    int[] axes = new int[rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    axes[rank() - 1] = rank() - 2;
    axes[rank() - 2] = rank() - 1;
    return permute(axes);
  }

  // ---------------------------------------------------------------- differentiation

  /** Reverse mode from this scalar: the gradients of {@code leaves}. */
  public Gradients backward(List<Tensor> leaves, Backward... options) {
    return ComputationGraph.backward(this, null, leaves, null, options);
  }

  /**
   * Reverse mode from this scalar, writing gradients into {@code buffers} where a primitive can: a
   * training loop's pass (see {@link GradientBuffers} for how long the returned arrays hold).
   */
  public Gradients backward(List<Tensor> leaves, GradientBuffers buffers, Backward... options) {
    return ComputationGraph.backward(this, null, leaves, buffers, options);
  }

  /** Reverse mode from a non-scalar output, seeded with the gradient {@code seed} of its shape. */
  public Gradients backward(NDArray seed, List<Tensor> leaves, Backward... options) {
    return ComputationGraph.backward(this, seed, leaves, null, options);
  }

  // ---------------------------------------------------------------- in place (optimiser state)

  /** Adds {@code other} into this tensor's array. Refused for tensors in a graph; later backward passes see the change. */
  public Tensor addInPlace(NDArray other) {
    beforeInPlace("addInPlace");
    value.addInPlace(other);
    return this;
  }

  public Tensor assignInPlace(NDArray other) {
    beforeInPlace("assignInPlace");
    value.assignInPlace(other);
    return this;
  }

  /**
   * Runs {@code change} on this tensor's array as one in-place modification, as an optimiser's step
   * does to a parameter (PyTorch's {@code with torch.no_grad(): p.add_(...)}). Refused while gradients
   * are recorded for a tensor that requires them; a graph recorded before the change refuses backward.
   * Returns what {@code change} returns.
   */
  public <T> T updateInPlace(Function<NDArray, T> change) {
    beforeInPlace("updateInPlace");
    return change.apply(value);
  }

  private void beforeInPlace(String op) {
    if (requiresGrad && GradMode.isRecording()) {
      throw new IllegalStateException(op + ": a tensor that requires gradients cannot be changed in place while "
          + "gradients are recorded; update it inside Autodiff.noGrad(...)");
    }
    version++;
  }

  // ---------------------------------------------------------------- internals

  /** Whether none of {@code tensors} carries a forward-mode tangent. */
  static boolean noTangents(Tensor... tensors) {
    for (Tensor t : tensors) {
      if (t.tangent != null) {
        return false;
      }
    }
    return true;
  }

  /** Sum of two forward-mode tangents, either of which may be null (zero). */
  static Tensor sumOfTangents(Tensor a, Tensor b) {
    return a == null ? b : b == null ? a : a.add(b);
  }

  private Tensor scalarLike(double scalar) {
    return constant(NDArray.scalar(scalar, dtype().isFloating() ? dtype() : DType.FLOAT64));
  }

  /** Both operands with one dtype and one shape: promotion by cast, broadcasting by expand. */
  private Tensor[] aligned(String op, Tensor other) {
    DType type = DType.promote(dtype(), other.dtype());
    Shape shape = Shape.broadcast(op, shape(), other.shape());
    return new Tensor[] {astype(type).broadcastTo(shape), other.astype(type).broadcastTo(shape)};
  }

  private int[] allAxes() {
    int[] axes = new int[rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return axes;
  }

  @Override
  public String toString() {
    return "Tensor(" + value + (requiresGrad ? ", requiresGrad" : "") + (rule != null ? ", op=" + rule.name() : "") + ")";
  }
}
