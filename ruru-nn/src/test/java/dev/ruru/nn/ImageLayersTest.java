package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The image layers: values, gradients and running statistics against PyTorch
 * (src/test/resources/torch/make_conv_layer_fixtures.py), PyTorch's initialisation bounds, spatial
 * dropout's whole-channel masks, and the errors that name the layer.
 */
class ImageLayersTest {
  private static final TorchFixture TORCH = TorchFixture.load("image_layers");

  @Test
  void batchNorm2dTrainsAndEvaluatesLikePyTorch() {
    BatchNorm2d bn = new BatchNorm2d(3, 1e-5, 0.1, DType.FLOAT64);
    bn.weight().set(TORCH.get("bn_weight"));
    bn.bias().set(TORCH.get("bn_bias"));
    Tensor x = Tensor.variable(TORCH.get("bn_x"));
    Tensor y = bn.forward(x, Mode.TRAIN);
    TORCH.assertMatches("bn_train", y.value());
    Gradients grads = y.mul(Tensor.constant(TORCH.get("bn_cot"))).sum().backward(List.of(x, bn.weight().tensor(), bn.bias().tensor()));
    TORCH.assertMatches("bn_grad_x", grads.get(x), 1e-8);
    TORCH.assertMatches("bn_grad_weight", grads.get(bn.weight().tensor()), 1e-8);
    TORCH.assertMatches("bn_grad_bias", grads.get(bn.bias().tensor()), 1e-8);
    TORCH.assertMatches("bn_running_mean", bn.runningMean());
    TORCH.assertMatches("bn_running_var", bn.runningVar());
    TORCH.assertMatches("bn_eval", bn.forward(x, Mode.EVAL).value());
    assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"), List.copyOf(bn.buffers().keySet()));
  }

  @Test
  void conv2dWithBiasAndGroupsMatchesPyTorch() {
    Conv2d conv = new Conv2d(4, 6, 3, 3, Conv2dSpec.of(2, 1).withGroups(2), DType.FLOAT64, new SplittableRandom(1));
    conv.weight().set(TORCH.get("conv_weight"));
    conv.bias().set(TORCH.get("conv_bias"));
    TORCH.assertMatches("conv_out", conv.forward(Tensor.constant(TORCH.get("conv_x"))).value());
    assertEquals(List.of("weight", "bias"), List.copyOf(conv.parameters().keySet()));
  }

  @Test
  void convTranspose2dUpsamplesLikePyTorch() {
    ConvTranspose2d up = new ConvTranspose2d(4, 3, 3, Conv2dSpec.of(2, 1), 1, DType.FLOAT64, new SplittableRandom(1));
    up.weight().set(TORCH.get("up_weight"));
    up.bias().set(TORCH.get("up_bias"));
    TORCH.assertMatches("up_out", up.forward(Tensor.constant(TORCH.get("up_x"))).value());
  }

  /** PyTorch allows output padding up to the dilation; with stride 1 the layer once failed inside the GEMM. */
  @Test
  void convTranspose2dTakesOutputPaddingBelowTheDilation() {
    ConvTranspose2d up = new ConvTranspose2d(2, 3, 2, Conv2dSpec.of(1, 0).withDilation(2, 2), 1, DType.FLOAT64, new SplittableRandom(2));
    Tensor y = up.forward(Tensor.constant(NDArray.ones(Shape.of(1, 2, 3, 3), DType.FLOAT64)));
    // (3 − 1)·1 + 2·(2 − 1) + 1 + 1 = 6; the last row lies beyond every tap and holds the bias alone.
    assertEquals(Shape.of(1, 3, 6, 6), y.shape());
    assertTrue(y.value().slice(2, 5, 6, 1).allClose(up.bias().value().reshape(1, 3, 1, 1).broadcastTo(Shape.of(1, 3, 1, 6)), 0, 0));
  }

  @Test
  void conv2dInitialisationStaysWithinPyTorchsBound() {
    Conv2d conv = new Conv2d(8, 16, 3, Conv2dSpec.of(1, 1).withGroups(2), new SplittableRandom(3));
    double bound = 1 / Math.sqrt(4 * 3 * 3);
    assertEquals(Shape.of(16, 4, 3, 3), conv.weight().shape());
    assertTrue(conv.weight().value().abs().max().item() <= bound);
    assertTrue(conv.weight().value().abs().max().item() > 0.9 * bound, "samples should fill the interval");
    assertTrue(conv.bias().value().abs().max().item() <= bound);
  }

