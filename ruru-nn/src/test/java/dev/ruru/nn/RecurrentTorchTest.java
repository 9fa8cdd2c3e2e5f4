package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RNN, LSTM and GRU layers against torch.nn (fixtures and their script in
 * src/test/resources/torch/recurrent/): outputs, final states and the gradients of a loss that uses all
 * of them, by the input, the initial states and every parameter under PyTorch's names. float64 runs
 * the recorded composite, float32 the fused kernel.
 */
class RecurrentTorchTest {
  private record Case(String name, String kind, int input, int hidden, int layers, boolean bidirectional, boolean batchFirst, boolean relu) {}

  private static final List<Case> CASES = List.of(
      new Case("lstm_one_layer", "lstm", 3, 4, 1, false, true, false),
      new Case("lstm_two_layers_bidirectional_padded", "lstm", 3, 4, 2, true, true, false),
      new Case("gru_bidirectional_padded", "gru", 2, 3, 1, true, true, false),
      new Case("gru_two_layers_time_major", "gru", 3, 4, 2, false, false, false),
      new Case("rnn_tanh_two_layers", "rnn", 3, 4, 2, false, true, false),
      new Case("rnn_relu_bidirectional", "rnn", 3, 4, 1, true, true, true));

  static Stream<Arguments> cases() {
    return CASES.stream().flatMap(c -> Stream.of(Arguments.of(c.name(), c, DType.FLOAT64), Arguments.of(c.name(), c, DType.FLOAT32)));
  }

  private static RecurrentLayer layer(Case c, DType dtype) {
    RecurrentOptions options = RecurrentOptions.defaults().withLayers(c.layers()).withBidirectional(c.bidirectional())
        .withBatchFirst(c.batchFirst()).withDtype(dtype);
    SplittableRandom rng = new SplittableRandom(1);
    return switch (c.kind()) {
      case "lstm" -> new LSTM(c.input(), c.hidden(), options, rng);
      case "gru" -> new GRU(c.input(), c.hidden(), options, rng);
      default -> new RNN(c.input(), c.hidden(), c.relu() ? RNN.Nonlinearity.RELU : RNN.Nonlinearity.TANH, options, rng);
    };
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("cases")
  void outputsStatesAndGradientsMatchPyTorch(String name, Case c, DType dtype) throws Exception {
    Map<String, NDArray> f = Npz.read(Path.of("src/test/resources/torch/recurrent", name + ".npz"));
    RecurrentLayer layer = layer(c, dtype);
    Map<String, NDArray> state = new LinkedHashMap<>();
    f.forEach((key, value) -> {
      if (key.startsWith("param.")) {
        state.put(key.substring("param.".length()), value.astype(dtype));
      }
    });
    layer.loadStateDict(state);
    Tensor x = Tensor.variable(f.get("x").astype(dtype)), h0 = Tensor.variable(f.get("h0").astype(dtype));
    Tensor c0 = f.containsKey("c0") ? Tensor.variable(f.get("c0").astype(dtype)) : null;
    RecurrentState initial = new RecurrentState(h0, c0);
    RecurrentOutput out = f.containsKey("lengths") ? layer.run(x, initial, f.get("lengths").toIntArray(), Mode.EVAL)
        : layer.run(x, initial, Mode.EVAL);
    double tolerance = dtype == DType.FLOAT64 ? 1e-10 : 2e-5;
    assertClose(f.get("out"), out.output().value(), tolerance, "output");
    assertClose(f.get("h_n"), out.state().hidden().value(), tolerance, "h_n");
    Tensor loss = out.output().mul(Tensor.constant(f.get("w_out").astype(dtype))).sum()
        .add(out.state().hidden().mul(Tensor.constant(f.get("w_h").astype(dtype))).sum());
    if (c0 != null) {
      assertClose(f.get("c_n"), out.state().cell().value(), tolerance, "c_n");
      loss = loss.add(out.state().cell().mul(Tensor.constant(f.get("w_c").astype(dtype))).sum());
    }
    Map<String, Tensor> leaves = new LinkedHashMap<>();
    leaves.put("x", x);
    leaves.put("h0", h0);
    if (c0 != null) {
      leaves.put("c0", c0);
    }
    layer.parameters().forEach((key, parameter) -> leaves.put(key, parameter.tensor()));
    Gradients gradients = loss.backward(new ArrayList<>(leaves.values()));
    for (Map.Entry<String, Tensor> leaf : leaves.entrySet()) {
      assertClose(f.get("grad." + leaf.getKey()), gradients.get(leaf.getValue()), tolerance * 10, "gradient of " + leaf.getKey());
    }
    assertEquals(f.keySet().stream().filter(k -> k.startsWith("param.")).count(), layer.parameters().size(), "parameter count");
  }

  static Stream<Arguments> cells() {
    return Stream.of("lstm_cell", "gru_cell", "rnn_cell_relu")
        .flatMap(name -> Stream.of(Arguments.of(name, DType.FLOAT64), Arguments.of(name, DType.FLOAT32)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cells")
  void twoCellStepsMatchPyTorch(String name, DType dtype) throws Exception {
    Map<String, NDArray> f = Npz.read(Path.of("src/test/resources/torch/recurrent", name + ".npz"));
    SplittableRandom rng = new SplittableRandom(1);
    RecurrentCellLayer cell = switch (name) {
      case "lstm_cell" -> new LSTMCell(3, 4, dtype, rng);
      case "gru_cell" -> new GRUCell(3, 4, dtype, rng);
      default -> new RNNCell(3, 4, RNN.Nonlinearity.RELU, dtype, rng);
    };
    Map<String, NDArray> state = new LinkedHashMap<>();
    f.forEach((key, value) -> {
      if (key.startsWith("param.")) {
        state.put(key.substring("param.".length()), value.astype(dtype));
      }
    });
    cell.loadStateDict(state);
    Map<String, Tensor> leaves = new LinkedHashMap<>();
    for (String key : new String[] {"x1", "x2", "h0", "c0"}) {
      if (f.containsKey(key)) {
        leaves.put(key, Tensor.variable(f.get(key).astype(dtype)));
      }
    }
    RecurrentState first = cell.step(leaves.get("x1"), new RecurrentState(leaves.get("h0"), leaves.get("c0")));
    RecurrentState second = cell.step(leaves.get("x2"), first);
    double tolerance = dtype == DType.FLOAT64 ? 1e-10 : 2e-5;
    assertClose(f.get("h2"), second.hidden().value(), tolerance, "h after two steps");
    Tensor loss = second.hidden().mul(Tensor.constant(f.get("w_h").astype(dtype))).sum();
    if (second.cell() != null) {
      assertClose(f.get("c2"), second.cell().value(), tolerance, "c after two steps");
      loss = loss.add(second.cell().mul(Tensor.constant(f.get("w_c").astype(dtype))).sum());
    }
    cell.parameters().forEach((key, parameter) -> leaves.put(key, parameter.tensor()));
    Gradients gradients = loss.backward(new ArrayList<>(leaves.values()));
    for (Map.Entry<String, Tensor> leaf : leaves.entrySet()) {
      assertClose(f.get("grad." + leaf.getKey()), gradients.get(leaf.getValue()), tolerance * 10, "gradient of " + leaf.getKey());
    }
  }

  private static void assertClose(NDArray expected, NDArray actual, double tolerance, String what) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    assertTrue(actual.astype(DType.FLOAT64).allClose(expected, tolerance, tolerance), what + " differs from torch:\n" + actual
        + "\nexpected\n" + expected);
  }
}
