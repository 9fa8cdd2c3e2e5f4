package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bounds are exact; standard deviations are checked on 60,000 samples to within 3%. */
class InitTest {
  private static final Shape SHAPE = Shape.of(200, 300);

  private static NDArray sample(Init init) {
    return init.sample(SHAPE, DType.FLOAT64, new SplittableRandom(11));
  }

  private static double std(NDArray a) {
    return a.std().item();
  }

  @Test
  void xavierUniformFillsPlusMinusGainTimesRootSixOverFanSum() {
    double bound = 2 * Math.sqrt(6.0 / (300 + 200));
    NDArray w = sample(Init.xavierUniform(2));
    assertTrue(w.abs().max().item() <= bound);
    assertEquals(bound / Math.sqrt(3), std(w), 0.03 * bound / Math.sqrt(3));
  }

  @Test
  void xavierNormalHasStandardDeviationRootTwoOverFanSum() {
    double expected = Math.sqrt(2.0 / 500);
    assertEquals(expected, std(sample(Init.xavierNormal())), 0.03 * expected);
  }

  @Test
  void kaimingUsesTheReluGainAndTheChosenFan() {
    double fanIn = Math.sqrt(2.0 / 300);
    double fanOut = Math.sqrt(2.0 / 200);
    assertEquals(fanIn, std(sample(Init.kaimingNormal())), 0.03 * fanIn);
    assertEquals(fanOut, std(sample(Init.kaimingNormal(0, Init.FanMode.FAN_OUT))), 0.03 * fanOut);
    NDArray uniform = sample(Init.kaimingUniform());
    assertTrue(uniform.abs().max().item() <= Math.sqrt(3) * fanIn);
    assertEquals(fanIn, std(uniform), 0.03 * fanIn);
    assertTrue(sample(Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN)).abs().max().item() <= 1 / Math.sqrt(300));
  }

  @Test
  void fansCountTheReceptiveField() {
    assertEquals(3 * 25, Init.fanIn(Shape.of(16, 3, 5, 5)));
    assertEquals(16 * 25, Init.fanOut(Shape.of(16, 3, 5, 5)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.kaimingUniform().sample(Shape.of(10), DType.FLOAT32,
        new SplittableRandom(1)));
    assertEquals("Init: fan in and fan out need a weight with at least 2 dimensions, got [10]; initialise biases with Init.uniform, "
        + "Init.zeros or Init.constant", e.getMessage());
  }

  @Test
  void constantZerosAndSeedsAreExact() {
    assertEquals(NDArray.full(SHAPE, 0.5, DType.FLOAT64), sample(Init.constant(0.5)));
    assertEquals(NDArray.zeros(SHAPE, DType.FLOAT64), sample(Init.zeros()));
    assertEquals(sample(Init.normal(1, 2)), sample(Init.normal(1, 2)));
    NDArray u = sample(Init.uniform(-0.25, 0.75));
    assertTrue(u.min().item() >= -0.25 && u.max().item() < 0.75);
  }
}
