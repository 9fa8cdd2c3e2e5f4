package dev.ruru.train;

import dev.ruru.nn.Dropout;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** The networks the trainer's tests train, built from layers (the model families live in ruru-models, above this module). */
public final class TestNetworks {
  private TestNetworks() {}

  /** Flatten, then Linear-ReLU[-Dropout] per hidden width, then a linear output: {@code widths} = input, hidden..., outputs. */
  public static Layer mlp(RandomGenerator rng, double dropout, int... widths) {
    List<Layer> layers = new ArrayList<>(List.of(new Flatten()));
    for (int i = 1; i < widths.length; i++) {
      layers.add(new Linear(widths[i - 1], widths[i], rng));
      if (i < widths.length - 1) {
        layers.add(new ReLU());
        if (dropout > 0) {
          layers.add(new Dropout(dropout, rng));
        }
      }
    }
    return new Sequential(layers);
  }
}
