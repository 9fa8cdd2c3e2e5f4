package dev.ruru.models.graph;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Functional;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.graph.GINConv;
import dev.ruru.nn.graph.GlobalPooling;
import dev.ruru.nn.graph.GraphBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A whole-graph classifier, the graph isomorphism network of Xu et al. (ICLR 2019): GIN-0 layers, each
 * an MLP of two linear maps with ReLU, then the sum over each graph's nodes of the input and of every
 * layer's output, concatenated (the paper's readout: the input is each node alone, shallow layers see
 * small neighbourhoods, deep ones large), and a linear map to class scores (or to one value). Sums, not means, so that the network can count (nodes, neighbours).
 */
public final class GraphClassifier implements Layer {
  private final List<GINConv> layers = new ArrayList<>();
  private final Linear head;

  public GraphClassifier(int in, int hidden, int depth, int classes, RandomGenerator rng) {
    int width = in;
    for (int i = 0; i < depth; i++) {
      Sequential mlp = new Sequential(new Linear(width, hidden, rng), new ReLU(), new Linear(hidden, hidden, rng));
      layers.add(new GINConv(mlp));
      width = hidden;
    }
    head = new Linear(in + depth * hidden, classes, rng);
  }

  /** Class scores [graphs, classes] for node features x [Σ nodes, in] of the graphs in {@code batch}. */
  public Tensor forward(Tensor x, GraphBatch batch, Mode mode) {
    List<Tensor> readouts = new ArrayList<>();
    readouts.add(GlobalPooling.sum(x, batch));
    Tensor h = x;
    for (GINConv layer : layers) {
      h = layer.forward(h, batch.graph(), mode).relu();
      readouts.add(GlobalPooling.sum(h, batch));
    }
    return Functional.linear(Tensor.concat(readouts, 1), head.weight().tensor(), head.bias().tensor());
  }

  /** Needs the batch's graphs: this says so. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    throw new UnsupportedOperationException("GraphClassifier: needs the graphs; call forward(x, batch, mode)");
  }

  @Override
  public Map<String, Parameter> parameters() {
    List<Map<String, Parameter>> parts = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      parts.add(Params.nested("gin" + i, layers.get(i).parameters()));
    }
    parts.add(Params.nested("head", head.parameters()));
    return Params.merge(parts);
  }
}
