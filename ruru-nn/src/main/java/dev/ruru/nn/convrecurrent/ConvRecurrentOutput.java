package dev.ruru.nn.convrecurrent;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.RecurrentState;
import java.util.List;

/**
 * What a {@link ConvRecurrentLayer} returns: the last layer's hidden maps at every step
 * [batch, steps, hidden, H, W], and each layer's final state (maps [batch, hidden, H, W]), first layer first.
 */
public record ConvRecurrentOutput(Tensor output, List<RecurrentState> states) {
  public ConvRecurrentOutput {
    states = List.copyOf(states);
  }
}
