package dev.ruru.rl.reinforce;

import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.rl.Agent;
import dev.ruru.rl.Update;
import dev.ruru.rl.a2c.A2cObjective;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.Advantages;
import dev.ruru.rl.rollout.Collector;
import dev.ruru.rl.rollout.Rollout;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * REINFORCE with a learned baseline, top to bottom: play {@code episodesPerUpdate} whole episodes of one
 * environment with the current policy, compute each step's discounted return G_t to the episode's end,
 * and take one {@link Trainer#trainOnBatch} step on {@code −mean((G − V)·log π(a|s)) + c_V·mean((G − V)²)}.
 * Runs until {@code totalSteps} environment steps are spent (whole episodes, so the number of iterations
 * is known only afterwards).
 */
public final class Reinforce implements Agent {
  private final ReinforceConfig config;
  private final long totalSteps;
  private final ActorCritic policy;
  private final Collector collector;
  private final ResumableRandom actionRandom;
  private final Trainer trainer;
  private int iteration;

  public Reinforce(String environment, ReinforceConfig config, long seed, long totalSteps) {
    this.config = config;
    this.totalSteps = totalSteps;
    var envs = Environments.vector(environment, 1);
    this.policy = new ActorCritic(envs.singleObservationSpace(), envs.singleActionSpace(), config.hidden(), new ResumableRandom(seed));
    this.collector = new Collector(envs, seed);
    this.actionRandom = new ResumableRandom(seed + 1);
    Adam adam = new Adam(A2cObjective.parameters(policy), AdamConfig.adam(config.learningRate()));
    this.trainer = Trainer.builder(new A2cObjective(policy, config.entropyCoefficient(), config.valueCoefficient(), adam,
        Map.of("actions", actionRandom))).seed(seed).quiet().build();
  }

  @Override public String algorithm() { return "reinforce"; }
  @Override public ActorCritic policy() { return policy; }
  @Override public Collector collector() { return collector; }
  @Override public int iteration() { return iteration; }
  @Override public int iterations() { return -1; }
  @Override public boolean finished() { return collector.steps() >= totalSteps; }
  @Override public int[] hidden() { return config.hidden(); }
  @Override public String settings() { return config.toString(); }

  @Override
  public Update iterate() {
    List<double[]> observations = new ArrayList<>();
    List<Integer> actions = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> returns = new ArrayList<>();
    List<Double> rewards = new ArrayList<>();
    for (int finished = 0; finished < config.episodesPerUpdate(); ) {
      Rollout step = collector.collect(policy, 1, actionRandom, config.gamma());
      observations.add(step.observations()[0][0]);
      actions.add(step.actions()[0][0]);
      values.add(step.values()[0][0]);
      rewards.add(step.rewards()[0][0]);
      if (step.done()[0][0]) {
        for (double g : Advantages.discountedReturns(rewards.stream().mapToDouble(Double::doubleValue).toArray(), config.gamma())) {
          returns.add(g);
        }
        rewards.clear();
        finished++;
      }
    }
    double[] g = returns.stream().mapToDouble(Double::doubleValue).toArray();
    double[] advantages = new double[g.length];
    for (int t = 0; t < g.length; t++) {
      advantages[t] = g[t] - values.get(t);
    }
    Map<String, Double> metrics = trainer.trainOnBatch(A2cObjective.batch(policy.encode(observations.toArray(double[][]::new)),
        actions.stream().mapToInt(Integer::intValue).toArray(), advantages, g));
    iteration++;
    return new Update(iteration, collector.steps(), collector.log().count(), collector.log().meanReturn(100), metrics,
        trainer.optimizer().learningRate());
  }

  @Override
  public Checkpoint checkpoint() {
    return Agent.checkpoint(trainer.checkpoint(), "reinforce", iteration, config.toString(), collector.saveState());
  }

  @Override
  public void resume(Checkpoint checkpoint) {
    int saved = Agent.savedIteration(checkpoint, "Reinforce.resume", config.toString());
    trainer.resume(checkpoint);
    collector.restoreState(checkpoint.extra());
    iteration = saved;
  }
}
