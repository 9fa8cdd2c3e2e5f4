package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * Numeric differentiation by central differences: ∂f/∂xᵢ ≈ (f(x + εeᵢ) − f(x − εeᵢ)) / 2ε. Two
 * evaluations of f per input element, with error O(ε²) from truncation and O(δ/ε) from rounding —
 * the course's "arbitrarily inaccurate" method, and the reference the other methods are checked against.
 * Runs in float64 whatever the input dtype.
 */
public final class NumericDiff {
  private NumericDiff() {}

  /** The gradient of a scalar f by input {@code x} alone. */
  public static NDArray gradient(TensorFunction f, NDArray x, double eps) {
    return gradients(f, new NDArray[] {x}, eps)[0];
  }

  /** The gradient of a scalar f by each of its inputs. */
  public static NDArray[] gradients(TensorFunction f, NDArray[] x, double eps) {
    if (!(eps > 0)) {
      throw new IllegalArgumentException("NumericDiff: eps must be positive, got " + eps);
    }
    NDArray[] point = new NDArray[x.length];
    for (int i = 0; i < x.length; i++) {
      point[i] = x[i].astype(DType.FLOAT64).copy();
    }
    NDArray[] result = new NDArray[x.length];
    for (int i = 0; i < x.length; i++) {
      NDArray flat = point[i].reshape(-1);
      double[] derivative = new double[flat.size()];
      for (int j = 0; j < flat.size(); j++) {
        double original = flat.getDouble(j);
        flat.setInPlace(original + eps, j);
        double plus = evaluate(f, point);
        flat.setInPlace(original - eps, j);
        double minus = evaluate(f, point);
        flat.setInPlace(original, j);
        derivative[j] = (plus - minus) / (2 * eps);
      }
      result[i] = NDArray.of(derivative, x[i].shape().dims());
    }
    return result;
  }

  /** (f(x + εt) − f(x − εt)) / 2ε: the derivative of f (of any shape) along the direction t. */
  public static NDArray directional(TensorFunction f, NDArray[] x, NDArray[] t, double eps) {
    NDArray[] plus = new NDArray[x.length];
    NDArray[] minus = new NDArray[x.length];
    for (int i = 0; i < x.length; i++) {
      NDArray base = x[i].astype(DType.FLOAT64);
      NDArray step = t[i].astype(DType.FLOAT64).mul(eps);
      plus[i] = base.add(step);
      minus[i] = base.sub(step);
    }
    return apply(f, plus).sub(apply(f, minus)).div(2 * eps);
  }

  private static double evaluate(TensorFunction f, NDArray[] point) {
    NDArray value = apply(f, point);
    if (value.size() != 1) {
      throw new IllegalArgumentException("NumericDiff: the function must return a scalar, got shape " + value.shape());
    }
    return value.item();
  }

  private static NDArray apply(TensorFunction f, NDArray[] point) {
    return Autodiff.noGrad(() -> {
      Tensor[] inputs = new Tensor[point.length];
      for (int i = 0; i < point.length; i++) {
        inputs[i] = Tensor.constant(point[i]);
      }
      return f.apply(inputs).value().astype(DType.FLOAT64);
    });
  }
}
