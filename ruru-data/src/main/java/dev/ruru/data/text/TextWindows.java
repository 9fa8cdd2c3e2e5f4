package dev.ruru.data.text;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.Dataset;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Training windows of a token id sequence {@code ids} of length {@code n}: a window starting at {@code s}
 * has features {@code ids[s .. s+L)} and labels {@code ids[s+1 .. s+L]}, the next token at every position
 * (int64, {@code [L]} each, {@code [b, L]} in a batch), which is what a language model's cross-entropy
 * compares its {@code [b, L, V]} logits with.
 *
 * <p>As a {@link Dataset}, example {@code i} is the window starting at {@code i·L}: non-overlapping
 * windows that cover the text once, the last incomplete one dropped, so there are {@code (n - 1) / L} of
 * them and a {@link dev.ruru.data.DataLoader} can shuffle and batch them. {@link #randomBatch} instead
 * draws windows at uniformly random starts in {@code [0, n - L - 1]}, every start whose window fits, as
 * the W4 benchmark trains (W4's {@code torch.randint(0, n - L - 1)} excludes its upper bound, so it never
 * draws the very last start; that one window apart, the two agree).
 *
 * <pre>{@code
 * TextSplit split = TextWindows.split(ids, 0.1);               // the last 10 % for validation
 * TextWindows train = TextWindows.of(split.train(), 64);
 * Batch batch = train.randomBatch(32, rng);                    // features, labels [32, 64] int64
 * for (Batch b : DataLoader.of(train, 32).shuffled(seed).epoch(0)) { ... }
 * }</pre>
 */
public final class TextWindows implements Dataset {
  private final int[] ids;
  private final int windowLength;

  private TextWindows(int[] ids, int windowLength) {
    this.ids = ids;
    this.windowLength = windowLength;
  }

  /** Windows of {@code windowLength} tokens over {@code ids} (copied), which must hold at least {@code windowLength + 1}. */
  public static TextWindows of(int[] ids, int windowLength) {
    return of(ids, windowLength, "text");
  }

  /** As {@link #of(int[], int)}, naming the sequence {@code name} in messages ("validation text", ...). */
  public static TextWindows of(int[] ids, int windowLength, String name) {
    Objects.requireNonNull(ids, "ids");
    if (windowLength < 1) {
      throw new IllegalArgumentException("TextWindows: window length must be at least 1, got " + windowLength);
    }
    if (ids.length < (long) windowLength + 1) {
      throw new IllegalArgumentException("TextWindows: " + name + " has " + ids.length + " tokens but one training window needs "
          + windowLength + " + 1 = " + ((long) windowLength + 1) + " (the labels are the next tokens); use a shorter window or more text");
    }
    return new TextWindows(ids.clone(), windowLength);
  }

  /**
   * The head and tail of {@code ids}: the tail holds {@code round(n · validationFraction)} tokens, the head
   * the rest, so no window straddles the two.
   *
   * @param validationFraction in {@code [0, 1)}; 0 gives an empty validation part
   */
  public static TextSplit split(int[] ids, double validationFraction) {
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("TextWindows.split: validation fraction must be in [0, 1), got " + validationFraction);
    }
    int validation = (int) Math.round(ids.length * validationFraction);
    int train = ids.length - validation;
    if (train < 1) {
      throw new IllegalArgumentException("TextWindows.split: a validation fraction of " + validationFraction + " of " + ids.length
          + " tokens leaves no training tokens");
    }
    return new TextSplit(Arrays.copyOfRange(ids, 0, train), Arrays.copyOfRange(ids, train, ids.length));
  }

  /** Tokens per window, {@code L}. */
  public int windowLength() {
    return windowLength;
  }

  /** Length of the id sequence, {@code n}. */
  public int tokenCount() {
    return ids.length;
  }

  /** Number of non-overlapping windows: {@code (n - 1) / L}. */
  @Override
  public int size() {
    return (ids.length - 1) / windowLength;
  }

  /** The windows starting at {@code index · L} for each index, in that order: features and labels {@code [b, L]} int64. */
  @Override
  public Batch batch(int[] indices) {
    int[] starts = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= size()) {
        throw new IndexOutOfBoundsException("TextWindows.batch: index " + indices[i] + " at position " + i + " is outside [0, "
            + size() + ")");
      }
      starts[i] = indices[i] * windowLength;
    }
    return windowsAt(starts);
  }

  /**
   * {@code batchSize} windows at starts drawn independently and uniformly from {@code [0, n - L - 1]}
   * with {@code rng.nextInt(n - L)}, so the same generator state gives the same batch.
   */
  public Batch randomBatch(int batchSize, RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    if (batchSize < 1) {
      throw new IllegalArgumentException("TextWindows.randomBatch: batch size must be at least 1, got " + batchSize);
    }
    int[] starts = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      starts[i] = rng.nextInt(ids.length - windowLength);
    }
    return windowsAt(starts);
  }

  /** The windows at {@code starts} (each in {@code [0, n - L - 1]}): features and labels {@code [starts.length, L]}. */
  public Batch windowsAt(int[] starts) {
    long[] features = new long[Math.multiplyExact(starts.length, windowLength)];
    long[] labels = new long[features.length];
    for (int row = 0; row < starts.length; row++) {
      int start = starts[row];
      if (start < 0 || start > ids.length - windowLength - 1) {
        throw new IndexOutOfBoundsException("TextWindows: window start " + start + " at position " + row + " is outside [0, "
            + (ids.length - windowLength - 1) + "]");
      }
      for (int t = 0; t < windowLength; t++) {
        features[row * windowLength + t] = ids[start + t];
        labels[row * windowLength + t] = ids[start + t + 1];
      }
    }
    return new Batch(NDArray.wrap(features, starts.length, windowLength), NDArray.wrap(labels, starts.length, windowLength));
  }

  @Override
  public String toString() {
    return "TextWindows(" + ids.length + " tokens, windows of " + windowLength + ", " + size() + " non-overlapping)";
  }
}
