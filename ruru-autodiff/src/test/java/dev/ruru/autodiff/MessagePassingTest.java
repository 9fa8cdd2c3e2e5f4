package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.sparse.CooMatrix;
import dev.ruru.array.sparse.CsrMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sparse product and the segment reductions: hand-computed values, dense composites as oracles,
 * and reverse and forward mode against central differences in float64 (GradCheck).
 */
class MessagePassingTest {
  /** Rows 0..5 in groups 2, 0, 2, 1, 2, 0; group 3 is empty. */
  private static final int[] GROUPS = {2, 0, 2, 1, 2, 0};
  private static final CsrMatrix PATTERN = CooMatrix.of(4, 5, new int[] {0, 0, 1, 3, 3, 3, 2},
      new int[] {1, 4, 0, 0, 2, 3, 2}, new double[] {0.5, -1, 2, 1.5, 0.25, -0.75, 3}).toCsr(DType.FLOAT64);

  @Test
  void segmentReductionsOfAHandWorkedExample() {
    Tensor x = Tensor.constant(NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 6));
    assertEquals("[8, 4, 9, 0]", values(MessagePassing.segmentSum(x, GROUPS, 4)));
    assertEquals("[4, 4, 3, 0]", values(MessagePassing.segmentMean(x, GROUPS, 4)));
    assertEquals("[6, 4, 5, 0]", values(MessagePassing.segmentMax(x, GROUPS, 4)));
    NDArray softmax = MessagePassing.segmentSoftmax(x, GROUPS, 4).value();
    double z = Math.exp(1) + Math.exp(3) + Math.exp(5);
    assertTrue(softmax.allClose(NDArray.of(new double[] {Math.exp(1) / z, 1 / (1 + Math.exp(4)), Math.exp(3) / z, 1,
        Math.exp(5) / z, 1 / (1 + Math.exp(-4))}, 6), 0, 1e-15), softmax.toString());
  }

  @Test
  void segmentSoftmaxDoesNotOverflowOnLargeScores() {
    Tensor x = Tensor.constant(NDArray.of(new float[] {1000, 1000, -1000, 5, 900, 0}, 6));
    NDArray softmax = MessagePassing.segmentSoftmax(x, GROUPS, 4).value();
    assertTrue(softmax.allClose(NDArray.of(new float[] {1, 1, 0, 1, 0, 0}, 6), 0, 1e-6), softmax.toString());
  }

  @Test
  void sparseProductMatchesTheDenseProductInValueAndBothGradients() {
    SplittableRandom rng = new SplittableRandom(3);
    NDArray values = PATTERN.values();
    NDArray x = NDArray.randn(Shape.of(5, 3), rng).astype(DType.FLOAT64);
    NDArray cotangent = NDArray.randn(Shape.of(4, 3), rng).astype(DType.FLOAT64);
    int[] flat = new int[PATTERN.nonZeros()];
    int[] rows = PATTERN.rowIndices(), columns = PATTERN.columnIndices();
    for (int e = 0; e < flat.length; e++) {
      flat[e] = rows[e] * 5 + columns[e];
    }
    TensorFunction sparse = t -> MessagePassing.matmul(PATTERN, t[0], t[1]);
    TensorFunction dense = t -> MessagePassing.segmentSum(t[0], flat, 20).reshape(4, 5).matmul(t[1]);
    NDArray[] inputs = {values, x};
    assertTrue(Autodiff.noGrad(() -> sparse.apply(Tensor.constant(values), Tensor.constant(x)).value())
        .allClose(PATTERN.toDense().matmul(x), 0, 1e-14));
    NDArray[] expected = Autodiff.vjp(dense, inputs, cotangent);
    NDArray[] actual = Autodiff.vjp(sparse, inputs, cotangent);
    for (int i = 0; i < 2; i++) {
      assertTrue(actual[i].allClose(expected[i], 0, 1e-13), "gradient " + i + ": " + actual[i] + " vs " + expected[i]);
    }
  }

  @Test
  void everyOperationPassesGradCheckInBothModes() {
    SplittableRandom rng = new SplittableRandom(7);
    NDArray values = PATTERN.values();
    NDArray x = NDArray.randn(Shape.of(5, 3), rng).astype(DType.FLOAT64);
    NDArray rows = NDArray.randn(Shape.of(6, 2, 3), rng).astype(DType.FLOAT64);
    assertPasses(t -> MessagePassing.matmul(PATTERN, t[0], t[1]), values, x);
    assertPasses(t -> MessagePassing.matmul(PATTERN, t[0], t[1]).pow(2), values, x);
    assertPasses(t -> MessagePassing.matmul(PATTERN, t[0]), x);
    assertPasses(t -> MessagePassing.segmentSum(t[0], GROUPS, 4), rows);
    assertPasses(t -> MessagePassing.segmentMean(t[0], GROUPS, 4), rows);
    assertPasses(t -> MessagePassing.segmentMax(t[0], GROUPS, 4), rows);
    assertPasses(t -> MessagePassing.segmentMax(t[0], GROUPS, 4).pow(2), rows);
    assertPasses(t -> MessagePassing.segmentSoftmax(t[0], GROUPS, 4), rows);
    assertPasses(t -> MessagePassing.segmentSoftmax(t[0], GROUPS, 4).mul(t[0]), rows);
  }

  @Test
  void secondDerivativesReachTheSparseValuesAsTheDenseCompositesDo() {
    NDArray x = NDArray.randn(Shape.of(5, 3), new SplittableRandom(9)).astype(DType.FLOAT64);
    int[] flat = new int[PATTERN.nonZeros()];
    int[] rows = PATTERN.rowIndices(), columns = PATTERN.columnIndices();
    for (int e = 0; e < flat.length; e++) {
      flat[e] = rows[e] * 5 + columns[e];
    }
    // d/dvalues of |∂L/∂x|² needs the VJP of the transposed product, itself a function of the values.
    NDArray sparse = Autodiff.grad(t -> gradientNorm(x, xs -> MessagePassing.matmul(PATTERN, t[0], xs)), PATTERN.values())[0];
    NDArray dense = Autodiff.grad(t -> gradientNorm(x, xs -> MessagePassing.segmentSum(t[0], flat, 20).reshape(4, 5).matmul(xs)),
        PATTERN.values())[0];
    assertTrue(sparse.allClose(dense, 0, 1e-12), sparse + " vs " + dense);
    assertTrue(sparse.abs().sum().item() > 0);
  }

  private static Tensor gradientNorm(NDArray x, java.util.function.UnaryOperator<Tensor> product) {
    Tensor xs = Tensor.variable(x);
    Tensor loss = product.apply(xs).pow(2).sum();
    return loss.backward(java.util.List.of(xs), Backward.CREATE_GRAPH).tensor(xs).pow(2).sum();
  }

  /** Six edges into 4 targets (target 3 has none, target 2 three), from 5 source rows (row 4 sends nothing). */
  private static final int[] EDGE_SOURCES = {1, 0, 3, 1, 2, 0};

  private static Tensor weightedSumComposite(Tensor weights, Tensor x) {
    Tensor messages = x.takeRows(NDArray.wrap(EDGE_SOURCES, 6)).mul(weights.reshape(6, weights.shape().dim(1), 1));
    return MessagePassing.segmentSum(messages, GROUPS, 4);
  }

  @Test
  void weightedSumMatchesItsCompositeInValueAndBothGradients() {
    SplittableRandom rng = new SplittableRandom(11);
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      NDArray weights = NDArray.randn(Shape.of(6, 3), rng).astype(dtype);
      NDArray x = NDArray.randn(Shape.of(5, 3, 2), rng).astype(dtype);
      NDArray cotangent = NDArray.randn(Shape.of(4, 3, 2), rng).astype(dtype);
      TensorFunction fused = t -> MessagePassing.weightedSum(t[0], t[1], EDGE_SOURCES, GROUPS, 4);
      TensorFunction composite = t -> weightedSumComposite(t[0], t[1]);
      double tolerance = dtype == DType.FLOAT64 ? 1e-14 : 1e-5;
      NDArray[] inputs = {weights, x};
      NDArray value = Autodiff.noGrad(() -> fused.apply(Tensor.constant(weights), Tensor.constant(x)).value());
      assertTrue(value.allClose(Autodiff.noGrad(() -> composite.apply(Tensor.constant(weights), Tensor.constant(x)).value()), 0, tolerance));
      assertEquals(dtype, value.dtype());
      NDArray[] expected = Autodiff.vjp(composite, inputs, cotangent);
      NDArray[] actual = Autodiff.vjp(fused, inputs, cotangent);
      for (int i = 0; i < 2; i++) {
        assertTrue(actual[i].allClose(expected[i], 0, tolerance), dtype + " gradient " + i + ": " + actual[i] + " vs " + expected[i]);
      }
    }
  }

  @Test
  void weightedSumPassesGradCheckAndSecondDerivativesMatchTheComposite() {
    SplittableRandom rng = new SplittableRandom(12);
    NDArray weights = NDArray.randn(Shape.of(6, 2), rng).astype(DType.FLOAT64);
    NDArray x = NDArray.randn(Shape.of(5, 2, 3), rng).astype(DType.FLOAT64);
    assertPasses(t -> MessagePassing.weightedSum(t[0], t[1], EDGE_SOURCES, GROUPS, 4), weights, x);
    assertPasses(t -> MessagePassing.weightedSum(t[0], t[1], EDGE_SOURCES, GROUPS, 4).pow(2), weights, x);
    assertPasses(t -> MessagePassing.weightedSum(t[0], t[0].reshape(6, 2, 1).takeRows(NDArray.wrap(new int[] {0, 1, 2, 3, 4}, 5)),
        EDGE_SOURCES, GROUPS, 4), weights);
    // d/dweights of |∂L/∂x|² goes through the VJP's VJP: the reversed sum and the edge dot product.
    NDArray fused = Autodiff.grad(t -> gradientNorm(x, xs -> MessagePassing.weightedSum(t[0], xs, EDGE_SOURCES, GROUPS, 4).mul(xs.sum(0, dev.ruru.array.Dims.DROP))),
        weights)[0];
    NDArray composite = Autodiff.grad(t -> gradientNorm(x, xs -> weightedSumComposite(t[0], xs).mul(xs.sum(0, dev.ruru.array.Dims.DROP))), weights)[0];
    assertTrue(fused.allClose(composite, 1e-12, 1e-12), fused + " vs " + composite);
  }

  @Test
  void weightedSumRefusesMismatchedShapesAndIds() {
    Tensor weights = Tensor.constant(NDArray.zeros(Shape.of(6, 2)));
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(5, 2, 3)));
    assertEquals("weightedSum: expected weights [edges, heads] and x [nodes, heads, d], got [6, 2] and [5, 3, 3]",
        assertThrows(IllegalArgumentException.class, () -> MessagePassing.weightedSum(weights,
            Tensor.constant(NDArray.zeros(Shape.of(5, 3, 3))), EDGE_SOURCES, GROUPS, 4)).getMessage());
    assertEquals("weightedSum: expected one source per row of weights, got 2 sources for weights [6, 2]",
        assertThrows(IllegalArgumentException.class, () -> MessagePassing.weightedSum(weights, x, new int[] {0, 1}, GROUPS, 4))
            .getMessage());
    assertEquals("weightedSum (sources): group id 5 of row 2 is outside [0, 5); pass the number of groups (nodes) as count",
        assertThrows(IndexOutOfBoundsException.class, () -> MessagePassing.weightedSum(weights, x, new int[] {1, 0, 5, 1, 2, 0},
            GROUPS, 4)).getMessage());
  }

  @Test
  void wrongGroupsAndShapesAreRefusedWithTheValues() {
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(6, 2)));
    assertEquals("segmentSum: group id 4 of row 1 is outside [0, 4); pass the number of groups (nodes) as count",
        assertThrows(IndexOutOfBoundsException.class,
            () -> MessagePassing.segmentSum(x, new int[] {0, 4, 0, 0, 0, 0}, 4)).getMessage());
    assertEquals("segmentMax: expected one group id per row of x, got 3 ids for x [6, 2]",
        assertThrows(IllegalArgumentException.class, () -> MessagePassing.segmentMax(x, new int[] {0, 1, 2}, 4)).getMessage());
    assertEquals("sparseMatmul: shapes [4, 5] and [6, 2] do not align (expected a dense operand with 5 rows)",
        assertThrows(IllegalArgumentException.class, () -> MessagePassing.matmul(PATTERN, x)).getMessage());
  }

  private static void assertPasses(TensorFunction f, NDArray... inputs) {
    GradCheck.Report report = GradCheck.check(f, inputs);
    assertTrue(report.passes(), report.toString());
  }

  private static String values(Tensor t) {
    return java.util.Arrays.toString(java.util.Arrays.stream(t.value().toDoubleArray()).mapToLong(Math::round).toArray());
  }
}
