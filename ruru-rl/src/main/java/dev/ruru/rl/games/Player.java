package dev.ruru.rl.games;

/** Chooses a move in a position: a person at the terminal, a random mover, minimax, a tree search. */
public interface Player {
  /** A legal move in {@code position}, which is not terminal. */
  int move(Position position);

  /** A short name for tables: {@code random}, {@code minimax}, {@code uct-1000}. */
  String name();
}
