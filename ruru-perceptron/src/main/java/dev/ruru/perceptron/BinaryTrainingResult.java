package dev.ruru.perceptron;

/**
 * How a {@link BinaryPerceptron} run ended.
 *
 * @param epochs epochs run, the last one included (at least 1)
 * @param stopReason {@link StopReason#CONVERGED} when the last epoch changed nothing, else
 *     {@link StopReason#EPOCH_LIMIT}
 * @param lastEpochMistakes examples the last epoch got wrong, each of which moved the weights
 */
public record BinaryTrainingResult(int epochs, StopReason stopReason, int lastEpochMistakes) {
  public BinaryTrainingResult {
    if (epochs < 1 || lastEpochMistakes < 0 || stopReason == null
        || (stopReason == StopReason.CONVERGED) != (lastEpochMistakes == 0)) {
      throw new IllegalArgumentException("BinaryTrainingResult: inconsistent result; epochs " + epochs + ", stop "
          + stopReason + ", mistakes in the last epoch " + lastEpochMistakes);
    }
  }
}
