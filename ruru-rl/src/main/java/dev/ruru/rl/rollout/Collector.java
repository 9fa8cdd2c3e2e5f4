package dev.ruru.rl.rollout;

import dev.ruru.rl.env.SyncVectorEnv;
import dev.ruru.rl.env.VectorStep;
import dev.ruru.rl.policy.ActorCritic;
import java.util.random.RandomGenerator;

/**
 * Steps N environment copies with a policy and hands back what happened as a {@link Rollout}; the copies
 * keep running across rollouts (an episode may span two), and reset themselves when an episode ends
 * ({@link SyncVectorEnv.Autoreset#SAME_STEP}).
 *
 * <p>A time limit is not a terminal state: when an episode is truncated, the critic's value of its final
 * observation, discounted, is added to the last reward (Pardo et al. 2018, "Time limits in reinforcement
 * learning"; Stable-Baselines3 does the same), and the step counts as the episode's end for the targets.
 */
public final class Collector {
  private final SyncVectorEnv envs;
  private final EpisodeLog log;
  private double[][] observations;
  private long steps;

  /** Resets the copies with {@code seed} (copy i gets {@code seed + i}). */
  public Collector(SyncVectorEnv envs, long seed) {
    this.envs = envs;
    this.log = new EpisodeLog(envs.size());
    this.observations = envs.reset(seed);
  }

  public SyncVectorEnv envs() { return envs; }
  public EpisodeLog log() { return log; }
  /** Environment steps so far, over all copies. */
  public long steps() { return steps; }
  /** The copies' current observations (the next step's input). */
  public double[][] observations() { return observations.clone(); }

  /** Continues from a checkpoint: the copies' observations and the step count (the environments' own state is restored apart). */
  public void restore(double[][] currentObservations, long stepCount) {
    observations = currentObservations.clone();
    steps = stepCount;
  }

  /** Runs {@code length} steps of every copy with {@code policy}, drawing actions from {@code random}. */
  public Rollout collect(ActorCritic policy, int length, RandomGenerator random, double gamma) {
    int n = envs.size();
    Rollout rollout = new Rollout(new double[length][][], new int[length][], new double[length][], new double[length][], new double[length][n],
        new boolean[length][n], null);
    for (int t = 0; t < length; t++) {
      ActorCritic.Decision decision = policy.act(observations, random);
      rollout.observations()[t] = observations;
      rollout.actions()[t] = decision.actions();
      rollout.logProbabilities()[t] = decision.logProbabilities();
      rollout.values()[t] = decision.values();
      VectorStep step = envs.step(decision.actions());
      steps += n;
      for (int i = 0; i < n; i++) {
        log.add(i, step.rewards()[i], step.done(i), steps);
        rollout.rewards()[t][i] = step.rewards()[i];
        rollout.done()[t][i] = step.done(i);
        if (step.truncated()[i] && !step.terminated()[i]) {
          rollout.rewards()[t][i] += gamma * policy.valuesOf(new double[][] {step.finalObservations()[i]})[0];
        }
      }
      observations = step.observations();
    }
    return new Rollout(rollout.observations(), rollout.actions(), rollout.logProbabilities(), rollout.values(), rollout.rewards(),
        rollout.done(), policy.valuesOf(observations));
  }
}
