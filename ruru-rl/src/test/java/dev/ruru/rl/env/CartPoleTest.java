package dev.ruru.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CartPoleTest {
  /** The dynamics run in double exactly as the Python port's: states are compared bit for bit, observations as float32. */
  @Test void trajectoriesMatchThePythonTranscriptionStepByStep() {
    JsonNode cases = Fixtures.read("cartpole_trajectories.json").get("cases");
    assertEquals(5, cases.size());
    int index = 0;
    for (JsonNode c : cases) {
      CartPole raw = new CartPole();
      Env env = new OrderEnforcing(new TimeLimit(raw, 500));
      env.reset(0);
      raw.resetTo(Fixtures.doubles(c.get("initial")));
      int steps = c.get("actions").size();
      for (int t = 0; t < steps; t++) {
        StepResult step = env.step(c.get("actions").get(t).asInt());
        String where = "case " + index + " step " + t;
        assertArrayEquals(Fixtures.doubles(c.get("observations").get(t)), step.observation(), 1e-6, where);
        double[] state = Fixtures.doubles(c.get("states").get(t));
        long[] words = raw.saveState();
        for (int k = 0; k < 4; k++) {
          assertEquals(state[k], Double.longBitsToDouble(words[k]), where + " state " + k + " (bit-identical)");
        }
        assertEquals(c.get("rewards").get(t).asDouble(), step.reward(), where);
        assertEquals(c.get("terminated").get(t).asBoolean(), step.terminated(), where);
        assertEquals(c.get("truncated").get(t).asBoolean(), step.truncated(), where);
      }
      index++;
    }
  }

  @Test void theBalancingCaseIsTruncatedAtFiveHundredSteps() {
    JsonNode last = Fixtures.read("cartpole_trajectories.json").get("cases").get(4);
    assertEquals(500, last.get("actions").size());
    assertTrue(last.get("truncated").get(499).asBoolean());
    assertFalse(last.get("terminated").get(499).asBoolean());
  }

  @Test void resetDrawsEveryElementFromUniformPlusMinusFiveHundredths() {
    Env env = Environments.make("CartPole-v1");
    double[] lowest = {1, 1, 1, 1};
    double[] highest = {-1, -1, -1, -1};
    for (int seed = 0; seed < 2000; seed++) {
      double[] observation = env.reset(seed);
      for (int k = 0; k < 4; k++) {
        lowest[k] = Math.min(lowest[k], observation[k]);
        highest[k] = Math.max(highest[k], observation[k]);
      }
    }
    for (int k = 0; k < 4; k++) {
      assertTrue(lowest[k] >= -0.05 && lowest[k] < -0.049, "lowest " + lowest[k]);
      assertTrue(highest[k] <= 0.05 && highest[k] > 0.049, "highest " + highest[k]);
    }
  }

  @Test void theSameSeedGivesTheSameEpisodeAndResetContinuesTheGenerator() {
    Env first = Environments.make("cartpole");
    Env second = Environments.make("cartpole");
    assertArrayEquals(first.reset(3), second.reset(3));
    double[] next = first.reset();
    assertFalse(java.util.Arrays.equals(next, second.reset(3)));
    assertArrayEquals(next, second.reset());
  }

  @Test void anActionOutsideTheSpaceIsRefusedWithTheSpaceNamed() {
    Env env = Environments.make("cartpole");
    env.reset(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(2));
    assertEquals("CartPole-v1.step: action 2 is outside the action space Discrete(2); expected an integer in [0, 1]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CartPole().step(-1));
  }

  @Test void steppingAFinishedEpisodeWithoutResetIsRefused() {
    Env env = Environments.make("cartpole");
    env.reset(1);
    int steps = 0;
    while (!env.step(1).done()) {
      steps++;
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
    assertEquals("CartPole-v1.step: the episode ended (terminated) after " + (steps + 1) + " steps; call reset() before stepping again", e.getMessage());
    env.reset();
    env.step(0);
  }

  @Test void steppingBeforeResetIsRefused() {
    IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> Environments.make("cartpole").step(0));
    assertTrue(wrapped.getMessage().contains("call reset(seed) before the first step"), wrapped.getMessage());
    assertThrows(IllegalStateException.class, () -> new CartPole().step(0));
  }

  @Test void savedStateContinuesExactly() {
    Env env = Environments.make("cartpole");
    env.reset(9);
    env.step(1);
    long[] saved = env.saveState();
    StepResult expected = env.step(0);
    double[] nextEpisode = env.reset();
    Env other = Environments.make("cartpole");
    other.loadState(saved);
    assertEquals(expected, other.step(0));
    assertArrayEquals(nextEpisode, other.reset());
  }

  @Test void anUnknownEnvironmentNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Environments.make("pong"));
    assertTrue(e.getMessage().startsWith("Environments.make: unknown environment 'pong'; known: [cartpole (CartPole-v1)"), e.getMessage());
  }
}
