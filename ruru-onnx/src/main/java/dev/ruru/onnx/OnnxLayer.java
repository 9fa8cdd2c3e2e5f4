package dev.ruru.onnx;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.onnx.proto.ElementType;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An imported ONNX graph as a Ruru {@link Layer}: {@link #forward} runs the nodes in order on Ruru tensors.
 * The floating-point initializers (the trained weights) become {@link Parameter}s named as in the file
 * ({@code features.0.weight}), so the model fine-tunes with any optimiser and saves with its state
 * dictionary; BatchNormalization's running statistics become {@link Buffer}s; integer initializers stay
 * constants. Made by {@link OnnxImport}.
 *
 * <pre>{@code
 * OnnxLayer model = OnnxImport.read(Path.of("cnn.onnx"));
 * Tensor logits = model.forward(Tensor.constant(images));          // [batch, 10]
 * }</pre>
 */
public final class OnnxLayer implements Layer {
  private final OnnxModel model;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, Buffer> buffers = new LinkedHashMap<>();
  private final Map<String, Tensor> constants = new HashMap<>();
  private final List<OnnxValueInfo> inputs;
  private final Map<OnnxNode, ConvolutionFusion.Chain> chains;
  private final Set<OnnxNode> precomputed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final DerivedWeights derived = new DerivedWeights();

  OnnxLayer(OnnxModel model) {
    this.model = model;
    OnnxGraph graph = model.graph();
    List<String> statistics = new ArrayList<>();
    for (OnnxNode node : graph.nodes()) {
      if (node.opType().equals("BatchNormalization")) {
        statistics.addAll(node.inputs().subList(Math.min(3, node.inputs().size()), node.inputs().size()));
      }
    }
    for (OnnxTensor initializer : graph.initializers()) {
      if (statistics.contains(initializer.name())) {
        buffers.put(initializer.name(), new Buffer(initializer.value()));
      } else if (initializer.value().dtype().isFloating()) {
        parameters.put(initializer.name(), new Parameter(initializer.value()));
      } else {
        constants.put(initializer.name(), Tensor.constant(initializer.value()));
      }
    }
    inputs = graph.runtimeInputs();
    chains = ConvolutionFusion.find(graph);
    for (OnnxNode node : graph.nodes()) {
      if (node.opType().equals("Constant") && node.domain().isEmpty() && node.inputs().isEmpty()) {
        // A Constant node's value never changes: made once here, not on every run (PyTorch's LSTM graphs have a dozen).
        runNode(node, constants, Mode.EVAL);
        precomputed.add(node);
      }
    }
  }

  /** The model as read, with the weights it was read with (see {@link OnnxImport#toModel} for the current ones). */
  public OnnxModel model() { return model; }

  /** The inputs a caller supplies, in the graph's order. */
  public List<OnnxValueInfo> inputs() { return inputs; }

  public List<String> outputNames() {
    return model.graph().outputs().stream().map(OnnxValueInfo::name).toList();
  }

  /** The graph's first output for {@code input} as its only input. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("ONNX model: forward takes one input, the graph has " + inputs.size() + " " + inputs
          + "; call run(Map) with a value for each");
    }
    return run(Map.of(inputs.getFirst().name(), input), mode).get(outputNames().getFirst());
  }

  /** Every graph output, by name, for the given inputs (by name). Inputs are not modified. */
  public Map<String, Tensor> run(Map<String, Tensor> feeds, Mode mode) {
    Map<String, Tensor> values = new HashMap<>(constants);
    parameters.forEach((name, parameter) -> values.put(name, parameter.tensor()));
    buffers.forEach((name, buffer) -> values.put(name, Tensor.constant(buffer.value())));
    for (OnnxValueInfo input : inputs) {
      Tensor fed = feeds.get(input.name());
      if (fed == null) {
        throw new IllegalArgumentException("ONNX model: no value for input " + input + "; the graph's inputs are " + inputs);
      }
      values.put(input.name(), castToDeclared(fed, input));
    }
    Set<OnnxNode> done = Collections.newSetFromMap(new IdentityHashMap<>());
    for (OnnxNode node : model.graph().nodes()) {
      ConvolutionFusion.Chain chain = chains.get(node);
      Tensor fused = chain == null ? null : runFused(chain, values, mode);
      if (fused != null) {
        values.put(chain.last().outputs().getFirst(), fused);
        done.addAll(chain.followers());
      } else if (!done.contains(node) && !precomputed.contains(node)) {
        runNode(node, values, mode);
      }
    }
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    for (String name : outputNames()) {
      outputs.put(name, values.get(name));
    }
    return outputs;
  }

  /** Float data fed to a graph declared for another float type (float64 arrays into a float32 model) is cast. */
  private static Tensor castToDeclared(Tensor fed, OnnxValueInfo input) {
    var declared = ElementType.dtype(input.elementType());
    return declared != null && declared.isFloating() && fed.dtype().isFloating() ? fed.astype(declared) : fed;
  }

  private Tensor runFused(ConvolutionFusion.Chain chain, Map<String, Tensor> values, Mode mode) {
    try {
      return ConvolutionFusion.run(chain, values, mode, model.opsetVersion(), buffers, derived);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Conv (" + chain.conv().label() + ", fused with the nodes after it): " + e.getMessage(), e);
    }
  }

  private void runNode(OnnxNode node, Map<String, Tensor> values, Mode mode) {
    List<Tensor> arguments = new ArrayList<>();
    for (String name : node.inputs()) {
      Tensor value = name.isEmpty() ? null : values.get(name);
      if (value == null && !name.isEmpty()) {
        throw new IllegalArgumentException("ONNX model: node " + node.label() + " reads " + name
            + ", which no input, initializer or earlier node provides; the nodes must be in topological order");
      }
      arguments.add(value);
    }
    List<Tensor> results;
    try {
      results = Operators.find(node.domain(), node.opType())
          .apply(new NodeCall(node, Collections.unmodifiableList(arguments), mode, model.opsetVersion(), buffers, derived));
    } catch (UnsupportedOperatorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(node.opType() + " (" + node.label() + "): " + e.getMessage(), e);
    }
    for (int i = 0; i < node.outputs().size(); i++) {
      if (!node.outputs().get(i).isEmpty() && i < results.size() && results.get(i) != null) {
        values.put(node.outputs().get(i), results.get(i));
      }
    }
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  @Override
  public Map<String, Buffer> buffers() {
    return Collections.unmodifiableMap(buffers);
  }

  @Override
  public String toString() {
    return "OnnxLayer(" + model.graph().nodes().size() + " nodes, " + parameters.size() + " parameters, inputs " + inputs + ")";
  }
}
