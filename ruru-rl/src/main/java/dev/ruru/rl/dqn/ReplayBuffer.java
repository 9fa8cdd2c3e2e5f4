package dev.ruru.rl.dqn;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The last {@code capacity} transitions (s, a, r, s', terminated), in a ring: a new one overwrites the
 * oldest. Minibatches are drawn uniformly with replacement ({@link PrioritizedReplay} draws them by
 * priority instead). {@code terminated} is the task's end only; a time limit's truncation keeps
 * bootstrapping from s' (the last observation of the episode).
 */
public final class ReplayBuffer {
  private final int capacity;
  private final int width;
  private final float[] observations;
  private final float[] nextObservations;
  private final float[] actions;
  private final float[] rewards;
  private final float[] terminated;
  private int position;
  private int size;

  /** A buffer for {@code capacity} transitions of observations of {@code width} numbers (encoded). */
  public ReplayBuffer(int capacity, int width) {
    this.capacity = capacity;
    this.width = width;
    this.observations = new float[capacity * width];
    this.nextObservations = new float[capacity * width];
    this.actions = new float[capacity];
    this.rewards = new float[capacity];
    this.terminated = new float[capacity];
  }

  public int size() { return size; }
  public int capacity() { return capacity; }

  /**
   * Stores one transition; {@code observation} and {@code next} are encoded rows of {@code width} numbers.
   * Returns the slot it went into.
   */
  public int add(float[] observation, int action, double reward, float[] next, boolean isTerminal) {
    int slot = position;
    System.arraycopy(observation, 0, observations, position * width, width);
    System.arraycopy(next, 0, nextObservations, position * width, width);
    actions[position] = action;
    rewards[position] = (float) reward;
    terminated[position] = isTerminal ? 1 : 0;
    position = (position + 1) % capacity;
    size = Math.min(size + 1, capacity);
    return slot;
  }

  /**
   * {@code count} transitions drawn uniformly: features [count, 2·width + 3] (s, s', r, terminated, and
   * the importance weight 1), labels the actions (int64).
   */
  public Batch sample(int count, RandomGenerator random) {
    if (size == 0) {
      throw new IllegalStateException("ReplayBuffer.sample: the buffer is empty");
    }
    int[] slots = new int[count];
    for (int j = 0; j < count; j++) {
      slots[j] = random.nextInt(size);
    }
    float[] weights = new float[count];
    Arrays.fill(weights, 1);
    return batch(slots, weights);
  }

  /**
   * The transitions in {@code slots} as a batch: features [n, 2·width + 3] (s, s', r, terminated, weight),
   * labels the actions (int64); {@code weights} scale each transition's loss.
   */
  public Batch batch(int[] slots, float[] weights) {
    int columns = 2 * width + 3;
    int count = slots.length;
    float[] data = new float[count * columns];
    long[] labels = new long[count];
    for (int j = 0; j < count; j++) {
      int r = slots[j];
      if (r < 0 || r >= size) {
        throw new IndexOutOfBoundsException("ReplayBuffer.batch: slot " + r + " is outside the " + size + " stored transitions");
      }
      System.arraycopy(observations, r * width, data, j * columns, width);
      System.arraycopy(nextObservations, r * width, data, j * columns + width, width);
      data[j * columns + 2 * width] = rewards[r];
      data[j * columns + 2 * width + 1] = terminated[r];
      data[j * columns + 2 * width + 2] = weights[j];
      labels[j] = (long) actions[r];
    }
    return new Batch(NDArray.wrap(data, count, columns), NDArray.wrap(labels, count));
  }

  /** The contents as strings for a checkpoint (each array's float bytes in Base64). */
  public Map<String, String> saveState() {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("replay.position", Integer.toString(position));
    state.put("replay.size", Integer.toString(size));
    state.put("replay.observations", encode(observations, size * width));
    state.put("replay.next_observations", encode(nextObservations, size * width));
    state.put("replay.actions", encode(actions, size));
    state.put("replay.rewards", encode(rewards, size));
    state.put("replay.terminated", encode(terminated, size));
    return state;
  }

  /** Restores {@link #saveState()} into a buffer of the same capacity and width. */
  public void restoreState(Map<String, String> state) {
    int savedSize = Integer.parseInt(state.get("replay.size"));
    if (savedSize > capacity) {
      throw new IllegalArgumentException("ReplayBuffer.restoreState: the checkpoint holds " + savedSize + " transitions, more than the capacity " + capacity);
    }
    decode(state.get("replay.observations"), observations, savedSize * width);
    decode(state.get("replay.next_observations"), nextObservations, savedSize * width);
    decode(state.get("replay.actions"), actions, savedSize);
    decode(state.get("replay.rewards"), rewards, savedSize);
    decode(state.get("replay.terminated"), terminated, savedSize);
    size = savedSize;
    position = Integer.parseInt(state.get("replay.position"));
  }

  private static String encode(float[] values, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(count * Float.BYTES);
    bytes.asFloatBuffer().put(values, 0, count);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  private static void decode(String text, float[] into, int count) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text));
    if (bytes.remaining() != count * Float.BYTES) {
      throw new IllegalArgumentException("ReplayBuffer.restoreState: expected " + count + " numbers, got " + bytes.remaining() / Float.BYTES);
    }
    bytes.asFloatBuffer().get(into, 0, count);
  }
}
