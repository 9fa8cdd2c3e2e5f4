package dev.ruru.rl.reinforce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReinforceTest {
  @Test void aShortCartPoleRunImprovesItsMeanReturn() {
    Reinforce reinforce = new Reinforce("cartpole", ReinforceConfig.cartPole(), 1, 20_000);
    reinforce.train(update -> { });
    double[] returns = reinforce.collector().log().returns();
    double first = Arrays.stream(returns, 0, 20).average().orElseThrow();
    double last = Arrays.stream(returns, returns.length - 20, returns.length).average().orElseThrow();
    System.out.printf("REINFORCE CartPole 20000 steps: first 20 episodes %.1f, last 20 %.1f, %d episodes%n", first, last, returns.length);
    assertTrue(last >= first + 100, "mean return of the last 20 episodes " + last + " should beat the first 20's " + first + " by 100 (seed 1: 20.2 -> 168.1)");
  }

  @Test void resumeContinuesExactly() {
    Reinforce straight = new Reinforce("cartpole", ReinforceConfig.cartPole(), 2, 2000);
    straight.train(update -> { });
    Reinforce first = new Reinforce("cartpole", ReinforceConfig.cartPole(), 2, 2000);
    for (int k = 0; k < 5; k++) {
      first.iterate();
    }
    Reinforce resumed = new Reinforce("cartpole", ReinforceConfig.cartPole(), 2, 2000);
    resumed.resume(first.checkpoint());
    resumed.train(update -> { });
    assertArrayEquals(straight.collector().log().returns(), resumed.collector().log().returns());
  }
}
