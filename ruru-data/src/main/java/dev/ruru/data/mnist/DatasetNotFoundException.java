package dev.ruru.data.mnist;

import java.util.List;

/**
 * No directory on the search path holds the dataset's four files. The message lists every place searched
 * and what was missing there, and how to get the data.
 */
public final class DatasetNotFoundException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> searched;

  DatasetNotFoundException(MnistVariant variant, List<String> searched) {
    super(variant.id() + ": no dataset found; looked in:\n  " + String.join("\n  ", searched)
        + "\nput the four files (" + MnistFile.TRAIN_IMAGES.baseName() + "[.gz], ...) in one of these directories, or download"
        + " them from " + variant.defaultMirror() + " with: ruru data download " + variant.id());
    this.searched = List.copyOf(searched);
  }

  /** Each place searched, with what was missing there. */
  public List<String> searched() {
    return searched;
  }
}
