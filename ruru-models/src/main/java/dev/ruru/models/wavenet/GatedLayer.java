package dev.ruru.models.wavenet;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Conv1dSpec;
import dev.ruru.autodiff.GatedTanh;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv1d;
import dev.ruru.nn.Embedding;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One gated residual layer of a {@link WaveNet} (van den Oord et al. 2016, §2.3–2.5), on x [N, R, T]
 * and a digit per sequence:
 * <pre>
 *   h = causalConv_d(x) + V·onehot(digit)          [N, 2R, T], kernel 2, dilation d
 *   z = tanh(h[:R]) ⊙ σ(h[R:])                     the gated unit: σ decides how much of tanh passes
 *   skip = W_skip·z                                [N, S, T], to the output head
 *   x' = x + W_res·z                               [N, R, T], to the next layer (none after the last)
 * </pre>
 * The filter and the gate are one convolution of 2R outputs (one im2col, one GEMM for both), and the
 * gated unit is one primitive over both halves ({@link GatedTanh}).
 * {@link #step} computes the same for one time step from the input d steps back and the current one,
 * which is what cached generation feeds it.
 */
final class GatedLayer implements Layer {
  private final int dilation;
  private final int channels;
  private final Conv1d dilated;
  private final Embedding condition;
  private final Conv1d residual;
  private final Conv1d skip;

  /** @param last whether it is the network's last layer, whose residual output nothing reads (so it has none) */
  GatedLayer(WaveNetSpec spec, int dilation, boolean last, DType dtype, RandomGenerator rng) {
    int r = spec.residualChannels();
    this.dilation = dilation;
    this.channels = r;
    this.dilated = new Conv1d(r, 2 * r, WaveNetSpec.KERNEL, Conv1dSpec.causal(WaveNetSpec.KERNEL, dilation), dtype, rng);
    this.condition = new Embedding(spec.digits(), 2 * r, dtype, rng);
    this.residual = last ? null : new Conv1d(r, r, 1, Conv1dSpec.of(1, 0), dtype, rng);
    this.skip = new Conv1d(r, spec.skipChannels(), 1, Conv1dSpec.of(1, 0), dtype, rng);
  }

  /** The layer's two outputs: the next layer's input (null after the last layer) and the skip contribution. */
  record Outputs(Tensor next, Tensor skip) {}

  /** x [N, R, T] and the digits' rows of the conditioning [N, 2R] → the next input and the skip output. */
  Outputs forward(Tensor x, NDArray digits, Mode mode) {
    int n = x.shape().dim(0);
    Tensor h = dilated.forward(x, mode).add(condition.forward(Tensor.constant(digits), mode).reshape(n, 2 * channels, 1));
    Tensor z = GatedTanh.apply(h);
    Tensor next = residual == null ? null : x.add(residual.forward(z, mode));
    return new Outputs(next, skip.forward(z, mode));
  }

  /** A layer is run with {@link #forward(Tensor, NDArray, Mode)}: it needs the digits too. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    throw new UnsupportedOperationException("GatedLayer: a WaveNet layer needs the digits; call forward(x, digits, mode)");
  }

  /** This layer at one time step of B sequences with {@code digits} [B], its weights copied once (generation runs it every sample). */
  LayerStep stepper(NDArray digits) {
    int r = channels;
    NDArray w = dilated.weight().value();
    double[] shift = condition.weight().value().take(digits, 0).add(dilated.bias().value()).toDoubleArray();
    double[][] weights = {w.slice(2, 0, 1, 1).reshape(2 * r, r).toDoubleArray(), w.slice(2, 1, 2, 1).reshape(2 * r, r).toDoubleArray(), shift,
        residual == null ? null : residual.weight().value().toDoubleArray(), residual == null ? null : residual.bias().value().toDoubleArray(),
        skip.weight().value().toDoubleArray(), skip.bias().value().toDoubleArray()};
    return new LayerStep(r, skip.outChannels(), digits.dim(0), dilation, weights);
  }

  int dilation() { return dilation; }

  @Override
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> all = new LinkedHashMap<>(Params.nested("dilated", dilated.parameters()));
    all.putAll(Params.nested("condition", condition.parameters()));
    if (residual != null) {
      all.putAll(Params.nested("residual", residual.parameters()));
    }
    all.putAll(Params.nested("skip", skip.parameters()));
    return all;
  }
}
