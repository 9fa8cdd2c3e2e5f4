package dev.ruru.rl.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Targets against values worked out by hand (the arithmetic is in each comment). */
class AdvantagesTest {
  // Three steps of one copy: rewards 1, 2, 3; values 0.5, 1.0, 1.5; the bootstrap value 2.0; γ = 0.9.
  private static final double[][] REWARDS = {{1}, {2}, {3}};
  private static final double[][] VALUES = {{0.5}, {1.0}, {1.5}};
  private static final double[] LAST = {2.0};

  @Test void gaeWithoutEpisodeEndsMatchesTheRecursion() {
    boolean[][] done = {{false}, {false}, {false}};
    Advantages.Estimate estimate = Advantages.gae(REWARDS, VALUES, done, LAST, 0.9, 0.5);
    // δ2 = 3 + 0.9·2.0 − 1.5 = 3.3;  δ1 = 2 + 0.9·1.5 − 1.0 = 2.35;  δ0 = 1 + 0.9·1.0 − 0.5 = 1.4
    // A2 = 3.3;  A1 = 2.35 + 0.45·3.3 = 3.835;  A0 = 1.4 + 0.45·3.835 = 3.12575
    assertArrayEquals(new double[] {3.12575, 3.835, 3.3}, column(estimate.advantages()), 1e-12);
    assertArrayEquals(new double[] {3.62575, 4.835, 4.8}, column(estimate.returns()), 1e-12);
  }

  @Test void anEpisodeEndCutsTheBootstrapAndTheRecursion() {
    boolean[][] done = {{false}, {true}, {false}};
    Advantages.Estimate estimate = Advantages.gae(REWARDS, VALUES, done, LAST, 0.9, 0.5);
    // δ2 = 3.3 (as above);  δ1 = 2 + 0 − 1.0 = 1.0 (terminal);  δ0 = 1.4
    // A2 = 3.3;  A1 = 1.0 (the recursion stops);  A0 = 1.4 + 0.45·1.0 = 1.85
    assertArrayEquals(new double[] {1.85, 1.0, 3.3}, column(estimate.advantages()), 1e-12);
  }

  @Test void lambdaOneIsTheMonteCarloReturnMinusTheValue() {
    boolean[][] done = {{false}, {false}, {false}};
    Advantages.Estimate estimate = Advantages.gae(REWARDS, VALUES, done, LAST, 0.9, 1.0);
    // G0 = 1 + 0.9·2 + 0.81·3 + 0.729·2.0 = 6.688
    assertEquals(6.688, estimate.returns()[0][0], 1e-12);
    assertEquals(6.688 - 0.5, estimate.advantages()[0][0], 1e-12);
  }

  @Test void nStepReturnsLookAheadToTheRolloutsEndOrTheEpisodes() {
    // G2 = 3 + 0.9·2.0 = 4.8;  G1 = 2 + 0.9·4.8 = 6.32;  G0 = 1 + 0.9·6.32 = 6.688
    assertArrayEquals(new double[] {6.688, 6.32, 4.8},
        column(Advantages.nStepReturns(REWARDS, new boolean[][] {{false}, {false}, {false}}, LAST, 0.9)), 1e-12);
    // The episode ends after step 0: G0 = 1;  G1 and G2 as before.
    assertArrayEquals(new double[] {1, 6.32, 4.8},
        column(Advantages.nStepReturns(REWARDS, new boolean[][] {{true}, {false}, {false}}, LAST, 0.9)), 1e-12);
  }

  @Test void copiesAreIndependent() {
    double[][] rewards = {{1, 0}, {0, 1}};
    double[][] values = {{0, 0}, {0, 0}};
    double[][] returns = Advantages.nStepReturns(rewards, new boolean[][] {{false, false}, {false, true}}, new double[] {10, 10}, 0.5);
    assertArrayEquals(new double[] {1 + 0.5 * 5, 0.5}, returns[0], 1e-12);        // copy 0: 1 + 0.5·(0 + 0.5·10); copy 1: 0 + 0.5·1
    assertArrayEquals(new double[] {5, 1}, returns[1], 1e-12);
    assertEquals(0, Advantages.gae(rewards, values, new boolean[][] {{false, false}, {false, true}}, new double[] {0, 0}, 1, 1).advantages()[1][0]);
  }

  @Test void discountedReturnsOfAWholeEpisode() {
    assertArrayEquals(new double[] {1 + 0.5 * 2 + 0.25 * 4, 2 + 0.5 * 4, 4}, Advantages.discountedReturns(new double[] {1, 2, 4}, 0.5), 1e-12);
  }

  @Test void mismatchedShapesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Advantages.gae(REWARDS, VALUES, new boolean[][] {{false}}, LAST, 0.9, 0.9));
    assertEquals("Advantages: rewards, values and done must have one row per step; got 3, 3 and 1", e.getMessage());
  }

  private static double[] column(double[][] rows) {
    double[] column = new double[rows.length];
    for (int t = 0; t < rows.length; t++) {
      column[t] = rows[t][0];
    }
    return column;
  }
}
