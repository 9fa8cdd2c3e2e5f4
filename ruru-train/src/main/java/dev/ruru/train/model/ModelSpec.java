package dev.ruru.train.model;

import dev.ruru.array.DType;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.GELU;
import dev.ruru.nn.Init;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Module;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Sigmoid;
import dev.ruru.nn.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What network to build, in words a file can hold ({@code model.json}): a multi-layer perceptron
 * {@code Flatten → Linear(in, h₁) → act [→ Dropout] → … → Linear(h_k, classes)} over inputs of
 * {@code inputShape}, with PyTorch's default initialisation, so its parameters are named as
 * {@code torch.nn.Sequential(nn.Flatten(), nn.Linear(...), nn.ReLU(), ...)} names them
 * ({@code "1.weight"}, {@code "1.bias"}, {@code "3.weight"}, ...) and load into it unchanged.
 *
 * @param architecture the family; {@code "mlp"} is the one built here
 * @param inputShape one example's shape, e.g. {@code [28, 28]}
 * @param hidden the hidden layer widths, e.g. {@code [256, 128]}; may be empty (softmax regression)
 * @param classes the number of outputs (classes)
 * @param activation {@code relu}, {@code tanh}, {@code sigmoid} or {@code gelu}
 * @param dropout the dropout probability after each hidden activation (0: no Dropout layers)
 * @param dtype float32 or float64 parameters
 * @param classNames a name per class (may be empty)
 * @param preprocessing how inputs must be prepared, in words, e.g. "pixels scaled to [0, 1]"
 */
public record ModelSpec(String architecture, List<Integer> inputShape, List<Integer> hidden, int classes, String activation, double dropout,
    DType dtype, List<String> classNames, String preprocessing) {
  public static final String MLP = "mlp";
  static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "gelu");

  public ModelSpec {
    Objects.requireNonNull(architecture, "architecture");
    inputShape = List.copyOf(inputShape);
    hidden = List.copyOf(hidden);
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(preprocessing, "preprocessing");
    if (!architecture.equals(MLP)) {
      throw new IllegalArgumentException("model: unknown architecture '" + architecture + "'; expected " + MLP);
    }
    if (inputShape.isEmpty() || inputShape.stream().anyMatch(dim -> dim < 1)) {
      throw new IllegalArgumentException("model: input shape must be positive extents, got " + inputShape);
    }
    if (hidden.stream().anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException("model: hidden layer widths must be positive, got " + hidden);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("model: a classifier needs at least 2 classes, got " + classes);
    }
    if (!ACTIVATIONS.contains(activation)) {
      throw new IllegalArgumentException("model: unknown activation '" + activation + "'; expected one of " + ACTIVATIONS);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("Invalid dropout: " + dropout + " (must be in [0, 1))");
    }
    if (!dtype.isFloating()) {
      throw new IllegalArgumentException("model: parameters must be float32 or float64, got " + dtype);
    }
    if (!classNames.isEmpty() && classNames.size() != classes) {
      throw new IllegalArgumentException("model: " + classNames.size() + " class names for " + classes + " classes");
    }
  }

  /** An MLP over images of {@code rows × columns} pixels scaled to [0, 1], ReLU, float32, no dropout. */
  public static ModelSpec mlp(List<Integer> inputShape, List<Integer> hidden, List<String> classNames) {
    return new ModelSpec(MLP, inputShape, hidden, classNames.size(), "relu", 0, DType.FLOAT32, classNames, "pixels scaled to [0, 1]");
  }

  /** The number of input features: the product of {@link #inputShape}. */
  public int inputFeatures() {
    int features = 1;
    for (int dim : inputShape) {
      features *= dim;
    }
    return features;
  }

  /** This spec with another dropout probability. */
  public ModelSpec withDropout(double probability) {
    return new ModelSpec(architecture, inputShape, hidden, classes, activation, probability, dtype, classNames, preprocessing);
  }

  /** This spec with another activation. */
  public ModelSpec withActivation(String name) {
    return new ModelSpec(architecture, inputShape, hidden, classes, name, dropout, dtype, classNames, preprocessing);
  }

  /** A new network of this shape, its weights (and later its dropout masks) drawn from {@code rng}. */
  public Module build(RandomGenerator rng) {
    List<Module> layers = new ArrayList<>();
    layers.add(new Flatten());
    int width = inputFeatures();
    for (int next : hidden) {
      layers.add(linear(width, next, rng));
      layers.add(activationLayer());
      if (dropout > 0) {
        layers.add(new Dropout(dropout, rng));
      }
      width = next;
    }
    layers.add(linear(width, classes, rng));
    return new Sequential(layers);
  }

  private Linear linear(int in, int out, RandomGenerator rng) {
    if (dtype == DType.FLOAT32) {
      return new Linear(in, out, rng);
    }
    double bound = 1 / Math.sqrt(in);
    return new Linear(in, out, Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN), Init.uniform(-bound, bound), dtype, rng);
  }

  private Module activationLayer() {
    return switch (activation) {
      case "tanh" -> new Tanh();
      case "sigmoid" -> new Sigmoid();
      case "gelu" -> new GELU();
      default -> new ReLU();
    };
  }

  /** {@code "mlp 784-256-128-10 relu"}: the layer sizes in one line. */
  public String describe() {
    StringBuilder sizes = new StringBuilder().append(inputFeatures());
    hidden.forEach(width -> sizes.append('-').append(width));
    sizes.append('-').append(classes);
    return architecture + " " + sizes + " " + activation + (dropout > 0 ? " dropout " + dropout : "") + " " + dtype.numpyName();
  }
}
