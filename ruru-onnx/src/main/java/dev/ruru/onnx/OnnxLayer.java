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
  private final List<OnnxValueInfo> inputs;
  private final List<String> outputNames;
  private final DerivedWeights derived = new DerivedWeights();
  /**
   * The plan made once here, so that a run walks arrays, not maps of names (a fifth of a batch of one's
   * time): every value name has a slot, each node its operator, the slots it reads and writes, and
   * the fused chain it starts (or null); a run fills a fresh array of slots.
   */
  private final Map<String, Integer> slots = new HashMap<>();
  private final List<OnnxNode> nodes;
  private final Operator[] operators;
  private final int[][] reads, writes;
  private final ConvolutionFusion.Chain[] chains;
  /** Node indices each chain's followers have, by the chain's first node index. */
  private final int[][] followers;
  private final boolean[] precomputed;
  /** The slots' values that never change between runs (integer initializers, Constant nodes); null elsewhere. */
  private final Tensor[] fixed;
  /** The small integer values among {@link #fixed} (axes, starts, shapes) as long[], as nodes read them; null elsewhere. */
  private long[][] fixedLongs;
  private final int[] parameterSlots, bufferSlots, inputSlots, outputSlots;

  OnnxLayer(OnnxModel model) {
    this.model = model;
    OnnxGraph graph = model.graph();
    List<String> statistics = new ArrayList<>();
    for (OnnxNode node : graph.nodes()) {
      if (node.opType().equals("BatchNormalization")) {
        statistics.addAll(node.inputs().subList(Math.min(3, node.inputs().size()), node.inputs().size()));
      }
    }
    Map<String, Tensor> constants = new HashMap<>();
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
    outputNames = graph.outputs().stream().map(OnnxValueInfo::name).toList();
    nodes = graph.nodes();
    operators = new Operator[nodes.size()];
    reads = new int[nodes.size()][];
    writes = new int[nodes.size()][];
    chains = new ConvolutionFusion.Chain[nodes.size()];
    followers = new int[nodes.size()][];
    precomputed = new boolean[nodes.size()];
    parameterSlots = slotsOf(parameters.keySet());
    bufferSlots = slotsOf(buffers.keySet());
    inputSlots = slotsOf(inputs.stream().map(OnnxValueInfo::name).toList());
    plan(graph);
    outputSlots = slotsOf(outputNames);
    fixed = new Tensor[slots.size()];
    constants.forEach((name, value) -> fixed[slot(name)] = value);
    precomputeConstantNodes();
    long[][] longs = new long[fixed.length][];
    for (int k = 0; k < fixed.length; k++) {
      boolean shapeLike = fixed[k] != null && fixed[k].dtype().isInteger() && fixed[k].value().size() <= 64;
      longs[k] = shapeLike ? fixed[k].value().toLongArray() : null;
    }
    fixedLongs = longs;
  }

  /** A Constant node's value never changes: made once here, not on every run (PyTorch's LSTM graphs have a dozen). */
  private void precomputeConstantNodes() {
    for (int i = 0; i < nodes.size(); i++) {
      OnnxNode node = nodes.get(i);
      if (node.opType().equals("Constant") && node.domain().isEmpty() && node.inputs().isEmpty()) {
        runNode(i, fixed, Mode.EVAL);
        precomputed[i] = true;
      }
    }
  }

  /** Each node's operator, slots and chain. */
  private void plan(OnnxGraph graph) {
    Map<OnnxNode, ConvolutionFusion.Chain> found = ConvolutionFusion.find(graph);
    Map<OnnxNode, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      OnnxNode node = nodes.get(i);
      index.put(node, i);
      operators[i] = Operators.find(node.domain(), node.opType());
      reads[i] = slotsOf(node.inputs());
      writes[i] = slotsOf(node.outputs());
    }
    for (int i = 0; i < nodes.size(); i++) {
      chains[i] = found.get(nodes.get(i));
      followers[i] = chains[i] == null ? new int[0] : chains[i].followers().stream().mapToInt(index::get).toArray();
    }
  }

  /** The slots of {@code names}, made on first sight; -1 for an empty name (an optional input left out). */
  private int[] slotsOf(java.util.Collection<String> names) {
    return names.stream().mapToInt(name -> name.isEmpty() ? -1 : slots.computeIfAbsent(name, key -> slots.size())).toArray();
  }

  private int slot(String name) {
    return slots.get(name);
  }

  /** The model as read, with the weights it was read with (see {@link OnnxImport#toModel} for the current ones). */
  public OnnxModel model() { return model; }

  /** The inputs a caller supplies, in the graph's order. */
  public List<OnnxValueInfo> inputs() { return inputs; }

  public List<String> outputNames() {
    return outputNames;
  }

  /** The graph's first output for {@code input} as its only input. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("ONNX model: forward takes one input, the graph has " + inputs.size() + " " + inputs
          + "; call run(Map) with a value for each");
    }
    Tensor[] values = start(mode);
    values[inputSlots[0]] = castToDeclared(input, inputs.getFirst());
    return values[walk(values, mode)[0]];
  }

  /** Every graph output, by name, for the given inputs (by name). Inputs are not modified. */
  public Map<String, Tensor> run(Map<String, Tensor> feeds, Mode mode) {
    Tensor[] values = start(mode);
    for (int i = 0; i < inputs.size(); i++) {
      OnnxValueInfo input = inputs.get(i);
      Tensor fed = feeds.get(input.name());
      if (fed == null) {
        throw new IllegalArgumentException("ONNX model: no value for input " + input + "; the graph's inputs are " + inputs);
      }
      values[inputSlots[i]] = castToDeclared(fed, input);
    }
    int[] produced = walk(values, mode);
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    for (int i = 0; i < outputNames.size(); i++) {
      outputs.put(outputNames.get(i), values[produced[i]]);
    }
    return outputs;
  }

  /** A run's slots with the fixed values, the parameters and the buffers as they are now. */
  private Tensor[] start(Mode mode) {
    Tensor[] values = fixed.clone();
    int k = 0;
    for (Parameter parameter : parameters.values()) {
      values[parameterSlots[k++]] = parameter.tensor();
    }
    k = 0;
    for (Buffer buffer : buffers.values()) {
      values[bufferSlots[k++]] = Tensor.constant(buffer.value());
    }
    return values;
  }

  /** Runs the nodes in order on {@code values}; returns the outputs' slots. */
  private int[] walk(Tensor[] values, Mode mode) {
    boolean[] done = new boolean[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      ConvolutionFusion.Chain chain = chains[i];
      Tensor fused = chain == null ? null : runFused(chain, values, mode);
      if (fused != null) {
        values[slot(chain.last().outputs().getFirst())] = fused;
        for (int follower : followers[i]) {
          done[follower] = true;
        }
      } else if (!done[i] && !precomputed[i]) {
        runNode(i, values, mode);
      }
    }
    return outputSlots;
  }
  /** Float data fed to a graph declared for another float type (float64 arrays into a float32 model) is cast. */
  private static Tensor castToDeclared(Tensor fed, OnnxValueInfo input) {
    var declared = ElementType.dtype(input.elementType());
    return declared != null && declared.isFloating() && fed.dtype().isFloating() ? fed.astype(declared) : fed;
  }

  private Tensor runFused(ConvolutionFusion.Chain chain, Tensor[] values, Mode mode) {
    try {
      return ConvolutionFusion.run(chain, name -> values[slot(name)], mode, model.opsetVersion(), buffers, derived);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Conv (" + chain.conv().label() + ", fused with the nodes after it): " + e.getMessage(), e);
    }
  }

  private void runNode(int index, Tensor[] values, Mode mode) {
    OnnxNode node = nodes.get(index);
    int[] from = reads[index];
    Tensor[] arguments = new Tensor[from.length];
    long[][] longs = new long[from.length][];
    for (int k = 0; k < from.length; k++) {
      arguments[k] = from[k] < 0 ? null : values[from[k]];
      longs[k] = fixedLongs == null || from[k] < 0 || arguments[k] != fixed[from[k]] ? null : fixedLongs[from[k]];
      if (arguments[k] == null && from[k] >= 0) {
        throw new IllegalArgumentException("ONNX model: node " + node.label() + " reads " + node.inputs().get(k)
            + ", which no input, initializer or earlier node provides; the nodes must be in topological order");
      }
    }
    List<Tensor> results;
    try {
      results = operators[index].apply(new NodeCall(node, java.util.Arrays.asList(arguments), mode, model.opsetVersion(), buffers, derived,
          longs));
    } catch (UnsupportedOperatorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(node.opType() + " (" + node.label() + "): " + e.getMessage(), e);
    }
    int[] to = writes[index];
    for (int i = 0; i < to.length; i++) {
      if (to[i] >= 0 && i < results.size() && results.get(i) != null) {
        values[to[i]] = results.get(i);
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
