package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks reverse and forward mode against central differences, in float64. A function with a
 * non-scalar output is checked through L = Σ f(x)·c for a fixed random c, which exercises every output.
 * An element passes when |a − n| ≤ 1e-8 or |a − n| / (|a| + |n|) ≤ 1e-5 (analytic a, numeric n, ε = 1e-6).
 */
public final class GradCheck {
  static final double EPS = 1e-6;
  static final double ABSOLUTE_TOLERANCE = 1e-8;
  static final double RELATIVE_TOLERANCE = 1e-5;

  private GradCheck() {}

  /** The largest errors of each mode for one input. */
  public record InputReport(int input, double reverseAbsolute, double reverseRelative, double forwardAbsolute, double forwardRelative) {
    public boolean passes() {
      return (reverseAbsolute <= ABSOLUTE_TOLERANCE || reverseRelative <= RELATIVE_TOLERANCE)
          && (forwardAbsolute <= ABSOLUTE_TOLERANCE || forwardRelative <= RELATIVE_TOLERANCE);
    }
  }

  public record Report(List<InputReport> inputs) {
    public boolean passes() {
      return inputs.stream().allMatch(InputReport::passes);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("input  reverse abs  reverse rel  forward abs  forward rel\n");
      for (InputReport r : inputs) {
        text.append(String.format("%5d  %11.3e  %11.3e  %11.3e  %11.3e%n", r.input(), r.reverseAbsolute(), r.reverseRelative(),
            r.forwardAbsolute(), r.forwardRelative()));
      }
      return text.toString();
    }
  }

  /** The largest absolute and relative error per input, reverse and forward mode against finite differences. */
  public static Report check(TensorFunction f, NDArray... inputs) {
    NDArray[] x = float64(inputs);
    TensorFunction loss = scalarised(f, x);
    NDArray[] numeric = NumericDiff.gradients(loss, x, EPS);
    NDArray[] reverse = Autodiff.grad(loss, x);
    List<InputReport> reports = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      NDArray forward = forwardGradient(loss, x, i);
      double[] rev = errors(reverse[i], numeric[i]);
      double[] fwd = errors(forward, numeric[i]);
      reports.add(new InputReport(i, rev[0], rev[1], fwd[0], fwd[1]));
    }
    return new Report(reports);
  }

  /** Throws an AssertionError naming the input, the element and both values where reverse mode disagrees. */
  public static void assertVjpMatches(TensorFunction f, NDArray... inputs) {
    NDArray[] x = float64(inputs);
    TensorFunction loss = scalarised(f, x);
    NDArray[] numeric = NumericDiff.gradients(loss, x, EPS);
    NDArray[] reverse = Autodiff.grad(loss, x);
    for (int i = 0; i < x.length; i++) {
      compare("VJP", i, reverse[i], numeric[i]);
    }
  }

  /** Throws an AssertionError where forward mode along a random direction disagrees with finite differences. */
  public static void assertJvpMatches(TensorFunction f, NDArray... inputs) {
    NDArray[] x = float64(inputs);
    SplittableRandom rng = new SplittableRandom(7);
    NDArray[] tangents = new NDArray[x.length];
    for (int i = 0; i < x.length; i++) {
      tangents[i] = NDArray.normal(x[i].shape(), 0, 1, DType.FLOAT64, rng);
    }
    NDArray analytic = Autodiff.jvp(f, x, tangents).tangent().astype(DType.FLOAT64);
    compare("JVP", 0, analytic, NumericDiff.directional(f, x, tangents, EPS));
  }

  private static void compare(String mode, int input, NDArray analytic, NDArray numeric) {
    double[] a = analytic.toDoubleArray();
    double[] n = numeric.toDoubleArray();
    for (int j = 0; j < a.length; j++) {
      double absolute = Math.abs(a[j] - n[j]);
      double relative = absolute / (Math.abs(a[j]) + Math.abs(n[j]));
      if (!(absolute <= ABSOLUTE_TOLERANCE || relative <= RELATIVE_TOLERANCE)) {
        throw new AssertionError(String.format("%s mismatch for input %d at %s: analytic %.6g, numeric %.6g (relative error %.2e > %.0e)",
            mode, input, Arrays.toString(unravel(j, analytic.shape())), a[j], n[j], relative, RELATIVE_TOLERANCE));
      }
    }
  }

  private static NDArray forwardGradient(TensorFunction loss, NDArray[] x, int input) {
    double[] gradient = new double[x[input].size()];
    NDArray[] tangents = new NDArray[x.length];
    for (int k = 0; k < x.length; k++) {
      tangents[k] = NDArray.zeros(x[k].shape(), DType.FLOAT64);
    }
    for (int j = 0; j < gradient.length; j++) {
      NDArray direction = NDArray.zeros(Shape.of(gradient.length), DType.FLOAT64);
      direction.setInPlace(1, j);
      tangents[input] = direction.reshape(x[input].shape());
      gradient[j] = Autodiff.jvp(loss, x, tangents).tangent().item();
    }
    return NDArray.of(gradient, x[input].shape().dims());
  }

  /** f itself when scalar, else x ↦ Σ f(x)·c with c fixed by a seed. */
  private static TensorFunction scalarised(TensorFunction f, NDArray[] x) {
    NDArray sample = Autodiff.noGrad(() -> {
      Tensor[] constants = Arrays.stream(x).map(Tensor::constant).toArray(Tensor[]::new);
      return f.apply(constants).value();
    });
    if (sample.size() == 1) {
      return in -> f.apply(in).sum();
    }
    Tensor cotangent = Tensor.constant(NDArray.normal(sample.shape(), 0, 1, DType.FLOAT64, new SplittableRandom(11)));
    return in -> f.apply(in).mul(cotangent).sum();
  }

  private static double[] errors(NDArray analytic, NDArray numeric) {
    double[] a = analytic.toDoubleArray();
    double[] n = numeric.toDoubleArray();
    double maxAbsolute = 0;
    double maxRelative = 0;
    for (int j = 0; j < a.length; j++) {
      double absolute = Math.abs(a[j] - n[j]);
      double scale = Math.abs(a[j]) + Math.abs(n[j]);
      maxAbsolute = Math.max(maxAbsolute, absolute);
      maxRelative = Math.max(maxRelative, scale == 0 ? 0 : absolute / scale);
    }
    return new double[] {maxAbsolute, maxRelative};
  }

  private static NDArray[] float64(NDArray[] inputs) {
    return Arrays.stream(inputs).map(x -> x.astype(DType.FLOAT64)).toArray(NDArray[]::new);
  }

  private static int[] unravel(int flat, Shape shape) {
    int[] index = new int[shape.rank()];
    for (int axis = shape.rank() - 1; axis >= 0; axis--) {
      index[axis] = flat % shape.dim(axis);
      flat /= shape.dim(axis);
    }
    return index;
  }
}
