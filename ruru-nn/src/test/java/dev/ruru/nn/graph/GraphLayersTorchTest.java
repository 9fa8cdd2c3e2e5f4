package dev.ruru.nn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import dev.ruru.nn.Functional;
import dev.ruru.nn.Mode;
import dev.ruru.nn.graph.GATConv.GatShape;
import dev.ruru.nn.graph.GATConv.HeadCombination;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each graph layer's value and gradients (for the features and every parameter) against the same
 * equations in plain PyTorch, float64 (fixtures and script in src/test/resources/torch/graph/). The
 * graph has a node with no edges and one with no in-edges, so empty groups are covered.
 */
class GraphLayersTorchTest {
  private static final int[] SOURCES = {0, 1, 2, 2, 3, 1, 2, 0, 3, 4, 5};
  private static final int[] TARGETS = {1, 2, 0, 3, 4, 0, 1, 2, 2, 3, 4};
  private static final Graph GRAPH = Graph.directed(7, SOURCES, TARGETS);
  private static final GraphBatch TWO_GRAPHS = GraphBatch.of(java.util.List.of(Graph.directed(3, new int[0], new int[0]),
      Graph.directed(4, new int[0], new int[0])));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("gcn", (TensorFunction) t -> GCNConv.convolve(t[0], GRAPH, t[1], t[2])),
        Arguments.of("sage_mean", (TensorFunction) t -> SAGEConv.convolve(t[0], GRAPH, Aggregation.MEAN, t[3], t[1], t[2])),
        Arguments.of("sage_max", (TensorFunction) t -> SAGEConv.convolve(t[0], GRAPH, Aggregation.MAX, t[3], t[1], t[2])),
        Arguments.of("gat_concat", (TensorFunction) t -> GATConv.attend(t[0], GRAPH, new GatShape(4, 3, 2, HeadCombination.CONCAT, 0),
            t[1], t[2], t[3], t[4], Mode.TRAIN, null)),
        Arguments.of("gat_mean", (TensorFunction) t -> GATConv.attend(t[0], GRAPH, new GatShape(4, 3, 2, HeadCombination.MEAN, 0),
            t[1], t[2], t[3], t[4], Mode.TRAIN, null)),
        Arguments.of("gin", (TensorFunction) t ->
            Functional.linear(Functional.linear(GINConv.aggregate(t[0], GRAPH, t[1]), t[2], t[3]).relu(), t[4], t[5])),
        Arguments.of("pool_sum", (TensorFunction) t -> GlobalPooling.sum(t[0], TWO_GRAPHS)),
        Arguments.of("pool_mean", (TensorFunction) t -> GlobalPooling.mean(t[0], TWO_GRAPHS)),
        Arguments.of("pool_max", (TensorFunction) t -> GlobalPooling.max(t[0], TWO_GRAPHS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valueAndGradientsMatchPyTorch(String name, TensorFunction f) throws Exception {
    Map<String, NDArray> fixture = Npz.read(Path.of("src/test/resources/torch/graph", name + ".npz"));
    assertEquals(Arrays.toString(SOURCES), Arrays.toString(fixture.get("sources").toIntArray()), "the script's graph");
    assertEquals(Arrays.toString(TARGETS), Arrays.toString(fixture.get("targets").toIntArray()));
    int count = (int) fixture.keySet().stream().filter(k -> k.matches("x\\d+")).count();
    NDArray[] inputs = new NDArray[count];
    for (int i = 0; i < count; i++) {
      inputs[i] = fixture.get("x" + i);
    }
    NDArray out = Autodiff.noGrad(() -> f.apply(Arrays.stream(inputs).map(Tensor::constant).toArray(Tensor[]::new)).value());
    assertEquals(fixture.get("out").shape(), out.shape(), name + " output shape");
    assertTrue(out.allClose(fixture.get("out"), 1e-10, 1e-12), name + " output differs from torch:\n" + out + "\n" + fixture.get("out"));
    NDArray[] gradients = Autodiff.vjp(f, inputs, fixture.get("cot"));
    for (int i = 0; i < count; i++) {
      NDArray expected = fixture.get("grad" + i);
      assertTrue(gradients[i].allClose(expected, 1e-9, 1e-12), name + " gradient " + i + " differs from torch:\n" + gradients[i]
          + "\nexpected " + expected);
    }
  }
}
