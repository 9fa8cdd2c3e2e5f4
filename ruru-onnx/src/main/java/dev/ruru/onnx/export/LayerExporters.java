package dev.ruru.onnx.export;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.nn.AdaptiveAvgPool2d;
import dev.ruru.nn.AvgPool2d;
import dev.ruru.nn.BatchNorm1d;
import dev.ruru.nn.BatchNorm2d;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.ELU;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.GELU;
import dev.ruru.nn.GRU;
import dev.ruru.nn.Identity;
import dev.ruru.nn.LSTM;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LayerNorm;
import dev.ruru.nn.LeakyReLU;
import dev.ruru.nn.Linear;
import dev.ruru.nn.LogSoftmax;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.MultiheadAttention;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sigmoid;
import dev.ruru.nn.Softmax;
import dev.ruru.nn.Tanh;
import dev.ruru.nn.TransformerEncoder;
import dev.ruru.nn.TransformerEncoderLayer;
import dev.ruru.nn.Unflatten;
import dev.ruru.onnx.OnnxLayer;
import dev.ruru.onnx.proto.OnnxAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one table of layer exporters, by layer class: each writes the ONNX nodes PyTorch writes for the same layer. */
final class LayerExporters {
  private static final Map<Class<? extends Layer>, LayerExporter> TABLE = table();

  private LayerExporters() {}

  static LayerExporter find(Layer layer) {
    return TABLE.get(layer.getClass());
  }

  static String supported() {
    return String.join(", ", TABLE.keySet().stream().map(Class::getSimpleName).sorted().toList()) + ", Sequential and Residual";
  }

  private static Map<Class<? extends Layer>, LayerExporter> table() {
    Map<Class<? extends Layer>, LayerExporter> table = new LinkedHashMap<>();
    table.put(Linear.class, LayerExporters::linear);
    table.put(Conv2d.class, LayerExporters::conv);
    table.put(BatchNorm1d.class, (layer, path, in, inShape, outShape, graph) -> batchNorm(layer, path, in, graph, ((BatchNorm1d) layer).eps()));
    table.put(BatchNorm2d.class, (layer, path, in, inShape, outShape, graph) -> batchNorm(layer, path, in, graph, ((BatchNorm2d) layer).eps()));
    table.put(MaxPool2d.class, (layer, path, in, inShape, outShape, graph) -> pool("MaxPool", ((MaxPool2d) layer).spec(), path, in, graph));
    table.put(AvgPool2d.class, (layer, path, in, inShape, outShape, graph) -> pool("AveragePool", ((AvgPool2d) layer).spec(), path, in, graph));
    table.put(AdaptiveAvgPool2d.class, LayerExporters::adaptiveAveragePool);
    table.put(Flatten.class, LayerExporters::reshape);
    table.put(Unflatten.class, LayerExporters::reshape);
    table.put(ReLU.class, (layer, path, in, inShape, outShape, graph) -> graph.node("Relu", path, List.of(in)));
    table.put(Tanh.class, (layer, path, in, inShape, outShape, graph) -> graph.node("Tanh", path, List.of(in)));
    table.put(Sigmoid.class, (layer, path, in, inShape, outShape, graph) -> graph.node("Sigmoid", path, List.of(in)));
    table.put(LeakyReLU.class, (layer, path, in, inShape, outShape, graph) -> graph.node("LeakyRelu", path, List.of(in),
        OnnxAttribute.ofFloat("alpha", (float) ((LeakyReLU) layer).negativeSlope())));
    table.put(ELU.class, (layer, path, in, inShape, outShape, graph) -> graph.node("Elu", path, List.of(in),
        OnnxAttribute.ofFloat("alpha", (float) ((ELU) layer).alpha())));
    table.put(GELU.class, LayerExporters::gelu);
    table.put(Softmax.class, (layer, path, in, inShape, outShape, graph) -> graph.node("Softmax", path, List.of(in),
        OnnxAttribute.ofInt("axis", ((Softmax) layer).axis())));
    table.put(LogSoftmax.class, (layer, path, in, inShape, outShape, graph) -> graph.node("LogSoftmax", path, List.of(in),
        OnnxAttribute.ofInt("axis", ((LogSoftmax) layer).axis())));
    table.put(LSTM.class, RecurrentExport::export);
    table.put(GRU.class, RecurrentExport::export);
    table.put(TransformerEncoder.class, TransformerExport::encoder);
    table.put(TransformerEncoderLayer.class, TransformerExport::encoderLayer);
    table.put(MultiheadAttention.class, TransformerExport::selfAttention);
    table.put(LayerNorm.class, TransformerExport::layerNorm);
    table.put(OnnxLayer.class, OnnxLayerExport::export);
    table.put(Dropout.class, (layer, path, in, inShape, outShape, graph) -> in);
    table.put(Identity.class, (layer, path, in, inShape, outShape, graph) -> in);
    return table;
  }

  private static String weight(GraphBuilder graph, String path, String name, Parameter parameter) {
    return graph.initializer(path + "." + name, parameter.value());
  }

