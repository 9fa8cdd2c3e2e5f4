package dev.ruru.onnx.export;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LayerNorm;
import dev.ruru.nn.Linear;
import dev.ruru.nn.MultiheadAttention;
import dev.ruru.nn.TransformerEncoder;
import dev.ruru.nn.TransformerEncoderLayer;
import dev.ruru.nn.TransformerLayerConfig;
import dev.ruru.onnx.proto.OnnxAttribute;
import java.util.List;

/**
 * {@link TransformerEncoder}, {@link TransformerEncoderLayer}, {@link MultiheadAttention} (self-attention),
 * and {@link LayerNorm} on sequences ([batch, steps, features]) as the opset-14 nodes
 * torch.onnx writes for them: MatMul and Add for each projection, Reshape and Transpose to split the heads,
 * MatMul, Div by √d and Softmax for the attention, and LayerNorm decomposed into ReduceMean, Sub, Mul,
 * Sqrt and Div (LayerNormalization is an operator only from opset 17). The sequence length stays symbolic.
 */
final class TransformerExport {
  private TransformerExport() {}

  static String encoder(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    TransformerEncoder encoder = (TransformerEncoder) layer;
    String value = in;
    for (int i = 0; i < encoder.layers().size(); i++) {
      value = encoderLayer(encoder.layers().get(i), join(path, "layers." + i), value, graph);
    }
    return encoder.norm() == null ? value : layerNorm(encoder.norm(), join(path, "norm"), value, graph);
  }

  static String encoderLayer(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    return encoderLayer((TransformerEncoderLayer) layer, path, in, graph);
  }

  static String selfAttention(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    return attention((MultiheadAttention) layer, path, in, graph);
  }

  static String layerNorm(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    return layerNorm((LayerNorm) layer, path, in, graph);
  }

  /** x·Wᵀ + b on [batch, steps, features]: MatMul with the transposed weight, then Add, as torch.onnx writes it. */
  private static String linear(Linear linear, String path, String in, GraphBuilder graph) {
    String product = graph.node("MatMul", path, List.of(in, graph.initializer(path + ".weight_t", linear.weight().value().transpose())));
    return linear.bias() == null ? product
        : graph.node("Add", path, List.of(product, graph.initializer(path + ".bias", linear.bias().value())));
  }

  /** Post-norm: x ← norm(x + sublayer(x)); pre-norm: x ← x + sublayer(norm(x)). Dropout is the identity in inference. */
  private static String encoderLayer(TransformerEncoderLayer layer, String path, String in, GraphBuilder graph) {
    boolean preNorm = layer.config().normPlacement() == TransformerLayerConfig.NormPlacement.PRE_NORM;
    String attended = attention(layer.selfAttention(), join(path, "self_attn"),
        preNorm ? layerNorm(layer.norm1(), join(path, "norm1"), in, graph) : in, graph);
    String x = graph.node("Add", path, List.of(in, attended));
    x = preNorm ? x : layerNorm(layer.norm1(), join(path, "norm1"), x, graph);
    String normed = preNorm ? layerNorm(layer.norm2(), join(path, "norm2"), x, graph) : x;
    String hidden = linear(layer.linear1(), join(path, "linear1"), normed, graph);
    hidden = layer.config().activation() == TransformerLayerConfig.Activation.RELU ? graph.node("Relu", path, List.of(hidden))
        : LayerExporters.gelu(null, path, hidden, null, null, graph);
    String out = graph.node("Add", path, List.of(x, linear(layer.linear2(), join(path, "linear2"), hidden, graph)));
    return preNorm ? out : layerNorm(layer.norm2(), join(path, "norm2"), out, graph);
  }

  /** softmax(q·kᵀ / √d)·v per head, the heads joined and projected by out_proj; x [B, T, E]. */
  private static String attention(MultiheadAttention attention, String path, String in, GraphBuilder graph) {
    int embed = attention.embedDim();
    int heads = attention.numHeads();
    String split = graph.longs(path + ".heads_shape", 0, -1, heads, embed / heads);
    String[] projected = new String[3];
    for (int block = 0; block < 3; block++) {
      NDArray weight = attention.inProjWeight().value().slice(0, block * embed, (block + 1) * embed, 1);
      NDArray bias = attention.inProjBias().value().slice(0, block * embed, (block + 1) * embed, 1);
      String name = path + "." + "qkv".charAt(block);
      String product = graph.node("MatMul", path, List.of(in, graph.initializer(name + "_weight_t", weight.transpose())));
      String shaped = graph.node("Reshape", path, List.of(graph.node("Add", path, List.of(product, graph.initializer(name + "_bias", bias))),
          split));
      // Keys go to [B, H, d, S] so that one MatMul gives the scores [B, H, T, S].
      projected[block] = graph.node("Transpose", path, List.of(shaped), perm(block == 1 ? new long[] {0, 2, 3, 1} : new long[] {0, 2, 1, 3}));
    }
    String scale = graph.initializer(path + ".scale", NDArray.scalar(Math.sqrt(embed / (double) heads), attention.inProjWeight().dtype()));
    String scores = graph.node("Div", path, List.of(graph.node("MatMul", path, List.of(projected[0], projected[1])), scale));
    String weights = graph.node("Softmax", path, List.of(scores), OnnxAttribute.ofInt("axis", -1));
    String attended = graph.node("Transpose", path, List.of(graph.node("MatMul", path, List.of(weights, projected[2]))), perm(0, 2, 1, 3));
    String joined = graph.node("Reshape", path, List.of(attended, graph.longs(path + ".joined_shape", 0, -1, embed)));
    return linear(attention.outProj(), join(path, "out_proj"), joined, graph);
  }

  /** (x − mean) / √(var + ε) · γ + β over the last axis, the variance biased as LayerNorm's. */
  private static String layerNorm(LayerNorm norm, String path, String in, GraphBuilder graph) {
    if (norm.normalizedShape().rank() != 1) {
      throw new IllegalArgumentException("ONNX export: LayerNorm at " + path + " normalises over " + norm.normalizedShape()
          + "; Ruru exports LayerNorm over the last axis only (a 1-D normalized shape)");
    }
    OnnxAttribute lastAxis = OnnxAttribute.ofInts("axes", List.of(-1L));
    String centred = graph.node("Sub", path, List.of(in, graph.node("ReduceMean", path, List.of(in), lastAxis)));
    String variance = graph.node("ReduceMean", path, List.of(graph.node("Mul", path, List.of(centred, centred))), lastAxis);
    DType dtype = norm.weight().dtype();
    String deviation = graph.node("Sqrt", path, List.of(graph.node("Add", path, List.of(variance,
        graph.initializer(path + ".eps", NDArray.scalar(norm.eps(), dtype))))));
    String normalised = graph.node("Div", path, List.of(centred, deviation));
    String scaled = graph.node("Mul", path, List.of(normalised, graph.initializer(path + ".weight", norm.weight().value())));
    return graph.node("Add", path, List.of(scaled, graph.initializer(path + ".bias", norm.bias().value())));
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static OnnxAttribute perm(long... axes) {
    return OnnxAttribute.ofInts("perm", java.util.Arrays.stream(axes).boxed().toList());
  }
}
