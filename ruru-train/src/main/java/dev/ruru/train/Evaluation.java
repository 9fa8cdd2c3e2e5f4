package dev.ruru.train;

import dev.ruru.array.NDArray;
import dev.ruru.train.metrics.Classification;
import dev.ruru.train.metrics.ConfusionMatrix;
import java.util.Objects;

/**
 * A model's results on a dataset, in evaluation mode.
 *
 * @param loss the mean loss over all examples
 * @param accuracy the share of examples whose highest-scoring class is the label (NaN when the outputs are
 *     not class scores)
 * @param outputs the model's outputs {@code [n, classes]}
 * @param labels the true labels {@code [n]}
 */
public record Evaluation(double loss, double accuracy, NDArray outputs, NDArray labels) {
  public Evaluation {
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(labels, "labels");
  }

  /** The predicted classes {@code [n]}: the argmax of each output row. */
  public NDArray predicted() {
    return outputs.argmax(1);
  }

  /** Share of examples whose true class is among the {@code k} highest scores. */
  public double topKAccuracy(int k) {
    return Classification.topKAccuracy(outputs, labels, k);
  }

  /** The confusion matrix of the predictions, with {@code outputs.dim(1)} classes. */
  public ConfusionMatrix confusionMatrix() {
    return ConfusionMatrix.of(predicted(), labels, outputs.dim(1));
  }
}
