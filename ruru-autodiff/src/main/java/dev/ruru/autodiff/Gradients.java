package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The gradients a backward pass computed, for the leaves it was asked about. A leaf the output does
 * not depend on has gradient zero. Nothing accumulates between passes: each pass returns a new map.
 */
public final class Gradients {
  private final Map<Tensor, Tensor> byLeaf;

  Gradients(Map<Tensor, Tensor> byLeaf) {
    this.byLeaf = new IdentityHashMap<>(byLeaf);
  }

  /** The gradient of {@code leaf} as an array. */
  public NDArray get(Tensor leaf) {
    return tensor(leaf).value();
  }

  /** The gradient as a tensor: with {@link Backward#CREATE_GRAPH} it has a graph and can be differentiated. */
  public Tensor tensor(Tensor leaf) {
    Tensor gradient = byLeaf.get(leaf);
    if (gradient == null) {
      throw new IllegalArgumentException("gradients: " + leaf + " was not among the leaves passed to backward()");
    }
    return gradient;
  }

  public boolean contains(Tensor leaf) {
    return byLeaf.containsKey(leaf);
  }
}
