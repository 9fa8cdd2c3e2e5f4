package dev.ruru.rl.zero;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The most recent {@code capacity} self-play examples (the oldest go first when it is full): AlphaZero
 * trains on positions of recent games only, because older games were played by weaker networks.
 */
public final class PositionReplay {
  private final int capacity;
  private final List<Example> examples = new ArrayList<>();
  private int next;

  public PositionReplay(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("PositionReplay: invalid capacity " + capacity + " (must be >= 1)");
    }
    this.capacity = capacity;
  }

  /** Adds an example, replacing the oldest when full. */
  public void add(Example example) {
    if (examples.size() < capacity) {
      examples.add(example);
    } else {
      examples.set(next, example);
    }
    next = (next + 1) % capacity;
  }

  public int size() {
    return examples.size();
  }

  public Example get(int index) {
    return examples.get(index);
  }

  /** The examples at {@code indices} as a batch: features {@code [b, E]}, labels {@code [b, A + 1]} (policy, then result). */
  public Batch batch(int[] indices) {
    int encoding = examples.get(0).encoding().length;
    int actions = examples.get(0).policy().length;
    float[] features = new float[indices.length * encoding];
    float[] labels = new float[indices.length * (actions + 1)];
    for (int row = 0; row < indices.length; row++) {
      Example example = examples.get(indices[row]);
      System.arraycopy(example.encoding(), 0, features, row * encoding, encoding);
      System.arraycopy(example.policy(), 0, labels, row * (actions + 1), actions);
      labels[row * (actions + 1) + actions] = example.result();
    }
    return new Batch(NDArray.wrap(features, indices.length, encoding), NDArray.wrap(labels, indices.length, actions + 1));
  }

  /**
   * {@code batches} batches of {@code batchSize} examples drawn uniformly with replacement, as the batches
   * of an epoch for {@link dev.ruru.train.Trainer#fit}: epoch {@code e}'s draws are a function of
   * {@code seed}, {@code e} and the buffer's contents.
   */
  public BatchSource sampler(int batches, int batchSize, long seed) {
    if (examples.isEmpty() || batches < 1 || batchSize < 1) {
      throw new IllegalArgumentException("PositionReplay.sampler: need examples, batches >= 1 and batchSize >= 1; have " + examples.size()
          + " examples, " + batches + " batches of " + batchSize);
    }
    return new BatchSource() {
      @Override public int batchCount() { return batches; }
      @Override public long exampleCount() { return (long) batches * batchSize; }

      @Override
      public Iterable<Batch> epoch(int epoch) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + epoch);
        List<Batch> drawn = new ArrayList<>();
        for (int index = 0; index < batches; index++) {
          drawn.add(batch(rng.ints(batchSize, 0, examples.size()).toArray()));
        }
        return drawn;
      }
    };
  }
}
