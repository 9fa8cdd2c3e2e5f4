package dev.ruru.nn.graph;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * GraphSAGE's minibatch sampling (Hamilton, Ying and Leskovec, NeurIPS 2017, Algorithm 2), for graphs
 * too large to pass whole: from a batch of seed nodes, keep at most {@code fanouts[0]} of each seed's
 * in-neighbours (drawn without replacement), then at most {@code fanouts[1]} of each of those nodes'
 * in-neighbours, and so on, one hop per layer. A network of {@code fanouts.length} layers run on the
 * {@link Sample} computes the seeds' outputs from their sampled neighbourhoods, at a cost bounded by
 * the fan-outs' product rather than by the graph. A fan-out of {@link #ALL} keeps every neighbour.
 *
 * <pre>{@code
 * NeighbourSampler sampler = new NeighbourSampler(cora, 25, 10);          // two layers, as in the paper
 * NeighbourSampler.Sample sample = sampler.sample(batchOfNodeIds, random);
 * Tensor x = features.takeRows(NDArray.wrap(sample.nodes(), sample.nodes().length));
 * Tensor scores = network.forward(x, sample.graph(), mode);       // the seeds' scores are rows 0..seeds-1
 * }</pre>
 */
public final class NeighbourSampler {
  /** A fan-out that keeps every in-neighbour. */
  public static final int ALL = Integer.MAX_VALUE;

  private final int nodes;
  private final int[] offsets;
  private final int[] neighbours;
  private final int[] fanouts;

  /** A sampler over {@code graph}'s in-edges with one fan-out per hop (the layer nearest the output first). */
  public NeighbourSampler(Graph graph, int... fanouts) {
    if (fanouts.length == 0 || Arrays.stream(fanouts).anyMatch(f -> f < 1)) {
      throw new IllegalArgumentException("NeighbourSampler: one positive fan-out per layer is needed, got " + Arrays.toString(fanouts)
          + "; e.g. 25, 10 for two layers");
    }
    this.nodes = graph.nodes();
    this.fanouts = fanouts.clone();
    int[] sources = graph.sources(), targets = graph.targets();
    offsets = new int[nodes + 1];
    for (int target : targets) {
      offsets[target + 1]++;
    }
    for (int i = 0; i < nodes; i++) {
      offsets[i + 1] += offsets[i];
    }
    neighbours = new int[sources.length];
    int[] filled = Arrays.copyOf(offsets, nodes);
    for (int e = 0; e < sources.length; e++) {
      neighbours[filled[targets[e]]++] = sources[e];
    }
  }

  /**
   * The sampled neighbourhood of {@code seeds} (node ids, no repeats): its nodes numbered with the
   * seeds first, in order, and the sampled edges between them.
   */
  public Sample sample(int[] seeds, RandomGenerator rng) {
    int[] local = new int[nodes];
    Arrays.fill(local, -1);
    int[] kept = new int[Math.max(16, seeds.length)];
    int count = 0;
    for (int seed : seeds) {
      if (seed < 0 || seed >= nodes || local[seed] >= 0) {
        throw new IllegalArgumentException("NeighbourSampler: seed " + seed + (seed < 0 || seed >= nodes ? " is outside [0, " + nodes + ")"
            : " appears twice") + "; the seeds must be distinct nodes of the graph");
      }
      kept = grow(kept, count + 1);
      local[seed] = count;
      kept[count++] = seed;
    }
    EdgeList edges = new EdgeList();
    int frontierStart = 0, frontierEnd = count;
    for (int fanout : fanouts) {
      for (int f = frontierStart; f < frontierEnd; f++) {
        int target = kept[f];
        for (int source : draw(target, fanout, rng)) {
          if (local[source] < 0) {
            kept = grow(kept, count + 1);
            local[source] = count;
            kept[count++] = source;
          }
          edges.add(local[source], f);
        }
      }
      frontierStart = frontierEnd;
      frontierEnd = count;
    }
    return new Sample(Graph.directed(count, edges.sources(), edges.targets()), Arrays.copyOf(kept, count), seeds.length);
  }

  /** Up to {@code fanout} of {@code target}'s in-neighbours, without replacement (a partial Fisher-Yates shuffle). */
  private int[] draw(int target, int fanout, RandomGenerator rng) {
    int degree = offsets[target + 1] - offsets[target];
    int[] pool = Arrays.copyOfRange(neighbours, offsets[target], offsets[target + 1]);
    if (degree <= fanout) {
      return pool;
    }
    for (int i = 0; i < fanout; i++) {
      int j = i + rng.nextInt(degree - i);
      int swap = pool[i];
      pool[i] = pool[j];
      pool[j] = swap;
    }
    return Arrays.copyOf(pool, fanout);
  }

  private static int[] grow(int[] array, int needed) {
    return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, 2 * array.length));
  }

  /** The number of hops (layers) sampled. */
  public int hops() { return fanouts.length; }

  /**
   * A sampled neighbourhood.
   *
   * @param graph the sampled edges between the kept nodes, numbered locally
   * @param nodes the original id of each local node, [kept]; the seeds are 0..seeds-1
   * @param seeds how many of the first nodes are the seeds, whose outputs the batch wants
   */
  public record Sample(Graph graph, int[] nodes, int seeds) {
    public Sample {
      nodes = nodes.clone();
    }

    @Override
    public int[] nodes() { return nodes.clone(); }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sample s && seeds == s.seeds && Arrays.equals(nodes, s.nodes) && graph.equals(s.graph);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(nodes) + seeds;
    }

    @Override
    public String toString() {
      return "Sample(" + seeds + " seeds, " + graph + ")";
    }
  }

  /** A growable pair of int lists, so sampling allocates no boxed integers. */
  private static final class EdgeList {
    private int[] sources = new int[64];
    private int[] targets = new int[64];
    private int size;

    void add(int source, int target) {
      sources = grow(sources, size + 1);
      targets = grow(targets, size + 1);
      sources[size] = source;
      targets[size++] = target;
    }

    int[] sources() { return Arrays.copyOf(sources, size); }
    int[] targets() { return Arrays.copyOf(targets, size); }
  }
}
