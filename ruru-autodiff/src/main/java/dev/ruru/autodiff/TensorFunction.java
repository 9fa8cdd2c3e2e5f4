package dev.ruru.autodiff;

/**
 * A differentiable function of tensors, the unit every form of differentiation works on: reverse mode
 * ({@link Autodiff#grad}), forward mode ({@link Autodiff#jvp}), numeric ({@link NumericDiff}) and the
 * tensor form of a symbolic expression.
 */
@FunctionalInterface
public interface TensorFunction {
  Tensor apply(Tensor... inputs);
}
