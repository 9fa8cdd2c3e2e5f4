package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.random.RandomGenerator;

/**
 * How a parameter's first value is drawn. Every initialiser samples from an explicit
 * {@link RandomGenerator}, so the same seed gives the same network. Fans follow PyTorch: for a weight
 * of shape {@code [out, in, k...]}, fan_in = in·Πk and fan_out = out·Πk.
 *
 * <pre>{@code
 * NDArray w = Init.kaimingNormal().sample(Shape.of(256, 784), DType.FLOAT32, new SplittableRandom(1));
 * }</pre>
 */
@FunctionalInterface
public interface Init {
  /** Which fan keeps the variance: the forward pass's (fan_in) or the backward pass's (fan_out). */
  enum FanMode { FAN_IN, FAN_OUT }

  /** A new array of {@code shape} and {@code dtype} drawn from {@code rng}. */
  NDArray sample(Shape shape, DType dtype, RandomGenerator rng);

  /** All zeros (biases). */
  static Init zeros() {
    return (shape, dtype, rng) -> NDArray.zeros(shape, dtype);
  }

  /** Every element {@code value} (BatchNorm's scale starts at 1). */
  static Init constant(double value) {
    return (shape, dtype, rng) -> NDArray.full(shape, value, dtype);
  }

  /** U(low, high). */
  static Init uniform(double low, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException("Init.uniform: invalid bounds [" + low + ", " + high + ") (low must be < high)");
    }
    return (shape, dtype, rng) -> NDArray.uniform(shape, low, high, dtype, rng);
  }

  /** N(mean, std²). */
  static Init normal(double mean, double std) {
    if (!(std >= 0)) {
      throw new IllegalArgumentException("Init.normal: invalid standard deviation: " + std + " (must be >= 0)");
    }
    return (shape, dtype, rng) -> NDArray.normal(shape, mean, std, dtype, rng);
  }

  /** Glorot and Bengio (2010): U(−a, a) with a = gain·√(6 / (fan_in + fan_out)). */
  static Init xavierUniform(double gain) {
    return (shape, dtype, rng) -> {
      double bound = gain * Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape)));
      return NDArray.uniform(shape, -bound, bound, dtype, rng);
    };
  }

  /** {@link #xavierUniform(double)} with gain 1. */
  static Init xavierUniform() {
    return xavierUniform(1);
  }

  /** Glorot and Bengio (2010): N(0, σ²) with σ = gain·√(2 / (fan_in + fan_out)). */
  static Init xavierNormal(double gain) {
    return (shape, dtype, rng) -> NDArray.normal(shape, 0, gain * Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))), dtype, rng);
  }

  /** {@link #xavierNormal(double)} with gain 1. */
  static Init xavierNormal() {
    return xavierNormal(1);
  }

  /**
   * He et al. (2015): U(−b, b) with b = √3·gain / √fan and gain = √(2 / (1 + a²)) for a leaky ReLU of
   * negative slope a (a = 0 is ReLU's √2). PyTorch's default Linear weight is a = √5, which makes
   * b = 1/√fan_in.
   */
  static Init kaimingUniform(double negativeSlope, FanMode mode) {
    return (shape, dtype, rng) -> {
      double bound = Math.sqrt(3) * leakyReluGain(negativeSlope) / Math.sqrt(fan(shape, mode));
      return NDArray.uniform(shape, -bound, bound, dtype, rng);
    };
  }

  /** {@link #kaimingUniform(double, FanMode)} for ReLU (a = 0) and fan_in, as PyTorch's kaiming_uniform_. */
  static Init kaimingUniform() {
    return kaimingUniform(0, FanMode.FAN_IN);
  }

  /** He et al. (2015): N(0, σ²) with σ = gain / √fan and gain = √(2 / (1 + a²)). */
  static Init kaimingNormal(double negativeSlope, FanMode mode) {
    return (shape, dtype, rng) -> NDArray.normal(shape, 0, leakyReluGain(negativeSlope) / Math.sqrt(fan(shape, mode)), dtype, rng);
  }

  /** {@link #kaimingNormal(double, FanMode)} for ReLU (a = 0) and fan_in. */
  static Init kaimingNormal() {
    return kaimingNormal(0, FanMode.FAN_IN);
  }

  /** in·Πk for a weight [out, in, k...]; PyTorch refuses fewer than two dimensions, and so do we. */
  static int fanIn(Shape shape) {
    return receptiveField(shape) * shape.dim(1);
  }

  /** out·Πk for a weight [out, in, k...]. */
  static int fanOut(Shape shape) {
    return receptiveField(shape) * shape.dim(0);
  }

  private static int fan(Shape shape, FanMode mode) {
    return mode == FanMode.FAN_IN ? fanIn(shape) : fanOut(shape);
  }

  private static int receptiveField(Shape shape) {
    if (shape.rank() < 2) {
      throw new IllegalArgumentException("Init: fan in and fan out need a weight with at least 2 dimensions, got " + shape
          + "; initialise biases with Init.uniform, Init.zeros or Init.constant");
    }
    int field = 1;
    for (int axis = 2; axis < shape.rank(); axis++) {
      field *= shape.dim(axis);
    }
    return field;
  }

  private static double leakyReluGain(double negativeSlope) {
    return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
  }
}
