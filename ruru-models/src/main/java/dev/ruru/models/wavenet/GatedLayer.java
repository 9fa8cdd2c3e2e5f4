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
 * The filter and the gate are one convolution of 2R outputs (one im2col, one GEMM for both).
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
    Tensor z = h.slice(1, 0, channels, 1).tanh().mul(h.slice(1, channels, 2 * channels, 1).sigmoid());
    Tensor next = residual == null ? null : x.add(residual.forward(z, mode));
    return new Outputs(next, skip.forward(z, mode));
  }

  /** A layer is run with {@link #forward(Tensor, NDArray, Mode)}: it needs the digits too. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    throw new UnsupportedOperationException("GatedLayer: a WaveNet layer needs the digits; call forward(x, digits, mode)");
  }

  /**
   * This layer's arithmetic for one time step of B sequences with {@code digits} [B], its weights laid out
   * once for [B, C] rows (generation runs it for every sample).
   */
  Step stepper(NDArray digits) {
    NDArray w = dilated.weight().value();
    // The causal kernel's tap 0 reads x[t − d], tap 1 reads x[t].
    NDArray past = w.slice(2, 0, 1, 1).reshape(2 * channels, channels).transpose().contiguous();
    NDArray current = w.slice(2, 1, 2, 1).reshape(2 * channels, channels).transpose().contiguous();
    NDArray shift = condition.weight().value().take(digits, 0).add(dilated.bias().value());
    return new Step(channels, past, current, shift, residual == null ? null : Pointwise.of(residual), Pointwise.of(skip));
  }

  /** A kernel-1 convolution as a product of [B, C] rows: z · Wᵀ + b. */
  record Pointwise(NDArray transposed, NDArray bias) {
    static Pointwise of(Conv1d conv) {
      NDArray w = conv.weight().value();
      return new Pointwise(w.reshape(w.dim(0), w.dim(1)).transpose().contiguous(), conv.bias().value());
    }

    NDArray apply(NDArray z) {
      return z.matmul(transposed).add(bias);
    }
  }

  /**
   * {@link #forward} at one time step: x[t − d] and x[t], both [B, R], give x'[t] (null after the last
   * layer) and skip[t]. {@code shift} [B, 2R] is the convolution's bias plus the digits' conditioning.
   */
  record Step(int channels, NDArray pastTaps, NDArray currentTaps, NDArray shift, Pointwise residual, Pointwise skip) {
    StepOutputs apply(NDArray past, NDArray current) {
      NDArray h = past.matmul(pastTaps).add(current.matmul(currentTaps)).add(shift);
      NDArray z = h.slice(1, 0, channels, 1).tanh().mul(h.slice(1, channels, 2 * channels, 1).sigmoid());
      return new StepOutputs(residual == null ? null : current.add(residual.apply(z)), skip.apply(z));
    }
  }

  /** One step's x'[t] [B, R] (null after the last layer) and skip[t] [B, S]. */
  record StepOutputs(NDArray next, NDArray skip) {}

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
