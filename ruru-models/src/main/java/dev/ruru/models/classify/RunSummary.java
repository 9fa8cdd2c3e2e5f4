package dev.ruru.models.classify;

import dev.ruru.train.Evaluation;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.metrics.StepLog;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one training run that its report is made of.
 *
 * @param task what was trained, e.g. {@code "mlp"} ({@code "task"} in metrics.json)
 * @param dataset the data's name, e.g. {@code "fashion-mnist"} or {@code "fashion-mnist-sample"}
 * @param model the model in one line, e.g. {@code "mlp 784-128-10 relu float32"}
 * @param optimizer the optimiser and its settings in one line
 * @param trainSize training examples
 * @param validationSize validation examples (0 when none)
 * @param epochs every epoch's metrics
 * @param steps the training metrics of every step, which the learning curves draw when the epochs are few
 * @param test the trained model's results on the test set
 * @param classNames a name per class
 */
public record RunSummary(String task, String dataset, String model, String optimizer, int trainSize, int validationSize,
    List<EpochMetrics> epochs, StepLog steps, Evaluation test, List<String> classNames) {
  public RunSummary {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(optimizer, "optimizer");
    epochs = List.copyOf(epochs);
    Objects.requireNonNull(test, "test");
    classNames = List.copyOf(classNames);
  }

  /** Training examples per second over all epochs' training passes (evaluation excluded). */
  public double samplesPerSecond() {
    double seconds = 0;
    for (EpochMetrics epoch : epochs) {
      seconds += epoch.seconds();
    }
    return seconds > 0 ? (double) trainSize * epochs.size() / seconds : 0;
  }
}
