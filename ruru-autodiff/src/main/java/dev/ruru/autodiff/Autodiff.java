package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * JAX-style entry points: differentiate a {@link TensorFunction} at a point, by reverse mode
 * ({@link #grad}, {@link #vjp}), forward mode ({@link #jvp}) or both ({@link #jacobian},
 * {@link #hessianVectorProduct}). Inputs are not modified.
 *
 * <pre>{@code
 * TensorFunction f = x -> x[0].sin().mul(x[0]).sum();
 * NDArray g = Autodiff.grad(f, NDArray.of(new double[] {0.5, 1.5}))[0];   // sin(x) + x·cos(x)
 * }</pre>
 */
public final class Autodiff {
  private Autodiff() {}

  /** A value and the gradients of a scalar function by each input. */
  public record ValueAndGrad(NDArray value, List<NDArray> gradients) {}

  /** A value and its derivative along a direction (forward mode). */
  public record ValueAndTangent(NDArray value, NDArray tangent) {}

  /** ∇f(x) for each input of a scalar function, by reverse mode. */
  public static NDArray[] grad(TensorFunction f, NDArray... x) {
    return valueAndGrad(f, x).gradients().toArray(NDArray[]::new);
  }

  public static ValueAndGrad valueAndGrad(TensorFunction f, NDArray... x) {
    Tensor[] inputs = variables("grad", x);
    Tensor output = f.apply(inputs);
    if (output.value().size() != 1) {
      throw new IllegalArgumentException("grad: the function must return a scalar, got shape " + output.shape() + "; use vjp or jacobian");
    }
    return new ValueAndGrad(output.value(), List.of(pullBack(output, null, inputs)));
  }

  /** cᵀ·∂f/∂x: the cotangent {@code cotangent} (shaped like f's output) pulled back to each input. */
  public static NDArray[] vjp(TensorFunction f, NDArray[] x, NDArray cotangent) {
    Tensor[] inputs = variables("vjp", x);
    return pullBack(f.apply(inputs), cotangent, inputs);
  }

  /** Reverse mode; a function that ignores its inputs (a constant) has zero gradients, not an error. */
  private static NDArray[] pullBack(Tensor output, NDArray cotangent, Tensor[] inputs) {
    if (!output.requiresGrad()) {
      return Arrays.stream(inputs).map(x -> NDArray.zeros(x.shape(), x.dtype())).toArray(NDArray[]::new);
    }
    Gradients gradients = cotangent == null ? output.backward(List.of(inputs)) : output.backward(cotangent, List.of(inputs));
    return Arrays.stream(inputs).map(gradients::get).toArray(NDArray[]::new);
  }

  public static NDArray vjp(TensorFunction f, NDArray x, NDArray cotangent) {
    return vjp(f, new NDArray[] {x}, cotangent)[0];
  }

  /** ∂f/∂x · t: the derivative of f along the direction {@code tangents}, by forward mode (dual numbers). */
  public static ValueAndTangent jvp(TensorFunction f, NDArray[] x, NDArray[] tangents) {
    if (x.length != tangents.length) {
      throw new IllegalArgumentException("jvp: " + x.length + " inputs but " + tangents.length + " tangents");
    }
    Tensor[] inputs = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      inputs[i] = Tensor.dual(x[i], tangents[i]);
    }
    Tensor output = f.apply(inputs);
    NDArray tangent = output.tangent() == null ? NDArray.zeros(output.shape(), output.dtype()) : output.tangent().value();
    return new ValueAndTangent(output.value(), tangent);
  }

  public static ValueAndTangent jvp(TensorFunction f, NDArray x, NDArray tangent) {
    return jvp(f, new NDArray[] {x}, new NDArray[] {tangent});
  }

  /**
   * The Jacobian of f at x, shaped {@code output shape + input shape}. Forward mode builds it a column
   * per input element, reverse mode a row per output element; the cheaper one is chosen.
   */
  public static NDArray jacobian(TensorFunction f, NDArray x) {
    NDArray output = noGrad(() -> f.apply(Tensor.constant(x)).value());
    int inputs = x.size();
    int outputs = output.size();
    NDArray rows = NDArray.zeros(Shape.of(outputs, inputs), DType.FLOAT64);
    if (inputs <= outputs) {
      for (int j = 0; j < inputs; j++) {
        NDArray direction = basis(x.shape(), j, x.dtype());
        NDArray column = jvp(f, x, direction).tangent().reshape(outputs, 1);
        rows.slice(1, j, j + 1, 1).assignInPlace(column);
      }
    } else {
      for (int i = 0; i < outputs; i++) {
        NDArray row = vjp(f, x, basis(output.shape(), i, output.dtype())).reshape(1, inputs);
        rows.slice(0, i, i + 1, 1).assignInPlace(row);
      }
    }
    int[] shape = new int[output.rank() + x.rank()];
    System.arraycopy(output.shape().dims(), 0, shape, 0, output.rank());
    System.arraycopy(x.shape().dims(), 0, shape, output.rank(), x.rank());
    return rows.astype(x.dtype()).reshape(shape);
  }

  /** H·v for the Hessian H of a scalar f at x: reverse mode over the recorded gradient computation. */
  public static NDArray hessianVectorProduct(TensorFunction f, NDArray x, NDArray v) {
    Tensor input = variables("hessianVectorProduct", new NDArray[] {x})[0];
    Tensor output = f.apply(input);
    Tensor gradient = output.backward(List.of(input), Backward.CREATE_GRAPH).tensor(input);
    Tensor directional = gradient.mul(Tensor.constant(v.astype(gradient.dtype()))).sum();
    if (!directional.requiresGrad()) {
      return NDArray.zeros(x.shape(), x.dtype());
    }
    return directional.backward(List.of(input)).get(input);
  }

  /** Runs {@code body} without recording graphs (inference); tensors made inside have no gradients. */
  public static <T> T noGrad(Supplier<T> body) {
    return ScopedValue.where(GradMode.RECORDING, false).call(body::get);
  }

  /**
   * Whether operations record the graph here: false inside {@link #noGrad}. Lets a caller reuse values it
   * derived from parameters (an imported graph's folded BatchNorm) when no gradient can need them.
   */
  public static boolean isRecording() {
    return GradMode.isRecording();
  }

  /** Runs {@code body} checking every primitive, forward and backward, for NaN or infinity from finite inputs. */
  public static <T> T detectAnomaly(Supplier<T> body) {
    return ScopedValue.where(Anomaly.DETECTING, true).call(body::get);
  }

  private static Tensor[] variables(String op, NDArray[] x) {
    Tensor[] inputs = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!x[i].dtype().isFloating()) {
        throw new IllegalArgumentException(op + ": input " + i + " has dtype " + x[i].dtype()
            + "; gradients need float32 or float64 inputs");
      }
      inputs[i] = Tensor.variable(x[i]);
    }
    return inputs;
  }

  private static NDArray basis(Shape shape, int index, DType dtype) {
    NDArray e = NDArray.zeros(Shape.of(shape.size()), dtype);
    e.setInPlace(1, index);
    return e.reshape(shape);
  }
}
