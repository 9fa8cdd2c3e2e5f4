package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv1dSpec;
import dev.ruru.autodiff.Convolution1d;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A 1-D convolution layer, y = conv1d(x, W) + b (see {@link Convolution1d#conv1d}). Shapes: x [N, C, L],
 * W [O, C/groups, k], b [O], y [N, O, OL] (PyTorch's layout, so weights load into torch.nn.Conv1d
 * unchanged; a causal layer is PyTorch's with its input padded on the left). Initialised as PyTorch
 * does: W and b from U(−1/√fan_in, 1/√fan_in) with fan_in = C/groups·k.
 *
 * <pre>{@code
 * Conv1d conv = new Conv1d(1, 16, 9, Conv1dSpec.of(4, 4));          // x [8, 1, 16000] -> y [8, 16, 4000]
 * Conv1d causal = Conv1d.causal(32, 32, 2, 8);                       // kernel 2, dilation 8, length kept
 * }</pre>
 */
public final class Conv1d implements Layer {
  private final Conv1dSpec spec;
  private final Parameter weight;
  private final Parameter bias;

  /** float32, with a bias, PyTorch's default initialisation, drawing from {@code rng}. */
  public Conv1d(int inChannels, int outChannels, int kernelSize, Conv1dSpec spec, DType dtype, RandomGenerator rng) {
    this(spec, sampleWeight(inChannels, outChannels, kernelSize, spec, dtype, rng),
        Conv2d.sampleBias(outChannels, inChannels / spec.groups() * kernelSize, dtype, rng));
  }

  /** float32, with a bias, drawing from the global {@link Seed#generator()}. */
  public Conv1d(int inChannels, int outChannels, int kernelSize, Conv1dSpec spec) {
    this(inChannels, outChannels, kernelSize, spec, DType.FLOAT32, Seed.generator());
  }

  private Conv1d(Conv1dSpec spec, NDArray weight, NDArray bias) {
    this.spec = spec;
    this.weight = new Parameter(weight);
    this.bias = bias == null ? null : new Parameter(bias);
  }

  /** A causal layer (see {@link Conv1dSpec#causal}): the output is as long as the input and never sees ahead. */
  public static Conv1d causal(int inChannels, int outChannels, int kernelSize, int dilation) {
    return new Conv1d(inChannels, outChannels, kernelSize, Conv1dSpec.causal(kernelSize, dilation));
  }

  /** y = conv1d(x, W) with no bias parameter (before a BatchNorm1d, or where another layer adds one). */
  public static Conv1d withoutBias(int inChannels, int outChannels, int kernelSize, Conv1dSpec spec, DType dtype, RandomGenerator rng) {
    return new Conv1d(spec, sampleWeight(inChannels, outChannels, kernelSize, spec, dtype, rng), null);
  }

  private static NDArray sampleWeight(int in, int out, int kernel, Conv1dSpec spec, DType dtype, RandomGenerator rng) {
    if (in < 1 || out < 1 || kernel < 1) {
      throw new IllegalArgumentException("Conv1d: channels and kernel must be positive, got " + in + " -> " + out + ", kernel " + kernel);
    }
    if (in % spec.groups() != 0 || out % spec.groups() != 0) {
      throw new IllegalArgumentException("Conv1d(" + in + " -> " + out + "): both channel counts must be divisible by groups = " + spec.groups());
    }
    return Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN).sample(Shape.of(out, in / spec.groups(), kernel), dtype, rng);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    SequenceShape.require(toString(), input, inChannels());
    return Convolution1d.conv1d(input, weight.tensor(), bias == null ? null : bias.tensor(), spec);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return bias == null ? Params.of("weight", weight) : Params.of("weight", weight, "bias", bias);
  }

  public Parameter weight() { return weight; }
  /** The bias, or null for a layer made by {@link #withoutBias}. */
  public Parameter bias() { return bias; }
  public Conv1dSpec spec() { return spec; }
  public int kernelSize() { return weight.shape().dim(2); }
  public int inChannels() { return weight.shape().dim(1) * spec.groups(); }
  public int outChannels() { return weight.shape().dim(0); }

  @Override
  public String toString() {
    return "Conv1d(" + inChannels() + " -> " + outChannels() + ", kernel " + kernelSize()
        + (spec.dilation() > 1 ? ", dilation " + spec.dilation() : "") + ")";
  }
}
