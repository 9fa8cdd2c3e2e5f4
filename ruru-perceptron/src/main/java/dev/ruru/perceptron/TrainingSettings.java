package dev.ruru.perceptron;

/**
 * How {@link PerceptronTraining} trains a {@link MulticlassPerceptron}.
 *
 * @param epochs passes over the training set, at least 1
 * @param learningRate λ of the perceptron rule, a positive number
 * @param batchSize examples per batched update, at least 1
 * @param order whether each epoch visits the examples in a fresh seeded random order or in index order
 * @param seed the seed of the random orders (epoch e uses the permutation derived from (seed, e))
 */
public record TrainingSettings(int epochs, double learningRate, int batchSize, ExampleOrder order, long seed) {
  /** The order in which an epoch visits the training examples. */
  public enum ExampleOrder {
    /** A new random permutation every epoch, drawn from the seed and the epoch number. */
    SHUFFLED,
    /** The examples as stored, every epoch. */
    SEQUENTIAL
  }

  public TrainingSettings {
    if (epochs < 1) {
      throw new IllegalArgumentException("Invalid epochs: " + epochs + " (must be at least 1)");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("Invalid learning rate: " + learningRate + " (must be a positive number)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be at least 1)");
    }
    if (order == null) {
      throw new IllegalArgumentException("Invalid example order: null (SHUFFLED or SEQUENTIAL)");
    }
  }
}
