package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused convolution primitives (pooling: PoolingTest) against their composite oracles (padding, strided
 * slices, matrix products, maximum) and against central differences, in both modes and to second
 * order; and the errors they raise.
 */
class ConvolutionTest {
  static NDArray random(long seed, int... shape) {
    return NDArray.normal(Shape.of(shape), 0, 1, DType.FLOAT64, new SplittableRandom(seed));
  }

  /** conv2d composed from existing primitives: pad, then for each kernel tap a strided slice times w[:, :, a, b]. */
  static Tensor compositeConv(Tensor x, Tensor w, Conv2dSpec s) {
    int n = x.shape().dim(0), groups = s.groups(), groupIn = w.shape().dim(1), groupOut = w.shape().dim(0) / groups;
    int kh = w.shape().dim(2), kw = w.shape().dim(3);
    int oh = Conv2dSpec.outputLength(x.shape().dim(2), s.padTop(), s.padBottom(), kh, s.dilationHeight(), s.strideHeight());
    int ow = Conv2dSpec.outputLength(x.shape().dim(3), s.padLeft(), s.padRight(), kw, s.dilationWidth(), s.strideWidth());
    Tensor padded = x.pad(new int[][] {{0, 0}, {0, 0}, {s.padTop(), s.padBottom()}, {s.padLeft(), s.padRight()}});
    List<Tensor> outputs = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      Tensor xg = padded.slice(1, g * groupIn, (g + 1) * groupIn, 1);
      Tensor wg = w.slice(0, g * groupOut, (g + 1) * groupOut, 1);
      Tensor sum = null;
      for (int a = 0; a < kh; a++) {
        for (int b = 0; b < kw; b++) {
          int top = a * s.dilationHeight(), left = b * s.dilationWidth();
          Tensor window = xg.slice(2, top, top + (oh - 1) * s.strideHeight() + 1, s.strideHeight())
              .slice(3, left, left + (ow - 1) * s.strideWidth() + 1, s.strideWidth());
          Tensor tap = wg.slice(2, a, a + 1, 1).slice(3, b, b + 1, 1).reshape(groupOut, groupIn);
          Tensor term = tap.matmul(window.permute(1, 0, 2, 3).reshape(groupIn, n * oh * ow));
          sum = sum == null ? term : sum.add(term);
        }
      }
      outputs.add(sum.reshape(groupOut, n, oh, ow).permute(1, 0, 2, 3));
    }
    return Tensor.concat(outputs, 1);
  }

  static Stream<Arguments> convolutions() {
    return Stream.of(
        Arguments.of(new int[] {2, 3, 6, 5}, new int[] {4, 3, 3, 3}, Conv2dSpec.of(1, 1)),
        Arguments.of(new int[] {2, 4, 7, 8}, new int[] {6, 2, 3, 2}, Conv2dSpec.of(2, 1).withGroups(2)),
        Arguments.of(new int[] {1, 2, 9, 7}, new int[] {3, 2, 3, 2}, Conv2dSpec.of(1, 0).withDilation(2, 3).withPadding(2, 0, 1, 3)),
        Arguments.of(new int[] {2, 3, 8, 6}, new int[] {3, 1, 4, 3}, Conv2dSpec.of(3, 2).withStride(3, 2).withGroups(3)),
        Arguments.of(new int[] {3, 2, 5, 5}, new int[] {2, 2, 1, 1}, Conv2dSpec.of(1, 0)),
        // a 5×5 kernel over a 3×4 input with "same" padding: some kernel rows never touch the input
        Arguments.of(new int[] {2, 2, 3, 4}, new int[] {3, 2, 5, 5}, Conv2dSpec.of(1, 2)),
        // two groups of 4 channels, patches of 36: the weight gradient's product is computed transposed
        Arguments.of(new int[] {2, 8, 5, 6}, new int[] {6, 4, 3, 3}, Conv2dSpec.of(1, 1).withGroups(2)));
  }

  /**
   * float32 has loops of its own (im2col's shifted-plane copy among them, for stride 1 with output
   * rows as wide as the input's); float64's composite is their reference.
   */
  @ParameterizedTest
  @MethodSource("convolutions")
  void float32FusedConvolutionAgreesWithTheFloat64Composite(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = random(6, xShape);
    NDArray w = random(7, wShape);
    NDArray expected = compositeConv(Tensor.constant(x), Tensor.constant(w), spec).value();
    NDArray cotangent = random(8, expected.shape().dims());
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], spec);
    TensorFunction composite = in -> compositeConv(in[0], in[1], spec);
    NDArray[] single = {x.astype(DType.FLOAT32), w.astype(DType.FLOAT32)};
    NDArray value = fused.apply(Tensor.constant(single[0]), Tensor.constant(single[1])).value();
    assertEquals(DType.FLOAT32, value.dtype());
    assertTrue(value.astype(DType.FLOAT64).allClose(expected, 1e-5, 1e-5), "forward");
    NDArray[] grads = Autodiff.vjp(fused, single, cotangent.astype(DType.FLOAT32));
    NDArray[] reference = Autodiff.vjp(composite, new NDArray[] {x, w}, cotangent);
    assertTrue(grads[0].astype(DType.FLOAT64).allClose(reference[0], 1e-5, 1e-5), "input gradient");
    assertTrue(grads[1].astype(DType.FLOAT64).allClose(reference[1], 1e-5, 1e-5), "weight gradient");
  }

  static Stream<Arguments> biasedConvolutions() {
    return Stream.of(
        Arguments.of(Conv2dSpec.of(2, 1).withStride(2, 1), new int[] {3, 2, 7, 6}, new int[] {4, 2, 3, 3}),
        // larger patches, one and two groups
        Arguments.of(Conv2dSpec.of(1, 1), new int[] {2, 4, 5, 6}, new int[] {6, 4, 3, 3}),
        Arguments.of(Conv2dSpec.of(1, 1).withGroups(2), new int[] {2, 8, 5, 6}, new int[] {6, 4, 3, 3}));
  }

  @ParameterizedTest
  @MethodSource("biasedConvolutions")
  void theFusedBiasEqualsABroadcastAddAndPassesGradcheck(Conv2dSpec spec, int[] xShape, int[] wShape) {
    NDArray x = random(41, xShape);
    NDArray w = random(42, wShape);
    int channels = wShape[0];
    NDArray b = random(43, channels);
    NDArray cotangent = random(44, Convolution.conv2d(Tensor.constant(x), Tensor.constant(w), spec).shape().dims());
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], in[2], spec);
    TensorFunction composite = in -> Convolution.conv2d(in[0], in[1], spec).add(in[2].reshape(channels, 1, 1));
    NDArray single = fused.apply(Tensor.constant(x.astype(DType.FLOAT32)), Tensor.constant(w.astype(DType.FLOAT32)),
        Tensor.constant(b.astype(DType.FLOAT32))).value();   // float32 has loops of its own
    assertTrue(single.astype(DType.FLOAT64).allClose(composite.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value(), 1e-5, 1e-5));
    NDArray[] inputs = {x, w, b};
    assertTrue(Autodiff.vjp(fused, inputs, cotangent)[2].allClose(Autodiff.vjp(composite, inputs, cotangent)[2], 1e-12, 1e-12));
    assertTrue(fused.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value()
        .allClose(composite.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value(), 1e-12, 1e-12));
    GradCheck.assertVjpMatches(fused, x, w, b);
    GradCheck.assertJvpMatches(fused, x, w, b);
  }

  @ParameterizedTest
  @MethodSource("biasedConvolutions")
  void theFusedReluEqualsConvolutionThenReluBitForBitAndPassesGradcheck(Conv2dSpec spec, int[] xShape, int[] wShape) {
    NDArray x = random(51, xShape);
    NDArray w = random(52, wShape);
    NDArray b = random(53, wShape[0]);
    TensorFunction fused = in -> Convolution.conv2dRelu(in[0], in[1], in[2], spec);
    assertFusedEqualsApart(fused, in -> Convolution.conv2d(in[0], in[1], in[2], spec).relu(), x, w, b, 54);
    GradCheck.assertVjpMatches(in -> Convolution.conv2dRelu(in[0], in[1], null, spec), x, w);
    // The convolution without relu takes the same kernels in a plain backward pass.
    assertRecordedAndPlainBackwardAgree(in -> Convolution.conv2d(in[0], in[1], in[2], spec), random(54, fused.apply(
        Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).shape().dims()), x, w, b);
  }

  /**
   * The fused primitive {@code fused} against the operations {@code apart} on inputs [x, w, b]: the same
   * values, gradients and JVPs bit for bit in float64 and float32 (which has loops of its own), with
   * some outputs clipped and some not; gradcheck; and a backward pass that records its graph (the
   * composite rules, differentiable again) agreeing with a plain one (training's kernels).
   */
  private static void assertFusedEqualsApart(TensorFunction fused, TensorFunction apart, NDArray x, NDArray w, NDArray b, long seed) {
    NDArray cotangent = random(seed, apart.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).shape().dims());
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      NDArray[] inputs = {x.astype(dtype), w.astype(dtype), b.astype(dtype)};
      NDArray value = fused.apply(Tensor.constant(inputs[0]), Tensor.constant(inputs[1]), Tensor.constant(inputs[2])).value();
      assertEquals(apart.apply(Tensor.constant(inputs[0]), Tensor.constant(inputs[1]), Tensor.constant(inputs[2])).value(), value);
      assertTrue(value.min().item() == 0 && value.max().item() > 0, "some outputs clipped, some not");
      NDArray[] fusedGrads = Autodiff.vjp(fused, inputs, cotangent.astype(dtype));
      NDArray[] apartGrads = Autodiff.vjp(apart, inputs, cotangent.astype(dtype));
      for (int i = 0; i < 3; i++) {
        assertEquals(apartGrads[i], fusedGrads[i], "gradient " + i + " in " + dtype);
      }
      NDArray[] tangents = {random(seed + 1, x.shape().dims()).astype(dtype), random(seed + 2, w.shape().dims()).astype(dtype),
          random(seed + 3, b.shape().dims()).astype(dtype)};
      assertEquals(Autodiff.jvp(apart, inputs, tangents).tangent(), Autodiff.jvp(fused, inputs, tangents).tangent(), "jvp in " + dtype);
    }
    GradCheck.assertVjpMatches(fused, x, w, b);
    GradCheck.assertJvpMatches(fused, x, w, b);
    assertRecordedAndPlainBackwardAgree(fused, cotangent, x, w, b);
  }

  private static void assertRecordedAndPlainBackwardAgree(TensorFunction f, NDArray cotangent, NDArray... inputs) {
    Tensor[] leaves = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      leaves[i] = Tensor.variable(inputs[i]);
    }
    Gradients recorded = f.apply(leaves).backward(cotangent, List.of(leaves), Backward.CREATE_GRAPH);
    NDArray[] plain = Autodiff.vjp(f, inputs, cotangent);
    for (int i = 0; i < inputs.length; i++) {
      assertTrue(recorded.get(leaves[i]).allClose(plain[i], 1e-12, 1e-12), "recorded and plain backward, input " + i);
    }
  }

  static Stream<Arguments> convolutionBlocks() {
    return Stream.of(
        // W3's block: same padding, 2x2 pooling at stride 2 (the float32 halving loop)
        Arguments.of(Conv2dSpec.of(1, 1), Pool2dSpec.of(2), new int[] {3, 2, 6, 6}, new int[] {4, 2, 3, 3}),
        // overlapping, padded windows; odd sizes; groups
        Arguments.of(Conv2dSpec.of(1, 0), Pool2dSpec.of(3, 2, 1), new int[] {2, 4, 7, 6}, new int[] {6, 4, 2, 2}),
        Arguments.of(Conv2dSpec.of(2, 1).withGroups(2), Pool2dSpec.of(2, 1, 0), new int[] {2, 4, 9, 8}, new int[] {4, 2, 3, 3}));
  }

  @ParameterizedTest
  @MethodSource("convolutionBlocks")
  void theFusedBlockEqualsConvolutionReluAndPoolingApart(Conv2dSpec spec, Pool2dSpec pool, int[] xShape, int[] wShape) {
    NDArray b = random(63, wShape[0]).sub(3);   // so that some windows are clipped whole
    assertFusedEqualsApart(in -> Convolution.conv2dReluMaxPool(in[0], in[1], in[2], spec, pool),
        in -> Convolution.maxPool2d(Convolution.conv2d(in[0], in[1], in[2], spec).relu(), pool), random(61, xShape), random(62, wShape), b, 64);
  }

  @Test
  void theFusedBlockHasSecondDerivatives() {
    NDArray x = random(71, 2, 2, 5, 5);
    NDArray w = random(72, 3, 2, 3, 3);
    NDArray v = random(73, 2, 2, 5, 5);
    TensorFunction fused = in -> Convolution.conv2dReluMaxPool(in[0], Tensor.constant(w), null, Conv2dSpec.of(1, 1), Pool2dSpec.of(2));
    TensorFunction apart = in -> Convolution.maxPool2d(Convolution.conv2d(in[0], Tensor.constant(w), Conv2dSpec.of(1, 1)).relu(), Pool2dSpec.of(2));
    TensorFunction fusedLoss = in -> { Tensor y = fused.apply(in); return y.mul(y).sum(); };
    TensorFunction apartLoss = in -> { Tensor y = apart.apply(in); return y.mul(y).sum(); };
    assertEquals(Autodiff.hessianVectorProduct(apartLoss, x, v), Autodiff.hessianVectorProduct(fusedLoss, x, v));
  }

  @Test
  void chunksRunInParallelWithTheSameBitsAsOnOneThread() {
    // conv: 4·3·3 × 16·16 = 9 216 elements a sample, 7 samples a chunk, 3 chunks; pool: 256-element
    // planes, 256 planes a chunk, 2 chunks. float32, so the BLAS products themselves are compared.
    Conv2dSpec spec = Conv2dSpec.of(1, 1);
    NDArray x = random(31, 20, 4, 16, 16).astype(DType.FLOAT32);
    NDArray w = random(32, 6, 4, 3, 3).astype(DType.FLOAT32);
    NDArray pooled = random(33, 64, 8, 16, 16).astype(DType.FLOAT32);
    TensorFunction conv = in -> Convolution.conv2d(in[0], in[1], spec).tanh().sum();
    TensorFunction pool = in -> Convolution.maxPool2d(in[0], Pool2dSpec.of(2)).tanh().sum();
    int threads = dev.ruru.array.Parallel.threads();
    try {
      dev.ruru.array.Parallel.setThreads(1);
      NDArray[] convOne = Autodiff.grad(conv, x, w);
      NDArray[] poolOne = Autodiff.grad(pool, pooled);
      dev.ruru.array.Parallel.setThreads(3);
      NDArray[] convMany = Autodiff.grad(conv, x, w);
      NDArray[] poolMany = Autodiff.grad(pool, pooled);
      assertEquals(convOne[0], convMany[0], "input gradient");
      assertEquals(convOne[1], convMany[1], "weight gradient");
      assertEquals(poolOne[0], poolMany[0], "pooling gradient");
    } finally {
      dev.ruru.array.Parallel.setThreads(threads);
    }
  }

  @ParameterizedTest
  @MethodSource("convolutions")
  void fusedConvolutionAgreesWithCompositeInValueVjpAndJvp(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = random(1, xShape);
    NDArray w = random(2, wShape);
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], spec);
    TensorFunction composite = in -> compositeConv(in[0], in[1], spec);
    NDArray expected = composite.apply(Tensor.constant(x), Tensor.constant(w)).value();
    assertTrue(fused.apply(Tensor.constant(x), Tensor.constant(w)).value().allClose(expected, 1e-12, 1e-12), "forward");
    NDArray cotangent = random(3, expected.shape().dims());
    NDArray[] fusedGrads = Autodiff.vjp(fused, new NDArray[] {x, w}, cotangent);
    NDArray[] compositeGrads = Autodiff.vjp(composite, new NDArray[] {x, w}, cotangent);
    assertTrue(fusedGrads[0].allClose(compositeGrads[0], 1e-12, 1e-12), "input gradient");
    assertTrue(fusedGrads[1].allClose(compositeGrads[1], 1e-12, 1e-12), "weight gradient");
    NDArray[] tangents = {random(4, xShape), random(5, wShape)};
    NDArray fusedJvp = Autodiff.jvp(fused, new NDArray[] {x, w}, tangents).tangent();
    assertTrue(fusedJvp.allClose(Autodiff.jvp(composite, new NDArray[] {x, w}, tangents).tangent(), 1e-12, 1e-12), "jvp");
  }

  @Test
  void chunksShareTheBatchEvenly() {
    // W3's first layer: 9·784 elements a sample, so 9 fit in 64 K; 64 samples go in 8 chunks of 8, not 7 of 9 and 1 of 1.
    assertEquals(8, Im2col.chunk(ConvGeometry.of("conv2d", Shape.of(64, 1, 28, 28), Shape.of(16, 1, 3, 3), Conv2dSpec.of(1, 1))));
    // Its second: 2 fit, 32 chunks of 2.
    assertEquals(2, Im2col.chunk(ConvGeometry.of("conv2d", Shape.of(64, 16, 14, 14), Shape.of(32, 16, 3, 3), Conv2dSpec.of(1, 1))));
    // 100 samples of which 9 fit: 12 chunks, of 9 (the last of 1).
    assertEquals(9, Im2col.chunk(ConvGeometry.of("conv2d", Shape.of(100, 1, 28, 28), Shape.of(16, 1, 3, 3), Conv2dSpec.of(1, 1))));
    // A sample larger than a chunk: one each.
    assertEquals(1, Im2col.chunk(ConvGeometry.of("conv2d", Shape.of(3, 64, 64, 64), Shape.of(8, 64, 3, 3), Conv2dSpec.of(1, 1))));
  }

  @Test
  void moreChunksThanPartialsShareSpansOfChunksWithTheSameBitsOnAnyThreadCount() {
    // 8·3·3 × 20·20 = 28 800 elements a sample: chunks of 2, so 20 samples make 10 chunks, more than
    // the weight gradient's 8 partials: spans of 2 chunks, 5 partials.
    Conv2dSpec spec = Conv2dSpec.of(1, 1);
    assertEquals(10, 20 / Im2col.chunk(ConvGeometry.of("conv2d", Shape.of(20, 8, 20, 20), Shape.of(4, 8, 3, 3), spec)));
    NDArray x = random(61, 20, 8, 20, 20);
    NDArray w = random(62, 4, 8, 3, 3);
    NDArray b = random(63, 4);
    NDArray cotangent = random(64, 20, 4, 20, 20);
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], in[2], spec);
    TensorFunction composite = in -> compositeConv(in[0], in[1], spec).add(in[2].reshape(4, 1, 1));
    NDArray[] expected = Autodiff.vjp(composite, new NDArray[] {x, w, b}, cotangent);
    NDArray[] actual = Autodiff.vjp(fused, new NDArray[] {x, w, b}, cotangent);
    assertTrue(actual[1].allClose(expected[1], 1e-12, 1e-12), "weight gradient");
    assertTrue(actual[2].allClose(expected[2], 1e-12, 1e-12), "bias gradient");
    NDArray[] single = {x.astype(DType.FLOAT32), w.astype(DType.FLOAT32), b.astype(DType.FLOAT32)};
    int threads = dev.ruru.array.Parallel.threads();
    try {
      dev.ruru.array.Parallel.setThreads(1);
      NDArray[] one = Autodiff.vjp(fused, single, cotangent.astype(DType.FLOAT32));
      dev.ruru.array.Parallel.setThreads(3);
      NDArray[] many = Autodiff.vjp(fused, single, cotangent.astype(DType.FLOAT32));
      assertEquals(one[1], many[1], "weight gradient");
      assertEquals(one[2], many[2], "bias gradient");
    } finally {
      dev.ruru.array.Parallel.setThreads(threads);
    }
  }

  @Test
  void batchesSplitIntoSeveralChunksAgreeWithComposite() {
    // 8·3·3 rows × 20·20 columns per sample: 28 800 elements, so a 64 K chunk holds 2 of the 5 samples.
    ConvGeometry geometry = ConvGeometry.of("conv2d", Shape.of(5, 8, 20, 20), Shape.of(4, 8, 3, 3), Conv2dSpec.of(1, 1));
    assertEquals(2, Im2col.chunk(geometry));
    Conv2dSpec spec = Conv2dSpec.of(1, 1);
    NDArray x = random(22, 5, 8, 20, 20);
    NDArray w = random(23, 4, 8, 3, 3);
    NDArray cotangent = random(24, 5, 4, 20, 20);
    NDArray[] fused = Autodiff.vjp(in -> Convolution.conv2d(in[0], in[1], spec), new NDArray[] {x, w}, cotangent);
    NDArray[] composite = Autodiff.vjp(in -> compositeConv(in[0], in[1], spec), new NDArray[] {x, w}, cotangent);
    assertTrue(Convolution.conv2d(Tensor.constant(x), Tensor.constant(w), spec).value()
        .allClose(compositeConv(Tensor.constant(x), Tensor.constant(w), spec).value(), 1e-12, 1e-12), "forward");
    assertTrue(fused[0].allClose(composite[0], 1e-12, 1e-12), "input gradient");
    assertTrue(fused[1].allClose(composite[1], 1e-12, 1e-12), "weight gradient");
  }

  @ParameterizedTest
  @MethodSource("convolutions")
  void convolutionRulesMatchFiniteDifferences(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = random(6, xShape);
    NDArray w = random(7, wShape);
    GradCheck.assertVjpMatches(in -> Convolution.conv2d(in[0], in[1], spec), x, w);
    GradCheck.assertJvpMatches(in -> Convolution.conv2d(in[0], in[1], spec), x, w);
    ConvGeometry geometry = ConvGeometry.of("conv2d", x.shape(), w.shape(), spec);
    NDArray g = random(8, geometry.outputShape().dims());
    // The two derivative primitives, checked as functions of both their inputs: second derivatives rest on them.
    GradCheck.assertVjpMatches(in -> Tensor.apply(new ConvTranspose2dRule(geometry), in[0], in[1]), g, w);
    GradCheck.assertJvpMatches(in -> Tensor.apply(new ConvTranspose2dRule(geometry), in[0], in[1]), g, w);
    GradCheck.assertVjpMatches(in -> Tensor.apply(new Conv2dWeightRule(geometry), in[0], in[1]), x, g);
    GradCheck.assertJvpMatches(in -> Tensor.apply(new Conv2dWeightRule(geometry), in[0], in[1]), x, g);
  }

  @Test
  void secondDerivativeOfConvolutionMatchesFiniteDifferencesOfTheGradient() {
    NDArray x = random(9, 1, 2, 5, 5);
    NDArray w = random(10, 3, 2, 3, 3);
    Conv2dSpec spec = Conv2dSpec.of(2, 1);
    // f(x, w) = Σ tanh(conv(x, w)); its Hessian-vector product in x goes through the conv rules twice.
    TensorFunction f = in -> Convolution.conv2d(in[0], Tensor.constant(w), spec).tanh().sum();
    NDArray v = random(11, 1, 2, 5, 5);
    NDArray hvp = Autodiff.hessianVectorProduct(f, x, v);
    double eps = 1e-5;
    NDArray plus = Autodiff.grad(f, x.add(v.mul(eps)))[0];
    NDArray minus = Autodiff.grad(f, x.sub(v.mul(eps)))[0];
    assertTrue(hvp.allClose(plus.sub(minus).div(2 * eps), 1e-6, 1e-8), "Hessian-vector product");
  }

  @Test
  void transposedConvolutionIsTheAdjointOfConvolution() {
    Conv2dSpec spec = Conv2dSpec.of(2, 1).withGroups(2);
    NDArray a = random(12, 2, 4, 7, 7);
    NDArray w = random(13, 6, 2, 3, 3);
    NDArray g = random(14, 2, 6, 4, 4);
    double convSide = Convolution.conv2d(Tensor.constant(a), Tensor.constant(w), spec).value().mul(g).sum().item();
    NDArray transposed = Convolution.convTranspose2d(Tensor.constant(g), Tensor.constant(w), spec, 0, 0).value();
    assertEquals(convSide, transposed.mul(a).sum().item(), 1e-10);
  }

  /** Output padding 1 with stride 1 (allowed because the dilation is 2) once overran the GEMM's operands. */
  @Test
  void outputPaddingFromTheStrideUpToTheDilationGrowsTheOutputAndDifferentiates() {
    Conv2dSpec spec = Conv2dSpec.of(1, 0).withDilation(2, 2);
    NDArray x = random(15, 1, 2, 3, 3);
    NDArray w = random(16, 2, 3, 2, 2);
    TensorFunction f = in -> Convolution.convTranspose2d(in[0], in[1], spec, 1, 1);
    NDArray y = f.apply(Tensor.constant(x), Tensor.constant(w)).value();
    // (3 − 1)·1 + 2·(2 − 1) + 1 + 1 = 6; the last row and column lie beyond every tap: zero.
    assertEquals(Shape.of(1, 3, 6, 6), y.shape());
    assertEquals(0, y.slice(2, 5, 6, 1).abs().sum().item() + y.slice(3, 5, 6, 1).abs().sum().item());
    GradCheck.assertVjpMatches(f, x, w);
    GradCheck.assertJvpMatches(f, x, w);
  }

  @Test
  void float32ConvolutionAgreesWithFloat64() {
    NDArray x = random(19, 2, 3, 9, 9);
    NDArray w = random(20, 5, 3, 3, 3);
    TensorFunction f = in -> Convolution.maxPool2d(Convolution.conv2d(in[0], in[1], Conv2dSpec.of(1, 1)).relu(), Pool2dSpec.of(2));
    NDArray cotangent = random(21, 2, 5, 4, 4);
    NDArray[] precise = Autodiff.vjp(f, new NDArray[] {x, w}, cotangent);
    NDArray[] single = Autodiff.vjp(f, new NDArray[] {x.astype(DType.FLOAT32), w.astype(DType.FLOAT32)}, cotangent.astype(DType.FLOAT32));
    assertEquals(DType.FLOAT32, single[1].dtype());
    assertTrue(single[0].astype(DType.FLOAT64).allClose(precise[0], 1e-4, 1e-4), "input gradient");
    assertTrue(single[1].astype(DType.FLOAT64).allClose(precise[1], 1e-4, 1e-4), "weight gradient");
  }

  @Test
  void errorsNameTheOperationAndTheNumbers() {
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(2, 3, 4, 4)));
    Tensor w = Tensor.constant(NDArray.zeros(Shape.of(8, 3, 5, 5)));
    assertEquals("conv2d: kernel height 5 is larger than the padded input height 4 (4 plus padding 0+0)",
        assertThrows(IllegalArgumentException.class, () -> Convolution.conv2d(x, w, Conv2dSpec.of(1, 0))).getMessage());
    assertEquals("conv2d: stride must be positive, got 0x0", assertThrows(IllegalArgumentException.class, () -> Conv2dSpec.of(0, 1)).getMessage());
    assertEquals("conv2d: expected input [batch, channels, height, width], got [3, 4, 4]", assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(Tensor.constant(NDArray.zeros(Shape.of(3, 4, 4))), w, Conv2dSpec.of(1, 1))).getMessage());
    assertEquals("conv2d: weight [8, 2, 5, 5] with 1 group(s) expects 2 input channels and out channels divisible by 1; got input [2, 3, 4, 4]",
        assertThrows(IllegalArgumentException.class, () -> Convolution.conv2d(x, Tensor.constant(NDArray.zeros(Shape.of(8, 2, 5, 5))),
            Conv2dSpec.of(1, 1))).getMessage());
    assertEquals("maxPool2d: kernel width 6 is larger than the padded input width 4 (4 plus padding 0+0)",
        assertThrows(IllegalArgumentException.class, () -> Convolution.maxPool2d(x, new Pool2dSpec(2, 6, 1, 1, 0, 0))).getMessage());
  }
}
