package dev.ruru.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.perceptron.TrainingSettings.ExampleOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerceptronTrainingTest {
  /** Three well separated clusters in 4-d, labelled by cluster. */
  private static ArrayDataset clusters(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] points = new float[n * 4];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      int cluster = random.nextInt(3);
      labels[i] = cluster;
      for (int d = 0; d < 4; d++) {
        points[i * 4 + d] = (float) ((d == cluster ? 3 : 0) + random.nextGaussian() * 0.3);
      }
    }
    return new ArrayDataset(NDArray.of(points, n, 4), NDArray.of(labels, n));
  }

  @Test
  void reportsEveryEpochAndLearnsSeparableClusters() {
    ArrayDataset train = clusters(300, 1);
    ArrayDataset validation = clusters(60, 2);
    List<EpochResult> reported = new ArrayList<>();

    List<EpochResult> history = PerceptronTraining.train(new MulticlassPerceptron(4, 3), train, validation,
        new TrainingSettings(3, 1.0, 16, ExampleOrder.SHUFFLED, 5), reported::add);

    assertEquals(reported, history);
    assertEquals(3, history.size());
    for (int i = 0; i < 3; i++) {
      EpochResult epoch = history.get(i);
      assertEquals(i + 1, epoch.epoch());
      assertTrue(epoch.seconds() > 0 && epoch.seconds() < 60, "seconds " + epoch.seconds());
      assertTrue(epoch.mistakes() >= 0 && epoch.mistakes() <= 300, "mistakes " + epoch.mistakes());
    }
    assertEquals(1.0, history.get(2).trainAccuracy(), 0.02);
    assertEquals(1.0, history.get(2).validationAccuracy(), 0.04);
  }

  @Test
  void theSameSeedGivesTheSameModelAndAnotherSeedAnotherOrder() {
    ArrayDataset train = clusters(200, 3);
    ArrayDataset none = new ArrayDataset(NDArray.zeros(Shape.of(0, 4)), NDArray.of(new long[0], 0));
    MulticlassPerceptron first = new MulticlassPerceptron(4, 3);
    MulticlassPerceptron second = new MulticlassPerceptron(4, 3);
    MulticlassPerceptron other = new MulticlassPerceptron(4, 3);

    List<EpochResult> history = PerceptronTraining.train(first, train, none, new TrainingSettings(2, 0.5, 8, ExampleOrder.SHUFFLED, 11), r -> {});
    PerceptronTraining.train(second, train, none, new TrainingSettings(2, 0.5, 8, ExampleOrder.SHUFFLED, 11), r -> {});
    PerceptronTraining.train(other, train, none, new TrainingSettings(2, 0.5, 8, ExampleOrder.SHUFFLED, 12), r -> {});

    assertEquals(first.weights(), second.weights());
    assertEquals(first.bias(), second.bias());
    assertNotEquals(first.weights(), other.weights());
    assertTrue(Double.isNaN(history.get(0).validationAccuracy()), "no validation set: NaN");
  }

  @Test
  void sequentialOrderIsTheBatchedRuleOverConsecutiveSlices() {
    ArrayDataset train = clusters(100, 4);
    MulticlassPerceptron trained = new MulticlassPerceptron(4, 3);
    PerceptronTraining.train(trained, train, train, new TrainingSettings(2, 1.0, 30, ExampleOrder.SEQUENTIAL, 0), r -> {});

    MulticlassPerceptron byHand = new MulticlassPerceptron(4, 3);
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int start = 0; start < 100; start += 30) {
        int end = Math.min(100, start + 30);
        byHand.updateInPlace(train.features().slice(0, start, end, 1), train.labels().slice(0, start, end, 1), 1.0);
      }
    }
    assertEquals(byHand.weights(), trained.weights());
    assertEquals(byHand.bias(), trained.bias());
  }

  @Test
  void invalidSettingsAreRefusedWithTheirValue() {
    IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
        () -> new TrainingSettings(1, -0.1, 10, ExampleOrder.SHUFFLED, 0));
    assertEquals("Invalid learning rate: -0.1 (must be a positive number)", rate.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
        () -> new TrainingSettings(1, 1, 0, ExampleOrder.SHUFFLED, 0));
    assertEquals("Invalid batch size: 0 (must be at least 1)", batch.getMessage());
    IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class,
        () -> new TrainingSettings(0, 1, 10, ExampleOrder.SHUFFLED, 0));
    assertEquals("Invalid epochs: 0 (must be at least 1)", epochs.getMessage());
  }
}
