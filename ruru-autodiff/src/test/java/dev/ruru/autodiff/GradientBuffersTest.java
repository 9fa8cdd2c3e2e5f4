package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The linear primitive against the product it replaces, and backward passes that write into lent arrays. */
class GradientBuffersTest {
  private static NDArray random(DType dtype, long seed, int... shape) {
    return NDArray.randn(Shape.of(shape), new SplittableRandom(seed)).astype(dtype);
  }

  /** Σ c ⊙ relu(product(x, w)): a gradient that differs from element to element. */
  private static Tensor loss(BiFunction<Tensor, Tensor, Tensor> product, Tensor x, Tensor w, NDArray c) {
    return product.apply(x, w).relu().mul(Tensor.constant(c)).sum();
  }

  @Test
  void linearIsTheComposedProductBitForBit() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray x = random(dtype, 1, 37, 50);
      NDArray w = random(dtype, 2, 20, 50);
      NDArray c = random(dtype, 3, 37, 20);
      Tensor[] one = {Tensor.variable(x), Tensor.variable(w)};
      Tensor[] composed = {Tensor.variable(x), Tensor.variable(w)};
      Tensor oneLoss = loss(Tensor::linear, one[0], one[1], c);
      Tensor composedLoss = loss((a, b) -> a.matmul(b.transpose()), composed[0], composed[1], c);
      assertEquals(composedLoss.value(), oneLoss.value());
      Gradients oneGradients = oneLoss.backward(List.of(one));
      Gradients composedGradients = composedLoss.backward(List.of(composed));
      for (int i = 0; i < 2; i++) {
        assertEquals(composedGradients.get(composed[i]), oneGradients.get(one[i]), dtype + " input " + i);
      }
    }
  }

  @Test
  void passesWithTheSameBuffersWriteTheWeightGradientIntoOneArray() {
    NDArray x = random(DType.FLOAT32, 4, 16, 30);
    NDArray c = random(DType.FLOAT32, 5, 16, 8);
    Tensor w = Tensor.variable(random(DType.FLOAT32, 6, 8, 30));
    Tensor input = Tensor.variable(x);
    GradientBuffers buffers = new GradientBuffers();
    NDArray first = loss(Tensor::linear, input, w, c).backward(List.of(input, w), buffers).get(w);
    NDArray firstValues = first.copy();
    assertEquals(loss(Tensor::linear, input, w, c).backward(List.of(w)).get(w), firstValues);
    // The second pass, with other inputs, writes where the first did.
    Tensor other = Tensor.variable(random(DType.FLOAT32, 7, 16, 30));
    Gradients second = loss(Tensor::linear, other, w, c).backward(List.of(other, w), buffers);
    assertSame(first, second.get(w));
    assertEquals(loss(Tensor::linear, other, w, c).backward(List.of(w)).get(w), second.get(w));
    assertTrue(!firstValues.equals(second.get(w)), "the second pass's gradient differs from the first's");
    // The input's gradient is g·w, made fresh: only the weight's is written in place.
    assertNotSame(second.get(other), loss(Tensor::linear, other, w, c).backward(List.of(other, w), buffers).get(other));
  }

  @Test
  void aWeightUsedTwiceGetsTheSumInAFreshArray() {
    NDArray x = random(DType.FLOAT64, 8, 5, 4);
    Tensor w = Tensor.variable(random(DType.FLOAT64, 9, 3, 4));
    GradientBuffers buffers = new GradientBuffers();
    Tensor input = Tensor.constant(x);
    NDArray first = input.linear(w).sum().add(input.linear(w).mul(2).sum()).backward(List.of(w), buffers).get(w);
    NDArray second = input.linear(w).sum().add(input.linear(w).mul(2).sum()).backward(List.of(w), buffers).get(w);
    assertNotSame(first, second);
    // d/dw of 3·Σ x·wᵀ is 3·(column sums of x) in every row.
    NDArray expected = x.sum(0).mul(3).reshape(1, 4).broadcastTo(Shape.of(3, 4));
    assertTrue(second.allClose(expected, 1e-12, 1e-12), second.toString());
  }

  @Test
  void recordedPassesAndTangentsUseNoBuffer() {
    NDArray x = random(DType.FLOAT64, 10, 6, 4);
    NDArray c = random(DType.FLOAT64, 11, 6, 3);
    Tensor w = Tensor.variable(random(DType.FLOAT64, 12, 3, 4));
    GradientBuffers buffers = new GradientBuffers();
    Tensor input = Tensor.variable(x);
    Gradients recorded = loss(Tensor::linear, input, w, c).backward(List.of(input, w), buffers, Backward.CREATE_GRAPH);
    assertTrue(recorded.tensor(w).requiresGrad(), "a recorded pass's gradient can be differentiated again");
    // With a tangent on x, ∂L/∂w = gᵀ·x carries one too (forward over reverse).
    Tensor dual = Tensor.dual(x, random(DType.FLOAT64, 13, 6, 4));
    Tensor gradient = loss(Tensor::linear, dual, w, c).backward(List.of(w), buffers).tensor(w);
    assertNotNull(gradient.tangent());
    Tensor plain = loss(Tensor::linear, Tensor.constant(x), w, c).backward(List.of(w), buffers).tensor(w);
    assertEquals(plain.value(), gradient.value());
  }

  /** The fused linear layer against its operations apart: values and all three gradients, bit for bit. */
  @Test
  void biasAndReluFusedAreTheOperationsApartBitForBit() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray x = random(dtype, 20, 33, 40);
      NDArray w = random(dtype, 21, 24, 40);
      NDArray b = random(dtype, 22, 24);
      NDArray c = random(dtype, 23, 33, 24);
      for (boolean relu : new boolean[] {false, true}) {
        Tensor[] fused = {Tensor.variable(x), Tensor.variable(w), Tensor.variable(b)};
        Tensor[] apart = {Tensor.variable(x), Tensor.variable(w), Tensor.variable(b)};
        Tensor fusedOut = relu ? fused[0].linearRelu(fused[1], fused[2]) : fused[0].linear(fused[1], fused[2]);
        Tensor apartSum = apart[0].matmul(apart[1].transpose()).add(apart[2]);
        Tensor apartOut = relu ? apartSum.relu() : apartSum;
        assertEquals(apartOut.value(), fusedOut.value(), dtype + " relu " + relu);
        GradientBuffers buffers = new GradientBuffers();
        Gradients fusedGradients = fusedOut.mul(Tensor.constant(c)).sum().backward(List.of(fused), buffers);
        Gradients apartGradients = apartOut.mul(Tensor.constant(c)).sum().backward(List.of(apart));
        for (int i = 0; i < 3; i++) {
          assertEquals(apartGradients.get(apart[i]), fusedGradients.get(fused[i]), dtype + " relu " + relu + " input " + i);
        }
        // The weight's gradient went into the lent array, relu or not.
        Tensor again = relu ? fused[0].linearRelu(fused[1], fused[2]) : fused[0].linear(fused[1], fused[2]);
        assertSame(fusedGradients.get(fused[1]), again.mul(Tensor.constant(c)).sum().backward(List.of(fused), buffers).get(fused[1]));
      }
    }
  }

  @Test
  void secondDerivativesThroughTheFusedLayerAreTheComposites() {
    NDArray x = random(DType.FLOAT64, 30, 9, 6);
    NDArray b = random(DType.FLOAT64, 31, 5);
    NDArray c = random(DType.FLOAT64, 32, 9, 5);
    NDArray w = random(DType.FLOAT64, 33, 5, 6);
    NDArray v = random(DType.FLOAT64, 34, 5, 6);
    // Σ c ⊙ relu(x·wᵀ + b)², whose Hessian in w is not zero.
    TensorFunction fused = in -> {
      Tensor y = Tensor.constant(x).linearRelu(in[0], Tensor.constant(b));
      return y.mul(y).mul(Tensor.constant(c)).sum();
    };
    TensorFunction apart = in -> {
      Tensor y = Tensor.constant(x).matmul(in[0].transpose()).add(Tensor.constant(b)).relu();
      return y.mul(y).mul(Tensor.constant(c)).sum();
    };
    NDArray expected = Autodiff.hessianVectorProduct(apart, w, v);
    assertTrue(expected.abs().max().item() > 0, "the check needs curvature");
    assertEquals(expected, Autodiff.hessianVectorProduct(fused, w, v));
  }
}
