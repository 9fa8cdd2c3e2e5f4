package dev.ruru.rl.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.rl.env.SyncVectorEnv;
import dev.ruru.rl.env.VectorStep;
import dev.ruru.rl.policy.ActorCritic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /**
   * Steps every copy once with {@code actions}, logs finished episodes and moves on to the next
   * observations (a finished copy's next episode); returns the step, whose {@code finalObservations} hold
   * the finished episodes' last observations (what a replay buffer stores as their next state).
   */
  public VectorStep step(int[] actions) {
    VectorStep step = envs.step(actions);
    steps += envs.size();
    for (int i = 0; i < envs.size(); i++) {
      log.add(i, step.rewards()[i], step.done(i), steps);
    }
    observations = step.observations();
    return step;
  }

  /**
   * Everything needed to continue exactly, as strings for a checkpoint's metadata: the environments'
   * states (dynamics, generators, counters), the current observations, the step count and the episodes.
   */
  public Map<String, String> saveState() {
    List<double[]> episodes = log.episodes().stream().map(e -> new double[] {e.episodeReturn(), e.length(), e.step()}).toList();
    Map<String, String> state = new LinkedHashMap<>();
    state.put("rl.environments", write(envs.saveState()));
    state.put("rl.observations", write(observations));
    state.put("rl.steps", Long.toString(steps));
    state.put("rl.episodes", write(episodes));
    state.put("rl.partial_episodes", write(log.partial()));
    return state;
  }

  /** Restores what {@link #saveState()} returned, into a collector over environments of the same kind and number. */
  public void restoreState(Map<String, String> state) {
    try {
      envs.loadState(JSON.readValue(state.get("rl.environments"), long[][].class));
      double[][] restored = JSON.readValue(state.get("rl.observations"), double[][].class);
      List<EpisodeLog.Episode> episodes = new ArrayList<>();
      for (double[] e : JSON.readValue(state.get("rl.episodes"), double[][].class)) {
        episodes.add(new EpisodeLog.Episode(e[0], (int) e[1], (long) e[2]));
      }
      log.restore(episodes, JSON.readValue(state.get("rl.partial_episodes"), double[][].class));
      observations = restored;
      steps = Long.parseLong(state.get("rl.steps"));
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Collector.restoreState: the checkpoint's environment state is missing or unreadable (" + e.getMessage()
          + "); was it written by ruru rl train?", e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Collector: cannot write the state as JSON", e);
    }
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
      VectorStep step = step(decision.actions());
      for (int i = 0; i < n; i++) {
        rollout.rewards()[t][i] = step.rewards()[i];
        rollout.done()[t][i] = step.done(i);
        if (step.truncated()[i] && !step.terminated()[i]) {
          rollout.rewards()[t][i] += gamma * policy.valuesOf(new double[][] {step.finalObservations()[i]})[0];
        }
      }
    }
    return new Rollout(rollout.observations(), rollout.actions(), rollout.logProbabilities(), rollout.values(), rollout.rewards(),
        rollout.done(), policy.valuesOf(observations));
  }
}
