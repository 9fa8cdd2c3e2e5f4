package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.function.Supplier;

/**
 * A primitive operation: its kernel and its two derivative rules, kept together so they cannot drift
 * apart. Everything else in Ruru is composed from primitives and gets both modes of differentiation
 * for free.
 *
 * <p>The derivative rules are written with {@link Tensor} operations, not arrays, so that when
 * {@code backward} runs with {@link Backward#CREATE_GRAPH} (or a tangent passes through a backward
 * pass) the derivative computation is itself recorded and can be differentiated again.
 */
interface Rule {
  /** The name errors and anomaly reports use, e.g. {@code "exp"}. */
  String name();

  /** The kernel: the output value from the input values. Inputs are not modified. */
  NDArray forward(NDArray... inputs);

  /**
   * Reverse mode: the vector-Jacobian product gᵀ·∂out/∂input[i], shaped like input i. Called only for
   * inputs that need a gradient.
   */
  Tensor vjp(int input, Tensor gradient, Tensor[] inputs, Tensor output);

  /**
   * The same vector-Jacobian product for a plain pass (no graph recorded, no tangents), written into
   * the array {@code destination} supplies (input i's shape and dtype; only the backward pass holds
   * it), when the rule can compute it there with no temporary array. Returns that array, or null when
   * the rule cannot, in which case it does not ask for the array and {@link #vjp} is used.
   */
  default NDArray vjpInto(int input, Tensor gradient, Tensor[] inputs, Tensor output, Supplier<NDArray> destination) {
    return null;
  }

  /**
   * Forward mode: ∂out/∂inputs · tangents, shaped like the output. A null tangent stands for zero (an
   * input that does not depend on the direction); at least one tangent is non-null.
   */
  Tensor jvp(Tensor[] tangents, Tensor[] inputs, Tensor output);
}
