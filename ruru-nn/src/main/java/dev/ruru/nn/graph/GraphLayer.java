package dev.ruru.nn.graph;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;

/**
 * A layer whose output for a node depends on its neighbours: it needs the {@link Graph} besides the
 * node features x [nodes, in], and gives [nodes, out]. It is a {@link Layer} for everything else
 * (parameters, state dictionary, checkpoints).
 */
public interface GraphLayer extends Layer {
  /** The new node features for features {@code x} [nodes, in] on {@code graph}; inputs are not modified. */
  Tensor forward(Tensor x, Graph graph, Mode mode);

  /** A graph layer cannot run without its graph: this says so, naming the method to call. */
  @Override
  default Tensor forward(Tensor input, Mode mode) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + ": a graph layer needs the graph; call forward(x, graph, mode)");
  }

  /** Checks that x is [graph.nodes(), in]; the message names the layer, both shapes and the fix. */
  static void checkInput(String layer, Tensor x, Graph graph, int in) {
    if (x.rank() != 2 || x.shape().dim(0) != graph.nodes() || x.shape().dim(1) != in) {
      throw new IllegalArgumentException(layer + ": expected node features [" + graph.nodes() + ", " + in + "] (one row per node of "
          + graph + "), got " + x.shape() + "; the feature matrix needs one row per node");
    }
  }
}
