package dev.ruru.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.Preprocessing;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PerceptronBenchmarkTest {

  @Test
  void timesEachEpochOfW1sTrainingAndReportsTheTestAccuracyOfAFreshModel() {
    MnistData sample = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    PerceptronBenchmark.Result result = PerceptronBenchmark.run(sample, 2, 1, 0, new PrintStream(printed, true, StandardCharsets.UTF_8));

    // The same training by hand: batch 100, λ = 1, file order, from zero weights.
    NDArray images = Preprocessing.flatten(sample.train().features());
    NDArray testImages = Preprocessing.flatten(sample.test().features());
    MulticlassPerceptron byHand = new MulticlassPerceptron(784, 10);
    double[] expected = new double[2];
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int start = 0; start < images.dim(0); start += 100) {
        byHand.updateInPlace(images.slice(0, start, start + 100, 1), sample.train().labels().slice(0, start, start + 100, 1), 1.0);
      }
      expected[epoch] = byHand.accuracy(testImages, sample.test().labels());
    }
    assertArrayEquals(expected, result.testAccuracy());
    assertEquals(2, result.secondsPerEpoch().length);
    for (double seconds : result.secondsPerEpoch()) {
      assertTrue(seconds > 0 && seconds < 60, "seconds " + seconds);
    }
    String lines = printed.toString(StandardCharsets.UTF_8);
    assertTrue(lines.matches("# epoch 1: \\d+\\.\\d{3}s test_acc=0\\.\\d{4}\n# epoch 2: \\d+\\.\\d{3}s test_acc=0\\.\\d{4}\n"), lines);
  }

  @Test
  void medianIsTheMiddleEpochTimeOrTheMeanOfTheTwoMiddleOnes() {
    assertEquals(0.2, new PerceptronBenchmark.Result(new double[] {0.3, 0.1, 0.2}, new double[3]).medianSeconds());
    assertEquals(0.25, new PerceptronBenchmark.Result(new double[] {0.4, 0.1, 0.2, 0.3}, new double[4]).medianSeconds(), 1e-12);
  }
}
