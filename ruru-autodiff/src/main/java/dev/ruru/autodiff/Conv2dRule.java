package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.function.Supplier;

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
 * H(y) with y the clipped output (y > 0 exactly where the unclipped value is): in a backward pass that
 * records its graph once for all three inputs, before the rules below; in a plain one by each kernel,
 * a sample at a time as it reads them ({@link #kernelVjp}).
 *
 * <p>It is bilinear, so both derivatives are convolutions again: ∂L/∂x = convTranspose(G, w)
 * ({@link ConvTranspose2dRule}, col2im of wᵀ·G) and ∂L/∂w = G·col(x)ᵀ ({@link Conv2dWeightRule});
 * the JVP is conv(ẋ, w) + conv(x, ẇ). The three rules are the three partial maps of one trilinear
 * form ⟨conv(x, w), G⟩, so each one's rules are the other two.
 */
final class Conv2dRule implements Rule {
  private final ConvGeometry geometry;
  private final boolean relu;
  private final ReluMask mask = new ReluMask();
  private final Kernels kernels = new Kernels();

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
    Object out = Im2col.allocate(in[0].dtype(), g.batch() * g.outputSample());
    convolve(g, in, relu, () -> new SampleOutput() {
      Object target(int n) { return out; }
      int offset(int n) { return n * g.outputSample(); }
    });
    return Im2col.array(out, g.outputShape().dims());
  }

  /**
   * Where each sample's [O, OH·OW] output is written, and what follows once it is complete (while it
   * is in cache). Each parallel task takes its own from the supplier.
   */
  abstract static class SampleOutput {
    abstract Object target(int n);

    abstract int offset(int n);

    void finish(int n) {}
  }

  /** The convolution of inputs [x, w, bias?], relu after it if asked, each sample written to {@code outputs}. */
  static void convolve(ConvGeometry g, NDArray[] in, boolean relu, Supplier<SampleOutput> outputs) {
    if (DenseConvolution.applies(g)) {
      DenseConvolution.convolve(g, in, relu, outputs);
      return;
    }
    Object x = Im2col.data(in[0]);
    Object w = Im2col.data(in[1]);
    Object bias = in.length > 2 ? Im2col.data(in[2]) : null;
    int outGroup = g.groupOutChannels();
    int patch = g.patch();
    int chunk = Im2col.chunk(g);
    // Chunks of samples are independent: each thread takes a run of them, with its own buffers.
    Parallel.forEachRun(g.batch(), chunk, (from, to) -> {
      Object col = ThreadScratch.borrow(in[0].dtype(), g.groups() * patch * chunk * g.positions());
      SampleOutput output = outputs.get();
      for (int first = from; first < to; first += chunk) {
        int samples = Math.min(chunk, to - first);
        int width = samples * g.positions();
        for (int n = first; n < first + samples; n++) {
          Im2col.im2col(x, n * g.inputSample(), g, col, (n - first) * g.positions(), width);
        }
        // One product per sample, written where the sample's [O, OH·OW] goes (in the NCHW output, or
        // a caller's scratch): one product per chunk needed a copy of the whole output after it.
        for (int n = first; n < first + samples; n++) {
          Object out = output.target(n);
          int at = output.offset(n);
          for (int group = 0; group < g.groups(); group++) {
            Im2col.gemm(Transpose.NO, Transpose.NO, outGroup, g.positions(), patch, w, group * outGroup * patch, patch,
                col, group * patch * width + (n - first) * g.positions(), width, false,
                out, at + group * outGroup * g.positions(), g.positions());
          }
          if (bias != null) {
            Im2col.addToRows(out, at, bias, g.outChannels(), g.positions());
          }
          if (relu) {
            Im2col.reluInPlace(out, at, g.outputSample());
          }
          output.finish(n);
        }
      }
      ThreadScratch.giveBack(col);
    });
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    if (!GradMode.isRecording() && Tensor.noTangents(gradient, out) && Tensor.noTangents(in)) {
      return Tensor.constant(kernelVjp(input, gradient, in, out));
    }
    if (relu) {
      gradient = mask.of(gradient, out);
    }
    return switch (input) {
      case 0 -> Tensor.apply(new ConvTranspose2dRule(geometry), gradient, in[1]);
      case 1 -> Tensor.apply(new Conv2dWeightRule(geometry), in[0], gradient);
      // Over the positions first (contiguous runs), then the samples: one sum over (0, 2, 3) would
      // first copy the whole gradient into channel-major order.
      default -> gradient.sum(new int[] {2, 3}, Dims.DROP).sum(0, Dims.DROP);
    };
  }

  /**
   * The VJPs as kernels, for a backward pass that records no graph (training's): relu's mask and the
   * bias's sum are applied to each sample of the gradient while it is in cache, instead of as passes
   * over the whole gradient into fresh arrays. The weight's and the bias's come from one pass.
   */
  private NDArray kernelVjp(int input, Tensor g, Tensor[] in, Tensor out) {
    Object gradient = Im2col.data(g.value());
    Supplier<GradientSamples> source = relu
        ? GradientSamples.masked(gradient, Im2col.data(out.value()), geometry.outputSample())
        : GradientSamples.inPlace(gradient, geometry.outputSample());
    return kernels.vjp(input, geometry, g, in, source);
  }

  /**
   * The backward kernels of a convolution's inputs [x, w, bias?] for one output gradient, read per
   * sample from a {@link GradientSamples} source. The weight's pass gives the bias's too, kept for the
   * bias's call that follows it.
   */
  static final class Kernels {
    private Tensor gradient;
    private NDArray biasGradient;

    NDArray vjp(int input, ConvGeometry g, Tensor outputGradient, Tensor[] in, Supplier<GradientSamples> source) {
      return switch (input) {
        case 0 -> ConvTranspose2dRule.transpose(g, source, in[1].value());
        case 1 -> {
          NDArray[] both = Conv2dWeightRule.weightAndBias(g, in[0].value(), source, in.length > 2 && in[2].requiresGrad());
          gradient = outputGradient;
          biasGradient = both[1];
          yield both[0];
        }
        default -> {
          if (outputGradient != gradient || biasGradient == null) {
            biasGradient = Conv2dWeightRule.weightAndBias(g, in[0].value(), source, true)[1];
          }
          NDArray bias = biasGradient;
          gradient = null;
          biasGradient = null;
          yield bias;
        }
      };
    }
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor linear = Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(new Conv2dRule(geometry), t[0], in[1]),
        t[1] == null ? null : Tensor.apply(new Conv2dRule(geometry), in[0], t[1]));
    boolean biasMoves = t.length > 2 && t[2] != null;
    Tensor tangent = Tensor.sumOfTangents(linear, biasMoves ? t[2].reshape(geometry.outChannels(), 1, 1).broadcastTo(out.shape()) : null);
    return relu && tangent != null ? Tensor.apply(new MulHeavisideRule(), tangent, out) : tangent;
  }
}
