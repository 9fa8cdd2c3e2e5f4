package dev.ruru.train.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.nn.AvgPool2d;
import dev.ruru.nn.BatchNorm1d;
import dev.ruru.nn.BatchNorm2d;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.Dropout2d;
import dev.ruru.nn.ELU;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.GELU;
import dev.ruru.nn.Identity;
import dev.ruru.nn.Init;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LayerNorm;
import dev.ruru.nn.LeakyReLU;
import dev.ruru.nn.Linear;
import dev.ruru.nn.LogSoftmax;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Residual;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Sigmoid;
import dev.ruru.nn.Softmax;
import dev.ruru.nn.Tanh;
import dev.ruru.nn.Unflatten;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A tree of standard layers as JSON, each layer its type and constructor arguments, so that a model
 * loads with no code (as Keras saves a model): {@code {"type": "Sequential", "layers": [{"type":
 * "Linear", "in": 784, "out": 128, "bias": true, "dtype": "float32"}, {"type": "ReLU"}, ...]}}. The
 * types are Sequential, Linear, Conv2d, MaxPool2d, AvgPool2d, Flatten, Unflatten, the activations
 * (ReLU, Tanh, Sigmoid, GELU, LeakyReLU, ELU, Softmax, LogSoftmax, Identity), Dropout, Dropout2d,
 * BatchNorm1d, BatchNorm2d, LayerNorm and Residual (skip connections: {@code "body"} and {@code "shortcut"},
 * each a layer); any other layer is refused by path and class. Reading is
 * strict (every key known, every value of its type) through {@link ModelJson}; the tensors a
 * description implies are known from it alone ({@link LayerTreeShapes}), before anything is built.
 */
public final class LayerTreeJson {
  /** The type names, as the description writes them. */
  public static final List<String> TYPES = List.of("Sequential", "Linear", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "Unflatten",
      "ReLU", "Tanh", "Sigmoid", "GELU", "LeakyReLU", "ELU", "Softmax", "LogSoftmax", "Identity", "Dropout", "Dropout2d", "BatchNorm1d",
      "BatchNorm2d", "LayerNorm", "Residual");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LayerTreeJson() {}

  /** The description of {@code layer}; {@code path} names it in the message for a layer of another type. */
  public static ObjectNode describe(Layer layer, String path) {
    ObjectNode node = NODES.objectNode().put("type", typeOf(layer, path));
    switch (layer) {
      case Sequential sequential -> {
        ArrayNode layers = node.putArray("layers");
        sequential.children().forEach((name, child) -> layers.add(describe(child, path.isEmpty() ? name : path + "." + name)));
      }
      case Residual residual -> {
        node.set("body", describe(residual.body(), path.isEmpty() ? "body" : path + ".body"));
        node.set("shortcut", describe(residual.shortcut(), path.isEmpty() ? "shortcut" : path + ".shortcut"));
      }
      case Linear linear -> node.put("in", linear.inFeatures()).put("out", linear.outFeatures()).put("bias", linear.bias() != null)
          .put("dtype", linear.weight().dtype().numpyName());
      case Conv2d conv -> describeConv(node, conv, path);
      case MaxPool2d pool -> describePool(node, pool.spec());
      case AvgPool2d pool -> describePool(node, pool.spec());
      case Flatten flatten -> node.put("start", flatten.startAxis()).put("end", flatten.endAxis());
      case Unflatten unflatten -> ints(node.put("axis", unflatten.axis()), "sizes", unflatten.sizes());
      case LeakyReLU leaky -> node.put("negative_slope", leaky.negativeSlope());
      case ELU elu -> node.put("alpha", elu.alpha());
      case Softmax softmax -> node.put("axis", softmax.axis());
      case LogSoftmax logSoftmax -> node.put("axis", logSoftmax.axis());
      case Dropout dropout -> node.put("p", dropout.probability());
      case Dropout2d dropout -> node.put("p", dropout.probability());
      case BatchNorm1d norm -> node.put("features", norm.features()).put("eps", norm.eps()).put("momentum", norm.momentum())
          .put("dtype", norm.weight().dtype().numpyName());
      case BatchNorm2d norm -> node.put("features", norm.features()).put("eps", norm.eps()).put("momentum", norm.momentum())
          .put("dtype", norm.weight().dtype().numpyName());
      case LayerNorm norm -> ints(node, "shape", norm.normalizedShape().dims()).put("eps", norm.eps())
          .put("dtype", norm.weight().dtype().numpyName());
      default -> { } // The activations without arguments.
    }
    return node;
  }

  private static String typeOf(Layer layer, String path) {
    String type = layer.getClass().getSimpleName();
    if (!TYPES.contains(type) || !layer.getClass().getPackageName().equals("dev.ruru.nn")) {
      throw new IllegalArgumentException("save: layer '" + (path.isEmpty() ? "(the model)" : path) + "' is a " + layer.getClass().getName()
          + ", which an architecture description cannot hold; it holds the standard layers " + TYPES
          + "; save a model of another family with that family's own files");
    }
    return type;
  }

