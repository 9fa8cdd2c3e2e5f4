package dev.ruru.rl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenLakeTest {
  @Test void transitionTablesMatchThePythonTranscription() {
    JsonNode lakes = Fixtures.read("classic_trajectories.json").get("frozen_lake");
    check(lakes.get("4x4-deterministic"), new FrozenLake(FrozenLake.MAP_4X4, false));
    check(lakes.get("4x4-slippery"), new FrozenLake(FrozenLake.MAP_4X4, true));
    check(lakes.get("8x8-deterministic"), new FrozenLake(FrozenLake.MAP_8X8, false));
    check(lakes.get("8x8-slippery"), new FrozenLake(FrozenLake.MAP_8X8, true));
  }

  private static void check(JsonNode table, FrozenLake lake) {
    assertEquals(table.size(), lake.observationSpace().n());
    for (int s = 0; s < table.size(); s++) {
      for (int a = 0; a < 4; a++) {
        JsonNode expected = table.get(s).get(a);
        List<Transition> actual = lake.transitions(s, a);
        assertEquals(expected.size(), actual.size(), "P[" + s + "][" + a + "]");
        for (int k = 0; k < actual.size(); k++) {
          JsonNode e = expected.get(k);
          Transition t = actual.get(k);
          String where = "P[" + s + "][" + a + "][" + k + "]";
          assertEquals(e.get(0).asDouble(), t.probability(), where);
          assertEquals(e.get(1).asInt(), t.nextState(), where);
          assertEquals(e.get(2).asDouble(), t.reward(), where);
          assertEquals(e.get(3).asBoolean(), t.terminated(), where);
        }
      }
    }
  }

  @Test void theShortestDeterministicPathReachesTheGoalWithRewardOne() {
    Env env = Environments.make("frozenlake-deterministic");
    assertEquals(0.0, env.reset(0)[0]);
    int[] path = {1, 1, 2, 2, 1, 2};            // down, down, right, right, down, right
    StepResult step = null;
    for (int action : path) {
      step = env.step(action);
    }
    assertEquals(15.0, step.observation()[0]);
    assertEquals(1.0, step.reward());
    assertTrue(step.terminated());
  }

  @Test void aHoleTerminatesWithoutReward() {
    Env env = Environments.make("frozenlake-deterministic");
    env.reset(0);
    env.step(2);
    StepResult step = env.step(1);                // into the hole at row 1, column 1
    assertEquals(5.0, step.observation()[0]);
    assertEquals(0.0, step.reward());
    assertTrue(step.terminated());
  }

  @Test void slipperyMovesFollowTheirProbabilities() {
    FrozenLake lake = new FrozenLake(FrozenLake.MAP_4X4, true);
    int[] counts = new int[16];
    lake.reset(5);
    for (int k = 0; k < 30000; k++) {
      lake.reset();
      counts[(int) lake.step(2).observation()[0]]++;   // right from S: up (stay), right, down with 1/3 each
    }
    assertEquals(10000, counts[0], 300);
    assertEquals(10000, counts[1], 300);
    assertEquals(10000, counts[4], 300);
  }

  @Test void theTimeLimitTruncatesAfterAHundredSteps() {
    Env env = Environments.make("frozenlake-deterministic");
    env.reset(0);
    StepResult step = null;
    for (int k = 0; k < 100; k++) {
      step = env.step(0);                           // left into the wall: stays on S
    }
    assertTrue(step.truncated());
    assertFalse(step.terminated());
  }

  @Test void aMapWithoutAStartIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrozenLake(List.of("FF", "FG"), false));
    assertEquals("FrozenLake: the map must have exactly one S; it has 0", e.getMessage());
  }
}
