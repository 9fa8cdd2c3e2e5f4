package dev.ruru.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OuterMomentumTest {
  @Test
  void twoStepsMatchHandComputedNesterovOnThePseudoGradient() {
    OuterMomentum outer = new OuterMomentum(0.5, 0.9);
    // Step 1: Δ = 1 - 0.6 = 0.4; v = 0.4; θ = 1 - 0.5 (0.4 + 0.9·0.4) = 0.62.
    Map<String, NDArray> first = outer.step(Map.of("w", NDArray.of(new double[] {1.0}, 1)), Map.of("w", NDArray.of(new double[] {0.6}, 1),
        "b", NDArray.of(new double[] {7.0}, 1)), Set.of("w"));
    assertEquals(0.62, first.get("w").toDoubleArray()[0], 1e-12);
    assertEquals(7.0, first.get("b").toDoubleArray()[0], 0.0, "not a parameter: the workers' average");
    // Step 2: Δ = 0.62 - 0.52 = 0.1; v = 0.9·0.4 + 0.1 = 0.46; θ = 0.62 - 0.5 (0.1 + 0.9·0.46) = 0.363.
    Map<String, NDArray> second = outer.step(Map.of("w", first.get("w")), Map.of("w", NDArray.of(new double[] {0.52}, 1)), Set.of("w"));
    assertEquals(0.363, second.get("w").toDoubleArray()[0], 1e-12);
  }

  @Test
  void rateOneWithoutMomentumIsPlainAveraging() {
    OuterMomentum outer = new OuterMomentum(1, 0);
    NDArray averaged = NDArray.of(new double[] {0.25, -3.5}, 2);
    Map<String, NDArray> stepped = outer.step(Map.of("w", NDArray.of(new double[] {1, 2}, 2)), Map.of("w", averaged), Set.of("w"));
    assertArrayEquals(averaged.toDoubleArray(), stepped.get("w").toDoubleArray(), 0.0);
  }

  @Test
  void refusesAMomentumOfOneOrMore() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new OuterMomentum(0.7, 1));
    assertEquals("spark: invalid outer momentum 1.0 (must be in [0, 1))", error.getMessage());
  }
}