  private static void describeConv(ObjectNode node, Conv2d conv, String path) {
    Shape weight = conv.weight().shape();
    Conv2dSpec spec = conv.spec();
    if (conv.bias() == null && weight.dim(2) != weight.dim(3)) {
      throw new IllegalArgumentException("save: layer '" + path + "': a Conv2d without bias must have a square kernel to be described, got "
          + weight.dim(2) + "x" + weight.dim(3));
    }
    node.put("in", conv.inChannels()).put("out", conv.outChannels());
    ints(node, "kernel", weight.dim(2), weight.dim(3));
    ints(node, "stride", spec.strideHeight(), spec.strideWidth());
    ints(node, "padding", spec.padTop(), spec.padBottom(), spec.padLeft(), spec.padRight());
    ints(node, "dilation", spec.dilationHeight(), spec.dilationWidth());
    node.put("groups", spec.groups()).put("bias", conv.bias() != null).put("dtype", conv.weight().dtype().numpyName());
  }

  private static void describePool(ObjectNode node, Pool2dSpec spec) {
    ints(node, "kernel", spec.kernelHeight(), spec.kernelWidth());
    ints(node, "stride", spec.strideHeight(), spec.strideWidth());
    ints(node, "padding", spec.paddingHeight(), spec.paddingWidth());
  }

  private static ObjectNode ints(ObjectNode node, String key, int... values) {
    ArrayNode array = node.putArray(key);
    for (int value : values) {
      array.add(value);
    }
    return node;
  }

  /**
   * The layer {@code node} describes, its weights drawn from {@code rng} (loading replaces them).
   * Unknown types and keys, and values of the wrong type, are refused with the file and the key.
   */
  public static Layer build(ModelJson node, RandomGenerator rng) {
    String type = node.text("type");
    LayerTreeShapes.checkKeys(node, type);
    return switch (type) {
      case "Sequential" -> {
        List<Layer> layers = new ArrayList<>();
        node.objects("layers").forEach(child -> layers.add(build(child, rng)));
        yield new Sequential(layers);
      }
      case "Residual" -> new Residual(build(node.object("body"), rng), build(node.object("shortcut"), rng));
      case "Linear" -> linear(node, rng);
      case "Conv2d" -> conv(node, rng);
      case "MaxPool2d" -> new MaxPool2d(poolSpec(node));
      case "AvgPool2d" -> new AvgPool2d(poolSpec(node));
      case "Flatten" -> new Flatten(node.integer("start"), node.integer("end"));
      case "Unflatten" -> new Unflatten(node.integer("axis"), node.integers("sizes").stream().mapToInt(Integer::intValue).toArray());
      case "ReLU" -> new ReLU();
      case "Tanh" -> new Tanh();
      case "Sigmoid" -> new Sigmoid();
      case "GELU" -> new GELU();
      case "Identity" -> new Identity();
      case "LeakyReLU" -> new LeakyReLU(node.number("negative_slope"));
      case "ELU" -> new ELU(node.number("alpha"));
      case "Softmax" -> new Softmax(node.integer("axis"));
      case "LogSoftmax" -> new LogSoftmax(node.integer("axis"));
      case "Dropout" -> new Dropout(node.number("p"), rng);
      case "Dropout2d" -> new Dropout2d(node.number("p"), rng);
      case "BatchNorm1d" -> new BatchNorm1d(node.integer("features"), node.number("eps"), node.number("momentum"), dtype(node));
      case "BatchNorm2d" -> new BatchNorm2d(node.integer("features"), node.number("eps"), node.number("momentum"), dtype(node));
      case "LayerNorm" -> new LayerNorm(Shape.of(node.integers("shape").stream().mapToInt(Integer::intValue).toArray()), node.number("eps"),
          dtype(node));
      default -> throw node.mismatch("type", "one of " + TYPES);
    };
  }

  private static Linear linear(ModelJson node, RandomGenerator rng) {
    int in = node.integer("in");
    int out = node.integer("out");
    // Zeros: the saved weights replace whatever is drawn here.
    return node.flag("bias") ? new Linear(in, out, Init.zeros(), Init.zeros(), dtype(node), rng)
        : Linear.withoutBias(in, out, Init.zeros(), dtype(node), rng);
  }

  private static Conv2d conv(ModelJson node, RandomGenerator rng) {
    List<Integer> kernel = LayerTreeShapes.sized(node, "kernel", 2);
    List<Integer> stride = LayerTreeShapes.sized(node, "stride", 2);
    List<Integer> padding = LayerTreeShapes.sized(node, "padding", 4);
    List<Integer> dilation = LayerTreeShapes.sized(node, "dilation", 2);
    Conv2dSpec spec = new Conv2dSpec(stride.get(0), stride.get(1), padding.get(0), padding.get(1), padding.get(2), padding.get(3),
        dilation.get(0), dilation.get(1), node.integer("groups"));
    int in = node.integer("in");
    int out = node.integer("out");
    return node.flag("bias") ? new Conv2d(in, out, kernel.get(0), kernel.get(1), spec, dtype(node), rng)
        : Conv2d.withoutBias(in, out, kernel.get(0), spec, dtype(node), rng);
  }

  private static Pool2dSpec poolSpec(ModelJson node) {
    List<Integer> kernel = LayerTreeShapes.sized(node, "kernel", 2);
    List<Integer> stride = LayerTreeShapes.sized(node, "stride", 2);
    List<Integer> padding = LayerTreeShapes.sized(node, "padding", 2);
    return new Pool2dSpec(kernel.get(0), kernel.get(1), stride.get(0), stride.get(1), padding.get(0), padding.get(1));
  }

  static DType dtype(ModelJson node) {
    String name = node.text("dtype");
    if (name.equals("float32")) {
      return DType.FLOAT32;
    }
    if (name.equals("float64")) {
      return DType.FLOAT64;
    }
    throw node.mismatch("dtype", "\"float32\" or \"float64\"");
  }
}
