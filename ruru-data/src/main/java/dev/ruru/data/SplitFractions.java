package dev.ruru.data;

/**
 * The shares of a dataset that go to training, validation and test; each in [0, 1], summing to 1.
 * Counts are rounded per part ({@code round(n · validation)}, {@code round(n · test)}) and training gets
 * the rest, so no example is lost to rounding.
 */
public record SplitFractions(double train, double validation, double test) {
  public SplitFractions {
    check("train", train);
    check("validation", validation);
    check("test", test);
    double sum = train + validation + test;
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("SplitFractions: train + validation + test must be 1, got " + train + " + "
          + validation + " + " + test + " = " + sum);
    }
  }

  /** Training and validation only: {@code (1 - validation, validation, 0)}. */
  public static SplitFractions trainValidation(double validation) {
    return new SplitFractions(1 - validation, validation, 0);
  }

  private static void check(String name, double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("SplitFractions: " + name + " fraction must be in [0, 1], got " + fraction);
    }
  }
}
