package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values and vector-Jacobian products against PyTorch (fixtures and their script in
 * src/test/resources/torch/): each case rebuilds torch's function from Ruru's Tensor ops.
 */
class TorchReferenceTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("mlp_tanh_logsoftmax", (TensorFunction) x -> x[0].matmul(x[1]).add(x[2]).tanh().matmul(x[3]).logSoftmax(1)),
        Arguments.of("broadcast_mul_sum", (TensorFunction) x -> x[0].mul(x[1]).sum(1, Dims.KEEP)),
        Arguments.of("pow_log_div", (TensorFunction) x -> x[0].pow(x[1]).add(x[0].log().div(x[1]))),
        Arguments.of("sigmoid_relu_max", (TensorFunction) x -> x[0].sigmoid().mul(x[0].relu()).max(0, Dims.DROP)),
        Arguments.of("softmax_gather", (TensorFunction) x -> x[0].softmax(1).gather(1, NDArray.of(new long[] {0, 2, 1, 1, 3, 0}, 3, 2))),
        Arguments.of("batched_matmul", (TensorFunction) x -> x[0].matmul(x[1]).sin()),
        Arguments.of("slice_pad_concat", (TensorFunction) x ->
            Tensor.concat(List.of(x[0].slice(1, 1, 5, 2), x[0].pad(new int[][] {{0, 0}, {1, 2}}).exp()), 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valuesAndGradientsMatchPyTorch(String name, TensorFunction f) throws Exception {
    Map<String, NDArray> fixture = Npz.read(Path.of("src/test/resources/torch", name + ".npz"));
    int count = (int) fixture.keySet().stream().filter(k -> k.startsWith("x")).count();
    NDArray[] inputs = new NDArray[count];
    for (int i = 0; i < count; i++) {
      inputs[i] = fixture.get("x" + i);
    }
    NDArray out = Autodiff.noGrad(() -> f.apply(java.util.Arrays.stream(inputs).map(Tensor::constant).toArray(Tensor[]::new)).value());
    assertEquals(fixture.get("out").shape(), out.shape(), name + " output shape");
    assertTrue(out.allClose(fixture.get("out"), 1e-10, 1e-12), name + " output differs from torch");
    NDArray[] gradients = Autodiff.vjp(f, inputs, fixture.get("cot"));
    for (int i = 0; i < count; i++) {
      NDArray expected = fixture.get("grad" + i);
      assertEquals(expected.shape(), gradients[i].shape(), name + " gradient " + i + " shape");
      assertTrue(gradients[i].allClose(expected, 1e-10, 1e-12), name + " gradient " + i + " differs from torch:\n"
          + gradients[i] + "\nexpected\n" + expected);
    }
  }
}
