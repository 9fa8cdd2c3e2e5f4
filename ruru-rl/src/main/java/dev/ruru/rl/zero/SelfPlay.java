package dev.ruru.rl.zero;

import dev.ruru.rl.games.Position;
import dev.ruru.rl.games.Symmetry;
import dev.ruru.rl.search.Evaluator;
import dev.ruru.rl.search.Puct;
import dev.ruru.rl.search.PuctTree;
import dev.ruru.rl.search.RootNoise;
import dev.ruru.rl.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Games of a network against itself, the data AlphaZero learns from: at every move a PUCT search with
 * Dirichlet noise at the root; the visit distribution ({@code τ = 1}) is the policy target; the move is
 * sampled from it in the first {@link ZeroConfig#temperaturePlies()} moves and the most visited later;
 * when the game ends each position gets the result for the player who was to move there. Every example
 * is returned under each of the board's symmetries. Several games are played side by side, and the
 * leaves all their searches collect ({@link ZeroConfig#leafBatch()} each) go through the network in one
 * call: a batch amortises a network's cost, a convolutional one's most. The games take their turns in a
 * fixed order, so the same seed gives the same games.
 */
public final class SelfPlay {
  private SelfPlay() {}

  private record Step(float[] encoding, float[] policy, int player) {}

  /** One game in progress: its position, the search of its next move, and the positions searched so far. */
  private static final class GameInPlay {
    Position position;
    PuctTree search;
    final List<Step> steps = new ArrayList<>();
    int leaves;

    GameInPlay(Position start) {
      this.position = start;
    }
  }

  /** Plays one game with {@code network} on both sides and returns its examples, augmented by the symmetries. */
  public static List<Example> play(PolicyValueNet network, ZeroConfig config, RandomGenerator rng) {
    return play(network, config, rng, 1);
  }

  /** Plays {@code games} games side by side with {@code network} on both sides and returns their examples, game after game. */
  public static List<Example> play(PolicyValueNet network, ZeroConfig config, RandomGenerator rng, int games) {
    Puct puct = new Puct(new NetworkEvaluator(network), config.simulations(), ZeroPlayer.EXPLORATION,
        new RootNoise(config.dirichletAlpha(), config.noiseFraction()), rng, config.leafBatch());
    List<GameInPlay> playing = new ArrayList<>();
    for (int game = 0; game < games; game++) {
      playing.add(new GameInPlay(config.game().start()));
    }
    List<Example> examples = new ArrayList<>();
    while (playing.stream().anyMatch(game -> !game.position.isTerminal())) {
      List<Position> leaves = new ArrayList<>();
      for (GameInPlay game : playing) {
        if (!game.position.isTerminal()) {
          game.search = game.search == null ? puct.start(game.position) : game.search;
          List<Position> collected = game.search.collect(config.leafBatch());
          game.leaves = collected.size();
          leaves.addAll(collected);
        }
      }
      List<Evaluator.Evaluation> evaluations = leaves.isEmpty() ? List.of() : puct.evaluator().evaluateAll(leaves);
      int next = 0;
      for (GameInPlay game : playing) {
        if (!game.position.isTerminal()) {
          game.search.backup(evaluations.subList(next, next + game.leaves));
          next += game.leaves;
          if (game.search.done()) {
            move(game, config, rng);
          }
        }
      }
    }
    playing.forEach(game -> examples.addAll(examples(game, config)));
    return examples;
  }

  /** Records the finished search's policy target and plays its move. */
  private static void move(GameInPlay game, ZeroConfig config, RandomGenerator rng) {
    SearchResult result = game.search.result();
    float[] policy = result.policy(1);
    game.steps.add(new Step(game.position.encode(), policy, game.position.player()));
    int move = game.position.ply() < config.temperaturePlies() ? sample(policy, rng) : result.bestMove();
    game.position = game.position.play(move);
    game.search = null;
  }

  private static List<Example> examples(GameInPlay game, ZeroConfig config) {
    List<Example> examples = new ArrayList<>();
    for (Step step : game.steps) {
      float result = (float) game.position.result(step.player());
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
