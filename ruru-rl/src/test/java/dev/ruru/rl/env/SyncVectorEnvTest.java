package dev.ruru.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncVectorEnvTest {
  private static SyncVectorEnv vector(int copies, SyncVectorEnv.Autoreset mode) {
    Env[] envs = new Env[copies];
    for (int i = 0; i < copies; i++) {
      envs[i] = Environments.make("cartpole");
    }
    return new SyncVectorEnv(List.of(envs), mode);
  }

  @Test void copyIIsSeededWithSeedPlusI() {
    double[][] observations = vector(3, SyncVectorEnv.Autoreset.SAME_STEP).reset(10);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(Environments.make("cartpole").reset(10 + i), observations[i]);
    }
  }

  @Test void sameStepResetReturnsTheNewEpisodeAndKeepsTheFinalObservation() {
    SyncVectorEnv envs = vector(2, SyncVectorEnv.Autoreset.SAME_STEP);
    envs.reset(0);
    Env single = Environments.make("cartpole");
    single.reset(0);
    VectorStep step;
    StepResult expected;
    do {
      step = envs.step(new int[] {1, 0});
      expected = single.step(1);
      if (!step.done(0)) {
        assertArrayEquals(expected.observation(), step.observations()[0]);
        assertNull(step.finalObservations()[0]);
      }
    } while (!step.done(0));
    assertTrue(step.terminated()[0]);
    assertEquals(1.0, step.rewards()[0]);
    assertArrayEquals(expected.observation(), step.finalObservations()[0]);
    assertArrayEquals(single.reset(), step.observations()[0], "the next episode continues the copy's generator");
  }

  @Test void nextStepResetIgnoresTheActionAndPaysNothing() {
    SyncVectorEnv envs = vector(1, SyncVectorEnv.Autoreset.NEXT_STEP);
    envs.reset(0);
    Env single = Environments.make("cartpole");
    single.reset(0);
    VectorStep step;
    do {
      step = envs.step(new int[] {1});
      single.step(1);
    } while (!step.done(0));
    assertNull(step.finalObservations()[0]);
    VectorStep after = envs.step(new int[] {1});
    assertArrayEquals(single.reset(), after.observations()[0]);
    assertEquals(0.0, after.rewards()[0]);
    assertFalse(after.done(0));
  }

  @Test void aWrongNumberOfActionsIsRefused() {
    SyncVectorEnv envs = vector(2, SyncVectorEnv.Autoreset.SAME_STEP);
    assertThrows(IllegalStateException.class, () -> envs.step(new int[] {0, 0}));
    envs.reset(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> envs.step(new int[] {0}));
    assertEquals("SyncVectorEnv.step: expected 2 actions (one per copy), got 1", e.getMessage());
  }

  @Test void truncationAtTheTimeLimitIsReported() {
    SyncVectorEnv envs = new SyncVectorEnv(List.of(new TimeLimit(new CartPole(), 3)), SyncVectorEnv.Autoreset.SAME_STEP);
    envs.reset(0);
    envs.step(new int[] {0});
    envs.step(new int[] {1});
    VectorStep third = envs.step(new int[] {0});
    assertTrue(third.truncated()[0]);
    assertFalse(third.terminated()[0]);
  }
}
