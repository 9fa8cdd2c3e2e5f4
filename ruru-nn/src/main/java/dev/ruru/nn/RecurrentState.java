package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/**
 * The states a recurrent layer starts from or ends with, PyTorch's (h_n, c_n): hidden [layers·directions,
 * batch, hidden], index layer·directions + direction; {@code cell} likewise for the LSTM, null otherwise.
 */
public record RecurrentState(Tensor hidden, Tensor cell) {
  /** These states cut from the graph: truncated backpropagation through time carries values, not gradients. */
  public RecurrentState detach() {
    return new RecurrentState(hidden.detach(), cell == null ? null : cell.detach());
  }
}
