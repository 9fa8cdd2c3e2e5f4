package dev.ruru.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryPerceptronTest {

  @Test
  void ruleAddsTheExampleAfterAMissedOneAndSubtractsItAfterAFalseOne() {
    BinaryPerceptron p = new BinaryPerceptron(2);
    // All weights 0: b + w·x = 0 is not > 0, so f = 0; target 1 gives w += 0.5·[1, 2] and b += 0.5·1.
    assertTrue(p.updateInPlace(NDArray.of(new float[] {1, 2}, 2), 1, 0.5));
    assertArrayEquals(new float[] {0.5f, 1f}, p.weights().toFloatArray());
    assertEquals(0.5, p.bias());
    // 0.5 + 0.5·3 − 1·1 = 1 > 0, so f = 1; target 0 gives w −= 0.5·[3, −1] and b −= 0.5.
    assertTrue(p.updateInPlace(NDArray.of(new float[] {3, -1}, 2), 0, 0.5));
    assertArrayEquals(new float[] {-1f, 1.5f}, p.weights().toFloatArray());
    assertEquals(0.0, p.bias());
    // −1·(−2) + 1.5·1 = 3.5 > 0 and the target is 1: right, so nothing moves.
    assertFalse(p.updateInPlace(NDArray.of(new float[] {-2, 1}, 2), 1, 0.5));
    assertArrayEquals(new float[] {-1f, 1.5f}, p.weights().toFloatArray());
  }

  @Test
  void separatesLinearlySeparableDataPerfectlyAndStopsEarly() {
    // Points on either side of the line 2x − y + 0.3 = 0, none closer to it than a margin.
    SplittableRandom random = new SplittableRandom(7);
    int n = 200;
    float[] points = new float[2 * n];
    long[] labels = new long[n];
    for (int i = 0; i < n; ) {
      double x = random.nextDouble(-1, 1);
      double y = random.nextDouble(-1, 1);
      double side = 2 * x - y + 0.3;
      if (Math.abs(side) < 0.1) {
        continue;
      }
      points[2 * i] = (float) x;
      points[2 * i + 1] = (float) y;
      labels[i] = side > 0 ? 1 : 0;
      i++;
    }
    NDArray examples = NDArray.of(points, n, 2);
    NDArray targets = NDArray.of(labels, n);
    BinaryPerceptron p = new BinaryPerceptron(2);

    BinaryTrainingResult result = p.trainInPlace(examples, targets, 1000, 1.0);

    assertEquals(StopReason.CONVERGED, result.stopReason());
    assertEquals(0, result.lastEpochMistakes());
    assertTrue(result.epochs() < 1000, "epochs " + result.epochs());
    assertArrayEquals(labels, p.predict(examples).toLongArray(), "training errors after convergence");
  }

  @Test
  void stopsAtTheEpochLimitWhenTheDataCannotBeSeparated() {
    // XOR: no line separates it, so every epoch makes a mistake.
    NDArray examples = NDArray.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    NDArray labels = NDArray.of(new long[] {0, 1, 1, 0}, 4);

    BinaryTrainingResult result = new BinaryPerceptron(2).trainInPlace(examples, labels, 25, 1.0);

    assertEquals(StopReason.EPOCH_LIMIT, result.stopReason());
    assertEquals(25, result.epochs());
    assertTrue(result.lastEpochMistakes() > 0);
  }

  @Test
  void biasIsTheWeightOfAConstantOneInput() {
    NDArray withOne = BinaryPerceptron.withBiasInput(NDArray.of(new float[] {1, 2, 3, 4}, 2, 2));
    assertArrayEquals(new float[] {1, 2, 1, 3, 4, 1}, withOne.toFloatArray());
  }

  @Test
  void rejectsLabelsOtherThanZeroAndOne() {
    BinaryPerceptron p = new BinaryPerceptron(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.trainInPlace(NDArray.of(new float[] {1, 2}, 2, 1), NDArray.of(new long[] {0, 2}, 2), 5, 1.0));
    assertEquals("BinaryPerceptron: label 2 at position 1 is not 0 or 1", e.getMessage());
  }

  @Test
  void rejectsExamplesOfTheWrongWidthAndBadLearningRates() {
    BinaryPerceptron p = new BinaryPerceptron(3);
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> p.predict(NDArray.of(new float[] {1, 2}, 1, 2)));
    assertEquals("BinaryPerceptron.predict: expected examples [n, 3], got [1, 2]", shape.getMessage());
    IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
        () -> p.updateInPlace(NDArray.of(new float[] {1, 2, 3}, 3), 1, 0));
    assertEquals("perceptron: learning rate must be a positive number, got 0.0", rate.getMessage());
  }
}
