package dev.ruru.rl.games;

import static dev.ruru.rl.games.ConnectionGame.CONNECT_FOUR;
import static dev.ruru.rl.games.ConnectionGame.TIC_TAC_TOE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionGameTest {
  @Test
  void ticTacToeRowWinsForTheFirstPlayer() {
    Position position = TIC_TAC_TOE.after(0, 3, 1, 4, 2);
    assertTrue(position.isTerminal());
    assertEquals(0, position.winner());
    assertEquals(1.0, position.result(0));
    assertEquals(-1.0, position.result(1));
    assertEquals("X X X\nO O .\n. . .\n", position.render());
    assertFalse(position.legalMoves()[8], "no legal moves once the game is over");
  }

  @Test
  void fullTicTacToeBoardWithoutALineIsADraw() {
    Position position = TIC_TAC_TOE.after(0, 1, 2, 4, 3, 5, 7, 6, 8);
    assertTrue(position.isTerminal());
    assertEquals(-1, position.winner());
    assertEquals(0.0, position.result(0));
  }

  @Test
  void illegalMovesSayWhyAndListTheLegalOnes() {
    Position position = TIC_TAC_TOE.after(4);
    IllegalMoveException taken = assertThrows(IllegalMoveException.class, () -> position.play(4));
    assertEquals("tictactoe: illegal move 4; cell 4 is taken; legal moves: [0, 1, 2, 3, 5, 6, 7, 8]", taken.getMessage());
    IllegalMoveException outside = assertThrows(IllegalMoveException.class, () -> position.play(9));
    assertTrue(outside.getMessage().contains("moves are 0..8"), outside.getMessage());
    Position full = CONNECT_FOUR.after(3, 3, 3, 3, 3, 3);
    IllegalMoveException column = assertThrows(IllegalMoveException.class, () -> full.play(3));
    assertEquals("connect4: illegal move 3; column 3 is full; legal moves: [0, 1, 2, 4, 5, 6]", column.getMessage());
    Position over = TIC_TAC_TOE.after(0, 3, 1, 4, 2);
    assertTrue(assertThrows(IllegalMoveException.class, () -> over.play(8)).getMessage().contains("the game is over"));
  }

  @Test
  void connectFourStonesFallAndFourInAColumnOrDiagonalWins() {
    Position stacked = CONNECT_FOUR.after(3, 4, 3, 4, 3, 4);
    assertEquals(0, stacked.stone(5, 3));
    assertEquals(0, stacked.stone(3, 3));
    assertEquals(-1, stacked.stone(2, 3));
    assertEquals(0, stacked.play(3).winner(), "fourth stone in column 3");
    // X builds the rising diagonal (5,0) (4,1) (3,2) (2,3).
    Position diagonal = CONNECT_FOUR.after(0, 1, 1, 2, 2, 3, 2, 3, 3, 6);
    assertEquals(-1, diagonal.winner());
    assertEquals(0, diagonal.play(3).winner());
  }

  @Test
  void encodingShowsTheBoardFromThePlayerToMove() {
    Position position = TIC_TAC_TOE.after(0, 8);
    float[] expected = new float[18];
    expected[0] = 1; // X, to move again, has cell 0
    expected[9 + 8] = 1; // O has cell 8
    assertArrayEquals(expected, position.encode());
    float[] afterX = position.play(4).encode();
    assertEquals(1, afterX[8], "O to move: its own stones on plane 0");
    assertEquals(1, afterX[9 + 4]);
  }

  @Test
  void symmetriesMapPositionsAndMovesConsistently() {
    assertEquals(8, TIC_TAC_TOE.symmetries().size());
    assertEquals(2, CONNECT_FOUR.symmetries().size());
    for (Game game : List.of(TIC_TAC_TOE, CONNECT_FOUR)) {
      for (Symmetry symmetry : game.symmetries()) {
        int[] sorted = symmetry.cells();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, sorted.length).toArray(), sorted, symmetry + " permutes the cells");
        int[] moves = {2, 0, 1};
        int[] mapped = Arrays.stream(moves).map(move -> symmetry.actions()[move]).toArray();
        assertArrayEquals(symmetry.mapEncoding(game.after(moves).encode()), game.after(mapped).encode(),
            game.name() + " " + symmetry + ": the mapped position is the position of the mapped moves");
      }
    }
    Symmetry rotate = TIC_TAC_TOE.symmetries().stream().filter(s -> s.name().equals("rotate90")).findFirst().orElseThrow();
    assertEquals(2, rotate.actions()[0], "a quarter turn clockwise takes the top-left corner to the top-right");
  }

  @Test
  void unknownGameNameIsAClearError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ConnectionGame.named("chess"));
    assertEquals("game: unknown game 'chess'; expected tictactoe or connect4", error.getMessage());
  }
}
