package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.function.Supplier;

/**
 * The convolution kernels for a kernel that covers its whole unpadded input, output 1×1 (a 7×7 kernel
 * over 7×7 maps: DCGAN's last discriminator layer, and as a transposed convolution its generator's
 * first). Each group is then a dense layer over its C/groups·kh·kw inputs, which lie contiguous in
 * each sample, so each kernel is one product over a run of samples reading the images where they lie:
 * y[n] = x[n]·wᵀ, ∂w = Σₙ g[n]ᵀ·x[n], convTranspose = g·w. Through im2col every sample was a column of
 * its own, copied an element at a time, then a matrix-vector product; the generator's 1.2 MB weight was
 * read once per sample, and the two layers cost as much as the stride-2 ones with 16 times their work.
 * The same values as {@link Conv2dRule}, {@link Conv2dWeightRule} and {@link ConvTranspose2dRule}
 * compute through im2col, which call these when {@link #applies}.
 */
final class DenseConvolution {
  /** The fewest samples one partial weight gradient sums (fewer only in a batch's last span). */
  static final int MIN_SPAN = 32;

  private DenseConvolution() {}

  /** The kernel covers the input exactly, without padding (so the output is 1×1). */
  static boolean applies(ConvGeometry g) {
    Conv2dSpec s = g.spec();
    return g.positions() == 1 && g.kernelHeight() == g.height() && g.kernelWidth() == g.width()
        && s.padTop() == 0 && s.padBottom() == 0 && s.padLeft() == 0 && s.padRight() == 0;
  }

  /** {@link Conv2dRule#convolve} for {@link #applies} geometries: one product per run of samples, then each sample as there. */
  static void convolve(ConvGeometry g, NDArray[] in, boolean relu, Supplier<Conv2dRule.SampleOutput> outputs) {
    Object x = Im2col.data(in[0]);
    Object w = Im2col.data(in[1]);
    Object bias = in.length > 2 ? Im2col.data(in[2]) : null;
    int channels = g.outChannels(), outGroup = g.groupOutChannels(), patch = g.patch();
    Parallel.forEachRun(g.batch(), Im2col.chunk(g), (from, to) -> {
      Object rows = ThreadScratch.borrow(in[0].dtype(), (to - from) * channels);   // [samples, O]
      for (int group = 0; group < g.groups(); group++) {
        Im2col.gemm(Transpose.NO, Transpose.YES, to - from, outGroup, patch, x, from * g.inputSample() + group * patch, g.inputSample(),
            w, group * outGroup * patch, patch, false, rows, group * outGroup, channels);
      }
      Conv2dRule.SampleOutput output = outputs.get();
      for (int n = from; n < to; n++) {
        Object out = output.target(n);
        int at = output.offset(n);
        System.arraycopy(rows, (n - from) * channels, out, at, channels);
        if (bias != null) {
          Im2col.addToRows(out, at, bias, channels, 1);
        }
        if (relu) {
          Im2col.reluInPlace(out, at, channels);
        }
        output.finish(n);
      }
      ThreadScratch.giveBack(rows);
    });
  }

  /**
   * {@link Conv2dWeightRule#weightAndBias} for {@link #applies} geometries: per span of samples (the
   * same spans at any thread count, added in order) one product Gᵀ·X per group and, when
   * {@code bias}, the column sums of G.
   */
  static NDArray[] weightAndBias(ConvGeometry g, NDArray input, Supplier<GradientSamples> source, boolean bias) {
    Object x = Im2col.data(input);
    int channels = g.outChannels(), outGroup = g.groupOutChannels(), patch = g.patch();
    int size = channels * patch;
    int stride = bias ? size + channels : size;
    // A partial is as large as the weight, and writing it costs as much as a sample's products: at
    // least 32 samples a span (the generator's 100×3136 weight took 7 times as long in spans of 8).
    int span = Math.max(MIN_SPAN, Math.ceilDiv(g.batch(), Conv2dWeightRule.PARTIALS));
    int spans = Math.ceilDiv(g.batch(), span);
    Object partials = Im2col.allocate(input.dtype(), spans * stride);
    Object ones = bias ? Im2col.ones(input.dtype(), span) : null;
    Parallel.forEachRun(g.batch(), span, (from, to) -> {
      GradientSamples samples = source.get();
      for (int first = from; first < to; first += span) {
        int count = Math.min(span, to - first);
        int partial = first / span * stride;
        Object rows = gradientRows(samples, first, first + count, channels, input.dtype());
        for (int group = 0; group < g.groups(); group++) {
          Im2col.gemm(Transpose.YES, Transpose.NO, outGroup, patch, count, rows, group * outGroup, channels,
              x, first * g.inputSample() + group * patch, g.inputSample(), false, partials, partial + group * outGroup * patch, patch);
        }
        if (bias) {
          Im2col.gemm(Transpose.YES, Transpose.NO, channels, 1, count, rows, 0, channels, ones, 0, 1, false, partials, partial + size, 1);
        }
        ThreadScratch.giveBack(rows);
      }
    });
    Object sum = Im2col.sumRows(partials, spans, stride);
    NDArray biasGradient = bias ? Im2col.array(Im2col.copyOfRange(sum, size, stride), channels) : null;
    return new NDArray[] {Im2col.array(Im2col.copyOfRange(sum, 0, size), g.weightShape().dims()), biasGradient};
  }

  /** {@link ConvTranspose2dRule#transpose} for {@link #applies} geometries: x[run] = G[run]·w per group, written where the images lie. */
  static NDArray transpose(ConvGeometry g, Supplier<GradientSamples> source, NDArray weight) {
    Object w = Im2col.data(weight);
    int channels = g.outChannels(), outGroup = g.groupOutChannels(), patch = g.patch();
    Object image = Im2col.allocate(weight.dtype(), g.batch() * g.inputSample());
    Parallel.forEachRun(g.batch(), Im2col.chunk(g), (from, to) -> {
      Object rows = gradientRows(source.get(), from, to, channels, weight.dtype());
      for (int group = 0; group < g.groups(); group++) {
        Im2col.gemm(Transpose.NO, Transpose.NO, to - from, patch, outGroup, rows, group * outGroup, channels,
            w, group * outGroup * patch, patch, false, image, from * g.inputSample() + group * patch, g.inputSample());
      }
      ThreadScratch.giveBack(rows);
    });
    return Im2col.array(image, g.inputShape().dims());
  }

  /** Samples [from, to) of the output gradient, O values each, gathered into a [to − from, O] scratch of the thread's. */
  private static Object gradientRows(GradientSamples samples, int from, int to, int channels, DType dtype) {
    Object rows = ThreadScratch.borrow(dtype, (to - from) * channels);
    for (int n = from; n < to; n++) {
      Object sample = samples.load(n);
      System.arraycopy(sample, samples.offset(n), rows, (n - from) * channels, channels);
    }
    return rows;
  }
}
