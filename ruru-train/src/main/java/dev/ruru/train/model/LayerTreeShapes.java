package dev.ruru.train.model;

import dev.ruru.array.DType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What a {@link LayerTreeJson} description implies before anything is built: the keys each type takes,
 * and the state dictionary (names, dtypes, extents in {@code long}) its layers would have, in their
 * order. Loading compares these with the weights' header first, so a description claiming enormous
 * layers allocates nothing; saving compares them with the model's own state, so a description that does
 * not fit the weights is refused before anything is written.
 */
final class LayerTreeShapes {
  private static final Map<String, List<String>> KEYS = Map.ofEntries(
      Map.entry("Sequential", List.of("layers")),
      Map.entry("Linear", List.of("in", "out", "bias", "dtype")),
      Map.entry("Conv2d", List.of("in", "out", "kernel", "stride", "padding", "dilation", "groups", "bias", "dtype")),
      Map.entry("MaxPool2d", List.of("kernel", "stride", "padding")),
      Map.entry("AvgPool2d", List.of("kernel", "stride", "padding")),
      Map.entry("Flatten", List.of("start", "end")),
      Map.entry("Unflatten", List.of("axis", "sizes")),
      Map.entry("LeakyReLU", List.of("negative_slope")),
      Map.entry("ELU", List.of("alpha")),
      Map.entry("Softmax", List.of("axis")),
      Map.entry("LogSoftmax", List.of("axis")),
      Map.entry("Dropout", List.of("p")),
      Map.entry("Dropout2d", List.of("p")),
      Map.entry("BatchNorm1d", List.of("features", "eps", "momentum", "dtype")),
      Map.entry("BatchNorm2d", List.of("features", "eps", "momentum", "dtype")),
      Map.entry("LayerNorm", List.of("shape", "eps", "dtype")),
      Map.entry("Residual", List.of("body", "shortcut")));

  private LayerTreeShapes() {}

  /** Refuses an unknown type, a missing key of its type, and any other key. */
  static void checkKeys(ModelJson node, String type) {
    if (!LayerTreeJson.TYPES.contains(type)) {
      throw node.mismatch("type", "one of " + LayerTreeJson.TYPES);
    }
    List<String> required = new java.util.ArrayList<>(List.of("type"));
    required.addAll(KEYS.getOrDefault(type, List.of()));
    node.checkKeys(required, List.of());
  }

  /** The integers under {@code key}, exactly {@code size} of them. */
  static List<Integer> sized(ModelJson node, String key, int size) {
    List<Integer> values = node.integers(key);
    if (values.size() != size) {
      throw node.mismatch(key, "an array of " + size + " integers");
    }
    return values;
  }

  /** The state dictionary {@code node} implies, its names prefixed by {@code prefix} (empty at the root). */
  static Stream<ParameterShape> shapes(ModelJson node, String prefix) {
    String type = node.text("type");
    checkKeys(node, type);
    return switch (type) {
      case "Sequential" -> {
        List<ModelJson> layers = node.objects("layers");
        yield IntStream.range(0, layers.size()).boxed().flatMap(i -> shapes(layers.get(i), prefix + i + "."));
      }
      case "Residual" -> Stream.concat(shapes(node.object("body"), prefix + "body."), shapes(node.object("shortcut"), prefix + "shortcut."));
      case "Linear" -> weightAndBias(node, prefix, List.of((long) node.integer("out"), (long) node.integer("in")));
      case "Conv2d" -> {
        List<Integer> kernel = sized(node, "kernel", 2);
        long groups = Math.max(1, node.integer("groups"));
        yield weightAndBias(node, prefix, List.of((long) node.integer("out"), node.integer("in") / groups, (long) kernel.get(0),
            (long) kernel.get(1)));
      }
      case "BatchNorm1d", "BatchNorm2d" -> batchNorm(node, prefix);
      case "LayerNorm" -> {
        List<Long> shape = node.integers("shape").stream().map(Integer::longValue).toList();
        DType dtype = LayerTreeJson.dtype(node);
        yield Stream.of(new ParameterShape(prefix + "weight", dtype, shape), new ParameterShape(prefix + "bias", dtype, shape));
      }
      default -> Stream.of();
    };
  }

  private static Stream<ParameterShape> weightAndBias(ModelJson node, String prefix, List<Long> weight) {
    DType dtype = LayerTreeJson.dtype(node);
    ParameterShape weights = new ParameterShape(prefix + "weight", dtype, weight);
    return node.flag("bias") ? Stream.of(weights, new ParameterShape(prefix + "bias", dtype, List.of(weight.get(0)))) : Stream.of(weights);
  }

  private static Stream<ParameterShape> batchNorm(ModelJson node, String prefix) {
    DType dtype = LayerTreeJson.dtype(node);
    long features = node.integer("features");
    return Stream.of(ParameterShape.of(prefix + "weight", dtype, features), ParameterShape.of(prefix + "bias", dtype, features),
        ParameterShape.of(prefix + "running_mean", dtype, features), ParameterShape.of(prefix + "running_var", dtype, features),
        ParameterShape.of(prefix + "num_batches_tracked", DType.INT64));
  }
}
