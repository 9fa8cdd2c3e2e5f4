package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv1dSpec;
import dev.ruru.autodiff.Convolution1d;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A 1-D transposed convolution layer (the upsampling step of sequence decoders):
 * y = convTranspose1d(x, W) + b (see {@link Convolution1d#convTranspose1d}). Shapes: x [N, Cin, L],
 * W [Cin, Cout/groups, k] (PyTorch's layout), b [Cout], y [N, Cout, OL] with
 * OL = (L − 1)·stride − 2·padding + dilation·(k − 1) + 1 + outputPadding. Initialised as PyTorch does:
 * U(−1/√fan_in, 1/√fan_in) with fan_in = Cout/groups·k.
 *
 * <pre>{@code
 * ConvTranspose1d up = new ConvTranspose1d(32, 16, 4, Conv1dSpec.of(2, 1), 0);
 * Tensor y = up.forward(x);          // x [8, 32, 100] -> y [8, 16, 200]
 * }</pre>
 */
public final class ConvTranspose1d implements Layer {
  private final Conv1dSpec spec;
  private final int outputPadding;
  private final Parameter weight;
  private final Parameter bias;

  /** With a bias; {@code outputPadding} (smaller than the stride or the dilation) is added on the right. */
  public ConvTranspose1d(int inChannels, int outChannels, int kernelSize, Conv1dSpec spec, int outputPadding, DType dtype, RandomGenerator rng) {
    if (inChannels < 1 || outChannels < 1 || kernelSize < 1) {
      throw new IllegalArgumentException("ConvTranspose1d: channels and kernel must be positive, got " + inChannels + " -> " + outChannels
          + ", kernel " + kernelSize);
    }
    if (inChannels % spec.groups() != 0 || outChannels % spec.groups() != 0) {
      throw new IllegalArgumentException("ConvTranspose1d(" + inChannels + " -> " + outChannels
          + "): both channel counts must be divisible by groups = " + spec.groups());
    }
    if (outputPadding < 0 || outputPadding >= Math.max(spec.stride(), spec.dilation())) {
      throw new IllegalArgumentException("ConvTranspose1d: output padding " + outputPadding + " must be non-negative and smaller than the stride "
          + spec.stride() + " or the dilation " + spec.dilation());
    }
    this.spec = spec;
    this.outputPadding = outputPadding;
    Shape shape = Shape.of(inChannels, outChannels / spec.groups(), kernelSize);
    this.weight = new Parameter(Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN).sample(shape, dtype, rng));
    this.bias = new Parameter(Conv2d.sampleBias(outChannels, outChannels / spec.groups() * kernelSize, dtype, rng));
  }

  /** float32, drawing from the global {@link Seed#generator()}. */
  public ConvTranspose1d(int inChannels, int outChannels, int kernelSize, Conv1dSpec spec, int outputPadding) {
    this(inChannels, outChannels, kernelSize, spec, outputPadding, DType.FLOAT32, Seed.generator());
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    SequenceShape.require(toString(), input, inChannels());
    Tensor y = Convolution1d.convTranspose1d(input, weight.tensor(), spec, outputPadding);
    return y.add(bias.tensor().reshape(outChannels(), 1));
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight, "bias", bias);
  }

  public Parameter weight() { return weight; }
  public Parameter bias() { return bias; }
  public int inChannels() { return weight.shape().dim(0); }
  public int outChannels() { return weight.shape().dim(1) * spec.groups(); }

  @Override
  public String toString() {
    return "ConvTranspose1d(" + inChannels() + " -> " + outChannels() + ", kernel " + weight.shape().dim(2) + ")";
  }
}
