package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * Anomaly mode ({@link Autodiff#detectAnomaly}): after every primitive, forward and backward, checks
 * that finite inputs gave a finite result, and names the operation that did not. Costs a pass over
 * every result, so it is off unless asked for.
 */
final class Anomaly {
  static final ScopedValue<Boolean> DETECTING = ScopedValue.newInstance();

  private Anomaly() {}

  static void checkForward(Rule rule, NDArray[] inputs, NDArray output) {
    if (!DETECTING.orElse(Boolean.FALSE) || isFinite(output)) {
      return;
    }
    for (NDArray input : inputs) {
      if (!isFinite(input)) {
        return;
      }
    }
    throw new AnomalyException("anomaly: " + rule.name() + " produced " + kind(output) + " from finite inputs of shapes "
        + shapes(inputs) + " in the forward pass");
  }

  static void checkBackward(Rule rule, int input, NDArray gradient) {
    if (DETECTING.orElse(Boolean.FALSE) && !isFinite(gradient)) {
      throw new AnomalyException("anomaly: the backward rule of " + rule.name() + " produced " + kind(gradient)
          + " in the gradient of its input " + input);
    }
  }

  private static boolean isFinite(NDArray array) {
    return !array.dtype().isFloating() || array.abs().lt(Double.POSITIVE_INFINITY).astype(dev.ruru.array.DType.INT64).sum().item() == array.size();
  }

  private static String kind(NDArray array) {
    return array.ne(array).astype(dev.ruru.array.DType.INT64).sum().item() > 0 ? "NaN" : "Inf";
  }

  private static String shapes(NDArray[] inputs) {
    StringBuilder text = new StringBuilder();
    for (NDArray input : inputs) {
      text.append(text.isEmpty() ? "" : ", ").append(input.shape());
    }
    return text.toString();
  }
}
