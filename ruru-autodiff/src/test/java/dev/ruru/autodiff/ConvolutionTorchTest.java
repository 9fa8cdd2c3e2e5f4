package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolution and pooling values and vector-Jacobian products against PyTorch (fixtures and their
 * script in src/test/resources/torch/conv/): each case applies the operation with torch's settings.
 */
class ConvolutionTorchTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("conv_pad1_bias", (TensorFunction) x -> Convolution.conv2d(x[0], x[1], x[2], Conv2dSpec.of(1, 1))),
        Arguments.of("conv_stride21_groups2", (TensorFunction) x ->
            Convolution.conv2d(x[0], x[1], Conv2dSpec.of(1, 0).withStride(2, 1).withPadding(1, 1, 0, 0).withGroups(2))),
        Arguments.of("conv_dilation2_pad2", (TensorFunction) x -> Convolution.conv2d(x[0], x[1], Conv2dSpec.of(1, 2).withDilation(2, 2))),
        Arguments.of("conv_stride3_depthwise", (TensorFunction) x -> Convolution.conv2d(x[0], x[1], Conv2dSpec.of(3, 2).withGroups(2))),
        Arguments.of("conv_asymmetric_padding", (TensorFunction) x ->
            Convolution.conv2d(x[0], x[1], Conv2dSpec.of(1, 0).withPadding(1, 0, 2, 1))),
        Arguments.of("convt_stride2_outpad1", (TensorFunction) x -> Convolution.convTranspose2d(x[0], x[1], Conv2dSpec.of(2, 1), 1, 1)),
        Arguments.of("convt_groups2_dilation", (TensorFunction) x ->
            Convolution.convTranspose2d(x[0], x[1], Conv2dSpec.of(1, 0).withStride(1, 2).withGroups(2).withDilation(2, 1), 0, 0)),
        Arguments.of("convt_outpad1_stride1_dilation2", (TensorFunction) x ->
            Convolution.convTranspose2d(x[0], x[1], Conv2dSpec.of(1, 0).withDilation(2, 2), 1, 1)),
        Arguments.of("convt_outpad21_stride21_dilation32", (TensorFunction) x -> Convolution.convTranspose2d(x[0], x[1],
            Conv2dSpec.of(1, 0).withStride(2, 1).withPadding(1, 1, 0, 0).withGroups(2).withDilation(3, 2), 2, 1)),
        Arguments.of("maxpool_2", (TensorFunction) x -> Convolution.maxPool2d(x[0], Pool2dSpec.of(2))),
        Arguments.of("maxpool_3_stride2_pad1", (TensorFunction) x -> Convolution.maxPool2d(x[0], Pool2dSpec.of(3, 2, 1))),
        Arguments.of("avgpool_3_stride2_pad1", (TensorFunction) x -> Convolution.avgPool2d(x[0], Pool2dSpec.of(3, 2, 1))),
        Arguments.of("adaptive_avgpool_3x4", (TensorFunction) x -> Convolution.adaptiveAvgPool2d(x[0], 3, 4)),
        Arguments.of("adaptive_avgpool_2x2", (TensorFunction) x -> Convolution.adaptiveAvgPool2d(x[0], 2, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valuesAndGradientsMatchPyTorch(String name, TensorFunction f) throws Exception {
    Map<String, NDArray> fixture = Npz.read(Path.of("src/test/resources/torch/conv", name + ".npz"));
    int count = (int) fixture.keySet().stream().filter(k -> k.startsWith("x")).count();
    NDArray[] inputs = new NDArray[count];
    for (int i = 0; i < count; i++) {
      inputs[i] = fixture.get("x" + i);
    }
    NDArray out = Autodiff.noGrad(() -> f.apply(Arrays.stream(inputs).map(Tensor::constant).toArray(Tensor[]::new)).value());
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
