package dev.ruru.rl.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.rl.env.Environments;
import dev.ruru.rl.env.FrozenLake;
import dev.ruru.rl.env.StepResult;
import dev.ruru.rl.env.TimeLimit;
import dev.ruru.train.ResumableRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TabularTest {
  /** On a deterministic lake the optimal value is closed-form: γ^(d − 1), d the fewest steps to G avoiding holes. */
  @Test void valueIterationOnTheDeterministicLakeIsGammaToTheDistance() {
    for (var map : java.util.List.of(FrozenLake.MAP_4X4, FrozenLake.MAP_8X8)) {
      FrozenLake lake = new FrozenLake(map, false);
      ValueIteration.Solution solution = ValueIteration.solve(lake, 0.9, 1e-12);
      int[] distance = distancesToGoal(lake);
      for (int s = 0; s < distance.length; s++) {
        char cell = lake.cell(s);
        double expected = cell == 'H' || cell == 'G' || distance[s] < 0 ? 0 : Math.pow(0.9, distance[s] - 1);
        assertEquals(expected, solution.values()[s], 1e-10, "state " + s + " (" + cell + ")");
      }
    }
  }

  /** Breadth-first search backwards from G over non-hole cells. */
  private static int[] distancesToGoal(FrozenLake lake) {
    int n = lake.observationSpace().n();
    int[] distance = new int[n];
    Arrays.fill(distance, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s = 0; s < n; s++) {
      if (lake.cell(s) == 'G') {
        distance[s] = 0;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int from = 0; from < n; from++) {
        if (distance[from] < 0 && lake.cell(from) != 'H' && lake.cell(from) != 'G' && reaches(lake, from, s)) {
          distance[from] = distance[s] + 1;
          queue.add(from);
        }
      }
    }
    return distance;
  }

  private static boolean reaches(FrozenLake lake, int from, int to) {
    for (int a = 0; a < 4; a++) {
      if (lake.transitions(from, a).get(0).nextState() == to) {
        return true;
      }
    }
    return false;
  }

  /** The greedy policy of value iteration, played on the slippery lake, earns V*(start) on average. */
  @Test void valueIterationsSlipperyValueIsWhatItsPolicyEarns() {
    FrozenLake lake = new FrozenLake(FrozenLake.MAP_4X4, true);
    ValueIteration.Solution solution = ValueIteration.solve(lake, 0.99, 1e-12);
    int[] policy = solution.policy();
    lake.reset(17);
    double total = 0;
    int episodes = 20_000;
    for (int e = 0; e < episodes; e++) {
      int state = (int) lake.reset()[0];
      double discount = 1;
      StepResult step;
      do {
        step = lake.step(policy[state]);
        total += discount * step.reward();
        discount *= 0.99;
        state = (int) step.observation()[0];
      } while (!step.done());
    }
    // V*(0) = 0.5420 for γ = 0.99; the mean of 20,000 returns in [0, 1] is within 0.011 of it (3 σ).
    assertEquals(solution.values()[0], total / episodes, 0.011);
    assertEquals(0.542, solution.values()[0], 0.001);
  }

  @Test void qLearningWithRandomBehaviourFindsTheOptimalActionValues() {
    FrozenLake lake = new FrozenLake(FrozenLake.MAP_4X4, false);
    double[][] optimal = ValueIteration.solve(lake, 0.9, 1e-12).actionValues();
    QLearning learner = new QLearning(lake.observationSpace(), lake.actionSpace(), 0.5, 0.9);
    TimeLimit env = new TimeLimit(lake, 100);
    env.reset(3);
    ResumableRandom random = new ResumableRandom(4);
    for (int e = 0; e < 3000; e++) {
      learner.episode(env, 1.0, random);
    }
    double[][] learned = learner.actionValues();
    for (int s = 0; s < 16; s++) {
      if (lake.cell(s) == 'F' || lake.cell(s) == 'S') {
        assertArrayEquals(optimal[s], learned[s], 1e-3, "Q(" + s + ", ·)");
      }
    }
  }

  @Test void qLearningNeedsDiscreteObservations() {
    QLearning learner = new QLearning(new dev.ruru.rl.env.Discrete(4), new dev.ruru.rl.env.Discrete(2), 0.1, 0.9);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> learner.episode(Environments.make("cartpole"), 0.1, new ResumableRandom(1)));
    assertEquals("QLearning: CartPole-v1 has observations Box([-4.8, -Infinity, -0.41887902047863906, -Infinity], "
        + "[4.8, Infinity, 0.41887902047863906, Infinity]); a table needs discrete ones", e.getMessage());
  }

  @Test void policyIterationFindsValueIterationsValuesAndAnOptimalPolicy() {
    for (boolean slippery : new boolean[] {false, true}) {
      FrozenLake lake = new FrozenLake(FrozenLake.MAP_8X8, slippery);
      ValueIteration.Solution optimal = ValueIteration.solve(lake, 0.95, 1e-12);
      PolicyIteration.Solution solution = PolicyIteration.solve(lake, 0.95, 1e-12);
      assertArrayEquals(optimal.values(), solution.values(), 1e-9, "slippery " + slippery);
      for (int s = 0; s < 64; s++) {
        double[] q = optimal.actionValues()[s];
        assertEquals(q[optimal.policy()[s]], q[solution.policy()[s]], 1e-9, "state " + s + ": the chosen action is optimal");
      }
      assertTrue(solution.improvements() < 20, "improvements " + solution.improvements());
    }
  }

  @Test void sarsaWithDecayingExplorationLearnsTheDeterministicLakesOptimalPath() {
    FrozenLake lake = new FrozenLake(FrozenLake.MAP_4X4, false);
    Sarsa learner = new Sarsa(lake.observationSpace(), lake.actionSpace(), 0.5, 0.9);
    TimeLimit env = new TimeLimit(lake, 100);
    env.reset(3);
    ResumableRandom random = new ResumableRandom(4);
    for (int e = 0; e < 3000; e++) {
      learner.episode(env, Math.max(0.01, 1.0 - e / 1500.0), random);
    }
    double[][] optimal = ValueIteration.solve(lake, 0.9, 1e-12).actionValues();
    double[][] learned = learner.actionValues();
    // Along the greedy path the values are the optimal ones (nearly: ε is 0.01 at the end).
    int state = 0;
    for (int step = 0; step < 6; step++) {
      int action = QTable.argmax(learned[state]);
      assertEquals(optimal[state][QTable.argmax(optimal[state])], learned[state][action], 0.02, "state " + state);
      state = lake.transitions(state, action).get(0).nextState();
    }
    assertEquals(15, state, "six greedy steps reach the goal");
  }
}
