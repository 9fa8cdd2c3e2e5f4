package dev.ruru.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.rl.Update;
import dev.ruru.train.ResumableRandom;
import org.junit.jupiter.api.Test;

class PrioritizedReplayTest {
  /** Five transitions whose observation is their number, with TD errors 1, 2, 3, 4 and 0. */
  private static PrioritizedReplay replay(double alpha) {
    PrioritizedReplay replay = new PrioritizedReplay(8, 1, alpha);
    for (int k = 0; k < 5; k++) {
      replay.add(new float[] {k}, 0, 0, new float[] {k}, false);
    }
    replay.update(new int[] {0, 1, 2, 3, 4}, new double[] {1, -2, 3, 4, 0});
    return replay;
  }

  @Test void transitionsAreDrawnInProportionToTheirPrioritiesToTheAlpha() {
    for (double alpha : new double[] {1, 0.5}) {
      PrioritizedReplay replay = replay(alpha);
      double[] expected = new double[5];
      double total = 0;
      for (int k = 0; k < 5; k++) {
        expected[k] = Math.pow(new double[] {1, 2, 3, 4, 0}[k] + PrioritizedReplay.MIN_PRIORITY, alpha);
        total += expected[k];
      }
      int[] counts = new int[5];
      int draws = 0;
      ResumableRandom random = new ResumableRandom(3);
      for (int batch = 0; batch < 2000; batch++) {
        for (int slot : replay.sample(10, 1, random).slots()) {
          counts[slot]++;
          draws++;
        }
      }
      for (int k = 0; k < 5; k++) {
        double p = expected[k] / total;
        assertEquals(p, replay.probability(k), 1e-12);
        // Stratified draws vary less than independent ones; 4 binomial standard deviations is a safe bound.
        double bound = 4 * Math.sqrt(draws * p * (1 - p)) + 1;
        assertTrue(Math.abs(counts[k] - draws * p) <= bound, "alpha " + alpha + ", slot " + k + ": drawn " + counts[k] + " times of " + draws
            + ", expected " + draws * p + " ± " + bound);
      }
    }
  }

  @Test void importanceWeightsAreInverseProbabilitiesToTheBetaOverTheBatchMaximum() {
    PrioritizedReplay replay = replay(1);
    for (double beta : new double[] {1, 0.4}) {
      PrioritizedReplay.Sample sample = replay.sample(4, beta, new ResumableRandom(5));
      int[] slots = sample.slots();
      float[] features = sample.batch().features().toFloatArray();
      double largest = 0;
      for (int slot : slots) {
        largest = Math.max(largest, Math.pow(5 * replay.probability(slot), -beta));
      }
      for (int j = 0; j < slots.length; j++) {
        assertEquals(slots[j], features[j * 5], "the batch holds the drawn transitions in order");
        assertEquals(Math.pow(5 * replay.probability(slots[j]), -beta) / largest, features[j * 5 + 4], 1e-6, "beta " + beta + ", row " + j);
      }
    }
  }

  @Test void aNewTransitionGetsTheLargestPrioritySeenAndTheStateRoundTrips() {
    PrioritizedReplay replay = replay(1);
    replay.add(new float[] {5}, 1, 1, new float[] {6}, true);
    assertEquals(replay.probability(3), replay.probability(5), 1e-12, "slot 5 must start at the largest priority so far, 4");
    PrioritizedReplay copy = new PrioritizedReplay(8, 1, 1);
    copy.restoreState(replay.saveState());
    for (int slot = 0; slot < 6; slot++) {
      assertEquals(replay.probability(slot), copy.probability(slot), 0);
    }
    assertArrayEquals(replay.sample(16, 0.7, new ResumableRandom(9)).slots(), copy.sample(16, 0.7, new ResumableRandom(9)).slots());
  }

  @Test void aPrioritizedDqnRunResumesExactly() {
    DqnConfig small = new DqnConfig(2000, 200, 64, 8, 32, 0.99, 2.3e-3, 8, 1000, 0.04, 10, true, DqnConfig.Replay.UNIFORM, 0.6, 0.4,
        new int[] {32}).withPrioritizedReplay();
    Dqn dqn = new Dqn("cartpole", small, 4, 1280);
    for (int k = 0; k < 8; k++) {
      dqn.iterate();
    }
    Dqn resumed = new Dqn("cartpole", small, 4, 1280);
    resumed.resume(dqn.checkpoint());
    Update last = null;
    Update lastResumed = null;
    while (!dqn.finished()) {
      last = dqn.iterate();
      lastResumed = resumed.iterate();
    }
    assertArrayEquals(dqn.collector().log().returns(), resumed.collector().log().returns());
    assertEquals(last.metrics(), lastResumed.metrics());
  }
}
