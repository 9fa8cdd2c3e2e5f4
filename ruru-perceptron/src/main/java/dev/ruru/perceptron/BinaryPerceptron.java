package dev.ruru.perceptron;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.List;

/**
 * The course's binary perceptron:
 * <pre>
 *   f(x) = 1  if b + w·x &gt; 0,   else 0
 * </pre>
 * with the bias written as the weight of a constant input 1, so the model is one vector
 * {@code [w_0, ..., w_{n-1}, b]} applied to {@code [x_0, ..., x_{n-1}, 1]}. Weights start at 0. After
 * each example {@code (x, a)} it applies the learning rule
 * <pre>
 *   w_i ← w_i + λ·(a − f(x))·x_i          (λ: the learning rate)
 * </pre>
 * which changes nothing when the prediction is right, adds {@code λx} after a missed 1 and subtracts
 * it after a false 1. Training repeats over the examples for at most N epochs, or until an epoch
 * changes nothing ({@link #trainInPlace}).
 *
 * <pre>{@code
 * BinaryPerceptron p = new BinaryPerceptron(2);
 * BinaryTrainingResult r = p.trainInPlace(points, labels, 100, 1.0);   // points [n, 2], labels [n] of 0/1
 * NDArray predicted = p.predict(points);                                // [n] int64 of 0/1
 * }</pre>
 *
 * <p>The weights are float32 and are the only mutable state; the methods that change them end in
 * {@code InPlace}. Inputs are not modified.
 */
public final class BinaryPerceptron {
  private final int features;
  /** {@code [features + 1]}: the input weights, then the bias (the weight of the constant 1). */
  private final NDArray weights;

  /** A perceptron over {@code features} inputs, all weights and the bias 0. */
  public BinaryPerceptron(int features) {
    if (features < 1) {
      throw new IllegalArgumentException("BinaryPerceptron: features must be at least 1, got " + features);
    }
    this.features = features;
    this.weights = NDArray.zeros(Shape.of(features + 1), DType.FLOAT32);
  }

  public int features() {
    return features;
  }

  /** A copy of the input weights {@code w}, {@code [features]}. */
  public NDArray weights() {
    return weights.slice(0, 0, features, 1).copy();
  }

  /** The bias {@code b}. */
  public double bias() {
    return weights.getDouble(features);
  }

  /** {@code [n, features]} to {@code [n, features + 1]}: each example followed by the constant input 1. */
  public static NDArray withBiasInput(NDArray examples) {
    NDArray ones = NDArray.ones(Shape.of(examples.dim(0), 1), examples.dtype().isFloating() ? examples.dtype() : DType.FLOAT32);
    return NDArray.concatenate(List.of(examples.astype(ones.dtype()), ones), 1);
  }

  /** {@code f(x)} for each row of {@code examples} {@code [n, features]}: {@code [n]} int64 of 0 and 1. */
  public NDArray predict(NDArray examples) {
    checkExamples("predict", examples);
    return withBiasInput(examples).matmul(weights).gt(0).astype(DType.INT64);
  }

  /**
   * The learning rule for one example {@code [features]} with target {@code label} (0 or 1).
   *
   * @return whether the weights changed, that is, whether the prediction was wrong
   */
  public boolean updateInPlace(NDArray example, long label, double learningRate) {
    checkLearningRate(learningRate);
    if (example.rank() != 1 || example.dim(0) != features) {
      throw new IllegalArgumentException("BinaryPerceptron.updateInPlace: expected one example of shape [" + features
          + "], got " + example.shape());
    }
    checkLabel(label, 0);
    return learn(withBiasInput(example.reshape(1, features)).squeeze(0), label, learningRate);
  }

  /**
   * Applies the learning rule to each example in order, epoch after epoch, until an epoch makes no
   * mistake (it changed nothing, so the examples are separated: {@link StopReason#CONVERGED}) or
   * {@code maxEpochs} epochs have run ({@link StopReason#EPOCH_LIMIT}).
   *
   * @param examples {@code [n, features]}
   * @param labels {@code [n]} integers, each 0 or 1
   */
  public BinaryTrainingResult trainInPlace(NDArray examples, NDArray labels, int maxEpochs, double learningRate) {
    checkExamples("trainInPlace", examples);
    checkLearningRate(learningRate);
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("BinaryPerceptron.trainInPlace: maxEpochs must be at least 1, got " + maxEpochs);
    }
    if (labels.rank() != 1 || labels.dim(0) != examples.dim(0) || !labels.dtype().isInteger()) {
      throw new IllegalArgumentException("BinaryPerceptron.trainInPlace: expected " + examples.dim(0)
          + " integer labels [" + examples.dim(0) + "], got " + labels.shape() + " of " + labels.dtype());
    }
    long[] targets = labels.toLongArray();
    for (int k = 0; k < targets.length; k++) {
      checkLabel(targets[k], k);
    }
    // The constant input is appended once, and each example is then a row view of it.
    NDArray inputs = withBiasInput(examples);
    int mistakes = 0;
    for (int epoch = 1; epoch <= maxEpochs; epoch++) {
      mistakes = 0;
      for (int k = 0; k < targets.length; k++) {
        if (learn(inputs.slice(0, k, k + 1, 1).squeeze(0), targets[k], learningRate)) {
          mistakes++;
        }
      }
      if (mistakes == 0) {
        return new BinaryTrainingResult(epoch, StopReason.CONVERGED, 0);
      }
    }
    return new BinaryTrainingResult(maxEpochs, StopReason.EPOCH_LIMIT, mistakes);
  }

  /** One step of the rule on an input that already ends with the constant 1. */
  private boolean learn(NDArray input, long label, double learningRate) {
    long prediction = weights.dot(input).item() > 0 ? 1 : 0;
    long error = label - prediction;
    if (error == 0) {
      return false;
    }
    weights.addInPlace(input.mul(learningRate * error));
    return true;
  }

  private void checkExamples(String op, NDArray examples) {
    if (examples.rank() != 2 || examples.dim(1) != features) {
      throw new IllegalArgumentException("BinaryPerceptron." + op + ": expected examples [n, " + features + "], got "
          + examples.shape() + (examples.rank() > 2 ? "; flatten them first" : ""));
    }
  }

  private static void checkLabel(long label, int position) {
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("BinaryPerceptron: label " + label + " at position " + position + " is not 0 or 1");
    }
  }

  static void checkLearningRate(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("perceptron: learning rate must be a positive number, got " + learningRate);
    }
  }
}
