package dev.ruru.models.transfer;

import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The model side of transfer learning: a pretrained network with a new head for the new classes, some
 * of its layers frozen. The head is the network's last {@link Linear} layer (in the order of its
 * parameters); a new one of the same input width and {@code classes} outputs replaces it. Freezing
 * ({@link Layer#freeze}) happens before the head is replaced, so {@code "*"} freezes the whole body and
 * the new head alone trains: "frozen features and a new head". Without a freeze pattern everything
 * trains: fine-tuning.
 *
 * <pre>{@code
 * Layer model = FineTuning.adapt(pretrained.model(), "*", 5, rng);   // frozen features, new 5-class head
 * }</pre>
 */
public final class FineTuning {
  private FineTuning() {}

  /** The path of {@code model}'s last {@link Linear} layer, e.g. {@code "10"} in the CNN family; an error when it has none. */
  public static String headPath(Layer model) {
    String last = null;
    Deque<Map.Entry<String, Layer>> pending = new ArrayDeque<>();
    pending.push(Map.entry("", model));
    // Depth first, children in order: the last Linear visited is the last in the parameters' order.
    while (!pending.isEmpty()) {
      Map.Entry<String, Layer> entry = pending.pop();
      if (entry.getValue() instanceof Linear) {
        last = entry.getKey();
      }
      var children = entry.getValue().children().entrySet().stream().toList();
      for (int i = children.size() - 1; i >= 0; i--) {
        String name = children.get(i).getKey();
        pending.push(Map.entry(entry.getKey().isEmpty() ? name : entry.getKey() + "." + name, children.get(i).getValue()));
      }
    }
    if (last == null || last.isEmpty()) {
      throw new IllegalArgumentException("--head: the model has no Linear layer inside a container to replace; it is " + model);
    }
    return last;
  }

  /**
   * {@code model} with the parameters {@code freeze} selects frozen (none when null or empty) and, when
   * {@code classes > 0}, a new head of {@code classes} outputs drawn from {@code rng}. The returned model
   * shares every other layer with {@code model}.
   */
  public static Layer adapt(Layer model, String freeze, int classes, RandomGenerator rng) {
    if (freeze != null && !freeze.isBlank()) {
      model.freeze(freeze);
    }
    if (classes <= 0) {
      return model;
    }
    String path = headPath(model);
    Linear head = (Linear) model.layer(path);
    return model.replace(path, new Linear(head.inFeatures(), classes, rng));
  }
}
