package dev.ruru.symbolic;

import java.util.Arrays;
import java.util.Optional;

/** The functions an {@link Expr} can call, with their values on doubles. */
public enum ElementaryFunction {
  /** e^u. */
  EXP("exp"),
  /** The natural logarithm; NaN for u &lt; 0, −Infinity at 0. */
  LOG("log"),
  SIN("sin"),
  COS("cos"),
  TANH("tanh"),
  /** The logistic function 1 / (1 + e^−u). */
  SIGMOID("sigmoid");

  private final String functionName;

  ElementaryFunction(String functionName) {
    this.functionName = functionName;
  }

  /** The name an expression uses for this function: {@code "exp"}, {@code "sigmoid"}, ... */
  public String functionName() {
    return functionName;
  }

  /** The function named {@code name} (as written in expressions), if there is one. */
  public static Optional<ElementaryFunction> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
  }

  /** The value at {@code u}. */
  public double apply(double u) {
    return switch (this) {
      case EXP -> Math.exp(u);
      case LOG -> Math.log(u);
      case SIN -> Math.sin(u);
      case COS -> Math.cos(u);
      case TANH -> Math.tanh(u);
      // Two branches so that exp never overflows: for u < 0, e^u / (1 + e^u) is the same value.
      case SIGMOID -> u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    };
  }
}
