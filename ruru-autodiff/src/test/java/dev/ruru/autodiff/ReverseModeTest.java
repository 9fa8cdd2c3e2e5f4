package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReverseModeTest {
  private static NDArray vector(double... values) {
    return NDArray.of(values);
  }

  @Test
  void handComputedGradientOfAProduct() {
    // f(x, y) = x·y + sin(x) at (2, 3): ∂f/∂x = y + cos(x), ∂f/∂y = x
    Tensor x = Tensor.variable(NDArray.scalar(2, DType.FLOAT64));
    Tensor y = Tensor.variable(NDArray.scalar(3, DType.FLOAT64));
    Gradients g = x.mul(y).add(x.sin()).backward(List.of(x, y));
    assertEquals(3 + Math.cos(2), g.get(x).item(), 1e-15);
    assertEquals(2, g.get(y).item(), 1e-15);
  }

  @Test
  void castGradientsComeBackInTheInputDtype() {
    Tensor x = Tensor.variable(NDArray.of(new double[] {0.5, 2}));
    Tensor y = x.astype(DType.FLOAT32).exp().sum();
    assertEquals(DType.FLOAT32, y.dtype());
    NDArray g = y.backward(List.of(x)).get(x);
    assertEquals(DType.FLOAT64, g.dtype());
    assertArrayEquals(new double[] {Math.exp(0.5), Math.exp(2)}, g.toDoubleArray(), 1e-6);
  }

  @Test
  void fanOutAccumulatesGradients() {
    // x used three times: d/dx (x + x·x + 2x) = 1 + 2x + 2 = 9 at x = 3
    Tensor x = Tensor.variable(NDArray.scalar(3, DType.FLOAT64));
    Tensor y = x.add(x.mul(x)).add(x.mul(2));
    assertEquals(9, y.backward(List.of(x)).get(x).item(), 1e-15);
  }

  @Test
  void broadcastGradientIsSummedBackToTheInputShape() {
    Tensor bias = Tensor.variable(vector(1, 2, 3));
    Tensor batch = Tensor.constant(NDArray.ones(Shape.of(5, 3), DType.FLOAT64));
    NDArray g = batch.add(bias).sum().backward(List.of(bias)).get(bias);
    assertArrayEquals(new double[] {5, 5, 5}, g.toDoubleArray());
  }

  @Test
  void aLongChainBackpropagatesWithoutStackOverflow() {
    Tensor x = Tensor.variable(NDArray.scalar(1, DType.FLOAT64));
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) {
      y = y.mul(1.0001).add(0.0);
    }
    double expected = Math.pow(1.0001, 100_000);
    assertEquals(expected, y.backward(List.of(x)).get(x).item(), expected * 1e-9);
  }

  @Test
  void leavesTheOutputDoesNotDependOnGetZero() {
    Tensor x = Tensor.variable(vector(1, 2));
    Tensor unused = Tensor.variable(vector(5, 6, 7));
    Gradients g = x.exp().sum().backward(List.of(x, unused));
    assertArrayEquals(new double[] {0, 0, 0}, g.get(unused).toDoubleArray());
  }

  /**
   * A GAN's generator step: the loss depends on the discriminator's weight too, which requires
   * gradients but is not asked for; its VJPs are skipped (a rule that refuses its weight's VJP shows it).
   */
  @Test
  void gradientsNobodyAskedForAreNotComputed() {
    Tensor fake = Tensor.variable(vector(1, 2));
    Tensor weight = Tensor.variable(vector(3, 4));
    Rule product = new MulRule();
    Rule refusesWeight = new Rule() {
      public String name() { return "mulRefusingTheWeight"; }
      public NDArray forward(NDArray... inputs) { return product.forward(inputs); }
      public Tensor vjp(int input, Tensor gradient, Tensor[] inputs, Tensor output) {
        assertEquals(0, input, "the weight's VJP was computed although only the fakes' gradient was asked for");
        return product.vjp(input, gradient, inputs, output);
      }
      public Tensor jvp(Tensor[] tangents, Tensor[] inputs, Tensor output) { return product.jvp(tangents, inputs, output); }
    };
    Tensor loss = Tensor.apply(refusesWeight, fake.exp(), weight.exp()).sum();
    Gradients gradients = loss.backward(List.of(fake));
    assertArrayEquals(new double[] {Math.E * Math.exp(3), Math.exp(2) * Math.exp(4)}, gradients.get(fake).toDoubleArray(), 1e-9);
  }

  @Test
  void hessianVectorProductMatchesTheAnalyticHessian() {
    // f(x) = Σ x_i³ + x0·x1: H = diag(6x) + [[0,1],[1,0]]
    TensorFunction f = in -> in[0].pow(3).sum().add(in[0].slice(0, 0, 1, 1).mul(in[0].slice(0, 1, 2, 1)).sum());
    NDArray x = vector(1, 2);
    NDArray v = vector(1, -1);
    NDArray hv = Autodiff.hessianVectorProduct(f, x, v);
    assertArrayEquals(new double[] {6 * 1 - 1, 1 - 6 * 2}, hv.toDoubleArray(), 1e-12);
  }

  @Test
  void secondDerivativeThroughCreateGraph() {
    Tensor x = Tensor.variable(NDArray.scalar(0.7, DType.FLOAT64));
    Tensor dx = x.sin().mul(x).backward(List.of(x), Backward.CREATE_GRAPH).tensor(x);
    assertTrue(dx.requiresGrad());
    double second = dx.backward(List.of(x)).get(x).item();
    // d²/dx² x·sin(x) = 2cos(x) − x·sin(x)
    assertEquals(2 * Math.cos(0.7) - 0.7 * Math.sin(0.7), second, 1e-12);
  }

  @Test
  void jacobianPicksEitherModeAndAgrees() {
    TensorFunction wide = in -> in[0].exp().sum(0, dev.ruru.array.Dims.KEEP);
    TensorFunction tall = in -> in[0].reshape(2, 1).mul(Tensor.constant(NDArray.of(new double[] {1, 2, 3}, 1, 3)));
    NDArray j1 = Autodiff.jacobian(wide, NDArray.of(new double[] {0, 1, 2, 3}, 4, 1));
    assertEquals(Shape.of(1, 1, 4, 1), j1.shape());
    assertArrayEquals(new double[] {1, Math.E, Math.exp(2), Math.exp(3)}, j1.toDoubleArray(), 1e-12);
    NDArray j2 = Autodiff.jacobian(tall, vector(5, 7));
    assertEquals(Shape.of(2, 3, 2), j2.shape());
    assertArrayEquals(new double[] {1, 0, 2, 0, 3, 0, 0, 1, 0, 2, 0, 3}, j2.toDoubleArray(), 0);
  }

  @Test
  void aJvpResultDoesNotChangeWhenTheCallerReusesItsTangentArray() {
    NDArray x = vector(1, 2);
    NDArray direction = vector(1, 0);
    Autodiff.ValueAndTangent shifted = Autodiff.jvp(in -> in[0].add(3.0), x, direction);
    direction.setInPlace(0, 0);
    direction.setInPlace(1, 1);
    assertArrayEquals(new double[] {1, 0}, shifted.tangent().toDoubleArray(), 0);
  }

  @Test
  void fusedReluEqualsMaximumWithZeroIncludingTheKink() {
    NDArray values = NDArray.of(new double[] {-2, 0, 0.5, 3});
    Tensor x = Tensor.variable(values);
    Tensor y = Tensor.variable(values);
    NDArray fused = x.relu().mul(x).sum().backward(List.of(x)).get(x);
    NDArray oracle = y.maximum(Tensor.scalar(0, DType.FLOAT64)).mul(y).sum().backward(List.of(y)).get(y);
    assertArrayEquals(oracle.toDoubleArray(), fused.toDoubleArray(), 0);
    assertArrayEquals(new double[] {0, 0, 1, 6}, fused.toDoubleArray(), 0);
  }

  @Test
  void secondDerivativesThroughReluSeeItsStepAsConstant() {
    // f(x) = Σ relu(x)·x = Σ x² over x > 0, so H·v = 2·v where x > 0 and 0 elsewhere (at the kink too).
    NDArray x = NDArray.of(new double[] {-2, 0, 0.5, 3});
    NDArray v = NDArray.of(new double[] {1, 2, 3, 4});
    NDArray hv = Autodiff.hessianVectorProduct(in -> in[0].relu().mul(in[0]).sum(), x, v);
    assertArrayEquals(new double[] {0, 0, 6, 8}, hv.toDoubleArray(), 0);
    // relu's JVP goes through the same step: d/dt Σ relu(x + t·v)·v = Σ_{x > 0} v² = 9 + 16.
    double tangent = Autodiff.jvp(in -> in[0].relu().mul(Tensor.constant(v)).sum(), x, v).tangent().item();
    assertEquals(25, tangent, 0);
  }

  @Test
  void aConstantFunctionHasZeroGradients() {
    NDArray[] g = Autodiff.grad(in -> Tensor.scalar(5, DType.FLOAT64), vector(1, 2));
    assertArrayEquals(new double[] {0, 0}, g[0].toDoubleArray());
  }

  @Test
  void noGradRecordsNothing() {
    Tensor w = Tensor.variable(vector(1, 2));
    Tensor y = Autodiff.noGrad(() -> w.mul(w).sum());
    assertFalse(y.requiresGrad());
    var error = assertThrows(IllegalArgumentException.class, () -> y.backward(List.of(w)));
    assertTrue(error.getMessage().startsWith("backward: the output does not depend on any tensor that requires gradients"));
  }

  @Test
  void nonScalarBackwardNeedsASeed() {
    Tensor x = Tensor.variable(NDArray.ones(Shape.of(3, 4), DType.FLOAT64));
    var error = assertThrows(IllegalArgumentException.class, () -> x.exp().backward(List.of(x)));
    assertEquals("backward: the output has shape [3, 4]; a non-scalar output needs a seed gradient of that shape: backward(seed, leaves)",
        error.getMessage());
    NDArray seed = NDArray.full(Shape.of(3, 4), 2, DType.FLOAT64);
    assertEquals(2 * Math.E * 12, x.exp().backward(seed, List.of(x)).get(x).sum().item(), 1e-12);
  }

  @Test
  void secondBackwardThroughAFreedGraphIsRefused() {
    Tensor x = Tensor.variable(vector(1, 2));
    Tensor y = x.exp().sum();
    y.backward(List.of(x));
    var error = assertThrows(IllegalStateException.class, () -> y.backward(List.of(x)));
    assertTrue(error.getMessage().contains("was freed by an earlier backward(); pass Backward.RETAIN_GRAPH"), error.getMessage());
    Tensor z = x.exp().sum();
    z.backward(List.of(x), Backward.RETAIN_GRAPH);
    assertEquals(Math.E, z.backward(List.of(x)).get(x).getDouble(0), 1e-15);
  }

  @Test
  void integerTensorsCannotRequireGradients() {
    var error = assertThrows(IllegalArgumentException.class, () -> Tensor.variable(NDArray.arange(3)));
    assertEquals("variable: only floating tensors can require gradients; got int64 (convert with astype(DType.FLOAT32) or FLOAT64)",
        error.getMessage());
  }

  @Test
  void modifyingASavedTensorInPlaceIsDetected() {
    Tensor w = Tensor.variable(vector(1, 2));
    Tensor state = Tensor.constant(vector(3, 4));
    Tensor y = w.mul(state).sum();
    state.addInPlace(vector(1, 1));
    var error = assertThrows(IllegalStateException.class, () -> y.backward(List.of(w)));
    assertEquals("backward: input 1 of mul (shape [2]) was modified in place after it was used (version 1, saved at version 0)",
        error.getMessage());
    var refused = assertThrows(IllegalStateException.class, () -> w.addInPlace(vector(1, 1)));
    assertTrue(refused.getMessage().startsWith("addInPlace: a tensor that requires gradients cannot be changed in place"));
  }

  @Test
  void anomalyModeNamesTheOpThatMadeNaN() {
    Tensor x = Tensor.variable(vector(-1, 2));
    var error = assertThrows(AnomalyException.class, () -> Autodiff.detectAnomaly(() -> x.log().sum()));
    assertEquals("anomaly: log produced NaN from finite inputs of shapes [2] in the forward pass", error.getMessage());
    Tensor plain = x.log().sum();
    assertTrue(Double.isNaN(plain.item()));
  }

  @Test
  void sigmoidAndItsGradientStayFiniteForLargeInputs() {
    Tensor x = Tensor.variable(NDArray.of(new float[] {-1000, 0, 1000}));
    Tensor s = x.sigmoid();
    assertArrayEquals(new float[] {0, 0.5f, 1}, s.value().toFloatArray());
    NDArray g = s.sum().backward(List.of(x)).get(x);
    assertArrayEquals(new float[] {0, 0.25f, 0}, g.toFloatArray());
  }

  @Test
  void logSoftmaxIsStableForHugeLogits() {
    Tensor logits = Tensor.variable(NDArray.of(new float[] {1e4f, -1e4f, 0}, 1, 3));
    Tensor out = logits.logSoftmax(1);
    assertArrayEquals(new float[] {0, -2e4f, -1e4f}, out.value().toFloatArray());
    NDArray g = out.slice(1, 0, 1, 1).sum().backward(List.of(logits)).get(logits);
    assertArrayEquals(new float[] {0, 0, 0}, g.toFloatArray(), 1e-6f);
  }

  @Test
  void fusedCrossEntropyEqualsItsCompositeOracleAndIsStable() {
    NDArray logits = NDArray.of(new double[] {1e4, -1e4, 0, 0.5, 2, -1}, 2, 3);
    NDArray targets = NDArray.of(new double[] {0, 0, 1, 0.1, 0.8, 0.1}, 2, 3);
    Tensor x = Tensor.variable(logits);
    Tensor fused = x.softmaxCrossEntropy(targets);
    Tensor composite = x.logSoftmax(1).mul(Tensor.constant(targets)).sum(1, dev.ruru.array.Dims.DROP).neg();
    assertTrue(fused.value().allClose(composite.value(), 1e-12, 1e-12));
    assertEquals(1e4, fused.value().getDouble(0), 1e-9);
    NDArray g1 = fused.sum().backward(List.of(x)).get(x);
    Tensor y = Tensor.variable(logits);
    NDArray g2 = y.logSoftmax(1).mul(Tensor.constant(targets)).sum().neg().backward(List.of(y)).get(y);
    assertTrue(g1.allClose(g2, 1e-12, 1e-12), g1 + " vs " + g2);
    var error = assertThrows(IllegalArgumentException.class, () -> x.softmaxCrossEntropy(NDArray.zeros(Shape.of(2), DType.FLOAT64)));
    assertTrue(error.getMessage().startsWith("softmaxCrossEntropy: targets have shape [2] but the logits have shape [2, 3]"));
  }

  @Test
  void gradMatchesNumericOnARandomMlpLoss() {
    SplittableRandom rng = new SplittableRandom(4);
    NDArray x = NDArray.normal(Shape.of(5, 4), 0, 1, DType.FLOAT64, rng);
    NDArray w1 = NDArray.normal(Shape.of(4, 6), 0, 0.5, DType.FLOAT64, rng);
    NDArray w2 = NDArray.normal(Shape.of(6, 3), 0, 0.5, DType.FLOAT64, rng);
    TensorFunction loss = in -> Tensor.constant(x).matmul(in[0]).tanh().matmul(in[1]).logSoftmax(1).slice(1, 0, 1, 1).mean().neg();
    NDArray[] analytic = Autodiff.grad(loss, w1, w2);
    NDArray[] numeric = NumericDiff.gradients(loss, new NDArray[] {w1, w2}, 1e-6);
    assertTrue(analytic[0].allClose(numeric[0], 1e-6, 1e-9));
    assertTrue(analytic[1].allClose(numeric[1], 1e-6, 1e-9));
  }
}
