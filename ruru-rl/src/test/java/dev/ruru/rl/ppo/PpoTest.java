package dev.ruru.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoTest {
  /** A smaller rollout than the tuned one, so a test sees many updates in few steps. */
  private static PpoConfig small() {
    return new PpoConfig(4, 32, 64, 4, 0.98, 0.8, 0.2, 0.2, 0.0, 0.5, 1e-3, false, 0.5, new int[] {32, 32});
  }

  @Test void aShortCartPoleRunImprovesItsMeanReturn() {
    long start = System.nanoTime();
    Ppo ppo = new Ppo("cartpole", PpoConfig.cartPole(), 1, 10_240);
    ppo.train(update -> { });
    double[] returns = ppo.collector().log().returns();
    double first = mean(returns, 0, 20);
    double last = mean(returns, returns.length - 20, returns.length);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("PPO CartPole 10240 steps: first 20 episodes %.1f, last 20 %.1f, %d episodes, %.1f s%n", first, last, returns.length, seconds);
    assertTrue(last >= first + 75, "mean return of the last 20 episodes " + last + " should beat the first 20's " + first + " by 75 (seed 1: 19.6 -> 135.4)");
  }

  @Test void theSameSeedGivesTheSameReturnsEpisodeByEpisode() {
    double[] first = run(7, 6);
    double[] second = run(7, 6);
    assertTrue(first.length > 10);
    assertArrayEquals(first, second);
    assertTrue(!java.util.Arrays.equals(first, run(8, 6)), "another seed should play other episodes");
  }

  private static double[] run(long seed, int iterations) {
    Ppo ppo = new Ppo("cartpole", small(), seed, 128L * iterations);
    ppo.train(update -> { });
    return ppo.collector().log().returns();
  }

  @Test void resumeFromACheckpointFileContinuesExactly(@TempDir Path directory) throws IOException {
    Ppo straight = new Ppo("cartpole", small(), 3, 128 * 6);
    straight.train(update -> { });

    Ppo first = new Ppo("cartpole", small(), 3, 128 * 6);
    for (int k = 0; k < 3; k++) {
      first.iterate();
    }
    Path file = directory.resolve("checkpoint.safetensors");
    first.checkpoint().write(file);
    Ppo resumed = new Ppo("cartpole", small(), 3, 128 * 6);
    resumed.resume(Checkpoint.read(file));
    assertEquals(3, resumed.iteration());
    resumed.train(update -> { });
    assertArrayEquals(straight.collector().log().returns(), resumed.collector().log().returns());
    assertEquals(straight.policy().actor().stateDict(), resumed.policy().actor().stateDict());
  }

  @Test void aCheckpointOfOtherSettingsIsRefused() {
    Ppo ppo = new Ppo("cartpole", small(), 3, 128 * 2);
    ppo.iterate();
    Ppo other = new Ppo("cartpole", PpoConfig.cartPole(), 3, 256 * 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.resume(ppo.checkpoint()));
    assertTrue(e.getMessage().startsWith("Ppo.resume: the checkpoint was trained with PpoConfig[copies=4"), e.getMessage());
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }
}
