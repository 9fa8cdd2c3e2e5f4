package dev.ruru.perceptron;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.Arrays;

/**
 * The course's multi-class perceptron: one weight vector and bias per class, and the class with the
 * highest score wins.
 * <pre>
 *   scores = x·Wᵀ + b          x: [n, features]   W: [classes, features]   b: [classes]   scores: [n, classes]
 *   ŷ      = argmax(scores)    ŷ: [n]
 * </pre>
 * Row {@code c} of {@code W} is class {@code c}'s weight vector (for images, a picture of what the
 * class "looks for"; see {@link WeightImages}). Weights and biases start at 0.
 *
 * <p>Learning uses the perceptron rule, not a gradient. For one example {@code (x, a)} with prediction
 * {@code ŷ ≠ a}, only two classes move: the true one towards the example and the predicted one away
 * ({@link #updateExampleInPlace}); a right prediction changes nothing. The batched variant
 * ({@link #updateInPlace}) is the course's code: with {@code y = onehot(a) − onehot(ŷ)} per example,
 * <pre>
 *   W ← W + λ · mean over the batch of (yᵀ x)      b ← b + λ · mean over the batch of y
 * </pre>
 * which moves each class by the average of the examples it should have won minus those it wrongly won.
 * It gives the numbers of {@code shared/anchors/w1_perceptron.py} for the same data, batches and
 * learning rate, up to float32 rounding (the tests check five steps on real images against it).
 *
 * <pre>{@code
 * MulticlassPerceptron p = new MulticlassPerceptron(784, 10);
 * for (int i = 0; i < 60000; i += 100) {
 *   p.updateInPlace(images.slice(0, i, i + 100, 1), labels.slice(0, i, i + 100, 1), 1.0);  // [100, 784], [100]
 * }
 * double accuracy = p.accuracy(testImages, testLabels);
 * }</pre>
 *
 * <p>The weights (float32) are the only mutable state (besides a scratch buffer); the methods that
 * change them end in {@code InPlace}. Inputs are not modified. One instance is not for several threads.
 */
public final class MulticlassPerceptron {
  private final int features;
  private final int classes;
  /**
   * {@code [classes, features]}: row c is class c's weight vector. The course's code keeps the transpose,
   * but this way the scores come out of one product {@code W·xᵀ} that reads each batch of examples once
   * (W1 spends most of its time streaming examples from memory), and a class's update is one row.
   */
  private final NDArray weights;
  /** {@code [classes]}. */
  private final NDArray bias;
  /**
   * Where {@link #updateInPlace} gathers the mistaken rows of a batch, reused from batch to batch:
   * allocating them afresh (Java zeroes new arrays) took longer than copying them.
   */
  private NDArray rowBuffer;

  /** A perceptron from {@code features} inputs to {@code classes} classes, every weight and bias 0. */
  public MulticlassPerceptron(int features, int classes) {
    if (features < 1 || classes < 2) {
      throw new IllegalArgumentException("MulticlassPerceptron: expected at least 1 feature and 2 classes, got "
          + features + " features and " + classes + " classes");
    }
    this.features = features;
    this.classes = classes;
    this.weights = NDArray.zeros(Shape.of(classes, features), DType.FLOAT32);
    this.bias = NDArray.zeros(Shape.of(classes), DType.FLOAT32);
    this.rowBuffer = NDArray.zeros(Shape.of(0, features), DType.FLOAT32);
  }

  public int features() {
    return features;
  }

  public int classes() {
    return classes;
  }

  /** A copy of the weights {@code W}, {@code [classes, features]}; row c belongs to class c. */
  public NDArray weights() {
    return weights.copy();
  }

  /** A copy of the biases {@code b}, {@code [classes]}. */
  public NDArray bias() {
    return bias.copy();
  }

  /** {@code x·Wᵀ + b}: {@code [n, features]} to float32 {@code [n, classes]}. */
  public NDArray scores(NDArray examples) {
    checkExamples("scores", examples);
    return transposedScores(examples).transpose();
  }

  /** {@code W·xᵀ + b}, {@code [classes, n]}: one GEMM with xᵀ a BLAS flag; the product is fresh, so b goes in in place. */
  private NDArray transposedScores(NDArray examples) {
    return weights.matmul(examples.astype(DType.FLOAT32).transpose()).addInPlace(bias.reshape(classes, 1));
  }

  /** The predicted class of each example: {@code argmax(x·Wᵀ + b)}, {@code [n]} int64 (the first on ties). */
  public NDArray predict(NDArray examples) {
    checkExamples("predict", examples);
    return transposedScores(examples).argmax(0);
  }

  /** The fraction of {@code examples} {@code [n, features]} whose prediction equals {@code labels} {@code [n]}. */
  public double accuracy(NDArray examples, NDArray labels) {
    checkLabels("accuracy", examples, labels);
    if (examples.dim(0) == 0) {
      return Double.NaN;
    }
    return predict(examples).eq(labels).astype(DType.FLOAT64).mean().item();
  }

