package dev.ruru.nn;

import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A skip connection (He et al., 2016): y = body(x) + shortcut(x), the shortcut {@link Identity} unless
 * the body changes the shape (then a strided 1×1 convolution and a BatchNorm, as in ResNet). Gradients
 * reach x through the shortcut unchanged, which is what lets very deep networks train. Parameters are
 * named {@code body.*} and {@code shortcut.*}. A ResNet basic block is
 * {@code new Sequential(new Residual(body, shortcut), new ReLU())}.
 *
 * <pre>{@code
 * Layer block = new Sequential(new Residual(new Sequential(new Conv2d(8, 8, 3, Conv2dSpec.of(1, 1)), new BatchNorm2d(8),
 *     new ReLU(), new Conv2d(8, 8, 3, Conv2dSpec.of(1, 1)), new BatchNorm2d(8))), new ReLU());
 * }</pre>
 */
public final class Residual implements Layer {
  private final Layer body;
  private final Layer shortcut;

  /** y = body(x) + x. */
  public Residual(Layer body) {
    this(body, new Identity());
  }

  public Residual(Layer body, Layer shortcut) {
    this.body = Objects.requireNonNull(body, "body");
    this.shortcut = Objects.requireNonNull(shortcut, "shortcut");
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    Tensor main = body.forward(input, mode);
    Tensor skipped = shortcut.forward(input, mode);
    if (!main.shape().equals(skipped.shape())) {
      throw new ShapeMismatchException("Residual: the body gives " + main.shape() + " and the shortcut " + skipped.shape() + " for input "
          + input.shape() + "; give a shortcut that changes the shape as the body does (a strided 1x1 Conv2d)");
    }
    return main.add(skipped);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("body", body.parameters()), Params.nested("shortcut", shortcut.parameters()));
  }

  @Override
  public Map<String, Buffer> buffers() {
    return Params.merge(Params.nested("body", body.buffers()), Params.nested("shortcut", shortcut.buffers()));
  }

  /** {@code "body"} and {@code "shortcut"}. */
  @Override
  public Map<String, Layer> children() {
    Map<String, Layer> children = new LinkedHashMap<>();
    children.put("body", body);
    children.put("shortcut", shortcut);
    return children;
  }

  @Override
  public Residual withChild(String name, Layer replacement) {
    return switch (name) {
      case "body" -> new Residual(replacement, shortcut);
      case "shortcut" -> new Residual(body, replacement);
      default -> throw new IllegalArgumentException("Residual: no layer '" + name + "'; its layers are body and shortcut");
    };
  }

  public Layer body() { return body; }
  public Layer shortcut() { return shortcut; }

  @Override
  public String toString() {
    return "Residual(\n  (body): " + body.toString().replace("\n", "\n  ") + "\n  (shortcut): " + shortcut.toString().replace("\n", "\n  ")
        + "\n)";
  }
}
