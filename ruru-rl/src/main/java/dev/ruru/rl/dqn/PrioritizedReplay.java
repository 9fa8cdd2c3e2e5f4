package dev.ruru.rl.dqn;

import dev.ruru.data.Batch;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Proportional prioritised experience replay (Schaul et al. 2016, "Prioritized experience replay"):
 * transition i is drawn with probability {@code P(i) = p_i^α / Σ_k p_k^α}, where its priority
 * {@code p_i = |δ_i| + ε} is its last TD error; a new transition gets the largest priority seen so far,
 * so it is replayed at least once. Drawing by priority biases the updates, which importance-sampling
 * weights {@code w_i = (N · P(i))^−β}, divided by the batch's largest, correct (fully when β = 1: the
 * agent anneals β from β₀ to 1 over the run). Sampling is stratified: the total mass is cut into
 * {@code count} equal segments and one transition drawn from each, as in the paper. The transitions
 * live in a {@link ReplayBuffer}; the priorities {@code p^α} in a {@link SumTree} beside it.
 */
public final class PrioritizedReplay {
  /** Added to |δ| so that no transition's probability becomes 0. */
  public static final double MIN_PRIORITY = 1e-6;

  private final ReplayBuffer buffer;
  private final SumTree priorities;
  private final double alpha;
  private double maxPriority = 1;

  /** What {@link #sample} drew: the batch (weights in its last feature column) and the slots, for {@link #update}. */
  public record Sample(Batch batch, int[] slots) {
    public Sample {
      slots = slots.clone();
    }

    @Override public int[] slots() { return slots.clone(); }
  }

  /** A prioritised buffer of {@code capacity} transitions of {@code width} numbers, with exponent {@code alpha} (0: uniform). */
  public PrioritizedReplay(int capacity, int width, double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("PrioritizedReplay: invalid alpha " + alpha + " (must be in [0, 1]; the paper uses 0.6)");
    }
    this.buffer = new ReplayBuffer(capacity, width);
    this.priorities = new SumTree(capacity);
    this.alpha = alpha;
  }

  public ReplayBuffer buffer() { return buffer; }
  public int size() { return buffer.size(); }

  /** The sampling probability of {@code slot}, {@code p^α / Σ p^α}. */
  public double probability(int slot) {
    return priorities.get(slot) / priorities.total();
  }

  /** Stores a transition (as {@link ReplayBuffer#add}) with the largest priority so far. */
  public void add(float[] observation, int action, double reward, float[] next, boolean isTerminal) {
    int slot = buffer.add(observation, action, reward, next, isTerminal);
    priorities.set(slot, Math.pow(maxPriority, alpha));
  }

  /** {@code count} transitions drawn by priority, with their importance weights for exponent {@code beta}. */
  public Sample sample(int count, double beta, RandomGenerator random) {
    if (buffer.size() == 0) {
      throw new IllegalStateException("PrioritizedReplay.sample: the buffer is empty");
    }
    double total = priorities.total();
    double segment = total / count;
    int[] slots = new int[count];
    float[] weights = new float[count];
    double largest = 0;
    double[] raw = new double[count];
    for (int j = 0; j < count; j++) {
      slots[j] = priorities.find(segment * (j + random.nextDouble()));
      raw[j] = Math.pow(buffer.size() * priorities.get(slots[j]) / total, -beta);
      largest = Math.max(largest, raw[j]);
    }
    for (int j = 0; j < count; j++) {
      weights[j] = (float) (raw[j] / largest);
    }
    return new Sample(buffer.batch(slots, weights), slots);
  }

  /** Sets the priorities of {@code slots} from their new TD errors {@code |δ|} (one per slot). */
  public void update(int[] slots, double[] tdErrors) {
    if (slots.length != tdErrors.length) {
      throw new IllegalArgumentException("PrioritizedReplay.update: " + slots.length + " slots but " + tdErrors.length + " TD errors");
    }
    for (int j = 0; j < slots.length; j++) {
      double priority = Math.abs(tdErrors[j]) + MIN_PRIORITY;
      maxPriority = Math.max(maxPriority, priority);
      priorities.set(slots[j], Math.pow(priority, alpha));
    }
  }

  /** The buffer's state and the priorities (as exact doubles) for a checkpoint. */
  public Map<String, String> saveState() {
    Map<String, String> state = new LinkedHashMap<>(buffer.saveState());
    ByteBuffer bytes = ByteBuffer.allocate((buffer.size() + 1) * Double.BYTES);
    bytes.putDouble(maxPriority);
    for (int slot = 0; slot < buffer.size(); slot++) {
      bytes.putDouble(priorities.get(slot));
    }
    state.put("replay.priorities", Base64.getEncoder().encodeToString(bytes.array()));
    return state;
  }

  /** Restores {@link #saveState()} into a buffer of the same capacity, width and α. */
  public void restoreState(Map<String, String> state) {
    String saved = state.get("replay.priorities");
    if (saved == null) {
      throw new IllegalArgumentException("PrioritizedReplay.restoreState: the checkpoint has no priorities; it was trained without --prioritized");
    }
    buffer.restoreState(state);
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(saved));
    if (bytes.remaining() != (buffer.size() + 1) * Double.BYTES) {
      throw new IllegalArgumentException("PrioritizedReplay.restoreState: expected " + (buffer.size() + 1) + " numbers, got "
          + bytes.remaining() / Double.BYTES);
    }
    maxPriority = bytes.getDouble();
    for (int slot = 0; slot < buffer.size(); slot++) {
      priorities.set(slot, bytes.getDouble());
    }
  }
}
