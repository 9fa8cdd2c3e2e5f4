package dev.ruru.rl.games;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Perfect play by searching the whole game tree: negamax with alpha-beta pruning. A win counts more the
 * sooner it comes ({@code 100 - ply}), so the player wins as fast and loses as slowly as possible. Among
 * equally good moves it picks one at random, so matches against it are not one game repeated. Only
 * boards of at most 16 cells (tic-tac-toe) can be searched to the end; Connect Four is refused.
 */
public final class MinimaxPlayer implements Player {
  private static final int MAX_CELLS = 16;
  private final RandomGenerator rng;

  public MinimaxPlayer(RandomGenerator rng) {
    this.rng = rng;
  }

  @Override
  public int move(Position position) {
    List<Integer> best = bestMoves(position);
    return best.get(rng.nextInt(best.size()));
  }

  /** Every move of the best game-theoretic value (each root move searched with a full window, so values are exact). */
  public static List<Integer> bestMoves(Position position) {
    Game game = position.game();
    if (game.rows() * game.columns() > MAX_CELLS) {
      throw new IllegalArgumentException("minimax: searching the whole tree of " + game.name() + " (" + game.rows() * game.columns()
          + " cells) would not finish; it handles boards of at most " + MAX_CELLS + " cells; use uct-N instead");
    }
    if (position.isTerminal()) {
      throw new IllegalArgumentException("minimax: the game is over; no move to choose\n" + position.render());
    }
    List<Integer> best = new ArrayList<>();
    int bestValue = Integer.MIN_VALUE;
    for (int action = 0; action < game.actionCount(); action++) {
      if (position.isLegal(action)) {
        int value = -negamax(position.play(action), -Integer.MAX_VALUE, Integer.MAX_VALUE);
        if (value > bestValue) {
          best.clear();
          bestValue = value;
        }
        if (value == bestValue) {
          best.add(action);
        }
      }
    }
    return best;
  }

  /** The exact value of {@code position} for the player to move: positive wins, 0 draws, negative losses. */
  public static int value(Position position) {
    return negamax(position, -Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  private static int negamax(Position position, int alpha, int beta) {
    if (position.winner() >= 0) {
      return -(100 - position.ply()); // the player who just moved won
    }
    if (position.isTerminal()) {
      return 0;
    }
    int best = -Integer.MAX_VALUE;
    for (int action = 0; action < position.game().actionCount(); action++) {
      if (position.isLegal(action)) {
        best = Math.max(best, -negamax(position.play(action), -beta, -alpha));
        alpha = Math.max(alpha, best);
        if (alpha >= beta) {
          break;
        }
      }
    }
    return best;
  }

  @Override
  public String name() {
    return "minimax";
  }
}
