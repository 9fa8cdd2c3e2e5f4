package dev.ruru.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MountainCarTest {
  @Test void trajectoriesMatchThePythonTranscription() {
    int index = 0;
    for (JsonNode c : Fixtures.read("classic_trajectories.json").get("mountain_car")) {
      MountainCar raw = new MountainCar();
      Env env = new OrderEnforcing(new TimeLimit(raw, 200));
      env.reset(0);
      double[] initial = Fixtures.doubles(c.get("initial"));
      raw.resetTo(initial[0], initial[1]);
      for (int t = 0; t < c.get("actions").size(); t++) {
        StepResult step = env.step(c.get("actions").get(t).asInt());
        String where = "case " + index + " step " + t;
        double[] state = Fixtures.doubles(c.get("states").get(t));
        long[] words = raw.saveState();
        // fdlibm's cos (StrictMath) and glibc's may differ by an ulp: a few ulps of drift, no more.
        assertEquals(state[0], Double.longBitsToDouble(words[0]), 1e-15, where + " position");
        assertEquals(state[1], Double.longBitsToDouble(words[1]), 1e-15, where + " velocity");
        assertArrayEquals(Fixtures.doubles(c.get("observations").get(t)), step.observation(), 1e-7, where);
        assertEquals(-1.0, step.reward());
        assertEquals(c.get("terminated").get(t).asBoolean(), step.terminated(), where);
        assertEquals(c.get("truncated").get(t).asBoolean(), step.truncated(), where);
      }
      index++;
    }
    assertEquals(4, index);
  }

  @Test void resetStartsAtRestBetweenMinusSixAndMinusFourTenths() {
    Env env = Environments.make("mountaincar");
    for (int seed = 0; seed < 200; seed++) {
      double[] observation = env.reset(seed);
      assertTrue(observation[0] >= -0.6 && observation[0] <= -0.4, "position " + observation[0]);
      assertEquals(0.0, observation[1]);
    }
  }

  @Test void actionThreeIsOutsideTheSpace() {
    Env env = Environments.make("mountaincar");
    env.reset(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(3));
    assertEquals("MountainCar-v0.step: action 3 is outside the action space Discrete(3); expected an integer in [0, 2]", e.getMessage());
  }
}
