package dev.ruru.models.classify;

import dev.ruru.array.DType;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.GELU;
import dev.ruru.nn.Init;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Sigmoid;
import dev.ruru.nn.Tanh;
import dev.ruru.nn.Unflatten;
import dev.ruru.train.model.ParameterShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What network to build, in words a file can hold ({@code model.json}), with PyTorch's default
 * initialisation and PyTorch's parameter names, so the weights load into the equivalent
 * {@code torch.nn.Sequential} unchanged. Two families, both taking images {@code [n, ...inputShape]}:
 * <ul>
 *   <li>{@code mlp}: {@code Flatten → Linear(in, h₁) → act [→ Dropout] → … → Linear(h_k, classes)};
 *       parameters {@code "1.weight"}, {@code "1.bias"}, {@code "3.weight"}, ...</li>
 *   <li>{@code cnn} (inputs {@code [rows, columns]}): {@code Unflatten(1, (1, rows))}, which gives
 *       the convolutions their channel axis {@code [n, 1, rows, columns]}, then per entry c of
 *       {@code channels} {@code Conv2d(prev → c, 3×3, pad 1) → act → MaxPool2d(2)}, then {@code Flatten} and
 *       the same dense head as the MLP. {@code channels [16, 32]}, {@code hidden [128]} on 28×28 images is
 *       W3: {@code 28² → 16×14² → 32×7² = 1568 → 128 → 10}.</li>
 * </ul>
 *
 * @param architecture {@code "mlp"} or {@code "cnn"}
 * @param inputShape one example's shape, e.g. {@code [28, 28]}
 * @param channels the convolution widths of a CNN, e.g. {@code [16, 32]}; empty for an MLP
 * @param hidden the hidden dense layer widths, e.g. {@code [256, 128]}; may be empty (softmax regression)
 * @param classes the number of outputs (classes)
 * @param activation {@code relu}, {@code tanh}, {@code sigmoid} or {@code gelu}
 * @param dropout the dropout probability after each hidden dense activation (0: no Dropout layers)
 * @param dtype float32 or float64 parameters
 * @param classNames a name per class (may be empty)
 * @param preprocessing how inputs must be prepared, in words, e.g. "pixels scaled to [0, 1]"
 */
