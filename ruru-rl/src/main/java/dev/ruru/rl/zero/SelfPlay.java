package dev.ruru.rl.zero;

import dev.ruru.rl.games.Position;
import dev.ruru.rl.games.Symmetry;
import dev.ruru.rl.search.Puct;
import dev.ruru.rl.search.RootNoise;
import dev.ruru.rl.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One game of a network against itself, the data AlphaZero learns from: at every move a PUCT search with
 * Dirichlet noise at the root; the visit distribution ({@code τ = 1}) is the policy target; the move is
 * sampled from it in the first {@link ZeroConfig#temperaturePlies()} moves and the most visited later;
 * when the game ends each position gets the result for the player who was to move there. Every example
 * is returned under each of the board's symmetries.
 */
public final class SelfPlay {
  private SelfPlay() {}

  private record Step(float[] encoding, float[] policy, int player) {}

  /** Plays one game with {@code network} on both sides and returns its examples, augmented by the symmetries. */
  public static List<Example> play(PolicyValueNet network, ZeroConfig config, RandomGenerator rng) {
    Puct search = new Puct(new NetworkEvaluator(network), config.simulations(), ZeroPlayer.EXPLORATION,
        new RootNoise(config.dirichletAlpha(), config.noiseFraction()), rng);
    Position position = config.game().start();
    List<Step> steps = new ArrayList<>();
    while (!position.isTerminal()) {
      SearchResult result = search.search(position);
      float[] policy = result.policy(1);
      steps.add(new Step(position.encode(), policy, position.player()));
      int move = position.ply() < config.temperaturePlies() ? sample(policy, rng) : result.bestMove();
      position = position.play(move);
    }
    List<Example> examples = new ArrayList<>();
    for (Step step : steps) {
      float result = (float) position.result(step.player());
      for (Symmetry symmetry : config.game().symmetries()) {
        examples.add(new Example(symmetry.mapEncoding(step.encoding()), symmetry.mapPolicy(step.policy()), result));
      }
    }
    return examples;
  }

  /** An index drawn with probability {@code probabilities[i]} (which sum to 1). */
  static int sample(float[] probabilities, RandomGenerator rng) {
    double draw = rng.nextDouble();
    double cumulative = 0;
    int last = 0;
    for (int index = 0; index < probabilities.length; index++) {
      if (probabilities[index] > 0) {
        cumulative += probabilities[index];
        last = index;
        if (draw < cumulative) {
          return index;
        }
      }
    }
    return last; // rounding left the sum a little under 1
  }
}
