package dev.ruru.rl.dqn;

import dev.ruru.rl.Agent;
import dev.ruru.rl.Update;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.env.VectorStep;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.Collector;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DQN, top to bottom: each iteration plays {@code trainFrequency} steps of one environment ε-greedily into
 * the replay buffer, then (after {@code learningStarts} steps) takes {@code gradientSteps} minibatch steps
 * of {@link DqnObjective} through {@link Trainer#trainOnBatch}, refreshing the target network every
 * {@code targetUpdateInterval} of them. With prioritised replay the minibatches are drawn by priority,
 * weighted by importance with β rising to 1 over the run, and each step's TD errors become the drawn
 * transitions' new priorities. The Q-network is the actor network of an {@link ActorCritic#qNetwork}
 * (its outputs read as Q-values, so its greedy action is argmax Q and evaluation and saving work as for
 * the policy-gradient agents); the critic network is unused. Seeded and exactly resumable: checkpoints
 * hold both networks, Adam, the generators, the environment and the whole replay buffer (with its
 * priorities).
 */
public final class Dqn implements Agent {
  private final DqnConfig config;
  private final long totalSteps;
  private final ActorCritic policy;
  private final Collector collector;
  private final ReplayBuffer buffer;
  private final PrioritizedReplay prioritized;
  private final ResumableRandom actionRandom;
  private final ResumableRandom sampleRandom;
  private final DqnObjective objective;
  private final Trainer trainer;
  private int iteration;
  private long gradientSteps;

  public Dqn(String environment, DqnConfig config, long seed, long totalSteps) {
    this.config = config;
    this.totalSteps = totalSteps;
    var envs = Environments.vector(environment, 1);
    ResumableRandom init = new ResumableRandom(seed);
    this.policy = ActorCritic.qNetwork(envs.singleObservationSpace(), envs.singleActionSpace(), config.hidden(), init);
    ActorCritic target = ActorCritic.qNetwork(envs.singleObservationSpace(), envs.singleActionSpace(), config.hidden(), init);
    this.collector = new Collector(envs, seed);
    this.prioritized = config.replay() == DqnConfig.Replay.PRIORITIZED
        ? new PrioritizedReplay(config.bufferSize(), policy.inputSize(), config.priorityAlpha()) : null;
    this.buffer = prioritized != null ? prioritized.buffer() : new ReplayBuffer(config.bufferSize(), policy.inputSize());
    this.actionRandom = new ResumableRandom(seed + 1);
    this.sampleRandom = new ResumableRandom(seed + 2);
    Map<String, ResumableRandom> generators = new LinkedHashMap<>();
    generators.put("actions", actionRandom);
    generators.put("replay", sampleRandom);
    this.objective = new DqnObjective(policy.actor(), target.actor(), policy.inputSize(), config, generators);
    objective.refreshTarget();
    this.trainer = Trainer.builder(objective).clipGradientNorm(config.maxGradientNorm()).seed(seed).quiet().build();
  }

  @Override public String algorithm() { return "dqn"; }
  @Override public ActorCritic policy() { return policy; }
  @Override public Collector collector() { return collector; }
  @Override public int iteration() { return iteration; }
  @Override public int iterations() { return (int) ((totalSteps + config.trainFrequency() - 1) / config.trainFrequency()); }
  @Override public int[] hidden() { return config.hidden(); }
  @Override public String settings() { return config.toString(); }
  public ReplayBuffer buffer() { return buffer; }

  @Override
  public Update iterate() {
    for (int k = 0; k < config.trainFrequency(); k++) {
      act();
    }
    Map<String, Double> means = new LinkedHashMap<>();
    if (collector.steps() >= config.learningStarts()) {
      for (int g = 0; g < config.gradientSteps(); g++) {
        if (gradientSteps % config.targetUpdateInterval() == 0) {
          objective.refreshTarget();
        }
        learn().forEach((name, value) -> means.merge(name, value / config.gradientSteps(), Double::sum));
        gradientSteps++;
      }
    }
    iteration++;
    means.put("epsilon", config.epsilon(collector.steps()));
    return new Update(iteration, collector.steps(), collector.log().count(), collector.log().meanReturn(100), means,
        trainer.optimizer().learningRate());
  }

  /** One minibatch step; with prioritised replay, the drawn transitions' priorities become their new TD errors. */
  private Map<String, Double> learn() {
    if (prioritized == null) {
      return trainer.trainOnBatch(buffer.sample(config.batchSize(), sampleRandom));
    }
    PrioritizedReplay.Sample sample = prioritized.sample(config.batchSize(), config.beta(collector.steps(), totalSteps), sampleRandom);
    Map<String, Double> metrics = trainer.trainOnBatch(sample.batch());
    prioritized.update(sample.slots(), objective.tdErrors());
    return metrics;
  }

  /** One ε-greedy step (uniformly random before learning starts) into the buffer. */
  private void act() {
    double[][] observation = collector.observations();
    int action = collector.steps() < config.learningStarts() || actionRandom.nextDouble() < config.epsilon(collector.steps())
        ? actionRandom.nextInt(policy.actionCount()) : policy.greedy(observation)[0];
    VectorStep step = collector.step(new int[] {action});
    double[] next = step.done(0) ? step.finalObservations()[0] : step.observations()[0];
    float[] from = policy.encode(observation).toFloatArray();
    float[] to = policy.encode(new double[][] {next}).toFloatArray();
    if (prioritized != null) {
      prioritized.add(from, action, step.rewards()[0], to, step.terminated()[0]);
    } else {
      buffer.add(from, action, step.rewards()[0], to, step.terminated()[0]);
    }
  }

  @Override
  public Checkpoint checkpoint() {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("rl.gradient_steps", Long.toString(gradientSteps));
    state.putAll(collector.saveState());
    state.putAll(prioritized != null ? prioritized.saveState() : buffer.saveState());
    return Agent.checkpoint(trainer.checkpoint(), "dqn", iteration, config.toString(), state);
  }

  @Override
  public void resume(Checkpoint checkpoint) {
    int saved = Agent.savedIteration(checkpoint, "Dqn.resume", config.toString());
    trainer.resume(checkpoint);
    collector.restoreState(checkpoint.extra());
    if (prioritized != null) {
      prioritized.restoreState(checkpoint.extra());
    } else {
      buffer.restoreState(checkpoint.extra());
    }
    iteration = saved;
    gradientSteps = Long.parseLong(checkpoint.extra().getOrDefault("rl.gradient_steps", "0"));
  }
}
