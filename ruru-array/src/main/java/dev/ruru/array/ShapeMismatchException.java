package dev.ruru.array;

/** Operands whose shapes do not fit the operation; the message names the operation and the shapes. */
public class ShapeMismatchException extends IllegalArgumentException {
  public ShapeMismatchException(String message) {
    super(message);
  }
}
