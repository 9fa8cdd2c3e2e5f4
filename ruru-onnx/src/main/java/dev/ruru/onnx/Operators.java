package dev.ruru.onnx;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one table of the ONNX operators Ruru runs, by op type (default domain), filled by the operator
 * families. Each entry is covered by the official ONNX node tests (OnnxNodeTest) where they exist.
 */
public final class Operators {
  private static final Map<String, Operator> TABLE = table();

  private Operators() {}

  private static Map<String, Operator> table() {
    Map<String, Operator> table = new TreeMap<>();
    ElementwiseOperators.register(table);
    ShapeOperators.register(table);
    IndexingOperators.register(table);
    MatrixOperators.register(table);
    ConvolutionOperators.register(table);
    NormalizationOperators.register(table);
    ReductionOperators.register(table);
    RecurrentOperators.register(table);
    PaddingOperators.register(table);
    LossOperators.register(table);
    MathOperators.register(table);
    return java.util.Collections.unmodifiableMap(table);
  }

  /** The operator for {@code opType} in {@code domain}, or null when Ruru does not run it. */
  public static Operator find(String domain, String opType) {
    return domain.isEmpty() || domain.equals("ai.onnx") ? TABLE.get(opType) : null;
  }

  /** Every op type Ruru runs, sorted. */
  public static Set<String> supported() {
    return TABLE.keySet();
  }
}
