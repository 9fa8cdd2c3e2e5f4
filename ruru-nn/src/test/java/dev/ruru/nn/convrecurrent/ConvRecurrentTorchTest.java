package dev.ruru.nn.convrecurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.RecurrentState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two-layer ConvLSTM and ConvGRU stacks against a PyTorch script of the same equations (fixtures and
 * script in src/test/resources/torch/convrecurrent/): outputs, final states, and the gradients of a loss
 * using all of them by the input, the initial states and every parameter.
 */
class ConvRecurrentTorchTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"lstm, FLOAT64", "lstm, FLOAT32", "gru, FLOAT64", "gru, FLOAT32"})
  void outputsStatesAndGradientsMatchPyTorch(String kind, DType dtype) throws Exception {
    Map<String, NDArray> f = Npz.read(Path.of("src/test/resources/torch/convrecurrent", "conv" + kind + ".npz"));
    int[] hidden = {3, 2};
    SplittableRandom rng = new SplittableRandom(3);
    ConvRecurrentLayer layer = kind.equals("lstm") ? new ConvLSTM(2, hidden, 3, dtype, rng) : new ConvGRU(2, hidden, 3, dtype, rng);
    Map<String, NDArray> state = new LinkedHashMap<>();
    f.forEach((key, value) -> {
      if (key.startsWith("param.")) {
        state.put(key.substring("param.".length()), value.astype(dtype));
      }
    });
    layer.loadStateDict(state);
    Map<String, Tensor> leaves = new LinkedHashMap<>();
    leaves.put("x", Tensor.variable(f.get("x").astype(dtype)));
    List<RecurrentState> initial = new ArrayList<>();
    for (int l = 0; l < hidden.length; l++) {
      Tensor h0 = Tensor.variable(f.get("h0_" + l).astype(dtype));
      leaves.put("h0_" + l, h0);
      Tensor c0 = f.containsKey("c0_" + l) ? Tensor.variable(f.get("c0_" + l).astype(dtype)) : null;
      if (c0 != null) {
        leaves.put("c0_" + l, c0);
      }
      initial.add(new RecurrentState(h0, c0));
    }
    ConvRecurrentOutput out = layer.run(leaves.get("x"), initial);
    double tolerance = dtype == DType.FLOAT64 ? 1e-10 : 2e-5;
    assertClose(f.get("out"), out.output().value(), tolerance, "output");
    Tensor loss = out.output().mul(weight(f, "w_out", dtype)).sum();
    for (int l = 0; l < hidden.length; l++) {
      RecurrentState last = out.states().get(l);
      assertClose(f.get("h_n_" + l), last.hidden().value(), tolerance, "layer " + l + " final h");
      loss = loss.add(last.hidden().mul(weight(f, "w_h_" + l, dtype)).sum());
      if (last.cell() != null) {
        assertClose(f.get("c_n_" + l), last.cell().value(), tolerance, "layer " + l + " final c");
        loss = loss.add(last.cell().mul(weight(f, "w_c_" + l, dtype)).sum());
      }
    }
    layer.parameters().forEach((key, parameter) -> leaves.put(key, parameter.tensor()));
    assertEquals(state.keySet(), layer.parameters().keySet(), "parameter names");
    Gradients gradients = loss.backward(new ArrayList<>(leaves.values()));
    for (Map.Entry<String, Tensor> leaf : leaves.entrySet()) {
      assertClose(f.get("grad." + leaf.getKey()), gradients.get(leaf.getValue()), tolerance * 10, "gradient of " + leaf.getKey());
    }
  }

  private static Tensor weight(Map<String, NDArray> f, String key, DType dtype) {
    return Tensor.constant(f.get(key).astype(dtype));
  }

  private static void assertClose(NDArray expected, NDArray actual, double tolerance, String what) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    assertTrue(actual.astype(DType.FLOAT64).allClose(expected, tolerance, tolerance), what + " differs from torch:\n" + actual
        + "\nexpected\n" + expected);
  }
}
