package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.function.Supplier;

/**
 * Conv2d's weight gradient as a primitive, x [N, C, H, W] and g [N, O, OH, OW] → w-shaped
 * [O, C/groups, kh, kw]: per sample and group one GEMM, col(x)[group] · g[group]ᵀ, accumulated over
 * the samples of a chunk (whose column matrix is built while it stays in cache) and reading the
 * gradient in place; the chunks run in parallel and their sums are added in chunk order.
 * The product's longer side goes first: OpenBLAS computes a [long, short] result over a long sum
 * much faster than a [short, long] one (W3's second layer, [144, 32] against [32, 144] over 392
 * positions: 145 against 79 GFLOPS; its first, [16, 9] against [9, 16]: the other way round). When
 * the patch is the longer side the product is the transposed gradient, turned around once at the end.
 * It is the adjoint of
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
    return weightAndBias(geometry, in[0], GradientSamples.inPlace(Im2col.data(in[1]), geometry.outputSample()), false)[0];
  }

  /**
   * How many partial sums the weight gradient keeps at most, so also how many threads it can use.
   * One per chunk of samples, W3's second layer made 32 partials of 4,640 values (0.6 MB) a step, and
   * their allocation and sum took 180 µs on the calling thread, with no other thread to help; with 8
   * its weight gradient took 1,134 / 1,166 µs a step at two threads instead of 1,324 / 1,347.
   */
  static final int PARTIALS = 8;

  /**
   * The weight gradient and, when {@code bias} is set, the bias gradient, the output gradient summed
   * per channel over samples and positions: per sample one more product, g[n]·1, a matrix-vector
   * product on the sample already in cache (a separate sum was a pass over the whole gradient, 2 % of
   * W3's step). The output gradient is read a sample at a time from {@code source}, in place or built
   * per sample ({@link GradientSamples}): this is what the backward passes of {@link Conv2dRule} and
   * {@link ConvReluPoolRule} call when no graph is recorded. The result is {weight, bias or null}.
   */
  static NDArray[] weightAndBias(ConvGeometry g, NDArray input, Supplier<GradientSamples> source, boolean bias) {
    if (DenseConvolution.applies(g)) {
      return DenseConvolution.weightAndBias(g, input, source, bias);
    }
    Object x = Im2col.data(input);
    int outGroup = g.groupOutChannels();
    int patch = g.patch();
    int positions = g.positions();
    int chunk = Im2col.chunk(g);
    int size = g.outChannels() * patch;
    int stride = bias ? size + g.outChannels() : size;   // a partial: the weight's, then the bias's
    int chunks = (g.batch() + chunk - 1) / chunk;
    // One partial sum per span of consecutive chunks, at most PARTIALS spans, added up in order at the
    // end: the spans can run in parallel and the result does not depend on how many threads there were.
    int span = chunk * ((chunks + PARTIALS - 1) / PARTIALS);
    int spans = (g.batch() + span - 1) / span;
    Object ones = bias ? Im2col.ones(input.dtype(), positions) : null;
    Object partials = Im2col.allocate(input.dtype(), spans * stride);
    boolean patchFirst = patch > outGroup;
    Parallel.forEachRun(g.batch(), span, (from, to) -> {
      Object col = ThreadScratch.borrow(input.dtype(), g.groups() * patch * chunk * positions);
      GradientSamples samples = source.get();
      for (int first = from; first < to; first += chunk) {
        int width = Math.min(chunk, to - first) * positions;
        for (int n = first; n < first + width / positions; n++) {
          Im2col.im2col(x, n * g.inputSample(), g, col, (n - first) * positions, width);
        }
        int spanStart = first / span * span;   // its first sample writes the span's partial, the others add to it
        int partial = first / span * stride;
        // One product per sample, accumulated: the gradient's samples are separate matrices in NCHW,
        // and gathering them into one [O, s·OH·OW] matrix first cost a pass over the whole gradient.
        for (int n = first; n < first + width / positions; n++) {
          int column = (n - first) * positions;
          Object sample = samples.load(n);
          int offset = samples.offset(n);
          for (int group = 0; group < g.groups(); group++) {
            int at = offset + group * outGroup * positions;
            int into = partial + group * outGroup * patch;
            if (patchFirst) {
              Im2col.gemm(Transpose.NO, Transpose.YES, patch, outGroup, positions, col, group * patch * width + column, width,
                  sample, at, positions, n > spanStart, partials, into, outGroup);
            } else {
              Im2col.gemm(Transpose.NO, Transpose.YES, outGroup, patch, positions, sample, at, positions,
                  col, group * patch * width + column, width, n > spanStart, partials, into, patch);
            }
          }
          if (bias) {
            Im2col.gemm(Transpose.NO, Transpose.NO, g.outChannels(), 1, positions, sample, offset, positions,
                ones, 0, 1, n > spanStart, partials, partial + size, 1);
          }
        }
      }
      ThreadScratch.giveBack(col);
    });
    Object sum = Im2col.sumRows(partials, spans, stride);
    // The weight's part of the sum: turned around when the patch went first (a new array either way),
    // else as it is.
    Object weight = patchFirst ? Im2col.transposeBlocks(sum, g.groups(), patch, outGroup) : Im2col.copyOfRange(sum, 0, size);
    NDArray biasGradient = bias ? Im2col.array(Im2col.copyOfRange(sum, size, stride), g.outChannels()) : null;
    return new NDArray[] {Im2col.array(weight, g.weightShape().dims()), biasGradient};
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
