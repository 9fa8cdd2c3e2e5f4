package dev.ruru.train.objective;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Dataset;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.Evaluation;
import dev.ruru.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model and a loss against labels, the course's supervised learning: classification (softmax
 * cross-entropy against class ids) or regression (MSE against targets). Reports {@code loss} and, when the
 * outputs are class scores {@code [..., classes]} and the labels integer ids {@code [...]},
 * {@code accuracy}: the share of labels matched by the highest score (per example, or per position for a
 * sequence model).
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(new Supervised(model, new Adam(model.parameters(), 1e-3), Loss.crossEntropy())).build();
 * }</pre>
 */
public final class Supervised implements Objective {
  private final Layer model;
  private final Loss loss;
  private final List<Phase> phases;

  public Supervised(Layer model, Optimizer optimizer, Loss loss) {
    this.model = Objects.requireNonNull(model, "model");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.phases = List.of(Phase.of(optimizer));
  }

  public Layer model() { return model; }
  public Loss loss() { return loss; }

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
    Tensor output = model.forward(Tensor.constant(batch.features()), mode);
    Result result = new Result(loss.apply(output, batch.labels()), Map.of(), mode == Mode.EVAL ? output.value() : null);
    double accuracy = accuracy(output.value(), batch.labels());
    return Double.isNaN(accuracy) ? result : result.with("accuracy", accuracy);
  }

  @Override
  public PassMetrics newPass() {
    return new Collecting();
  }

  /**
   * The share of {@code labels} matched by the highest of {@code outputs}: class scores [..., classes]
   * against integer labels [...]; NaN when the outputs are not class scores for these labels.
   */
  public static double accuracy(NDArray outputs, NDArray labels) {
    int last = outputs.rank() - 1;
    if (last < 1 || labels.rank() != last || !labels.dtype().isInteger() || labels.size() == 0) {
      return Double.NaN;
    }
    for (int axis = 0; axis < last; axis++) {
      if (outputs.dim(axis) != labels.dim(axis)) {
        return Double.NaN;
      }
    }
    return (double) outputs.argmax(last).eq(labels).astype(DType.INT64).sum().getLong() / labels.size();
  }

  /** The model's loss, accuracy and outputs on {@code data}, in evaluation mode, {@code batchSize} examples at a time. */
  public Evaluation evaluate(Dataset data, int batchSize) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("evaluate: the dataset is empty");
    }
    Collecting pass = (Collecting) Trainer.evaluate(this, DataLoader.of(data, batchSize));
    Map<String, Double> values = pass.values();
    return new Evaluation(values.get("loss"), values.getOrDefault("accuracy", Double.NaN), NDArray.concatenate(pass.outputs, 0),
        NDArray.concatenate(pass.labels, 0));
  }

  /** {@code model}'s loss, accuracy and outputs on {@code data} under {@code loss}: evaluation without an optimiser. */
  public static Evaluation evaluate(Layer model, Loss loss, Dataset data, int batchSize) {
    return new Supervised(model, new Frozen(model), loss).evaluate(data, batchSize);
  }

  /** The means, and in evaluation each batch's outputs and labels, for the confusion matrix and the reports. */
  private static final class Collecting implements PassMetrics {
    private final Means means = new Means();
    private final List<NDArray> outputs = new ArrayList<>();
    private final List<NDArray> labels = new ArrayList<>();

    @Override
    public void add(Batch batch, Map<String, Double> metrics, NDArray batchOutputs) {
      means.add(batch, metrics, batchOutputs);
      if (batchOutputs != null) {
        outputs.add(batchOutputs);
        labels.add(batch.labels());
      }
    }

    @Override
    public Map<String, Double> values() {
      return means.values();
    }
  }

  /** Evaluation needs no optimiser; a phase needs one, so this one refuses to step. */
  private record Frozen(Layer model) implements Optimizer {
    @Override public void step(Map<dev.ruru.nn.Parameter, NDArray> gradients) {
      throw new UnsupportedOperationException("evaluate: this objective was built for evaluation only");
    }
    @Override public Map<String, dev.ruru.nn.Parameter> parameters() { return model.parameters(); }
    @Override public double learningRate() { return 0; }
    @Override public void setLearningRate(double learningRate) {
      throw new UnsupportedOperationException("evaluate: this objective was built for evaluation only");
    }
    @Override public Map<String, NDArray> stateDict() { return Map.of(); }
    @Override public void loadStateDict(Map<String, NDArray> state) {}
  }
}
