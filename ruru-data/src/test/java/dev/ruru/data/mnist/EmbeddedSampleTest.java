package dev.ruru.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.idx.IdxValues;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The embedded sample against facts computed from Debian's Fashion-MNIST files with Python's gzip module
 * (see ruru-data/scripts/make_fashion_mnist_sample.py): class counts, first labels, pixel sums.
 */
class EmbeddedSampleTest {
  private static final MnistData SAMPLE = EmbeddedSample.fashionMnist(IdxValues.AS_STORED);

  static long[] classCounts(NDArray labels) {
    long[] counts = new long[10];
    for (long label : labels.toLongArray()) {
      counts[(int) label]++;
    }
    return counts;
  }

  @Test
  void sampleHasTheAnnouncedSizesAndShapes() {
    assertEquals(Shape.of(5000, 28, 28), SAMPLE.train().features().shape());
    assertEquals(Shape.of(1000, 28, 28), SAMPLE.test().features().shape());
    assertEquals(DType.INT64, SAMPLE.train().labels().dtype());
    assertEquals(MnistData.Origin.EMBEDDED_SAMPLE, SAMPLE.origin());
    assertTrue(SAMPLE.isEmbeddedSample());
    assertEquals("embedded sample: 5,000 training and 1,000 test images of Fashion-MNIST", SAMPLE.source());
  }

  @Test
  void labelsMatchTheOriginalFiles() {
    assertArrayEquals(new long[] {457, 556, 504, 501, 488, 493, 493, 512, 490, 506}, classCounts(SAMPLE.train().labels()));
    assertArrayEquals(new long[] {107, 105, 111, 93, 115, 87, 97, 95, 95, 95}, classCounts(SAMPLE.test().labels()));
    assertArrayEquals(new long[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(SAMPLE.train().labels().toLongArray(), 10));
    assertArrayEquals(new long[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(SAMPLE.test().labels().toLongArray(), 10));
  }

  @Test
  void pixelsMatchTheOriginalFiles() {
    NDArray first = SAMPLE.train().example(0).features();
    assertEquals(76247, first.sum().item());
    int[] row10 = first.slice(0, 10, 11, 1).reshape(28).toIntArray();
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 193, 228, 218, 213, 198, 180, 212, 210, 211, 213, 223, 220, 243,
        202, 0}, row10);
    assertEquals(72.96734285714285, SAMPLE.train().features().astype(DType.FLOAT64).mean().item(), 1e-9);
  }

  @Test
  void scaledPixelsAreInTheUnitInterval() {
    MnistData scaled = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    NDArray pixels = scaled.train().features();
    assertEquals(DType.FLOAT32, pixels.dtype());
    assertEquals(0.0, pixels.min().item());
    assertEquals(1.0, pixels.max().item());
    assertEquals(76247 / 255.0, scaled.train().example(0).features().astype(DType.FLOAT64).sum().item(), 1e-3);
  }

  @Test
  void licenceNoticeComesWithTheSample() {
    String licence = EmbeddedSample.licence();
    assertTrue(licence.contains("Copyright (c) 2017 Zalando SE"), licence);
    assertTrue(licence.contains("The MIT License (MIT)"), licence);
    assertTrue(licence.contains("Permission is hereby granted, free of charge"), licence);
  }
}
