package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.Locale;

/**
 * The three ways to get the gradient ∇f(x) of a scalar {@link TensorFunction} f: Rⁿ → R from its code,
 * each behind one method so that they can be compared on the same function (the fourth way, symbolic,
 * works on a formula rather than code: see {@code dev.ruru.symbolic.GradientComparison}).
 *
 * <p>Their cost, if one evaluation of f costs M:
 * <ul>
 *   <li>{@link #REVERSE}: one forward pass that records the graph, one backward pass: O(M), whatever n;
 *   <li>{@link #FORWARD}: one pass with dual numbers per input element (tangent = a basis vector eᵢ,
 *       which gives ∂f/∂xᵢ): n passes, O(n·M);
 *   <li>{@link #NUMERIC}: central differences, two evaluations per input element: 2n evaluations,
 *       O(n·M), and only about two thirds of float64's 16 digits right (truncation error O(ε²),
 *       rounding error O(δ/ε), balanced near ε ≈ δ^(1/3)).
 * </ul>
 *
 * <pre>{@code
 * TensorFunction f = x -> x[0].sin().mul(x[0]).sum();
 * NDArray[] g = GradientMethod.FORWARD.gradients(f, NDArray.of(new double[] {0.5, 1.5}, 2));
 * }</pre>
 */
public enum GradientMethod {
  /** Reverse mode: one recorded evaluation, then {@link Tensor#backward} (as {@link Autodiff#grad}). */
  REVERSE {
    @Override
    public NDArray[] gradients(TensorFunction f, NDArray... x) {
      return Autodiff.grad(f, x);
    }
  },

  /** Forward mode: {@link Autodiff#jvp} along every basis direction, one pass per input element. */
  FORWARD {
    @Override
    public NDArray[] gradients(TensorFunction f, NDArray... x) {
      NDArray[] tangents = new NDArray[x.length];
      for (int i = 0; i < x.length; i++) {
        if (!x[i].dtype().isFloating()) {
          throw new IllegalArgumentException("forward: input " + i + " has dtype " + x[i].dtype()
              + "; gradients need float32 or float64 inputs");
        }
        tangents[i] = NDArray.zeros(x[i].shape(), x[i].dtype());
      }
      NDArray[] result = new NDArray[x.length];
      for (int i = 0; i < x.length; i++) {
        NDArray zero = tangents[i];
        double[] derivative = new double[x[i].size()];
        for (int j = 0; j < derivative.length; j++) {
          // The tangent is the basis vector e_j of input i, a fresh array each pass (a result's tangent
          // may be that very array: x + c passes it through); every other input has tangent zero.
          tangents[i] = basis(x[i], j);
          derivative[j] = scalar("forward", Autodiff.jvp(f, x, tangents).tangent());
        }
        tangents[i] = zero;
        result[i] = NDArray.of(derivative, x[i].shape().dims()).astype(x[i].dtype());
      }
      return result;
    }
  },

  /** Central differences with step {@link #NUMERIC_STEP}: {@link NumericDiff#gradients}, in float64. */
  NUMERIC {
    @Override
    public NDArray[] gradients(TensorFunction f, NDArray... x) {
      return NumericDiff.gradients(f, x, NUMERIC_STEP);
    }
  };

  /**
   * The step ε of {@link #NUMERIC}: near the best for central differences in float64, where the error
   * ε²·|f'''|/6 + δ·|f|/ε (δ ≈ 1.1e-16) is smallest around ε ≈ δ^(1/3) ≈ 5e-6.
   */
  public static final double NUMERIC_STEP = 1e-6;

  /**
   * ∇f(x): for each input, an array of its shape holding ∂f/∂ that input's elements. f must return a
   * single element. Inputs are not modified.
   *
   * @throws IllegalArgumentException when f's value has more than one element, or an input is not floating point
   */
  public abstract NDArray[] gradients(TensorFunction f, NDArray... x);

  /** The lower-case name, as the command line and JSON output spell it: {@code reverse}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static NDArray basis(NDArray like, int index) {
    NDArray e = NDArray.zeros(Shape.of(like.size()), like.dtype());
    e.setInPlace(1, index);
    return e.reshape(like.shape());
  }

  private static double scalar(String op, NDArray value) {
    if (value.size() != 1) {
      throw new IllegalArgumentException(op + ": the function must return a scalar, got shape " + value.shape());
    }
    return value.astype(DType.FLOAT64).item();
  }
}
