package dev.ruru.rl.run;

import dev.ruru.rl.Agent;
import dev.ruru.rl.a2c.A2c;
import dev.ruru.rl.a2c.A2cConfig;
import dev.ruru.rl.dqn.Dqn;
import dev.ruru.rl.dqn.DqnConfig;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.ppo.Ppo;
import dev.ruru.rl.ppo.PpoConfig;
import dev.ruru.rl.reinforce.Reinforce;
import dev.ruru.rl.reinforce.ReinforceConfig;
import java.util.List;

/** The agents {@code ruru rl train --algo} knows, each with its settings for an environment. */
public final class Agents {
  /** The algorithms' names. */
  public static final List<String> NAMES = List.of("ppo", "a2c", "dqn", "reinforce");

  private Agents() {}

  /** The PPO settings for an environment: the RL Zoo's tuned ones for CartPole, CleanRL's defaults elsewhere. */
  public static PpoConfig ppoConfig(String environment) {
    return Environments.spec(environment).shortName().equals("cartpole") ? PpoConfig.cartPole() : PpoConfig.cleanRl();
  }

  /** A new agent of {@code algorithm} on {@code environment} for {@code steps} environment steps. */
  public static Agent create(String algorithm, String environment, long seed, long steps) {
    return create(algorithm, environment, seed, steps, DqnConfig.Replay.UNIFORM);
  }

  /** A new agent, DQN drawing its minibatches as {@code replay} says (the other algorithms have no replay). */
  public static Agent create(String algorithm, String environment, long seed, long steps, DqnConfig.Replay replay) {
    if (replay == DqnConfig.Replay.PRIORITIZED && !algorithm.equals("dqn")) {
      throw new IllegalArgumentException("Agents.create: prioritised replay is DQN's; " + algorithm + " has no replay buffer; drop --prioritized"
          + " or use --algo dqn");
    }
    return switch (algorithm) {
      case "ppo" -> new Ppo(environment, ppoConfig(environment), seed, steps);
      case "a2c" -> new A2c(environment, A2cConfig.cartPole(), seed, steps);
      case "dqn" -> new Dqn(environment, replay == DqnConfig.Replay.PRIORITIZED ? DqnConfig.cartPole().withPrioritizedReplay() : DqnConfig.cartPole(),
          seed, steps);
      case "reinforce" -> new Reinforce(environment, ReinforceConfig.cartPole(), seed, steps);
      default -> throw new IllegalArgumentException("Agents.create: unknown algorithm '" + algorithm + "'; known: " + NAMES);
    };
  }
}
