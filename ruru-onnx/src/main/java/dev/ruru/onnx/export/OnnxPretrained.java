package dev.ruru.onnx.export;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.models.transfer.ModelWriter;
import dev.ruru.models.transfer.Pretrained;
import dev.ruru.nn.Init;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Seed;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Unflatten;
import dev.ruru.onnx.OnnxClassifier;
import dev.ruru.onnx.OnnxImport;
import dev.ruru.onnx.OnnxLayer;
import dev.ruru.onnx.proto.OnnxAttribute;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.onnx.proto.OnnxValueInfo;
import dev.ruru.train.model.LayerTreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An .onnx image classifier as {@code ruru finetune} starts from it: a {@link Sequential} of the graph up to
 * its last Gemm (an {@link OnnxLayer}) and that Gemm as a {@link Linear} head, so that a new head replaces it
 * and {@code --freeze 0.*} freezes the imported body; an input of [batch, 1, rows, columns] gets an
 * {@link Unflatten} in front, so the model reads images [rows, columns]. The fine-tuned model is written
 * back as {@code model.onnx} ({@link OnnxExport}, the imported nodes inlined), which predict, eval and
 * finetune read again. A graph that does not end in a Gemm (what torch.onnx writes for a final nn.Linear)
 * fine-tunes whole, without a head to replace.
 *
 * <pre>{@code
 * Pretrained start = OnnxPretrained.read(Path.of("cnn.onnx"));
 * Layer tuned = FineTuning.adapt(start.model(), "0.*", 5, rng);   // imported body frozen, new 5-class head
 * }</pre>
 */
public final class OnnxPretrained {
  /** The file the fine-tuned model is written to, in its output directory. */
  public static final String FILE = "model.onnx";

  private static final ModelWriter WRITER = new ModelWriter() {
    @Override
    public List<Path> write(Path directory, LayerTreeFiles.Saved saved) throws IOException {
      int[] shape = new int[saved.inputShape().size() + 1];
      shape[0] = 1;
      for (int i = 1; i < shape.length; i++) {
        shape[i] = saved.inputShape().get(i - 1);
      }
      Files.createDirectories(directory);
      OnnxExport.write(saved.model(), Shape.of(shape), directory.resolve(FILE));
      return List.of(directory.resolve(FILE));
    }

    @Override
    public Path source(Path directory) {
      return directory.resolve(FILE);
    }
  };

  private OnnxPretrained() {}

  /** The classifier in {@code file}, ready to adapt; written back as an .onnx file. */
  public static Pretrained read(Path file) throws IOException {
    OnnxClassifier classifier = OnnxClassifier.read(file);
    List<Layer> layers = new ArrayList<>();
    int[] declared = classifier.declaredInput();
    List<Integer> image = classifier.imageShape();
    if (declared.length == 3 && declared[0] == 1) {
      layers.add(new Unflatten(1, 1, image.getFirst()));
    } else if (declared.length != 2) {
      throw new IllegalArgumentException("--from: " + file + " takes inputs [batch, " + java.util.Arrays.toString(declared).substring(1)
          + "; ruru finetune reads images [batch, rows, columns] or [batch, 1, rows, columns]");
    }
    layers.addAll(split(classifier.graph()));
    return new Pretrained(new Sequential(layers), image, List.of(), file.toString(), WRITER);
  }

  /** The graph up to its last Gemm and the Gemm as a Linear; the graph alone when it does not end in a plain Gemm. */
  static List<Layer> split(OnnxLayer layer) {
    OnnxModel model = layer.model();
    OnnxGraph graph = model.graph();
    if (graph.nodes().isEmpty() || graph.outputs().size() != 1) {
      return List.of(layer);
    }
    OnnxNode last = graph.nodes().getLast();
    Map<String, OnnxTensor> weights = new java.util.HashMap<>();
    graph.initializers().forEach(tensor -> weights.put(tensor.name(), tensor));
    if (!isPlainGemm(last, graph, weights)) {
      return List.of(layer);
    }
    NDArray weight = weights.get(last.inputs().get(1)).value();
    weight = intAttribute(last, "transB", 0) == 1 ? weight : weight.transpose().copy();
    OnnxTensor bias = last.inputs().size() > 2 && !last.inputs().get(2).isEmpty() ? weights.get(last.inputs().get(2)) : null;
    List<OnnxTensor> kept = graph.initializers().stream().filter(tensor -> !last.inputs().subList(1, last.inputs().size())
        .contains(tensor.name())).toList();
    OnnxValueInfo features = new OnnxValueInfo(last.inputs().getFirst(), graph.outputs().getFirst().elementType(),
        List.of("batch", Integer.toString(weight.dim(1))));
    OnnxGraph body = new OnnxGraph(graph.name(), graph.nodes().subList(0, graph.nodes().size() - 1), kept, graph.inputs(), List.of(features));
    Linear head = bias == null ? Linear.withoutBias(weight.dim(1), weight.dim(0), Init.zeros(), weight.dtype(), Seed.generator())
        : new Linear(weight.dim(1), weight.dim(0), Init.zeros(), Init.zeros(), weight.dtype(), Seed.generator());
    head.loadStateDict(bias == null ? Map.of("weight", weight) : Map.of("weight", weight, "bias", bias.value()));
    return List.of(OnnxImport.of(new OnnxModel(model.irVersion(), model.opsets(), model.producerName(), model.producerVersion(), body)),
        head);
  }

  /** y = A·B(ᵀ) + C with B and C weights only it reads, and y the graph's output: what torch.onnx writes for a final nn.Linear. */
  private static boolean isPlainGemm(OnnxNode node, OnnxGraph graph, Map<String, OnnxTensor> weights) {
    boolean shape = node.opType().equals("Gemm") && node.domain().isEmpty() && node.outputs().equals(List.of(graph.outputs().getFirst().name()))
        && node.inputs().size() >= 2 && weights.containsKey(node.inputs().get(1)) && weights.get(node.inputs().get(1)).value().rank() == 2;
    boolean plain = intAttribute(node, "transA", 0) == 0 && floatAttribute(node, "alpha") == 1 && floatAttribute(node, "beta") == 1;
    boolean vectorBias = node.inputs().size() < 3 || node.inputs().get(2).isEmpty()
        || weights.containsKey(node.inputs().get(2)) && weights.get(node.inputs().get(2)).value().rank() == 1;
    boolean onlyReader = graph.nodes().stream().filter(other -> other != node)
        .noneMatch(other -> other.inputs().stream().anyMatch(name -> node.inputs().subList(1, node.inputs().size()).contains(name)));
    return shape && plain && vectorBias && onlyReader;
  }

  private static long intAttribute(OnnxNode node, String name, long fallback) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null ? fallback : attribute.intValue();
  }

  private static float floatAttribute(OnnxNode node, String name) {
    OnnxAttribute attribute = node.attributes().get(name);
    return attribute == null ? 1f : attribute.floatValue();
  }
}
