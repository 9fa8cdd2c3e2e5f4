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
 * The fused float32 recurrence against its composite oracle (values, reverse- and forward-mode
 * derivatives, with padding and in reverse), the composite against finite differences in float64, and
 * the errors. PyTorch agreement is tested on the layers in ruru-nn.
 */
class RecurrenceTest {
  private static final int B = 3, T = 5, H = 4;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (RecurrentCell cell : RecurrentCell.values()) {
      for (boolean reverse : new boolean[] {false, true}) {
        for (boolean padded : new boolean[] {false, true}) {
          cases.add(Arguments.of(cell, reverse, padded));
        }
      }
    }
    return cases.stream();
  }

  /** Inputs p, W_hh, b_hh, h0 (, c0) drawn from a fixed seed, in {@code dtype}. */
  private static NDArray[] inputs(RecurrentCell cell, DType dtype, int steps) {
    SplittableRandom rng = new SplittableRandom(cell.ordinal() * 31 + steps);
    int width = cell.gates() * H;
    List<NDArray> in = new ArrayList<>(List.of(NDArray.randn(Shape.of(B, steps, width), rng), NDArray.randn(Shape.of(width, H), rng).mul(0.5),
        NDArray.randn(Shape.of(width), rng).mul(0.1), NDArray.randn(Shape.of(B, H), rng).mul(0.5)));
    if (cell.hasCellState()) {
      in.add(NDArray.randn(Shape.of(B, H), rng).mul(0.5));
    }
    return in.stream().map(a -> a.astype(dtype)).toArray(NDArray[]::new);
  }

  private static final NDArray MASK = SequenceMask.fromLengths(new int[] {5, 2, 0}, T);

  /** The output, final h and final c summed with fixed weights, so one scalar depends on all three. */
  private static TensorFunction loss(RecurrentCell cell, boolean reverse, boolean padded, boolean fused) {
    return x -> {
      Tensor c0 = x.length > 4 ? x[4] : null;
      NDArray mask = padded ? MASK : null;
      Recurrence.Result r = fused ? Recurrence.run(cell, x[0], x[1], x[2], x[3], c0, mask, reverse)
          : Recurrence.composite(cell, x[0], x[1], x[2], x[3], c0, mask, reverse);
      int steps = x[0].shape().dim(1);
      NDArray w = NDArray.linspace(-1, 1, B * steps * H, x[0].dtype()).reshape(B, steps, H);
      Tensor total = r.output().mul(Tensor.constant(w)).sum().add(r.hidden().mul(0.7).sum());
      return r.cell() == null ? total : total.add(r.cell().mul(-0.3).sum());
    };
  }

  @ParameterizedTest(name = "{0} reverse={1} padded={2}")
  @MethodSource("cases")
  void fusedMatchesCompositeInValueAndBothModes(RecurrentCell cell, boolean reverse, boolean padded) {
    NDArray[] x = inputs(cell, DType.FLOAT32, T);
    Autodiff.ValueAndGrad fused = Autodiff.valueAndGrad(loss(cell, reverse, padded, true), x);
    Autodiff.ValueAndGrad composite = Autodiff.valueAndGrad(loss(cell, reverse, padded, false), x);
    assertEquals(composite.value().item(), fused.value().item(), 1e-4, "value");
    for (int i = 0; i < x.length; i++) {
      assertTrue(fused.gradients().get(i).allClose(composite.gradients().get(i), 1e-4, 1e-5), "gradient " + i + ":\n" + fused.gradients().get(i)
          + "\nexpected\n" + composite.gradients().get(i));
    }
    NDArray[] tangents = inputs(cell, DType.FLOAT32, T);
    double forward = Autodiff.jvp(loss(cell, reverse, padded, true), x, tangents).tangent().item();
    double byGradient = 0;
    for (int i = 0; i < x.length; i++) {
      byGradient += composite.gradients().get(i).mul(tangents[i]).sum().item();
    }
    assertEquals(byGradient, forward, 1e-3 * Math.max(1, Math.abs(byGradient)), "jvp = ⟨grad, tangent⟩");
  }

  @ParameterizedTest(name = "{0} reverse={1} padded={2}")
  @MethodSource("cases")
  void compositeMatchesFiniteDifferencesInFloat64(RecurrentCell cell, boolean reverse, boolean padded) {
    GradCheck.Report report = GradCheck.check(loss(cell, reverse, padded, false), inputs(cell, DType.FLOAT64, T));
    assertTrue(report.passes(), report.toString());
  }

  @Test
  void paddingCarriesTheStateAndZeroesTheOutput() {
    NDArray[] x = inputs(RecurrentCell.GRU, DType.FLOAT32, T);
    Recurrence.Result full = Recurrence.run(RecurrentCell.GRU, Tensor.constant(x[0].slice(1, 0, 2, 1)), Tensor.constant(x[1]),
        Tensor.constant(x[2]), Tensor.constant(x[3]), null, null, false);
    Recurrence.Result padded = Recurrence.run(RecurrentCell.GRU, Tensor.constant(x[0]), Tensor.constant(x[1]), Tensor.constant(x[2]),
        Tensor.constant(x[3]), null, MASK, false);
    assertTrue(padded.hidden().value().slice(0, 1, 2, 1).allClose(full.hidden().value().slice(0, 1, 2, 1), 1e-6, 1e-6), "row 1 stops after 2 steps");
    assertTrue(padded.hidden().value().slice(0, 2, 3, 1).allClose(x[3].slice(0, 2, 3, 1), 0, 0), "an empty row keeps h0");
    assertEquals(0.0, padded.output().value().slice(1, 2, T, 1).slice(0, 1, 3, 1).abs().sum().item(), "padding outputs 0");
  }

  @Test
  void tenThousandStepsBackpropagateWithoutGrowingTheStack() {
    int steps = 10_000;
    SplittableRandom rng = new SplittableRandom(7);
    List<Tensor> leaves = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      leaves.add(Tensor.variable(NDArray.randn(Shape.of(1, 2), rng).astype(DType.FLOAT64)));
    }
    Tensor w = Tensor.variable(NDArray.randn(Shape.of(2, 2), rng).mul(0.5).astype(DType.FLOAT64));
    Tensor b = Tensor.constant(NDArray.zeros(Shape.of(2), DType.FLOAT64));
    Tensor zero = Tensor.constant(NDArray.zeros(Shape.of(1, 2), DType.FLOAT64));
    Recurrence.Result r = Recurrence.composite(RecurrentCell.RNN_TANH, leaves, w, b, zero, null, null, false);
    Gradients g = r.hidden().sum().backward(List.of(leaves.get(0), w));
    assertTrue(Double.isFinite(g.get(w).sum().item()));
    NDArray[] x = inputs(RecurrentCell.LSTM, DType.FLOAT32, steps);
    NDArray[] fused = Autodiff.grad(loss(RecurrentCell.LSTM, false, false, true), x);
    assertEquals(Shape.of(B, steps, 4 * H), fused[0].shape());
    assertTrue(Double.isFinite(fused[1].sum().item()));
  }

  @Test
  void errorsNameWhatWasExpected() {
    NDArray[] x = inputs(RecurrentCell.LSTM, DType.FLOAT32, T);
    Tensor p = Tensor.constant(x[0]), w = Tensor.constant(x[1]), b = Tensor.constant(x[2]), h = Tensor.constant(x[3]);
    String gap = assertThrows(IllegalArgumentException.class, () -> Recurrence.run(RecurrentCell.LSTM, p, w, b, h, h,
        NDArray.of(new float[] {1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, B, T), false)).getMessage();
    assertEquals("lstm: row 0 of the padding mask has a real step at 2 after padding at 1; padding must come after a sequence's steps", gap);
    String noCell = assertThrows(IllegalArgumentException.class, () -> Recurrence.run(RecurrentCell.LSTM, p, w, b, h, null, null, false))
        .getMessage();
    assertEquals("lstm: needs an initial cell state c0 [batch, hidden]", noCell);
    String weight = assertThrows(IllegalArgumentException.class, () -> Recurrence.run(RecurrentCell.GRU, p, w, b, h, null, null, false))
        .getMessage();
    assertEquals("gru: the input projection must be [3, steps, 12], got [3, 5, 16]", weight);
    String mask = assertThrows(IllegalArgumentException.class, () -> Recurrence.run(RecurrentCell.LSTM, p, w, b, h, h,
        NDArray.ones(Shape.of(B, T + 1), DType.FLOAT32), false)).getMessage();
    assertEquals("lstm: the padding mask must be [3, 5] (batch, steps) like the input, got [3, 6]", mask);
    String lengths = assertThrows(IllegalArgumentException.class, () -> SequenceMask.fromLengths(new int[] {2, 7}, T)).getMessage();
    assertEquals("sequence lengths: row 1 has length 7 but the batch has 5 steps (lengths must be in [0, 5])", lengths);
  }

  @Test
  void theFusedKernelRefusesGradientsOfGradientsAndNamesTheComposite() {
    NDArray[] x = inputs(RecurrentCell.RNN_TANH, DType.FLOAT32, T);
    Tensor p = Tensor.variable(x[0]);
    Tensor out = Recurrence.run(RecurrentCell.RNN_TANH, p, Tensor.constant(x[1]), Tensor.constant(x[2]), Tensor.constant(x[3]), null, null,
        false).hidden().sum();
    String message = assertThrows(UnsupportedOperationException.class, () -> out.backward(List.of(p), Backward.CREATE_GRAPH)).getMessage();
    assertTrue(message.contains("Recurrence.composite"), message);
  }

  @Test
  void lengthsAndMasksAreTwoViewsOfOneFact() {
    int[] lengths = {3, 0, 5};
    assertEquals(List.of(3, 0, 5), java.util.Arrays.stream(SequenceMask.lengths(SequenceMask.fromLengths(lengths, 5))).boxed().toList());
  }
}
