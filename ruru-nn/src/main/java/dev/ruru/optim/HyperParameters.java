package dev.ruru.optim;

/**
 * Range checks for hyper-parameters, with PyTorch's wording: the name, the value and the valid range,
 * e.g. {@code Invalid learning rate: -0.1 (must be > 0)}.
 */
final class HyperParameters {
  private HyperParameters() {}

  static void positive(String name, double value) {
    require(value > 0, name, value, "must be > 0");
  }

  static void nonNegative(String name, double value) {
    require(value >= 0, name, value, "must be >= 0");
  }

  /** [0, 1): a decay rate or momentum that must forget eventually. */
  static void fraction(String name, double value) {
    require(value >= 0 && value < 1, name, value, "must be in [0, 1)");
  }

  static void closedFraction(String name, double value) {
    require(value >= 0 && value <= 1, name, value, "must be in [0, 1]");
  }

  static void positiveCount(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be >= 1)");
    }
  }

  private static void require(boolean valid, String name, double value, String range) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + name + ": " + value + " (" + range + ")");
    }
  }
}
