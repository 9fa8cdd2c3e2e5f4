package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A transposed convolution layer ("deconvolution", the upsampling step of decoders and generators):
 * y = convTranspose2d(x, W) + b (see {@link Convolution#convTranspose2d}). Shapes: x [N, Cin, H, W],
 * W [Cin, Cout/groups, kh, kw] (PyTorch's layout), b [Cout], y [N, Cout, OH, OW] with
 * OH = (H − 1)·stride − top − bottom + dilation·(kh − 1) + 1 + outputPadding. Initialised as PyTorch
 * does: U(−1/√fan_in, 1/√fan_in) with fan_in = Cout/groups·kh·kw.
 *
 * <pre>{@code
 * ConvTranspose2d up = new ConvTranspose2d(32, 16, 3, Conv2dSpec.of(2, 1), 1, rng);
 * Tensor y = up.forward(x);          // x [8, 32, 7, 7] -> y [8, 16, 14, 14]
 * }</pre>
 */
public final class ConvTranspose2d implements Layer {
  private final Conv2dSpec spec;
  private final int outputPadding;
  private final Parameter weight;
  private final Parameter bias;

  /** Square kernels, float32, with a bias; {@code outputPadding} (smaller than the stride) is added to the bottom and right. */
  public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, int outputPadding, RandomGenerator rng) {
    this(inChannels, outChannels, kernelSize, spec, outputPadding, DType.FLOAT32, rng);
  }

  /** As {@link #ConvTranspose2d(int, int, int, Conv2dSpec, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, int outputPadding) {
    this(inChannels, outChannels, kernelSize, spec, outputPadding, Seed.generator());
  }

  public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, int outputPadding, DType dtype, RandomGenerator rng) {
    if (inChannels < 1 || outChannels < 1 || kernelSize < 1) {
      throw new IllegalArgumentException("ConvTranspose2d: channels and kernel must be positive, got " + inChannels + " -> " + outChannels
          + ", kernel " + kernelSize);
    }
    if (inChannels % spec.groups() != 0 || outChannels % spec.groups() != 0) {
      throw new IllegalArgumentException("ConvTranspose2d(" + inChannels + " -> " + outChannels
          + "): both channel counts must be divisible by groups = " + spec.groups());
    }
    if (outputPadding < 0 || outputPadding >= Math.max(Math.max(spec.strideHeight(), spec.strideWidth()),
        Math.max(spec.dilationHeight(), spec.dilationWidth()))) {
      throw new IllegalArgumentException("ConvTranspose2d: output padding " + outputPadding + " must be non-negative and smaller than the stride "
          + spec.strideHeight() + "x" + spec.strideWidth() + " or the dilation");
    }
    this.spec = spec;
    this.outputPadding = outputPadding;
    Shape shape = Shape.of(inChannels, outChannels / spec.groups(), kernelSize, kernelSize);
    this.weight = new Parameter(Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN).sample(shape, dtype, rng));
    this.bias = new Parameter(Conv2d.sampleBias(outChannels, outChannels / spec.groups() * kernelSize * kernelSize, dtype, rng));
  }

  /** As {@link #ConvTranspose2d(int, int, int, Conv2dSpec, int, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Conv2dSpec spec, int outputPadding, DType dtype) {
    this(inChannels, outChannels, kernelSize, spec, outputPadding, dtype, Seed.generator());
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, inChannels());
    Tensor y = Convolution.convTranspose2d(input, weight.tensor(), spec, outputPadding, outputPadding);
    return y.add(bias.tensor().reshape(outChannels(), 1, 1));
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
    return "ConvTranspose2d(" + inChannels() + " -> " + outChannels() + ", kernel " + weight.shape().dim(2) + "x" + weight.shape().dim(3) + ")";
  }
}