  /**
   * The per-example rule for one example {@code [features]} with true class {@code label}: when the
   * prediction {@code ŷ} is wrong, {@code W[a] += λx, b[a] += λ} and {@code W[ŷ] −= λx, b[ŷ] −= λ};
   * no other class moves.
   *
   * @return whether the weights changed, that is, whether the prediction was wrong
   */
  public boolean updateExampleInPlace(NDArray example, long label, double learningRate) {
    BinaryPerceptron.checkLearningRate(learningRate);
    if (example.rank() != 1 || example.dim(0) != features) {
      throw new IllegalArgumentException("MulticlassPerceptron.updateExampleInPlace: expected one example of shape ["
          + features + "], got " + example.shape());
    }
    checkLabel(label, 0);
    int predicted = (int) predict(example.reshape(1, features)).getLong(0);
    if (predicted == label) {
      return false;
    }
    NDArray step = example.astype(DType.FLOAT32).mul(learningRate);
    int target = (int) label;
    weights.slice(0, target, target + 1, 1).addInPlace(step);
    weights.slice(0, predicted, predicted + 1, 1).subInPlace(step);
    bias.slice(0, target, target + 1, 1).addInPlace(learningRate);
    bias.slice(0, predicted, predicted + 1, 1).addInPlace(-learningRate);
    return true;
  }

  /**
   * One step of the course's batched rule on {@code examples} {@code [B, features]} with true classes
   * {@code labels} {@code [B]}: with {@code y = onehot(labels) − onehot(predictions)} ({@code [B, classes]}),
   * {@code W += (λ/B)·yᵀx} and {@code b += λ·mean(y, axis 0)}. Rows the model already gets right have
   * {@code y = 0} and add nothing, so only the mistaken rows are gathered (after the first epochs, a
   * fifth of the batch or less) and added to the two rows of W they move; the average still divides by
   * B. The sum is the course's, in another order, so W agrees with its code up to float32 rounding.
   *
   * @return the number of examples in the batch that were predicted wrongly (and so moved the weights)
   */
  public int updateInPlace(NDArray examples, NDArray labels, double learningRate) {
    BinaryPerceptron.checkLearningRate(learningRate);
    checkLabels("updateInPlace", examples, labels);
    int batch = examples.dim(0);
    long[] predictions = predict(examples).toLongArray();
    long[] truth = labels.toLongArray();
    int[] mistaken = mistakes(predictions, truth);
    int m = mistaken.length;
    if (m == 0) {
      return 0;
    }
    // Row j of y = onehot(label) − onehot(prediction) has two entries, so Σ yᵀx is two row additions
    // per mistaken example: its true class gains it, its predicted class loses it, each times λ/B.
    long[] targets = new long[m];
    long[] predicted = new long[m];
    float[] yCount = new float[classes];   // Σ y over the batch, for the bias
    for (int j = 0; j < m; j++) {
      targets[j] = truth[mistaken[j]];
      predicted[j] = predictions[mistaken[j]];
      yCount[(int) targets[j]]++;
      yCount[(int) predicted[j]]--;
    }
    if (rowBuffer.dim(0) < m) {
      rowBuffer = NDArray.zeros(Shape.of(batch, features), DType.FLOAT32);
    }
    NDArray rows = rowBuffer.slice(0, 0, m, 1).takeInPlace(examples.astype(DType.FLOAT32), NDArray.wrap(mistaken, m), 0);
    double step = learningRate / batch;
    weights.indexAddInPlace(0, NDArray.wrap(targets, m), rows, step);
    weights.indexAddInPlace(0, NDArray.wrap(predicted, m), rows, -step);
    // As the course's code: the mean of y over the whole batch, then times λ.
    bias.addInPlace(NDArray.wrap(yCount, classes).div(batch).mul(learningRate));
    return m;
  }

  /** Indices where the prediction differs from the label, checking each label is a class. */
  private int[] mistakes(long[] predictions, long[] labels) {
    int[] wrong = new int[labels.length];
    int count = 0;
    for (int k = 0; k < labels.length; k++) {
      checkLabel(labels[k], k);
      if (predictions[k] != labels[k]) {
        wrong[count++] = k;
      }
    }
    return Arrays.copyOf(wrong, count);
  }

  private void checkExamples(String op, NDArray examples) {
    if (examples.rank() != 2 || examples.dim(1) != features) {
      throw new IllegalArgumentException("MulticlassPerceptron." + op + ": expected examples [n, " + features + "], got "
          + examples.shape() + (examples.rank() > 2 ? "; flatten them first" : ""));
    }
  }

  private void checkLabels(String op, NDArray examples, NDArray labels) {
    checkExamples(op, examples);
    if (labels.rank() != 1 || labels.dim(0) != examples.dim(0) || !labels.dtype().isInteger()) {
      throw new IllegalArgumentException("MulticlassPerceptron." + op + ": expected " + examples.dim(0) + " integer labels ["
          + examples.dim(0) + "] for examples " + examples.shape() + ", got " + labels.shape() + " of " + labels.dtype());
    }
  }

  private void checkLabel(long label, int position) {
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException("MulticlassPerceptron: label " + label + " at position " + position
          + " is outside the classes [0, " + classes + ")");
    }
  }
}
