package dev.ruru.nn.convrecurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.RecurrentState;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvRecurrentCellTest {
  private static NDArray random(SplittableRandom rng, int... shape) {
    return NDArray.normal(Shape.of(shape), 0, 0.5, DType.FLOAT64, rng);
  }

  @Test
  void convLstmStepGradientsMatchFiniteDifferences() {
    ConvLSTMCell cell = new ConvLSTMCell(2, 2, 3, DType.FLOAT64, new SplittableRandom(1));
    SplittableRandom rng = new SplittableRandom(2);
    NDArray x = random(rng, 1, 2, 3, 4), h = random(rng, 1, 2, 3, 4), c = random(rng, 1, 2, 3, 4);
    // Both states after two steps, so the gradient passes through the recurrence as well as the gates.
    GradCheck.assertVjpMatches(in -> {
      RecurrentState s = cell.step(in[0], cell.step(in[0], new RecurrentState(in[1], in[2])));
      return s.hidden().add(s.cell().mul(0.5));
    }, x, h, c);
    GradCheck.assertJvpMatches(in -> cell.step(in[0], new RecurrentState(in[1], in[2])).cell(), x, h, c);
  }

  @Test
  void convGruStepGradientsMatchFiniteDifferences() {
    ConvGRUCell cell = new ConvGRUCell(1, 3, 3, DType.FLOAT64, new SplittableRandom(4));
    SplittableRandom rng = new SplittableRandom(5);
    NDArray x = random(rng, 2, 1, 3, 3), h = random(rng, 2, 3, 3, 3);
    GradCheck.assertVjpMatches(in -> cell.step(in[0], cell.step(in[0], new RecurrentState(in[1], null))).hidden(), x, h);
    GradCheck.assertJvpMatches(in -> cell.step(in[0], new RecurrentState(in[1], null)).hidden(), x, h);
  }

  @Test
  void stackedLayersKeepTheMapSizeAndStartFromZeros() {
    ConvGRU gru = new ConvGRU(1, new int[] {4, 2}, 3, DType.FLOAT32, new SplittableRandom(6));
    Tensor frames = Tensor.constant(NDArray.randn(Shape.of(2, 5, 1, 6, 7), new SplittableRandom(7)));
    ConvRecurrentOutput out = gru.run(frames, null);
    assertEquals(Shape.of(2, 5, 2, 6, 7), out.output().shape());
    assertEquals(Shape.of(2, 4, 6, 7), out.states().get(0).hidden().shape());
    assertNull(out.states().get(1).cell());
    // From zeros is the same as from explicit zero states.
    List<RecurrentState> zeros = List.of(new RecurrentState(Tensor.constant(NDArray.zeros(Shape.of(2, 4, 6, 7))), null),
        new RecurrentState(Tensor.constant(NDArray.zeros(Shape.of(2, 2, 6, 7))), null));
    assertEquals(out.output().value().toString(), gru.run(frames, zeros).output().value().toString());
    assertEquals(List.of("0.gates.weight", "0.gates.bias", "0.candidate.weight", "0.candidate.bias", "1.gates.weight", "1.gates.bias",
        "1.candidate.weight", "1.candidate.bias"), List.copyOf(gru.parameters().keySet()));
  }

  @Test
  void badShapesAreClearErrors() {
    ConvLSTM lstm = new ConvLSTM(3, new int[] {4}, 3, DType.FLOAT32, new SplittableRandom(8));
    var wrongChannels = assertThrows(IllegalArgumentException.class, () -> lstm.run(Tensor.constant(NDArray.zeros(Shape.of(1, 2, 1, 4, 4))), null));
    assertEquals("ConvLSTM(3 -> [4], kernel 3x3): expected input [batch, steps, 3, height, width], got [1, 2, 1, 4, 4]", wrongChannels.getMessage());
    ConvRecurrentCell cell = lstm.cells().get(0);
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(1, 3, 4, 4)));
    var wrongState = assertThrows(IllegalArgumentException.class, () -> cell.step(x, new RecurrentState(Tensor.constant(NDArray.zeros(Shape.of(1, 4, 5, 5))), null)));
    assertEquals("ConvLSTMCell(3 -> 4, kernel 3x3): the hidden state must be [1, 4, 4, 4] for this input, got [1, 4, 5, 5]", wrongState.getMessage());
    var evenKernel = assertThrows(IllegalArgumentException.class, () -> new ConvGRUCell(1, 1, 4));
    assertEquals("ConvGRUCell: channels must be positive and the kernel odd (so that 'same' padding is symmetric); got 1 -> 1, kernel 4",
        evenKernel.getMessage());
  }
}
