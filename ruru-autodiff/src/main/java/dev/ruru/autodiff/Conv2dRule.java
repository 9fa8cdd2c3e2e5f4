package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Gemm.Transpose;

/**
 * 2-D cross-correlation (deep learning's "convolution"), x [N, C, H, W] ⋆ w [O, C/groups, kh, kw] →
 * y [N, O, OH, OW], a fused primitive: im2col of a chunk of samples, then one GEMM per sample and
 * group, y[n, group] = w[group] · col(x)[n, group] of shape [O/groups, OH·OW], written where it lies
 * in the NCHW output.
 * Chunks run in parallel ({@link Parallel#forEachRun}), each its own single-threaded GEMMs. An
 * optional third input, a bias [O], is added to each channel's rows while they are in cache (as a
 * separate broadcast add it cost a pass over the output and a fresh array); its gradient is the
 * output gradient summed over samples and positions.
 * The composite (padding, strided slices and matrix products) is its test oracle.
 *
 * <p>Optionally relu follows, fused the same way ({@link Convolution#conv2dRelu}): each sample's
 * output is clipped while it is still in cache. As a separate relu it cost a pass over the whole
 * output into a fresh array, 7 % of W3's training step. The gradient is masked by relu's derivative,
 * H(y) with y the clipped output (y > 0 exactly where the unclipped value is), before it reaches the
 * rules below, and the masked gradient is computed once for all three inputs.
 *
 * <p>It is bilinear, so both derivatives are convolutions again: ∂L/∂x = convTranspose(G, w)
 * ({@link ConvTranspose2dRule}, col2im of wᵀ·G) and ∂L/∂w = G·col(x)ᵀ ({@link Conv2dWeightRule});
 * the JVP is conv(ẋ, w) + conv(x, ẇ). The three rules are the three partial maps of one trilinear
 * form ⟨conv(x, w), G⟩, so each one's rules are the other two.
 */
final class Conv2dRule implements Rule {
  private final ConvGeometry geometry;
  private final boolean relu;
  /** The gradient last passed to {@link #vjp} and that gradient times H(y), when {@link #relu}. */
  private Tensor gradient;
  private Tensor masked;

  Conv2dRule(ConvGeometry geometry) {
    this(geometry, false);
  }

  Conv2dRule(ConvGeometry geometry, boolean relu) {
    this.geometry = geometry;
    this.relu = relu;
  }

  public String name() { return relu ? "conv2dRelu" : "conv2d"; }

  public NDArray forward(NDArray... in) {
    ConvGeometry g = geometry;
    Object x = Im2col.data(in[0]);
    Object w = Im2col.data(in[1]);
    Object bias = in.length > 2 ? Im2col.data(in[2]) : null;
    int outGroup = g.groupOutChannels();
    int patch = g.patch();
    int chunk = Im2col.chunk(g);
    Object out = Im2col.allocate(in[0].dtype(), g.batch() * g.outputSample());
    // Chunks of samples are independent: each thread takes a run of them, with its own buffers.
    Parallel.forEachRun(g.batch(), chunk, (from, to) -> {
      Object col = Im2col.allocate(in[0].dtype(), g.groups() * patch * chunk * g.positions());
      for (int first = from; first < to; first += chunk) {
        int samples = Math.min(chunk, to - first);
        int width = samples * g.positions();
        for (int n = first; n < first + samples; n++) {
          Im2col.im2col(x, n * g.inputSample(), g, col, (n - first) * g.positions(), width);
        }
        // One product per sample, written where the sample's [O, OH·OW] lies in the NCHW output:
        // one product per chunk needed a copy of the whole output into NCHW after it.
        for (int n = first; n < first + samples; n++) {
          for (int group = 0; group < g.groups(); group++) {
            Im2col.gemm(Transpose.NO, Transpose.NO, outGroup, g.positions(), patch, w, group * outGroup * patch, patch,
                col, group * patch * width + (n - first) * g.positions(), width, false,
                out, n * g.outputSample() + group * outGroup * g.positions(), g.positions());
          }
          if (bias != null) {
            Im2col.addToRows(out, n * g.outputSample(), bias, g.outChannels(), g.positions());
          }
          if (relu) {
            Im2col.reluInPlace(out, n * g.outputSample(), g.outputSample());
          }
        }
      }
    });
    return Im2col.array(out, g.outputShape().dims());
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    if (relu) {
      gradient = masked(gradient, out);
    }
    return switch (input) {
      case 0 -> Tensor.apply(new ConvTranspose2dRule(geometry), gradient, in[1]);
      case 1 -> Tensor.apply(new Conv2dWeightRule(geometry), in[0], gradient);
      // Over the positions first (contiguous runs), then the samples: one sum over (0, 2, 3) would
      // first copy the whole gradient into channel-major order.
      default -> gradient.sum(new int[] {2, 3}, Dims.DROP).sum(0, Dims.DROP);
    };
  }

  private Tensor masked(Tensor g, Tensor out) {
    if (g != gradient) {
      gradient = g;
      masked = Tensor.apply(new MulHeavisideRule(), g, out);
    }
    return masked;
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor linear = Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(new Conv2dRule(geometry), t[0], in[1]),
        t[1] == null ? null : Tensor.apply(new Conv2dRule(geometry), in[0], t[1]));
    boolean biasMoves = t.length > 2 && t[2] != null;
    Tensor tangent = Tensor.sumOfTangents(linear, biasMoves ? t[2].reshape(geometry.outChannels(), 1, 1).broadcastTo(out.shape()) : null);
    return relu && tangent != null ? Tensor.apply(new MulHeavisideRule(), tangent, out) : tangent;
  }
}
