package dev.ruru.rl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.rl.rollout.EpisodeLog;
import dev.ruru.train.ResumableRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SolveCheckTest {
  /** A linear CartPole policy: push right when 0.1·x + 0.5·ẋ + θ + θ̇ > 0 (it balances all 500 steps), or always left. */
  private static ActorCritic controller(boolean balancing) {
    var env = Environments.make("cartpole");
    ActorCritic policy = new ActorCritic(env.observationSpace(), env.actionSpace(), new int[] {}, new ResumableRandom(0));
    float[] weights = balancing ? new float[] {0, 0, 0, 0, 0.1f, 0.5f, 1, 1} : new float[8];
    policy.actor().loadStateDict(Map.of("0.weight", NDArray.of(weights, 2, 4), "0.bias", NDArray.of(new float[] {balancing ? 0 : 1, 0}, 2)));
    return policy;
  }

  private static EpisodeLog episodes(int count, double episodeReturn) {
    EpisodeLog log = new EpisodeLog(1);
    for (int e = 0; e < count; e++) {
      log.add(0, episodeReturn, true, e);
    }
    return log;
  }

  @Test void aBalancingPolicyIsSolvedAtTheFirstScreenAndOnlyOnce() {
    SolveCheck check = new SolveCheck("cartpole", 1, 0);
    ActorCritic policy = controller(true);
    assertEquals(Optional.empty(), check.afterIteration(policy, 2000, episodes(10, 20)), "no screen before 2,500 steps");
    Optional<SolveCheck.Solved> solved = check.afterIteration(policy, 2600, episodes(12, 20));
    assertEquals(Optional.of(new SolveCheck.Solved(2600, 12, 500.0)), solved);
    assertEquals(Optional.empty(), check.afterIteration(policy, 5200, episodes(20, 20)), "a solve is reported once");
    assertEquals(solved, check.solved());
  }

  @Test void trainingEpisodesAtTheThresholdTriggerACheckBetweenScreens() {
    SolveCheck check = new SolveCheck("cartpole", 1, 0);
    assertEquals(Optional.of(new SolveCheck.Solved(300, 100, 500.0)), check.afterIteration(controller(true), 300, episodes(100, 480)));
  }

  @Test void aFailingPolicyIsNeverSolved() {
    SolveCheck check = new SolveCheck("cartpole", 1, 0);
    ActorCritic policy = controller(false);
    assertTrue(RlEvaluation.run(policy, "cartpole", 3, 0, false).mean() < 20, "always pushing left fails at once");
    for (long steps = 2500; steps <= 10_000; steps += 2500) {
      assertEquals(Optional.empty(), check.afterIteration(policy, steps, episodes(100, 480)));
    }
    assertEquals(Optional.empty(), check.solved());
  }
}
