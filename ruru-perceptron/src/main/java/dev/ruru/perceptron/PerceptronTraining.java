package dev.ruru.perceptron;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Batch;
import dev.ruru.data.DataLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The course's training loop for a {@link MulticlassPerceptron}: for each epoch, one pass of batched
 * updates over the training set ({@link MulticlassPerceptron#updateInPlace}), then the accuracy on the
 * training and validation sets with the epoch's final weights.
 *
 * <pre>{@code
 * List<EpochResult> history = PerceptronTraining.train(model, train, validation,
 *     new TrainingSettings(5, 1.0, 100, ExampleOrder.SHUFFLED, 0), r -> System.out.println(r));
 * }</pre>
 */
public final class PerceptronTraining {
  private PerceptronTraining() {}

  /**
   * Trains {@code model} in place and reports each epoch to {@code onEpoch} as soon as it ends.
   *
   * @param train features {@code [n, features]} (flattened) and labels {@code [n]}
   * @param validation the same layout; may be empty (its accuracy is then NaN)
   * @return one result per epoch, in order
   */
  public static List<EpochResult> train(MulticlassPerceptron model, ArrayDataset train, ArrayDataset validation,
      TrainingSettings settings, Consumer<EpochResult> onEpoch) {
    checkLayout("training", model, train);
    checkLayout("validation", model, validation);
    DataLoader loader = DataLoader.of(train, settings.batchSize());
    if (settings.order() == TrainingSettings.ExampleOrder.SHUFFLED) {
      loader = loader.shuffled(settings.seed());
    }
    List<EpochResult> history = new ArrayList<>(settings.epochs());
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      long start = System.nanoTime();
      int mistakes = 0;
      for (Batch batch : loader.epoch(epoch - 1)) {
        mistakes += model.updateInPlace(batch.features(), batch.labels(), settings.learningRate());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      EpochResult result = new EpochResult(epoch, model.accuracy(train.features(), train.labels()),
          validation.size() == 0 ? Double.NaN : model.accuracy(validation.features(), validation.labels()), seconds, mistakes);
      history.add(result);
      onEpoch.accept(result);
    }
    return history;
  }

  private static void checkLayout(String part, MulticlassPerceptron model, ArrayDataset data) {
    if (data.features().rank() != 2 || data.features().dim(1) != model.features()) {
      throw new IllegalArgumentException("PerceptronTraining: expected " + part + " features [n, " + model.features()
          + "], got " + data.features().shape() + (data.features().rank() > 2 ? "; flatten them first" : ""));
    }
  }
}
