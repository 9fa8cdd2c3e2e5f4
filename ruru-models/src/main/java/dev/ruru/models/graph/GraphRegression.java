package dev.ruru.models.graph;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.graph.GraphData;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.graph.Graph;
import dev.ruru.nn.graph.GraphBatch;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole-graph regression: a batch names graphs ({@code features} = graph ids [b], int64; the
 * {@code labels} are ignored, data sets hold integer labels) and the objective holds each graph's
 * value; the step joins the graphs into one {@link GraphBatch} and a
 * {@link GraphClassifier} with one output predicts each value. The loss is the mean squared error of
 * the standardised value, (y − mean) / scale, so one learning rate suits values of any size; the
 * reported {@code mae} is the mean absolute error in the value's own units (Å² for a surface area).
 */
public final class GraphRegression implements Objective {
  private final GraphClassifier model;
  private final List<GraphData> graphs;
  private final List<Graph> structures = new ArrayList<>();
  private final List<Phase> phases;
  private final double[] values;
  private final double mean;
  private final double scale;

  /**
   * @param values each graph's value, in the order of {@code graphs}
   * @param mean the training values' mean, @param scale their standard deviation (the standardisation)
   */
  public GraphRegression(GraphClassifier model, List<GraphData> graphs, double[] values, Optimizer optimizer, double mean, double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("GraphRegression: the scale must be positive, got " + scale + "; are all training values equal?");
    }
    if (values.length != graphs.size()) {
      throw new IllegalArgumentException("GraphRegression: one value per graph is needed, got " + values.length + " values for "
          + graphs.size() + " graphs");
    }
    this.values = values.clone();
    this.model = model;
    this.graphs = List.copyOf(graphs);
    graphs.forEach(data -> structures.add(Graph.directed(data.nodes(), data.sources(), data.targets())));
    this.phases = List.of(Phase.of(optimizer));
    this.mean = mean;
    this.scale = scale;
  }

  @Override
  public Map<String, Layer> models() {
    return Map.of("model", model);
  }

  @Override
  public List<Phase> phases() {
    return phases;
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    long[] ids = batch.features().toLongArray();
    Tensor standardised = predict(ids, mode);
    float[] wanted = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      wanted[i] = (float) values[(int) ids[i]];
    }
    NDArray truth = NDArray.wrap(wanted, ids.length);
    Tensor loss = Losses.mse(standardised, Tensor.constant(truth.sub(mean).div(scale)));
    NDArray predicted = standardised.value().mul(scale).add(mean);
    double mae = predicted.sub(truth).abs().mean().item();
    return new Result(loss, Map.of(), mode == Mode.EVAL ? predicted : null).with("mae", mae);
  }

  /** The standardised predictions [b] for the graphs {@code ids}. */
  private Tensor predict(long[] ids, Mode mode) {
    List<Graph> parts = new ArrayList<>();
    List<NDArray> features = new ArrayList<>();
    for (long id : ids) {
      parts.add(structures.get((int) id));
      features.add(graphs.get((int) id).features());
    }
    Tensor out = model.forward(Tensor.constant(NDArray.concatenate(features, 0)), GraphBatch.of(parts), mode);
    return out.reshape(ids.length);
  }
}
