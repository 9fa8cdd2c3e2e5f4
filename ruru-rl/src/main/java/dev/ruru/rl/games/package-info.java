/**
 * Two-player board games for search: a {@link dev.ruru.rl.games.Game} describes the rules and board, a
 * {@link dev.ruru.rl.games.Position} is one immutable state of it (whose turn, the legal moves, the move
 * that makes the next position, the result), with the compact encoding and the board symmetries a
 * network trains on. Tic-tac-toe and Connect Four are both {@link dev.ruru.rl.games.ConnectionGame}s
 * (k stones in a row on an m×n board, Connect Four's stones falling to the lowest free row).
 * {@link dev.ruru.rl.games.Player}s choose moves; {@link dev.ruru.rl.games.MinimaxPlayer} plays
 * tic-tac-toe perfectly and is the judge; {@link dev.ruru.rl.games.Arena} pits two players against each
 * other from both sides.
 */
package dev.ruru.rl.games;
