package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;
import java.util.List;

/**
 * Judges a position without searching it: a prior over the moves (which are worth a look) and a value
 * (who is ahead). AlphaZero's network is one; a uniform prior with a random game's result is another.
 */
public interface Evaluator {
  /** The prior and value of {@code position}, which is not terminal. */
  Evaluation evaluate(Position position);

  /**
   * The evaluations of {@code positions} (none terminal), in order: one at a time unless an evaluator
   * can do better (a network evaluates them as one batch).
   */
  default List<Evaluation> evaluateAll(List<Position> positions) {
    return positions.stream().map(this::evaluate).toList();
  }

  /**
   * @param priors one probability per action, 0 on illegal moves, summing to 1 over the legal ones
   * @param value the expected result for the player to move, in [-1, 1]
   */
  record Evaluation(float[] priors, double value) {
    public Evaluation {
      priors = priors.clone();
    }

    @Override public float[] priors() { return priors.clone(); }

    @Override
    public boolean equals(Object other) {
      return other instanceof Evaluation that && java.util.Arrays.equals(priors, that.priors) && value == that.value;
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(priors) + Double.hashCode(value);
    }

    @Override
    public String toString() {
      return "Evaluation[priors=" + java.util.Arrays.toString(priors) + ", value=" + value + "]";
    }
  }
}
