package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers applied in order, each to the previous one's output. Parameters and buffers are named by
 * position, as in PyTorch: {@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...
 * A {@link Conv2d} followed by a {@link ReLU}, and by a {@link MaxPool2d} after that, runs as one
 * fused primitive (the convolution's output clipped, and pooled, while it is in cache), and so does a
 * {@link Linear} followed by a {@link ReLU}; the numbers are those of the layers run apart.
 *
 * <pre>{@code
 * Sequential mlp = new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 10));
 * }</pre>
 */
public final class Sequential implements Layer {
  private final List<Layer> layers;

  public Sequential(Layer... layers) {
    this(List.of(layers));
  }

  public Sequential(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    Tensor x = input;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (layer instanceof Conv2d conv && layerAt(i + 1) instanceof ReLU) {
        if (layerAt(i + 2) instanceof MaxPool2d pool) {
          x = conv.forwardReluMaxPool(x, pool.spec());
          i += 2;
        } else {
          x = conv.forwardRelu(x);
          i++;
        }
      } else if (layer instanceof Linear linear && layerAt(i + 1) instanceof ReLU) {
        x = linear.forwardRelu(x);
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

  private Layer layerAt(int index) {
    return index < layers.size() ? layers.get(index) : null;
  }

  /** The layers by position: {@code "0"}, {@code "1"}, ... */
  @Override
  public Map<String, Layer> children() {
    Map<String, Layer> children = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      children.put(Integer.toString(i), layers.get(i));
    }
    return Collections.unmodifiableMap(children);
  }

  /** A new Sequential with the layer at position {@code name} replaced; the other layers are shared. */
  @Override
  public Sequential withChild(String name, Layer replacement) {
    int index = children().containsKey(name) ? Integer.parseInt(name) : -1;
    if (index < 0) {
      throw new IllegalArgumentException("Sequential: no layer '" + name + "'; the layers are 0 to " + (layers.size() - 1));
    }
    List<Layer> changed = new ArrayList<>(layers);
    changed.set(index, java.util.Objects.requireNonNull(replacement, "replacement"));
    return new Sequential(changed);
  }

  /** The layers, in order (an unmodifiable list). */
  public List<Layer> layers() { return layers; }
  public Layer get(int index) { return layers.get(index); }
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
