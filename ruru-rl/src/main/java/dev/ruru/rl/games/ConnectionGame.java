package dev.ruru.rl.games;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * A k-in-a-row game on a {@code rows × columns} board (an m,n,k-game): players place stones in turn and
 * the first with {@code inRow} stones in a line (across, down or diagonal) wins; a full board is a draw.
 * With {@code gravity} a move names a column and the stone falls to its lowest free cell (Connect Four);
 * without, a move names a cell, numbered row-major (tic-tac-toe: 0 1 2 / 3 4 5 / 6 7 8).
 */
public record ConnectionGame(String name, int rows, int columns, int inRow, boolean gravity) implements Game {
  /** Tic-tac-toe: 3×3, three in a row. */
  public static final ConnectionGame TIC_TAC_TOE = new ConnectionGame("tictactoe", 3, 3, 3, false);
  /** Connect Four: 6 rows × 7 columns, four in a row, stones fall. */
  public static final ConnectionGame CONNECT_FOUR = new ConnectionGame("connect4", 6, 7, 4, true);

  public ConnectionGame {
    if (rows < 1 || columns < 1 || inRow < 2 || inRow > Math.max(rows, columns)) {
      throw new IllegalArgumentException("ConnectionGame: invalid board " + rows + "x" + columns + " with " + inRow
          + " in a row; need rows, columns >= 1 and 2 <= inRow <= max(rows, columns)");
    }
  }

  /** The game named {@code name} ({@code tictactoe} or {@code connect4}). */
  public static ConnectionGame named(String name) {
    return switch (name) {
      case "tictactoe", "tic-tac-toe" -> TIC_TAC_TOE;
      case "connect4", "connect-four" -> CONNECT_FOUR;
      default -> throw new IllegalArgumentException("game: unknown game '" + name + "'; expected tictactoe or connect4");
    };
  }

  @Override
  public int actionCount() {
    return gravity ? columns : rows * columns;
  }

  @Override
  public Position start() {
    return ConnectionPosition.empty(this);
  }

  /**
   * Connect Four: the identity and the left-right mirror (gravity rules out the others). A square board
   * without gravity: the eight rotations and reflections of the square. Otherwise the four of a rectangle.
   */
  @Override
  public List<Symmetry> symmetries() {
    int lastRow = rows - 1;
    int lastColumn = columns - 1;
    List<Symmetry> all = new ArrayList<>();
    all.add(symmetry("identity", (r, c) -> r * columns + c));
    all.add(symmetry("mirror", (r, c) -> r * columns + lastColumn - c));
    if (gravity) {
      return all;
    }
    all.add(symmetry("flip", (r, c) -> (lastRow - r) * columns + c));
    all.add(symmetry("rotate180", (r, c) -> (lastRow - r) * columns + lastColumn - c));
    if (rows == columns) {
      all.add(symmetry("rotate90", (r, c) -> c * columns + lastRow - r));
      all.add(symmetry("rotate270", (r, c) -> (lastColumn - c) * columns + r));
      all.add(symmetry("transpose", (r, c) -> c * columns + r));
      all.add(symmetry("antitranspose", (r, c) -> (lastColumn - c) * columns + lastRow - r));
    }
    return all;
  }

  private Symmetry symmetry(String name, IntBinaryOperator target) {
    int[] cells = new int[rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        cells[r * columns + c] = target.applyAsInt(r, c);
      }
    }
    // Actions are cells without gravity; with it they are columns, and the top row's cells are numbered as
    // the columns, which the only symmetries of a gravity game (identity, mirror) keep in the top row.
    return new Symmetry(name, cells, java.util.Arrays.copyOf(cells, actionCount()));
  }
}
