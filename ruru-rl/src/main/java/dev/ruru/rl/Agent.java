package dev.ruru.rl;

import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.Collector;
import dev.ruru.train.Checkpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An agent that learns by interacting: each {@link #iterate()} collects experience with its
 * {@link Collector} and takes its optimisation steps through the training loop. What {@code ruru rl train}
 * drives, whatever the algorithm (PPO, A2C).
 */
public interface Agent {
  /** The algorithm's name on the command line ({@code ppo}). */
  String algorithm();

  /** One iteration: collect, then learn. */
  Update iterate();

  /** Iterations done. */
  int iteration();

  /** Iterations in the whole run, or -1 when they depend on the episodes' lengths (REINFORCE's whole episodes). */
  int iterations();

  /** Whether the run's budget is spent. */
  default boolean finished() {
    return iteration() >= iterations();
  }

  /** Where the experience comes from, with the finished episodes. */
  Collector collector();

  /** The networks (the greedy policy is what evaluation plays). */
  ActorCritic policy();

  /** The hidden widths of the networks, for saving them. */
  int[] hidden();

  /** The hyper-parameters, as text (checkpoints refuse to resume under other ones). */
  String settings();

  /** Everything needed to continue exactly after the last iteration. */
  Checkpoint checkpoint();

  /** Continues from {@link #checkpoint()} of a run with the same environment, settings and seed. */
  void resume(Checkpoint checkpoint);

  /**
   * What every agent adds to its trainer's checkpoint: the algorithm, the iteration after which it was
   * taken, the settings (a resume under others is refused) and {@code state} (the collector's, a replay's).
   */
  static Checkpoint checkpoint(Checkpoint trained, String algorithm, int iteration, String settings, Map<String, String> state) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("rl.algorithm", algorithm);
    extra.put("rl.iteration", Integer.toString(iteration));
    extra.put("rl.config", settings);
    extra.putAll(state);
    return trained.withExtras(extra);
  }

  /** The iteration {@code checkpoint} was taken after; {@code who} ("Ppo.resume") refuses one trained under other settings. */
  static int savedIteration(Checkpoint checkpoint, String who, String settings) {
    String saved = checkpoint.extra().get("rl.config");
    if (saved != null && !saved.equals(settings)) {
      throw new IllegalArgumentException(who + ": the checkpoint was trained with " + saved + " but this run has " + settings
          + "; resume with the same settings");
    }
    return Integer.parseInt(checkpoint.extra().getOrDefault("rl.iteration", "0"));
  }

  /** Runs the remaining iterations, telling {@code listener} after each. */
  default void train(Consumer<Update> listener) {
    while (!finished()) {
      listener.accept(iterate());
    }
  }
}
