package dev.ruru.models.text;

import dev.ruru.data.Batch;
import dev.ruru.data.Dataset;
import dev.ruru.data.text.TextWindows;
import java.util.SplittableRandom;

/**
 * {@code count} training windows at random starts of a text, as a {@link Dataset}: example i is the
 * window at a start drawn from (seed, i) alone, so any order and any batching give the same windows
 * and a resumed run sees the ones it would have. This is how {@code --steps N} trains N batches of
 * random windows (the W4 benchmark's sampling) with the ordinary epoch loop: one epoch of N·B examples.
 */
public final class RandomWindows implements Dataset {
  private final TextWindows windows;
  private final int count;
  private final long seed;

  public RandomWindows(TextWindows windows, int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("RandomWindows: count must be >= 1, got " + count);
    }
    this.windows = windows;
    this.count = count;
    this.seed = seed;
  }

  /**
   * {@code steps} batches of {@code batchSize} random windows: {@code steps · batchSize} examples, refused
   * when they cannot be numbered by an {@code int} (a dataset's size), with room left for the loader's
   * rounding up to whole batches ({@code size + batchSize - 1}), rather than overflowing.
   */
  public static RandomWindows ofSteps(TextWindows windows, int steps, int batchSize, long seed) {
    long count = (long) steps * batchSize;
    long most = batchSize < 1 ? 0 : (long) Integer.MAX_VALUE - (batchSize - 1);
    if (steps < 1 || batchSize < 1 || count > most) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "Invalid --steps %d with --batch-size %d (%,d windows in all):"
          + " both must be >= 1, and --steps x --batch-size at most %,d (2^31 - 1 less a batch: a run numbers its windows with int"
          + " indices); use fewer --steps or a smaller --batch-size", steps, batchSize, count, most));
    }
    return new RandomWindows(windows, (int) count, seed);
  }

  @Override
  public int size() { return count; }

  @Override
  public Batch batch(int[] indices) {
    int[] starts = new int[indices.length];
    int bound = windows.tokenCount() - windows.windowLength();
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= count) {
        throw new IndexOutOfBoundsException("RandomWindows: index " + indices[i] + " outside [0, " + count + ")");
      }
      starts[i] = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + indices[i]).nextInt(bound);
    }
    return windows.windowsAt(starts);
  }
}
