package dev.ruru.data.mnist;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.DataFileException;
import dev.ruru.data.idx.IdxReader;
import dev.ruru.data.idx.IdxValues;
import java.io.IOException;
import java.io.InputStream;

/**
 * One split of an MNIST-format dataset read from its image file and its label file, checked as a pair:
 * images of rank 3 ({@code [n, rows, columns]}), labels of rank 1, the same {@code n}, every label a class.
 */
final class LabelledImages {
  /** A named input, a file or a resource, opened when read. */
  record Source(String name, Opener opener) {
    InputStream open() throws IOException {
      return opener.open();
    }
  }

  /** Opens an input stream. */
  interface Opener {
    InputStream open() throws IOException;
  }

  private LabelledImages() {}

  static ArrayDataset read(MnistVariant variant, Source images, Source labels, IdxValues pixels) throws IOException {
    NDArray pixelArray;
    try (InputStream in = images.open()) {
      pixelArray = IdxReader.read(in, images.name(), pixels);
    }
    NDArray labelArray;
    try (InputStream in = labels.open()) {
      labelArray = IdxReader.read(in, labels.name(), IdxValues.AS_STORED);
    }
    return checked(variant, images, labels, pixelArray, labelArray);
  }

  /** Examples {@code [from, to)} of the pair, reading only their records (see {@link IdxReader#readRows}). */
  static ArrayDataset readRows(MnistVariant variant, Source images, Source labels, IdxValues pixels, int from, int to) throws IOException {
    NDArray pixelArray;
    try (InputStream in = images.open()) {
      pixelArray = IdxReader.readRows(in, images.name(), pixels, from, to);
    }
    NDArray labelArray;
    try (InputStream in = labels.open()) {
      labelArray = IdxReader.readRows(in, labels.name(), IdxValues.AS_STORED, from, to);
    }
    return checked(variant, images, labels, pixelArray, labelArray);
  }

  private static ArrayDataset checked(MnistVariant variant, Source images, Source labels, NDArray pixelArray, NDArray labelArray) {
    if (pixelArray.rank() != 3) {
      throw new DataFileException(variant.id(), images.name(), "expected images [n, rows, columns], got shape " + pixelArray.shape());
    }
    if (labelArray.rank() != 1 || !labelArray.dtype().isInteger()) {
      throw new DataFileException(variant.id(), labels.name(), "expected integer labels [n], got shape " + labelArray.shape()
          + " of " + labelArray.dtype());
    }
    if (pixelArray.dim(0) != labelArray.dim(0)) {
      throw new DataFileException(variant.id(), images.name(), pixelArray.dim(0) + " images but " + labelArray.dim(0)
          + " labels in " + labels.name());
    }
    checkLabels(variant, labels.name(), labelArray.toIntArray());
    return new ArrayDataset(pixelArray, labelArray.astype(DType.INT64));
  }

  private static void checkLabels(MnistVariant variant, String source, int[] labels) {
    int classes = variant.classCount();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new DataFileException(variant.id(), source, "label " + labels[i] + " at index " + i + " is outside 0.." + (classes - 1));
      }
    }
  }
}
