package dev.ruru.rl.search;

import static dev.ruru.rl.games.ConnectionGame.CONNECT_FOUR;
import static dev.ruru.rl.games.ConnectionGame.TIC_TAC_TOE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.rl.games.MinimaxPlayer;
import dev.ruru.rl.games.Position;
import dev.ruru.rl.games.RandomPlayer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PuctTest {
  /** A uniform prior over the legal moves and a random game's result as the value: PUCT without a network. */
  private static Evaluator rollouts(RandomGenerator rng) {
    return position -> {
      boolean[] legal = position.legalMoves();
      int count = 0;
      for (boolean isLegal : legal) {
        count += isLegal ? 1 : 0;
      }
      float[] priors = new float[legal.length];
      for (int action = 0; action < legal.length; action++) {
        priors[action] = legal[action] ? 1f / count : 0;
      }
      Position end = position;
      while (!end.isTerminal()) {
        end = end.play(RandomPlayer.randomLegalMove(end, rng));
      }
      return new Evaluator.Evaluation(priors, end.result(position.player()));
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8})
  void findsTheWinAndTheBlockWithRolloutValues(int leafBatch) {
    SplittableRandom rng = new SplittableRandom(3);
    Puct puct = new Puct(rollouts(rng), 800, 1.5, null, rng, leafBatch);
    assertEquals(3, puct.search(CONNECT_FOUR.after(0, 0, 1, 1, 2, 6)).bestMove(), "win across the bottom");
    assertEquals(3, puct.search(CONNECT_FOUR.after(0, 6, 1, 6, 2)).bestMove(), "block across the bottom");
    assertEquals(3, puct.search(CONNECT_FOUR.after(3, 4, 3, 4, 3)).bestMove(), "block the column");
    // X . . X X . . : 1 or 4 makes an open three _XXX_ that wins next move whatever O does.
    assertTrue(Set.of(1, 4).contains(puct.search(CONNECT_FOUR.after(2, 6, 3, 6)).bestMove()), "the double threat");
  }

  @Test
  void oneLeafABatchIsTheSequentialSearchNumberForNumber() {
    RootNoise noise = new RootNoise(1.0, 0.25);
    for (Position position : List.of(CONNECT_FOUR.start(), CONNECT_FOUR.after(3, 3, 2, 4), CONNECT_FOUR.after(0, 0, 1, 1, 2, 6), TIC_TAC_TOE.after(4))) {
      SplittableRandom expectedRandom = new SplittableRandom(11);
      SearchResult expected = SequentialPuct.search(rollouts(expectedRandom), 300, 1.5, noise, expectedRandom, position);
      SplittableRandom random = new SplittableRandom(11);
      SearchResult batchOfOne = new Puct(rollouts(random), 300, 1.5, noise, random, 1).search(position);
      assertEquals(expected, batchOfOne, position.toString());
      assertEquals(expectedRandom.nextLong(), random.nextLong(), "the same draws in the same order");
    }
  }

  @Test
  void batchedSearchSpendsEverySimulationInBatchesOfAtMostTheLeafBatchAndRepeatsForASeed() {
    List<Integer> batches = new ArrayList<>();
    Evaluator counting = new Evaluator() {
      private final Evaluator inner = rollouts(new SplittableRandom(8));

      @Override public Evaluation evaluate(Position position) { return inner.evaluate(position); }

      @Override public List<Evaluation> evaluateAll(List<Position> positions) {
        batches.add(positions.size());
        assertEquals(positions.size(), new HashSet<>(positions).size(), "a batch evaluates each leaf once: " + positions);
        return Evaluator.super.evaluateAll(positions);
      }
    };
    Position position = CONNECT_FOUR.after(3, 3);
    SearchResult first = new Puct(counting, 400, 1.5, new RootNoise(1.0, 0.25), new SplittableRandom(9), 8).search(position);
    assertEquals(400, IntStream.of(first.visits()).sum(), first.toString());
    assertTrue(batches.stream().allMatch(size -> size >= 1 && size <= 8), batches.toString());
    assertTrue(batches.size() < 400 / 4, "mostly full batches: " + batches.size() + " calls for 400 simulations");
    SearchResult second = new Puct(rollouts(new SplittableRandom(8)), 400, 1.5, new RootNoise(1.0, 0.25), new SplittableRandom(9), 8).search(position);
    assertEquals(first, second);
  }

  @Test
  void exactValuesMakeItPlayTheMinimaxMove() {
    // An evaluator that knows the game-theoretic value (scaled to [-1, 1]) and nothing about moves.
    Evaluator exact = position -> {
      float[] priors = new float[9];
      boolean[] legal = position.legalMoves();
      for (int action = 0; action < 9; action++) {
        priors[action] = legal[action] ? 1 : 0;
      }
      return new Evaluator.Evaluation(priors, Math.signum(MinimaxPlayer.value(position)));
    };
    Position mustBlock = TIC_TAC_TOE.after(0, 4, 8, 1);
    SearchResult result = new Puct(exact, 200, 1.5, null, new SplittableRandom(1)).search(mustBlock);
    assertEquals(7, result.bestMove(), result.toString());
    assertTrue(Math.abs(result.value()) < 0.3, "a drawn position's value is near 0: " + result);
  }

  @Test
  void rootNoiseIsADistributionOverTheLegalMoves() {
    boolean[] legal = {true, false, true, true};
    float[] priors = {0.5f, 0, 0.25f, 0.25f};
    float[] noisy = new RootNoise(0.3, 0.25).apply(priors, legal, new SplittableRandom(4));
    assertEquals(0f, noisy[1]);
    assertEquals(1.0, noisy[0] + noisy[2] + noisy[3], 1e-6);
    assertTrue(noisy[0] >= 0.375f - 1e-6, "at least (1 - 0.25) of the prior stays: " + noisy[0]);
    double sum = 0;
    SplittableRandom rng = new SplittableRandom(5);
    for (int sample = 0; sample < 20_000; sample++) {
      sum += RootNoise.gamma(0.3, rng);
    }
    assertEquals(0.3, sum / 20_000, 0.02, "Gamma(0.3) has mean 0.3");
  }
}
