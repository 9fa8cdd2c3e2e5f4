package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.function.Supplier;

/**
 * maxPool2d(relu(conv2d(x, w) + b)), the block convolutional networks are made of, as one primitive
 * ({@link Convolution#conv2dReluMaxPool}). Each sample's convolution is made in a scratch of one
 * sample, clipped and pooled while it is in cache; only the pooled output and where each maximum was
 * are kept. Apart, the convolution's output went to memory and was read back by the pooling, and the
 * backward pass scattered the pooled gradient into a zeroed array of that size and read it twice more:
 * four passes over the largest array of W3's step. The backward kernels rebuild each sample's gradient
 * of the convolution in cache instead ({@link GradientSamples#unpooled}): the pooled gradient times
 * H(pooled), at the recorded maxima. H(pooled) is relu's derivative there: the maximum of a relu
 * window is positive exactly where the convolution's value at that place is.
 *
 * <p>A backward pass that records its graph, or carries tangents, goes through the two rules apart
 * ({@link Conv2dRule} with relu, then {@link MaxPool2dRule}), recomputing the convolution once, so that
 * derivatives of any order are those of the composite; it is also the test oracle.
 */
final class ConvReluPoolRule implements Rule {
  private final ConvGeometry conv;
  private final ConvGeometry pool;
  /** Flat index into the (never stored) [N, O, OH, OW] relu output of each pooled maximum. */
  private int[] argmax;
  private final Conv2dRule.Kernels kernels = new Conv2dRule.Kernels();
  /** The composite, recomputed for a recorded backward pass or tangents. */
  private Conv2dRule convRule;
  private MaxPool2dRule poolRule;
  private Tensor convolved;
  private Tensor pooled;
  private Tensor gradient;
  private Tensor unpooled;

  ConvReluPoolRule(ConvGeometry conv, ConvGeometry pool) {
    this.conv = conv;
    this.pool = pool;
  }

  public String name() { return "conv2dReluMaxPool2d"; }

  public NDArray forward(NDArray... in) {
    int pooledSample = pool.outputSample();
    // Where each maximum was matters only to a backward pass; inference (nothing recording) skips writing it.
    int[] positions = GradMode.isRecording() ? new int[conv.batch() * pooledSample] : null;
    Object out = Im2col.allocate(in[0].dtype(), conv.batch() * pooledSample);
    // Each sample's convolution goes to a scratch this thread keeps (ThreadScratch): a fresh one per
    // call was zeroed for nothing, 8% of the CNN's inference at batch 1 (JFR), since the GEMM writes all of it.
    Conv2dRule.convolve(conv, in, true, () -> new Conv2dRule.SampleOutput() {
      private Object sample;

      Object target(int n) {
        sample = ThreadScratch.borrow(in[0].dtype(), conv.outputSample());
        return sample;
      }

      int offset(int n) { return 0; }

      @Override
      void finish(int n) {
        MaxPool2dRule.poolNonNegative(sample, pool, positions, out, 0, conv.outChannels(), n * pooledSample, n * conv.outputSample());
        ThreadScratch.giveBack(sample);
      }
    });
    argmax = positions;
    return Im2col.array(out, pool.outputShape().dims());
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    if (!GradMode.isRecording() && Tensor.noTangents(g, out) && Tensor.noTangents(in)) {
      Supplier<GradientSamples> source = GradientSamples.unpooled(Im2col.data(g.value()), Im2col.data(out.value()), argmax,
          pool.outputSample(), conv.outputSample());
      return Tensor.constant(kernels.vjp(input, conv, g, in, source));
    }
    composite(in);
    if (g != gradient) {
      gradient = g;
      unpooled = poolRule.vjp(0, g, new Tensor[] {convolved}, pooled);
    }
    return convRule.vjp(input, unpooled, in, convolved);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    composite(in);
    Tensor tangent = convRule.jvp(t, in, convolved);
    return tangent == null ? null : poolRule.jvp(new Tensor[] {tangent}, new Tensor[] {convolved}, pooled);
  }

  /** The two rules apart, applied once to the inputs (recorded when the graph is). */
  private void composite(Tensor[] in) {
    if (convolved == null) {
      convRule = new Conv2dRule(conv, true);
      poolRule = new MaxPool2dRule(pool);
      convolved = Tensor.apply(convRule, in);
      pooled = Tensor.apply(poolRule, convolved);
    }
  }

  /** The pooling's geometry over the convolution's [N, O, OH, OW] output. */
  static ConvGeometry poolGeometry(ConvGeometry conv, Pool2dSpec spec) {
    Shape convolved = conv.outputShape();
    return ConvGeometry.of("maxPool2d", convolved, Shape.of(conv.outChannels(), 1, spec.kernelHeight(), spec.kernelWidth()),
        spec.asConvolution(conv.outChannels()));
  }
}
