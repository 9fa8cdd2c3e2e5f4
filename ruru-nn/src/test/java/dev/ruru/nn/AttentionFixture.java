package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cases of src/test/resources/torch/attention/attention.npz (written by make_attention_fixtures.py)
 * and the checks the attention tests share: a module's state dictionary loaded under PyTorch's names,
 * and its output and the gradients of every input and parameter compared with PyTorch's.
 */
final class AttentionFixture {
  static final TorchFixture TORCH = TorchFixture.load("attention/attention");

  private AttentionFixture() {}

  /** The case's PyTorch state_dict, in PyTorch's order. */
  static Map<String, NDArray> state(String name) {
    String prefix = name + ".state.";
    Map<String, NDArray> state = new LinkedHashMap<>();
    for (String key : TORCH.keys()) {
      if (key.startsWith(prefix)) {
        state.put(key.substring(prefix.length()), TORCH.get(key));
      }
    }
    return state;
  }

  /** Loads the case's state into {@code module}, first checking the names are PyTorch's, in its order. */
  static <M extends Layer> M loaded(String name, M module) {
    Map<String, NDArray> state = state(name);
    assertEquals(List.copyOf(state.keySet()), List.copyOf(module.parameters().keySet()), name + ": parameter names");
    module.loadStateDict(state);
    return module;
  }

  /**
   * Runs {@code forward} on the case's {@code inputs} (as variables), compares the output with
   * {@code <case>.out}, then the gradients of Σ out·cot by each input and each parameter with PyTorch's.
   */
  static void assertMatchesTorch(String name, Layer module, List<String> inputs, Function<List<Tensor>, Tensor> forward) {
    List<Tensor> variables = new ArrayList<>();
    for (String input : inputs) {
      variables.add(Tensor.variable(TORCH.get(name + "." + input)));
    }
    Tensor out = forward.apply(variables);
    TORCH.assertMatches(name + ".out", out.value(), 1e-9);
    List<Tensor> leaves = new ArrayList<>(variables);
    leaves.addAll(Params.tensors(module.parameters()));
    Gradients gradients = out.mul(Tensor.constant(TORCH.get(name + ".cot"))).sum().backward(leaves);
    for (int i = 0; i < inputs.size(); i++) {
      TORCH.assertMatches(name + ".grad_" + inputs.get(i), gradients.get(variables.get(i)), 1e-8);
    }
    module.parameters().forEach((path, parameter) ->
        TORCH.assertMatches(name + ".grad." + path, gradients.get(parameter.tensor()), 1e-8));
  }

  /** A bool mask entry of the case. */
  static NDArray mask(String name, String entry) {
    return TORCH.get(name + "." + entry);
  }
}
