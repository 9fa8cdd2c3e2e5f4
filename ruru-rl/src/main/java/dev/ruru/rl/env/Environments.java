package dev.ruru.rl.env;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry, Gymnasium's {@code gymnasium.make}: an environment by its id (or the short name the
 * command line uses), wrapped as Gymnasium wraps it: {@link OrderEnforcing} around {@link TimeLimit} around
 * the environment itself.
 *
 * <pre>{@code
 * Env env = Environments.make("CartPole-v1");            // or make("cartpole")
 * SyncVectorEnv envs = Environments.vector("cartpole", 8);
 * }</pre>
 */
public final class Environments {
  /** An environment's id, its constructor and its time limit (Gymnasium's {@code max_episode_steps}). */
  public record Spec(String id, String shortName, Supplier<Env> factory, int maxEpisodeSteps, double rewardThreshold) {}

  private static final List<Spec> SPECS = List.of(
      new Spec("CartPole-v1", "cartpole", CartPole::new, 500, 475.0),
      new Spec("MountainCar-v0", "mountaincar", MountainCar::new, 200, -110.0),
      new Spec("Acrobot-v1", "acrobot", Acrobot::new, 500, -100.0),
      new Spec("FrozenLake-v1(is_slippery=True)", "frozenlake", () -> new FrozenLake(FrozenLake.MAP_4X4, true), 100, 0.70),
      new Spec("FrozenLake-v1(is_slippery=False)", "frozenlake-deterministic", () -> new FrozenLake(FrozenLake.MAP_4X4, false), 100, 0.70),
      new Spec("FrozenLake-v1(map_name=8x8, is_slippery=True)", "frozenlake8x8", () -> new FrozenLake(FrozenLake.MAP_8X8, true), 200, 0.85),
      new Spec("FrozenLake-v1(map_name=8x8, is_slippery=False)", "frozenlake8x8-deterministic", () -> new FrozenLake(FrozenLake.MAP_8X8, false), 200, 0.85));

  private Environments() {}

  /** Every registered environment. */
  public static List<Spec> specs() {
    return SPECS;
  }

  /** The spec named by a Gymnasium id or a short name, case-insensitively. */
  public static Spec spec(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Spec spec : SPECS) {
      if (spec.id().toLowerCase(Locale.ROOT).equals(wanted) || spec.shortName().equals(wanted)) {
        return spec;
      }
    }
    throw new IllegalArgumentException("Environments.make: unknown environment '" + name + "'; known: "
        + SPECS.stream().map(spec -> spec.shortName() + " (" + spec.id() + ")").toList());
  }

  /** A new environment, wrapped with its time limit and order checks. */
  public static Env make(String name) {
    Spec spec = spec(name);
    return new OrderEnforcing(new TimeLimit(spec.factory().get(), spec.maxEpisodeSteps()));
  }

  /** {@code copies} environments stepped together, reset automatically in {@link SyncVectorEnv.Autoreset#SAME_STEP} mode. */
  public static SyncVectorEnv vector(String name, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("Environments.vector: invalid copies " + copies + " (must be >= 1)");
    }
    Env[] envs = new Env[copies];
    for (int i = 0; i < copies; i++) {
      envs[i] = make(name);
    }
    return new SyncVectorEnv(List.of(envs), SyncVectorEnv.Autoreset.SAME_STEP);
  }

  /** The short names, for help texts. */
  public static Map<String, String> names() {
    java.util.LinkedHashMap<String, String> names = new java.util.LinkedHashMap<>();
    SPECS.forEach(spec -> names.put(spec.shortName(), spec.id()));
    return names;
  }
}
