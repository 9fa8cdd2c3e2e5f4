package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.Compression;
import dev.ruru.data.idx.IdxType;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.idx.IdxWriter;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Fashion-MNIST directory for {@code --data-dir}, the four IDX files cut from the embedded sample: the
 * training images from {@code first} on, and the first test images, reshaped when a test asks for images
 * of another shape than the training ones.
 */
final class SampleDataDirectory {
  private static final MnistData SAMPLE = EmbeddedSample.fashionMnist(IdxValues.AS_STORED);

  private SampleDataDirectory() {}

  /**
   * Writes {@code trainImages} training images from the {@code first}, and {@code testImages} test images
   * (of {@code testImageShape} when given), into {@code directory} (created); returns it.
   */
  static Path write(Path directory, int first, int trainImages, int testImages, int... testImageShape) throws IOException {
    Files.createDirectories(directory);
    write(directory, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS, SAMPLE.train(), first, trainImages, new int[0]);
    write(directory, MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS, SAMPLE.test(), 0, testImages, testImageShape);
    return directory;
  }

  private static void write(Path directory, MnistFile imageFile, MnistFile labelFile, ArrayDataset set, int first, int count, int[] shape)
      throws IOException {
    NDArray images = set.features().slice(0, first, first + count, 1);
    if (shape.length > 0) {
      images = images.contiguous().reshape(count, shape[0], shape[1]);
    }
    IdxWriter.write(directory.resolve(imageFile.baseName()), images, IdxType.UBYTE, Compression.NONE);
    IdxWriter.write(directory.resolve(labelFile.baseName()), set.labels().slice(0, first, first + count, 1), IdxType.UBYTE, Compression.NONE);
  }
}
