package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layers applied in order, each to the previous one's output. Parameters and buffers are named by
 * position, as in PyTorch: {@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...
 * A layer that can fuse relu into its own computation ({@link Conv2d}) and is followed by a
 * {@link ReLU} runs as one fused primitive; the result is the same as running the two apart.
 *
 * <pre>{@code
 * Sequential mlp = new Sequential(new Flatten(), new Linear(784, 256, rng), new ReLU(), new Linear(256, 10, rng));
 * }</pre>
 */
public final class Sequential implements Module {
  private final List<Module> layers;

  public Sequential(Module... layers) {
    this(List.of(layers));
  }

  public Sequential(List<Module> layers) {
    this.layers = List.copyOf(layers);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    Tensor x = input;
    for (int i = 0; i < layers.size(); i++) {
      Module layer = layers.get(i);
      if (layer instanceof ReluFusing fusing && i + 1 < layers.size() && layers.get(i + 1) instanceof ReLU) {
        x = fusing.forwardRelu(x, mode);
        i++;
      } else {
        x = layer.forward(x, mode);
      }
    }
    return x;
  }

  @Override
  public Map<String, Parameter> parameters() {
    List<Map<String, Parameter>> parts = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      parts.add(Params.nested(Integer.toString(i), layers.get(i).parameters()));
    }
    return Params.merge(parts);
  }

  @Override
  public Map<String, Buffer> buffers() {
    List<Map<String, Buffer>> parts = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      parts.add(Params.nested(Integer.toString(i), layers.get(i).buffers()));
    }
    return Params.merge(parts);
  }

  /** The layers, in order (an unmodifiable list). */
  public List<Module> layers() { return layers; }
  public Module get(int index) { return layers.get(index); }
  public int size() { return layers.size(); }

  /** PyTorch's layout: one line per layer, indented, with its index. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Sequential(\n");
    for (int i = 0; i < layers.size(); i++) {
      text.append("  (").append(i).append("): ").append(layers.get(i).toString().replace("\n", "\n  ")).append('\n');
    }
    return text.append(')').toString();
  }
}
