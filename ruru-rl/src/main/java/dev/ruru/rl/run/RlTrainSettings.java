package dev.ruru.rl.run;

import dev.ruru.rl.dqn.DqnConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code ruru rl train} was asked for.
 *
 * @param environment an environment's short name or Gymnasium id ({@code cartpole})
 * @param algorithm the algorithm ({@code ppo})
 * @param steps environment steps in all
 * @param seed the run's seed
 * @param out the run's directory: checkpoint, policy, metrics.json, pictures
 * @param resume whether to continue from the checkpoint in {@code out}
 * @param checkpointEvery iterations between checkpoints
 * @param replay how DQN draws its minibatches (uniform for the other algorithms)
 * @param stopWhenSolved whether the run ends once {@link SolveCheck} finds it solved
 */
public record RlTrainSettings(String environment, String algorithm, long steps, long seed, Path out, boolean resume, int checkpointEvery,
    DqnConfig.Replay replay, boolean stopWhenSolved) {
  public RlTrainSettings {
    Objects.requireNonNull(replay, "RlTrainSettings: replay");
    if (steps < 1) {
      throw new IllegalArgumentException("RlTrainSettings: invalid steps " + steps + " (must be >= 1)");
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("RlTrainSettings: invalid checkpoint interval " + checkpointEvery + " (must be >= 1)");
    }
  }
}
