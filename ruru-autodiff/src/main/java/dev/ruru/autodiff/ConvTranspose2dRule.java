package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.function.Supplier;

/**
 * The transposed convolution, g [N, O, OH, OW] and w [O, C/groups, kh, kw] → x-shaped [N, C, H, W]:
 * the adjoint of {@link Conv2dRule} in its input, so ⟨convTranspose(g, w), a⟩ = ⟨g, conv(a, w)⟩.
 * For each sample of a chunk and each group, one GEMM makes its columns of the column matrix,
 * col = w[group]ᵀ · g[n, group] ([patch, OH·OW], the gradient read where it lies in NCHW), and col2im
 * adds the chunk's columns back into the images while they are in cache.
 * It is conv2d's input gradient and the kernel of ConvTranspose2d layers (decoders, generators).
 * Its VJPs are conv(Ḡ, w) for g and convWeight(Ḡ, g) for w.
 */
final class ConvTranspose2dRule implements Rule {
  private final ConvGeometry geometry;

  ConvTranspose2dRule(ConvGeometry geometry) {
    this.geometry = geometry;
  }

  public String name() { return "convTranspose2d"; }

  public NDArray forward(NDArray... in) {
    return transpose(geometry, GradientSamples.inPlace(Im2col.data(in[0]), geometry.outputSample()), in[1]);
  }

  /**
   * convTranspose(g, w), g read a sample at a time from {@code source}, in place or built per sample
   * ({@link GradientSamples}): what the backward passes of {@link Conv2dRule} and
   * {@link ConvReluPoolRule} call when no graph is recorded.
   */
  static NDArray transpose(ConvGeometry g, Supplier<GradientSamples> source, NDArray weight) {
    if (DenseConvolution.applies(g)) {
      return DenseConvolution.transpose(g, source, weight);
    }
    Object w = Im2col.data(weight);
    int outGroup = g.groupOutChannels();
    int patch = g.patch();
    int chunk = Im2col.chunk(g);
    Object image = Im2col.allocate(weight.dtype(), g.batch() * g.inputSample());
    // Each chunk adds only into its own samples' images, so chunks run in parallel.
    Parallel.forEachRun(g.batch(), chunk, (from, to) -> {
      Object col = ThreadScratch.borrow(weight.dtype(), g.groups() * patch * chunk * g.positions());
      float[][] scratch = Im2col.col2imScratch(g, image);
      GradientSamples samples = source.get();
      for (int first = from; first < to; first += chunk) {
        int width = Math.min(chunk, to - first) * g.positions();
        // One product per sample and group, reading the gradient where it lies: one product per chunk
        // needed the whole gradient copied into channel-major order first.
        for (int n = first; n < first + width / g.positions(); n++) {
          Object sample = samples.load(n);
          for (int group = 0; group < g.groups(); group++) {
            Im2col.gemm(Transpose.YES, Transpose.NO, patch, g.positions(), outGroup, w, group * outGroup * patch, patch,
                sample, samples.offset(n) + group * outGroup * g.positions(), g.positions(), false,
                col, group * patch * width + (n - first) * g.positions(), width);
          }
        }
        for (int n = first; n < first + width / g.positions(); n++) {
          Im2col.col2im(col, (n - first) * g.positions(), width, g, image, n * g.inputSample(), scratch);
        }
      }
      ThreadScratch.giveBack(col);
    });
    return Im2col.array(image, g.inputShape().dims());
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    return input == 0
        ? Tensor.apply(new Conv2dRule(geometry), gradient, in[1])
        : Tensor.apply(new Conv2dWeightRule(geometry), gradient, in[0]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(this, t[0], in[1]),
        t[1] == null ? null : Tensor.apply(this, in[0], t[1]));
  }
}
