package dev.ruru.rl.games;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A position of a {@link ConnectionGame}: the stones (row-major, -1 empty), whose turn, and the winner if any. */
final class ConnectionPosition implements Position {
  private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

  private final ConnectionGame game;
  private final byte[] cells;
  private final int ply;
  private final int winner;

  private ConnectionPosition(ConnectionGame game, byte[] cells, int ply, int winner) {
    this.game = game;
    this.cells = cells;
    this.ply = ply;
    this.winner = winner;
  }

  static ConnectionPosition empty(ConnectionGame game) {
    byte[] cells = new byte[game.rows() * game.columns()];
    Arrays.fill(cells, (byte) -1);
    return new ConnectionPosition(game, cells, 0, -1);
  }

  @Override public Game game() { return game; }
  @Override public int player() { return ply % 2; }
  @Override public int ply() { return ply; }
  @Override public int winner() { return winner; }

  @Override
  public boolean isTerminal() {
    return winner >= 0 || ply == cells.length;
  }

  @Override
  public boolean isLegal(int action) {
    return action >= 0 && action < game.actionCount() && !isTerminal() && cells[action] < 0;
  }

  @Override
  public boolean[] legalMoves() {
    boolean[] mask = new boolean[game.actionCount()];
    for (int action = 0; action < mask.length; action++) {
      mask[action] = isLegal(action);
    }
    return mask;
  }

  @Override
  public Position play(int action) {
    if (!isLegal(action)) {
      throw new IllegalMoveException(game.name() + ": illegal move " + action + "; " + whyIllegal(action) + "; legal moves: " + legalList());
    }
    int cell = action;
    if (game.gravity()) {
      // Top row's cell is free (legal), so the column has a lowest free cell; search from the bottom.
      for (int row = game.rows() - 1; row >= 0; row--) {
        if (cells[row * game.columns() + action] < 0) {
          cell = row * game.columns() + action;
          break;
        }
      }
    }
    byte[] next = cells.clone();
    next[cell] = (byte) player();
    int newWinner = completesLine(next, cell) ? player() : -1;
    return new ConnectionPosition(game, next, ply + 1, newWinner);
  }

  private String whyIllegal(int action) {
    if (isTerminal()) {
      return "the game is over";
    }
    if (action < 0 || action >= game.actionCount()) {
      return "moves are 0.." + (game.actionCount() - 1);
    }
    return game.gravity() ? "column " + action + " is full" : "cell " + action + " is taken";
  }

  private List<Integer> legalList() {
    List<Integer> legal = new ArrayList<>();
    for (int action = 0; action < game.actionCount(); action++) {
      if (isLegal(action)) {
        legal.add(action);
      }
    }
    return legal;
  }

  /** Whether the stone just put on {@code cell} makes {@code inRow} in a line: only lines through it can be new. */
  private boolean completesLine(byte[] board, int cell) {
    int row = cell / game.columns();
    int column = cell % game.columns();
    byte stone = board[cell];
    for (int[] direction : DIRECTIONS) {
      int count = 1 + run(board, row, column, direction[0], direction[1], stone) + run(board, row, column, -direction[0], -direction[1], stone);
      if (count >= game.inRow()) {
        return true;
      }
    }
    return false;
  }

  private int run(byte[] board, int row, int column, int rowStep, int columnStep, byte stone) {
    int count = 0;
    int r = row + rowStep;
    int c = column + columnStep;
    while (r >= 0 && r < game.rows() && c >= 0 && c < game.columns() && board[r * game.columns() + c] == stone) {
      count++;
      r += rowStep;
      c += columnStep;
    }
    return count;
  }

  @Override
  public float[] encode() {
    float[] planes = new float[2 * cells.length];
    int me = player();
    for (int cell = 0; cell < cells.length; cell++) {
      if (cells[cell] >= 0) {
        planes[(cells[cell] == me ? 0 : cells.length) + cell] = 1;
      }
    }
    return planes;
  }

  @Override
  public int stone(int row, int column) {
    if (row < 0 || row >= game.rows() || column < 0 || column >= game.columns()) {
      throw new IllegalArgumentException(game.name() + ": no cell (" + row + ", " + column + ") on a " + game.rows() + "x" + game.columns() + " board");
    }
    return cells[row * game.columns() + column];
  }

  @Override
  public String render() {
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < game.rows(); row++) {
      for (int column = 0; column < game.columns(); column++) {
        int stone = cells[row * game.columns() + column];
        text.append(column == 0 ? "" : " ").append(stone < 0 ? '.' : stone == 0 ? 'X' : 'O');
      }
      text.append('\n');
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConnectionPosition that && game.equals(that.game) && ply == that.ply && Arrays.equals(cells, that.cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return game.name() + " after " + ply + " moves, " + (isTerminal() ? "over" : (player() == 0 ? "X" : "O") + " to move") + "\n" + render();
  }
}
