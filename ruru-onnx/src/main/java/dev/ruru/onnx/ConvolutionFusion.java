package dev.ruru.onnx;

import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Mode;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conv → BatchNormalization → Relu → MaxPool chains (each part after the Conv optional, each value used
 * only by the next node) run as one of Ruru's fused convolutions: in inference the BatchNorm folds into
 * the convolution's weights (w·γ/√(σ² + ε) and (b − μ)·γ/√(σ² + ε) + β, derived from the parameters on
 * every training run, so gradients still reach them, and kept between inference runs), and the relu and the pooling happen while each sample's
 * output is in cache. This is what exporters' CNNs are made of, and most of their inference time. A
 * chain whose BatchNorm must use batch statistics (Mode.TRAIN) runs node by node.
 */
final class ConvolutionFusion {
  private ConvolutionFusion() {}

  /** A chain starting at a Conv; the optional parts are null. */
  record Chain(OnnxNode conv, OnnxNode batchNorm, OnnxNode relu, OnnxNode maxPool) {
    OnnxNode last() {
      return maxPool != null ? maxPool : relu != null ? relu : batchNorm != null ? batchNorm : conv;
    }

    List<OnnxNode> followers() {
      return java.util.stream.Stream.of(batchNorm, relu, maxPool).filter(java.util.Objects::nonNull).toList();
    }
  }

  /** The chains of {@code graph}, by their Conv node, for those with at least one node after the Conv. */
  static Map<OnnxNode, Chain> find(OnnxGraph graph) {
    Map<String, List<OnnxNode>> consumers = new HashMap<>();
    for (OnnxNode node : graph.nodes()) {
      node.inputs().forEach(input -> consumers.computeIfAbsent(input, key -> new java.util.ArrayList<>()).add(node));
    }
    java.util.Set<String> outputs = new java.util.HashSet<>(graph.outputs().stream().map(OnnxValueInfo::name).toList());
    Map<OnnxNode, Chain> chains = new IdentityHashMap<>();
    for (OnnxNode node : graph.nodes()) {
      if (!node.opType().equals("Conv") || !node.domain().isEmpty()) {
        continue;
      }
      OnnxNode batchNorm = next(node, "BatchNormalization", consumers, outputs);
      OnnxNode relu = next(batchNorm != null ? batchNorm : node, "Relu", consumers, outputs);
      OnnxNode maxPool = relu == null ? null : next(relu, "MaxPool", consumers, outputs);
      if (batchNorm != null || relu != null) {
        chains.put(node, new Chain(node, batchNorm, relu, maxPool));
      }
    }
    return chains;
  }

  /** The only consumer of {@code node}'s only output when it is an {@code opType} node with one output, else null. */
  private static OnnxNode next(OnnxNode node, String opType, Map<String, List<OnnxNode>> consumers, java.util.Set<String> outputs) {
    if (node == null || node.outputs().size() != 1 || outputs.contains(node.outputs().getFirst())) {
      return null;
    }
    List<OnnxNode> readers = consumers.getOrDefault(node.outputs().getFirst(), List.of());
    if (readers.size() != 1) {
      return null;
    }
    OnnxNode reader = readers.getFirst();
    boolean oneOutput = reader.outputs().size() == 1 && reader.domain().isEmpty();
    boolean fromFirst = !reader.inputs().isEmpty() && reader.inputs().getFirst().equals(node.outputs().getFirst());
    return reader.opType().equals(opType) && oneOutput && fromFirst ? reader : null;
  }

  /** The chain's output, or null when it must run node by node (training BatchNorm, 1-D or unusual windows). */
  static Tensor run(Chain chain, java.util.function.Function<String, Tensor> values, Mode mode, long opset, Map<String, Buffer> buffers, DerivedWeights derived) {
    NodeCall conv = call(chain.conv(), values, mode, opset, buffers, derived);
    Tensor x = conv.input(0);
    Tensor weight = conv.input(1);
    NodeCall norm = chain.batchNorm() == null ? null : call(chain.batchNorm(), values, mode, opset, buffers, derived);
    if (x.rank() != 4 || weight.rank() != 4 || norm != null && batchStatistics(norm, mode)) {
      return null;
    }
    Conv2dSpec spec = ConvolutionOperators.convSpec(conv, x, weight);
    Tensor bias = conv.optionalInput(2);
    if (norm != null) {
      List<Tensor> folded = fold(conv, norm);
      weight = folded.get(0);
      bias = folded.get(1);
    }
    if (chain.maxPool() != null) {
      Pool2dSpec pool = ConvolutionOperators.plainMaxPool(call(chain.maxPool(), values, mode, opset, buffers, derived), x);
      if (pool != null) {
        return Convolution.conv2dReluMaxPool(x, weight, bias, spec, pool);
      }
      return null;
    }
    if (chain.relu() != null) {
      return Convolution.conv2dRelu(x, weight, bias, spec);
    }
    return bias == null ? Convolution.conv2d(x, weight, spec) : Convolution.conv2d(x, weight, bias, spec);
  }

  /** w·γ/√(σ² + ε) and (b − μ)·γ/√(σ² + ε) + β, kept between inference runs ({@link DerivedWeights}). */
  private static List<Tensor> fold(NodeCall conv, NodeCall norm) {
    List<Tensor> weights = java.util.Arrays.asList(conv.input(1), conv.optionalInput(2), norm.input(1), norm.input(2), norm.input(3),
        norm.input(4));
    return conv.derived("folded", weights, () -> {
      Tensor scale = norm.input(1).div(norm.input(4).add(norm.floatAttribute("epsilon", 1e-5f)).sqrt());
      Tensor shift = norm.input(2).sub(norm.input(3).mul(scale));
      Tensor bias = conv.optionalInput(2) == null ? shift : conv.optionalInput(2).mul(scale).add(shift);
      return List.of(conv.input(1).mul(scale.reshape(scale.shape().dim(0), 1, 1, 1)), bias);
    });
  }

  private static boolean batchStatistics(NodeCall call, Mode mode) {
    return call.intAttribute("training_mode", 0) != 0 || mode == Mode.TRAIN && call.buffer(3) != null;
  }

  private static NodeCall call(OnnxNode node, java.util.function.Function<String, Tensor> values, Mode mode, long opset, Map<String, Buffer> buffers,
      DerivedWeights derived) {
    // A loop, not a stream: a batch of one runs this a few times per convolution, and every microsecond shows.
    java.util.ArrayList<Tensor> inputs = new java.util.ArrayList<>(node.inputs().size());
    for (String name : node.inputs()) {
      inputs.add(name.isEmpty() ? null : values.apply(name));
    }
    return new NodeCall(node, java.util.Collections.unmodifiableList(inputs), mode, opset, buffers, derived);
  }
}
