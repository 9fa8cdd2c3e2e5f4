package dev.ruru.nn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.graph.GATConv.GatShape;
import dev.ruru.nn.graph.GATConv.HeadCombination;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layer classes around the equations: batching, dropout, parameters, gradient checks and errors. */
class GraphLayersTest {
  private static final Graph PATH = Graph.undirected(3, new int[] {0, 1}, new int[] {1, 2});
  private static final Graph STAR = Graph.undirected(4, new int[] {0, 0, 0}, new int[] {1, 2, 3});

  @Test
  void aBlockDiagonalBatchGivesEachGraphWhatItGetsAlone() {
    GraphBatch batch = GraphBatch.of(List.of(PATH, STAR));
    assertEquals(7, batch.graph().nodes());
    assertEquals(10, batch.graph().edges());
    assertEquals("[0, 0, 0, 1, 1, 1, 1]", java.util.Arrays.toString(batch.graphOfNode()));
    SplittableRandom rng = new SplittableRandom(1);
    NDArray x = NDArray.randn(Shape.of(7, 5), rng);
    for (GraphLayer layer : List.of(new GCNConv(5, 3, rng), new SAGEConv(5, 3, Aggregation.MAX, rng),
        new GATConv(new GatShape(5, 2, 3, HeadCombination.CONCAT, 0), rng), new GINConv(new Linear(5, 3, rng), 0.5))) {
      NDArray together = layer.forward(Tensor.constant(x), batch.graph(), Mode.EVAL).value();
      NDArray first = layer.forward(Tensor.constant(x.slice(0, 0, 3, 1)), PATH, Mode.EVAL).value();
      NDArray second = layer.forward(Tensor.constant(x.slice(0, 3, 7, 1)), STAR, Mode.EVAL).value();
      assertTrue(together.slice(0, 0, 3, 1).allClose(first, 1e-5, 1e-6), layer.toString());
      assertTrue(together.slice(0, 3, 7, 1).allClose(second, 1e-5, 1e-6), layer.toString());
    }
  }

  @Test
  void attentionDropoutActsOnlyInTraining() {
    GATConv layer = new GATConv(new GatShape(4, 3, 2, HeadCombination.MEAN, 0.5), new SplittableRandom(3));
    Tensor x = Tensor.constant(NDArray.randn(Shape.of(4, 4), new SplittableRandom(4)));
    assertTrue(layer.forward(x, STAR, Mode.EVAL).value().allClose(layer.forward(x, STAR, Mode.EVAL).value(), 0, 0));
    assertFalse(layer.forward(x, STAR, Mode.TRAIN).value().allClose(layer.forward(x, STAR, Mode.EVAL).value(), 1e-3, 1e-3));
    assertEquals(Shape.of(4, 3), layer.forward(x, STAR, Mode.TRAIN).shape());
  }

  @Test
  void layersPassGradCheckInFloat64() {
    SplittableRandom rng = new SplittableRandom(5);
    NDArray x = NDArray.randn(Shape.of(4, 3), rng).astype(DType.FLOAT64);
    NDArray w = NDArray.randn(Shape.of(4, 3), rng).astype(DType.FLOAT64);
    NDArray a = NDArray.randn(Shape.of(2, 2), rng).astype(DType.FLOAT64);
    NDArray b = NDArray.randn(Shape.of(2, 2), rng).astype(DType.FLOAT64);
    GatShape shape = new GatShape(3, 2, 2, HeadCombination.CONCAT, 0);
    GradCheck.Report gat = GradCheck.check(t -> GATConv.attend(t[0], STAR, shape, t[1], t[2], t[3], Tensor.scalar(0, DType.FLOAT64),
        Mode.EVAL, null), x, w, a, b);
    assertTrue(gat.passes(), gat.toString());
    GradCheck.Report gcn = GradCheck.check(t -> GCNConv.convolve(t[0], STAR, t[1], null), x, w);
    assertTrue(gcn.passes(), gcn.toString());
  }

  @Test
  void parametersAreNamedForTheirRole() {
    assertEquals("[weight, bias]", new GCNConv(3, 2).parameters().keySet().toString());
    assertEquals("[neighbour_weight, bias, root_weight]", new SAGEConv(3, 2, Aggregation.MEAN).parameters().keySet().toString());
    assertEquals("[weight, attention_source, attention_target, bias]",
        new GATConv(new GatShape(3, 2, 4, HeadCombination.CONCAT, 0.6)).parameters().keySet().toString());
    assertEquals("[epsilon, mlp.0.weight, mlp.0.bias, mlp.2.weight, mlp.2.bias]",
        new GINConv(new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2)), 0).parameters().keySet().toString());
  }

  @Test
  void mistakesGetMessagesThatSayWhatToDo() {
    assertEquals("Graph: edge 1 has target node 3, outside [0, 3); the graph has 3 nodes",
        assertThrows(IndexOutOfBoundsException.class, () -> Graph.directed(3, new int[] {0, 1}, new int[] {1, 3})).getMessage());
    GCNConv layer = new GCNConv(5, 2);
    assertEquals("GCNConv: expected node features [3, 5] (one row per node of Graph(3 nodes, 4 edges)), got [4, 5]; "
        + "the feature matrix needs one row per node",
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.constant(NDArray.zeros(Shape.of(4, 5))), PATH, Mode.EVAL))
            .getMessage());
    assertEquals("GCNConv: a graph layer needs the graph; call forward(x, graph, mode)",
        assertThrows(UnsupportedOperationException.class, () -> layer.forward(Tensor.constant(NDArray.zeros(Shape.of(3, 5))))).getMessage());
  }
}