  @Test
  void samePaddingKeepsTheImageSizeForOddAndEvenKernels() {
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(2, 3, 9, 8)));
    assertEquals(Shape.of(2, 5, 9, 8), Conv2d.same(3, 5, 3, new SplittableRandom(1)).forward(x).shape());
    assertEquals(Shape.of(2, 5, 9, 8), Conv2d.same(3, 5, 4, new SplittableRandom(1)).forward(x).shape());
  }

  @Test
  void poolingLayersGiveTheDocumentedShapes() {
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(2, 3, 9, 8)));
    assertEquals(Shape.of(2, 3, 4, 4), new MaxPool2d(2).forward(x).shape());
    assertEquals(Shape.of(2, 3, 5, 4), new AvgPool2d(Pool2dSpec.of(3, 2, 1)).forward(x).shape());
    assertEquals(Shape.of(2, 3, 1, 1), new AdaptiveAvgPool2d(1, 1).forward(x).shape());
  }

  @Test
  void dropout2dZeroesWholeChannelsAndScalesTheRest() {
    Tensor x = Tensor.constant(NDArray.ones(Shape.of(8, 6, 3, 3)));
    double[] y = new Dropout2d(0.5, new SplittableRandom(4)).forward(x, Mode.TRAIN).value().toDoubleArray();
    int zeroed = 0;
    for (int channel = 0; channel < 48; channel++) {
      double first = y[channel * 9];
      for (int i = 1; i < 9; i++) {
        assertEquals(first, y[channel * 9 + i], "channel " + channel + " is not dropped as a whole");
      }
      assertTrue(first == 0 || first == 2, "kept channels are scaled by 1/(1 - p)");
      zeroed += first == 0 ? 1 : 0;
    }
    assertTrue(zeroed > 10 && zeroed < 38, "about half of 48 channels dropped, got " + zeroed);
    assertEquals(x.value(), new Dropout2d(0.5, new SplittableRandom(4)).forward(x, Mode.EVAL).value());
  }

  @Test
  void smallCnnGradientsMatchFiniteDifferences() {
    Conv2d conv = new Conv2d(2, 3, 3, 3, Conv2dSpec.of(1, 1), DType.FLOAT64, new SplittableRandom(5));
    BatchNorm2d bn = new BatchNorm2d(3, 1e-5, 0.1, DType.FLOAT64);
    NDArray x = NDArray.normal(Shape.of(2, 2, 4, 4), 0, 1, DType.FLOAT64, new SplittableRandom(6));
    GradCheck.assertVjpMatches(in -> new MaxPool2d(2).forward(bn.forward(conv.forward(in[0]), Mode.EVAL).tanh()), x);
    NDArray features = NDArray.normal(Shape.of(2, 3, 3, 3), 0, 1, DType.FLOAT64, new SplittableRandom(7));
    GradCheck.assertVjpMatches(in -> bn.forward(in[0], Mode.TRAIN), features);
  }

  @Test
  void sequentialFusesConvolutionReluAndPoolingAndGetsTheSameNumbers() {
    Conv2d conv = new Conv2d(2, 4, 3, 3, Conv2dSpec.of(1, 1), DType.FLOAT32, new SplittableRandom(8));
    MaxPool2d pool = new MaxPool2d(2);
    Tensor x = Tensor.variable(NDArray.normal(Shape.of(3, 2, 6, 6), 0, 1, DType.FLOAT32, new SplittableRandom(9)));
    List<Tensor> wrt = List.of(x, conv.weight().tensor(), conv.bias().tensor());
    // conv, relu and pool fused into one primitive; conv and relu fused with a flatten after them
    Sequential block = new Sequential(conv, new ReLU(), pool);
    Sequential convRelu = new Sequential(conv, new ReLU(), new Flatten());
    Tensor[] fused = {block.forward(x, Mode.TRAIN), convRelu.forward(x, Mode.TRAIN)};
    Tensor[] apart = {pool.forward(Functional.relu(conv.forward(x, Mode.TRAIN)), Mode.TRAIN),
        new Flatten().forward(Functional.relu(conv.forward(x, Mode.TRAIN)), Mode.TRAIN)};
    for (int k = 0; k < 2; k++) {
      assertEquals(apart[k].value(), fused[k].value());
      Gradients fusedGrads = fused[k].mul(fused[k]).sum().backward(wrt);
      Gradients apartGrads = apart[k].mul(apart[k]).sum().backward(wrt);
      for (Tensor t : wrt) {
        assertEquals(apartGrads.get(t), fusedGrads.get(t));
      }
    }
    assertEquals(List.of("0.weight", "0.bias"), List.copyOf(block.parameters().keySet()), "names by position, the ReLU kept");
  }

  @Test
  void layersNameThemselvesTheExpectedShapeAndWhatCame() {
    Conv2d conv = new Conv2d(3, 16, 3, Conv2dSpec.of(1, 1), new SplittableRandom(1));
    Tensor mnist = Tensor.constant(NDArray.zeros(Shape.of(32, 1, 28, 28)));
    assertEquals("Conv2d(3 -> 16, kernel 3x3): expected input [batch, 3, H, W], got [32, 1, 28, 28]",
        assertThrows(IllegalArgumentException.class, () -> conv.forward(mnist)).getMessage());
    assertEquals("MaxPool2d(kernel 2x2, stride 2x2, padding 0x0): expected input [batch, channels, H, W], got [32, 28, 28]; "
        + "add the channel axis with reshape(batch, 1, height, width)",
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(2).forward(Tensor.constant(NDArray.zeros(Shape.of(32, 28, 28)))))
            .getMessage());
    assertEquals("BatchNorm2d(16, eps=1.0E-5, momentum=0.1): expected input [batch, 16, H, W], got [32, 1, 28, 28]",
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(16).forward(mnist, Mode.TRAIN)).getMessage());
    Conv2d large = new Conv2d(1, 4, 5, Conv2dSpec.of(1, 0), new SplittableRandom(1));
    assertEquals("conv2d: kernel height 5 is larger than the padded input height 3 (3 plus padding 0+0)",
        assertThrows(IllegalArgumentException.class, () -> large.forward(Tensor.constant(NDArray.zeros(Shape.of(1, 1, 3, 9))))).getMessage());
    assertEquals("conv2d: stride must be positive, got 0x0",
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 4, 3, Conv2dSpec.of(0, 1), new SplittableRandom(1))).getMessage());
  }
}
