package dev.ruru.rl.games;

/**
 * One state of a {@link Game}: immutable, so search trees share positions freely. Players are numbered
 * 0 (moves first) and 1.
 */
public interface Position {
  Game game();

  /** The player to move: 0 or 1. */
  int player();

  /** Moves made so far. */
  int ply();

  /** {@code mask[a]} is true when action {@code a} is legal; all false in a terminal position. */
  boolean[] legalMoves();

  /** Whether {@code action} is legal here (false for a number outside the action range). */
  boolean isLegal(int action);

  /**
   * The position after the player to move plays {@code action}.
   *
   * @throws IllegalMoveException when the move is not legal here (the message says why and lists the legal moves)
   */
  Position play(int action);

  /** Whether the game is over: a player has won or the board is full. */
  boolean isTerminal();

  /** The winner, 0 or 1, or -1 while nobody has won (in play, or a draw). */
  int winner();

  /** For a terminal position: +1 when {@code player} won, -1 when they lost, 0 for a draw; 0 while in play. */
  default double result(int player) {
    int winner = winner();
    return winner < 0 ? 0 : winner == player ? 1 : -1;
  }

  /**
   * The network's view of the position, from the player to move: {@code [2, rows, columns]} flattened,
   * plane 0 holding 1 where the player to move has a stone, plane 1 where the opponent has one. Seen this
   * way, one network plays both sides.
   */
  float[] encode();

  /** The stone on cell {@code (row, column)}: 0 or 1 for a player's, -1 for empty. Row 0 is the top. */
  int stone(int row, int column);

  /** The board as text, one line per row, {@code X} for player 0, {@code O} for player 1, {@code .} empty. */
  String render();
}
