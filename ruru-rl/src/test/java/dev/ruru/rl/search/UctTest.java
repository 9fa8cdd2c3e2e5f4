package dev.ruru.rl.search;

import static dev.ruru.rl.games.ConnectionGame.CONNECT_FOUR;
import static dev.ruru.rl.games.ConnectionGame.TIC_TAC_TOE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.rl.games.Arena;
import dev.ruru.rl.games.ArenaResult;
import dev.ruru.rl.games.MinimaxPlayer;
import dev.ruru.rl.games.Position;
import dev.ruru.rl.games.RandomPlayer;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UctTest {
  private static int uctMove(Position position, int simulations, long seed) {
    return new UctPlayer(simulations, new SplittableRandom(seed)).move(position);
  }

  /** Tactical Connect Four positions (bottom row is row 5): the move must win at once. */
  @Test
  void connectFourTakesTheImmediateWin() {
    int[][] positions = {
      {0, 0, 1, 1, 2, 6}, // X . . . across the bottom: X X X _ ; wins at 3
      {0, 1, 1, 2, 2, 3, 2, 3, 3, 6}, // rising diagonal (5,0) (4,1) (3,2), wins at column 3
      {5, 0, 5, 1, 5, 0}, // three stacked in column 5, wins on top
    };
    for (long seed = 1; seed <= 3; seed++) {
      for (int[] moves : positions) {
        Position position = CONNECT_FOUR.after(moves);
        int move = uctMove(position, 1000, seed);
        assertEquals(position.player(), position.play(move).winner(), "seed " + seed + ": UCT played " + move + " in\n" + position.render());
      }
    }
  }

  @Test
  void connectFourMakesTheDoubleThreatAndBlocksOne() {
    // X . . X X . . : playing 1 or 4 makes an open three _XXX_ that wins next move whatever O does.
    Position attack = CONNECT_FOUR.after(2, 6, 3, 6);
    // O to move must stop that open three before it exists: only 1 or 4 do.
    Position defend = CONNECT_FOUR.after(2, 6, 3);
    // O to move must block X's three stacked in column 3, and X's three across the bottom at 3.
    Position blockColumn = CONNECT_FOUR.after(3, 4, 3, 4, 3);
    Position blockRow = CONNECT_FOUR.after(0, 6, 1, 6, 2);
    for (long seed = 1; seed <= 3; seed++) {
      assertTrue(Set.of(1, 4).contains(uctMove(attack, 3000, seed)), "seed " + seed + ": attack");
      assertTrue(Set.of(1, 4).contains(uctMove(defend, 3000, seed)), "seed " + seed + ": defend");
      assertEquals(3, uctMove(blockColumn, 1000, seed), "seed " + seed + ": block the column");
      assertEquals(3, uctMove(blockRow, 1000, seed), "seed " + seed + ": block the row");
    }
  }

  @Test
  void ticTacToeNeverLosesToMinimaxAndBeatsRandom() {
    ArenaResult perfect = Arena.match(TIC_TAC_TOE, new UctPlayer(2000, new SplittableRandom(7)), new MinimaxPlayer(new SplittableRandom(8)), 10);
    assertEquals(0, perfect.total().losses(), perfect.table());
    ArenaResult random = Arena.match(TIC_TAC_TOE, new UctPlayer(500, new SplittableRandom(9)), new RandomPlayer(new SplittableRandom(10)), 20);
    assertEquals(0, random.total().losses(), random.table());
    assertTrue(random.total().wins() >= 18, "wins >= 90% against random\n" + random.table());
  }

  @Test
  void sameSeedSameSearch() {
    Position position = CONNECT_FOUR.after(3, 3, 2);
    SearchResult first = new Uct(300, UctPlayer.EXPLORATION, new SplittableRandom(5)).search(position);
    SearchResult second = new Uct(300, UctPlayer.EXPLORATION, new SplittableRandom(5)).search(position);
    assertArrayEquals(first.visits(), second.visits());
    assertEquals(300, java.util.Arrays.stream(first.visits()).sum());
  }
}
