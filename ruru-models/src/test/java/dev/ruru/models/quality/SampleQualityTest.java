package dev.ruru.models.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The classifier-Fréchet distance and score on the embedded Fashion-MNIST sample, with a CNN trained for
 * one epoch on its 5,000 training images: real training images against real test images (the floor) are
 * near zero next to uniform noise against the same test images.
 */
class SampleQualityTest {
  @Test
  void realAgainstRealIsNearZeroAndNoiseAgainstRealIsLarge() {
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    FeatureClassifier classifier = FeatureClassifier.train(data.train(), 1, 3);
    NDArray test = data.test().features();
    SampleQuality floor = SampleQuality.floor(classifier, data.train().features(), test, 1000);
    FeatureStatistics real = FeatureStatistics.of(classifier.outputs(test).features());
    NDArray noise = NDArray.rand(test.shape(), new Random(4)).astype(DType.FLOAT32);
    SampleQuality noisy = SampleQuality.of(classifier, noise, real);
    System.out.println("floor: " + floor.describe() + "; noise: " + noisy.describe());
    assertEquals(1000, floor.samples());
    assertTrue(floor.frechetDistance() < 0.05 * noisy.frechetDistance(), floor.describe() + " vs noise " + noisy.describe());
    assertTrue(floor.classifierScore() > 2 * noisy.classifierScore(), floor.describe() + " vs noise " + noisy.describe());
    assertEquals(0, SampleQuality.of(classifier, test, real).frechetDistance(), 1e-4, "the test images against themselves (rounding of the square root of tiny eigenvalues)");
  }
}
