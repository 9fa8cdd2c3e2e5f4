package dev.ruru.rl.games;

import java.util.List;

/**
 * The rules of a two-player, zero-sum, turn-based board game with a fixed set of moves ("actions",
 * numbered {@code 0 .. actionCount()-1}). Positions encode as {@link #planes()} planes of
 * {@code rows × columns} cells, the same layout a convolutional or dense network reads.
 */
public interface Game {
  /** The game's name on the command line: {@code tictactoe}, {@code connect4}. */
  String name();

  int rows();

  int columns();

  /** The number of distinct moves: a legal-move mask has this length, a policy this many entries. */
  int actionCount();

  /** Planes of {@link Position#encode()}: the stones of the player to move, then the opponent's. */
  default int planes() {
    return 2;
  }

  /** The length of {@link Position#encode()}: {@code planes() · rows() · columns()}. */
  default int encodingSize() {
    return planes() * rows() * columns();
  }

  /** The empty board, the first player to move. */
  Position start();

  /** The position after playing {@code actions} in order from the start (a test's or a puzzle's position). */
  default Position after(int... actions) {
    Position position = start();
    for (int action : actions) {
      position = position.play(action);
    }
    return position;
  }

  /** The symmetries that map positions to positions of equal value; the identity is first. */
  List<Symmetry> symmetries();
}
