package dev.ruru.rl.run;

import dev.ruru.rl.env.Environments;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.EpisodeLog;
import java.util.Optional;

/**
 * When a run has solved its environment: when 100 greedy evaluation episodes average at least the
 * environment's reward threshold (CartPole-v1: 475), Gymnasium's and the RL Zoo's criterion. The training
 * episodes alone cannot say it for every agent: DQN's are ε-greedy (a random action one step in 25), so
 * its training returns stay below its greedy policy's; PPO's and REINFORCE's are sampled from the policy.
 * So after an iteration that has crossed another {@value #SCREEN_EVERY} environment steps, or whose last
 * 100 training episodes average the threshold, {@value #SCREEN_EPISODES} greedy episodes screen the
 * policy, and when they reach the threshold the {@value #EVALUATION_EPISODES} episodes decide. Episode
 * {@code e} of either starts from a reset seeded {@code 1,000,000 · (seed + 1) + e}, as in the benchmarks
 * (bench/cartpole_port.py does the same for the PyTorch side). Evaluation plays its own environment and
 * draws no random numbers of the run's, so checking changes nothing in the training.
 */
public final class SolveCheck {
  /** Environment steps between screens. */
  public static final int SCREEN_EVERY = 2500;
  /** Greedy episodes of a screen. */
  public static final int SCREEN_EPISODES = 10;
  /** Greedy episodes that decide. */
  public static final int EVALUATION_EPISODES = 100;

  private final String environment;
  private final double threshold;
  private final long evaluationSeed;
  private long nextScreen;
  private Solved solved;

  /** The moment a run was found solved: its environment steps and finished episodes, and the 100 episodes' mean return. */
  public record Solved(long steps, int episodes, double evaluation) {}

  /** A check for a run of {@code environment} with {@code seed} that has done {@code steps} steps so far. */
  public SolveCheck(String environment, long seed, long steps) {
    this.environment = environment;
    this.threshold = Environments.spec(environment).rewardThreshold();
    this.evaluationSeed = 1_000_000L * (seed + 1);
    this.nextScreen = (steps / SCREEN_EVERY + 1) * SCREEN_EVERY;
  }

  /** The solve, once found. */
  public Optional<Solved> solved() {
    return Optional.ofNullable(solved);
  }

  /**
   * Checks after an iteration that ended at {@code steps} with {@code log}'s episodes; returns the solve
   * when this check found it (empty before, and after: a solve is found once). Environments without a
   * threshold are never solved.
   */
  public Optional<Solved> afterIteration(ActorCritic policy, long steps, EpisodeLog log) {
    if (solved != null || Double.isNaN(threshold)) {
      return Optional.empty();
    }
    boolean training = log.count() >= 100 && log.meanReturn(100) >= threshold;
    if (steps < nextScreen && !training) {
      return Optional.empty();
    }
    nextScreen = (steps / SCREEN_EVERY + 1) * SCREEN_EVERY;
    if (RlEvaluation.run(policy, environment, SCREEN_EPISODES, evaluationSeed, false).mean() < threshold) {
      return Optional.empty();
    }
    double evaluation = RlEvaluation.run(policy, environment, EVALUATION_EPISODES, evaluationSeed, false).mean();
    if (evaluation < threshold) {
      return Optional.empty();
    }
    solved = new Solved(steps, log.count(), evaluation);
    return Optional.of(solved);
  }
}
