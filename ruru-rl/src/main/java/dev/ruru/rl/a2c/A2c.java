package dev.ruru.rl.a2c;

import dev.ruru.rl.Agent;
import dev.ruru.rl.Update;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.Advantages;
import dev.ruru.rl.rollout.Collector;
import dev.ruru.rl.rollout.Rollout;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.util.Arrays;
import java.util.Map;

/**
 * A2C, top to bottom: collect {@code steps} steps of {@code copies} environments, compute n-step returns
 * G and advantages G − V, take one {@link Trainer#trainOnBatch} step of {@link A2cObjective} on the whole
 * rollout. Seeded and exactly resumable as {@link dev.ruru.rl.ppo.Ppo} is.
 */
public final class A2c implements Agent {
  private final A2cConfig config;
  private final long totalSteps;
  private final ActorCritic policy;
  private final Collector collector;
  private final ResumableRandom actionRandom;
  private final Trainer trainer;
  private int iteration;

  public A2c(String environment, A2cConfig config, long seed, long totalSteps) {
    if (totalSteps < config.rolloutSize()) {
      throw new IllegalArgumentException("A2c: totalSteps " + totalSteps + " is less than one rollout (" + config.rolloutSize() + " steps)");
    }
    this.config = config;
    this.totalSteps = totalSteps;
    var envs = Environments.vector(environment, config.copies());
    this.policy = new ActorCritic(envs.singleObservationSpace(), envs.singleActionSpace(), config.hidden(), new ResumableRandom(seed));
    this.collector = new Collector(envs, seed);
    this.actionRandom = new ResumableRandom(seed + 1);
    this.trainer = Trainer.builder(new A2cObjective(policy, config, Map.of("actions", actionRandom)))
        .clipGradientNorm(config.maxGradientNorm()).seed(seed).quiet().build();
  }

  @Override public String algorithm() { return "a2c"; }
  @Override public ActorCritic policy() { return policy; }
  @Override public Collector collector() { return collector; }
  @Override public int iteration() { return iteration; }
  @Override public int iterations() { return (int) ((totalSteps + config.rolloutSize() - 1) / config.rolloutSize()); }
  @Override public int[] hidden() { return config.hidden(); }
  @Override public String settings() { return config.toString(); }

  @Override
  public Update iterate() {
    Rollout rollout = collector.collect(policy, config.steps(), actionRandom, config.gamma());
    double[][] returns = Advantages.nStepReturns(rollout.rewards(), rollout.done(), rollout.lastValues(), config.gamma());
    double[] flatReturns = flatten(returns);
    double[] values = flatten(rollout.values());
    double[] advantages = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      advantages[r] = flatReturns[r] - values[r];
    }
    double[][] observations = Arrays.stream(rollout.observations()).flatMap(Arrays::stream).toArray(double[][]::new);
    int[] actions = Arrays.stream(rollout.actions()).flatMapToInt(Arrays::stream).toArray();
    Map<String, Double> metrics = trainer.trainOnBatch(A2cObjective.batch(policy.encode(observations), actions, advantages, flatReturns));
    iteration++;
    return new Update(iteration, collector.steps(), collector.log().count(), collector.log().meanReturn(100), metrics,
        trainer.optimizer().learningRate());
  }

  private static double[] flatten(double[][] rows) {
    return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
  }

  @Override
  public Checkpoint checkpoint() {
    return Agent.checkpoint(trainer.checkpoint(), "a2c", iteration, config.toString(), collector.saveState());
  }

  @Override
  public void resume(Checkpoint checkpoint) {
    int saved = Agent.savedIteration(checkpoint, "A2c.resume", config.toString());
    trainer.resume(checkpoint);
    collector.restoreState(checkpoint.extra());
    iteration = saved;
  }
}
