package dev.ruru.rl.ppo;

import dev.ruru.array.NDArray;
import dev.ruru.rl.Agent;
import dev.ruru.rl.Update;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.env.SyncVectorEnv;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.Advantages;
import dev.ruru.rl.rollout.Collector;
import dev.ruru.rl.rollout.Rollout;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Proximal policy optimisation with clipped surrogate objective (Schulman et al. 2017), top to bottom:
 * each iteration collects {@code steps} steps of {@code copies} environments with the current policy,
 * estimates advantages with GAE(λ), and takes {@code epochs} passes of shuffled minibatch steps over the
 * rollout. Each step is {@link Trainer#trainOnBatch} on {@link PpoObjective}: the training loop's step
 * (NaN check, backward, gradient clipping, Adam), not a second loop.
 *
 * <pre>{@code
 * Ppo ppo = new Ppo("cartpole", PpoConfig.cartPole(), 1, 100_000);
 * ppo.train(update -> System.out.println(update));
 * }</pre>
 *
 * <p>Seeded: the networks' first weights, the environments' resets, the actions drawn and the minibatch
 * order all come from generators derived from the seed, so the same seed gives the same episodes, and
 * {@link #checkpoint()} and {@link #resume} continue a run exactly.
 */
public final class Ppo implements Agent {
  private final PpoConfig config;
  private final long seed;
  private final long totalSteps;
  private final ActorCritic policy;
  private final Collector collector;
  private final ResumableRandom actionRandom;
  private final ResumableRandom shuffleRandom;
  private final PpoObjective objective;
  private final Trainer trainer;
  private int iteration;

  /** PPO on {@code copies} of the environment named {@code environment}, for {@code totalSteps} environment steps in all. */
  public Ppo(String environment, PpoConfig config, long seed, long totalSteps) {
    this(Environments.vector(environment, config.copies()), config, seed, totalSteps);
  }

  /** PPO on the given copies (as many as {@code config.copies()}). */
  public Ppo(SyncVectorEnv envs, PpoConfig config, long seed, long totalSteps) {
    if (envs.size() != config.copies()) {
      throw new IllegalArgumentException("Ppo: the config asks for " + config.copies() + " copies but " + envs.size() + " were given");
    }
    if (totalSteps < config.rolloutSize()) {
      throw new IllegalArgumentException("Ppo: totalSteps " + totalSteps + " is less than one rollout (" + config.rolloutSize() + " steps)");
    }
    this.config = config;
    this.seed = seed;
    this.totalSteps = totalSteps;
    this.policy = new ActorCritic(envs.singleObservationSpace(), envs.singleActionSpace(), config.hidden(), new ResumableRandom(seed));
    this.collector = new Collector(envs, seed);
    this.actionRandom = new ResumableRandom(seed + 1);
    this.shuffleRandom = new ResumableRandom(seed + 2);
    Map<String, ResumableRandom> generators = new LinkedHashMap<>();
    generators.put("actions", actionRandom);
    generators.put("minibatches", shuffleRandom);
    this.objective = new PpoObjective(policy, config, generators);
    this.trainer = Trainer.builder(objective).clipGradientNorm(config.maxGradientNorm()).seed(seed).quiet().build();
  }

  @Override public String algorithm() { return "ppo"; }
  @Override public ActorCritic policy() { return policy; }
  @Override public Collector collector() { return collector; }
  public PpoConfig config() { return config; }
  @Override public int iteration() { return iteration; }
  @Override public int[] hidden() { return config.hidden(); }
  @Override public String settings() { return config.toString(); }

  /** Iterations in the whole run: {@code ceil(totalSteps / rolloutSize)}. */
  @Override
  public int iterations() {
    return (int) ((totalSteps + config.rolloutSize() - 1) / config.rolloutSize());
  }

  /** One iteration: anneal, collect, estimate advantages, then the epochs of minibatch steps. */
  @Override
  public Update iterate() {
    double fraction = config.anneal() ? 1.0 - (double) iteration / iterations() : 1.0;
    trainer.optimizer().setLearningRate(fraction * config.learningRate());
    objective.setClip(fraction * config.clip());
    Rollout rollout = collector.collect(policy, config.steps(), actionRandom, config.gamma());
    Advantages.Estimate estimate = Advantages.gae(rollout.rewards(), rollout.values(), rollout.done(), rollout.lastValues(), config.gamma(),
        config.gaeLambda());
    Map<String, Double> sums = update(rollout, estimate);
    iteration++;
    return new Update(iteration, collector.steps(), collector.log().count(), collector.log().meanReturn(100), sums,
        trainer.optimizer().learningRate());
  }

  private Map<String, Double> update(Rollout rollout, Advantages.Estimate estimate) {
    NDArray observations = policy.encode(flatten(rollout.observations()));
    int[] actions = flatten(rollout.actions());
    double[] logProbabilities = flatten(rollout.logProbabilities());
    double[] advantages = flatten(estimate.advantages());
    double[] returns = flatten(estimate.returns());
    double[] values = flatten(rollout.values());
    Map<String, Double> means = new LinkedHashMap<>();
    int size = rollout.size();
    int count = 0;
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      int[] order = permutation(size);
      for (int start = 0; start < size; start += config.minibatchSize()) {
        int[] rows = java.util.Arrays.copyOfRange(order, start, Math.min(size, start + config.minibatchSize()));
        Map<String, Double> metrics = trainer.trainOnBatch(PpoObjective.batch(observations, actions, logProbabilities, advantages, returns,
            values, rows));
        metrics.forEach((name, value) -> means.merge(name, value, Double::sum));
        count++;
      }
    }
    int steps = count;
    means.replaceAll((name, sum) -> sum / steps);
    return means;
  }

  /** Fisher–Yates with the run's minibatch generator. */
  private int[] permutation(int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = shuffleRandom.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** [T][N] rows in the order t, then i: transition {@code t·N + i}. */
  private static double[] flatten(double[][] rows) {
    return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private static int[] flatten(int[][] rows) {
    return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
  }

  private static double[][] flatten(double[][][] rows) {
    return java.util.Arrays.stream(rows).flatMap(java.util.Arrays::stream).toArray(double[][]::new);
  }

  /** The run after the last iteration: networks, Adam, the generators, the environments and the episodes so far. */
  @Override
  public Checkpoint checkpoint() {
    return Agent.checkpoint(trainer.checkpoint(), "ppo", iteration, config.toString(), collector.saveState());
  }

  /** Continues from {@link #checkpoint()} of a run with the same environment, config and seed. */
  @Override
  public void resume(Checkpoint checkpoint) {
    int saved = Agent.savedIteration(checkpoint, "Ppo.resume", config.toString());
    trainer.resume(checkpoint);
    collector.restoreState(checkpoint.extra());
    iteration = saved;
  }
}
