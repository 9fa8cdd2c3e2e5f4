package dev.ruru.nn.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** GraphSAGE's neighbour sampling: real edges only, fan-outs respected, seeds first, reproducible, exact when nothing is dropped. */
class NeighbourSamplerTest {
  /** A random graph of 200 nodes and 1,500 links, both directions. */
  private static Graph randomGraph() {
    SplittableRandom random = new SplittableRandom(7);
    int[] u = new int[1500], v = new int[1500];
    for (int e = 0; e < u.length; e++) {
      u[e] = random.nextInt(200);
      v[e] = (u[e] + 1 + random.nextInt(199)) % 200;
    }
    return Graph.undirected(200, u, v);
  }

  @Test
  void sampledEdgesAreRealEdgesAndEachNodeKeepsAtMostItsFanout() {
    Graph graph = randomGraph();
    Set<Long> real = new HashSet<>();
    int[] s = graph.sources(), t = graph.targets();
    for (int e = 0; e < s.length; e++) {
      real.add((long) s[e] * 200 + t[e]);
    }
    int[] seeds = {5, 17, 3, 150};
    NeighbourSampler.Sample sample = new NeighbourSampler(graph, 4, 2).sample(seeds, new SplittableRandom(1));
    int[] nodes = sample.nodes();
    assertArrayEquals(seeds, java.util.Arrays.copyOf(nodes, 4), "the seeds come first, in order");
    assertEquals(nodes.length, new HashSet<>(java.util.Arrays.stream(nodes).boxed().toList()).size(), "no node twice");
    int[] in = new int[nodes.length];
    int[] ls = sample.graph().sources(), lt = sample.graph().targets();
    for (int e = 0; e < ls.length; e++) {
      assertTrue(real.contains((long) nodes[ls[e]] * 200 + nodes[lt[e]]), "edge " + nodes[ls[e]] + " -> " + nodes[lt[e]] + " is not in the graph");
      in[lt[e]]++;
    }
    for (int i = 0; i < nodes.length; i++) {
      assertTrue(in[i] <= (i < 4 ? 4 : 2), "node " + nodes[i] + " kept " + in[i] + " in-edges");
    }
    assertTrue(nodes.length <= 4 + 4 * 4 + 4 * 4 * 2, "at most seeds + 4 per seed + 2 per hop-1 node: " + nodes.length);
    NeighbourSampler.Sample again = new NeighbourSampler(graph, 4, 2).sample(seeds, new SplittableRandom(1));
    assertArrayEquals(nodes, again.nodes(), "the same generator state draws the same sample");
  }

  @Test
  void keepingEveryNeighbourGivesTheSeedsTheirFullGraphOutputs() {
    Graph graph = randomGraph();
    NDArray x = NDArray.randn(Shape.of(200, 3), new SplittableRandom(3));
    GCNConv first = new GCNConv(3, 4, new SplittableRandom(4));
    SAGEConv second = new SAGEConv(4, 2, Aggregation.MEAN, new SplittableRandom(5));
    Tensor full = second.forward(first.forward(Tensor.constant(x), graph, Mode.EVAL).relu(), graph, Mode.EVAL);
    int[] seeds = {9, 0, 123};
    NeighbourSampler sampler = new NeighbourSampler(graph, NeighbourSampler.ALL, NeighbourSampler.ALL);
    NeighbourSampler.Sample sample = sampler.sample(seeds, new SplittableRandom(2));
    // SAGE's mean needs only in-neighbours; GCN's normalisation needs the neighbours' degrees, which
    // a sample cuts short at its edge, so compare the layer whose inputs the sample holds exactly.
    Tensor hidden = first.forward(Tensor.constant(x), graph, Mode.EVAL).relu().takeRows(NDArray.wrap(sample.nodes(), sample.nodes().length));
    Tensor sampled = second.forward(hidden, sample.graph(), Mode.EVAL);
    for (int i = 0; i < seeds.length; i++) {
      for (int c = 0; c < 2; c++) {
        assertEquals(full.value().getDouble(seeds[i], c), sampled.value().getDouble(i, c), 1e-5, "seed " + seeds[i]);
      }
    }
  }

  @Test
  void badFanoutsAndSeedsAreRefused() {
    Graph graph = randomGraph();
    assertEquals("NeighbourSampler: one positive fan-out per layer is needed, got [10, 0]; e.g. 25, 10 for two layers",
        assertThrows(IllegalArgumentException.class, () -> new NeighbourSampler(graph, 10, 0)).getMessage());
    assertEquals("NeighbourSampler: seed 200 is outside [0, 200); the seeds must be distinct nodes of the graph",
        assertThrows(IllegalArgumentException.class, () -> new NeighbourSampler(graph, 3).sample(new int[] {1, 200}, new SplittableRandom(1)))
            .getMessage());
  }
}
