package dev.ruru.onnx;

/**
 * An ONNX graph that uses operators, or settings of them, that Ruru does not run. At import, every
 * unsupported operator is named at once, with the nodes that use it.
 */
public final class UnsupportedOperatorException extends IllegalArgumentException {
  public UnsupportedOperatorException(String message) {
    super(message);
  }
}
