package dev.ruru.rl.search;

import dev.ruru.rl.games.Player;
import dev.ruru.rl.games.Position;
import java.util.random.RandomGenerator;

/** Plays the most visited move of a {@link Uct} search of {@code simulations} rollouts: {@code uct-1000}. */
public final class UctPlayer implements Player {
  /** UCB1's exploration constant for results in [-1, 1]. */
  public static final double EXPLORATION = 1.4;

  private final int simulations;
  private final Uct search;

  public UctPlayer(int simulations, RandomGenerator rng) {
    this.simulations = simulations;
    this.search = new Uct(simulations, EXPLORATION, rng);
  }

  @Override
  public int move(Position position) {
    return search.search(position).bestMove();
  }

  @Override
  public String name() {
    return "uct-" + simulations;
  }
}
