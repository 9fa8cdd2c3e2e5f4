package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A 2-D convolution layer, y = conv2d(x, W) + b (see {@link Convolution#conv2d}). Shapes: x [N, C, H, W],
 * W [O, C/groups, kh, kw], b [O], y [N, O, OH, OW] (PyTorch's layout, so weights load into
 * torch.nn.Conv2d unchanged). The default initialisation is PyTorch's: W and b from
 * U(−1/√fan_in, 1/√fan_in) with fan_in = C/groups·kh·kw.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(1, 16, 3, Conv2dSpec.of(1, 1), new SplittableRandom(42));
 * Tensor y = conv.forward(x);                        // x [64, 1, 28, 28] -> y [64, 16, 28, 28]
 * Conv2d same = Conv2d.same(16, 32, 5, rng);         // stride 1, output as large as the input
 * }</pre>
 */
public final class Conv2d implements Layer {
  private final Conv2dSpec spec;
  private final Parameter weight;
  private final Parameter bias;

  /** Square kernels, float32, with a bias, PyTorch's default initialisation. */
  public Conv2d(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, RandomGenerator rng) {
    this(inChannels, outChannels, kernelSize, kernelSize, spec, DType.FLOAT32, rng);
  }

  /** As {@link #Conv2d(int, int, int, Conv2dSpec, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public Conv2d(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec) {
    this(inChannels, outChannels, kernelSize, spec, Seed.generator());
  }

  public Conv2d(int inChannels, int outChannels, int kernelHeight, int kernelWidth, Conv2dSpec spec, DType dtype, RandomGenerator rng) {
    this(spec, sampleWeight(inChannels, outChannels, kernelHeight, kernelWidth, spec, dtype, rng),
        sampleBias(outChannels, inChannels / spec.groups() * kernelHeight * kernelWidth, dtype, rng));
  }

  /** As {@link #Conv2d(int, int, int, int, Conv2dSpec, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public Conv2d(int inChannels, int outChannels, int kernelHeight, int kernelWidth, Conv2dSpec spec, DType dtype) {
    this(inChannels, outChannels, kernelHeight, kernelWidth, spec, dtype, Seed.generator());
  }

  private Conv2d(Conv2dSpec spec, NDArray weight, NDArray bias) {
    this.spec = spec;
    this.weight = new Parameter(weight);
    this.bias = bias == null ? null : new Parameter(bias);
  }

  /** "same" padding at stride 1: the output is H×W like the input (odd total padding goes bottom/right). */
  public static Conv2d same(int inChannels, int outChannels, int kernelSize, RandomGenerator rng) {
    return new Conv2d(inChannels, outChannels, kernelSize, Conv2dSpec.same(kernelSize, kernelSize, 1, 1), rng);
  }

  /** As {@link #same(int, int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public static Conv2d same(int inChannels, int outChannels, int kernelSize) {
    return same(inChannels, outChannels, kernelSize, Seed.generator());
  }

  /** y = conv2d(x, W) with no bias parameter (before a BatchNorm2d, which has its own shift). */
  public static Conv2d withoutBias(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, DType dtype, RandomGenerator rng) {
    return new Conv2d(spec, sampleWeight(inChannels, outChannels, kernelSize, kernelSize, spec, dtype, rng), null);
  }

  /** As {@link #withoutBias(int, int, int, Conv2dSpec, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public static Conv2d withoutBias(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, DType dtype) {
    return withoutBias(inChannels, outChannels, kernelSize, spec, dtype, Seed.generator());
  }

  private static NDArray sampleWeight(int in, int out, int kh, int kw, Conv2dSpec spec, DType dtype, RandomGenerator rng) {
    if (in < 1 || out < 1 || kh < 1 || kw < 1) {
      throw new IllegalArgumentException("Conv2d: channels and kernel must be positive, got " + in + " -> " + out + ", kernel " + kh + "x" + kw);
    }
    if (in % spec.groups() != 0 || out % spec.groups() != 0) {
      throw new IllegalArgumentException("Conv2d(" + in + " -> " + out + "): both channel counts must be divisible by groups = " + spec.groups());
    }
    return Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN).sample(Shape.of(out, in / spec.groups(), kh, kw), dtype, rng);
  }

  static NDArray sampleBias(int out, int fanIn, DType dtype, RandomGenerator rng) {
    double bound = 1 / Math.sqrt(Math.max(1, fanIn));
    return Init.uniform(-bound, bound).sample(Shape.of(out), dtype, rng);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, inChannels());
    Tensor w = weight.tensor();
    return bias == null ? Convolution.conv2d(input, w, spec) : Convolution.conv2d(input, w, bias.tensor(), spec);
  }

  /** relu(forward(input)) as one primitive ({@link Convolution#conv2dRelu}); {@link Sequential} calls it before a ReLU. */
  public Tensor forwardRelu(Tensor input) {
    ImageShape.require(toString(), input, inChannels());
    return Convolution.conv2dRelu(input, weight.tensor(), bias == null ? null : bias.tensor(), spec);
  }

  /**
   * maxPool2d(relu(forward(input))) as one primitive ({@link Convolution#conv2dReluMaxPool});
   * {@link Sequential} calls it before a ReLU and a MaxPool2d.
   */
  public Tensor forwardReluMaxPool(Tensor input, Pool2dSpec pool) {
    ImageShape.require(toString(), input, inChannels());
    return Convolution.conv2dReluMaxPool(input, weight.tensor(), bias == null ? null : bias.tensor(), spec, pool);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return bias == null ? Params.of("weight", weight) : Params.of("weight", weight, "bias", bias);
  }

  public Parameter weight() { return weight; }
  /** The bias, or null for a layer made by {@link #withoutBias}. */
  public Parameter bias() { return bias; }
  public Conv2dSpec spec() { return spec; }
  public int inChannels() { return weight.shape().dim(1) * spec.groups(); }
  public int outChannels() { return weight.shape().dim(0); }

  @Override
  public String toString() {
    return "Conv2d(" + inChannels() + " -> " + outChannels() + ", kernel " + weight.shape().dim(2) + "x" + weight.shape().dim(3) + ")";
  }
}
