package dev.ruru.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DqnTest {
  private static DqnConfig config(boolean doubleQ) {
    return new DqnConfig(1000, 10, 4, 2, 1, 0.9, 1e-3, 4, 500, 0.05, 10, doubleQ, DqnConfig.Replay.UNIFORM, 0.6, 0.4, new int[] {});
  }

  /** Q(s) = w·s with online w = (1, 2), target w = (3, 1); s = s' = 1, r = 0.5, action 0, γ = 0.9. */
  private static double loss(boolean doubleQ, boolean terminal) {
    Linear online = new Linear(1, 2, new ResumableRandom(0));
    Linear target = new Linear(1, 2, new ResumableRandom(0));
    online.loadStateDict(Map.of("weight", NDArray.of(new float[] {1, 2}, 2, 1), "bias", NDArray.of(new float[] {0, 0}, 2)));
    target.loadStateDict(Map.of("weight", NDArray.of(new float[] {3, 1}, 2, 1), "bias", NDArray.of(new float[] {0, 0}, 2)));
    DqnObjective objective = new DqnObjective(online, target, 1, config(doubleQ), Map.of());
    Batch batch = new Batch(NDArray.of(new float[] {1, 1, 0.5f, terminal ? 1 : 0, 1}, 1, 5), NDArray.of(new long[] {0}, 1));
    Objective.Result result = objective.compute(batch, objective.phases().get(0), Mode.TRAIN);
    return result.loss().item();
  }

  @Test void targetsAreDoubleOrVanillaAndStopAtTerminalStates() {
    // Double: a* = argmax online(s') = 1, y = 0.5 + 0.9·Q_target(s', 1) = 1.4; Q(s, 0) = 1; Huber(−0.4) = 0.08.
    assertEquals(0.08, loss(true, false), 1e-6);
    // Vanilla: y = 0.5 + 0.9·max Q_target(s') = 3.2; |d| = 2.2 > 1: Huber = 2.2 − 0.5 = 1.7.
    assertEquals(1.7, loss(false, false), 1e-6);
    // Terminal: y = r = 0.5; Huber(0.5) = 0.125.
    assertEquals(0.125, loss(true, true), 1e-6);
  }

  @Test void epsilonFallsLinearlyThenStays() {
    DqnConfig c = DqnConfig.cartPole();
    assertEquals(1.0, c.epsilon(0), 1e-12);
    assertEquals(0.52, c.epsilon(4000), 1e-12);          // halfway through the 8,000 exploration steps: (1 + 0.04) / 2
    assertEquals(0.04, c.epsilon(8000), 1e-12);
    assertEquals(0.04, c.epsilon(400_000), 1e-12);       // in steps, not a fraction of the run: a longer run does not explore longer
  }

  @Test void theReplayBufferIsARingAndItsStateRoundTrips() {
    ReplayBuffer buffer = new ReplayBuffer(3, 1);
    for (int k = 0; k < 5; k++) {
      buffer.add(new float[] {k}, k % 2, k * 10, new float[] {k + 1}, k == 4);
    }
    assertEquals(3, buffer.size());
    Batch batch = buffer.sample(200, new ResumableRandom(1));
    float[] rows = batch.features().toFloatArray();
    for (int j = 0; j < 200; j++) {
      float s = rows[j * 5];
      assertTrue(s >= 2 && s <= 4, "transitions 0 and 1 were overwritten; drew " + s);
      assertEquals(s + 1, rows[j * 5 + 1]);
      assertEquals(s * 10, rows[j * 5 + 2]);
      assertEquals(s == 4 ? 1 : 0, rows[j * 5 + 3]);
      assertEquals(1, rows[j * 5 + 4], "uniform replay weighs every transition 1");
      assertEquals((long) s % 2, batch.labels().getLong(j));
    }
    ReplayBuffer copy = new ReplayBuffer(3, 1);
    copy.restoreState(buffer.saveState());
    assertEquals(buffer.sample(50, new ResumableRandom(2)).features(), copy.sample(50, new ResumableRandom(2)).features());
  }

  @Test void aShortCartPoleRunImprovesAndResumesExactly() {
    DqnConfig small = new DqnConfig(10_000, 500, 64, 32, 64, 0.99, 2.3e-3, 32, 3600, 0.04, 10, true, DqnConfig.Replay.UNIFORM, 0.6, 0.4,
        new int[] {64, 64});
    Dqn dqn = new Dqn("cartpole", small, 1, 12_000);
    for (int k = 0; k < 100; k++) {
      dqn.iterate();
    }
    Dqn resumed = new Dqn("cartpole", small, 1, 12_000);
    resumed.resume(dqn.checkpoint());
    dqn.train(update -> { });
    resumed.train(update -> { });
    double[] returns = dqn.collector().log().returns();
    assertArrayEquals(returns, resumed.collector().log().returns());
    double first = Arrays.stream(returns, 0, 20).average().orElseThrow();
    double last = Arrays.stream(returns, returns.length - 10, returns.length).average().orElseThrow();
    System.out.printf("DQN CartPole 12000 steps: first 20 episodes %.1f, last 10 %.1f, %d episodes%n", first, last, returns.length);
    assertTrue(last >= first + 100, "mean return of the last 10 episodes " + last + " should beat the first 20's " + first + " by 100 (seed 1: 18.7 -> 286.3)");
  }
}
