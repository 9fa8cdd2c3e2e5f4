package dev.ruru.rl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.rl.env.Box;
import dev.ruru.rl.env.Discrete;
import dev.ruru.train.ResumableRandom;
import org.junit.jupiter.api.Test;

class ActorCriticTest {
  @Test void discreteObservationsEnterOneHot() {
    ActorCritic policy = new ActorCritic(new Discrete(4), new Discrete(2), new int[] {8}, new ResumableRandom(1));
    assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 0}, policy.encode(new double[][] {{2}, {0}}).toFloatArray());
    assertEquals(4, policy.inputSize());
  }

  @Test void theFirstPolicyIsNearlyUniformAndSamplingIsSeeded() {
    ActorCritic policy = new ActorCritic(new Box(new double[] {-1, -1}, new double[] {1, 1}), new Discrete(3), new int[] {16}, new ResumableRandom(2));
    double[][] rows = {{0.5, -0.5}, {0.1, 0.2}};
    ActorCritic.Decision first = policy.act(rows, new ResumableRandom(9));
    ActorCritic.Decision again = policy.act(rows, new ResumableRandom(9));
    assertArrayEquals(first.actions(), again.actions());
    for (double logProbability : first.logProbabilities()) {
      assertTrue(Math.abs(logProbability - Math.log(1.0 / 3)) < 0.05, "log-probability " + logProbability + " should be near log(1/3)");
    }
  }

  @Test void anObservationOfTheWrongSizeIsRefused() {
    ActorCritic policy = new ActorCritic(new Box(new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1}), new Discrete(2), new int[] {4},
        new ResumableRandom(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy.greedy(new double[][] {{1, 2}}));
    assertEquals("ActorCritic: the policy takes observations of 4 numbers, got 2; was it trained on another environment?", e.getMessage());
  }
}
