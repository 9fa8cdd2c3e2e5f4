package dev.ruru.rl.games;

import static dev.ruru.rl.games.ConnectionGame.CONNECT_FOUR;
import static dev.ruru.rl.games.ConnectionGame.TIC_TAC_TOE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinimaxPlayerTest {
  @Test
  void ticTacToeIsADrawWithPerfectPlay() {
    assertEquals(0, MinimaxPlayer.value(TIC_TAC_TOE.start()));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), MinimaxPlayer.bestMoves(TIC_TAC_TOE.start()), "every first move draws");
  }

  @Test
  void takesTheWinAndBlocksTheLoss() {
    // X: 0, 1; O: 3, 4. X to move wins at 2 (O's threat at 5 does not matter).
    assertEquals(List.of(2), MinimaxPlayer.bestMoves(TIC_TAC_TOE.after(0, 3, 1, 4)));
    // X: 0, 8; O: 4, 1. X must block at 7 (O threatens 1-4-7).
    assertEquals(List.of(7), MinimaxPlayer.bestMoves(TIC_TAC_TOE.after(0, 4, 8, 1)));
    // X in a corner, O answers on an edge: X wins by force.
    assertTrue(MinimaxPlayer.value(TIC_TAC_TOE.after(0, 1)) > 0);
  }

  @Test
  void neverLosesToRandomAndDrawsItself() {
    ArenaResult againstRandom = Arena.match(TIC_TAC_TOE, new MinimaxPlayer(new SplittableRandom(1)), new RandomPlayer(new SplittableRandom(2)), 20);
    assertEquals(0, againstRandom.total().losses(), againstRandom.table());
    assertTrue(againstRandom.total().wins() >= 16, againstRandom.table());
    ArenaResult itself = Arena.match(TIC_TAC_TOE, new MinimaxPlayer(new SplittableRandom(3)), new MinimaxPlayer(new SplittableRandom(4)), 6);
    assertEquals(6, itself.total().draws(), itself.table());
  }

  @Test
  void refusesBoardsTooLargeToSearchToTheEnd() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new MinimaxPlayer(new SplittableRandom(0)).move(CONNECT_FOUR.start()));
    assertTrue(error.getMessage().startsWith("minimax: searching the whole tree of connect4 (42 cells) would not finish"), error.getMessage());
  }
}
