package dev.ruru.autodiff;

/**
 * Whether operations record the graph on this thread. A scoped value, not a global flag: it holds
 * only inside {@link Autodiff#noGrad} (inference) and inside a backward pass that does not create a
 * graph, and ends with that scope even if it throws.
 */
final class GradMode {
  static final ScopedValue<Boolean> RECORDING = ScopedValue.newInstance();

  private GradMode() {}

  static boolean isRecording() {
    return RECORDING.orElse(Boolean.TRUE);
  }
}
