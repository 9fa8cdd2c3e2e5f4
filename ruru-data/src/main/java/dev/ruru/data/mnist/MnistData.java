package dev.ruru.data.mnist;

import dev.ruru.data.ArrayDataset;
import java.util.Objects;

/**
 * A loaded MNIST-format dataset: the training and test sets (images {@code [n, 28, 28]}, labels
 * {@code [n]} int64 in 0..9) and where they came from, in words, for the user to see: a directory, a
 * download, or {@link EmbeddedSample#DESCRIPTION the embedded sample}.
 */
public record MnistData(MnistVariant variant, ArrayDataset train, ArrayDataset test, Origin origin, String source) {
  /** Where the data was found. */
  public enum Origin {
    /** Files already on disk. */
    DIRECTORY,
    /** Files downloaded (and verified) during this load. */
    DOWNLOAD,
    /** The small sample inside the jar: not the full dataset. */
    EMBEDDED_SAMPLE
  }

  public MnistData {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(source, "source");
  }

  /** Whether this is the embedded sample rather than the full dataset. */
  public boolean isEmbeddedSample() {
    return origin == Origin.EMBEDDED_SAMPLE;
  }
}