  /** y = x·Wᵀ + b as Gemm with transB, what torch.onnx writes for nn.Linear. */
  private static String linear(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    Linear linear = (Linear) layer;
    if (inShape.rank() != 2) {
      throw new IllegalArgumentException("ONNX export: Linear at " + path + " gets input " + inShape + "; Ruru exports Linear on"
          + " [batch, features] inputs (flatten first)");
    }
    List<String> inputs = new ArrayList<>(List.of(in, weight(graph, path, "weight", linear.weight())));
    if (linear.bias() != null) {
      inputs.add(weight(graph, path, "bias", linear.bias()));
    }
    return graph.node("Gemm", path, inputs, OnnxAttribute.ofFloat("alpha", 1f), OnnxAttribute.ofFloat("beta", 1f),
        OnnxAttribute.ofInt("transB", 1));
  }

  private static String conv(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    Conv2d conv = (Conv2d) layer;
    Conv2dSpec spec = conv.spec();
    List<String> inputs = new ArrayList<>(List.of(in, weight(graph, path, "weight", conv.weight())));
    if (conv.bias() != null) {
      inputs.add(weight(graph, path, "bias", conv.bias()));
    }
    int[] kernel = Arrays.copyOfRange(conv.weight().shape().dims(), 2, 4);
    return graph.node("Conv", path, inputs, ints("dilations", spec.dilationHeight(), spec.dilationWidth()),
        OnnxAttribute.ofInt("group", spec.groups()), ints("kernel_shape", kernel[0], kernel[1]),
        ints("pads", spec.padTop(), spec.padLeft(), spec.padBottom(), spec.padRight()),
        ints("strides", spec.strideHeight(), spec.strideWidth()));
  }

  private static OnnxAttribute ints(String name, long... values) {
    return OnnxAttribute.ofInts(name, Arrays.stream(values).boxed().toList());
  }

  /** Inference-mode BatchNormalization with the running statistics, under PyTorch's buffer names. */
  private static String batchNorm(Layer layer, String path, String in, GraphBuilder graph, double eps) {
    Map<String, Parameter> parameters = layer.parameters();
    List<String> inputs = List.of(in, weight(graph, path, "weight", parameters.get("weight")),
        weight(graph, path, "bias", parameters.get("bias")),
        graph.initializer(path + ".running_mean", layer.buffers().get("running_mean").value()),
        graph.initializer(path + ".running_var", layer.buffers().get("running_var").value()));
    return graph.node("BatchNormalization", path, inputs, OnnxAttribute.ofFloat("epsilon", (float) eps));
  }

  private static String pool(String opType, Pool2dSpec spec, String path, String in, GraphBuilder graph) {
    List<OnnxAttribute> attributes = new ArrayList<>(List.of(ints("kernel_shape", spec.kernelHeight(), spec.kernelWidth()),
        ints("pads", spec.paddingHeight(), spec.paddingWidth(), spec.paddingHeight(), spec.paddingWidth()),
        ints("strides", spec.strideHeight(), spec.strideWidth())));
    if (opType.equals("AveragePool")) {
      // Ruru's average pooling counts the zero padding, as PyTorch's default does.
      attributes.add(OnnxAttribute.ofInt("count_include_pad", 1));
    }
    return graph.node(opType, path, List.of(in), attributes.toArray(OnnxAttribute[]::new));
  }

  /** To 1×1: GlobalAveragePool; to sizes that divide the input: an AveragePool with the quotient as kernel and stride. */
  private static String adaptiveAveragePool(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    int height = outShape.dim(2);
    int width = outShape.dim(3);
    if (height == 1 && width == 1) {
      return graph.node("GlobalAveragePool", path, List.of(in));
    }
    if (inShape.dim(2) % height != 0 || inShape.dim(3) % width != 0) {
      throw new IllegalArgumentException("ONNX export: AdaptiveAvgPool2d at " + path + " pools " + inShape + " to " + outShape
          + ", which ONNX has no operator for; use output sizes that divide the input's");
    }
    int kh = inShape.dim(2) / height;
    int kw = inShape.dim(3) / width;
    return pool("AveragePool", new Pool2dSpec(kh, kw, kh, kw, 0, 0), path, in, graph);
  }

  /** Flatten and Unflatten as a Reshape to the output shape, the batch axis copied (0) so it stays symbolic. */
  private static String reshape(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    long[] target = Arrays.stream(outShape.dims()).asLongStream().toArray();
    target[0] = 0;
    String shape = graph.longs(path + ".shape", target);
    return graph.node("Reshape", path, List.of(in, shape));
  }

  /** Ruru's GELU (the tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), as elementwise nodes. */
  static String gelu(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    String cube = graph.node("Mul", path, List.of(in, graph.node("Mul", path, List.of(in, in))));
    String inner = graph.node("Add", path, List.of(in, graph.node("Mul", path, List.of(cube, scalar(graph, path + ".c", 0.044715)))));
    String scaled = graph.node("Mul", path, List.of(inner, scalar(graph, path + ".sqrt_2_over_pi", Math.sqrt(2 / Math.PI))));
    String onePlus = graph.node("Add", path, List.of(graph.node("Tanh", path, List.of(scaled)), scalar(graph, path + ".one", 1)));
    return graph.node("Mul", path, List.of(graph.node("Mul", path, List.of(in, onePlus)), scalar(graph, path + ".half", 0.5)));
  }

  private static String scalar(GraphBuilder graph, String name, double value) {
    return graph.initializer(name, NDArray.scalar(value, DType.FLOAT32));
  }
}
