package dev.ruru.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AcrobotTest {
  @Test void trajectoriesMatchThePythonTranscription() {
    int index = 0;
    for (JsonNode c : Fixtures.read("acrobot_trajectories.json").get("cases")) {
      Acrobot raw = new Acrobot();
      Env env = new OrderEnforcing(new TimeLimit(raw, 500));
      env.reset(0);
      raw.resetTo(Fixtures.doubles(c.get("initial")));
      for (int t = 0; t < c.get("actions").size(); t++) {
        StepResult step = env.step(c.get("actions").get(t).asInt());
        String where = "case " + index + " step " + t;
        double[] state = Fixtures.doubles(c.get("states").get(t));
        long[] words = raw.saveState();
        for (int k = 0; k < 4; k++) {
          // numpy's and fdlibm's sines and cosines may differ by an ulp; Runge-Kutta keeps the drift tiny.
          assertEquals(state[k], Double.longBitsToDouble(words[k]), 1e-9 * Math.max(1, Math.abs(state[k])), where + " state " + k);
        }
        assertArrayEquals(Fixtures.doubles(c.get("observations").get(t)), step.observation(), 1e-6, where);
        assertEquals(c.get("rewards").get(t).asDouble(), step.reward(), where);
        assertEquals(c.get("terminated").get(t).asBoolean(), step.terminated(), where);
      }
      index++;
    }
    assertEquals(3, index);
  }

  @Test void theSwingingCaseReachesTheBarWithRewardZero() {
    JsonNode last = Fixtures.read("acrobot_trajectories.json").get("cases").get(2);
    int steps = last.get("actions").size();
    assertTrue(steps < 500 && last.get("terminated").get(steps - 1).asBoolean());
    assertEquals(0.0, last.get("rewards").get(steps - 1).asDouble());
  }

  @Test void resetDrawsFromPlusMinusATenthAndTheLimitIsFiveHundredSteps() {
    Env env = Environments.make("acrobot");
    double[] observation = env.reset(4);
    assertEquals(6, observation.length);
    assertTrue(Math.abs(observation[4]) <= 0.1 && Math.abs(observation[5]) <= 0.1);
    StepResult step = null;
    int steps = 0;
    do {
      step = env.step(1);
      steps++;
    } while (!step.done());
    assertEquals(500, steps);
    assertTrue(step.truncated());
  }
}
