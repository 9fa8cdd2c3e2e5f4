package dev.ruru.rl.games;

import static dev.ruru.rl.games.ConnectionGame.TIC_TAC_TOE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArenaTest {
  /** Plays the lowest-numbered legal move. */
  private static Player lowest(String name) {
    return new Player() {
      @Override public int move(Position position) {
        for (int action = 0; ; action++) {
          if (position.isLegal(action)) {
            return action;
          }
        }
      }
      @Override public String name() { return name; }
    };
  }

  @Test
  void matchAlternatesWhoMovesFirstAndPrintsAlignedTable() {
    // Whoever moves first plays 0, 2, 4, 6 against 1, 3, 5 and wins on the diagonal 2-4-6.
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), Arena.play(TIC_TAC_TOE.start(), lowest("a"), lowest("b")).moves());
    ArenaResult result = Arena.match(TIC_TAC_TOE, lowest("a-long-player-name"), lowest("b"), 3);
    assertEquals(new Tally(2, 0, 0), result.asFirst());
    assertEquals(new Tally(0, 0, 1), result.asSecond());
    assertEquals(2.0 / 3, result.total().score(), 1e-12);
    assertEquals("""
        tictactoe: a-long-player-name vs b
        a-long-player-name moves  games   wins  draws losses   score
        first                         2      2      0      0   1.000
        second                        1      0      0      1   0.000
        total                         3      2      0      1   0.667
        """, result.table());
  }

  @Test
  void anIllegalMoveOfAPlayerIsNamed() {
    Player cheat = new Player() {
      @Override public int move(Position position) { return 4; }
      @Override public String name() { return "cheat"; }
    };
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> Arena.play(TIC_TAC_TOE.start(), cheat, lowest("b")));
    assertEquals("arena: player cheat chose the illegal move 4\nO . .\n. X .\n. . .\n", error.getMessage());
  }
}
