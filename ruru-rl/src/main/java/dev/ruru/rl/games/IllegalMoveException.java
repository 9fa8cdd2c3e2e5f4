package dev.ruru.rl.games;

/** A move that is not legal in the position it was played in (a full column, a taken cell, a finished game). */
public final class IllegalMoveException extends IllegalArgumentException {
  public IllegalMoveException(String message) {
    super(message);
  }
}
