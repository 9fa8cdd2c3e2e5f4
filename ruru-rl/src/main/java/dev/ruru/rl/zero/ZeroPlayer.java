package dev.ruru.rl.zero;

import dev.ruru.rl.games.Player;
import dev.ruru.rl.games.Position;
import dev.ruru.rl.search.Puct;
import dev.ruru.rl.search.SearchResult;
import java.util.random.RandomGenerator;

/**
 * Plays by PUCT search guided by a network, without root noise: the most visited move, except in the
 * first {@code sampledPlies} moves of a game, where it samples a move in proportion to the visits (so an
 * arena's games are not all one game; 0 for the strongest play).
 */
public final class ZeroPlayer implements Player {
  /** AlphaZero's c_puct for these small games. */
  public static final double EXPLORATION = 1.5;

  private final String name;
  private final Puct search;
  private final int sampledPlies;
  private final RandomGenerator rng;

  public ZeroPlayer(String name, PolicyValueNet network, int simulations, int sampledPlies, RandomGenerator rng) {
    this(name, network, simulations, sampledPlies, rng, 1);
  }

  /** As the sequential player, its search evaluating {@code leafBatch} leaves in one network call (virtual loss; see {@link Puct}). */
  public ZeroPlayer(String name, PolicyValueNet network, int simulations, int sampledPlies, RandomGenerator rng, int leafBatch) {
    this.name = name;
    this.search = new Puct(new NetworkEvaluator(network), simulations, EXPLORATION, null, rng, leafBatch);
    this.sampledPlies = sampledPlies;
    this.rng = rng;
  }

  @Override
  public int move(Position position) {
    SearchResult result = search.search(position);
    return position.ply() < sampledPlies ? SelfPlay.sample(result.policy(1), rng) : result.bestMove();
  }

  @Override
  public String name() {
    return name;
  }
}
