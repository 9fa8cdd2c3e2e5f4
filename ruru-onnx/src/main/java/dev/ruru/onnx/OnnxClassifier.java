package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An imported image classifier, as {@code ruru predict} and {@code ruru eval} use it: images [n, rows,
 * columns] in, class scores [n, classes] out. The images are reshaped to the graph's declared input
 * ([n, 1, 28, 28] for a PyTorch CNN, [n, 28, 28] or [n, 784] for others) when the sizes agree.
 *
 * @param graph the imported graph
 * @param file where it was read from
 */
public record OnnxClassifier(OnnxLayer graph, Path file) {
  public static OnnxClassifier read(Path file) throws IOException {
    OnnxClassifier classifier = new OnnxClassifier(OnnxImport.read(file), file);
    classifier.declaredInput();
    classifier.classes();
    return classifier;
  }

  /** The declared input's dimensions after the batch axis; all must be fixed. */
  public int[] declaredInput() {
    OnnxValueInfo input = onlyInput();
    int[] dims = input.fixedDims();
    if (dims.length < 2 || Arrays.stream(dims).skip(1).anyMatch(dim -> dim < 1)) {
      throw new IllegalArgumentException(file + ": input " + input + " is not a batch of fixed-size images; ruru predict and eval need"
          + " [batch, ...] with fixed sizes after the batch axis");
    }
    return Arrays.copyOfRange(dims, 1, dims.length);
  }

  /** The image shape [rows, columns]: the declared input's last two axes (its only one, when it takes flat vectors, is not enough). */
  public List<Integer> imageShape() {
    int[] dims = declaredInput();
    if (dims.length < 2) {
      throw new IllegalArgumentException(file + ": input [batch, " + dims[0] + "] takes flat vectors, not images [rows, columns]");
    }
    return List.of(dims[dims.length - 2], dims[dims.length - 1]);
  }

  /** The number of classes: the output's second axis. */
  public int classes() {
    List<OnnxValueInfo> outputs = graph.model().graph().outputs();
    int[] dims = outputs.getFirst().fixedDims();
    if (dims.length != 2 || dims[1] < 1) {
      throw new IllegalArgumentException(file + ": output " + outputs.getFirst() + " is not class scores [batch, classes]");
    }
    return dims[1];
  }

  private OnnxValueInfo onlyInput() {
    List<OnnxValueInfo> inputs = graph.inputs();
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(file + ": the graph takes " + inputs.size() + " inputs " + inputs + "; a classifier takes one");
    }
    return inputs.getFirst();
  }

  /** The graph as a layer on images [n, rows, columns] (or any inputs of the declared size per example). */
  public Layer layer() {
    return new Layer() {
      @Override
      public Tensor forward(Tensor input, Mode mode) {
        int[] declared = declaredInput();
        int[] shape = new int[declared.length + 1];
        shape[0] = input.shape().dim(0);
        System.arraycopy(declared, 0, shape, 1, declared.length);
        if (Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact) != input.shape().size()) {
          throw new IllegalArgumentException(file + ": the model takes inputs " + Arrays.toString(shape) + ", got " + input.shape());
        }
        return graph.forward(input.reshape(shape), mode);
      }

      @Override
      public Map<String, Parameter> parameters() { return graph.parameters(); }

      @Override
      public Map<String, Buffer> buffers() { return graph.buffers(); }
    };
  }

  /** Class scores for images [n, rows, columns], in batches of 256. */
  public NDArray scores(NDArray images) {
    Layer layer = layer();
    int n = images.dim(0);
    List<NDArray> parts = new java.util.ArrayList<>();
    for (int start = 0; start < n; start += 256) {
      NDArray batch = images.slice(0, start, Math.min(n, start + 256), 1);
      parts.add(Autodiff.noGrad(() -> layer.forward(Tensor.constant(batch)).value()));
    }
    return parts.isEmpty() ? NDArray.zeros(dev.ruru.array.Shape.of(0, classes())) : NDArray.concatenate(parts, 0);
  }

  /** One line: "onnx model.onnx: 14 nodes, 10 parameters, input: float [batch, 1, 28, 28] -> 10 classes". */
  public String describe() {
    return "onnx " + file + ": " + graph.model().graph().nodes().size() + " nodes, " + graph.parameters().size() + " parameters, input "
        + onlyInput() + " -> " + classes() + " classes";
  }
}
