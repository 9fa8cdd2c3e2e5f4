package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.blas.Gemm.Transpose;

/**
 * Conv2d's weight gradient as a primitive, x [N, C, H, W] and g [N, O, OH, OW] → w-shaped
 * [O, C/groups, kh, kw]: per chunk of samples and group one GEMM, g[group] · col(x)[group]ᵀ, which
 * sums over the chunk's positions and adds to the previous chunks' sum (β = 1). It is the adjoint of
 * {@link Conv2dRule} in its weight, ⟨convWeight(x, g), b⟩ = ⟨g, conv(x, b)⟩, so its VJPs are
 * convTranspose(g, B̄) for x and conv(x, B̄) for g; being a primitive lets second derivatives of
 * convolutional networks be taken.
 */
final class Conv2dWeightRule implements Rule {
  private final ConvGeometry geometry;

  Conv2dWeightRule(ConvGeometry geometry) {
    this.geometry = geometry;
  }

  public String name() { return "conv2dWeight"; }

  public NDArray forward(NDArray... in) {
    ConvGeometry g = geometry;
    Object x = Im2col.data(in[0]);
    Object gradient = Im2col.channelsFirst(in[1]);
    int outGroup = g.groupOutChannels();
    int patch = g.patch();
    int total = g.batch() * g.positions();
    int chunk = Im2col.chunk(g);
    Object col = Im2col.allocate(in[0].dtype(), g.groups() * patch * chunk * g.positions());
    Object weight = Im2col.allocate(in[0].dtype(), g.outChannels() * patch);
    for (int first = 0; first < g.batch(); first += chunk) {
      int width = Math.min(chunk, g.batch() - first) * g.positions();
      for (int n = first; n < first + width / g.positions(); n++) {
        Im2col.im2col(x, n * g.inputSample(), g, col, (n - first) * g.positions(), width);
      }
      for (int group = 0; group < g.groups(); group++) {
        Im2col.gemm(Transpose.NO, Transpose.YES, outGroup, patch, width, gradient, group * outGroup * total + first * g.positions(), total,
            col, group * patch * width, width, first > 0, weight, group * outGroup * patch, patch);
      }
    }
    return Im2col.array(weight, g.weightShape().dims());
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    return input == 0
        ? Tensor.apply(new ConvTranspose2dRule(geometry), in[1], gradient)
        : Tensor.apply(new Conv2dRule(geometry), in[0], gradient);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(this, t[0], in[1]),
        t[1] == null ? null : Tensor.apply(this, in[0], t[1]));
  }
}
