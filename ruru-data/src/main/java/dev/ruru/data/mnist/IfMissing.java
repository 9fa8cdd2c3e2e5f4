package dev.ruru.data.mnist;

/** What {@link MnistLoader#load()} does when no directory on its search path holds the dataset. */
public enum IfMissing {
  /** Fail with a {@link DatasetNotFoundException} listing every place searched. */
  FAIL,
  /** Download the four files from the mirror, verify their SHA-256, and load them. */
  DOWNLOAD,
  /** Use the {@link EmbeddedSample} (Fashion-MNIST only), and say so in {@link MnistData#source()}. */
  EMBEDDED_SAMPLE
}
