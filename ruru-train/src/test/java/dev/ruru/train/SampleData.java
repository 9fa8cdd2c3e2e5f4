package dev.ruru.train;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;

/** The embedded Fashion-MNIST sample, read once for all tests, and small slices of it for fast ones. */
final class SampleData {
  static final MnistData SAMPLE = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);

  private SampleData() {}

  /** The first {@code n} training images. */
  static ArrayDataset train(int n) {
    return SAMPLE.train().subset(range(0, n));
  }

  /** {@code n} training images after the first {@code skip}, as a validation set disjoint from {@link #train(int)}. */
  static ArrayDataset validation(int skip, int n) {
    return SAMPLE.train().subset(range(skip, skip + n));
  }

  static int[] range(int from, int to) {
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return indices;
  }
}
