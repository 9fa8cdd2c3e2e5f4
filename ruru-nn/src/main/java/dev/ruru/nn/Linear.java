package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer, y = x·Wᵀ + b. Shapes: x [batch, in], W [out, in], b [out], y [batch, out]
 * (PyTorch's layout, so weights load into torch.nn.Linear unchanged). The default initialisation is
 * PyTorch's: W and b from U(−1/√in, 1/√in) (kaiming_uniform with a = √5).
 *
 * <pre>{@code
 * Linear layer = new Linear(784, 128);   // weights from Seed.generator(); Seed.manualSeed(42) fixes them
 * Tensor y = layer.forward(x);           // x [32, 784] -> y [32, 128]
 * Linear own = new Linear(784, 128, new SplittableRandom(42));   // or from a generator of its own
 * }</pre>
 */
public final class Linear implements Layer {
  private final int inFeatures;
  private final int outFeatures;
  private final Parameter weight;
  private final Parameter bias;

  /** float32, PyTorch's default initialisation. */
  public Linear(int inFeatures, int outFeatures, RandomGenerator rng) {
    this(inFeatures, outFeatures, Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN),
        Init.uniform(-1 / Math.sqrt(Math.max(1, inFeatures)), 1 / Math.sqrt(Math.max(1, inFeatures))), DType.FLOAT32, rng);
  }

  /** As {@link #Linear(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public Linear(int inFeatures, int outFeatures) {
    this(inFeatures, outFeatures, Seed.generator());
  }

  /** The weight drawn by {@code weightInit} (fans from [out, in]) and the bias by {@code biasInit}, in {@code dtype}. */
  public Linear(int inFeatures, int outFeatures, Init weightInit, Init biasInit, DType dtype, RandomGenerator rng) {
    this(weightInit.sample(weightShape(inFeatures, outFeatures), dtype, rng), biasInit.sample(Shape.of(outFeatures), dtype, rng));
  }

  /** As {@link #Linear(int, int, Init, Init, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public Linear(int inFeatures, int outFeatures, Init weightInit, Init biasInit, DType dtype) {
    this(inFeatures, outFeatures, weightInit, biasInit, dtype, Seed.generator());
  }

  /** A layer starting from the given weight [out, in] and bias [out] (null: no bias). */
  private Linear(NDArray weight, NDArray bias) {
    this.inFeatures = weight.dim(1);
    this.outFeatures = weight.dim(0);
    this.weight = new Parameter(weight);
    this.bias = bias == null ? null : new Parameter(bias);
  }

  /** y = x·Wᵀ with no bias parameter. */
  public static Linear withoutBias(int inFeatures, int outFeatures, Init weightInit, DType dtype, RandomGenerator rng) {
    return new Linear(weightInit.sample(weightShape(inFeatures, outFeatures), dtype, rng), null);
  }

  /** As {@link #withoutBias(int, int, Init, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public static Linear withoutBias(int inFeatures, int outFeatures, Init weightInit, DType dtype) {
    return withoutBias(inFeatures, outFeatures, weightInit, dtype, Seed.generator());
  }

  private static Shape weightShape(int inFeatures, int outFeatures) {
    if (inFeatures < 1 || outFeatures < 1) {
      throw new IllegalArgumentException("Linear: feature counts must be positive, got " + inFeatures + " -> " + outFeatures);
    }
    return Shape.of(outFeatures, inFeatures);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return bias == null ? Functional.linear(input, weight.tensor()) : Functional.linear(input, weight.tensor(), bias.tensor());
  }

  /** relu(forward(input)) as one primitive ({@link Functional#linearRelu}); {@link Sequential} calls it before a ReLU. */
  public Tensor forwardRelu(Tensor input) {
    return Functional.linearRelu(input, weight.tensor(), bias == null ? null : bias.tensor());
  }

  @Override
  public Map<String, Parameter> parameters() {
    return bias == null ? Params.of("weight", weight) : Params.of("weight", weight, "bias", bias);
  }

  public Parameter weight() { return weight; }

  /** The bias, or null for a layer made by {@link #withoutBias}. */
  public Parameter bias() { return bias; }

  public int inFeatures() { return inFeatures; }
  public int outFeatures() { return outFeatures; }

  @Override
  public String toString() {
    return "Linear(" + inFeatures + " -> " + outFeatures + (bias == null ? ", no bias" : "") + ")";
  }
}
