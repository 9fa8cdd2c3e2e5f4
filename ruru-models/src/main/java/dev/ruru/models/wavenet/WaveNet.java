package dev.ruru.models.wavenet;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Conv1dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv1d;
import dev.ruru.nn.Embedding;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.Seed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * WaveNet (van den Oord et al. 2016) for µ-law codes, conditioned on a digit:
 * <pre>
 *   x₀ = embedding(codes)                               [N, R, T]  (a kernel-1 convolution of the one-hot codes)
 *   xᵢ₊₁, sᵢ = gatedLayerᵢ(xᵢ, digit)                   dilations 1, 2, …, 2^(L−1), repeated per stack
 *   logits = W₂·relu(W₁·relu(Σᵢ sᵢ) + b₁) + b₂          [N, 256, T]
 * </pre>
 * Every convolution is causal, so logits[:, :, t] depend on codes 0..t only and predict code t + 1
 * ({@link NextSampleObjective}). PyTorch's names: {@code embedding.weight}, {@code layers.3.dilated.weight},
 * {@code layers.3.condition.weight}, {@code layers.3.residual.weight}, {@code layers.3.skip.weight},
 * {@code output.0.weight}, {@code output.1.weight} (bench/wavenet_torch.py builds the same network).
 *
 * <pre>{@code
 * WaveNet net = new WaveNet(WaveNetSpec.defaults(8000), rng);
 * Tensor logits = net.logits(codes, digits, Mode.TRAIN);    // codes [8, 2048] int, digits [8] -> [8, 256, 2048]
 * }</pre>
 */
public final class WaveNet implements Layer {
  private final WaveNetSpec spec;
  private final Embedding embedding;
  private final List<GatedLayer> layers = new ArrayList<>();
  private final Conv1d hidden;
  private final Conv1d output;

  /** Float32 weights drawn from {@code rng} (PyTorch's default initialisation of each layer). */
  public WaveNet(WaveNetSpec spec, RandomGenerator rng) {
    this(spec, DType.FLOAT32, rng);
  }

  /** Weights of {@code dtype} (float64 for exact comparisons) drawn from {@code rng}. */
  public WaveNet(WaveNetSpec spec, DType dtype, RandomGenerator rng) {
    this.spec = spec;
    this.embedding = new Embedding(MuLaw.LEVELS, spec.residualChannels(), dtype, rng);
    for (int i = 0; i < spec.layers(); i++) {
      layers.add(new GatedLayer(spec, spec.dilation(i), i == spec.layers() - 1, dtype, rng));
    }
    int s = spec.skipChannels();
    this.hidden = new Conv1d(s, s, 1, Conv1dSpec.of(1, 0), dtype, rng);
    this.output = new Conv1d(s, MuLaw.LEVELS, 1, Conv1dSpec.of(1, 0), dtype, rng);
  }

  /** As {@link #WaveNet(WaveNetSpec, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public WaveNet(WaveNetSpec spec) {
    this(spec, Seed.generator());
  }

  public WaveNetSpec spec() { return spec; }

  /**
   * The next-code logits [N, 256, T] of codes [N, T] (integers 0..255) conditioned on {@code digits} [N]:
   * position t scores code t + 1 from codes up to t.
   */
  public Tensor logits(NDArray codes, NDArray digits, Mode mode) {
    checkInputs(codes, digits);
    Tensor x = embedding.forward(Tensor.constant(codes), mode).permute(0, 2, 1);
    Tensor skips = null;
    for (GatedLayer layer : layers) {
      GatedLayer.Outputs out = layer.forward(x, digits, mode);
      skips = skips == null ? out.skip() : skips.add(out.skip());
      x = out.next();
    }
    return output.forward(hidden.forward(skips.relu(), mode).relu(), mode);
  }

  /** A WaveNet needs the digits too: call {@link #logits}. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    throw new UnsupportedOperationException("WaveNet: the network needs the codes and the digits; call logits(codes, digits, mode)");
  }

  private void checkInputs(NDArray codes, NDArray digits) {
    if (codes.rank() != 2 || !codes.dtype().isInteger()) {
      throw new IllegalArgumentException("WaveNet: expected integer mu-law codes [batch, time], got " + codes.dtype() + " " + codes.shape()
          + "; encode the waveform with MuLaw.encode");
    }
    if (digits.rank() != 1 || !digits.dtype().isInteger() || digits.dim(0) != codes.dim(0)) {
      throw new IllegalArgumentException("WaveNet: expected one integer digit per sequence, [" + codes.dim(0) + "], got " + digits.dtype()
          + " " + digits.shape());
    }
    for (long digit : digits.toLongArray()) {
      if (digit < 0 || digit >= spec.digits()) {
        throw new IllegalArgumentException("WaveNet: digit " + digit + " is outside the model's classes 0.." + (spec.digits() - 1));
      }
    }
  }

  public DType dtype() { return embedding.weight().value().dtype(); }

  List<GatedLayer> layers() { return layers; }

  /** The output head for one time step, its weights copied once. */
  HeadStep headStepper() {
    return new HeadStep(hidden.weight().value().toDoubleArray(), hidden.bias().value().toDoubleArray(), output.weight().value().toDoubleArray(),
        output.bias().value().toDoubleArray(), spec.skipChannels());
  }

  /** The output head at one time step: skip sums [B·S] → logits [B·256] = W₂·relu(W₁·relu(s) + b₁) + b₂. */
  record HeadStep(double[] hiddenWeight, double[] hiddenBias, double[] outputWeight, double[] outputBias, int skipChannels) {
    double[] apply(double[] skips, int batch) {
      int s = skipChannels;
      double[] logits = new double[batch * MuLaw.LEVELS];
      double[] relu = new double[s];
      double[] hiddenRow = new double[s];
      for (int b = 0; b < batch; b++) {
        for (int c = 0; c < s; c++) {
          relu[c] = Math.max(0, skips[b * s + c]);
        }
        for (int o = 0; o < s; o++) {
          double sum = hiddenBias[o];
          for (int c = 0; c < s; c++) {
            sum += hiddenWeight[o * s + c] * relu[c];
          }
          hiddenRow[o] = Math.max(0, sum);
        }
        for (int o = 0; o < MuLaw.LEVELS; o++) {
          double sum = outputBias[o];
          for (int c = 0; c < s; c++) {
            sum += outputWeight[o * s + c] * hiddenRow[c];
          }
          logits[b * MuLaw.LEVELS + o] = sum;
        }
      }
      return logits;
    }
  }

  /** The embedding table [256·R] in double precision: x₀ at one time step is a row of it. */
  double[] embeddingTable() {
    return embedding.weight().value().toDoubleArray();
  }

  @Override
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> all = new LinkedHashMap<>(Params.nested("embedding", embedding.parameters()));
    for (int i = 0; i < layers.size(); i++) {
      all.putAll(Params.nested("layers." + i, layers.get(i).parameters()));
    }
    all.putAll(Params.nested("output.0", hidden.parameters()));
    all.putAll(Params.nested("output.1", output.parameters()));
    return all;
  }

  @Override
  public String toString() {
    return spec.describe();
  }
}
