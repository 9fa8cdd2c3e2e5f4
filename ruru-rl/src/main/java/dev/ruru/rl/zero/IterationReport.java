package dev.ruru.rl.zero;

import dev.ruru.rl.games.ArenaResult;
import java.util.Map;

/**
 * What one AlphaZero iteration did: the examples it added and held, the training step metrics (means
 * over the iteration's steps), the arena of the new network against the best (null without an arena),
 * whether the new network became the best, and the seconds it took.
 */
public record IterationReport(int iteration, int newExamples, int replaySize, Map<String, Double> training, ArenaResult arena,
    boolean accepted, double seconds) {
  public IterationReport {
    training = Map.copyOf(training);
  }
}
