package dev.ruru.data.mnist;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxReader;
import dev.ruru.data.idx.IdxValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Some rows of an MNIST-format training set, read without the rest: what a Spark executor reads for its
 * shard. From plain IDX files only the rows' bytes are read (the reader seeks past the others); gzip files
 * are inflated up to the rows and no further. The labels, one byte per image, can be read whole, so that
 * every executor can make the same seeded validation split as the driver.
 *
 * <pre>{@code
 * MnistRows file = MnistRows.in(MnistVariant.FASHION_MNIST, Path.of("/data/fashion-mnist"));
 * ArrayDataset shard = file.rows(0, file.count() / 2, IdxValues.SCALED_TO_UNIT);   // the first half
 * }</pre>
 */
public final class MnistRows {
  private final MnistVariant variant;
  private final LabelledImages.Source images;
  private final LabelledImages.Source labels;

  private MnistRows(MnistVariant variant, LabelledImages.Source images, LabelledImages.Source labels) {
    this.variant = variant;
    this.images = images;
    this.labels = labels;
  }

  /** The training files of {@code variant} in {@code directory}, plain preferred over {@code .gz}. */
  public static MnistRows in(MnistVariant variant, Path directory) {
    return new MnistRows(variant, MnistLoader.file(directory, MnistFile.TRAIN_IMAGES), MnistLoader.file(directory, MnistFile.TRAIN_LABELS));
  }

  /** The training part of the Fashion-MNIST sample inside the jar (5,000 images). */
  public static MnistRows embeddedSample() {
    return new MnistRows(MnistVariant.FASHION_MNIST, EmbeddedSample.resource(MnistFile.TRAIN_IMAGES),
        EmbeddedSample.resource(MnistFile.TRAIN_LABELS));
  }

  /** The number of training examples, from the label file's header. */
  public int count() throws IOException {
    try (InputStream in = labels.open()) {
      return IdxReader.readHeader(in, labels.name()).dims()[0];
    }
  }

  /** Every label, int64 {@code [n]}: a byte per image, so reading them all costs 1/784 of the images. */
  public NDArray labels() throws IOException {
    try (InputStream in = labels.open()) {
      return IdxReader.read(in, labels.name(), IdxValues.AS_STORED).astype(DType.INT64);
    }
  }

  /** Examples {@code [from, to)}: images {@code [to - from, rows, columns]} and their labels, checked as a pair. */
  public ArrayDataset rows(int from, int to, IdxValues pixels) throws IOException {
    return LabelledImages.readRows(variant, images, labels, pixels, from, to);
  }

  /** Where the rows come from, for messages. */
  public String describe() {
    return images.name() + " and " + labels.name();
  }
}
