package dev.ruru.rl.zero;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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
   * The examples, in their slots, and the slot the next one goes to, as arrays for a checkpoint:
   * {@code encodings [n, E]}, {@code policies [n, A]}, {@code results [n]}, {@code next [1]}.
   */
  public Map<String, NDArray> saveState() {
    if (examples.isEmpty()) {
      return Map.of("next", NDArray.wrap(new long[] {next}, 1));
    }
    Batch all = batch(IntStream.range(0, examples.size()).toArray());
    int actions = examples.get(0).policy().length;
    Map<String, NDArray> state = new LinkedHashMap<>();
    state.put("encodings", all.features());
    state.put("policies", all.labels().slice(1, 0, actions, 1).contiguous());
    state.put("results", all.labels().slice(1, actions, actions + 1, 1).reshape(examples.size()).contiguous());
    state.put("next", NDArray.wrap(new long[] {next}, 1));
    return state;
  }

  /** Replaces the contents with {@link #saveState()}'s, into a replay of at least that many slots. */
  public void restoreState(Map<String, NDArray> state) {
    NDArray nextSlot = state.get("next");
    NDArray encodings = state.get("encodings");
    int count = encodings == null ? 0 : encodings.dim(0);
    if (nextSlot == null || count > capacity || (count > 0 && (state.get("policies") == null || state.get("results") == null))) {
      throw new IllegalArgumentException("PositionReplay.restoreState: the checkpoint's replay is incomplete or holds " + count
          + " examples for a capacity of " + capacity + "; resume with the settings it was trained with");
    }
    examples.clear();
    float[] features = count == 0 ? new float[0] : encodings.toFloatArray();
    float[] policies = count == 0 ? new float[0] : state.get("policies").toFloatArray();
    float[] results = count == 0 ? new float[0] : state.get("results").toFloatArray();
    int width = count == 0 ? 0 : features.length / count;
    int actions = count == 0 ? 0 : policies.length / count;
    for (int row = 0; row < count; row++) {
      examples.add(new Example(Arrays.copyOfRange(features, row * width, (row + 1) * width), Arrays.copyOfRange(policies, row * actions,
          (row + 1) * actions), results[row]));
    }
    next = (int) nextSlot.getLong(0);
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
