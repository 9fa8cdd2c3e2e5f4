package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.random.RandomGenerator;

/**
 * Spatial dropout (Tompson et al., 2015), as torch.nn.Dropout2d: in {@link Mode#TRAIN} each whole
 * channel of each sample of an [N, C, H, W] input is zeroed with probability p and the surviving
 * channels are scaled by 1/(1 − p); the identity in {@link Mode#EVAL}. Neighbouring pixels of a feature
 * map are strongly correlated, so dropping single pixels barely regularises a convolutional layer.
 */
public final class Dropout2d implements Layer {
  private final double p;
  private final RandomGenerator rng;

  public Dropout2d(double p, RandomGenerator rng) {
    Functional.checkProbability("Dropout2d", p);
    this.p = p;
    this.rng = rng;
  }

  /** Masks drawn from the global {@link Seed#generator()} at each training forward, so {@link Seed#manualSeed} fixes them. */
  public Dropout2d(double p) {
    this(p, Seed.generator());
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, -1);
    return dropout2d(input, p, mode, rng);
  }

  /** The function this layer applies: a constant [N, C, 1, 1] mask of 0 and 1/(1 − p), broadcast over H and W. */
  public static Tensor dropout2d(Tensor x, double p, Mode mode, RandomGenerator rng) {
    Functional.checkProbability("dropout2d", p);
    if (mode == Mode.EVAL || p == 0) {
      return x;
    }
    if (p == 1) {
      return x.mul(0);
    }
    DType dtype = x.dtype().isFloating() ? x.dtype() : DType.FLOAT32;
    Shape channels = Shape.of(x.shape().dim(0), x.shape().dim(1), 1, 1);
    NDArray dropped = NDArray.rand(channels, rng).lt(p);
    NDArray mask = NDArray.where(dropped, NDArray.scalar(0, dtype), NDArray.scalar(1 / (1 - p), dtype));
    return x.mul(Tensor.constant(mask));
  }

  public double probability() { return p; }

  @Override
  public String toString() {
    return "Dropout2d(p=" + p + ")";
  }
}
