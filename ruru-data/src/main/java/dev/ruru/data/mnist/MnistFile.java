package dev.ruru.data.mnist;

/** The four files of an MNIST-format dataset, by their standard names. */
public enum MnistFile {
  TRAIN_IMAGES("train-images-idx3-ubyte"),
  TRAIN_LABELS("train-labels-idx1-ubyte"),
  TEST_IMAGES("t10k-images-idx3-ubyte"),
  TEST_LABELS("t10k-labels-idx1-ubyte");

  private final String baseName;

  MnistFile(String baseName) {
    this.baseName = baseName;
  }

  /** The uncompressed file's name, such as {@code train-images-idx3-ubyte}. */
  public String baseName() {
    return baseName;
  }

  /** The compressed file's name, as the mirrors serve it: {@code train-images-idx3-ubyte.gz}. */
  public String gzipName() {
    return baseName + ".gz";
  }
}
