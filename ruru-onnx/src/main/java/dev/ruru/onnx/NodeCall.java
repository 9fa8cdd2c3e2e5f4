package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Mode;
import dev.ruru.onnx.proto.OnnxAttribute;
import dev.ruru.onnx.proto.OnnxNode;
import java.util.List;
import java.util.Map;

/**
 * One node being run: its attributes, its input values (null for an optional input left out), the mode, the
 * opset the file was written for, and the buffers (BatchNorm's running statistics) a training step updates.
 * Errors it raises name the node: {@code Conv (/features/0/Conv): pads [1, 1, 2, 2] are not symmetric; ...}.
 */
public final class NodeCall {
  private final OnnxNode node;
  private final List<Tensor> inputs;
  private final Mode mode;
  private final long opset;
  private final Map<String, Buffer> buffers;
  private final DerivedWeights derived;
  /** Per input, its integers when it is a constant of the graph read once at import (null otherwise, or none at all). */
  private final long[][] constantLongs;

  NodeCall(OnnxNode node, List<Tensor> inputs, Mode mode, long opset, Map<String, Buffer> buffers, DerivedWeights derived) {
    this(node, inputs, mode, opset, buffers, derived, null);
  }

  NodeCall(OnnxNode node, List<Tensor> inputs, Mode mode, long opset, Map<String, Buffer> buffers, DerivedWeights derived,
      long[][] constantLongs) {
    this.constantLongs = constantLongs;
    this.node = node;
    this.inputs = inputs;
    this.mode = mode;
    this.opset = opset;
    this.buffers = buffers;
    this.derived = derived;
  }

  /**
   * {@code derive}'s tensors from {@code weights}, kept between inference runs for this node and
   * {@code part} ({@link DerivedWeights}); derived every time when the node runs outside a layer.
   */
  List<Tensor> derived(String part, List<Tensor> weights, java.util.function.Supplier<List<Tensor>> derive) {
    return derived == null ? derive.get() : derived.get(node.outputs().getFirst() + "#" + part, weights, derive);
  }

  public OnnxNode node() { return node; }
  public Mode mode() { return mode; }
  public long opset() { return opset; }
  public int inputCount() { return inputs.size(); }

  /** Input {@code index}, which must be present. */
  public Tensor input(int index) {
    Tensor value = optionalInput(index);
    if (value == null) {
      throw error("input " + index + " is missing", "the node needs it");
    }
    return value;
  }

  /** Input {@code index}, or null when the node leaves it out. */
  public Tensor optionalInput(int index) {
    return index < inputs.size() ? inputs.get(index) : null;
  }

  /** Input {@code index} as integers (a shape, axes, indices): a constant the graph computed. */
  public long[] longs(int index) {
    long[] known = constantLongs == null || index >= constantLongs.length ? null : constantLongs[index];
    // A copy, since callers may change it; converting the array again cost a few µs a run in PyTorch's LSTM graph.
    return known != null ? known.clone() : input(index).value().toLongArray();
  }

  /** The buffer behind input {@code index} (a running statistic), or null when it is not an initializer. */
  public Buffer buffer(int index) {
    return index < node.inputs().size() ? buffers.get(node.inputs().get(index)) : null;
  }

  public boolean has(String attribute) {
    return node.attributes().containsKey(attribute);
  }

  public long intAttribute(String name, long fallback) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null ? fallback : attribute.intValue();
  }

  public float floatAttribute(String name, float fallback) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null ? fallback : attribute.floatValue();
  }

  public String stringAttribute(String name, String fallback) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null ? fallback : attribute.stringValue();
  }

  /** An integer-list attribute, or {@code fallback} (may be null) when absent. */
  public long[] intsAttribute(String name, long[] fallback) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null ? fallback : attribute.ints().stream().mapToLong(Long::longValue).toArray();
  }

  public NDArray tensorAttribute(String name) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null || attribute.tensor() == null ? null : attribute.tensor().value();
  }

  /** An axis attribute or value in [-rank, rank), made non-negative. */
  public int axis(long axis, int rank) {
    if (axis < -rank || axis >= rank) {
      throw error("axis " + axis + " is out of range for rank " + rank, "use an axis in [" + -rank + ", " + rank + ")");
    }
    return (int) (axis < 0 ? axis + rank : axis);
  }

  /**
   * Most elements an operator may create from values the graph computes (ConstantOfShape, Expand, Tile,
   * Range): 2^28, a GiB of float32. A hostile file asking for more is refused before anything is allocated.
   */
  public static final long MAX_CREATED_ELEMENTS = 1L << 28;

  /** Checks that an output of {@code dims} stays within {@link #MAX_CREATED_ELEMENTS}; returns its size. */
  public long checkCreatedSize(long[] dims) {
    long size = 1;
    for (long dim : dims) {
      if (dim < 0) {
        throw error("dimension " + dim + " in " + java.util.Arrays.toString(dims), "dimensions must not be negative");
      }
      size = dim == 0 ? 0 : Math.min(size * dim, MAX_CREATED_ELEMENTS + 1);
      if (size > MAX_CREATED_ELEMENTS) {
        throw error("an output of " + java.util.Arrays.toString(dims) + " would hold more than 2^28 elements",
            "Ruru refuses it before allocating; is the file corrupt?");
      }
    }
    return size;
  }

  /** "OpType (node name): what; hint", the template every importer error follows. */
  public UnsupportedOperatorException error(String what, String hint) {
    return new UnsupportedOperatorException(node.opType() + " (" + node.label() + "): " + what + "; " + hint);
  }
}
