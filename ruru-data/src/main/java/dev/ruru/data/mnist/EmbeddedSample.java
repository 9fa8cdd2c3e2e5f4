package dev.ruru.data.mnist;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A small real sample of Fashion-MNIST inside the jar: the first 5,000 training images and labels and the
 * first 1,000 test images and labels, in the dataset's own gzip IDX files (about 2.6 MB), with the
 * dataset's MIT licence notice ({@link #licence()}). It lets the first training run work on a machine with
 * no dataset and no network; accuracy on it is a demonstration, not a benchmark. Made by
 * {@code ruru-data/scripts/make_fashion_mnist_sample.py} from Debian's {@code dataset-fashion-mnist}.
 */
public final class EmbeddedSample {
  /** What {@link MnistData#source()} says when the sample is used. */
  public static final String DESCRIPTION = "embedded sample: 5,000 training and 1,000 test images of Fashion-MNIST";

  /** Where the files live, relative to this class's package. */
  private static final String FOLDER = "fashion-mnist-sample/";

  private EmbeddedSample() {}

  /** The sample: train {@code [5000, 28, 28]}, test {@code [1000, 28, 28]}, pixels converted as {@code pixels} says. */
  public static MnistData fashionMnist(IdxValues pixels) {
    try {
      ArrayDataset train = LabelledImages.read(MnistVariant.FASHION_MNIST, resource(MnistFile.TRAIN_IMAGES),
          resource(MnistFile.TRAIN_LABELS), pixels);
      ArrayDataset test = LabelledImages.read(MnistVariant.FASHION_MNIST, resource(MnistFile.TEST_IMAGES),
          resource(MnistFile.TEST_LABELS), pixels);
      return new MnistData(MnistVariant.FASHION_MNIST, train, test, MnistData.Origin.EMBEDDED_SAMPLE, DESCRIPTION);
    } catch (IOException e) {
      // The resources are part of this jar: failing to read them means the jar itself is damaged.
      throw new UncheckedIOException("fashion-mnist: cannot read the embedded sample from the jar: " + e.getMessage(), e);
    }
  }

  /** The licence notice that comes with the sample (MIT, Zalando SE). */
  public static String licence() {
    try (InputStream in = open(FOLDER + "LICENSE.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("fashion-mnist: cannot read the embedded sample's licence: " + e.getMessage(), e);
    }
  }

  static LabelledImages.Source resource(MnistFile file) {
    String name = FOLDER + file.gzipName();
    return new LabelledImages.Source("jar:" + name, () -> open(name));
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = EmbeddedSample.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " is missing from the jar");
    }
    return in;
  }
}