public record ModelSpec(String architecture, List<Integer> inputShape, List<Integer> channels, List<Integer> hidden, int classes,
    String activation, double dropout, DType dtype, List<String> classNames, String preprocessing) {
  public static final String MLP = "mlp";
  public static final String CNN = "cnn";
  /** Every architecture this spec builds, as {@code --model} and model.json name them. */
  public static final List<String> ARCHITECTURES = List.of(MLP, CNN);
  /** The side of a CNN's square convolution kernels and of its pooling windows. */
  static final int KERNEL = 3;
  static final int POOL = 2;
  static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "gelu");

  public ModelSpec {
    Objects.requireNonNull(architecture, "architecture");
    inputShape = List.copyOf(inputShape);
    channels = List.copyOf(channels);
    hidden = List.copyOf(hidden);
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(preprocessing, "preprocessing");
    if (!ARCHITECTURES.contains(architecture)) {
      throw new IllegalArgumentException("model: unknown architecture '" + architecture + "'; expected one of " + ARCHITECTURES);
    }
    if (inputShape.isEmpty() || inputShape.stream().anyMatch(dim -> dim < 1)) {
      throw new IllegalArgumentException("model: input shape must be positive extents, got " + inputShape);
    }
    checkChannels(architecture, inputShape, channels);
    checkFeatures(architecture, inputShape, channels);
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

  /** The spec of an MLP ({@code channels} empty), as written before CNNs existed. */
  public ModelSpec(String architecture, List<Integer> inputShape, List<Integer> hidden, int classes, String activation, double dropout,
      DType dtype, List<String> classNames, String preprocessing) {
    this(architecture, inputShape, List.of(), hidden, classes, activation, dropout, dtype, classNames, preprocessing);
  }

  /** A CNN needs images [rows, columns] big enough for every pooling and at least one width; an MLP no widths. */
  private static void checkChannels(String architecture, List<Integer> inputShape, List<Integer> channels) {
    if (architecture.equals(MLP)) {
      if (!channels.isEmpty()) {
        throw new IllegalArgumentException("model: an mlp has no convolution channels, got " + channels);
      }
      return;
    }
    if (inputShape.size() != 2) {
      throw new IllegalArgumentException("model: a cnn takes greyscale images [rows, columns], got input shape " + inputShape);
    }
    if (channels.isEmpty() || channels.stream().anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException("model: a cnn needs positive convolution widths, got " + channels);
    }
    int smallest = Math.min(inputShape.get(0), inputShape.get(1));
    if (channels.size() >= Integer.SIZE - 1 || smallest >> channels.size() < 1) {
      throw new IllegalArgumentException("model: " + channels.size() + " poolings by " + POOL + " leave nothing of images " + inputShape
          + "; use at most " + (31 - Integer.numberOfLeadingZeros(smallest)) + " convolution layers");
    }
  }

  /** An MLP over images of {@code rows × columns} pixels scaled to [0, 1], ReLU, float32, no dropout. */
  public static ModelSpec mlp(List<Integer> inputShape, List<Integer> hidden, List<String> classNames) {
    return new ModelSpec(MLP, inputShape, hidden, classNames.size(), "relu", 0, DType.FLOAT32, classNames, "pixels scaled to [0, 1]");
  }

  /**
   * A CNN over greyscale images {@code [rows, columns]} with pixels scaled to [0, 1], ReLU, float32, no
   * dropout: {@code cnn(List.of(28, 28), List.of(16, 32), List.of(128), names)} is W3.
   */
  public static ModelSpec cnn(List<Integer> inputShape, List<Integer> channels, List<Integer> hidden, List<String> classNames) {
    return new ModelSpec(CNN, inputShape, channels, hidden, classNames.size(), "relu", 0, DType.FLOAT32, classNames,
        "pixels scaled to [0, 1]");
  }

  /**
   * An MLP's input features and a CNN's first dense layer's must be counted by an {@code int}; a
   * description read from a file may claim any sizes, so the products are taken in {@code long}.
   */
  private static void checkFeatures(String architecture, List<Integer> inputShape, List<Integer> channels) {
    if (features(inputShape) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("model: input shape " + inputShape + " has more features than the " + Integer.MAX_VALUE
          + " a layer can take");
    }
    if (architecture.equals(CNN)) {
      long dense = (long) channels.getLast() * (inputShape.get(0) >> channels.size()) * (inputShape.get(1) >> channels.size());
      if (dense > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("model: the last convolution leaves " + dense + " features (" + channels.getLast() + " channels of "
            + (inputShape.get(0) >> channels.size()) + "x" + (inputShape.get(1) >> channels.size()) + "), more than the "
            + Integer.MAX_VALUE + " a layer can take");
      }
    }
  }

  private static long features(List<Integer> inputShape) {
    long features = 1;
    for (int dim : inputShape) {
      // Stops growing past an int's range, so that no number of extents overflows a long.
      features = Math.min(features * dim, 1L + Integer.MAX_VALUE);
    }
    return features;
  }

  /** The number of input features: the product of {@link #inputShape}. */
  public int inputFeatures() {
    return (int) features(inputShape);
  }

  /**
   * The width of the first dense layer's input: {@link #inputFeatures()} for an MLP; for a CNN the last
   * convolution's channels times what the poolings leave of the image, {@code c_k·⌊rows/2^k⌋·⌊columns/2^k⌋}.
   */
  public int denseFeatures() {
    if (architecture.equals(MLP)) {
      return inputFeatures();
    }
    return channels.getLast() * (inputShape.get(0) >> channels.size()) * (inputShape.get(1) >> channels.size());
  }

  /**
   * The state dictionary {@link #build} gives, name by name in its order, without building it: {@code
   * Sequential} numbers its layers, so a CNN's convolutions are {@code 1, 4, 7, ...} (each followed by
   * its activation and pooling) and the dense layers follow {@code Flatten}, each with its activation
   * and, with dropout, its {@code Dropout}. Lazy, so a description of a million layers is compared with a
   * file only as far as they agree.
   */
  public Stream<ParameterShape> parameterShapes() {
    int convolutions = channels.size();
    Stream<ParameterShape> convolution = IntStream.range(0, convolutions).boxed().flatMap(k -> Stream.of(
        ParameterShape.of((1 + 3 * k) + ".weight", dtype, channels.get(k), k == 0 ? 1 : channels.get(k - 1), KERNEL, KERNEL),
        ParameterShape.of((1 + 3 * k) + ".bias", dtype, channels.get(k))));
    // Unflatten before a CNN's convolutions, Flatten after them: the first Linear's index.
    int first = architecture.equals(CNN) ? 2 + 3 * convolutions : 1;
    int step = dropout > 0 ? 3 : 2;
    Stream<ParameterShape> dense = IntStream.rangeClosed(0, hidden.size()).boxed().flatMap(k -> {
      long in = k == 0 ? denseFeatures() : hidden.get(k - 1);
      long out = k == hidden.size() ? classes : hidden.get(k);
      return Stream.of(ParameterShape.of((first + step * k) + ".weight", dtype, out, in), ParameterShape.of((first + step * k) + ".bias", dtype, out));
    });
    return Stream.concat(convolution, dense);
  }

  /** This spec with another dropout probability. */
  public ModelSpec withDropout(double probability) {
    return new ModelSpec(architecture, inputShape, channels, hidden, classes, activation, probability, dtype, classNames, preprocessing);
  }

  /** This spec with another activation. */
  public ModelSpec withActivation(String name) {
    return new ModelSpec(architecture, inputShape, channels, hidden, classes, name, dropout, dtype, classNames, preprocessing);
  }

  /** A new network of this shape, its weights (and later its dropout masks) drawn from {@code rng}. */
  public Layer build(RandomGenerator rng) {
    List<Layer> layers = new ArrayList<>();
    if (architecture.equals(CNN)) {
      // [n, rows, columns] -> [n, 1, rows, columns]: a unit channel axis split off the rows axis.
      layers.add(new Unflatten(1, 1, inputShape.get(0)));
      int previous = 1;
      for (int width : channels) {
        layers.add(new Conv2d(previous, width, KERNEL, KERNEL, Conv2dSpec.of(1, KERNEL / 2), dtype, rng));
        layers.add(activationLayer());
        layers.add(new MaxPool2d(POOL));
        previous = width;
      }
    }
    layers.add(new Flatten());
    int width = denseFeatures();
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

  private Layer activationLayer() {
    return switch (activation) {
      case "tanh" -> new Tanh();
      case "sigmoid" -> new Sigmoid();
      case "gelu" -> new GELU();
      default -> new ReLU();
    };
  }

  /**
   * The layer sizes in one line: {@code "mlp 784-256-128-10 relu float32"}, or for a CNN the image, the
   * convolution widths and then the dense sizes, {@code "cnn 28x28 conv 16,32 1568-128-10 relu float32"}.
   */
  public String describe() {
    StringBuilder sizes = new StringBuilder();
    if (architecture.equals(CNN)) {
      sizes.append(inputShape.get(0)).append('x').append(inputShape.get(1)).append(" conv ");
      sizes.append(String.join(",", channels.stream().map(String::valueOf).toList())).append(' ');
    }
    sizes.append(denseFeatures());
    hidden.forEach(width -> sizes.append('-').append(width));
    sizes.append('-').append(classes);
    return architecture + " " + sizes + " " + activation + (dropout > 0 ? " dropout " + dropout : "") + " " + dtype.numpyName();
  }
}
